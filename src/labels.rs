//! The words the code puts on pages: the navigation, titles of the built-in pages, status
//! names, the sentence that sums up a target, chart labels, CSV headers, dates. They belong to
//! the theme, like its templates.
//!
//! They are read from the theme's `i18n/zh-Hans.toml`, which must have every key, and the
//! site's own `i18n/zh-Hans.toml`, which may replace any of them (as `templates/` overrides
//! the theme's templates). Both are checked like templates: an unknown key, a missing one, a
//! placeholder a text does not have or does not use is an error with its file and line.
//! Labels are made Simplified when they are read, like every source (except the names of the
//! two scripts, shown as written); zh-Hant pages get them converted with the rest of the page.
//!
//! Code asks for a label by a method named after its key — `labels.nav_home()`,
//! `labels.indicator_summary_baseline(year, value)` — so it can neither ask for a key the file
//! need not have nor fill a placeholder the key does not have. Templates see every label as
//! `labels.<key>` (see [`Labels::for_templates`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Display, Write as _};
use std::path::{Path, PathBuf};

use crate::content::frontmatter::{DocumentKind, PartialDate, Validity};
use crate::dashboard::Status;
use crate::data::Comparator;
use crate::error::{toml_diagnostic, Diagnostic};
use crate::render::Templates;
use crate::script::{Converter, Script};

/// Where a theme and a site keep their labels, and the only file read there.
pub const DIR: &str = "i18n";
pub const FILE: &str = "zh-Hans.toml";

/// The key whose value is a list: the levels of standards, in the order they are shown.
const STANDARD_LEVELS: &str = "standard_levels";

/// Labels shown exactly as written, never converted: each names a script in that script.
const VERBATIM: [Key; 2] = [Key::script_name_hans, Key::script_name_hant];

