//! After an edit, render again exactly what shows something that changed.
//!
//! A build made for edits ([`Site::render_for_edits`]) writes down, for every producer of
//! files, what it read of the views. After [`Site::reread`], [`Incremental::update`] makes the
//! new views and renders the producers that are new or whose reads now give something else
//! ([`Views::changed`]); files no producer makes any more are removed. Nothing here knows which
//! route shows which data: that is whatever the route read while it was rendered.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use super::render::{Emit, Produced};
use super::Site;
use crate::error::Diagnostics;
use crate::output::OutputFile;
use crate::views::{Dep, Views};

/// What one producer read and made in the last good build.
struct Record {
    reads: Vec<Dep>,
    files: Vec<String>,
}

/// The last good build, as far as the next edit needs it.
pub struct Incremental {
    views: Views,
    /// By producer identity ([`Site::identity`]).
    records: HashMap<String, Record>,
    /// The route paths of the build, sorted (the sitemap shows them).
    routes: Vec<String>,
}

/// What an edit changed.
pub struct Update {
    /// New bytes for these paths.
    pub files: Vec<OutputFile>,
    /// Paths no longer part of the site.
    pub removed: Vec<String>,
    /// How many producers were rendered again, of how many.
    pub rendered: usize,
    pub producers: usize,
}

impl Site {
    /// Renders the whole site like [`Site::render_into`], remembering for the next edit what
    /// each producer read and made.
    pub fn render_for_edits(&self, emit: &Emit) -> Result<Incremental, Diagnostics> {
        let (views, produced) = self.render_recorded(emit, true)?;
        Ok(Incremental {
            views,
            records: records(produced),
            routes: sorted_routes(self),
        })
    }
}

impl Incremental {
    /// Renders what the edit changed (the site has read it: [`Site::reread`]). On a problem,
    /// nothing is kept: the next update compares with the same last good build.
    pub fn update(&mut self, site: &Site) -> Result<Update, Diagnostics> {
        site.check_paths()?;
        let views = site.views();
        let routes = sorted_routes(site);
        let routes_changed = routes != self.routes;
        let mut memo: HashMap<Dep, bool> = HashMap::new();
        let mut changed = |dep: Dep| {
            *memo.entry(dep).or_insert_with(|| match dep {
                Dep::Routes => routes_changed,
                _ => self.views.changed(&views, dep),
            })
        };
        let producers = site.producers();
        let mut current = HashSet::with_capacity(producers.len());
        let mut dirty = Vec::new();
        for producer in &producers {
            let identity = site.identity(producer);
            let render = match self.records.get(&identity) {
                None => true,
                Some(record) => record.reads.iter().any(|&dep| changed(dep)),
            };
            if render {
                dirty.push(producer.clone());
            }
            current.insert(identity);
        }
        let files = Mutex::new(Vec::new());
        let produced = site.render_producers(
            &views,
            &dirty,
            &|file| {
                files.lock().unwrap_or_else(|p| p.into_inner()).push(file);
                Ok(())
            },
            true,
        )?;
        let files = files.into_inner().unwrap_or_else(|p| p.into_inner());
        // Files of producers that are gone, or that a producer no longer makes.
        let mut removed = Vec::new();
        let fresh = records(produced);
        self.records.retain(|identity, record| {
            let keep = current.contains(identity);
            let now = fresh.get(identity).map(|r| &r.files);
            if !keep || now.is_some() {
                removed.extend(
                    record
                        .files
                        .iter()
                        .filter(|f| now.is_none_or(|now| !now.contains(f)))
                        .cloned(),
                );
            }
            keep
        });
        // What was not rendered again read only what did not change, so it is all still in
        // the new views, at indexes of their own when pages, lists or targets came or went.
        if !self.views.same_layout(&views) {
            for record in self.records.values_mut() {
                for dep in &mut record.reads {
                    *dep = self.views.remap(&views, *dep).unwrap_or(*dep);
                }
            }
        }
        self.records.extend(fresh);
        self.views = views;
        self.routes = routes;
        Ok(Update {
            files,
            removed,
            rendered: dirty.len(),
            producers: producers.len(),
        })
    }
}

fn records(produced: Produced) -> HashMap<String, Record> {
    produced
        .records
        .into_iter()
        .map(|(identity, reads, files)| (identity, Record { reads, files }))
        .collect()
}

fn sorted_routes(site: &Site) -> Vec<String> {
    let mut routes = site.route_paths();
    routes.sort_unstable();
    routes
}
