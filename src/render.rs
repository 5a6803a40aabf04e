//! The Tera environment: the theme's templates, overridden by the site's own `templates/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use crate::error::Diagnostic;

/// Templates a theme must provide.
pub const REQUIRED_TEMPLATES: [&str; 12] = [
    "index.html",
    "section.html",
    "page.html",
    "cities.html",
    "city.html",
    "topics.html",
    "topic.html",
    "404.html",
    "search.html",
    "dashboard.html",
    "indicator.html",
    "shortcodes/indicator.html",
];

pub struct Templates {
    pub tera: Tera,
    /// Each template's text, by name.
    pub texts: BTreeMap<String, String>,
    /// Where each template was read from, for messages.
    pub files: BTreeMap<String, PathBuf>,
}

/// Loads `themes/<theme>/templates` and the site's `templates/` (which wins on a name clash).
pub fn load(root: &Path, theme: &str) -> Result<Templates, Vec<Diagnostic>> {
    let theme_dir = root.join("themes").join(theme);
    if !theme_dir.is_dir() {
        return Err(vec![Diagnostic::new(
            "config.toml",
            format!("the theme \"{theme}\" is not in themes/{theme}/"),
        )
        .hint(
            "set theme = \"default\" or copy a theme into the themes folder",
        )]);
    }
    let mut sources: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    let mut errors = Vec::new();
    for dir in [theme_dir.join("templates"), root.join("templates")] {
        let (paths, problems) = crate::files::files_under(root, &dir, usize::MAX);
        errors.extend(problems);
        for path in &paths {
            let path = path.as_path();
            let shown = crate::content::rel_to(root, path);
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
                continue;
            }
            match std::fs::read(path)
                .map_err(|e| e.to_string())
                .and_then(|b| {
                    String::from_utf8(b).map_err(|_| "the template is not valid UTF-8".to_string())
                }) {
                Ok(text) => {
                    sources.insert(name, (shown, text));
                }
                Err(e) => errors.push(Diagnostic::new(&shown, e)),
            }
        }
    }
    for required in REQUIRED_TEMPLATES {
        if !sources.contains_key(required) {
            errors.push(
                Diagnostic::new(
                    theme_dir
                        .join("templates")
                        .join(required)
                        .strip_prefix(root)
                        .unwrap_or(Path::new(required)),
                    format!("the template {required} is missing"),
                )
                .hint("restore it from the default theme, or put your own in templates/"),
            );
        }
    }
    errors.extend(include_cycles(&sources));
    errors.extend(macro_cycles(&sources));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera.set_escape_fn(escape_html);
    let files: BTreeMap<String, PathBuf> = sources
        .iter()
        .map(|(name, (file, _))| (name.clone(), file.clone()))
        .collect();
    let texts: BTreeMap<String, String> = sources
        .into_iter()
        .map(|(name, (_, text))| (name, text))
        .collect();
    let raw: Vec<(String, String)> = texts.iter().map(|(n, t)| (n.clone(), t.clone())).collect();
    if let Err(e) = tera.add_raw_templates(raw) {
        return Err(vec![template_error(&files, &e)]);
    }
    Ok(Templates { tera, texts, files })
}

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
fn include_cycles(sources: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
    let graph: BTreeMap<String, Vec<(String, usize)>> = sources
        .iter()
        .map(|(name, (_, text))| (name.clone(), includes(text)))
        .collect();
    graph_cycles(&graph)
        .into_iter()
        .map(|(cycle, offset)| {
            let (file, text) = &sources[&cycle[0]];
            Diagnostic::new(
                file,
                format!(
                    "templates include or extend each other in a loop: {}",
                    cycle.join(" → ")
                ),
            )
            .at_offset(text, offset, 1)
            .hint("remove one of the includes (or extends); a template must not include itself")
        })
        .collect()
}

/// A macro: the template that defines it and its name.
type MacroId = (String, String);

/// Each macro of a template and the macros it calls (`self::name(…)` or `alias::name(…)` after
/// `{% import "file.html" as alias %}`), with the byte offset of each call.
fn macro_calls(template: &str, text: &str) -> Vec<(MacroId, Vec<(MacroId, usize)>)> {
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
fn macro_cycles(sources: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
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
            let message = if cycle.len() == 2 {
                format!(
                    "the macro {} in {template} calls itself: {}",
                    cycle[0].1,
                    names.join(" → ")
                )
            } else if one_file {
                format!(
                    "macros in {template} call each other in a loop: {}",
                    names.join(" → ")
                )
            } else {
                format!("macros call each other in a loop: {}", names.join(" → "))
            };
            Diagnostic::new(file, message)
                .at_offset(text, offset, 1)
                .hint(
                    "a macro must not call itself, directly or through other macros: Tera \
                     has no depth limit and the build would crash; write the levels out \
                     instead",
                )
        })
        .collect()
}

