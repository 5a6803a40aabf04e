//! Templates that include, extend or call each other in a loop: found before anything is
//! rendered, since Tera has no depth limit and would overflow the stack.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::error::Diagnostic;
use crate::t;

/// A `{{ … }}` or `{% … %}` tag of a template.
struct TemplateTag<'a> {
    /// Byte offset of the tag's `{`.
    offset: usize,
    /// `{% … %}` rather than `{{ … }}`.
    statement: bool,
    /// What is between the delimiters, without whitespace-control dashes and outer spaces.
    inner: &'a str,
    /// Byte offset of `inner`.
    inner_offset: usize,
}

/// The tags of a template in order; comments and `{% raw %}` blocks are skipped, as Tera does.
fn template_tags(text: &str) -> Vec<TemplateTag<'_>> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{') {
        let start = rest + open;
        let close = match text.as_bytes().get(start + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                rest = start + 1;
                continue;
            }
        };
        let Some(len) = text[start + 2..].find(close) else {
            break;
        };
        let end = start + 2 + len;
        rest = end + 2;
        if close == "#}" {
            continue;
        }
        let raw = &text[start + 2..end];
        let trimmed = raw.trim_start_matches('-').trim_start();
        let inner_offset = start + 2 + (raw.len() - trimmed.len());
        let inner = trimmed.trim_end().trim_end_matches('-').trim_end();
        let statement = close == "%}";
        if statement && (inner == "raw" || inner.starts_with("raw ")) {
            // Everything up to `{% endraw %}` is text.
            if let Some(endraw) = text[rest..].find("endraw") {
                let after = rest + endraw;
                rest = text[after..]
                    .find("%}")
                    .map_or(text.len(), |i| after + i + 2);
            }
            continue;
        }
        found.push(TemplateTag {
            offset: start,
            statement,
            inner,
            inner_offset,
        });
    }
    found
}

/// Where a template names a label, `labels.<key>`, in its tags (not in string literals, not as
/// a field of something else such as `page.labels.x`): each key with the byte offset of
/// `labels`.
pub(crate) fn label_references(text: &str) -> Vec<(String, usize)> {
    const PREFIX: &str = "labels.";
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for tag in template_tags(text) {
        let inner = tag.inner;
        let mut quote: Option<char> = None;
        let mut previous: Option<char> = None;
        for (i, c) in inner.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
                None if inner[i..].starts_with(PREFIX)
                    && !previous.is_some_and(|p| is_ident(p) || p == '.') =>
                {
                    let rest = &inner[i + PREFIX.len()..];
                    let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
                    if end > 0 {
                        found.push((rest[..end].to_string(), tag.inner_offset + i));
                    }
                }
                None => {}
            }
            previous = Some(c);
        }
    }
    found
}

/// The quoted names after a statement's keyword: `include "a.html"`,
/// `include ["a.html", "b.html"] ignore missing`, `extends "base.html"`.
fn quoted_names(args: &str) -> impl Iterator<Item = &str> {
    args.split('"')
        .enumerate()
        .filter(|(i, part)| i % 2 == 1 && !part.is_empty())
        .map(|(_, part)| part)
}

/// Templates named by `{% include %}` and `{% extends %}` in a template's text, with the byte
/// offset of each: rendering a template renders them too.
fn includes(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for tag in template_tags(text).into_iter().filter(|t| t.statement) {
        let args = tag
            .inner
            .strip_prefix("include")
            .or_else(|| tag.inner.strip_prefix("extends"));
        if let Some(args) = args.filter(|a| a.starts_with([' ', '"', '['])) {
            found.extend(quoted_names(args).map(|name| (name.to_string(), tag.offset)));
        }
    }
    found
}

/// Loops in a graph: for each loop (once, whichever node it is found from), its nodes from the
/// first back to it and the offset of the first node's step into the loop.
fn graph_cycles<N: Ord + Clone>(graph: &BTreeMap<N, Vec<(N, usize)>>) -> Vec<(Vec<N>, usize)> {
    let mut cycles = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for start in graph.keys() {
        // Depth-first search for a path back to `start`, remembering where the path left it.
        let mut stack: Vec<(N, Vec<N>, usize)> = vec![(start.clone(), vec![start.clone()], 0)];
        let mut seen = std::collections::BTreeSet::new();
        while let Some((node, path, first_offset)) = stack.pop() {
            for (next, offset) in graph.get(&node).into_iter().flatten() {
                let first_offset = if path.len() == 1 {
                    *offset
                } else {
                    first_offset
                };
                if next == start {
                    let mut key = path.clone();
                    key.sort();
                    if reported.insert(key) {
                        let mut cycle = path.clone();
                        cycle.push(next.clone());
                        cycles.push((cycle, first_offset));
                    }
                } else if graph.contains_key(next) && seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer, first_offset));
                }
            }
        }
    }
    cycles
}

