//! Line chart: a time series with value labels, a baseline marker (diamond), and a target
//! marker (bullseye) with a dashed reference line at the target value; a legend below names the
//! baseline and target with their values.

use std::fmt::Write as _;

use super::marks::{mark, Shape, GREY, GRID, SERIES, TEXT};
use super::palette::status_style;
use super::scale::{year_ticks, Scale};
use super::svg::{
    document, labelled, line as seg, num, text_width, value_label, Anchor, Text, FONT, LEGEND_ROW,
    PAD, SMALL,
};
use super::{Figure, LineChart, Point, Status};
use crate::labels::Labels;

/// Room above the plot for the value label of a point at the top.
const TOP: f64 = 30.0;
const PLOT_H: f64 = 180.0;
/// Points keep this distance from the plot's left and right edges.
const INNER: f64 = 24.0;
/// Minimum distance between year ticks ("2016年" at the tick size, and a gap).
const YEAR_SPACING: f64 = 76.0;
/// Half the height of a value label, with a little air: a label whose centre is closer than
/// this to a line would be struck through by it.
const LABEL_HALF: f64 = FONT * 0.6;

/// The vertical centre of the value label of a point at `y`: above it, or below when `below`
/// (the line runs higher on both sides); on the other side when that one leaves the plot (whose
/// bottom is `bottom`) or would be struck through by the target line at `target_y`.
fn label_centre(y: f64, below: bool, bottom: f64, target_y: Option<f64>) -> f64 {
    let (up, down) = (y - 16.0 - FONT * 0.1, y + 18.0 + FONT * 0.1);
    let fits = |cy: f64| cy - LABEL_HALF >= 0.0 && cy + LABEL_HALF <= bottom + 4.0;
    let clear = |cy: f64| target_y.is_none_or(|t| (cy - t).abs() >= LABEL_HALF);
    let order = if below { [down, up] } else { [up, down] };
    order
        .into_iter()
        .find(|&cy| fits(cy) && clear(cy))
        .or_else(|| order.into_iter().find(|&cy| clear(cy)))
        .unwrap_or(order[0])
}

/// Points a chart draws one by one: a few hundred (the plot is about 300 pixels wide). Above,
/// 100,000 observations would be 100,000 circles (15 MB of SVG on one page) smeared into a band.
pub(crate) const MAX_DRAWN_POINTS: usize = 300;

/// The points a line through `xy` (screen positions, in order) needs to cover the same pixels:
/// in each pixel column, the first, the lowest, the highest and the last point (M4 aggregation).
/// The line between columns joins the last point of one to the first of the next, as the whole
/// line does; inside a column, the whole line's path stays between its lowest and highest.
fn thinned(xy: &[(f64, f64)]) -> Vec<usize> {
    let mut kept = Vec::new();
    let mut start = 0;
    while start < xy.len() {
        let column = xy[start].0.floor();
        let end = start
            + xy[start..]
                .iter()
                .take_while(|p| p.0.floor() == column)
                .count();
        let range = start..end;
        let by_y = |a: &usize, b: &usize| xy[*a].1.total_cmp(&xy[*b].1);
        let low = range.clone().min_by(by_y).unwrap_or(start);
        let high = range.clone().max_by(by_y).unwrap_or(start);
        let mut four = [start, low, high, end - 1];
        four.sort_unstable();
        for i in four {
            if kept.last() != Some(&i) {
                kept.push(i);
            }
        }
        start = end;
    }
    kept
}

/// The first, last, lowest and highest of the points, in order: the values a thinned chart
/// marks and labels.
fn extremes(points: &[&Point]) -> Vec<usize> {
    let by_value =
        |a: &usize, b: &usize| (points[*a].value.value()).total_cmp(&points[*b].value.value());
    let all = 0..points.len();
    let mut marked = vec![
        0,
        points.len().saturating_sub(1),
        all.clone().min_by(by_value).unwrap_or(0),
        all.max_by(by_value).unwrap_or(0),
    ];
    marked.sort_unstable();
    marked.dedup();
    marked
}

