//! The portal's data: cities, indicators (targets of a plan), observations (measured values) and
//! achievements, read from TOML or CSV tables in `data/` and checked against each other.

pub mod columns;
mod gaps;
mod sources;
pub mod table;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::date::PartialDate;
use crate::error::{Diagnostic, Diagnostics};
use crate::figure::Figure;
use crate::t;
pub use gaps::Gaps;
use sources::{Holds, Table, TABLES};
use table::{Cell, Loc, Row, TableRead};

/// A row of the cities table (`data/cities.*`, a sheet 城市): a city the portal reports on.
#[derive(Debug, Clone, Serialize)]
pub struct City {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) province: String,
    pub(crate) introduction: String,
    #[serde(skip)]
    pub(crate) loc: Loc,
}

/// How a target is to be met: the `comparator` column (比较方式), written `>=`, `不低于`, `以下` ….
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Comparator {
    /// At least the target (`>=`, `≥`, 不低于, 以上): shown ≥.
    #[serde(rename = ">=")]
    AtLeast,
    /// At most the target (`<=`, `≤`, 不超过, 以下): shown ≤.
    #[serde(rename = "<=")]
    AtMost,
    /// Exactly the target (`=`).
    #[serde(rename = "=")]
    Exactly,
}

/// Where an indicator started: the columns 基线值 and 基线年份 (`baseline_value`, `baseline_year`), both
/// or neither.
#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    /// The figure of the 基线值 cell, as written (its decimals kept, no rounding).
    pub value: Figure,
    /// The 基线年份 (`baseline_year`), written `2020` or `2020年`.
    pub year: i32,
}

/// What an indicator is to reach: the columns 目标值, 目标年份 and 比较方式.
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// The figure of the 目标值 cell (`target_value`), as written (its decimals kept, no rounding).
    pub value: Figure,
    /// The 目标年份 (`target_year`), written `2025` or `2025年`; never before the baseline's year.
    pub year: i32,
    pub(crate) comparator: Comparator,
}

/// Where a figure is stated: a page of the site and the words it uses.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    /// The page's slug or file the figure comes from: the 来源文件 column (`source_document`), as
    /// written.
    pub document: String,
    /// The words of that page stating it: the 来源原文 column (`source_quote`); empty when the row
    /// gives none.
    pub quote: String,
    /// Where the 来源文件 cell is, for a message about it.
    #[serde(skip)]
    pub loc: Loc,
}

/// A row of the indicators table (`data/indicators.*`, a sheet 指标 or 目标): a target of a city's
/// plan.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub(crate) id: String,
    /// The id of the city it belongs to (城市 column); a city's name there (`枣庄市`) is replaced by its
    /// id at load.
    pub city: String,
    /// Slug of the page of the plan the target comes from.
    pub plan: Option<String>,
    pub(crate) domain: String,
    pub(crate) name: String,
    pub(crate) unit: String,
    /// 基线值 and 基线年份; `None` when the row leaves both empty.
    pub baseline: Option<Baseline>,
    /// 目标值, 目标年份 and 比较方式.
    pub target: Target,
    pub(crate) kind: Option<String>,
    pub(crate) source: Option<SourceRef>,
    /// How many decimals its figures are shown with; `None`: each as it is written.
    pub decimals: Option<u8>,
    #[serde(skip)]
    pub(crate) loc: Loc,
    #[serde(skip)]
    pub(crate) plan_loc: Option<Loc>,
    /// Where the city is named, for a message about it.
    #[serde(skip)]
    pub city_loc: Loc,
}

/// A row of the observations table (`data/observations.*`, a sheet 观测, 监测 or 实际值): a measured value
/// of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Observation {
    pub(crate) city: String,
    pub(crate) indicator: String,
    pub(crate) date: PartialDate,
    pub(crate) value: Figure,
    /// A value the row says is a forecast (预测): it may lie after the build date, is shown
    /// labelled as a forecast, and is never taken for the latest measurement.
    pub forecast: bool,
    pub(crate) source: String,
    #[serde(skip)]
    pub(crate) loc: Loc,
    /// Where the city and the indicator are named, for a message about them.
    #[serde(skip)]
    pub city_loc: Loc,
    #[serde(skip)]
    pub(crate) indicator_loc: Loc,
}

