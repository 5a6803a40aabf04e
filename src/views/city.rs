//! Cities as templates see them: their targets grouped by plan and domain, their achievements
//! and the standards they led, by level.

use std::collections::BTreeMap;

use serde::Serialize;

use super::dashboard::AsOf;
use super::format::with_unit;
use super::indicator::{status_counts, IndicatorView, SourceView, StatusCount};
use super::Link;
use crate::chart;
use crate::content::Content;
use crate::data::{Achievement, City, Data};
use crate::date::PartialDate;
use crate::figure::Figure;
use crate::labels::Labels;
use crate::lists::city_path;

/// A city as the navigation, the home page and the city list show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AchievementView {
    pub date: String,
    pub category: String,
    pub level: Option<String>,
    pub name: String,
    pub value: String,
    pub source: Option<SourceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainGroup {
    pub domain: String,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanGroup {
    pub plan: Option<Link>,
    pub id: String,
    pub domains: Vec<DomainGroup>,
    pub count: usize,
}

/// A city's page, except its list of documents (a list of its own, see `Views`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityView {
    /// What lists show of the city (its fields are the view's own in templates).
    #[serde(flatten)]
    pub summary: CitySummary,
    pub plans: Vec<PlanGroup>,
    pub status_counts: Vec<StatusCount>,
    pub achievements: Vec<AchievementView>,
    pub achievement_charts: Vec<String>,
    pub achievements_csv: Option<String>,
    pub standards_total: Option<String>,
    /// 数据截至, when the city has figures.
    pub data_as_of: Option<AsOf>,
    /// Its targets with at least one observation (the others are 暂无数据).
    pub measured: usize,
}

/// How many standards of one level a city counts.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LevelCount {
    pub level: String,
    pub value: Figure,
    pub unit: String,
}

/// The category of achievements that count standards, by level: data vocabulary, matched
/// against what editors write in `data/achievements`.
pub(crate) const STANDARDS_CATEGORY: &str = "标准";

/// Standards by level for one city, from its latest count of each level (category 标准), in
/// the order of the theme's `standard_levels`, then the other levels by name.
pub(crate) fn standards_by_level(data: &Data, city: &str, labels: &Labels) -> Vec<LevelCount> {
    let mut latest: BTreeMap<String, &Achievement> = BTreeMap::new();
    for a in data
        .achievements
        .iter()
        .filter(|a| a.city == city && a.category == STANDARDS_CATEGORY)
    {
        let Some(level) = &a.level else { continue };
        let keep = latest.get(level).is_none_or(|prev| prev.date < a.date);
        if keep {
            latest.insert(level.clone(), a);
        }
    }
    let count = |level: &str, a: &Achievement| LevelCount {
        level: level.to_string(),
        value: a.value.clone(),
        unit: a.unit.clone(),
    };
    let order = labels.standard_levels();
    let mut rows: Vec<LevelCount> = order
        .iter()
        .filter_map(|level| latest.get(level).map(|a| count(level, a)))
        .collect();
    for (level, a) in &latest {
        if !order.contains(level) {
            rows.push(count(level, a));
        }
    }
    rows
}

impl CityView {
    /// `indicators` are all the site's targets; `document_count` how many pages name the city.
    pub fn new(
        content: &Content,
        data: &Data,
        city: &City,
        indicators: &[IndicatorView],
        document_count: usize,
        data_as_of: Option<PartialDate>,
        labels: &Labels,
    ) -> CityView {
        let mine: Vec<&IndicatorView> =
            indicators.iter().filter(|v| v.city_id == city.id).collect();
        let achievements: Vec<AchievementView> = data
            .achievements
            .iter()
            .filter(|a| a.city == city.id)
            .map(|a| AchievementView {
                date: labels.date(&a.date),
                category: if a.category.is_empty() {
                    labels.achievement_category_default().to_string()
                } else {
                    a.category.clone()
                },
                level: a.level.clone(),
                name: a.name.clone(),
                value: with_unit(&a.value, None, &a.unit),
                source: a.source.as_ref().map(|s| SourceView::of(content, s)),
            })
            .collect();
        let (achievement_charts, standards_total) = standards_chart(data, city, labels);
        CityView {
            summary: CitySummary {
                id: city.id.clone(),
                name: city.name.clone(),
                province: city.province.clone(),
                introduction: city.introduction.clone(),
                path: city_path(&city.id),
                document_count,
                indicator_count: mine.len(),
                achievement_count: achievements.len(),
            },
            status_counts: status_counts(mine.iter().map(|v| &v.status), labels),
            measured: mine.iter().filter(|v| v.latest.is_some()).count(),
            plans: plan_groups(&mine),
            achievements_csv: (!achievements.is_empty())
                .then(|| format!("{}achievements.csv", city_path(&city.id))),
            achievements,
            achievement_charts,
            standards_total,
            data_as_of: AsOf::new(data_as_of, data, Some(&city.id), labels),
        }
    }
}

/// A city's targets by the plan that set them, then by domain, in the order they were written.
fn plan_groups(mine: &[&IndicatorView]) -> Vec<PlanGroup> {
    let mut plans: Vec<PlanGroup> = Vec::new();
    for view in mine {
        let plan_key = view.plan.as_ref().map(|p| p.path.as_str());
        let index = match plans
            .iter()
            .position(|g| g.plan.as_ref().map(|p| p.path.as_str()) == plan_key)
        {
            Some(i) => i,
            None => {
                plans.push(PlanGroup {
                    plan: view.plan.clone(),
                    id: format!("plan-{}", plans.len() + 1),
                    domains: Vec::new(),
                    count: 0,
                });
                plans.len() - 1
            }
        };
        let group = &mut plans[index];
        group.count += 1;
        match group.domains.iter_mut().find(|d| d.domain == view.domain) {
            Some(d) => d.indicators.push((*view).clone()),
            None => group.domains.push(DomainGroup {
                domain: view.domain.clone(),
                indicators: vec![(*view).clone()],
            }),
        }
    }
    plans
}

/// The chart of a city's standards by level, and their total.
fn standards_chart(data: &Data, city: &City, labels: &Labels) -> (Vec<String>, Option<String>) {
    let levels = standards_by_level(data, &city.id, labels);
    if levels.is_empty() {
        return (Vec::new(), None);
    }
    let total = Figure::sum(levels.iter().map(|l| &l.value));
    let unit = levels[0].unit.clone();
    let bar_labels: Vec<String> = levels
        .iter()
        .map(|l| labels.city_standards_chart_bar(&l.level))
        .collect();
    let desc = levels
        .iter()
        .map(|l| labels.city_standards_chart_level(&l.level, with_unit(&l.value, None, &l.unit)))
        .collect::<Vec<_>>()
        .join(labels.city_standards_chart_separator());
    let chart = chart::bars(
        &chart::BarChart {
            id: &format!("chart-{}-standards", city.id),
            title: &labels.city_standards_chart_title(&city.name),
            desc: &labels.city_standards_chart_desc(desc),
            unit: &unit,
            bars: levels
                .iter()
                .zip(&bar_labels)
                .map(|(l, label)| chart::Bar {
                    label,
                    value: l.value.clone(),
                })
                .collect(),
        },
        labels,
    );
    (vec![chart], Some(with_unit(&total, None, &unit)))
}
