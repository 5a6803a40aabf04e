//! Reading and checking the labels files: the theme's, and the site's overrides.

use super::*;
use crate::t;

/// A labels file as read: each key's value with where it is.
pub(super) struct LabelsFile {
    /// As shown in messages.
    file: PathBuf,
    text: String,
    pub(super) texts: BTreeMap<Key, Text>,
    pub(super) standard_levels: Option<Vec<String>>,
    /// Every key the file sets, also those whose value is wrong (reported as such, not as
    /// missing).
    seen: BTreeSet<String>,
}

/// Reads the theme's labels and the site's overrides, made Simplified with `converter`, and
/// checks them. Every problem is reported.
pub(crate) fn load(
    root: &Path,
    theme: &str,
    converter: &Converter,
) -> Result<Labels, Vec<Diagnostic>> {
    let theme_dir = root.join("themes").join(theme);
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    if !theme_dir.is_dir() || !canonical(&theme_dir).starts_with(canonical(root)) {
        // The templates report a missing theme, or one that is a link out of the site.
        return Err(Vec::new());
    }
    let mut errors = Vec::new();
    let (theme_file, complete) = labels_file(root, &theme_dir.join(DIR), &mut errors);
    let theme_labels = match &theme_file {
        Some(file) => read(root, file, converter, &mut errors),
        // The folder could not be read: said already, the file is not missing for that.
        None if !complete => None,
        None => {
            let file = theme_dir.join(DIR).join(FILE);
            errors.push(
                Diagnostic::new(
                    crate::read::rel_to(root, &file),
                    t!(
                        "labels-file-missing",
                        theme = theme,
                        file = format!("{DIR}/{FILE}")
                    ),
                )
                .hint(t!(
                    "labels-file-missing-hint",
                    file = format!("{DIR}/{FILE}")
                )),
            );
            None
        }
    };
    let site_labels = labels_file(root, &root.join(DIR), &mut errors)
        .0
        .and_then(|file| read(root, &file, converter, &mut errors));
    let Some(theme_labels) = theme_labels else {
        return Err(errors);
    };
    let mut texts = Vec::with_capacity(Key::ALL.len());
    for &key in Key::ALL {
        let text = site_labels
            .as_ref()
            .and_then(|s| s.texts.get(&key))
            .or_else(|| theme_labels.texts.get(&key));
        match text {
            Some(text) => texts.push(text.clone()),
            None => errors.extend(missing(&theme_labels, site_labels.as_ref(), key.name())),
        }
    }
    let standard_levels = site_labels
        .as_ref()
        .and_then(|s| s.standard_levels.clone())
        .or_else(|| theme_labels.standard_levels.clone());
    if standard_levels.is_none() {
        errors.extend(missing(
            &theme_labels,
            site_labels.as_ref(),
            STANDARD_LEVELS,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let standard_levels = standard_levels.unwrap_or_default();
    let mut map = serde_json::Map::new();
    for (key, text) in Key::ALL.iter().zip(&texts) {
        let shown = if key.placeholders().is_empty() {
            &text.plain
        } else {
            &text.written
        };
        map.insert(key.name().into(), shown.clone().into());
    }
    map.insert(STANDARD_LEVELS.into(), standard_levels.clone().into());
    Ok(Labels {
        texts,
        standard_levels,
        for_templates: tera::Value::Object(map),
    })
}

/// A key neither file sets, reported at the end of the theme's file (where it would be
/// added); nothing when a file sets it wrongly (that is reported already).
fn missing(theme: &LabelsFile, site: Option<&LabelsFile>, key: &str) -> Option<Diagnostic> {
    if theme.seen.contains(key) || site.is_some_and(|s| s.seen.contains(key)) {
        return None;
    }
    let line = theme.text.lines().count().max(1);
    let example = default_theme_entry(key).unwrap_or("none");
    let hint = if site.is_some() {
        t!(
            "label-missing-site-hint",
            file = theme.file.display(),
            site_file = format!("{DIR}/{FILE}"),
            example = example
        )
    } else {
        t!(
            "label-missing-hint",
            file = theme.file.display(),
            example = example
        )
    };
    let d = Diagnostic::new(&theme.file, t!("label-missing", key = key))
        .at_line(line)
        .hint(hint);
    Some(d)
}

/// The line of the default theme's labels file that sets `key`.
fn default_theme_entry(key: &str) -> Option<&'static str> {
    crate::theme::default_theme_file(&format!("{DIR}/{FILE}"))?
        .lines()
        .find(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
}

/// The labels file in a labels folder (`themes/<theme>/i18n/` or the site's `i18n/`), found
/// like every source (a link out of the site is an error), and whether the folder could be
/// read whole. Other TOML files there are errors: a `zh-Hant.toml` would silently do nothing.
fn labels_file(root: &Path, dir: &Path, errors: &mut Vec<Diagnostic>) -> (Option<PathBuf>, bool) {
    let (files, problems) = crate::files::files_under(root, dir, 1);
    let complete = problems.is_empty();
    errors.extend(problems);
    let mut found = None;
    for file in files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == FILE {
            found = Some(file);
        } else if name.to_ascii_lowercase().ends_with(".toml") {
            let hint = if name.eq_ignore_ascii_case("zh-Hant.toml") {
                t!("labels-file-extra-hant-hint", file = FILE)
            } else {
                t!("labels-file-extra-hint", file = format!("{DIR}/{FILE}"))
            };
            errors.push(
                Diagnostic::new(
                    crate::read::rel_to(root, &file),
                    t!(
                        "labels-file-extra",
                        file = format!("{DIR}/{FILE}"),
                        name = &name
                    ),
                )
                .hint(hint),
            );
        }
    }
    (found, complete)
}

/// Reads and checks one labels file; problems go to `errors`. What could be read is kept, so
/// that one bad label does not make the others "missing"; `None` when it cannot be read or
/// parsed at all.
fn read(
    root: &Path,
    path: &Path,
    converter: &Converter,
    errors: &mut Vec<Diagnostic>,
) -> Option<LabelsFile> {
    let shown = crate::read::rel_to(root, path);
    let text = match crate::read::source(root, path, crate::read::Kind::Settings) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                errors.push(
                    Diagnostic::new(&shown, t!("labels-not-utf8")).hint(t!("labels-not-utf8-hint")),
                );
                return None;
            }
        },
        Err(problem) => {
            errors.push(problem);
            return None;
        }
    };
    match parse(&shown, &text, converter) {
        Ok((labels, problems)) => {
            errors.extend(problems);
            Some(labels)
        }
        Err(problem) => {
            errors.push(problem);
            None
        }
    }
}