/// A row of the achievements table (`data/achievements.*`, a sheet 成果): a count a city reports
/// (国家标准 12 项) on a date.
#[derive(Debug, Clone, Serialize)]
pub struct Achievement {
    /// The id of the city (城市 column); a city's name there is replaced by its id at load.
    pub city: String,
    pub(crate) date: PartialDate,
    /// As written; empty when the table leaves it empty (pages show the theme's
    /// `achievement_category_default` then).
    pub category: String,
    /// The 级别 column (`level`: 国家, 地方 …), as written; `None` when the cell is empty.
    pub level: Option<String>,
    pub(crate) name: String,
    /// The 数量 column (`value`), as written (its decimals kept, no rounding).
    pub value: Figure,
    pub(crate) unit: String,
    pub(crate) source: Option<SourceRef>,
    /// Where the city is named, for a message about it.
    #[serde(skip)]
    pub city_loc: Loc,
}

/// Everything in `data/`, read and checked against itself: the four tables, what was left out and
/// why.
#[derive(Debug, Clone, Default)]
pub struct Data {
    pub(crate) cities: Vec<City>,
    /// The indicators table's rows (a row with a problem is left out and noted in `gaps`).
    pub indicators: Vec<Indicator>,
    pub(crate) observations: Vec<Observation>,
    /// The achievements table's rows (a row with a problem is left out and noted in `gaps`).
    pub achievements: Vec<Achievement>,
    /// What was left out because of a problem (empty when the data loaded without one).
    pub gaps: Gaps,
    /// What was left out on purpose and said to the editor, not a problem: a hidden sheet.
    pub notes: Vec<Diagnostic>,
    /// Where each table's rows come from (a file, or a sheet of a workbook), for hints that say
    /// where to add a row: `data/数据.xlsx (sheet "城市")`, not a `data/cities` that is not
    /// there.
    places: BTreeMap<&'static str, Vec<(std::path::PathBuf, Option<String>)>>,
}

