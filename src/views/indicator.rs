//! Targets as templates see them: status, progress, the bullet and line charts, the data table
//! and the words of the plan that set them.

use serde::Serialize;

use super::format::percent;
use super::{indicator_path, Link};
use crate::chart;
use crate::content::Content;
use crate::dashboard::{self, Assessment, Status};
use crate::data::{Data, Indicator, Observation, SourceRef};
use crate::figure::Figure;
use crate::labels::Labels;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusView {
    #[serde(skip)]
    pub status: Status,
    pub class: &'static str,
    pub label: String,
    pub symbol: &'static str,
}

impl StatusView {
    pub fn new(s: Status, labels: &Labels) -> Self {
        StatusView {
            status: s,
            class: s.class(),
            label: labels.status_label(s).to_string(),
            symbol: crate::chart::status_style(s).symbol,
        }
    }
}

/// How many targets are in one status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusCount {
    pub class: &'static str,
    pub label: String,
    pub symbol: &'static str,
    pub count: usize,
}

/// How many of `statuses` are in each status, in [`Status::ALL`] order.
pub(crate) fn status_counts<'a>(
    statuses: impl Iterator<Item = &'a StatusView> + Clone,
    labels: &Labels,
) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .map(|&s| StatusCount {
            class: s.class(),
            label: labels.status_label(s).to_string(),
            symbol: crate::chart::status_style(s).symbol,
            count: statuses.clone().filter(|v| v.status == s).count(),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObservationView {
    pub date: String,
    pub value: String,
    pub source: String,
    /// A forecast (预测), not a measurement: the table says so.
    pub forecast: bool,
}

/// Where a figure is stated: the page and its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceView {
    pub title: String,
    pub path: Option<String>,
    pub quote: String,
    /// The quote as HTML with its numbers kept on one line (for table cells).
    pub quote_html: String,
}

impl SourceView {
    pub fn of(content: &Content, source: &SourceRef) -> SourceView {
        let page = content.page_by_slug(&source.document);
        SourceView {
            title: page.map_or_else(|| source.document.clone(), |p| p.meta.title.clone()),
            path: page.map(|p| p.path.clone()),
            quote: source.quote.clone(),
            quote_html: super::format::keep_numbers_whole(&source.quote),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub city_id: String,
    pub city_name: String,
    pub name: String,
    pub unit: String,
    pub domain: String,
    pub kind: Option<String>,
    pub plan: Option<Link>,
    pub baseline: Option<String>,
    pub baseline_year: Option<i32>,
    pub target: String,
    pub target_year: i32,
    pub comparator: String,
    pub status: StatusView,
    pub latest: Option<String>,
    pub latest_date: Option<String>,
    /// The newest forecast dated after the latest measurement (or any, without one), shown
    /// labelled beside the latest value; never taken for it.
    pub forecast: Option<String>,
    pub forecast_date: Option<String>,
    /// 0–100, rounded, for the text and the table.
    pub progress_pct: Option<i64>,
    pub expected_pct: Option<i64>,
    pub source: Option<SourceView>,
    /// The latest [`TABLE_ROWS`] observations and forecasts, oldest first (the CSV download has
    /// them all).
    pub observations: Vec<ObservationView>,
    /// All the indicator's observations and forecasts, and how many the table leaves out.
    pub observations_total: usize,
    pub observations_left_out: usize,
    pub path: String,
    pub csv_path: String,
    pub bullet_svg: String,
    pub line_svg: Option<String>,
    /// One sentence that says everything the chart shows.
    pub summary: String,
    /// The same without the status: the figures, for a caption next to a status shown apart.
    pub figures: String,
    /// Another target of the same city has the same name: links name the plan too.
    pub namesake: bool,
}

/// Observations an indicator's page lists in its table: the latest ones. A page of 100,000
/// rows (23 MB) helps no reader; the CSV download beside the table holds every observation, and
/// the chart draws them all (thinned to its pixels, see [`crate::chart::line`]).
pub(crate) const TABLE_ROWS: usize = 100;

impl IndicatorView {
    pub fn new(
        content: &Content,
        data: &Data,
        indicator: &Indicator,
        labels: &Labels,
    ) -> IndicatorView {
        // Only measured values count for the latest value and the status; forecasts are shown
        // beside them, labelled.
        let observations = data.observations_of(indicator);
        let forecasts = data.forecasts_of(indicator);
        let assessment: Assessment = dashboard::assess(indicator, &observations);
        let unit = indicator.unit.as_str();
        let city_name = data
            .city(&indicator.city)
            .map_or_else(|| indicator.city.clone(), |c| c.name.clone());
        let baseline = indicator.baseline.as_ref();
        let target = &indicator.target;
        let latest = assessment.latest.as_ref();
        // Every figure of the target as its page shows it: as written, or with its decimals.
        let decimals = indicator.decimals;
        let baseline_shown = baseline.map(|b| b.value.shown(decimals));
        let target_shown = target.value.shown(decimals);
        let latest_shown = latest.map(|l| l.value.shown(decimals));
        let upcoming = forecasts
            .iter()
            .rfind(|f| latest.is_none_or(|l| f.date > l.date))
            .copied();
        // Every row of the target's data, measured or forecast, by date (a forecast after the
        // measurement of its date).
        let mut observations: Vec<&Observation> =
            observations.iter().chain(&forecasts).copied().collect();
        observations.sort_by_key(|o| (o.date, o.forecast));
        let observations_shown: Vec<Figure> = observations
            .iter()
            .map(|o| o.value.shown(decimals))
            .collect();
        let plan = indicator
            .plan
            .as_ref()
            .and_then(|slug| content.page_by_slug(slug))
            .map(|p| Link {
                title: p.meta.title.clone(),
                path: p.path.clone(),
            });
        let comparator = labels.comparator_words(target.comparator);
        let mut summary = String::new();
        if let (Some(b), Some(shown)) = (baseline, &baseline_shown) {
            summary.push_str(&labels.indicator_summary_baseline(b.year, shown.with_unit(unit)));
        }
        summary.push_str(&labels.indicator_summary_target(
            target.year,
            comparator,
            target_shown.with_unit(unit),
        ));
        match (latest, &latest_shown) {
            (Some(l), Some(shown)) => summary.push_str(
                &labels.indicator_summary_latest(labels.date(&l.date), shown.with_unit(unit)),
            ),
            _ => summary.push_str(labels.indicator_summary_no_latest()),
        }
        // The caption under the chart on the target's page: the chart itself shows the status.
        let figures = labels.indicator_figures(
            summary.trim_end_matches(|c: char| c.is_whitespace() || is_separator(c)),
        );
        summary.push_str(&labels.indicator_summary_status(labels.status_label(assessment.status)));

        let id = format!("chart-{}-{}", indicator.city, indicator.id);
        // Chart labels write dates as the text does (2025年6月), never 2025-06.
        let baseline_label =
            baseline.map(|b| labels.indicator_chart_baseline(labels.date_year(b.year)));
        let target_label = labels.indicator_chart_target(labels.date_year(target.year));
        let latest_label = latest.map(|l| labels.indicator_chart_latest(labels.date(&l.date)));
        let bullet_svg = chart::bullet(
            &chart::Bullet {
                id: &id,
                title: &indicator.name,
                desc: &summary,
                unit,
                baseline: baseline_shown
                    .as_ref()
                    .map(|b| (b, baseline_label.as_deref().unwrap_or_default())),
                target: (&target_shown, &target_label),
                latest: latest_shown
                    .as_ref()
                    .map(|l| (l, latest_label.as_deref().unwrap_or_default())),
                status: assessment.status,
            },
            labels,
        );
        let point_labels: Vec<String> = observations.iter().map(|o| labels.date(&o.date)).collect();
        // The line chart says its own points, not the summary the bullet chart above already
        // says (a screen reader would hear it twice on the target's page).
        // The latest ten at most: a series of 20,000 must not make a 1 MB description.
        let from = observations.len().saturating_sub(10);
        let history = observations
            .iter()
            .zip(&point_labels)
            .skip(from)
            .map(|(o, label)| {
                let value = labels.chart_value(label, o.value.shown(decimals).with_unit(unit));
                if o.forecast {
                    labels.chart_forecast(value)
                } else {
                    value
                }
            })
            .collect::<Vec<_>>()
            .join(labels.dashboard_chart_city_separator());
        let line_svg = (!observations.is_empty()).then(|| {
            let line_id = format!("{id}-series");
            chart::line(
                &chart::LineChart {
                    status: assessment.status,
                    id: &line_id,
                    title: &labels.indicator_chart_history(&indicator.name),
                    desc: &history,
                    unit,
                    points: observations
                        .iter()
                        .zip(&point_labels)
                        .zip(&observations_shown)
                        .map(|((o, label), value)| chart::Point {
                            x: o.date.as_year_fraction(),
                            label,
                            value,
                            forecast: o.forecast,
                        })
                        .collect(),
                    baseline: baseline.zip(baseline_shown.as_ref()).map(|(b, shown)| {
                        (
                            b.year as f64,
                            shown,
                            baseline_label.as_deref().unwrap_or_default(),
                        )
                    }),
                    target: Some((target.year as f64, &target_shown, &target_label)),
                },
                labels,
            )
        });
        let path = indicator_path(indicator);
        IndicatorView {
            id: indicator.id.clone(),
            city_id: indicator.city.clone(),
            city_name,
            name: indicator.name.clone(),
            unit: unit.to_string(),
            domain: indicator.domain.clone(),
            kind: indicator.kind.clone(),
            plan,
            baseline: baseline_shown.as_ref().map(|b| b.with_unit(unit)),
            baseline_year: baseline.map(|b| b.year),
            target: target_shown.with_unit(unit),
            target_year: target.year,
            comparator: comparator.to_string(),
            status: StatusView::new(assessment.status, labels),
            latest: latest_shown.as_ref().map(|l| l.with_unit(unit)),
            latest_date: latest.map(|l| labels.date(&l.date)),
            forecast: upcoming.map(|f| f.value.shown(decimals).with_unit(unit)),
            forecast_date: upcoming.map(|f| labels.date(&f.date)),
            progress_pct: assessment.progress.and_then(percent),
            expected_pct: assessment.expected.and_then(percent),
            source: indicator
                .source
                .as_ref()
                .map(|s| SourceView::of(content, s)),
            observations_total: observations.len(),
            observations_left_out: observations.len().saturating_sub(TABLE_ROWS),
            observations: observations
                .iter()
                .zip(&observations_shown)
                .skip(observations.len().saturating_sub(TABLE_ROWS))
                .map(|(o, shown)| ObservationView {
                    date: labels.date(&o.date),
                    value: shown.with_unit(unit),
                    source: o.source.clone(),
                    forecast: o.forecast,
                })
                .collect(),
            csv_path: format!("{path}data.csv"),
            path,
            bullet_svg,
            line_svg,
            summary,
            figures,
            namesake: false,
        }
    }
}

/// A mark that ends a part of a target's summary: `;` or `,` in either width, or an
/// ideographic comma or full stop.
fn is_separator(c: char) -> bool {
    matches!(c, ';' | '；' | ',' | '，' | '、' | '。')
}

/// A fingerprint of everything [`IndicatorView::new`] reads for a target: its row, its
/// observations, its city's name and the titles and paths of its plan and source. Equal
/// fingerprints give equal views, so a view is made again only when one of them changed (its
/// charts are the costly part of the views of a site).
pub(crate) fn inputs(content: &Content, data: &Data, indicator: &Indicator) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let Indicator {
        id,
        city,
        plan,
        domain,
        name,
        unit,
        baseline,
        target,
        kind,
        source,
        decimals,
        loc: _,
        plan_loc: _,
        city_loc: _,
    } = indicator;
    (id, city, plan, domain, name, unit, kind, decimals).hash(&mut h);
    baseline
        .as_ref()
        .map(|b| (b.value.value().to_bits(), b.value.text(), b.year))
        .hash(&mut h);
    (
        target.value.value().to_bits(),
        target.value.text(),
        target.year,
        target.comparator,
    )
        .hash(&mut h);
    source
        .as_ref()
        .map(|s| (&s.document, &s.quote))
        .hash(&mut h);
    for o in data
        .observations_of(indicator)
        .into_iter()
        .chain(data.forecasts_of(indicator))
    {
        let figure = (o.value.value().to_bits(), o.value.text());
        (o.date, figure, &o.source, o.forecast).hash(&mut h);
    }
    data.city(city).map(|c| &c.name).hash(&mut h);
    let page = |slug: Option<&String>| {
        slug.and_then(|s| content.page_by_slug(s))
            .map(|p| (&p.meta.title, &p.path))
    };
    page(plan.as_ref()).hash(&mut h);
    page(source.as_ref().map(|s| &s.document)).hash(&mut h);
    h.finish()
}
