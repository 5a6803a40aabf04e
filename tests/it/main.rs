//! The integration tests, as one binary: each module is one area. See tests/it/README.md for
//! how to run them, the environment variables, and how to update the golden snapshots
//! (`INSTA_UPDATE=always cargo test --test it golden`, or `cargo insta review`).

mod support;

mod architecture;
mod bad_input;
mod build;
mod catalogue;
mod check;
mod conventions;
mod conversion;
mod crash;
mod data;
mod events;
mod example_portal;
mod fields;
mod figures;
mod forecasts;
mod golden;
mod gov;
mod guide;
mod incremental;
mod layout;
mod links;
mod lists;
mod messages_output;
mod messages_serve;
mod messages_tables;
mod messages_theme;
mod mistakes;
mod opencc_equivalence;
mod parallel;
mod power_cut;
mod progress;
mod properties;
mod relevance;
mod safety_data;
mod safety_markup;
mod safety_output;
mod safety_reads;
mod search;
mod serve;
mod site_audit;
mod typography;
mod word;
mod word_hostile;
mod word_pages;
mod workbooks;