impl Data {
    pub(crate) fn city(&self, id: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    /// The id of the city `text` names: its id, or its name with or without 市, 区 or 县
    /// (`枣庄市` or `枣庄` for `zaozhuang`), as an editor writes it under a header 城市. An
    /// error when the name is that of more than one city.
    pub fn city_id(&self, text: &str) -> Result<Option<&str>, String> {
        if let Some(city) = self.city(text) {
            return Ok(Some(&city.id));
        }
        let wanted = city_name_core(text);
        if wanted.is_empty() {
            return Ok(None);
        }
        let named: Vec<&City> = (self.cities.iter())
            .filter(|c| city_name_core(&c.name) == wanted)
            .collect();
        match named.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(&one.id)),
            many => Err(t!(
                "data-city-name-twice",
                name = text,
                cities = many
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Where the rows of `table` come from, as a hint says it; `fallback` when nothing does.
    pub fn places(&self, table: &str, fallback: &str) -> String {
        self.places_of(table, |_| true, fallback)
    }

    /// Where the indicators of `city` come from (or, when it has none, all indicators).
    pub fn indicator_places(&self, city: &str) -> String {
        let mine: Vec<(std::path::PathBuf, Option<String>)> = self
            .indicators
            .iter()
            .filter(|i| i.city == city)
            .map(|i| (i.loc.file.clone(), i.loc.sheet.clone()))
            .collect();
        if mine.is_empty() {
            return self.places("indicators", "data/indicators");
        }
        self.places_of(
            "indicators",
            |place| mine.contains(place),
            "data/indicators",
        )
    }

    fn places_of(
        &self,
        table: &str,
        keep: impl Fn(&(std::path::PathBuf, Option<String>)) -> bool,
        fallback: &str,
    ) -> String {
        let shown: Vec<String> = self
            .places
            .get(table)
            .into_iter()
            .flatten()
            .filter(|p| keep(p))
            .map(|(file, sheet)| match sheet {
                Some(sheet) => t!(
                    "data-place-sheet",
                    file = file.display().to_string(),
                    sheet = sheet.as_str()
                ),
                None => file.display().to_string(),
            })
            .collect();
        if shown.is_empty() {
            fallback.to_string()
        } else {
            shown.join(&t!("data-place-separator"))
        }
    }

    /// The indicator `id` of the city `city` (both ids); `None` when that city has no such
    /// indicator.
    pub fn indicator(&self, city: &str, id: &str) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|i| i.city == city && i.id == id)
    }

    /// The indicator's measured values (not its forecasts), oldest first.
    pub fn observations_of(&self, indicator: &Indicator) -> Vec<&Observation> {
        let mut obs: Vec<&Observation> = self
            .observations
            .iter()
            .filter(|o| o.city == indicator.city && o.indicator == indicator.id && !o.forecast)
            .collect();
        obs.sort_by_key(|o| o.date);
        obs
    }

    /// The indicator's forecasts (rows marked 预测), oldest first: shown as forecasts, never
    /// taken for a measured value.
    pub fn forecasts_of(&self, indicator: &Indicator) -> Vec<&Observation> {
        let mut obs: Vec<&Observation> = self
            .observations
            .iter()
            .filter(|o| o.city == indicator.city && o.indicator == indicator.id && o.forecast)
            .collect();
        obs.sort_by_key(|o| o.date);
        obs
    }

    /// Every source a figure cites, for checking against the site's pages.
    pub fn sources(&self) -> impl Iterator<Item = &SourceRef> {
        self.indicators
            .iter()
            .filter_map(|i| i.source.as_ref())
            .chain(self.achievements.iter().filter_map(|a| a.source.as_ref()))
    }
}

/// Reads and checks everything in `root/data`. Writes nothing; reports every problem.
pub fn load(root: &Path) -> Result<Data, Diagnostics> {
    let (data, problems) = load_partial(root);
    problems.into_result(data)
}

/// Reads and checks everything in `root/data`, and reports every problem once: a row with a
/// problem is reported and left out (its id noted in [`Data::gaps`], so a reference to it is
/// not reported again), and the rows that were read are kept, so that what refers to them
/// elsewhere (pages, sources) can still be checked.
pub fn load_partial(root: &Path) -> (Data, Diagnostics) {
    let data_dir = root.join("data");
    let today = PartialDate::today();
    let mut diagnostics = Diagnostics::default();
    let mut unread = Vec::new();
    let mut notes = Vec::new();
    let sources = sources::read_sources(root, &data_dir, &mut diagnostics, &mut notes, &mut unread);
    let mut data = Data {
        notes,
        ..Data::default()
    };
    for table in unread {
        data.gaps.unread(table);
    }
    for source in &sources {
        match &source.holds {
            Holds::Text(table, _) => {
                (data.places.entry(table.name).or_default()).push((source.shown.clone(), None))
            }
            Holds::Sheets(sheets) => {
                for (table, sheet) in sheets {
                    (data.places.entry(table.name).or_default())
                        .push((source.shown.clone(), Some(sheet.name.clone())));
                }
            }
        }
    }
    let mut tables: BTreeMap<&str, TableRead> = BTreeMap::new();
    for source in &sources {
        let mut add = |table: &'static Table, read: TableRead| {
            let all = tables.entry(table.name).or_default();
            all.rows.extend(read.rows);
            all.broken.extend(read.broken);
            all.problems.extend(read.problems);
            if !read.complete {
                data.gaps.unread(table.name);
            }
        };
        match &source.holds {
            Holds::Text(table, bytes) => add(
                table,
                table::read(&source.shown, bytes, table.key, table.columns),
            ),
            Holds::Sheets(sheets) => {
                for (table, sheet) in sheets {
                    add(
                        table,
                        table::workbook::read_sheet(&source.shown, sheet, table.columns),
                    );
                }
            }
        }
    }
    // In the order of TABLES: cities first, so that what refers to them can be checked.
    for table in &TABLES {
        let Some(read) = tables.remove(table.name) else {
            continue;
        };
        diagnostics.extend(read.problems);
        for row in &read.broken {
            note_left_out(&mut data.gaps, table.name, row);
        }
        for row in &read.rows {
            let made = match table.name {
                "cities" => city(row).map(|c| data.cities.push(c)),
                "indicators" => indicator(row).map(|i| data.indicators.push(i)),
                "observations" => observation(row, today).map(|o| data.observations.push(o)),
                _ => achievement(row, today).map(|a| data.achievements.push(a)),
            };
            if let Err(d) = made {
                diagnostics.push(d);
                note_left_out(&mut data.gaps, table.name, row);
            }
        }
    }
    cities_by_name(&mut data, &mut diagnostics);
    check_references(&data, &mut diagnostics);
    (data, diagnostics)
}

