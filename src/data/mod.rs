//! The portal's data: cities, indicators (targets of a plan), observations (measured values) and
//! achievements, read from TOML or CSV tables in `data/` and checked against each other.

pub mod table;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::PartialDate;
use crate::error::{Diagnostic, Diagnostics};
use table::{Cell, Columns, Loc, Row};

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
}

#[derive(Debug, Clone, Default)]
pub struct Data {
    pub cities: Vec<City>,
    pub indicators: Vec<Indicator>,
    pub observations: Vec<Observation>,
    pub achievements: Vec<Achievement>,
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

const CITY_COLUMNS: Columns = Columns {
    known: &["id", "name", "province", "introduction"],
};
const INDICATOR_COLUMNS: Columns = Columns {
    known: &[
        "id",
        "city",
        "plan",
        "domain",
        "name",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "target_comparator",
        "comparator",
        "kind",
        "source_document",
        "source_quote",
    ],
};
const OBSERVATION_COLUMNS: Columns = Columns {
    known: &["city", "indicator", "date", "year", "value", "source"],
};
const ACHIEVEMENT_COLUMNS: Columns = Columns {
    known: &[
        "city",
        "date",
        "category",
        "level",
        "name",
        "value",
        "unit",
        "source_document",
        "source_quote",
    ],
};

/// The tables, by the file or folder name they are kept under in `data/`.
const TABLES: [(&str, &str); 4] = [
    ("cities", "city"),
    ("indicators", "indicator"),
    ("observations", "observation"),
    ("achievements", "achievement"),
];

/// Reads and checks everything in `root/data`. Writes nothing; reports every problem.
pub fn load(root: &Path) -> Result<Data, Diagnostics> {
    let data_dir = root.join("data");
    let mut diagnostics = Diagnostics::default();
    let mut rows: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
    for (file, table) in table_files(root, &data_dir, &mut diagnostics) {
        let shown = crate::content::rel_to(root, &file);
        let (_, key) = TABLES
            .iter()
            .find(|(t, _)| *t == table)
            .expect("table names come from TABLES");
        let columns = match table {
            "cities" => &CITY_COLUMNS,
            "indicators" => &INDICATOR_COLUMNS,
            "observations" => &OBSERVATION_COLUMNS,
            _ => &ACHIEVEMENT_COLUMNS,
        };
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                diagnostics.push(Diagnostic::new(
                    &shown,
                    format!("cannot read the file: {e}"),
                ));
                continue;
            }
        };
        match table::read(&shown, &bytes, key, columns) {
            Ok(r) => rows.entry(table).or_default().extend(r),
            Err(d) => diagnostics.extend(d),
        }
    }
    let mut data = Data::default();
    let mut collect = |result: Result<(), Diagnostic>| {
        if let Err(d) = result {
            diagnostics.push(d);
        }
    };
    for row in rows.remove("cities").unwrap_or_default() {
        collect(city(&row).map(|c| data.cities.push(c)));
    }
    for row in rows.remove("indicators").unwrap_or_default() {
        collect(indicator(&row).map(|i| data.indicators.push(i)));
    }
    for row in rows.remove("observations").unwrap_or_default() {
        collect(observation(&row).map(|o| data.observations.push(o)));
    }
    for row in rows.remove("achievements").unwrap_or_default() {
        collect(achievement(&row).map(|a| data.achievements.push(a)));
    }
    check_references(&data, &mut diagnostics);
    diagnostics.into_result(data)
}

/// The table files under `data/`: `cities.toml`, `indicators.csv`, `indicators/rizhao.toml`, …
fn table_files(
    root: &Path,
    data_dir: &Path,
    diagnostics: &mut Diagnostics,
) -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    if !data_dir.is_dir() {
        return files;
    }
    let (paths, problems) = crate::files::files_under(root, data_dir, 2);
    diagnostics.extend(problems);
    for path in &paths {
        let path = path.as_path();
        let is_table_file = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("toml"));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_table_file || name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let rel = path.strip_prefix(data_dir).unwrap_or(path);
        let depth = rel.components().count();
        let table_name = if depth == 1 {
            path.file_stem().map(|s| s.to_string_lossy().into_owned())
        } else {
            rel.components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
        };
        match TABLES.iter().find(|(t, _)| Some(*t) == table_name.as_deref()) {
            Some((table, _)) => files.push((path.to_path_buf(), *table)),
            None if depth == 1 && name == "dictionary.toml" => {}
            None => diagnostics.push(
                Diagnostic::new(crate::content::rel_to(root, path), "stdportal does not know this data file")
                    .hint("data tables are named cities, indicators, observations or achievements (e.g. data/indicators.csv or data/indicators/rizhao.toml)"),
            ),
        }
    }
    files
}

fn required_text(row: &Row, name: &str) -> Result<String, Diagnostic> {
    Ok(row.required(name)?.text.clone())
}

fn ascii_id(cell: &Cell, what: &str) -> Result<String, Diagnostic> {
    let ok = !cell.text.is_empty()
        && cell
            .text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(cell.text.clone())
    } else {
        Err(cell
            .loc
            .error(format!(
                "the {what} \"{}\" cannot be used in a URL",
                cell.text
            ))
            .hint("use ASCII letters, digits and dashes, e.g. rizhao or pass-rate-2020"))
    }
}

