//! stdportal: a static site generator for public standardization portals, publishing every
//! page in Simplified and Traditional Chinese.
//!
//! The modules made public here are what the command (`main.rs`), the integration tests, the
//! fuzz targets and the examples use; everything else is private to the crate, so the compiler
//! reports what nobody uses.

#![warn(unreachable_pub)]
#![warn(missing_docs)]

mod chart;
pub mod check;
mod choices;
mod config;
pub mod content;
mod dashboard;
pub mod data;
mod date;
mod digits;
pub mod docx;
pub mod error;
pub mod escape;
pub mod figure;
mod files;
pub mod i18n;
pub mod import;
pub mod init;
mod labels;
mod lists;
mod mistakes;
mod nearest;
pub mod output;
mod read;
mod render;
pub mod report;
pub mod script;
pub mod search;
pub mod serve;
mod shortcodes;
mod simplify;
pub mod site;
mod status;
mod sync;
mod theme;
mod timings;
mod views;