/// Declares the text keys: the [`Key`] enum, each key's placeholders, and a method of
/// [`Labels`] per key (taking one argument per placeholder, in the order declared).
macro_rules! labels {
    ($( $(#[doc = $doc:literal])+ $key:ident $( ( $($arg:ident),+ ) )? ; )+) => {
        /// A text label; its name is the key in `i18n/zh-Hans.toml`.
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $( $(#[doc = $doc])+ $key, )+
        }

        impl Key {
            /// Every text key, in the order declared.
            pub const ALL: &'static [Key] = &[$(Key::$key),+];

            /// The key as written in `i18n/zh-Hans.toml` and in templates (`labels.<key>`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$key => stringify!($key),)+
                }
            }

            /// The placeholders the text must show, in the order its method takes them.
            pub fn placeholders(self) -> &'static [&'static str] {
                match self {
                    $(Key::$key => &[$($(stringify!($arg)),+)?],)+
                }
            }
        }

        impl Labels {
            $( labels!(@method $(#[doc = $doc])+ $key $( ( $($arg),+ ) )?); )+
        }
    };
    (@method $(#[doc = $doc:literal])+ $key:ident) => {
        $(#[doc = $doc])+
        pub fn $key(&self) -> &str {
            &self.texts[Key::$key as usize].plain
        }
    };
    (@method $(#[doc = $doc:literal])+ $key:ident ( $($arg:ident),+ )) => {
        $(#[doc = $doc])+
        pub fn $key(&self, $($arg: impl Display),+) -> String {
            self.fill(Key::$key, &[$(&$arg),+])
        }
    };
}

labels! {
    /// Navigation: the home page (首页).
    nav_home;
    /// Navigation: the list of cities (城市).
    nav_cities;
    /// Navigation: the overview of targets (目标进展).
    nav_dashboard;
    /// Navigation: the list of topics (主题分类).
    nav_topics;
    /// Title of the list of cities (城市).
    title_cities;
    /// Title of the overview of targets (目标进展总览).
    title_dashboard;
    /// Title of the list of topics (主题分类).
    title_topics;
    /// Title of the search page (搜索).
    title_search;
    /// Title of the page shown for a missing address (页面未找到).
    title_not_found;
    /// Title of the public-information catalogue (信息公开目录).
    title_catalogue;
    /// Title of the HTML site map (网站地图).
    title_site_map;
    /// Title of page 2, 3 … of a list (政策原文（第2页）).
    title_pager(title, number);
    /// The language switch to Simplified, in Simplified (简体中文); never converted.
    script_name_hans;
    /// The language switch to Traditional, in Traditional (繁體中文); never converted.
    script_name_hant;
    /// Status: the target is met (已完成).
    status_achieved;
    /// Status: at least as far as the time elapsed (按期推进).
    status_on_track;
    /// Status: less far than the time elapsed, or past the target year (滞后).
    status_behind;
    /// Status: nothing measured (暂无数据).
    status_no_data;
    /// A target `>=` (不低于).
    comparator_at_least;
    /// A target `<=` (不高于).
    comparator_at_most;
    /// A target `=` (达到).
    comparator_exactly;
    /// Document kind `interpretation` (政策解读).
    kind_interpretation;
    /// Document kind `policy` (政策原文).
    kind_policy;
    /// Document kind `news` (新闻).
    kind_news;
    /// Validity `有效` / `valid`.
    validity_valid;
    /// Validity `已修改` / `amended`.
    validity_amended;
    /// Validity `已废止` / `repealed`.
    validity_repealed;
    /// Validity `已失效` / `expired`.
    validity_expired;
    /// A date given as a year ({year}年).
    date_year(year);
    /// A date given as a month ({year}年{month}月).
    date_month(year, month);
    /// A date given as a day ({year}年{month}月{day}日).
    date_day(year, month, day);
    /// A target's baseline, as a row of its data (基线).
    baseline;
    /// A target's target value, as a row of its data (目标).
    target;
    /// A target's latest value, as a column of target tables (最新).
    latest;
    /// A measured value, as a row of a target's data (监测).
    observation;
    /// A target's status, as a column of target tables (状态).
    status;
    /// The summary of a target: its baseline.
    indicator_summary_baseline(year, value);
    /// The summary of a target: its target.
    indicator_summary_target(year, comparator, value);
    /// The summary of a target: its latest value.
    indicator_summary_latest(date, value);
    /// The summary of a target: instead of the latest value, when nothing was measured.
    indicator_summary_no_latest;
    /// The summary of a target: its status.
    indicator_summary_status(status);
    /// The summary without its status, as a sentence (the caption of a chart that shows the
    /// status itself): the parts above with their last separator taken off.
    indicator_figures(figures);
    /// A target's chart: the baseline's mark.
    indicator_chart_baseline(year);
    /// A target's chart: the target's mark.
    indicator_chart_target(year);
    /// A target's chart: the latest value's mark.
    indicator_chart_latest(date);
    /// The title of the chart of a target's measured values.
    indicator_chart_history(name);
    /// A chart with nothing to draw (暂无数据).
    chart_no_data;
    /// A target's chart with a status but no value to show (暂无最新数据).
    chart_no_latest;
    /// A value in a chart after its label (目标 2020：97%).
    chart_value(label, value);
    /// The latest value's mark in a target's chart, with its status.
    chart_latest_status(value, status);
    /// The dashboard's chart of statuses: title.
    dashboard_status_chart_title;
    /// The dashboard's chart of statuses: unit of its values.
    dashboard_status_chart_unit;
    /// The dashboard's chart of statuses, description: targets of a city in one status.
    dashboard_status_chart_count(status, count);
    /// The dashboard's chart of statuses, description: one city.
    dashboard_status_chart_city(city, counts);
    /// The dashboard's chart of standards: title.
    dashboard_standards_chart_title;
    /// The dashboard's chart of standards: unit of its values.
    dashboard_standards_chart_unit;
    /// The dashboard's chart of standards, description: a city's standards of one level.
    dashboard_standards_chart_level(level, value);
    /// The dashboard's chart of standards, description: one city.
    dashboard_standards_chart_city(city, levels);
    /// The dashboard's chart descriptions: between the items of a city.
    dashboard_chart_item_separator;
    /// The dashboard's chart descriptions: between cities.
    dashboard_chart_city_separator;
    /// The dashboard's chart descriptions: the whole.
    dashboard_chart_desc(cities);
    /// A city's chart of standards by level: title.
    city_standards_chart_title(city);
    /// A city's chart of standards by level: the name of a bar.
    city_standards_chart_bar(level);
    /// A city's chart of standards by level, description: one level.
    city_standards_chart_level(level, value);
    /// A city's chart of standards by level, description: between levels.
    city_standards_chart_separator;
    /// A city's chart of standards by level, description: the whole.
    city_standards_chart_desc(levels);
    /// The category of an achievement whose category is empty (其他).
    achievement_category_default;
    /// CSV header: what a row is (类型).
    csv_type;
    /// CSV header: date (日期).
    csv_date;
    /// CSV header: value (数值).
    csv_value;
    /// CSV header: unit (单位).
    csv_unit;
    /// CSV header: note (说明).
    csv_note;
    /// CSV header: category (类别).
    csv_category;
    /// CSV header: level (层级).
    csv_level;
    /// CSV header: name (名称).
    csv_name;
    /// CSV header: the source's words (来源原文).
    csv_quote;
}

/// A piece of a label's text.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Literal(String),
    /// The placeholder at this index of [`Key::placeholders`].
    Placeholder(usize),
}

/// A text label, read and checked.
#[derive(Debug, Clone, PartialEq)]
struct Text {
    /// As written, placeholders and doubled braces included (what templates see of a label
    /// with placeholders).
    written: String,
    pieces: Vec<Piece>,
    /// The text of a label without placeholders (braces undoubled).
    plain: String,
}

/// Every label of the site, checked: the theme's, with the site's overrides.
#[derive(Debug, Clone)]
pub struct Labels {
    /// In [`Key::ALL`] order.
    texts: Vec<Text>,
    standard_levels: Vec<String>,
    for_templates: tera::Value,
}

impl Labels {
    fn fill(&self, key: Key, args: &[&dyn Display]) -> String {
        let mut out = String::new();
        for piece in &self.texts[key as usize].pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Placeholder(i) => {
                    let _ = write!(out, "{}", args[*i]);
                }
            }
        }
        out
    }

    /// The levels of standards in the order they are shown; levels not listed come after.
    pub fn standard_levels(&self) -> &[String] {
        &self.standard_levels
    }

    /// What templates see as `labels`: every key with its text as code shows it, a key with
    /// placeholders as written (placeholders and doubled braces included), `standard_levels` as
    /// a list.
    pub fn for_templates(&self) -> &tera::Value {
        &self.for_templates
    }

    pub fn status_label(&self, status: Status) -> &str {
        match status {
            Status::Achieved => self.status_achieved(),
            Status::OnTrack => self.status_on_track(),
            Status::Behind => self.status_behind(),
            Status::NoData => self.status_no_data(),
        }
    }

    /// How a target reads before its value.
    pub fn comparator_words(&self, comparator: Comparator) -> &str {
        match comparator {
            Comparator::AtLeast => self.comparator_at_least(),
            Comparator::AtMost => self.comparator_at_most(),
            Comparator::Exactly => self.comparator_exactly(),
        }
    }

    pub fn kind_label(&self, kind: DocumentKind) -> &str {
        match kind {
            DocumentKind::Interpretation => self.kind_interpretation(),
            DocumentKind::Policy => self.kind_policy(),
            DocumentKind::News => self.kind_news(),
        }
    }

    pub fn validity_label(&self, validity: Validity) -> &str {
        match validity {
            Validity::Valid => self.validity_valid(),
            Validity::Amended => self.validity_amended(),
            Validity::Repealed => self.validity_repealed(),
            Validity::Expired => self.validity_expired(),
        }
    }

    /// A date as readers see it: 2021年10月14日, 2021年10月, 2021年.
    pub fn date(&self, date: &PartialDate) -> String {
        match (date.month, date.day) {
            (Some(m), Some(d)) => self.date_day(date.year, m, d),
            (Some(m), None) => self.date_month(date.year, m),
            _ => self.date_year(date.year),
        }
    }

    /// The name of a script in that script, for the language switch.
    pub fn script_name(&self, script: Script) -> &str {
        match script {
            Script::Hans => self.script_name_hans(),
            Script::Hant => self.script_name_hant(),
        }
    }
}

/// A labels file as read: each key's value with where it is.
struct LabelsFile {
    /// As shown in messages.
    file: PathBuf,
    text: String,
    texts: BTreeMap<Key, Text>,
    standard_levels: Option<Vec<String>>,
    /// Every key the file sets, also those whose value is wrong (reported as such, not as
    /// missing).
    seen: BTreeSet<String>,
}

/// Reads the theme's labels and the site's overrides, made Simplified with `converter`, and
/// checks them. Every problem is reported.
pub fn load(root: &Path, theme: &str, converter: &Converter) -> Result<Labels, Vec<Diagnostic>> {
    let theme_dir = root.join("themes").join(theme);
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    if !theme_dir.is_dir() || !canonical(&theme_dir).starts_with(canonical(root)) {
        // The templates report a missing theme, or one that is a link out of the site.
        return Err(Vec::new());
    }
    let mut errors = Vec::new();
    let theme_file = labels_file(root, &theme_dir.join(DIR), &mut errors);
    let theme_labels = match &theme_file {
        Some(file) => read(root, file, converter, &mut errors),
        None => {
            let file = theme_dir.join(DIR).join(FILE);
            errors.push(
                Diagnostic::new(
                    crate::content::rel_to(root, &file),
                    format!("the theme \"{theme}\" has no labels file {DIR}/{FILE}"),
                )
                .hint(format!(
                    "copy themes/default/{DIR}/{FILE} into the theme (stdportal init writes it) \
                     and change the texts you want"
                )),
            );
            None
        }
    };
    let site_labels = labels_file(root, &root.join(DIR), &mut errors)
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
    let site_has_labels = site.is_some();
    let line = theme.text.lines().count().max(1);
    let example = default_theme_entry(key)
        .map(|entry| format!(", e.g. {entry} as in the default theme"))
        .unwrap_or_default();
    let also = if site_has_labels {
        format!(" (or to the site's {DIR}/{FILE})")
    } else {
        String::new()
    };
    let d = Diagnostic::new(&theme.file, format!("the label {key} is missing"))
        .at_line(line)
        .hint(format!("add it to {}{also}{example}", theme.file.display()));
    Some(d)
}

/// The line of the default theme's labels file that sets `key`.
fn default_theme_entry(key: &str) -> Option<&'static str> {
    crate::init::default_theme_file(&format!("{DIR}/{FILE}"))?
        .lines()
        .find(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
}

/// The labels file in a labels folder (`themes/<theme>/i18n/` or the site's `i18n/`), found
/// like every source (a link out of the site is an error). Other TOML files there are errors:
/// a `zh-Hant.toml` would silently do nothing.
fn labels_file(root: &Path, dir: &Path, errors: &mut Vec<Diagnostic>) -> Option<PathBuf> {
    let (files, problems) = crate::files::files_under(root, dir, 1);
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
                format!(
                    "Traditional pages show the labels of {FILE} converted like the rest of the \
                     page; to change how a phrase is converted, add it to [to_hant] in \
                     data/dictionary.toml, and remove this file"
                )
            } else {
                format!("write the labels in {DIR}/{FILE} and remove this file")
            };
            errors.push(
                Diagnostic::new(
                    crate::content::rel_to(root, &file),
                    format!("stdportal reads only {DIR}/{FILE} here, not {name}"),
                )
                .hint(hint),
            );
        }
    }
    found
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
    let shown = crate::content::rel_to(root, path);
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            errors.push(
                Diagnostic::new(&shown, "the labels file is not valid UTF-8")
                    .hint("save it as UTF-8"),
            );
            return None;
        }
        Err(e) => {
            errors.push(Diagnostic::new(
                &shown,
                format!("cannot read the file: {e}"),
            ));
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
fn parse(
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
    let document = toml::de::DeTable::parse(source).map_err(|e| {
        toml_diagnostic(file, source, 1, &e)
            .hint("check the TOML syntax: key = \"text\", one per line")
    })?;
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
                                Diagnostic::new(
                                    file,
                                    format!("every level in {STANDARD_LEVELS} must be a string"),
                                )
                                .hint("write the levels in quotes: [\"国际\", \"国家\", …]"),
                                item.span().start,
                            )),
                        }
                    }
                    labels.standard_levels = Some(levels);
                }
                _ => errors.push(at(
                    Diagnostic::new(file, format!("{STANDARD_LEVELS} must be a list of levels"))
                        .hint("write standard_levels = [\"国际\", \"国家\", …]"),
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
                Diagnostic::new(file, format!("the label {name} must be a string"))
                    .hint(format!("write {name} = \"…\"")),
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

fn unknown_key(file: &Path, name: &str) -> Diagnostic {
    let names = Key::ALL.iter().map(|k| k.name()).chain([STANDARD_LEVELS]);
    let hint = match closest(name, names) {
        Some(close) => {
            format!("did you mean {close}? The keys are those of themes/default/{DIR}/{FILE}")
        }
        None => format!("use the keys of themes/default/{DIR}/{FILE}"),
    };
    Diagnostic::new(file, format!("there is no label named {name}")).hint(hint)
}

/// The name among `names` nearest to `name`, if it is near enough to be a typo.
fn closest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(d, candidate)| *d <= (candidate.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

/// What is wrong with a label's text.
#[derive(Debug)]
struct Problem {
    message: String,
    hint: String,
    /// What to look for in the file to point at the problem.
    near: Option<String>,
}

/// `placeholders` as a reader sees them: `{year} and {value}`.
fn braced(placeholders: &[&str]) -> String {
    let all: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
    match all.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Splits a label's text into literal text and the key's placeholders, checking that it uses
/// every one of them and nothing else.
fn parse_text(key: Key, value: &str) -> Result<Text, Problem> {
    let name = key.name();
    let allowed = key.placeholders();
    let allowed_hint = || {
        if allowed.is_empty() {
            format!("{name} has no placeholders; write {{{{ and }}}} for a brace")
        } else {
            format!(
                "{name} shows {}; write {{{{ and }}}} for a brace",
                braced(allowed)
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
                        message: format!("the label {name} has a {{ that is not closed"),
                        hint: allowed_hint(),
                        near: Some(format!("{{{}", rest.chars().take(8).collect::<String>())),
                    });
                };
                let placeholder = &rest[..end];
                let Some(index) = allowed.iter().position(|p| *p == placeholder) else {
                    return Err(Problem {
                        message: if allowed.is_empty() {
                            format!("the label {name} has no placeholder {{{placeholder}}}")
                        } else {
                            format!(
                                "the label {name} has no placeholder {{{placeholder}}}: it shows {}",
                                braced(allowed)
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
                    message: format!("the label {name} has a }} that closes nothing"),
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
            message: format!("the label {name} does not show {}", braced(&unused)),
            hint: format!(
                "{name} must show {}, e.g. {}",
                braced(allowed),
                default_theme_entry(name).unwrap_or("as in the default theme")
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

/// `labels.<name>` in the templates must name a label: a typo is found when the site is read,
/// not when (or whether) a page renders it.
pub fn check_templates(templates: &Templates) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (name, text) in &templates.texts {
        for (label, offset) in crate::render::label_references(text) {
            let known = label == STANDARD_LEVELS || Key::ALL.iter().any(|k| k.name() == label);
            if !known {
                let file = templates
                    .files
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from(name));
                let d = unknown_key(&file, &label);
                errors.push(
                    Diagnostic {
                        message: format!(
                            "the template {name} uses labels.{label}, which is not a label"
                        ),
                        ..d
                    }
                    .at_offset(text, offset, 1),
                );
            }
        }
    }
    errors
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::script::TraditionalProfile;
    use std::sync::OnceLock;

    fn converter() -> &'static Converter {
        static CONVERTER: OnceLock<Converter> = OnceLock::new();
        CONVERTER.get_or_init(|| Converter::new(TraditionalProfile::default(), &Default::default()))
    }

    /// The default theme's labels, for tests of what they show.
    pub(crate) fn default_labels() -> &'static Labels {
        static LABELS: OnceLock<Labels> = OnceLock::new();
        LABELS.get_or_init(|| {
            load(
                Path::new(env!("CARGO_MANIFEST_DIR")),
                "default",
                converter(),
            )
            .expect("the default theme's labels load")
        })
    }

    fn default_text() -> String {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/zh-Hans.toml"),
        )
        .unwrap()
    }

    /// A site with the default theme's templates and labels, and `files` of its own.
    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let theme = dir.path().join("themes/default/i18n");
        std::fs::create_dir_all(&theme).unwrap();
        std::fs::write(theme.join(FILE), default_text()).unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn errors(dir: &tempfile::TempDir) -> Vec<String> {
        load(dir.path(), "default", converter())
            .unwrap_err()
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn every_key_is_in_the_default_theme() {
        let text = default_text();
        let (file, problems) = parse(Path::new("zh-Hans.toml"), &text, converter()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        for key in Key::ALL {
            assert!(file.texts.contains_key(key), "{} is missing", key.name());
        }
        assert!(file.standard_levels.is_some());
        // And the default theme is what `init` writes.
        assert_eq!(
            crate::init::default_theme_file("i18n/zh-Hans.toml"),
            Some(text.as_str())
        );
    }

    #[test]
    fn labels_fill_their_placeholders() {
        let labels = default_labels();
        assert_eq!(labels.nav_home(), "首页");
        assert_eq!(
            labels.indicator_summary_baseline(2015, "93.2%"),
            "基线：2015年93.2%；"
        );
        let date = PartialDate::parse("2021-10-04").unwrap();
        assert_eq!(labels.date(&date), "2021年10月4日");
        assert_eq!(labels.date(&PartialDate::parse("2021").unwrap()), "2021年");
        assert_eq!(labels.status_label(Status::OnTrack), "按期推进");
        assert_eq!(labels.script_name(Script::Hant), "繁體中文");
        assert_eq!(labels.standard_levels()[0], "国际");
        let value = labels.for_templates();
        assert_eq!(value["nav_home"], "首页");
        assert_eq!(value["date_year"], "{year}年");
        assert_eq!(value["standard_levels"][1], "国家");
    }

    #[test]
    fn braces_are_doubled_and_placeholders_may_repeat() {
        let text = parse_text(Key::chart_value, "{label}{{{value}}}{label}").unwrap();
        let labels = Labels {
            texts: Key::ALL
                .iter()
                .map(|k| {
                    if *k == Key::chart_value {
                        text.clone()
                    } else {
                        default_labels().texts[*k as usize].clone()
                    }
                })
                .collect(),
            ..default_labels().clone()
        };
        assert_eq!(labels.chart_value("a", 1), "a{1}a");
        let plain = parse_text(Key::nav_home, "{{首页}}").unwrap();
        assert_eq!(plain.plain, "{首页}");
        assert_eq!(plain.written, "{{首页}}");
    }

    #[test]
    fn a_missing_key_is_an_error_at_the_theme_file() {
        let text = default_text().replace("nav_home = \"首页\"\n", "");
        let dir = site(&[("themes/default/i18n/zh-Hans.toml", &text)]);
        let errors = errors(&dir);
        assert_eq!(errors.len(), 1, "{errors:?}");
        let lines = text.lines().count();
        assert_eq!(
            errors[0],
            format!(
                "themes/default/i18n/zh-Hans.toml:{lines}: error: the label nav_home is missing\n  \
                 help: add it to themes/default/i18n/zh-Hans.toml, e.g. nav_home = \"首页\" as in the default theme"
            )
        );
        // The site may supply it.
        let dir = site(&[
            ("themes/default/i18n/zh-Hans.toml", &text),
            ("i18n/zh-Hans.toml", "nav_home = \"主页\"\n"),
        ]);
        let labels = load(dir.path(), "default", converter()).unwrap();
        assert_eq!(labels.nav_home(), "主页");
    }

    #[test]
    fn a_wrong_theme_label_is_reported_once_and_a_syntax_error_alone() {
        let text = default_text().replace("nav_home = \"首页\"", "nav_home = \"{home}\"");
        let dir = site(&[("themes/default/i18n/zh-Hans.toml", &text)]);
        let found = errors(&dir);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("the label nav_home has no placeholder {home}"));
        let dir = site(&[(
            "i18n/zh-Hans.toml",
            "nav_home = \"首页\nnav_cities = \"城市\"\n",
        )]);
        let errors = errors(&dir);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("i18n/zh-Hans.toml:1:"), "{errors:?}");
    }

    #[test]
    fn a_theme_without_labels_is_an_error() {
        let dir = site(&[]);
        std::fs::remove_file(dir.path().join("themes/default/i18n/zh-Hans.toml")).unwrap();
        let errors = errors(&dir);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("themes/default/i18n/zh-Hans.toml: error: the theme \"default\" has no labels file i18n/zh-Hans.toml"), "{errors:?}");
    }

    #[test]
    fn an_unknown_key_is_an_error_with_its_line_and_the_nearest_key() {
        let dir = site(&[(
            "i18n/zh-Hans.toml",
            "# mine\nnav_home = \"主页\"\nnav_hom = \"主页\"\n",
        )]);
        assert_eq!(
            errors(&dir),
            [
                "i18n/zh-Hans.toml:3:1: error: there is no label named nav_hom\n  \
              help: did you mean nav_home? The keys are those of themes/default/i18n/zh-Hans.toml"
            ]
        );
        let dir = site(&[("i18n/zh-Hans.toml", "[nav]\nhome = \"主页\"\n")]);
        assert_eq!(
            errors(&dir),
            [
                "i18n/zh-Hans.toml:1:2: error: there is no label named nav\n  \
              help: use the keys of themes/default/i18n/zh-Hans.toml"
            ]
        );
    }

    #[test]
    fn placeholders_must_be_the_keys_own_and_all_of_them() {
        let cases = [
            (
                "date_year = \"{yaer}年\"",
                "i18n/zh-Hans.toml:1:14: error: the label date_year has no placeholder {yaer}: it shows {year}\n  \
                 help: date_year shows {year}; write {{ and }} for a brace",
            ),
            (
                "nav_home = \"{home}\"",
                "i18n/zh-Hans.toml:1:13: error: the label nav_home has no placeholder {home}\n  \
                 help: nav_home has no placeholders; write {{ and }} for a brace",
            ),
            (
                "indicator_summary_baseline = \"基线:{year}年;\"",
                "i18n/zh-Hans.toml:1:30: error: the label indicator_summary_baseline does not show {value}\n  \
                 help: indicator_summary_baseline must show {year} and {value}, e.g. indicator_summary_baseline = \"基线：{year}年{value}；\"",
            ),
            (
                "date_month = \"{year}年{month月\"",
                "i18n/zh-Hans.toml:1:22: error: the label date_month has a { that is not closed\n  \
                 help: date_month shows {year} and {month}; write {{ and }} for a brace",
            ),
            (
                "nav_home = \"首页}\"",
                "i18n/zh-Hans.toml:1:15: error: the label nav_home has a } that closes nothing\n  \
                 help: nav_home has no placeholders; write {{ and }} for a brace",
            ),
            (
                "nav_home = 1",
                "i18n/zh-Hans.toml:1:12: error: the label nav_home must be a string\n  \
                 help: write nav_home = \"…\"",
            ),
            (
                "standard_levels = \"国家\"",
                "i18n/zh-Hans.toml:1:19: error: standard_levels must be a list of levels\n  \
                 help: write standard_levels = [\"国际\", \"国家\", …]",
            ),
        ];
        for (line, want) in cases {
            let dir = site(&[("i18n/zh-Hans.toml", &format!("{line}\n"))]);
            assert_eq!(errors(&dir), [want], "{line}");
        }
    }

    #[test]
    fn the_site_overrides_the_theme_key_by_key() {
        let dir = site(&[(
            "i18n/zh-Hans.toml",
            "nav_home = \"網站首頁\"\nstandard_levels = [\"国家\"]\nscript_name_hant = \"正體中文\"\n",
        )]);
        let labels = load(dir.path(), "default", converter()).unwrap();
        // Made Simplified like every source, except the names of the scripts.
        assert_eq!(labels.nav_home(), "网站首页");
        assert_eq!(labels.script_name_hant(), "正體中文");
        assert_eq!(labels.standard_levels(), ["国家"]);
        assert_eq!(labels.nav_cities(), "城市");
        assert_eq!(labels.for_templates()["nav_home"], "网站首页");
    }

    #[test]
    fn a_traditional_labels_file_is_an_error_that_says_why() {
        let dir = site(&[("i18n/zh-Hant.toml", "nav_home = \"首頁\"\n")]);
        let errors = errors(&dir);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with(
                "i18n/zh-Hant.toml: error: stdportal reads only i18n/zh-Hans.toml here, not zh-Hant.toml\n  \
                 help: Traditional pages show the labels of zh-Hans.toml converted"
            ),
            "{errors:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_labels_file_linked_from_outside_the_site_is_an_error() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join(FILE), "nav_home = \"外面\"\n").unwrap();
        let dir = site(&[]);
        std::fs::create_dir_all(dir.path().join(DIR)).unwrap();
        std::os::unix::fs::symlink(outside.path().join(FILE), dir.path().join(DIR).join(FILE))
            .unwrap();
        let errors = errors(&dir);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("i18n/zh-Hans.toml: error: this link points outside the site"),
            "{errors:?}"
        );
    }

    #[test]
    fn templates_may_name_only_labels() {
        let mut texts = BTreeMap::new();
        texts.insert(
            "base.html".to_string(),
            "<p>{{ labels.nav_home }}</p>\n<p>{{ config.labels.x }}{% for l in labels.standard_levels %}{% endfor %}\n{{ labels.nav_hme | upper }}</p>".to_string(),
        );
        let files = texts
            .keys()
            .map(|n| (n.clone(), PathBuf::from(format!("templates/{n}"))))
            .collect();
        let templates = Templates {
            tera: tera::Tera::default(),
            texts,
            files,
        };
        let errors: Vec<String> = check_templates(&templates)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            errors,
            ["templates/base.html:3:4: error: the template base.html uses labels.nav_hme, which is not a label\n  \
              help: did you mean nav_home? The keys are those of themes/default/i18n/zh-Hans.toml"]
        );
    }
}