fn city(row: &Row) -> Result<City, Diagnostic> {
    Ok(City {
        id: ascii_id(row.required("id")?, "city id")?,
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
            .error("a source quote needs the document it comes from")
            .hint("add source_document (the slug of the page that states it)")),
        (None, None) => Ok(None),
    }
}

fn comparator(row: &Row) -> Result<Comparator, Diagnostic> {
    let Some(cell) = row
        .get("target_comparator")
        .or_else(|| row.get("comparator"))
    else {
        return Ok(Comparator::AtLeast);
    };
    match cell.text.as_str() {
        ">=" | "≥" | "以上" | "不低于" => Ok(Comparator::AtLeast),
        "<=" | "≤" | "以下" | "以内" | "不高于" => Ok(Comparator::AtMost),
        "=" | "==" | "达到" => Ok(Comparator::Exactly),
        other => Err(cell
            .loc
            .error(format!("\"{other}\" is not a comparator"))
            .hint("write >= (at least), <= (at most) or = (exactly)")),
    }
}

fn indicator(row: &Row) -> Result<Indicator, Diagnostic> {
    let id = ascii_id(row.required("id")?, "indicator id")?;
    let baseline = match (row.number("baseline_value")?, row.year("baseline_year")?) {
        (Some(value), Some(year)) => Some(Baseline { value, year }),
        (None, None) => None,
        _ => {
            return Err(row
                .loc
                .error("a baseline needs both a value and a year")
                .hint("fill in both baseline value and year, or leave both empty"))
        }
    };
    let target_value_cell = row.required("target_value")?;
    let target = Target {
        value: table::parse_number(target_value_cell)?,
        year: row.year("target_year")?.ok_or_else(|| {
            row.loc
                .error("the target has no year")
                .hint("add the year the target is due, e.g. target_year = 2020")
        })?,
        comparator: comparator(row)?,
    };
    if let Some(b) = &baseline {
        if target.year < b.year {
            let loc = row.get("target_year").map_or(&row.loc, |c| &c.loc);
            return Err(loc
                .error(format!(
                    "the target year {} is before the baseline year {}",
                    target.year, b.year
                ))
                .hint("check the two years; the target must come after the baseline"));
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
    })
}

fn date_of(row: &Row) -> Result<PartialDate, Diagnostic> {
    let cell = row.get("date").or_else(|| row.get("year")).ok_or_else(|| {
        row.loc
            .error("the date is missing")
            .hint("write the year or date, e.g. 2021 or 2021-10")
    })?;
    PartialDate::parse(cell.text.trim_end_matches('年')).map_err(|msg| {
        cell.loc
            .error(msg)
            .hint("write the year or date, e.g. 2021 or 2021-10")
    })
}

fn observation(row: &Row) -> Result<Observation, Diagnostic> {
    Ok(Observation {
        city: required_text(row, "city")?,
        indicator: required_text(row, "indicator")?,
        date: date_of(row)?,
        value: table::parse_number(row.required("value")?)?,
        source: row.text("source").unwrap_or_default(),
        loc: row.loc.clone(),
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
    })
}

fn check_references(data: &Data, diagnostics: &mut Diagnostics) {
    let mut city_ids = HashSet::new();
    for city in &data.cities {
        if !city_ids.insert(city.id.as_str()) {
            diagnostics.push(
                city.loc
                    .error(format!("the city id \"{}\" is used twice", city.id)),
            );
        }
    }
    let unknown_city = |loc: &Loc, id: &str| {
        loc.error(format!("unknown city \"{id}\"")).hint(format!(
            "add it to data/cities, or use one of: {}",
            data.cities
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    let mut indicator_ids = HashSet::new();
    for ind in &data.indicators {
        if !city_ids.contains(ind.city.as_str()) {
            diagnostics.push(unknown_city(&ind.loc, &ind.city));
        }
        if !indicator_ids.insert((ind.city.as_str(), ind.id.as_str())) {
            diagnostics.push(ind.loc.error(format!(
                "the indicator id \"{}\" is used twice for the city \"{}\"",
                ind.id, ind.city
            )));
        }
    }
    for obs in &data.observations {
        if !city_ids.contains(obs.city.as_str()) {
            diagnostics.push(unknown_city(&obs.loc, &obs.city));
        } else if !indicator_ids.contains(&(obs.city.as_str(), obs.indicator.as_str())) {
            diagnostics.push(
                obs.loc
                    .error(format!(
                        "unknown indicator \"{}\" of the city \"{}\"",
                        obs.indicator, obs.city
                    ))
                    .hint("use the id of an indicator in data/indicators"),
            );
        }
    }
    for a in &data.achievements {
        if !city_ids.contains(a.city.as_str()) {
            diagnostics.push(unknown_city(&a.loc, &a.city));
        }
    }
    check_duplicate_observations(data, diagnostics);
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
                    .error(format!(
                        "the indicator \"{}\" of the city \"{}\" has two observations for {}: \
                         {}:{} and {}:{}",
                        obs.indicator,
                        obs.city,
                        obs.date,
                        earlier.file.display(),
                        earlier.line,
                        obs.loc.file.display(),
                        obs.loc.line
                    ))
                    .hint("keep one: delete the other row or correct its date (which one counts would depend on the order of the rows)"),
            ),
        }
    }
}
