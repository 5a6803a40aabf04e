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

/// Templates named by `{% include %}` in a template's text, with the byte offset of each.
fn includes(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{%") {
        let start = rest + open;
        let Some(len) = text[start..].find("%}") else {
            break;
        };
        let tag = text[start + 2..start + len]
            .trim_start_matches('-')
            .trim_start();
        if let Some(args) = tag.strip_prefix("include") {
            // `include "a.html"` or `include ["a.html", "b.html"] ignore missing`
            for (i, part) in args.split('"').enumerate() {
                if i % 2 == 1 && !part.is_empty() {
                    found.push((part.to_string(), start));
                }
            }
        }
        rest = start + len + 2;
    }
    found
}

/// Templates that include themselves, directly or through others, would recurse until the
/// program runs out of stack: find such loops before rendering anything.
fn include_cycles(sources: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
    let graph: BTreeMap<&str, Vec<(String, usize)>> = sources
        .iter()
        .map(|(name, (_, text))| (name.as_str(), includes(text)))
        .collect();
    let mut errors = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for start in graph.keys() {
        // Depth-first search for a path back to `start`.
        let mut stack: Vec<(String, Vec<String>)> =
            vec![(start.to_string(), vec![start.to_string()])];
        let mut seen = std::collections::BTreeSet::new();
        while let Some((name, path)) = stack.pop() {
            for (next, _) in graph.get(name.as_str()).into_iter().flatten() {
                if next == start {
                    let mut cycle = path.clone();
                    cycle.push(next.clone());
                    let mut key = cycle[..cycle.len() - 1].to_vec();
                    key.sort();
                    if reported.insert(key) {
                        let (file, text) = &sources[*start];
                        let first_hop = path.get(1).unwrap_or(next);
                        let offset = graph[start]
                            .iter()
                            .find(|(n, _)| n == first_hop)
                            .map_or(0, |(_, o)| *o);
                        errors.push(
                            Diagnostic::new(
                                file,
                                format!(
                                    "templates include each other in a loop: {}",
                                    cycle.join(" → ")
                                ),
                            )
                            .at_offset(text, offset, 1)
                            .hint("remove one of the includes; a template must not include itself"),
                        );
                    }
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    errors
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

    #[test]
    fn tera_positions_are_found() {
        assert_eq!(
            parse_tera_line("Failed to parse 'a.html'\n --> 3:12\n  |"),
            Some((3, 12))
        );
        assert_eq!(parse_tera_line("no position"), None);
    }
}
