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
use crate::t;
pub use gaps::Gaps;
use sources::{Holds, Table, TABLES};
use table::{Cell, Loc, Row, TableRead};

#[derive(Debug, Clone, Serialize)]
pub struct City {
    pub id: String,
    pub name: String,
    pub province: String,
    pub introduction: String,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "=")]
    Exactly,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            Comparator::Exactly => "=",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    pub value: f64,
    pub year: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub value: f64,
    pub year: i32,
    pub comparator: Comparator,
}

/// Where a figure is stated: a page of the site and the words it uses.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub document: String,
    pub quote: String,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub city: String,
    /// Slug of the page of the plan the target comes from.
    pub plan: Option<String>,
    pub domain: String,
    pub name: String,
    pub unit: String,
    pub baseline: Option<Baseline>,
    pub target: Target,
    pub kind: Option<String>,
    pub source: Option<SourceRef>,
    #[serde(skip)]
    pub loc: Loc,
    #[serde(skip)]
    pub plan_loc: Option<Loc>,
    /// Where the city is named, for a message about it.
    #[serde(skip)]
    pub city_loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Observation {
    pub city: String,
    pub indicator: String,
    pub date: PartialDate,
    pub value: f64,
    pub source: String,
    #[serde(skip)]
    pub loc: Loc,
    /// Where the city and the indicator are named, for a message about them.
    #[serde(skip)]
    pub city_loc: Loc,
    #[serde(skip)]
    pub indicator_loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Achievement {
    pub city: String,
    pub date: PartialDate,
    /// As written; empty when the table leaves it empty (pages show the theme's
    /// `achievement_category_default` then).
    pub category: String,
    pub level: Option<String>,
    pub name: String,
    pub value: f64,
    pub unit: String,
    pub source: Option<SourceRef>,
    #[serde(skip)]
    pub loc: Loc,
    /// Where the city is named, for a message about it.
    #[serde(skip)]
    pub city_loc: Loc,
}

#[derive(Debug, Clone, Default)]
pub struct Data {
    pub cities: Vec<City>,
    pub indicators: Vec<Indicator>,
    pub observations: Vec<Observation>,
    pub achievements: Vec<Achievement>,
    /// What was left out because of a problem (empty when the data loaded without one).
    pub gaps: Gaps,
}

impl Data {
    pub fn city(&self, id: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    pub fn indicator(&self, city: &str, id: &str) -> Option<&Indicator> {
        self.indicators
            .iter()
            .find(|i| i.city == city && i.id == id)
    }

    /// The indicator's observations, oldest first.
    pub fn observations_of(&self, indicator: &Indicator) -> Vec<&Observation> {
        let mut obs: Vec<&Observation> = self
            .observations
            .iter()
            .filter(|o| o.city == indicator.city && o.indicator == indicator.id)
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
    let mut diagnostics = Diagnostics::default();
    let mut unread = Vec::new();
    let sources = sources::read_sources(root, &data_dir, &mut diagnostics, &mut unread);
    let mut data = Data::default();
    for table in unread {
        data.gaps.unread(table);
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
                "observations" => observation(row).map(|o| data.observations.push(o)),
                _ => achievement(row).map(|a| data.achievements.push(a)),
            };
            if let Err(d) = made {
                diagnostics.push(d);
                note_left_out(&mut data.gaps, table.name, row);
            }
        }
    }
    check_references(&data, &mut diagnostics);
    (data, diagnostics)
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
    let baseline = match (row.number("baseline_value")?, row.year("baseline_year")?) {
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
        value: table::parse_number(target_value_cell)?,
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
        loc: row.loc.clone(),
        city_loc: cell_loc(row, "city"),
    })
}

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
    PartialDate::parse(&cell.text).map_err(|msg| cell.loc.error(msg).hint(t!("data-date-hint")))
}

fn observation(row: &Row) -> Result<Observation, Diagnostic> {
    Ok(Observation {
        city: required_text(row, "city")?,
        indicator: required_text(row, "indicator")?,
        date: date_of(row)?,
        value: table::parse_number(row.required("value")?)?,
        source: row.text("source").unwrap_or_default(),
        loc: row.loc.clone(),
        city_loc: cell_loc(row, "city"),
        indicator_loc: cell_loc(row, "indicator"),
    })
}

fn achievement(row: &Row) -> Result<Achievement, Diagnostic> {
    Ok(Achievement {
        city: required_text(row, "city")?,
        date: date_of(row)?,
        category: row.text("category").unwrap_or_default(),
        level: row.text("level"),
        name: required_text(row, "name")?,
        value: table::parse_number(row.required("value")?)?,
        unit: row.text("unit").unwrap_or_default(),
        source: source(row)?,
        loc: row.loc.clone(),
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
            cities = ids().collect::<Vec<_>>().join(", ")
        ),
    }
}

fn unknown_indicator(data: &Data, loc: &Loc, city: &str, id: &str) -> Diagnostic {
    let ids = data
        .indicators
        .iter()
        .filter(|i| i.city == city)
        .map(|i| i.id.as_str());
    let hint = match crate::nearest::closest(id, ids) {
        Some(near) => t!("data-unknown-indicator-near", near = near, city = city),
        None => t!("data-unknown-indicator-hint", city = city),
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