/// Renders a line chart `width` units wide (see the module docs), with the theme's words.
pub(crate) fn line(c: &LineChart, labels: &Labels, width: f64) -> String {
    let points: Vec<&Point> = c
        .points
        .iter()
        .filter(|p| p.x.is_finite() && p.value.value().is_finite())
        .collect();
    let ok = |(x, v, _): &(f64, &Figure, &str)| x.is_finite() && v.value().is_finite();
    let baseline = c.baseline.filter(ok);
    let target = c.target.filter(ok);
    let marks = baseline.iter().chain(target.iter());

    // Scales.
    let values: Vec<f64> = points
        .iter()
        .map(|p| p.value.value())
        .chain(marks.clone().map(|m| m.1.value()))
        .collect();
    let scale = Scale::fitted(values.iter().copied()).whole_if_count(&values, c.unit);
    let ticks = scale.ticks();
    let tick_labels: Vec<String> = ticks
        .iter()
        .enumerate()
        .map(|(i, &t)| {
            if i + 1 == ticks.len() {
                format!("{}{}", num(t), c.unit)
            } else {
                num(t)
            }
        })
        .collect();
    let label_w = tick_labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let left = (PAD + label_w + 8.0).min(width / 3.0);
    let right = width - PAD;
    let bottom = TOP + PLOT_H;
    let py = |v: f64| scale.pos(v, bottom, TOP);
    let xs: Vec<f64> = points
        .iter()
        .map(|p| p.x)
        .chain(marks.clone().map(|m| m.0))
        .collect();
    let (mut xlo, mut xhi) = xs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    if xs.is_empty() {
        (xlo, xhi) = (0.0, 1.0);
    } else if xhi - xlo < 1e-9 {
        (xlo, xhi) = (xlo - 0.5, xhi + 0.5);
    }
    let (px0, px1) = (left + INNER, right - INNER);
    let px = |x: f64| {
        let t = ((x - xlo) / (xhi - xlo)).clamp(0.0, 1.0);
        if t.is_finite() {
            px0 + t * (px1 - px0)
        } else {
            px0
        }
    };

    let mut body = String::new();
    let grid = format!(r#"stroke="{GRID}" stroke-width="1""#);
    let axis = format!(r#"stroke="{GREY}" stroke-width="1""#);

    // Y grid and labels.
    for (&t, label) in ticks.iter().zip(&tick_labels) {
        let y = py(t);
        seg(&mut body, "grid", (left, y), (right, y), &grid);
        Text::new("tick-label", left - 6.0, y)
            .anchor(Anchor::End)
            .size(SMALL)
            .write(&mut body, label);
    }
    if scale.lo < 0.0 && scale.hi > 0.0 {
        seg(
            &mut body,
            "axis axis-zero",
            (left, py(0.0)),
            (right, py(0.0)),
            &axis,
        );
    }
    seg(&mut body, "axis", (left, bottom), (right, bottom), &axis);

    // X ticks (whole years), only when there is something to place on them.
    if !xs.is_empty() {
        let max_ticks = ((px1 - px0) / YEAR_SPACING).floor() as usize + 1;
        for t in year_ticks(xlo, xhi, max_ticks) {
            let x = px(t);
            seg(&mut body, "tick", (x, bottom), (x, bottom + 5.0), &axis);
            // Chinese dates, as in the text: 2016年, not 2016. Ticks are whole years.
            Text::new("tick-label", x, bottom + 17.0)
                .anchor(Anchor::Middle)
                .size(SMALL)
                .write(&mut body, &labels.date_year(t as i64));
        }
    }

    // Target reference line under the data.
    if let Some((_, v, _)) = target {
        let y = py(v.value());
        let attrs = format!(r#"stroke="{TEXT}" stroke-width="2" stroke-dasharray="6 4""#);
        seg(
            &mut body,
            "ref-line ref-target",
            (left, y),
            (right, y),
            &attrs,
        );
    }

    // Forecasts are drawn apart from the measured values: hollow, on a dashed line of their own
    // from the last measured value, and named as forecasts; the latest measured value keeps the
    // status's mark.
    let (measured, forecasts): (Vec<&Point>, Vec<&Point>) =
        points.iter().copied().partition(|p| !p.forecast);
    let forecasts = &forecasts[forecasts.len().saturating_sub(MAX_DRAWN_POINTS)..];
    let had_points = !points.is_empty();
    let points = measured;

    // Data: the line through every point, or, with more points than pixels, through those that
    // draw the same pixels; a circle on each point, or on the first, last, lowest and highest.
    let all_xy: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (px(p.x), py(p.value.value())))
        .collect();
    let (drawn, marked) = if points.len() > MAX_DRAWN_POINTS {
        (thinned(&all_xy), extremes(&points))
    } else {
        ((0..points.len()).collect(), (0..points.len()).collect())
    };
    let points: Vec<&Point> = marked.iter().map(|&i| points[i]).collect();
    if drawn.len() >= 2 {
        let d: Vec<String> = drawn
            .iter()
            .map(|&i| format!("{} {}", num(all_xy[i].0), num(all_xy[i].1)))
            .collect();
        let _ = writeln!(
            body,
            r#"<path class="series-line" d="M{}" fill="none" stroke="{SERIES}" stroke-width="2.5" stroke-linejoin="round"/>"#,
            d.join("L")
        );
    }
    for (i, p) in points.iter().enumerate() {
        let text = labelled(labels, p.label, p.value, c.unit);
        if i + 1 == points.len() && c.status != Status::NoData {
            // The latest point in its status's colour and shape, named in its tooltip.
            let style = status_style(c.status);
            let class = format!("point point-latest mark-latest status-{}", c.status.class());
            let text = labels.chart_latest_status(text, labels.status_label(c.status));
            let at = (px(p.x), py(p.value.value()));
            mark(&mut body, style.shape, at, 8.0, &class, style.colour, &text);
        } else {
            let at = (px(p.x), py(p.value.value()));
            mark(&mut body, Shape::Circle, at, 5.0, "point", SERIES, &text);
        }
    }
    if !forecasts.is_empty() {
        let from = points
            .iter()
            .rev()
            .find(|p| p.x <= forecasts[0].x)
            .map(|p| (px(p.x), py(p.value.value())));
        let d: Vec<String> = from
            .into_iter()
            .chain(forecasts.iter().map(|p| (px(p.x), py(p.value.value()))))
            .map(|(x, y)| format!("{} {}", num(x), num(y)))
            .collect();
        if d.len() >= 2 {
            let _ = writeln!(
                body,
                r#"<path class="series-line forecast-line" d="M{}" fill="none" stroke="{SERIES}" stroke-width="2" stroke-dasharray="4 4"/>"#,
                d.join("L")
            );
        }
        for p in forecasts {
            let text = labels.chart_forecast(labelled(labels, p.label, p.value, c.unit));
            let at = (px(p.x), py(p.value.value()));
            mark(
                &mut body,
                Shape::HollowCircle,
                at,
                6.0,
                "point point-forecast",
                SERIES,
                &text,
            );
        }
    }
    let references = [
        (baseline, Shape::Diamond, 7.0, "mark mark-baseline", GREY),
        (target, Shape::Bullseye, 9.0, "mark mark-target", TEXT),
    ];
    for (reference, shape, size, class, colour) in references {
        if let Some((x, v, label)) = reference {
            let text = labelled(labels, label, v, c.unit);
            mark(
                &mut body,
                shape,
                (px(x), py(v.value())),
                size,
                class,
                colour,
                &text,
            );
        }
    }

    let target_y = target.map(|(_, v, _)| py(v.value()));
    // Value labels: all of them if they fit side by side, else the first and the last (or just
    // the last). Each goes above its point, or below where the line runs higher on both sides.
    // The forecasts' labels say so (98%（预测）), in x order with the measured ones.
    let mut points: Vec<&Point> = points.iter().chain(forecasts).copied().collect();
    points.sort_by(|a, b| a.x.total_cmp(&b.x));
    let texts: Vec<String> = points
        .iter()
        .map(|p| {
            let value = value_label(p.value, c.unit);
            if p.forecast {
                labels.chart_forecast(value)
            } else {
                value
            }
        })
        .collect();
    let widths: Vec<f64> = texts.iter().map(|t| text_width(t, FONT)).collect();
    let xy: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (px(p.x), py(p.value.value())))
        .collect();
    let apart =
        |i: usize, j: usize| (xy[j].0 - xy[i].0).abs() >= (widths[i] + widths[j]) / 2.0 + 6.0;
    let n = points.len();
    let chosen: Vec<usize> = if (1..n).all(|i| apart(i - 1, i)) {
        (0..n).collect()
    } else {
        // The latest measured value first, then the last point (a forecast), then the first,
        // each where it clears those already chosen.
        let last_measured = points.iter().rposition(|p| !p.forecast);
        let mut chosen: Vec<usize> = Vec::new();
        for i in [last_measured, Some(n - 1), Some(0)].into_iter().flatten() {
            if !chosen.contains(&i) && chosen.iter().all(|&j| apart(i.min(j), i.max(j))) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen
    };
    for i in chosen {
        let (x, y) = xy[i];
        let neighbours: Vec<f64> = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| xy.get(j).map(|p| p.1))
            .collect();
        // Screen y grows downwards: neighbours with smaller y are higher.
        let below = !neighbours.is_empty() && neighbours.iter().all(|&ny| ny < y);
        let cy = label_centre(y, below, bottom, target_y);
        let class = if points[i].forecast {
            "value point-value forecast-value"
        } else {
            "value point-value"
        };
        Text::new(class, x, cy)
            .anchor(Anchor::Middle)
            .write(&mut body, &texts[i]);
    }

    if !had_points {
        let fill = format!(r#"fill="{GREY}""#);
        Text::new("no-data", (left + right) / 2.0, TOP + PLOT_H / 2.0)
            .anchor(Anchor::Middle)
            .extra(&fill)
            .write(&mut body, labels.chart_no_data());
    }

    // Legend for the baseline, the target and the forecasts.
    let mut h = bottom + 32.0;
    if baseline.is_some() || target.is_some() || !forecasts.is_empty() {
        body.push_str("<g class=\"legend\">\n");
        let mut x = PAD;
        let mut cy = bottom + 34.0 + LEGEND_ROW / 2.0;
        let max_text = width - 2.0 * PAD - 34.0;
        let forecast = (!forecasts.is_empty()).then_some(labels.forecast());
        let items = [
            (
                baseline.map(|b| labelled(labels, b.2, b.1, c.unit)),
                Shape::Diamond,
            ),
            (
                target.map(|t| labelled(labels, t.2, t.1, c.unit)),
                Shape::Bullseye,
            ),
            (forecast.map(str::to_string), Shape::HollowCircle),
        ];
        for (text, shape) in items {
            let Some(text) = text else { continue };
            let w = 34.0 + text_width(&text, FONT).min(max_text);
            if x > PAD && x + w > width - PAD {
                x = PAD;
                cy += LEGEND_ROW;
            }
            // Each swatch as it is drawn in the plot: the target's dashed line and bullseye, the
            // forecasts' dotted line and hollow point, the baseline's diamond alone.
            let (line, mark_size, mark_class, colour) = match shape {
                Shape::Bullseye => (
                    Some(("ref-line ref-target", "6 4")),
                    8.0,
                    "mark-target",
                    TEXT,
                ),
                Shape::HollowCircle => (
                    Some(("forecast-line", "4 4")),
                    6.0,
                    "point-forecast",
                    SERIES,
                ),
                _ => (None, 7.0, "mark-baseline", GREY),
            };
            if let Some((class, dashes)) = line {
                let attrs =
                    format!(r#"stroke="{colour}" stroke-width="2" stroke-dasharray="{dashes}""#);
                seg(
                    &mut body,
                    &format!("legend-swatch {class}"),
                    (x, cy),
                    (x + 26.0, cy),
                    &attrs,
                );
            }
            mark(
                &mut body,
                shape,
                (x + 13.0, cy),
                mark_size,
                &format!("legend-swatch {mark_class}"),
                colour,
                "",
            );
            Text::new("legend-label", x + 34.0, cy)
                .max_width(max_text)
                .write(&mut body, &text);
            x += w + 20.0;
        }
        body.push_str("</g>\n");
        h = cy + LEGEND_ROW / 2.0 + 4.0;
    }

    document("line", width, c.id, c.title, c.desc, h, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::{check, f};

    /// Line charts with the default theme's words.
    fn line(c: &LineChart) -> String {
        super::line(
            c,
            crate::labels::tests::default_labels(),
            super::super::svg::WIDTH,
        )
    }

    fn chart<'a>(points: Vec<Point<'a>>) -> LineChart<'a> {
        LineChart {
            status: Status::OnTrack,
            id: "l",
            title: "趋势",
            desc: "说明。",
            unit: "%",
            points,
            baseline: None,
            target: None,
        }
    }

    fn p(x: f64, value: f64) -> Point<'static> {
        Point {
            x,
            label: "点",
            value: f(value),
            forecast: false,
        }
    }

    #[test]
    fn points_line_and_labels() {
        let svg = line(&chart(vec![
            p(2016.0, 94.1),
            p(2017.0, 94.8),
            p(2018.0, 95.1),
        ]));
        check(&svg);
        assert!(svg.contains("class=\"series-line\""));
        // The latest point in its status's shape and colour (on track: ▲), the others circles.
        assert_eq!(svg.matches("<circle class=\"point\"").count(), 2);
        assert!(svg.contains("<path class=\"point point-latest mark-latest status-on-track\""));
        assert!(svg.contains(">95.1%</text>"));
        for year in ["2016年", "2017年", "2018年"] {
            assert!(svg.contains(&format!(">{year}</text>")), "{svg}");
        }
        assert!(
            !svg.contains("class=\"legend\""),
            "no legend without baseline or target"
        );
    }

    #[test]
    fn empty_and_single_point() {
        let svg = line(&chart(vec![]));
        check(&svg);
        assert!(svg.contains(">暂无数据</text>"));
        let svg = line(&chart(vec![p(2018.0, 95.1)]));
        check(&svg);
        assert!(!svg.contains("series-line"));
        assert!(
            svg.contains(">2018年</text>") && svg.contains(">95.1%</text>"),
            "{svg}"
        );
        // Only a target, no data yet.
        let svg = line(&LineChart {
            status: Status::OnTrack,
            target: Some((2020.0, f(97.0), "目标 2020")),
            ..chart(vec![])
        });
        check(&svg);
        assert!(svg.contains(">暂无数据</text>") && svg.contains("目标 2020：97%"));
    }

    #[test]
    fn edge_values_stay_finite() {
        let cases = [
            vec![p(2016.0, 0.0), p(2017.0, 0.0)],
            vec![p(2016.0, 5.0), p(2017.0, 5.0), p(2018.0, 5.0)],
            vec![p(2016.0, -3.0), p(2017.0, 2.0)],
            vec![p(2016.0, 13375.0), p(2016.5, 12000.0)],
            vec![p(2016.0, f64::NAN), p(f64::INFINITY, 1.0), p(2017.0, 1.0)],
            vec![p(2018.2, 1.0), p(2018.4, 2.0)],
            (0..60).map(|i| p(1960.0 + i as f64, i as f64)).collect(),
        ];
        for points in cases {
            let svg = line(&LineChart {
                status: Status::OnTrack,
                target: Some((2020.0, f(0.0), "零事故")),
                ..chart(points)
            });
            check(&svg);
        }
        let svg = line(&chart(
            (0..60).map(|i| p(1960.0 + i as f64, i as f64)).collect(),
        ));
        assert!(
            svg.matches("point-value").count() < 20,
            "crowded labels are thinned"
        );
        assert!(
            svg.contains(">59%</text>"),
            "the last value is always labelled"
        );
    }

    #[test]
    fn value_labels_keep_clear_of_the_target_line() {
        // A point just under the target line: its label goes below, not through the line.
        let cy = label_centre(100.0, false, 210.0, Some(84.0));
        assert!((cy - 84.0).abs() >= LABEL_HALF && cy > 100.0, "{cy}");
        // Without a target, above as usual; at the top, below.
        assert!(label_centre(100.0, false, 210.0, None) < 100.0);
        assert!(label_centre(5.0, false, 210.0, None) > 5.0);
        // The line chart of a value right under its target never puts them together.
        let svg = line(&LineChart {
            status: Status::OnTrack,
            target: Some((2020.0, f(97.0), "目标 2020年")),
            ..chart(vec![p(2016.0, 94.1), p(2018.0, 96.5)])
        });
        check(&svg);
        let target_y = attr_after(&svg, "ref-line ref-target", "y1=\"");
        for label_y in values_after(&svg, "point-value") {
            assert!(
                (label_y - FONT * 0.35 - target_y).abs() >= LABEL_HALF,
                "label at {label_y}, target line at {target_y}: {svg}"
            );
        }
        assert!(
            svg.contains(">2016年</text>") && svg.contains(">2020年</text>"),
            "{svg}"
        );
    }

    /// The number in the first `attr` after `marker`.
    fn attr_after(svg: &str, marker: &str, attr: &str) -> f64 {
        let rest = &svg[svg.find(marker).unwrap()..];
        let rest = &rest[rest.find(attr).unwrap() + attr.len()..];
        rest[..rest.find('"').unwrap()].parse().unwrap()
    }

    /// The `y` of every text of class `class`.
    fn values_after(svg: &str, class: &str) -> Vec<f64> {
        svg.split(&format!("class=\"value {class}\""))
            .skip(1)
            .map(|rest| attr_after(rest, "", " y=\""))
            .collect()
    }

    #[test]
    fn baseline_and_target_markers() {
        let svg = line(&LineChart {
            status: Status::OnTrack,
            baseline: Some((2015.0, f(93.2), "基线 2015")),
            target: Some((2020.0, f(97.0), "目标 2020")),
            ..chart(vec![p(2016.0, 94.1)])
        });
        check(&svg);
        assert!(svg.contains("<path class=\"mark mark-baseline\""));
        assert!(svg.contains("<g class=\"mark mark-target\">"));
        assert!(svg.contains("stroke-dasharray=\"6 4\""));
        assert!(svg.contains(">基线 2015：93.2%</text>") && svg.contains(">目标 2020：97%</text>"));
        assert!(
            svg.contains(">2016年</text>") && svg.contains(">2020年</text>"),
            "{svg}"
        );
    }
}
