//! Server-rendered SVG charts: inline, script-free and accessible.
//!
//! Every chart is an `<svg role="img">` fragment named by its `<title>` and `<desc>` (through
//! `aria-labelledby`), 480 viewBox units wide with no width or height so CSS can size it. Marks
//! carry class names for the site stylesheet *and* presentation attributes (fill, stroke) so
//! they look right without it. Status and series are told apart by shape and printed text as
//! well as colour, and every value is printed. Output is deterministic, so it is tested against
//! snapshots in `tests/golden/charts/` (insta; `INSTA_UPDATE=always` rewrites them).
//!
//! Class names the stylesheet can target (all inside `svg.chart.chart-{bullet,bar,stacked-bar,line}`):
//! - `chart-body` (the group setting `font-family`, `font-size`, text `fill`);
//! - `mark`, `mark-latest`, `mark-target`, `mark-baseline`, `status-{achieved,on-track,behind,no-data}`;
//! - `track`, `measure` (bullet), `bar`, `segment`, `series-{n}`, `legend`, `legend-swatch`,
//!   `legend-label`;
//! - `axis`, `axis-zero`, `grid`, `tick`, `tick-label`, `label`, `value`, `value-total`,
//!   `segment-value`, `status-label`, `readout`, `no-data`, `frame`;
//! - `series-line`, `point`, `point-value`, `ref-line`, `ref-target` (line).

mod bar;
mod bullet;
mod line;
mod marks;
mod palette;
mod scale;
mod svg;

pub(crate) use crate::figure::Figure;
pub(crate) use crate::status::Status;
pub(crate) use palette::{status_css, status_style};

use crate::labels::Labels;
use svg::{NARROW, WIDTH};

/// A chart in its two layouts: the wide one (`WIDTH` units) and the phone one (`NARROW` units,
/// its ids ending in `-narrow`), each in a box of its own. The theme shows one of the two by the
/// width the chart gets (a container query on `chart-layouts`: the phone layout below `WIDTH`
/// px) and hides the other with `display: none`, so a screen reader hears one chart; without
/// the stylesheet's query the wide one shows.
fn layouts(wide: String, narrow: String) -> String {
    format!(
        "<div class=\"chart-layouts\"><div class=\"chart-wide\">\n{wide}</div><div class=\"chart-narrow\">\n{narrow}</div></div>\n"
    )
}

/// The ids of a chart's phone layout.
fn narrow_id(id: &str) -> String {
    format!("{id}-narrow")
}

/// `$chart` drawn by `$draw` in both layouts (see [`layouts`]): the phone one a copy of the chart
/// of type `$kind` with its id made narrow.
macro_rules! in_both_layouts {
    ($chart:expr, $kind:ident, $draw:path, $labels:expr) => {{
        let id = narrow_id($chart.id);
        let narrow = $kind {
            id: &id,
            ..$chart.clone()
        };
        layouts(
            $draw($chart, $labels, WIDTH),
            $draw(&narrow, $labels, NARROW),
        )
    }};
}

/// A bullet chart in both layouts.
pub(crate) fn bullet(b: &Bullet, labels: &Labels) -> String {
    in_both_layouts!(b, Bullet, bullet::bullet, labels)
}

/// A bar chart in both layouts.
pub(crate) fn bars(c: &BarChart, labels: &Labels) -> String {
    in_both_layouts!(c, BarChart, bar::bars, labels)
}

/// A stacked bar chart in both layouts.
pub(crate) fn stacked_bars(c: &StackedBarChart, labels: &Labels) -> String {
    in_both_layouts!(c, StackedBarChart, bar::stacked_bars, labels)
}

/// A line chart in both layouts.
pub(crate) fn line(c: &LineChart, labels: &Labels) -> String {
    in_both_layouts!(c, LineChart, line::line, labels)
}

/// One indicator against its target, as a bullet chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bullet<'a> {
    /// Unique id prefix on the page, e.g. `chart-pass-rate`; the chart uses `{id}-title` and
    /// `{id}-desc`.
    pub id: &'a str,
    /// Accessible name, e.g. "工业产品质量监督抽查合格率".
    pub title: &'a str,
    /// Accessible description: a full sentence saying what the chart shows.
    pub desc: &'a str,
    /// Unit printed after values: "%", "项" …
    pub unit: &'a str,
    /// Value and label, e.g. `(93.2, "基线 2015")`.
    pub baseline: Option<(&'a Figure, &'a str)>,
    /// Value and label, e.g. `(97.0, "目标 2020")`.
    pub target: (&'a Figure, &'a str),
    /// Value and label, e.g. `(95.1, "最新 2018")`.
    pub latest: Option<(&'a Figure, &'a str)>,
    pub status: Status,
}

/// One row of a bar chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar<'a> {
    pub label: &'a str,
    pub value: Figure,
}

