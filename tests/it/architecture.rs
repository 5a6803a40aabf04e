//! The code's layers, as docs/ARCHITECTURE.md draws them, held against the code's own imports.
//!
//! Every file of `src/` is parsed (with `syn`, so comments, doc links and strings are not taken
//! for imports) and every path it names into the crate (`use crate::…`, `super::…`,
//! `crate::x::f()` in code, the catalogue macros) becomes an arrow from that file to the file
//! that defines the module. Test code (`#[cfg(test)]`, `tests.rs`) is left out: tests may look
//! anywhere. Then:
//!
//! - every top-level module is on a floor of the map ("Layers" in ARCHITECTURE.md);
//! - no arrow runs from a lower floor to a higher one, except those the map lists with their
//!   reason;
//! - no loop of imports ties more than two files together, and no two top-level modules import
//!   each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

use crate::support::repo;

/// A module's path from the crate root: `["output", "publish"]`; the crate root is `[]`.
type ModPath = Vec<String>;

/// What the map in ARCHITECTURE.md says.
struct Map {
    /// Top-level module → its floor (0 is the bottom).
    floors: BTreeMap<String, usize>,
    floor_names: Vec<String>,
    /// Arrows up that the map allows: (from module, to module).
    allowed_up: BTreeSet<(String, String)>,
}

fn read_map() -> Map {
    let doc = std::fs::read_to_string(repo().join("docs/ARCHITECTURE.md")).unwrap();
    let section = |title: &str| -> Vec<Vec<String>> {
        let start = doc
            .find(title)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md has no {title:?}"));
        doc[start..]
            .lines()
            .skip(1)
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2)
            .map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect()
    };
    let names = |cell: &str| -> Vec<String> {
        cell.split(',')
            .map(|n| n.trim().trim_matches('`').to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };
    let mut floors = BTreeMap::new();
    let mut floor_names = Vec::new();
    // The table lists the top floor first.
    let rows = section("### The floors");
    for (i, row) in rows.iter().rev().enumerate() {
        floor_names.push(row[0].clone());
        for module in names(&row[1]) {
            assert!(
                floors.insert(module.clone(), i).is_none(),
                "{module} is on two floors of the map"
            );
        }
    }
    let mut allowed_up = BTreeSet::new();
    // A row that names no module ("(none)") says there are none.
    for row in section("### Arrows up")
        .into_iter()
        .filter(|row| row[0].starts_with('`'))
    {
        allowed_up.insert((
            row[0].trim_matches('`').to_string(),
            row[1].trim_matches('`').to_string(),
        ));
    }
    Map {
        floors,
        floor_names,
        allowed_up,
    }
}

/// Every file of the library (not the binary, not test files) with its module path.
fn library_files() -> Vec<(PathBuf, ModPath)> {
    let src = repo().join("src");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let last = parts.last().unwrap().clone();
        if last == "main" && parts.len() == 1 {
            continue;
        }
        if last == "tests" {
            continue;
        }
        if matches!(last.as_str(), "mod" | "lib") {
            parts.pop();
        }
        // The crate root only declares the modules and what the library offers.
        if parts.is_empty() {
            continue;
        }
        files.push((path.to_path_buf(), parts));
    }
    files
}

/// The crate's paths named in one file, each made absolute (`crate::a::b::c`).
struct Paths {
    module: ModPath,
    /// The module whose `super` is meant: for `a/b.rs` and `a/b/mod.rs` alike, `a`.
    found: Vec<ModPath>,
    /// Inline `mod x { … }` blocks being visited.
    inline: Vec<String>,
}

impl Paths {
    fn here(&self) -> ModPath {
        let mut m = self.module.clone();
        m.extend(self.inline.iter().cloned());
        m
    }

    fn absolute(&self, segments: &[String]) -> Option<ModPath> {
        let first = segments.first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "super" => {
                let mut here = self.here();
                let mut rest = segments;
                while rest.first().is_some_and(|s| s == "super") {
                    here.pop();
                    rest = &rest[1..];
                }
                here.extend(rest.iter().cloned());
                return Some(here);
            }
            "self" => self.here(),
            _ => return None,
        };
        base.extend(segments[1..].iter().cloned());
        Some(base)
    }

    fn add(&mut self, segments: Vec<String>) {
        if let Some(path) = self.absolute(&segments) {
            self.found.push(path);
        }
    }
}

