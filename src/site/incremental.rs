//! After an edit, render again exactly what shows something that changed.
//!
//! A build made for edits ([`Site::render_for_edits`]) writes down, for every producer of
//! files, what it read of the views. After [`Site::reread`], [`Incremental::update`] makes the
//! new views and renders the producers that are new or whose reads now give something else
//! ([`Views::changed`]); files no producer makes any more are removed. Nothing here knows which
//! route shows which data: that is whatever the route read while it was rendered.

use std::collections::HashMap;

use std::sync::Mutex;

use super::render::{Emit, Producer};
use super::Site;
use crate::error::Diagnostics;
use crate::output::OutputFile;
use crate::search::{IndexUpdate, SearchIndex};
use crate::sync::{into_inner, lock};
use crate::views::{Dep, Views};

/// Whether a read is known to have changed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    No,
    Same,
    Changed,
}

/// What one producer read and made in the last good build.
struct Record {
    /// What the producer is across builds ([`Site::identity`]).
    identity: String,
    reads: Vec<Dep>,
    files: Vec<String>,
}

/// The last good build, as far as the next edit needs it.
pub struct Incremental {
    views: Views,
    /// In the order of [`Site::producers`] of that build.
    records: Vec<Record>,
    /// Record by identity, for edits that add or remove producers.
    index: HashMap<String, usize>,
    /// The route paths of the build, in route order (the sitemap shows them in that order, and
    /// lists such as offices reorder when their counts change).
    routes: Vec<String>,
    /// The search index (when search is on): edited documents are replaced in it.
    search: Option<SearchIndex>,
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
    /// What the search index did, when search is on.
    pub index: Option<IndexUpdate>,
}

impl Site {
    /// Renders the whole site like [`Site::render_into`], remembering for the next edit what
    /// each producer read and made.
    pub fn render_for_edits(&self, emit: &Emit) -> Result<Incremental, Diagnostics> {
        let (views, mut produced) = self.render_recorded(emit, true)?;
        let search = produced.index.take();
        let producers = self.producers();
        let mut records: Vec<Option<Record>> = (0..producers.len()).map(|_| None).collect();
        for (i, reads, files) in produced.records {
            records[i] = Some(Record {
                identity: self.identity(&producers[i]),
                reads,
                files,
            });
        }
        let records: Vec<Record> = records.into_iter().flatten().collect();
        Ok(Incremental {
            index: index_of(&records),
            records,
            views,
            routes: self.route_paths().to_vec(),
            search,
        })
    }
}

impl Incremental {
    /// Renders what the edit changed (the site has read it: [`Site::reread`]). On a problem,
    /// nothing is kept: the next update compares with the same last good build.
    pub fn update(&mut self, site: &Site) -> Result<Update, Diagnostics> {
        let routes_changed = site.route_paths() != self.routes.as_slice();
        // The same routes have the same paths, which were checked (static files never change
        // here: an edit to them is a full build).
        if routes_changed {
            site.check_paths()?;
        }
        let views = site.views_after(&self.views);
        let producers = site.producers();
        // Most edits add and remove nothing: then each producer is where it was.
        let aligned = !routes_changed
            && producers.len() == self.records.len()
            && self.views.same_layout(&views);
        let identities: Vec<String> = if aligned {
            Vec::new()
        } else {
            producers.iter().map(|p| site.identity(p)).collect()
        };
        let previous: Vec<Option<usize>> = (0..producers.len())
            .map(|i| {
                if aligned {
                    Some(i)
                } else {
                    self.index.get(&identities[i]).copied()
                }
            })
            .collect();
        let mut memo = vec![Known::No; self.views.dep_count()];
        let mut changed = |dep: Dep| {
            let known = &mut memo[self.views.dep_slot(dep)];
            if *known == Known::No {
                let is = match dep {
                    Dep::Routes => routes_changed,
                    _ => self.views.changed(&views, dep),
                };
                *known = if is { Known::Changed } else { Known::Same };
            }
            *known == Known::Changed
        };
        let dirty: Vec<usize> = (0..producers.len())
            .filter(|&i| match previous[i] {
                None => true,
                Some(k) => self.records[k].reads.iter().any(|&dep| changed(dep)),
            })
            .collect();
        let files = Mutex::new(Vec::new());
        let to_render: Vec<Producer> = dirty.iter().map(|&i| producers[i].clone()).collect();
        let produced = site.render_producers(
            &views,
            &to_render,
            &|file| {
                lock(&files).push(file);
                Ok(())
            },
            true,
        )?;
        let mut files = into_inner(files);
        let searched = produced.searchable;
        let mut fresh: HashMap<usize, (Vec<Dep>, Vec<String>)> = produced
            .records
            .into_iter()
            .map(|(j, reads, made)| (dirty[j], (reads, made)))
            .collect();
        // What was not rendered again read only what did not change, so it is all still in
        // the new views, at indexes of their own when pages, lists or targets came or went.
        let remap = !aligned && !self.views.same_layout(&views);
        let mut old: Vec<Option<Record>> = std::mem::take(&mut self.records)
            .into_iter()
            .map(Some)
            .collect();
        let mut records = Vec::with_capacity(producers.len());
        let mut removed = Vec::new();
        for (i, k) in previous.iter().enumerate() {
            let earlier = k.and_then(|k| old[k].take());
            let record = match (fresh.remove(&i), earlier) {
                (Some((reads, made)), earlier) => {
                    // Files this producer made before and does not make any more.
                    if let Some(earlier) = &earlier {
                        removed.extend(earlier.files.iter().filter(|f| !made.contains(f)).cloned());
                    }
                    let identity = match earlier {
                        Some(e) => e.identity,
                        None => identities[i].clone(),
                    };
                    Record {
                        identity,
                        reads,
                        files: made,
                    }
                }
                (None, Some(mut earlier)) => {
                    if remap {
                        for dep in &mut earlier.reads {
                            *dep = self.views.remap(&views, *dep).unwrap_or(*dep);
                        }
                    }
                    earlier
                }
                (None, None) => unreachable!("a producer without a record is rendered"),
            };
            records.push(record);
        }
        // Producers that are gone.
        let gone: Vec<Record> = old.into_iter().flatten().collect();
        let index = self.search.as_mut().map(|index| {
            let gone_routes = gone.iter().map(|r| r.identity.clone()).collect();
            let mut update = index.update(site.search_site_info(), searched, gone_routes);
            files.append(&mut update.files);
            removed.extend(update.removed.iter().cloned());
            update
        });
        removed.extend(gone.into_iter().flat_map(|r| r.files));
        if !aligned {
            self.index = index_of(&records);
        }
        self.records = records;
        self.views = views;
        if routes_changed {
            self.routes = site.route_paths().to_vec();
        }
        Ok(Update {
            files,
            removed,
            rendered: dirty.len(),
            producers: producers.len(),
            index,
        })
    }
}

fn index_of(records: &[Record]) -> HashMap<String, usize> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.identity.clone(), i))
        .collect()
}