/// A city's name without the 市, 区 or 县 after it (`枣庄市` → `枣庄`), spaces taken off.
fn city_name_core(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    match name.strip_suffix(['市', '区', '县', '區', '縣']) {
        Some(core) if !core.is_empty() => core.to_string(),
        _ => name,
    }
}

/// Cities named by their names (`枣庄市`, `枣庄`) in the other tables, written as their ids.
fn cities_by_name(data: &mut Data, diagnostics: &mut Diagnostics) {
    let mut named: Vec<(Loc, String, String)> = Vec::new();
    {
        let data_ref = &*data;
        let mut resolve = |city: &str, loc: &Loc| match data_ref.city_id(city) {
            Ok(Some(id)) if id != city => Some(id.to_string()),
            Ok(_) => None,
            Err(message) => {
                named.push((loc.clone(), city.to_string(), message));
                None
            }
        };
        let indicators: Vec<Option<String>> = (data_ref.indicators.iter())
            .map(|i| resolve(&i.city, &i.city_loc))
            .collect();
        let observations: Vec<Option<String>> = (data_ref.observations.iter())
            .map(|o| resolve(&o.city, &o.city_loc))
            .collect();
        let achievements: Vec<Option<String>> = (data_ref.achievements.iter())
            .map(|a| resolve(&a.city, &a.city_loc))
            .collect();
        let ids = (indicators, observations, achievements);
        for (i, id) in ids.0.into_iter().enumerate() {
            if let Some(id) = id {
                data.indicators[i].city = id;
            }
        }
        for (i, id) in ids.1.into_iter().enumerate() {
            if let Some(id) = id {
                data.observations[i].city = id;
            }
        }
        for (i, id) in ids.2.into_iter().enumerate() {
            if let Some(id) = id {
                data.achievements[i].city = id;
            }
        }
    }
    // Rows naming two cities are reported once and left out, as rows with a bad value are.
    let ambiguous: HashSet<String> = named.iter().map(|(_, name, _)| name.clone()).collect();
    for (loc, name, message) in named {
        diagnostics.push(loc.error(message).hint(t!("data-city-name-twice-hint")));
        data.gaps.city_left_out(&name);
    }
    for ind in data
        .indicators
        .iter()
        .filter(|i| ambiguous.contains(&i.city))
    {
        data.gaps.indicator_left_out(&ind.city, &ind.id);
    }
    data.indicators.retain(|i| !ambiguous.contains(&i.city));
    data.observations.retain(|o| !ambiguous.contains(&o.city));
    data.achievements.retain(|a| !ambiguous.contains(&a.city));
}

/// Notes the id of a row that was reported and left out.
fn note_left_out(gaps: &mut Gaps, table: &str, row: &Row) {
    let text = |name: &str| row.get(name).map(|c| c.text.clone());
    match table {
        "cities" => match text("id") {
            Some(id) => gaps.city_left_out(&id),
            None => gaps.unread("cities"),
        },
        "indicators" => match (text("city"), text("id")) {
            (Some(city), Some(id)) => gaps.indicator_left_out(&city, &id),
            _ => gaps.unread("indicators"),
        },
        _ => {}
    }
}

fn required_text(row: &Row, name: &str) -> Result<String, Diagnostic> {
    Ok(row.required(name)?.text.clone())
}

/// Which id [`ascii_id`] checks.
#[derive(Clone, Copy)]
enum IdOf {
    City,
    Indicator,
}

fn ascii_id(cell: &Cell, what: IdOf) -> Result<String, Diagnostic> {
    let ok = !cell.text.is_empty()
        && cell
            .text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(cell.text.clone())
    } else {
        let message = match what {
            IdOf::City => t!("data-city-id-not-url", id = &cell.text),
            IdOf::Indicator => t!("data-indicator-id-not-url", id = &cell.text),
        };
        Err(cell.loc.error(message).hint(t!("data-id-not-url-hint")))
    }
}