fn cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let mut path = prefix.clone();
            if n.ident != "self" {
                path.push(n.ident.to_string());
            }
            out.push(path);
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            path.push(r.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(g) => {
            for item in &g.items {
                flatten_use(item, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            _ => &Vec::new(),
        };
        if cfg_test(attrs) {
            return;
        }
        match item {
            syn::Item::Use(u) => {
                let mut paths = Vec::new();
                flatten_use(&u.tree, &mut Vec::new(), &mut paths);
                for path in paths {
                    self.add(path);
                }
            }
            syn::Item::Mod(m) if m.content.is_some() => {
                self.inline.push(m.ident.to_string());
                syn::visit::visit_item_mod(self, m);
                self.inline.pop();
            }
            _ => syn::visit::visit_item(self, item),
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(segments);
        syn::visit::visit_path(self, path);
    }
}

/// The import arrows between files: file → the files it names.
struct Graph {
    files: Vec<(PathBuf, ModPath)>,
    arrows: BTreeMap<usize, BTreeSet<usize>>,
}

fn graph() -> Graph {
    let files = library_files();
    let by_module: BTreeMap<ModPath, usize> = files
        .iter()
        .enumerate()
        .map(|(i, (_, m))| (m.clone(), i))
        .collect();
    // `#[macro_export]` macros are named from the crate root: `crate::t!` is i18n's.
    let mut macros: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (path, _)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let mut exported = false;
        for line in text.lines() {
            if line.trim() == "#[macro_export]" {
                exported = true;
            } else if exported {
                if let Some(name) = line.trim().strip_prefix("macro_rules! ") {
                    macros.insert(name.trim_end_matches(" {").to_string(), i);
                }
                exported = false;
            }
        }
    }
    let mut arrows: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, (path, module)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut paths = Paths {
            module: module.clone(),
            found: Vec::new(),
            inline: Vec::new(),
        };
        paths.visit_file(&file);
        for found in paths.found {
            let target = if found.len() == 1 && macros.contains_key(&found[0]) {
                Some(macros[&found[0]])
            } else {
                (1..=found.len())
                    .rev()
                    .find_map(|n| by_module.get(&found[..n]).copied())
            };
            if let Some(target) = target.filter(|&t| t != i) {
                arrows.entry(i).or_default().insert(target);
            }
        }
    }
    Graph { files, arrows }
}