/// HTML escaping for template output. Tera's own also escapes `/`, which makes every URL in
/// the page unreadable (`https:&#x2F;&#x2F;…`) without making anything safer inside quoted
/// attributes and text.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A Tera error as a diagnostic on the template file it concerns, with the whole cause chain.
pub fn template_error(files: &BTreeMap<String, PathBuf>, err: &tera::Error) -> Diagnostic {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    // Tera names the template in its message: 'Failed to parse "page.html"' or "... 'page.html'".
    let file = files
        .iter()
        .find(|(name, _)| {
            message.contains(&format!("'{name}'")) || message.contains(&format!("\"{name}\""))
        })
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| PathBuf::from("templates"));
    let line = parse_tera_line(&message);
    let mut d = Diagnostic::new(
        file,
        message
            .replace('\n', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
    .hint("fix the template; `stdportal build` reports the first template problem it meets");
    if let Some((line, column)) = line {
        d = d.at(line, column);
    }
    d
}

/// Tera's parse errors carry "--> 3:12".
fn parse_tera_line(message: &str) -> Option<(usize, usize)> {
    let at = message.find("--> ")?;
    let rest = &message[at + 4..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_urls_readable_and_markup_inert() {
        assert_eq!(
            escape_html("https://a.cn/x?a=1&b=2"),
            "https://a.cn/x?a=1&amp;b=2"
        );
        assert_eq!(escape_html("<script>\"'"), "&lt;script&gt;&quot;&#39;");
    }

    #[test]
    fn include_loops_are_found() {
        let mut sources = BTreeMap::new();
        let add = |s: &mut BTreeMap<String, (PathBuf, String)>, name: &str, text: &str| {
            s.insert(
                name.to_string(),
                (PathBuf::from(format!("templates/{name}")), text.to_string()),
            );
        };
        add(&mut sources, "a.html", "x\n{% include \"b.html\" %}");
        add(
            &mut sources,
            "b.html",
            "{%- include [\"c.html\", \"a.html\"] ignore missing -%}",
        );
        add(&mut sources, "c.html", "leaf");
        add(&mut sources, "self.html", "{% include \"self.html\" %}");
        let errors = include_cycles(&sources);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].message.contains("a.html → b.html → a.html"));
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[1].message.contains("self.html → self.html"));
        add(&mut sources, "self.html", "{% include \"c.html\" %}");
        assert!(include_cycles(&sources).len() == 1);
    }

    fn sources(templates: &[(&str, &str)]) -> BTreeMap<String, (PathBuf, String)> {
        templates
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (PathBuf::from(format!("templates/{name}")), text.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn extends_loops_are_found_with_include_loops() {
        let errors = include_cycles(&sources(&[
            ("a.html", "{% extends \"b.html\" %}"),
            ("b.html", "x\n{%- extends \"a.html\" -%}"),
            ("c.html", "{% extends \"d.html\" %}"),
            ("d.html", "<p>\n{% include \"c.html\" %}</p>"),
            (
                "e.html",
                "{# {% include \"e.html\" %} #}{% raw %}{% include \"e.html\" %}{% endraw %}",
            ),
        ]));
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "templates include or extend each other in a loop: a.html → b.html → a.html",
                "templates include or extend each other in a loop: c.html → d.html → c.html",
            ]
        );
        assert_eq!(errors[0].line, Some(1));
    }

    #[test]
    fn macro_loops_are_found_within_and_across_files() {
        let templates = sources(&[
            (
                "tree.html",
                "{% macro tree(node) %}\n<li>{{ node.name }}\n{% for c in node.children %}{{ self::tree(node=c) }}{% endfor %}</li>\n{% endmacro tree %}",
            ),
            (
                "pair.html",
                "{%- macro a() -%}{{ self::b() }}{%- endmacro a -%}\n{% macro b() %}\n  {% set x = self :: a () %}{% endmacro %}",
            ),
            (
                "one.html",
                "{% import \"two.html\" as two %}\n{% macro x() %}\n{{ two::y() }}{% endmacro %}",
            ),
            (
                "two.html",
                "{% import \"one.html\" as first %}{% macro y() %}{{ \"first::x()\" }}{{ first::x(a=\"self::z()\") }}{% endmacro %}",
            ),
            (
                "fine.html",
                "{% import \"tree.html\" as t %}{% macro list(p) %}{{ self::item(p=p) }}{% endmacro %}\
                 {% macro item(p) %}{{ p }}{% endmacro %}{{ self::list(p=1) }}{{ t::tree(node=1) }}\
                 {# {% macro c() %}{{ self::c() }}{% endmacro %} #}",
            ),
        ]);
        let errors = macro_cycles(&templates);
        let found: Vec<(String, Option<usize>, Option<usize>, &str)> = errors
            .iter()
            .map(|e| {
                (
                    e.file.display().to_string(),
                    e.line,
                    e.column,
                    e.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "templates/one.html".to_string(),
                    Some(3),
                    Some(4),
                    "macros call each other in a loop: one.html::x → two.html::y → one.html::x"
                ),
                (
                    "templates/pair.html".to_string(),
                    Some(1),
                    Some(21),
                    "macros in pair.html call each other in a loop: a → b → a"
                ),
                (
                    "templates/tree.html".to_string(),
                    Some(3),
                    Some(32),
                    "the macro tree in tree.html calls itself: tree → tree"
                ),
            ]
        );
        assert!(errors[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("must not call itself"));
    }

    #[test]
    fn the_default_theme_has_no_loops() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut templates = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
            if entry.file_type().is_file() {
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                templates.push((name, std::fs::read_to_string(entry.path()).unwrap()));
            }
        }
        let refs: Vec<(&str, &str)> = templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let all = sources(&refs);
        assert!(include_cycles(&all).is_empty());
        assert!(macro_cycles(&all).is_empty());
        // The theme's macros are seen: the table calls the status macro.
        let calls = macro_calls("macros.html", &all["macros.html"].1);
        assert!(calls.iter().any(|((_, m), c)| m == "indicator_table"
            && c.iter()
                .any(|((t, n), _)| t == "macros.html" && n == "status")));
    }

    #[test]
    fn tera_positions_are_found() {
        assert_eq!(
            parse_tera_line("Failed to parse 'a.html'\n --> 3:12\n  |"),
            Some((3, 12))
        );
        assert_eq!(parse_tera_line("no position"), None);
    }
}