/// Horizontal bars, one per row, label on the left and the value printed at the bar's end.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub unit: &'a str,
    pub bars: Vec<Bar<'a>>,
}

/// One row of a stacked bar chart: a value per series, in the order of
/// [`StackedBarChart::series`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stack<'a> {
    pub label: &'a str,
    pub values: Vec<Figure>,
}

/// Horizontal stacked bars with a legend; the total is printed at the end of each row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StackedBarChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub unit: &'a str,
    /// Series names, e.g. `["国家", "行业", "地方", "团体"]`.
    pub series: Vec<&'a str>,
    /// How the series are coloured and marked.
    pub palette: Palette,
    /// One row each, e.g. per city.
    pub stacks: Vec<Stack<'a>>,
}

/// The colours and shapes of a chart's series.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Palette {
    /// Categories (levels, cities …): the categorical palette, never a status's look.
    Categories,
    /// Series `i` is the count of indicators in status `i`: each drawn in its status's colour
    /// and shape, exactly as in the tables and the other charts.
    Statuses(Vec<Status>),
}

/// One measurement of a time series.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point<'a> {
    /// Year as a fraction, e.g. 2018.0 or 2018.5.
    pub x: f64,
    /// Label for the point, e.g. "2018".
    pub label: &'a str,
    pub value: &'a Figure,
    /// A forecast, not a measurement: drawn hollow on a dashed line after the measured ones,
    /// and named as a forecast in its text.
    pub forecast: bool,
}

/// A time series with optional baseline and target markers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineChart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub unit: &'a str,
    /// Sorted by `x`.
    pub points: Vec<Point<'a>>,
    /// `(x, value, label)`, drawn as a diamond.
    pub baseline: Option<(f64, &'a Figure, &'a str)>,
    /// `(x, value, label)`, drawn as a bullseye with a dashed reference line at its value.
    pub target: Option<(f64, &'a Figure, &'a str)>,
    /// The target's status: the latest point is drawn in its colour and shape, as on the
    /// bullet chart (none for 暂无数据).
    pub status: Status,
}

#[cfg(test)]
mod tests {
    use super::*;

