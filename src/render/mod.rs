//! The Tera environment: the theme's templates, overridden by the site's own `templates/`.

mod loops;
pub(crate) mod neutral;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

pub(crate) use loops::label_references;
use loops::{include_cycles, macro_cycles};

use crate::error::{Diagnostic, Diagnostics};
use crate::t;

/// Templates a theme must provide.
pub(crate) const REQUIRED_TEMPLATES: [&str; 12] = [
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

pub(crate) struct Templates {
    pub tera: Tera,
    /// Each template's text, by name.
    pub texts: BTreeMap<String, String>,
    /// Where each template was read from, for messages.
    pub files: BTreeMap<String, PathBuf>,
    /// Whether a page can be rendered once for both scripts (see [`neutral`]).
    pub script_neutral: bool,
}

/// Loads `themes/<theme>/templates` and the site's `templates/` (which wins on a name clash).
pub(crate) fn load(root: &Path, theme: &str) -> Result<Templates, Diagnostics> {
    let theme_dir = root.join("themes").join(theme);
    if let Err(e) = std::fs::metadata(&theme_dir) {
        if e.kind() != std::io::ErrorKind::NotFound {
            return Err(crate::files::folder_unreadable(root, &theme_dir, &e).into());
        }
    }
    if !theme_dir.is_dir() {
        return Err(
            Diagnostic::new("config.toml", t!("theme-missing", theme = theme))
                .hint(t!("theme-missing-hint"))
                .into(),
        );
    }
    let mut sources: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    let mut errors = Diagnostics::default();
    // Folders (and files) that could not be read: templates there are not reported missing.
    let mut unread: Vec<PathBuf> = Vec::new();
    for dir in [theme_dir.join("templates"), root.join("templates")] {
        let (paths, problems) = crate::files::files_under(root, &dir, usize::MAX);
        unread.extend(problems.iter().map(|p| p.file.clone()));
        errors.extend(problems);
        for path in &paths {
            let path = path.as_path();
            let shown = crate::read::rel_to(root, path);
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
            match crate::read::source(root, path, crate::read::Kind::Settings).and_then(|b| {
                String::from_utf8(b).map_err(|_| Diagnostic::new(&shown, t!("template-not-utf8")))
            }) {
                Ok(text) => {
                    sources.insert(name, (shown, text));
                }
                Err(problem) => {
                    unread.push(problem.file.clone());
                    errors.push(problem);
                }
            }
        }
    }
    for required in REQUIRED_TEMPLATES {
        let might_be_in = |dir: &Path| {
            let file = crate::read::rel_to(root, &dir.join(required));
            unread.iter().any(|u| file.starts_with(u))
        };
        if !sources.contains_key(required)
            && !might_be_in(&theme_dir.join("templates"))
            && !might_be_in(&root.join("templates"))
        {
            errors.push(
                Diagnostic::new(
                    theme_dir
                        .join("templates")
                        .join(required)
                        .strip_prefix(root)
                        .unwrap_or(Path::new(required)),
                    t!("template-missing", template = required),
                )
                .hint(t!("template-missing-hint")),
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
    tera.set_escape_fn(crate::escape::html);
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
        return Err(template_error(&files, &e).into());
    }
    let script_neutral = neutral::is_script_neutral(&tera);
    Ok(Templates {
        tera,
        texts,
        files,
        script_neutral,
    })
}

/// A Tera error as a diagnostic on the template file it concerns, with the whole cause chain.
pub(crate) fn template_error(files: &BTreeMap<String, PathBuf>, err: &tera::Error) -> Diagnostic {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    // Tera names the template in its message: 'Failed to parse "page.html"' or "... 'page.html'".
    let found = files.iter().find(|(name, _)| {
        message.contains(&format!("'{name}'")) || message.contains(&format!("\"{name}\""))
    });
    let file = found
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| PathBuf::from("templates"));
    let line = parse_tera_line(&message);
    // Tera's own words stay as they are (in English), inside a sentence of the editor's
    // language that names the template.
    let detail = message
        .replace('\n', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let template = found.map_or("none", |(name, _)| name.as_str());
    let mut d = Diagnostic::new(
        file,
        t!("template-error", template = template, detail = detail),
    )
    .hint(t!("template-error-hint"));
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
