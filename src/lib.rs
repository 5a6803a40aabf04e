//! stdportal: a static site generator for public standardization portals, publishing every
//! page in Simplified and Traditional Chinese.

pub mod config;
pub mod content;
pub mod dashboard;
pub mod data;
pub mod error;
pub mod script;