/// Templates that include or extend themselves, directly or through others, would recurse
/// until the program runs out of stack: find such loops before rendering anything. (Tera finds
/// loops of `extends` alone, but not one that goes through an `include`.)
pub(super) fn include_cycles(sources: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
    let graph: BTreeMap<String, Vec<(String, usize)>> = sources
        .iter()
        .map(|(name, (_, text))| (name.clone(), includes(text)))
        .collect();
    graph_cycles(&graph)
        .into_iter()
        .map(|(cycle, offset)| {
            let (file, text) = &sources[&cycle[0]];
            Diagnostic::new(file, t!("template-include-loop", cycle = cycle.join(" → ")))
                .at_offset(text, offset, 1)
                .hint(t!("template-include-loop-hint"))
        })
        .collect()
}

/// A macro: the template that defines it and its name.
type MacroId = (String, String);

/// Each macro of a template and the macros it calls (`self::name(…)` or `alias::name(…)` after
/// `{% import "file.html" as alias %}`), with the byte offset of each call.
pub(super) fn macro_calls(template: &str, text: &str) -> Vec<(MacroId, Vec<(MacroId, usize)>)> {
    let tags = template_tags(text);
    let mut imports: BTreeMap<&str, &str> = BTreeMap::new();
    for tag in tags.iter().filter(|t| t.statement) {
        if let Some(args) = tag.inner.strip_prefix("import ") {
            // import "macros.html" as m
            let mut names = quoted_names(args);
            if let (Some(file), Some((_, alias))) = (names.next(), args.rsplit_once(" as ")) {
                imports.insert(alias.trim(), file);
            }
        }
    }
    let mut macros = Vec::new();
    let mut current: Option<(MacroId, Vec<(MacroId, usize)>)> = None;
    for tag in &tags {
        if tag.statement {
            if let Some(def) = tag.inner.strip_prefix("macro ") {
                let name = def.split('(').next().unwrap_or("").trim().to_string();
                current = Some(((template.to_string(), name), Vec::new()));
                continue;
            }
            if tag.inner == "endmacro" || tag.inner.starts_with("endmacro ") {
                macros.extend(current.take());
                continue;
            }
        }
        let Some((_, calls)) = current.as_mut() else {
            continue;
        };
        for (namespace, name, offset) in namespaced_calls(tag.inner) {
            let target = match namespace {
                "self" => Some(template),
                alias => imports.get(alias).copied(),
            };
            if let Some(target) = target {
                calls.push((
                    (target.to_string(), name.to_string()),
                    tag.inner_offset + offset,
                ));
            }
        }
    }
    macros
}

/// `namespace::name(` in an expression (Tera allows spaces around `::` and before `(`),
/// outside string literals: namespace, name and the namespace's offset.
fn namespaced_calls(expression: &str) -> Vec<(&str, &str, usize)> {
    let bytes = expression.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut found = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if matches!(b, b'"' | b'\'' | b'`') => quote = Some(b),
            None if b == b':' && bytes.get(i + 1) == Some(&b':') => {
                let ns_end = (0..i)
                    .rev()
                    .find(|&j| !is_space(bytes[j]))
                    .map_or(0, |j| j + 1);
                let ns_start = (0..ns_end)
                    .rev()
                    .take_while(|&j| is_ident(bytes[j]))
                    .last()
                    .unwrap_or(ns_end);
                let name_start = (i + 2..bytes.len())
                    .find(|&j| !is_space(bytes[j]))
                    .unwrap_or(bytes.len());
                let name_end = (name_start..bytes.len())
                    .find(|&j| !is_ident(bytes[j]))
                    .unwrap_or(bytes.len());
                let opens = expression[name_end..].trim_start().starts_with('(');
                if ns_start < ns_end && name_start < name_end && opens {
                    found.push((
                        &expression[ns_start..ns_end],
                        &expression[name_start..name_end],
                        ns_start,
                    ));
                }
                i = name_end.max(i + 2);
                continue;
            }
            None => {}
        }
        i += 1;
    }
    found
}

/// Macros that call themselves, directly or through other macros (in the same file or across
/// `{% import %}`s), would recurse until the program runs out of stack: Tera has no depth
/// limit. Such loops are found before rendering, like include loops. (A macro that recurses
/// only while the data goes deeper would end, but no check can tell it from one that never
/// does, and a crash takes the whole build down: none is allowed.)
pub(super) fn macro_cycles(sources: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
    let graph: BTreeMap<MacroId, Vec<(MacroId, usize)>> = sources
        .iter()
        .flat_map(|(name, (_, text))| macro_calls(name, text))
        .collect();
    graph_cycles(&graph)
        .into_iter()
        .map(|(cycle, offset)| {
            let (template, _) = &cycle[0];
            let (file, text) = &sources[template];
            let one_file = cycle.iter().all(|(t, _)| t == template);
            let names: Vec<String> = cycle
                .iter()
                .map(|(t, m)| {
                    if one_file {
                        m.clone()
                    } else {
                        format!("{t}::{m}")
                    }
                })
                .collect();
            let cycle_names = names.join(" → ");
            let message = if cycle.len() == 2 {
                t!(
                    "macro-calls-itself",
                    name = &cycle[0].1,
                    template = template,
                    cycle = cycle_names
                )
            } else if one_file {
                t!(
                    "macros-loop-in-file",
                    template = template,
                    cycle = cycle_names
                )
            } else {
                t!("macros-loop", cycle = cycle_names)
            };
            Diagnostic::new(file, message)
                .at_offset(text, offset, 1)
                .hint(t!("macro-loop-hint"))
        })
        .collect()
}
