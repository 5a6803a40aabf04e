//! stdportal: a static site generator for public standardization portals, publishing every
//! page in Simplified and Traditional Chinese.

pub mod chart;
pub mod check;
pub mod choices;
pub mod config;
pub mod content;
pub mod dashboard;
pub mod data;
pub mod date;
pub mod digits;
pub mod docx;
pub mod error;
pub mod escape;
pub mod files;
pub mod i18n;
pub mod init;
pub mod labels;
pub mod lists;
pub mod mistakes;
pub mod nearest;
pub mod output;
pub mod read;
pub mod render;
pub mod report;
pub mod script;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod status;
pub mod simplify;
pub mod site;
pub mod sync;
pub mod theme;
pub mod timings;
pub mod views;