/// Strongly connected groups of more than one node (Tarjan's algorithm).
fn loops(nodes: &BTreeSet<usize>, arrows: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    struct State<'a> {
        arrows: &'a BTreeMap<usize, BTreeSet<usize>>,
        index: BTreeMap<usize, usize>,
        low: BTreeMap<usize, usize>,
        stack: Vec<usize>,
        on_stack: BTreeSet<usize>,
        next: usize,
        found: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let empty = BTreeSet::new();
        for &w in s.arrows.get(&v).unwrap_or(&empty) {
            if !s.index.contains_key(&w) {
                visit(s, w);
                let low = s.low[&v].min(s.low[&w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(&w) {
                let low = s.low[&v].min(s.index[&w]);
                s.low.insert(v, low);
            }
        }
        if s.low[&v] == s.index[&v] {
            let mut group = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on_stack.remove(&w);
                group.push(w);
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        arrows,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for &v in nodes {
        if !s.index.contains_key(&v) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn shown(path: &Path) -> String {
    path.strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn imports_follow_the_layers_of_the_map() {
    let map = read_map();
    let graph = graph();
    let top = |i: usize| graph.files[i].1[0].clone();
    let mut problems = Vec::new();
    let tops: BTreeSet<String> = graph.files.iter().map(|(_, m)| m[0].clone()).collect();
    for module in &tops {
        if !map.floors.contains_key(module) {
            problems.push(format!(
                "module `{module}` is on no floor of the map in docs/ARCHITECTURE.md"
            ));
        }
    }
    for module in map.floors.keys() {
        if !tops.contains(module) {
            problems.push(format!(
                "the map in docs/ARCHITECTURE.md names `{module}`, which src/ does not have"
            ));
        }
    }
    let mut up_used = BTreeSet::new();
    for (&from, targets) in &graph.arrows {
        for &to in targets {
            let (a, b) = (top(from), top(to));
            let (Some(&fa), Some(&fb)) = (map.floors.get(&a), map.floors.get(&b)) else {
                continue;
            };
            if fa < fb {
                if map.allowed_up.contains(&(a.clone(), b.clone())) {
                    up_used.insert((a.clone(), b.clone()));
                } else {
                    problems.push(format!(
                        "{} uses {}: `{a}` ({}) may not use `{b}` ({}), a floor above it",
                        shown(&graph.files[from].0),
                        shown(&graph.files[to].0),
                        map.floor_names[fa],
                        map.floor_names[fb],
                    ));
                }
            }
        }
    }
    for (a, b) in &map.allowed_up {
        if !up_used.contains(&(a.clone(), b.clone())) {
            problems.push(format!(
                "the map allows `{a}` to use `{b}`, which it no longer does: take it off the list"
            ));
        }
    }
    assert!(
        map.allowed_up.len() <= 3,
        "at most three arrows up, each with its reason"
    );
    let nodes: BTreeSet<usize> = (0..graph.files.len()).collect();
    for group in loops(&nodes, &graph.arrows) {
        if group.len() > 2 {
            let names: Vec<String> = group.iter().map(|&i| shown(&graph.files[i].0)).collect();
            problems.push(format!(
                "{} files import each other in a loop: {}",
                group.len(),
                names.join(", ")
            ));
        }
    }
    // Between top-level modules: no two import each other (directly or round a loop).
    let index: BTreeMap<String, usize> = tops.iter().cloned().zip(0..).collect();
    let mut module_arrows: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (&from, targets) in &graph.arrows {
        for &to in targets {
            let (a, b) = (index[&top(from)], index[&top(to)]);
            if a != b {
                module_arrows.entry(a).or_default().insert(b);
            }
        }
    }
    let names: Vec<&String> = tops.iter().collect();
    for group in loops(&(0..tops.len()).collect(), &module_arrows) {
        let group: Vec<&str> = group.iter().map(|&i| names[i].as_str()).collect();
        problems.push(format!(
            "modules that import each other: {}",
            group.join(", ")
        ));
    }
    assert!(
        problems.is_empty(),
        "the imports of src/ disagree with the map of docs/ARCHITECTURE.md:\n{}",
        problems.join("\n")
    );
}

/// The backticked words of a text: `a/b.rs`, `serve/`.
fn code_words(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(|w| w.trim_start_matches("src/").to_string())
        .collect()
}

#[test]
fn every_file_of_src_is_in_the_module_list() {
    let doc = std::fs::read_to_string(repo().join("docs/ARCHITECTURE.md")).unwrap();
    let start = doc.find("## Modules, one line each").unwrap();
    let end = start + doc[start..].find("\n## Layers").unwrap();
    // A block is one item of the list (with its continuation lines) or one paragraph; a file is
    // named by its whole path, or by the rest of it in a block that names its folder.
    let mut blocks: Vec<String> = Vec::new();
    for line in doc[start..end].lines() {
        if line.starts_with("- ") || line.trim().is_empty() || blocks.is_empty() {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    let named = |rel: &str| {
        blocks.iter().any(|block| {
            let words = code_words(block);
            let folders: Vec<&String> = words.iter().filter(|w| w.ends_with('/')).collect();
            let mut dirs: Vec<String> = vec![String::new()];
            for a in &folders {
                dirs.push(a.to_string());
                for b in &folders {
                    dirs.push(format!("{a}{b}"));
                }
            }
            words
                .iter()
                .filter(|w| w.ends_with(".rs"))
                .any(|w| dirs.iter().any(|d| format!("{d}{w}") == rel))
        })
    };
    let src = repo().join("src");
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if rel.ends_with(".rs") && !rel.ends_with("tests.rs") && !named(&rel) {
            missing.push(rel);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/ARCHITECTURE.md's module list does not name: {}",
        missing.join(", ")
    );
}

#[test]
fn every_test_module_is_in_the_readme() {
    let main = std::fs::read_to_string(repo().join("tests/it/main.rs")).unwrap();
    let readme = std::fs::read_to_string(repo().join("tests/it/README.md")).unwrap();
    // The first cell of each row of the table names one module or a few.
    let first_cells: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix('|')?.split('|').next())
        .collect();
    let missing: Vec<&str> = main
        .lines()
        .filter_map(|l| l.strip_prefix("mod ")?.strip_suffix(';'))
        .filter(|m| *m != "support")
        .filter(|m| !first_cells.iter().any(|c| c.contains(&format!("`{m}`"))))
        .collect();
    assert!(
        missing.is_empty(),
        "tests/it/README.md has no row for: {}",
        missing.join(", ")
    );
}