fn city(row: &Row) -> Result<City, Diagnostic> {
    Ok(City {
        id: ascii_id(row.required("id")?, IdOf::City)?,
        name: required_text(row, "name")?,
        province: row.text("province").unwrap_or_default(),
        introduction: row.text("introduction").unwrap_or_default(),
        loc: row.loc.clone(),
    })
}

fn source(row: &Row) -> Result<Option<SourceRef>, Diagnostic> {
    match (row.get("source_document"), row.get("source_quote")) {
        (Some(doc), quote) => Ok(Some(SourceRef {
            document: doc.text.clone(),
            quote: quote.map(|q| q.text.clone()).unwrap_or_default(),
            loc: doc.loc.clone(),
        })),
        (None, Some(q)) => Err(q
            .loc
            .error(t!("data-quote-without-document"))
            .hint(t!("data-quote-without-document-hint"))),
        (None, None) => Ok(None),
    }
}

/// How a comparator may be written: the symbol, or the words of a plan in either script.
const COMPARATOR_NAMES: [crate::choices::Choice<Comparator>; 3] = [
    crate::choices::Choice {
        value: Comparator::AtLeast,
        names: &[
            ">=",
            "≥",
            "＞＝",
            "以上",
            "不低于",
            "不低於",
            "不少于",
            "不少於",
        ],
    },
    crate::choices::Choice {
        value: Comparator::AtMost,
        names: &[
            "<=",
            "≤",
            "＜＝",
            "以下",
            "以内",
            "以內",
            "不高于",
            "不高於",
            "不超过",
            "不超過",
        ],
    },
    crate::choices::Choice {
        value: Comparator::Exactly,
        names: &["=", "==", "＝", "达到", "達到"],
    },
];

fn comparator(row: &Row) -> Result<Comparator, Diagnostic> {
    let Some(cell) = row
        .get("target_comparator")
        .or_else(|| row.get("comparator"))
    else {
        return Ok(Comparator::AtLeast);
    };
    crate::choices::pick("comparator", &cell.text, &COMPARATOR_NAMES)
        .map_err(|message| cell.loc.error(message).hint(t!("data-comparator-hint")))
}

fn indicator(row: &Row) -> Result<Indicator, Diagnostic> {
    let id = ascii_id(row.required("id")?, IdOf::Indicator)?;
    let baseline_value = row.get("baseline_value").map(table::figure).transpose()?;
    let baseline = match (baseline_value, row.year("baseline_year")?) {
        (Some(value), Some(year)) => Some(Baseline { value, year }),
        (None, None) => None,
        _ => {
            return Err(row
                .loc
                .error(t!("data-baseline-incomplete"))
                .hint(t!("data-baseline-incomplete-hint")))
        }
    };
    let target_value_cell = row.required("target_value")?;
    let target = Target {
        value: table::figure(target_value_cell)?,
        year: row.year("target_year")?.ok_or_else(|| {
            row.loc
                .error(t!("data-target-no-year"))
                .hint(t!("data-target-no-year-hint"))
        })?,
        comparator: comparator(row)?,
    };
    if let Some(b) = &baseline {
        if target.year < b.year {
            let loc = row.get("target_year").map_or(&row.loc, |c| &c.loc);
            return Err(loc
                .error(t!(
                    "data-target-before-baseline",
                    target = target.year,
                    baseline = b.year
                ))
                .hint(t!("data-target-before-baseline-hint")));
        }
    }
    Ok(Indicator {
        id,
        city: required_text(row, "city")?,
        plan: row.text("plan"),
        plan_loc: row.get("plan").map(|c| c.loc.clone()),
        domain: row.text("domain").unwrap_or_default(),
        name: required_text(row, "name")?,
        unit: row.text("unit").unwrap_or_default(),
        baseline,
        target,
        kind: row.text("kind"),
        source: source(row)?,
        decimals: decimals(row)?,
        loc: row.loc.clone(),
        city_loc: cell_loc(row, "city"),
    })
}

