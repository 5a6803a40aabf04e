//! The overview across cities: headline figures for the home page, and the dashboard's table
//! and charts of every city's targets and standards.

use serde::Serialize;

use super::city::{standards_by_level, CityView, LevelCount};
use super::format::with_unit;
use super::indicator::{status_counts, IndicatorView, StatusCount};
use super::Link;
use crate::chart;
use crate::data::Data;
use crate::date::PartialDate;
use crate::figure::Figure;
use crate::labels::Labels;
use crate::status::Status;

/// "数据截至": when the figures were last brought up to date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AsOf {
    /// `2021-10`, for `<time datetime>`.
    pub date: String,
    /// `2021年10月`.
    pub text: String,
}

impl AsOf {
    /// The site's `data_as_of` when it sets one; else the latest date of an observation or an
    /// achievement (of `city` only, when given): the newest figure shown is as of that date.
    pub fn new(
        configured: Option<PartialDate>,
        data: &Data,
        city: Option<&str>,
        labels: &Labels,
    ) -> Option<AsOf> {
        let mine = |c: &str| city.is_none_or(|id| id == c);
        let latest = data
            .observations
            .iter()
            .filter(|o| mine(&o.city) && !o.forecast)
            .map(|o| o.date)
            .chain(
                data.achievements
                    .iter()
                    .filter(|a| mine(&a.city))
                    .map(|a| a.date),
            )
            .max();
        configured.or(latest).map(|d| AsOf {
            date: d.to_string(),
            text: labels.date(&d),
        })
    }
}

/// 数据截至 of one city, on pages that show several cities' figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CityAsOf {
    pub city: String,
    /// None: the city has targets or achievements but no figure yet.
    pub as_of: Option<AsOf>,
}

/// 数据截至 across cities, one rule for every page: each city's is the site's `data_as_of`, or
/// else the latest date of its own figures (what its page says). Where every city with targets
/// or achievements has the same date, that one date is said (`all`); where they differ, each
/// city's (`cities`), so no page claims a date a city's figures do not reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteAsOf {
    pub all: Option<AsOf>,
    pub cities: Vec<CityAsOf>,
}

impl SiteAsOf {
    pub fn new(configured: Option<PartialDate>, data: &Data, labels: &Labels) -> SiteAsOf {
        let cities: Vec<CityAsOf> = data
            .cities
            .iter()
            .filter(|c| {
                data.indicators.iter().any(|i| i.city == c.id)
                    || data.achievements.iter().any(|a| a.city == c.id)
            })
            .map(|c| CityAsOf {
                city: c.name.clone(),
                as_of: AsOf::new(configured, data, Some(&c.id), labels),
            })
            .collect();
        let first = cities.first().and_then(|c| c.as_of.clone());
        let one = first.is_some() && cities.iter().all(|c| c.as_of == first);
        if one {
            SiteAsOf {
                all: first,
                cities: Vec::new(),
            }
        } else if cities.iter().all(|c| c.as_of.is_none()) {
            SiteAsOf {
                all: None,
                cities: Vec::new(),
            }
        } else {
            SiteAsOf { all: None, cities }
        }
    }
}

/// The figures the home page leads with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub cities: usize,
    pub documents: usize,
    pub indicators: usize,
    pub achievements: usize,
    pub status_counts: Vec<StatusCount>,
    /// Targets with at least one observation (the others are 暂无数据).
    pub measured: usize,
    /// 数据截至, as on the dashboard.
    pub data_as_of: SiteAsOf,
}

