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

use crate::content::frontmatter::{DocumentKind, Validity};
use crate::data::Comparator;
use crate::date::PartialDate;
use crate::error::Diagnostic;
use crate::mistakes::toml_diagnostic;
use crate::render::Templates;
use crate::script::{Converter, Script};
use crate::status::Status;

mod read;
pub(crate) use read::load;

/// Where a theme and a site keep their labels, and the only file read there.
pub(crate) const DIR: &str = "i18n";
pub(crate) const FILE: &str = "zh-Hans.toml";

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
        pub(crate) enum Key {
            $( $(#[doc = $doc])+ $key, )+
        }

        impl Key {
            /// Every text key, in the order declared.
            pub(crate) const ALL: &'static [Key] = &[$(Key::$key),+];

            /// The key as written in `i18n/zh-Hans.toml` and in templates (`labels.<key>`).
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Key::$key => stringify!($key),)+
                }
            }

            /// The placeholders the text must show, in the order its method takes them.
            pub(crate) fn placeholders(self) -> &'static [&'static str] {
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
    /// A forecast value, as a row of a target's data and CSV, beside the latest value of
    /// target tables, in a chart's legend (预测).
    forecast;
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
    /// A forecast value's mark in a target's chart, and in the chart's description.
    chart_forecast(value);
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

/// `labels.<name>` in the templates must name a label: a typo is found when the site is read,
/// not when (or whether) a page renders it.
pub(crate) fn check_templates(templates: &Templates) -> Vec<Diagnostic> {
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
                // The unknown label's hint (the nearest label), with a message of its own.
                let unknown = read::unknown_key(&file, &label);
                let mut d = Diagnostic::new(
                    &file,
                    crate::t!("label-template-unknown", template = name, label = &label),
                );
                if let Some(hint) = unknown.hint {
                    d = d.hint(hint);
                }
                errors.push(d.at_offset(text, offset, 1));
            }
        }
    }
    errors
}

#[cfg(test)]
pub(crate) mod tests;