/// The decimals a target's figures are shown with: a whole number from 0 to
/// [`MAX_DECIMALS`], `2` or `2位`.
fn decimals(row: &Row) -> Result<Option<u8>, Diagnostic> {
    let Some(cell) = row.get("decimals") else {
        return Ok(None);
    };
    crate::digits::halfwidth_digits(&cell.text)
        .trim_end_matches('位')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|d| *d <= MAX_DECIMALS)
        .map(Some)
        .ok_or_else(|| {
            cell.loc
                .error(t!(
                    "data-decimals-invalid",
                    text = &cell.text,
                    max = MAX_DECIMALS
                ))
                .hint(t!("data-decimals-invalid-hint"))
        })
}

/// More decimals than a double holds digits say nothing.
const MAX_DECIMALS: u8 = 10;

/// Where a cell is, or its row if the cell is empty.
fn cell_loc(row: &Row, name: &str) -> Loc {
    row.get(name)
        .map_or_else(|| row.loc.clone(), |c| c.loc.clone())
}

fn date_of(row: &Row) -> Result<PartialDate, Diagnostic> {
    let cell = row.get("date").or_else(|| row.get("year")).ok_or_else(|| {
        row.loc
            .error(t!("data-date-missing"))
            .hint(t!("data-date-missing-hint"))
    })?;
    PartialDate::parse(&cell.plain_text())
        .map_err(|msg| cell.loc.error(msg).hint(t!("data-date-hint")))
}

/// Whether a row says it is a forecast (预测): `是`, `yes`, `true`, `预测`, `1`; empty or
/// `否` is a measurement.
fn forecast(row: &Row) -> Result<bool, Diagnostic> {
    let Some(cell) = row.get("forecast") else {
        return Ok(false);
    };
    crate::choices::pick("forecast", &cell.text, &FORECAST_NAMES)
        .map_err(|message| cell.loc.error(message).hint(t!("data-forecast-hint")))
}

const FORECAST_NAMES: [crate::choices::Choice<bool>; 2] = [
    crate::choices::Choice {
        value: true,
        names: &["是", "yes", "true", "预测", "預測", "1", "Y", "√", "✓"],
    },
    crate::choices::Choice {
        value: false,
        names: &["否", "no", "false", "实际", "實際", "0", "N", "×"],
    },
];

/// An observation's date, refused when it lies after the build date (`today`, China's date)
/// unless the row says it is a forecast (`forecast` is `None` for a table without forecasts): a
/// figure from the future would mark a target met and move 数据截至 years ahead.
fn observation_date(
    row: &Row,
    forecast: Option<bool>,
    today: PartialDate,
) -> Result<PartialDate, Diagnostic> {
    let date = date_of(row)?;
    let first_day = PartialDate {
        year: date.year,
        month: Some(date.month.unwrap_or(1)),
        day: Some(date.day.unwrap_or(1)),
    };
    if forecast != Some(true) && first_day > today {
        let cell = row.get("date").or_else(|| row.get("year"));
        let loc = cell.map_or(&row.loc, |c| &c.loc);
        let (date, today) = (date.to_string(), today.to_string());
        return Err(match forecast {
            // An observation may be a forecast.
            Some(_) => loc
                .error(t!("data-date-in-future", date = date, today = today))
                .hint(t!("data-date-in-future-hint")),
            None => loc
                .error(t!("data-achievement-in-future", date = date, today = today))
                .hint(t!("data-achievement-in-future-hint")),
        });
    }
    Ok(date)
}

fn observation(row: &Row, today: PartialDate) -> Result<Observation, Diagnostic> {
    let forecast = forecast(row)?;
    Ok(Observation {
        city: required_text(row, "city")?,
        indicator: required_text(row, "indicator")?,
        date: observation_date(row, Some(forecast), today)?,
        value: table::figure(row.required("value")?)?,
        forecast,
        source: row.text("source").unwrap_or_default(),
        loc: row.loc.clone(),
        city_loc: cell_loc(row, "city"),
        indicator_loc: cell_loc(row, "indicator"),
    })
}

/// An achievement is a count as of its date: one dated after the build date is refused as an
/// observation is (it would move 数据截至 ahead too).
fn achievement(row: &Row, today: PartialDate) -> Result<Achievement, Diagnostic> {
    Ok(Achievement {
        city: required_text(row, "city")?,
        date: observation_date(row, None, today)?,
        category: row.text("category").unwrap_or_default(),
        level: row.text("level"),
        name: required_text(row, "name")?,
        value: table::figure(row.required("value")?)?,
        unit: row.text("unit").unwrap_or_default(),
        source: source(row)?,
        city_loc: cell_loc(row, "city"),
    })
}