    // The charts with the default theme's words: the golden files are what it shows.
    pub(crate) fn bar(label: &str, value: f64) -> Bar<'_> {
        Bar {
            label,
            value: Figure::of(value),
        }
    }

    /// A figure for a chart's test, as long as the test runs.
    pub(crate) fn f(value: f64) -> &'static Figure {
        Box::leak(Box::new(Figure::of(value)))
    }

    pub(crate) fn figs(values: &[f64]) -> Vec<Figure> {
        values.iter().map(|&v| Figure::of(v)).collect()
    }

    pub(crate) fn labels() -> &'static crate::labels::Labels {
        crate::labels::tests::default_labels()
    }

    // The wide layout, as most tests read it; `narrow_*` the phone layout.
    fn bullet(b: &Bullet) -> String {
        super::bullet::bullet(b, labels(), WIDTH)
    }

    pub(crate) fn bars(c: &BarChart) -> String {
        super::bar::bars(c, labels(), WIDTH)
    }

    pub(crate) fn stacked_bars(c: &StackedBarChart) -> String {
        super::bar::stacked_bars(c, labels(), WIDTH)
    }

    fn line(c: &LineChart) -> String {
        super::line::line(c, labels(), WIDTH)
    }

    /// The chart against its snapshot in `tests/golden/charts/` (insta, as the golden pages:
    /// a mismatch prints a line diff; `INSTA_UPDATE=always cargo test --lib chart` rewrites).
    fn golden(name: &str, svg: &str) {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/charts"),
        );
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(name, svg));
    }

    fn well_formed(svg: &str) {
        assert!(
            svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-"#),
            "{svg}"
        );
        assert!(svg.contains(r#" role="img" "#));
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
        assert!(
            !svg.contains("<script") && !svg.contains("<style") && !svg.contains(" style="),
            "{svg}"
        );
        // Tags balance (a rough check; the golden files are also checked by an SVG renderer).
        for tag in ["svg", "g", "text", "title", "desc", "path", "circle"] {
            let open =
                svg.matches(&format!("<{tag} ")).count() + svg.matches(&format!("<{tag}>")).count();
            let self_closed = svg
                .split(&format!("<{tag} "))
                .skip(1)
                .filter(|rest| rest.split('>').next().unwrap_or("").ends_with('/'))
                .count();
            let close = svg.matches(&format!("</{tag}>")).count();
            assert_eq!(open - self_closed, close, "unbalanced <{tag}> in\n{svg}");
        }
    }

    pub(crate) fn check(svg: &str) {
        well_formed(svg);
    }

    /// 100,000 observations: the line covers the pixels the whole series would, the circles
    /// mark the first, last, lowest and highest, and the SVG stays small.
    #[test]
    fn a_long_series_is_drawn_thinned() {
        let dates: Vec<String> = (0..100_000).map(|i| format!("第{i}天")).collect();
        let value = |i: usize| 90.0 + ((i * 7919) % 1000) as f64 / 100.0;
        let points: Vec<Point<'_>> = dates
            .iter()
            .enumerate()
            .map(|(i, label)| Point {
                x: 1901.0 + i as f64 / 365.0,
                label,
                value: f(if i == 4242 { 150.0 } else { value(i) }),
                forecast: false,
            })
            .collect();
        let svg = line(&LineChart {
            status: Status::OnTrack,
            id: "chart-long",
            title: "长序列",
            desc: "十万个监测数据",
            unit: "%",
            points,
            baseline: None,
            target: Some((2200.0, f(97.0), "目标")),
        });
        check(&svg);
        assert!(svg.len() < 100_000, "{} bytes", svg.len());
        // Four points marked (the latest as its status's triangle) and the target's bullseye.
        assert_eq!(svg.matches("<circle").count(), 3 + 3, "{svg}");
        for marked in ["第0天", "第99999天", "第4242天"] {
            assert!(svg.contains(marked), "{marked} is not marked");
        }
        // Every pixel column of the plot holds a point of the path.
        let path = svg
            .split(r#"d="M"#)
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(path.split('L').count() > 300, "{path}");
    }

    fn pass_rate_nodata() -> String {
        bullet(&Bullet {
            id: "chart-pass-rate",
            title: "工业产品质量监督抽查合格率",
            desc: "基线2015年93.2%，目标2020年不低于97%，暂无最新数据。",
            unit: "%",
            baseline: Some((f(93.2), "基线 2015")),
            target: (f(97.0), "目标 2020"),
            latest: None,
            status: Status::NoData,
        })
    }

    #[test]
    fn golden_bullet_no_data() {
        let svg = pass_rate_nodata();
        check(&svg);
        golden("bullet-no-data", &svg);
    }

    #[test]
    fn golden_bullet_on_track() {
        let b = Bullet {
            id: "chart-pass-rate-2018",
            title: "工业产品质量监督抽查合格率",
            desc: "基线2015年93.2%，目标2020年不低于97%，2018年为95.1%，按期推进。",
            unit: "%",
            baseline: Some((f(93.2), "基线 2015")),
            target: (f(97.0), "目标 2020"),
            latest: Some((f(95.1), "最新 2018")),
            status: Status::OnTrack,
        };
        let svg = bullet(&b);
        check(&svg);
        golden("bullet-on-track", &svg);
        let svg = super::bullet::bullet(&b, labels(), NARROW);
        check(&svg);
        golden("bullet-on-track-narrow", &svg);
    }

    #[test]
    fn golden_bars() {
        let c = BarChart {
            id: "chart-jining-standards",
            title: "济宁市主导和参与制定的标准",
            desc: "国家标准432项，行业标准488项，地方标准369项，团体标准195项。",
            unit: "项",
            bars: vec![
                bar("国家标准", 432.0),
                bar("行业标准", 488.0),
                bar("地方标准", 369.0),
                bar("团体标准", 195.0),
            ],
        };
        let svg = bars(&c);
        check(&svg);
        golden("bars-jining-standards", &svg);
        let svg = super::bar::bars(&c, labels(), NARROW);
        check(&svg);
        golden("bars-jining-standards-narrow", &svg);
    }

    #[test]
    fn golden_stacked_bars() {
        let c = StackedBarChart {
            id: "chart-city-standards",
            title: "各市主导和参与制定的标准",
            desc: "济宁市：国家432项、行业488项、地方369项、团体195项；泰安市：国家121项、行业203项、地方96项、团体58项。",
            unit: "项",
            series: vec!["国家", "行业", "地方", "团体"],
            palette: Palette::Categories,
            stacks: vec![
                Stack { label: "济宁市", values: figs(&[432.0, 488.0, 369.0, 195.0]) },
                Stack { label: "泰安市", values: figs(&[121.0, 203.0, 96.0, 58.0]) },
            ],
        };
        let svg = stacked_bars(&c);
        check(&svg);
        golden("stacked-bars-cities", &svg);
        let svg = super::bar::stacked_bars(&c, labels(), NARROW);
        check(&svg);
        golden("stacked-bars-cities-narrow", &svg);
    }

    #[test]
    fn golden_line() {
        let c = LineChart {
            status: Status::OnTrack,
            id: "chart-pass-rate-trend",
            title: "工业产品质量监督抽查合格率",
            desc: "2016年94.1%，2017年94.8%，2018年95.1%；基线2015年93.2%，目标2020年97%。",
            unit: "%",
            points: vec![
                Point {
                    x: 2016.0,
                    label: "2016",
                    value: f(94.1),
                    forecast: false,
                },
                Point {
                    x: 2017.0,
                    label: "2017",
                    value: f(94.8),
                    forecast: false,
                },
                Point {
                    x: 2018.0,
                    label: "2018",
                    value: f(95.1),
                    forecast: false,
                },
            ],
            baseline: Some((2015.0, f(93.2), "基线 2015")),
            target: Some((2020.0, f(97.0), "目标 2020")),
        };
        let svg = line(&c);
        check(&svg);
        golden("line-pass-rate", &svg);
        let svg = super::line::line(&c, labels(), NARROW);
        check(&svg);
        golden("line-pass-rate-narrow", &svg);
    }

    #[test]
    fn every_chart_escapes_its_text() {
        let evil = "<script>alert(1)</script>";
        let svgs = [
            bullet(&Bullet {
                id: "b",
                title: evil,
                desc: evil,
                unit: evil,
                baseline: Some((f(1.0), evil)),
                target: (f(2.0), evil),
                latest: Some((f(1.5), evil)),
                status: Status::Behind,
            }),
            bars(&BarChart {
                id: "c",
                title: evil,
                desc: evil,
                unit: evil,
                bars: vec![bar(evil, 1.0)],
            }),
            stacked_bars(&StackedBarChart {
                id: "d",
                title: evil,
                desc: evil,
                unit: evil,
                series: vec![evil],
                palette: Palette::Categories,
                stacks: vec![Stack {
                    label: evil,
                    values: figs(&[1.0]),
                }],
            }),
            line(&LineChart {
                status: Status::OnTrack,
                id: "e",
                title: evil,
                desc: evil,
                unit: evil,
                points: vec![Point {
                    x: 2018.0,
                    label: evil,
                    value: f(1.0),
                    forecast: false,
                }],
                baseline: Some((2015.0, f(0.5), evil)),
                target: Some((2020.0, f(2.0), evil)),
            }),
        ];
        for svg in &svgs {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(
                svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{svg}"
            );
            check(svg);
        }
    }

    #[test]
    fn ids_name_title_and_desc() {
        let svg = pass_rate_nodata();
        assert!(svg.contains(r#"aria-labelledby="chart-pass-rate-title chart-pass-rate-desc""#));
        assert!(
            svg.contains(r#"<title id="chart-pass-rate-title">工业产品质量监督抽查合格率</title>"#)
        );
        assert!(svg.contains(r#"<desc id="chart-pass-rate-desc">基线2015年93.2%"#));
        assert!(svg.contains(r#"focusable="false""#));
        let root = svg.lines().next().unwrap();
        assert!(
            !root.contains("width=") && !root.contains("height="),
            "{root}"
        );
    }

    #[test]
    fn both_layouts_are_published_with_their_own_ids() {
        let b = Bullet {
            id: "c",
            title: "合格率",
            desc: "说明。",
            unit: "%",
            baseline: None,
            target: (f(97.0), "目标 2020"),
            latest: Some((f(97.4), "最新 2019年12月31日")),
            status: Status::Achieved,
        };
        let html = super::bullet(&b, labels());
        assert!(html.starts_with(r#"<div class="chart-layouts"><div class="chart-wide">"#));
        assert!(html.contains(r#"viewBox="0 0 400 "#) && html.contains(r#"viewBox="0 0 260 "#));
        for id in ["c-title", "c-desc", "c-narrow-title", "c-narrow-desc"] {
            assert_eq!(
                html.matches(&format!(r#"id="{id}""#)).count(),
                1,
                "{id}: {html}"
            );
        }
        // The phone layout never cuts a readout: the value goes to the next row, and a label
        // too long for one row breaks at its space.
        let narrow = super::bullet::bullet(&b, labels(), NARROW);
        check(&narrow);
        assert!(!narrow.contains('…'), "{narrow}");
        assert!(
            [">最新</text>", ">2019年12月31日：</text>", ">97.4%</text>"]
                .iter()
                .all(|t| narrow.contains(t)),
            "{narrow}"
        );
        // Labels too long to sit beside their bars go above them, whole.
        let c = BarChart {
            id: "b",
            title: "标准",
            desc: "说明。",
            unit: "项",
            bars: vec![
                bar("国家标准（含参与制定）", 13375.0),
                bar("团体标准", 195.0),
            ],
        };
        let narrow = super::bar::bars(&c, labels(), NARROW);
        check(&narrow);
        assert!(
            !narrow.contains('…') && narrow.contains(">国家标准（含参与制定）</text>"),
            "{narrow}"
        );
        assert!(narrow.contains(">13375项</text>"), "{narrow}");
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(pass_rate_nodata(), pass_rate_nodata());
    }
}