/// Parses a labels file's text: the labels it sets and the problems found, or the TOML
/// syntax error that keeps it from being read.
pub(super) fn parse(
    file: &Path,
    text: &str,
    converter: &Converter,
) -> Result<(LabelsFile, Vec<Diagnostic>), Diagnostic> {
    let mut labels = LabelsFile {
        file: file.to_path_buf(),
        text: text.to_string(),
        texts: BTreeMap::new(),
        standard_levels: None,
        seen: BTreeSet::new(),
    };
    let source = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - source.len();
    let document = toml::de::DeTable::parse(source)
        .map_err(|e| toml_diagnostic(file, source, 1, &e).hint(t!("labels-syntax-hint")))?;
    let mut errors = Vec::new();
    let at = |d: Diagnostic, offset: usize| d.at_offset(text, offset + bom, 1);
    for (key, value) in document.get_ref() {
        let name: &str = key.get_ref();
        labels.seen.insert(name.to_string());
        let key_at = key.span().start;
        let value_span = value.span();
        let written = &source[value_span.clone()];
        if name == STANDARD_LEVELS {
            match value.get_ref() {
                toml::de::DeValue::Array(items) => {
                    let mut levels = Vec::new();
                    for item in items {
                        match item.get_ref() {
                            toml::de::DeValue::String(s) => {
                                let mut s = s.to_string();
                                crate::simplify::label(converter, &mut s);
                                levels.push(s);
                            }
                            _ => errors.push(at(
                                Diagnostic::new(file, t!("labels-level-not-text"))
                                    .hint(t!("labels-level-not-text-hint")),
                                item.span().start,
                            )),
                        }
                    }
                    labels.standard_levels = Some(levels);
                }
                _ => errors.push(at(
                    Diagnostic::new(file, t!("labels-levels-not-list"))
                        .hint(t!("labels-levels-not-list-hint")),
                    value_span.start,
                )),
            }
            continue;
        }
        let Some(&key) = Key::ALL.iter().find(|k| k.name() == name) else {
            errors.push(at(unknown_key(file, name), key_at));
            continue;
        };
        let toml::de::DeValue::String(value) = value.get_ref() else {
            errors.push(at(
                Diagnostic::new(file, t!("label-not-text", name = name))
                    .hint(t!("label-not-text-hint", name = name)),
                value_span.start,
            ));
            continue;
        };
        let mut value = value.to_string();
        if !VERBATIM.contains(&key) {
            crate::simplify::label(converter, &mut value);
        }
        match parse_text(key, &value) {
            Ok(parsed) => {
                labels.texts.insert(key, parsed);
            }
            Err(problem) => {
                // Point at the placeholder in the file when it is written there as it is.
                let offset = problem
                    .near
                    .as_deref()
                    .and_then(|near| written.find(near))
                    .map_or(value_span.start, |i| value_span.start + i);
                errors.push(at(
                    Diagnostic::new(file, problem.message).hint(problem.hint),
                    offset,
                ));
            }
        }
    }
    // In the order of the file (keys come sorted by name).
    errors.sort_by_key(|d| (d.line, d.column));
    Ok((labels, errors))
}