fn check_references(data: &Data, diagnostics: &mut Diagnostics) {
    let mut city_ids = HashSet::new();
    for city in &data.cities {
        if !city_ids.insert(city.id.as_str()) {
            diagnostics.push(city.loc.error(t!("data-city-twice", id = &city.id)));
        }
    }
    // A city or indicator whose row was reported and left out is not reported again as unknown.
    let known_city = |id: &str| city_ids.contains(id) || data.gaps.may_have_city(id);
    let mut indicator_ids = HashSet::new();
    for ind in &data.indicators {
        if !known_city(&ind.city) {
            diagnostics.push(unknown_city(data, &ind.city_loc, &ind.city));
        }
        if !indicator_ids.insert((ind.city.as_str(), ind.id.as_str())) {
            diagnostics.push(ind.loc.error(t!(
                "data-indicator-twice",
                id = &ind.id,
                city = &ind.city
            )));
        }
    }
    for obs in &data.observations {
        if !known_city(&obs.city) {
            diagnostics.push(unknown_city(data, &obs.city_loc, &obs.city));
        } else if !indicator_ids.contains(&(obs.city.as_str(), obs.indicator.as_str()))
            && !data.gaps.may_have_indicator(&obs.city, &obs.indicator)
        {
            diagnostics.push(unknown_indicator(
                data,
                &obs.indicator_loc,
                &obs.city,
                &obs.indicator,
            ));
        }
    }
    for a in &data.achievements {
        if !known_city(&a.city) {
            diagnostics.push(unknown_city(data, &a.city_loc, &a.city));
        }
    }
    check_duplicate_observations(data, diagnostics);
}

/// A city id that names no city: the hint names the nearest city of this site.
pub fn unknown_city(data: &Data, loc: &Loc, id: &str) -> Diagnostic {
    loc.error(t!("page-unknown-city", city = id))
        .hint(city_hint(data, id))
}

/// What to write instead of a city id that names no city, with the cities of this site.
pub fn city_hint(data: &Data, id: &str) -> String {
    let ids = || data.cities.iter().map(|c| c.id.as_str());
    match crate::nearest::nearest(id, ids()) {
        None => t!("data-city-hint-none"),
        Some(near) => t!(
            "data-city-hint",
            near = near,
            cities = ids().collect::<Vec<_>>().join(", "),
            places = data.places("cities", "data/cities")
        ),
    }
}

fn unknown_indicator(data: &Data, loc: &Loc, city: &str, id: &str) -> Diagnostic {
    let ids = data
        .indicators
        .iter()
        .filter(|i| i.city == city)
        .map(|i| i.id.as_str());
    let places = data.indicator_places(city);
    let hint = match crate::nearest::closest(id, ids) {
        Some(near) => t!(
            "data-unknown-indicator-near",
            near = near,
            city = city,
            places = places.as_str()
        ),
        None => t!(
            "data-unknown-indicator-hint",
            city = city,
            places = places.as_str()
        ),
    };
    loc.error(t!("data-unknown-indicator", id = id, city = city))
        .hint(hint)
}

/// Two observations of one indicator on one date would make its latest value, and so its
/// status, depend on the order of the rows: each such pair is an error naming both rows.
fn check_duplicate_observations(data: &Data, diagnostics: &mut Diagnostics) {
    let mut first: HashMap<(&str, &str, PartialDate), &Loc> = HashMap::new();
    for obs in &data.observations {
        let key = (obs.city.as_str(), obs.indicator.as_str(), obs.date);
        match first.get(&key) {
            None => {
                first.insert(key, &obs.loc);
            }
            Some(earlier) => diagnostics.push(
                obs.loc
                    .error(t!(
                        "data-observation-twice",
                        indicator = &obs.indicator,
                        city = &obs.city,
                        date = obs.date.to_string(),
                        first = format!("{}:{}", earlier.file.display(), earlier.line),
                        second = format!("{}:{}", obs.loc.file.display(), obs.loc.line)
                    ))
                    .hint(t!("data-observation-twice-hint")),
            ),
        }
    }
}
