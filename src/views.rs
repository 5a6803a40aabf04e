//! What templates see: plain, serializable views of pages, cities and indicators. Views do not
//! depend on the script; the script only changes `root` and `lang` in the template context.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::chart;
use crate::content::{sort_date, Content};
use crate::dashboard::{self, Assessment, Status};
use crate::data::{Achievement, Data, Indicator};

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub description: Option<String>,
    pub summary: String,
    pub path: String,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub kind: Option<String>,
    pub kind_label: Option<String>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub index_no: Option<String>,
    pub published: Option<String>,
    pub published_text: Option<String>,
    pub topics: Vec<Link>,
    pub validity: Option<String>,
    pub source: Option<String>,
    pub related: Vec<RelatedView>,
    pub references: Vec<String>,
    pub city: Option<Link>,
    pub content: String,
    pub toc: Vec<crate::content::markdown::Heading>,
    pub reading_minutes: usize,
    pub word_count: usize,
    pub indicators: Vec<Link>,
    pub extra: toml::Table,
}

/// A page as lists show it: no body, so a list of thousands of pages stays small.
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub path: String,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub kind_label: Option<String>,
    pub city: Option<Link>,
    pub summary: String,
}

/// A city as the navigation, the home page and the city list show it.
#[derive(Debug, Clone, Serialize)]
pub struct CitySummary {
    pub id: String,
    pub name: String,
    pub province: String,
    pub introduction: String,
    pub path: String,
    pub document_count: usize,
    pub indicator_count: usize,
    pub achievement_count: usize,
}