pub(super) fn unknown_key(file: &Path, name: &str) -> Diagnostic {
    let names = Key::ALL.iter().map(|k| k.name()).chain([STANDARD_LEVELS]);
    let hint = match crate::nearest::closest(name, names) {
        Some(close) => t!(
            "label-unknown-close-hint",
            close = close,
            file = format!("{DIR}/{FILE}")
        ),
        None => t!("label-unknown-hint", file = format!("{DIR}/{FILE}")),
    };
    Diagnostic::new(file, t!("label-unknown", name = name)).hint(hint)
}

/// What is wrong with a label's text.
#[derive(Debug)]
pub(super) struct Problem {
    message: String,
    hint: String,
    /// What to look for in the file to point at the problem.
    near: Option<String>,
}

/// `placeholders` as a reader sees them: `{year} and {value}`.
fn braced(placeholders: &[&str]) -> String {
    let mut all: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
    // A key has at most three placeholders; more would be listed with the first ones together.
    while all.len() > 3 {
        let second = all.remove(1);
        all[0] = format!("{}, {second}", all[0]);
    }
    let count = all.len();
    let mut all = all.into_iter();
    let mut next = || all.next().unwrap_or_default();
    let (first, second, third) = (next(), next(), next());
    t!(
        "label-placeholder-list",
        count = count,
        first = first,
        second = second,
        third = third
    )
}

/// Splits a label's text into literal text and the key's placeholders, checking that it uses
/// every one of them and nothing else.
pub(super) fn parse_text(key: Key, value: &str) -> Result<Text, Problem> {
    let name = key.name();
    let allowed = key.placeholders();
    let allowed_hint = || {
        if allowed.is_empty() {
            t!("label-no-placeholders-hint", name = name)
        } else {
            t!(
                "label-placeholders-hint",
                name = name,
                placeholders = braced(allowed)
            )
        }
    };
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut used = vec![false; allowed.len()];
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let rest = &value[i + 1..];
                let Some(end) = rest.find('}') else {
                    return Err(Problem {
                        message: t!("label-unclosed-brace", name = name),
                        hint: allowed_hint(),
                        near: Some(format!("{{{}", rest.chars().take(8).collect::<String>())),
                    });
                };
                let placeholder = &rest[..end];
                let Some(index) = allowed.iter().position(|p| *p == placeholder) else {
                    return Err(Problem {
                        message: if allowed.is_empty() {
                            t!(
                                "label-unknown-placeholder",
                                name = name,
                                placeholder = format!("{{{placeholder}}}")
                            )
                        } else {
                            t!(
                                "label-unknown-placeholder-shows",
                                name = name,
                                placeholder = format!("{{{placeholder}}}"),
                                placeholders = braced(allowed)
                            )
                        },
                        hint: allowed_hint(),
                        near: Some(format!("{{{placeholder}}}")),
                    });
                };
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Placeholder(index));
                used[index] = true;
                for _ in 0..placeholder.chars().count() + 1 {
                    chars.next();
                }
            }
            '}' => {
                return Err(Problem {
                    message: t!("label-stray-brace", name = name),
                    hint: allowed_hint(),
                    near: Some(value[i..].chars().take(8).collect()),
                })
            }
            c => literal.push(c),
        }
    }
    let unused: Vec<&str> = allowed
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(p, _)| *p)
        .collect();
    if !unused.is_empty() {
        return Err(Problem {
            message: t!(
                "label-unused-placeholders",
                name = name,
                placeholders = braced(&unused)
            ),
            hint: t!(
                "label-unused-placeholders-hint",
                name = name,
                placeholders = braced(allowed),
                example = default_theme_entry(name).unwrap_or("none")
            ),
            near: None,
        });
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    let plain = if allowed.is_empty() {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Literal(s) => s.as_str(),
                Piece::Placeholder(_) => "",
            })
            .collect()
    } else {
        String::new()
    };
    Ok(Text {
        written: value.to_string(),
        pieces,
        plain,
    })
}