impl Headline {
    pub fn new(
        data: &Data,
        indicators: &[IndicatorView],
        cities: &[CityView],
        as_of: SiteAsOf,
        labels: &Labels,
    ) -> Headline {
        Headline {
            cities: cities.len(),
            documents: cities.iter().map(|c| c.summary.document_count).sum(),
            indicators: indicators.len(),
            achievements: data.achievements.len(),
            status_counts: status_counts(indicators.iter().map(|v| &v.status), labels),
            measured: indicators.iter().filter(|v| v.latest.is_some()).count(),
            data_as_of: as_of,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverviewRow {
    pub city: Link,
    pub indicators: usize,
    pub status_counts: Vec<StatusCount>,
    pub achievements: usize,
    pub standards_total: Option<String>,
}

/// All cities side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub rows: Vec<OverviewRow>,
    /// Every status, in the order rows count them (the table's columns).
    pub statuses: Vec<StatusCount>,
    pub status_chart: String,
    pub standards_chart: Option<String>,
    pub standards_table: Vec<(String, Vec<String>)>,
    pub standard_levels: Vec<String>,
    /// 数据截至: one date, or each city's (`SiteAsOf`).
    pub data_as_of: SiteAsOf,
    /// Targets with at least one observation (the others are 暂无数据).
    pub measured: usize,
}

impl Overview {
    pub fn new(
        data: &Data,
        cities: &[CityView],
        data_as_of: SiteAsOf,
        labels: &Labels,
    ) -> Overview {
        let rows: Vec<OverviewRow> = cities
            .iter()
            .map(|c| OverviewRow {
                city: Link {
                    title: c.summary.name.clone(),
                    path: c.summary.path.clone(),
                },
                indicators: c.summary.indicator_count,
                status_counts: c.status_counts.clone(),
                achievements: c.achievements.len(),
                standards_total: c.standards_total.clone(),
            })
            .collect();
        let status_chart = status_chart(&rows, labels);
        let per_city: Vec<(String, Vec<LevelCount>)> = data
            .cities
            .iter()
            .map(|c| (c.name.clone(), standards_by_level(data, &c.id, labels)))
            .filter(|(_, levels)| !levels.is_empty())
            .collect();
        let levels = levels_in_order(&per_city, labels);
        let standards_table: Vec<(String, Vec<String>)> = per_city
            .iter()
            .map(|(city, rows)| {
                let cells = levels
                    .iter()
                    .map(|l| {
                        rows.iter()
                            .find(|x| &x.level == l)
                            .map_or_else(|| "—".to_string(), |x| with_unit(&x.value, None, &x.unit))
                    })
                    .collect();
                (city.clone(), cells)
            })
            .collect();
        let standards_chart = (!per_city.is_empty())
            .then(|| standards_chart(&per_city, &levels, &standards_table, labels));
        Overview {
            statuses: status_counts(std::iter::empty(), labels),
            rows,
            status_chart,
            standards_chart,
            standards_table,
            standard_levels: levels,
            measured: cities.iter().map(|c| c.measured).sum(),
            data_as_of,
        }
    }
}

/// Every level any city reports, in the order of the theme's `standard_levels`.
fn levels_in_order(per_city: &[(String, Vec<LevelCount>)], labels: &Labels) -> Vec<String> {
    let mut levels: Vec<String> = Vec::new();
    for (_, rows) in per_city {
        for row in rows {
            if !levels.contains(&row.level) {
                levels.push(row.level.clone());
            }
        }
    }
    levels.sort_by_key(|l| {
        labels
            .standard_levels()
            .iter()
            .position(|x| x == l)
            .unwrap_or(usize::MAX)
    });
    levels
}

/// A stacked chart's text equivalent: each city with its parts, in the labels' words.
fn describe_cities<'a>(
    labels: &Labels,
    cities: impl Iterator<Item = (&'a str, Vec<String>)>,
    city: impl Fn(&str, String) -> String,
) -> String {
    let described: Vec<String> = cities
        .map(|(name, parts)| city(name, parts.join(labels.dashboard_chart_item_separator())))
        .collect();
    labels.dashboard_chart_desc(described.join(labels.dashboard_chart_city_separator()))
}

fn status_chart(rows: &[OverviewRow], labels: &Labels) -> String {
    let series: Vec<&str> = Status::ALL
        .iter()
        .map(|&s| labels.status_label(s))
        .collect();
    let desc = describe_cities(
        labels,
        rows.iter().map(|r| {
            let parts = r
                .status_counts
                .iter()
                .map(|s| labels.dashboard_status_chart_count(&s.label, s.count));
            (r.city.title.as_str(), parts.collect())
        }),
        |city, parts| labels.dashboard_status_chart_city(city, parts),
    );
    chart::stacked_bars(
        &chart::StackedBarChart {
            id: "chart-overview-status",
            title: labels.dashboard_status_chart_title(),
            desc: &desc,
            unit: labels.dashboard_status_chart_unit(),
            series,
            palette: chart::Palette::Statuses(Status::ALL.to_vec()),
            stacks: rows
                .iter()
                .map(|r| chart::Stack {
                    label: &r.city.title,
                    values: (r.status_counts.iter())
                        .map(|s| Figure::of(s.count as f64))
                        .collect(),
                })
                .collect(),
        },
        labels,
    )
}

fn standards_chart(
    per_city: &[(String, Vec<LevelCount>)],
    levels: &[String],
    table: &[(String, Vec<String>)],
    labels: &Labels,
) -> String {
    let desc = describe_cities(
        labels,
        table.iter().map(|(city, cells)| {
            let parts = levels
                .iter()
                .zip(cells)
                .map(|(l, v)| labels.dashboard_standards_chart_level(l, v));
            (city.as_str(), parts.collect())
        }),
        |city, parts| labels.dashboard_standards_chart_city(city, parts),
    );
    chart::stacked_bars(
        &chart::StackedBarChart {
            id: "chart-overview-standards",
            title: labels.dashboard_standards_chart_title(),
            desc: &desc,
            unit: labels.dashboard_standards_chart_unit(),
            series: levels.iter().map(String::as_str).collect(),
            palette: chart::Palette::Categories,
            stacks: per_city
                .iter()
                .map(|(city, rows)| chart::Stack {
                    label: city,
                    values: levels
                        .iter()
                        .map(|l| {
                            rows.iter()
                                .find(|x| &x.level == l)
                                .map_or(Figure::of(0.0), |x| x.value.clone())
                        })
                        .collect(),
                })
                .collect(),
        },
        labels,
    )
}