impl From<&CityView> for CitySummary {
    fn from(c: &CityView) -> Self {
        CitySummary {
            id: c.id.clone(),
            name: c.name.clone(),
            province: c.province.clone(),
            introduction: c.introduction.clone(),
            path: c.path.clone(),
            document_count: c.documents.len(),
            indicator_count: c.indicator_count,
            achievement_count: c.achievements.len(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedView {
    pub title: String,
    pub path: String,
    pub kind_label: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub class: &'static str,
    pub label: &'static str,
    pub symbol: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub class: &'static str,
    pub label: &'static str,
    pub symbol: &'static str,
}

impl From<Status> for StatusView {
    fn from(s: Status) -> Self {
        StatusView {
            class: s.class(),
            label: s.label(),
            symbol: s.symbol(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ObservationView {
    pub date: String,
    pub value: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
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
    pub comparator: &'static str,
    pub status: StatusView,
    pub latest: Option<String>,
    pub latest_date: Option<String>,
    /// 0–100, rounded, for the text and the table.
    pub progress_pct: Option<i64>,
    pub expected_pct: Option<i64>,
    pub source: Option<SourceView>,
    pub observations: Vec<ObservationView>,
    pub path: String,
    pub csv_path: String,
    pub bullet_svg: String,
    pub line_svg: Option<String>,
    /// One sentence that says everything the chart shows.
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub title: String,
    pub path: Option<String>,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AchievementView {
    pub date: String,
    pub category: String,
    pub level: Option<String>,
    pub name: String,
    pub value: String,
    pub source: Option<SourceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainGroup {
    pub domain: String,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanGroup {
    pub plan: Option<Link>,
    pub id: String,
    pub domains: Vec<DomainGroup>,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CityView {
    pub id: String,
    pub name: String,
    pub province: String,
    pub introduction: String,
    pub path: String,
    pub documents: Vec<PageSummary>,
    pub plans: Vec<PlanGroup>,
    pub status_counts: Vec<StatusCount>,
    pub indicator_count: usize,
    pub achievements: Vec<AchievementView>,
    pub achievement_charts: Vec<String>,
    pub achievements_csv: Option<String>,
    pub standards_total: Option<String>,
}

/// A number as a reader expects it: 93.2, 97, 13375. Every digit of a large number is printed
/// (a float's `Display` never saturates, where `as i64` would print 9223372036854775807).
pub fn fmt_number(value: f64) -> String {
    let s = if value.fract().abs() < 1e-9 {
        format!("{}", value.round())
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// A share as a whole percentage, or `None` when it is too far out to be one (progress of a
/// target whose baseline is within a hair of it), rather than a saturated integer.
fn percent(share: f64) -> Option<i64> {
    let pct = (share * 100.0).round();
    (pct.abs() < 1e15).then_some(pct as i64)
}

/// A value with its unit: 97%, 432项.
pub fn with_unit(value: f64, unit: &str) -> String {
    format!("{}{}", fmt_number(value), unit)
}

/// A page as lists show it, made without copying its body.
pub fn page_summary(content: &Content, data: &Data, index: usize) -> PageSummary {
    let page = &content.pages[index];
    let meta = &page.meta;
    PageSummary {
        title: meta.title.clone(),
        path: page.path.clone(),
        date: sort_date(page).map(|d| d.to_string()),
        date_text: sort_date(page).map(|d| d.chinese()),
        kind_label: meta.kind.map(|k| k.label().to_string()),
        city: city_link(data, meta.city.as_deref()),
        summary: page.summary.clone(),
    }
}

fn city_link(data: &Data, id: Option<&str>) -> Option<Link> {
    id.and_then(|id| data.city(id)).map(|c| Link {
        title: c.name.clone(),
        path: format!("cities/{}/", c.id),
    })
}

pub fn page_view(content: &Content, data: &Data, related: &[usize], index: usize) -> PageView {
    let page = &content.pages[index];
    let meta = &page.meta;
    let city = city_link(data, meta.city.as_deref());
    let indicators = data
        .indicators
        .iter()
        .filter(|i| i.plan.as_deref() == Some(page.slug.as_str()))
        .map(|i| Link {
            title: i.name.clone(),
            path: indicator_path(i),
        })
        .collect();
    PageView {
        title: meta.title.clone(),
        description: meta.description.clone(),
        summary: page.summary.clone(),
        path: page.path.clone(),
        date: sort_date(page).map(|d| d.to_string()),
        date_text: sort_date(page).map(|d| d.chinese()),
        kind: meta.kind.map(|k| format!("{k:?}").to_lowercase()),
        kind_label: meta.kind.map(|k| k.label().to_string()),
        issuer: meta.issuer.clone(),
        doc_number: meta.doc_number.clone(),
        index_no: meta.index_no.clone(),
        published: meta.published.map(|d| d.to_string()),
        published_text: meta.published.map(|d| d.chinese()),
        topics: meta
            .topics
            .iter()
            .map(|t| Link {
                title: t.clone(),
                path: topic_path(t),
            })
            .collect(),
        validity: meta.validity.map(|v| v.label().to_string()),
        source: meta.source.clone(),
        related: related
            .iter()
            .map(|&r| {
                let other = &content.pages[r];
                RelatedView {
                    title: other.meta.title.clone(),
                    path: other.path.clone(),
                    kind_label: other.meta.kind.map(|k| k.label().to_string()),
                }
            })
            .collect(),
        references: meta.references.clone(),
        city,
        content: page.html.clone(),
        toc: page.toc.clone(),
        reading_minutes: page.reading_minutes,
        word_count: page.word_count,
        indicators,
        extra: meta.extra.clone(),
    }
}

/// Topic pages are keyed by the topic as written in Simplified, so 標準化 and 标准化 are one.
/// Where a topic's page is: its name made into a URL segment (checked when pages are read).
pub fn topic_path(key: &str) -> String {
    let segment = crate::output::path::segment_from_name(key).unwrap_or_default();
    format!("topics/{segment}/")
}

pub fn indicator_path(indicator: &Indicator) -> String {
    format!("cities/{}/indicators/{}/", indicator.city, indicator.id)
}

fn source_view(content: &Content, source: &crate::data::SourceRef) -> SourceView {
    let page = content.page_by_slug(&source.document);
    SourceView {
        title: page.map_or_else(|| source.document.clone(), |p| p.meta.title.clone()),
        path: page.map(|p| p.path.clone()),
        quote: source.quote.clone(),
    }
}

pub fn indicator_view(content: &Content, data: &Data, indicator: &Indicator) -> IndicatorView {
    let observations = data.observations_of(indicator);
    let assessment: Assessment = dashboard::assess(indicator, &observations);
    let unit = indicator.unit.as_str();
    let city_name = data
        .city(&indicator.city)
        .map_or_else(|| indicator.city.clone(), |c| c.name.clone());
    let baseline = indicator.baseline.as_ref();
    let target = &indicator.target;
    let latest = assessment.latest;
    let plan = indicator
        .plan
        .as_ref()
        .and_then(|slug| content.page_by_slug(slug))
        .map(|p| Link {
            title: p.meta.title.clone(),
            path: p.path.clone(),
        });
    let mut summary = String::new();
    if let Some(b) = baseline {
        summary.push_str(&format!("基线:{}年{};", b.year, with_unit(b.value, unit)));
    }
    summary.push_str(&format!(
        "目标:{}年{}{};",
        target.year,
        target.comparator.words(),
        with_unit(target.value, unit)
    ));
    match latest {
        Some(l) => summary.push_str(&format!(
            "最新:{}{};",
            l.date.chinese(),
            with_unit(l.value, unit)
        )),
        None => summary.push_str("暂无基线之后的监测数据;"),
    }
    summary.push_str(&format!("状态:{}。", assessment.status.label()));

    let id = format!("chart-{}-{}", indicator.city, indicator.id);
    let baseline_label = baseline.map(|b| format!("基线 {}", b.year));
    let target_label = format!("目标 {}", target.year);
    let latest_label = latest.map(|l| format!("最新 {}", l.date));
    let bullet_svg = chart::bullet(&chart::Bullet {
        id: &id,
        title: &indicator.name,
        desc: &summary,
        unit,
        baseline: baseline.map(|b| (b.value, baseline_label.as_deref().unwrap_or_default())),
        target: (target.value, &target_label),
        latest: latest.map(|l| (l.value, latest_label.as_deref().unwrap_or_default())),
        status: assessment.status,
    });
    let point_labels: Vec<String> = observations.iter().map(|o| o.date.to_string()).collect();
    let line_svg = (!observations.is_empty()).then(|| {
        let line_id = format!("{id}-series");
        chart::line(&chart::LineChart {
            id: &line_id,
            title: &format!("{}历年数据", indicator.name),
            desc: &summary,
            unit,
            points: observations
                .iter()
                .zip(&point_labels)
                .map(|(o, label)| chart::Point {
                    x: o.date.as_year_fraction(),
                    label,
                    value: o.value,
                })
                .collect(),
            baseline: baseline.map(|b| {
                (
                    b.year as f64,
                    b.value,
                    baseline_label.as_deref().unwrap_or_default(),
                )
            }),
            target: Some((target.year as f64, target.value, &target_label)),
        })
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
        baseline: baseline.map(|b| with_unit(b.value, unit)),
        baseline_year: baseline.map(|b| b.year),
        target: with_unit(target.value, unit),
        target_year: target.year,
        comparator: target.comparator.words(),
        status: assessment.status.into(),
        latest: latest.map(|l| with_unit(l.value, unit)),
        latest_date: latest.map(|l| l.date.chinese()),
        progress_pct: assessment.progress.and_then(percent),
        expected_pct: assessment.expected.and_then(percent),
        source: indicator.source.as_ref().map(|s| source_view(content, s)),
        observations: observations
            .iter()
            .map(|o| ObservationView {
                date: o.date.chinese(),
                value: with_unit(o.value, unit),
                source: o.source.clone(),
            })
            .collect(),
        csv_path: format!("{path}data.csv"),
        path,
        bullet_svg,
        line_svg,
        summary,
    }
}

pub fn status_counts(views: &[&IndicatorView]) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .map(|s| StatusCount {
            class: s.class(),
            label: s.label(),
            symbol: s.symbol(),
            count: views.iter().filter(|v| v.status.class == s.class()).count(),
        })
        .collect()
}

fn achievement_view(content: &Content, a: &Achievement) -> AchievementView {
    AchievementView {
        date: a.date.chinese(),
        category: a.category.clone(),
        level: a.level.clone(),
        name: a.name.clone(),
        value: with_unit(a.value, &a.unit),
        source: a.source.as_ref().map(|s| source_view(content, s)),
    }
}

/// How many standards of one level a city counts.
#[derive(Debug, Clone, Serialize)]
pub struct LevelCount {
    pub level: String,
    pub value: f64,
    pub unit: String,
}

/// Standards by level for one city, from its latest count of each level (category 标准).
pub fn standards_by_level(data: &Data, city: &str) -> Vec<LevelCount> {
    let mut latest: BTreeMap<String, &Achievement> = BTreeMap::new();
    for a in data
        .achievements
        .iter()
        .filter(|a| a.city == city && a.category == "标准")
    {
        let Some(level) = &a.level else { continue };
        let keep = latest.get(level).is_none_or(|prev| prev.date < a.date);
        if keep {
            latest.insert(level.clone(), a);
        }
    }
    let count = |level: &str, a: &Achievement| LevelCount {
        level: level.to_string(),
        value: a.value,
        unit: a.unit.clone(),
    };
    let mut rows: Vec<LevelCount> = STANDARD_LEVELS
        .iter()
        .filter_map(|level| latest.get(*level).map(|a| count(level, a)))
        .collect();
    for (level, a) in &latest {
        if !STANDARD_LEVELS.contains(&level.as_str()) {
            rows.push(count(level, a));
        }
    }
    rows
}

/// The levels of standards in the order a reader expects them.
pub const STANDARD_LEVELS: [&str; 6] = ["国际", "国家", "行业", "地方", "团体", "企业自我声明"];

pub fn city_view(
    content: &Content,
    pages: &[PageSummary],
    data: &Data,
    city: &crate::data::City,
    indicators: &[IndicatorView],
) -> CityView {
    let documents: Vec<PageSummary> = {
        let mut docs: Vec<usize> = (0..content.pages.len())
            .filter(|&i| content.pages[i].meta.city.as_deref() == Some(city.id.as_str()))
            .collect();
        docs.sort_by(|&a, &b| {
            sort_date(&content.pages[b])
                .cmp(&sort_date(&content.pages[a]))
                .then(a.cmp(&b))
        });
        docs.iter().map(|&i| pages[i].clone()).collect()
    };
    let mine: Vec<&IndicatorView> = indicators.iter().filter(|v| v.city_id == city.id).collect();
    let mut plans: Vec<PlanGroup> = Vec::new();
    for view in &mine {
        let plan_key = view
            .plan
            .as_ref()
            .map(|p| p.path.clone())
            .unwrap_or_default();
        let group = match plans
            .iter_mut()
            .position(|g| g.plan.as_ref().map(|p| p.path.clone()).unwrap_or_default() == plan_key)
        {
            Some(i) => &mut plans[i],
            None => {
                plans.push(PlanGroup {
                    plan: view.plan.clone(),
                    id: format!("plan-{}", plans.len() + 1),
                    domains: Vec::new(),
                    count: 0,
                });
                plans.last_mut().expect("just pushed")
            }
        };
        group.count += 1;
        match group.domains.iter_mut().find(|d| d.domain == view.domain) {
            Some(d) => d.indicators.push((*view).clone()),
            None => group.domains.push(DomainGroup {
                domain: view.domain.clone(),
                indicators: vec![(*view).clone()],
            }),
        }
    }
    let achievements: Vec<AchievementView> = data
        .achievements
        .iter()
        .filter(|a| a.city == city.id)
        .map(|a| achievement_view(content, a))
        .collect();
    let levels = standards_by_level(data, &city.id);
    let mut achievement_charts = Vec::new();
    let mut standards_total = None;
    if !levels.is_empty() {
        let total: f64 = levels.iter().map(|l| l.value).sum();
        let unit = levels[0].unit.clone();
        standards_total = Some(with_unit(total, &unit));
        let labels: Vec<String> = levels.iter().map(|l| format!("{}标准", l.level)).collect();
        let desc = levels
            .iter()
            .map(|l| format!("{}标准{}", l.level, with_unit(l.value, &l.unit)))
            .collect::<Vec<_>>()
            .join(",");
        achievement_charts.push(chart::bars(&chart::BarChart {
            id: &format!("chart-{}-standards", city.id),
            title: &format!("{}主导或参与制修订标准(按层级)", city.name),
            desc: &format!("{desc}。"),
            unit: &unit,
            bars: levels
                .iter()
                .zip(&labels)
                .map(|(l, label)| chart::Bar {
                    label,
                    value: l.value,
                })
                .collect(),
        }));
    }
    CityView {
        id: city.id.clone(),
        name: city.name.clone(),
        province: city.province.clone(),
        introduction: city.introduction.clone(),
        path: format!("cities/{}/", city.id),
        documents,
        indicator_count: mine.len(),
        status_counts: status_counts(&mine),
        plans,
        achievements_csv: (!achievements.is_empty())
            .then(|| format!("cities/{}/achievements.csv", city.id)),
        achievements,
        achievement_charts,
        standards_total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_every_digit_never_a_saturated_integer() {
        assert_eq!(fmt_number(93.2), "93.2");
        assert_eq!(fmt_number(13375.0), "13375");
        assert_eq!(fmt_number(999_999_999_999_999.0), "999999999999999");
        // A sum of many large figures is beyond i64 and still printed as it is.
        assert_eq!(fmt_number(1e20), "100000000000000000000");
        assert_eq!(fmt_number(-0.0), "0");
        assert_eq!(fmt_number(-0.001), "0");
        assert_eq!(with_unit(-1024.0, "项"), "-1024项");
        assert_eq!(percent(0.756), Some(76));
        assert_eq!(percent(-2.5), Some(-250));
        assert_eq!(percent(1e30), None);
        assert_eq!(percent(f64::NAN), None);
    }
}
