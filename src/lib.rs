//! stdportal: a static site generator for public standardization portals, publishing every
//! page in Simplified and Traditional Chinese.

pub mod chart;
pub mod config;
pub mod content;
pub mod dashboard;
pub mod data;
pub mod error;
pub mod feeds;
pub mod init;
pub mod output;
pub mod render;
pub mod script;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod site;
pub mod views;
pub mod check;
pub mod timings;
pub mod files;
pub mod simplify;
