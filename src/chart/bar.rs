//! Horizontal bar charts, plain and stacked: label on the left, bars from zero, the value (or the
//! stack's total) printed at the end of the bar, and a tick axis below.

use std::fmt::Write as _;

use super::marks::{mark, Shape, GREY, GRID, SERIES, WHITE};
use super::palette::{series_colour, series_shape, status_style};
use super::scale::Scale;
use super::svg::{
    document, end_element, labelled, last_tick_label, line, num, text_width, tick_labels,
    value_label, Anchor, Text, FONT, LEGEND_ROW, PAD, SMALL,
};
use super::{BarChart, Figure, Palette, StackedBarChart};
use crate::escape::xml;
use crate::labels::Labels;

const ROW: f64 = 36.0;
/// Height of a row label's own line, above its bar, when the labels do not fit beside the bars.
const LABEL_ROW: f64 = 26.0;
const BAR_H: f64 = 22.0;
/// Row labels longer than this are truncated.
const MAX_LABEL: f64 = 160.0;
/// The plot keeps at least this much width, at the expense of the labels.
const MIN_PLOT: f64 = 140.0;

/// Horizontal geometry shared by both bar charts.
struct Layout {
    scale: Scale,
    tick_labels: Vec<Option<String>>,
    /// Right edge of the row labels (they are right-aligned).
    label_right: f64,
    label_width: f64,
    plot_l: f64,
    plot_r: f64,
    /// Row labels on a line of their own above each bar (a narrow chart, where beside the bars
    /// they would be cut short), starting at the left edge.
    above: bool,
}

impl Layout {
    /// `value_width` is the widest value printed at a bar's end; room is kept for it on the right,
    /// and on the left too if `reserve_left` (values printed at the end of negative bars).
    fn new<'a>(
        labels: impl Iterator<Item = &'a str> + Clone,
        value_width: f64,
        scale: Scale,
        unit: &str,
        reserve_left: bool,
        width: f64,
    ) -> Layout {
        // A narrow plot cannot label every tick: rather than leave the axis end unlabelled
        // ("0 200 400" under a grid up to 500), take a coarser step whose ticks all fit.
        let at = |scale| {
            Layout::with_scale(
                labels.clone(),
                (value_width, reserve_left),
                scale,
                unit,
                width,
            )
        };
        let mut layout = at(scale);
        for intervals in [4.0, 3.0, 2.0] {
            if layout.tick_labels.iter().all(Option::is_some) {
                break;
            }
            layout = at(layout.scale.coarser(intervals));
        }
        layout
    }

    fn with_scale<'a>(
        labels: impl Iterator<Item = &'a str>,
        (value_width, reserve_left): (f64, bool),
        scale: Scale,
        unit: &str,
        width: f64,
    ) -> Layout {
        let ticks = scale.ticks();
        let last_half = text_width(&last_tick_label(&ticks, unit), SMALL) / 2.0;
        let right = value_width.max(last_half + 2.0);
        let left = if reserve_left { value_width } else { 0.0 };
        let wanted = labels.map(|l| text_width(l, FONT)).fold(0.0, f64::max);
        let beside = width - 2.0 * PAD - 10.0 - right - left - MIN_PLOT;
        // In a narrow chart a label that would be cut beside its bar goes above it instead.
        let above = width < super::svg::WIDTH && wanted > beside.min(MAX_LABEL);
        let (label_width, label_right, plot_l) = if above {
            let label_width = width - 2.0 * PAD;
            (label_width, PAD, PAD + left)
        } else {
            let label_width = wanted.min(MAX_LABEL).min(beside).max(32.0);
            let label_right = PAD + label_width;
            (label_width, label_right, label_right + 10.0 + left)
        };
        let plot_r = (width - PAD - right).max(plot_l + 40.0);
        let spacing = (plot_r - plot_l) / (ticks.len().max(2) - 1) as f64;
        let tick_labels = tick_labels(&ticks, unit, spacing);
        Layout {
            scale,
            tick_labels,
            label_right,
            label_width,
            plot_l,
            plot_r,
            above,
        }
    }

    /// Height of one row (its label's line included when above the bar).
    fn row_height(&self) -> f64 {
        if self.above {
            ROW + LABEL_ROW
        } else {
            ROW
        }
    }

    /// Vertical centre of the bar of row `i`, rows starting at `top`.
    fn bar_cy(&self, top: f64, i: usize) -> f64 {
        let row_top = top + i as f64 * self.row_height();
        if self.above {
            row_top + LABEL_ROW + ROW / 2.0
        } else {
            row_top + ROW / 2.0
        }
    }

    fn pos(&self, v: f64) -> f64 {
        self.scale.pos(v, self.plot_l, self.plot_r)
    }

    fn zero(&self) -> f64 {
        self.pos(0.0_f64.clamp(self.scale.lo, self.scale.hi))
    }

    /// The label of the row whose bar is centred at `cy`.
    fn row_label(&self, out: &mut String, cy: f64, label: &str) {
        if self.above {
            Text::new(
                "label",
                self.label_right,
                cy - ROW / 2.0 - LABEL_ROW / 2.0 + 4.0,
            )
            .max_width(self.label_width)
            .write(out, label);
            return;
        }
        Text::new("label", self.label_right, cy)
            .anchor(Anchor::End)
            .max_width(self.label_width)
            .write(out, label);
    }

    /// Grid lines between `top` and `bottom`, to be drawn before the bars.
    fn grid(&self, out: &mut String, top: f64, bottom: f64) {
        let stroke = format!(r#"stroke="{GRID}" stroke-width="1""#);
        for &t in &self.scale.ticks() {
            let x = self.pos(t);
            line(out, "grid", (x, top), (x, bottom), &stroke);
        }
    }

    /// Zero line, axis and tick labels, to be drawn after the bars. Returns the bottom edge.
    fn axis(&self, out: &mut String, top: f64, bottom: f64) -> f64 {
        let stroke = format!(r#"stroke="{GREY}" stroke-width="1""#);
        let zero = self.zero();
        line(out, "axis axis-zero", (zero, top), (zero, bottom), &stroke);
        line(
            out,
            "axis",
            (self.plot_l, bottom),
            (self.plot_r, bottom),
            &stroke,
        );
        for (&t, label) in self.scale.ticks().iter().zip(&self.tick_labels) {
            let x = self.pos(t);
            line(out, "tick", (x, bottom), (x, bottom + 5.0), &stroke);
            let Some(label) = label else { continue };
            Text::new("tick-label", x, bottom + 17.0)
                .anchor(Anchor::Middle)
                .size(SMALL)
                .write(out, label);
        }
        bottom + 32.0
    }
}

fn rect(out: &mut String, class: &str, (x0, x1): (f64, f64), cy: f64, attrs: &str, title: &str) {
    let _ = write!(
        out,
        r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}" {attrs}"#,
        xml(class),
        num(x0.min(x1)),
        num(cy - BAR_H / 2.0),
        num((x1 - x0).abs()),
        num(BAR_H)
    );
    end_element(out, "rect", title);
}

/// A light frame with the theme's `chart_no_data` in it, starting at `top`. Returns the bottom
/// edge.
fn no_data(out: &mut String, top: f64, labels: &Labels, width: f64) -> f64 {
    let h = 64.0;
    let _ = writeln!(
        out,
        r#"<rect class="frame" x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{GRID}" stroke-width="1"/>"#,
        num(PAD),
        num(top),
        num(width - 2.0 * PAD),
        num(h)
    );
    let fill = format!(r#"fill="{GREY}""#);
    Text::new("no-data", width / 2.0, top + h / 2.0)
        .anchor(Anchor::Middle)
        .extra(&fill)
        .write(out, labels.chart_no_data());
    top + h + 8.0
}

/// Renders horizontal bars `width` units wide, one row per [`super::Bar`], with the theme's
/// words.
pub(crate) fn bars(c: &BarChart, labels: &Labels, width: f64) -> String {
    let mut body = String::new();
    let top = 8.0;
    if c.bars.is_empty() {
        let h = no_data(&mut body, top, labels, width);
        return document("bar", width, c.id, c.title, c.desc, h, &body);
    }
    let values: Vec<String> = c
        .bars
        .iter()
        .map(|b| value_label(&b.value, c.unit))
        .collect();
    let value_width = values
        .iter()
        .map(|v| text_width(v, FONT))
        .fold(0.0, f64::max)
        + 8.0;
    let raw: Vec<f64> = c.bars.iter().map(|b| b.value.value()).collect();
    let scale = Scale::zero_based(raw.iter().copied()).whole_if_count(&raw, c.unit);
    let l = Layout::new(
        c.bars.iter().map(|b| b.label),
        value_width,
        scale,
        c.unit,
        scale.lo < 0.0,
        width,
    );
    let bottom = top + c.bars.len() as f64 * l.row_height();

    l.grid(&mut body, top, bottom);
    let fill = format!(r#"fill="{SERIES}""#);
    let mut texts = String::new();
    for (i, (bar, value)) in c.bars.iter().zip(&values).enumerate() {
        let cy = l.bar_cy(top, i);
        l.row_label(&mut texts, cy, bar.label);
        let zero = l.zero();
        let (end, anchor, dx) = if bar.value.value().is_finite() {
            let end = l.pos(bar.value.value());
            rect(
                &mut body,
                "bar",
                (zero, end),
                cy,
                &fill,
                &labelled(labels, bar.label, &bar.value, c.unit),
            );
            if bar.value.value() < 0.0 {
                (end, Anchor::End, -6.0)
            } else {
                (end, Anchor::Start, 6.0)
            }
        } else {
            (zero, Anchor::Start, 6.0)
        };
        Text::new("value", end + dx, cy)
            .anchor(anchor)
            .write(&mut texts, value);
    }
    let h = l.axis(&mut body, top, bottom);
    body.push_str(&texts);
    document("bar", width, c.id, c.title, c.desc, h, &body)
}

/// Colour, shape and class of series `i`: a status's own look, or the categorical palette's.
fn series_look(palette: &Palette, i: usize) -> (&'static str, Shape, String) {
    match palette {
        Palette::Statuses(statuses) if i < statuses.len() => {
            let style = status_style(statuses[i]);
            (
                style.colour,
                style.shape,
                format!("status-{}", statuses[i].class()),
            )
        }
        _ => (series_colour(i), series_shape(i), format!("series-{i}")),
    }
}

/// A shape as a character, to print inside a bar segment of its colour.
fn shape_symbol(shape: Shape) -> char {
    match shape {
        Shape::Square => '■',
        Shape::Circle => '●',
        Shape::TriangleUp => '▲',
        Shape::Diamond => '◆',
        Shape::TriangleDown => '▼',
        Shape::Plus => '+',
        Shape::Cross => '×',
        Shape::Bar => '▬',
        Shape::Check => '✔',
        Shape::HollowCircle => '○',
        Shape::Bullseye => '◎',
    }
}

/// Writes the legend (wrapping onto more lines as needed) from `top`; returns its bottom edge.
fn legend(out: &mut String, series: &[&str], palette: &Palette, top: f64, width: f64) -> f64 {
    if series.is_empty() {
        return top;
    }
    out.push_str("<g class=\"legend\">\n");
    let mut x = PAD;
    let mut cy = top + LEGEND_ROW / 2.0;
    let max_text = width - 2.0 * PAD - 20.0;
    for (i, name) in series.iter().enumerate() {
        let w = 20.0 + text_width(name, FONT).min(max_text);
        if x > PAD && x + w > width - PAD {
            x = PAD;
            cy += LEGEND_ROW;
        }
        let (colour, shape, class) = series_look(palette, i);
        mark(
            out,
            shape,
            (x + 7.0, cy),
            7.0,
            &format!("legend-swatch {class}"),
            colour,
            "",
        );
        Text::new("legend-label", x + 20.0, cy)
            .max_width(max_text)
            .write(out, name);
        x += w + 18.0;
    }
    out.push_str("</g>\n");
    cy + LEGEND_ROW / 2.0
}

/// Renders stacked horizontal bars with a legend of shapes and names, one row per
/// [`super::Stack`], the total printed at the end. Values beyond the number of series are
/// ignored, missing and non-finite ones count as absent; negative values stack leftwards from
/// zero. The chart is `width` units wide.
pub(crate) fn stacked_bars(c: &StackedBarChart, labels: &Labels, width: f64) -> String {
    let mut body = String::new();
    let top = legend(&mut body, &c.series, &c.palette, 6.0, width) + 8.0;
    let n = c.series.len();
    if c.stacks.is_empty() || n == 0 {
        let h = no_data(&mut body, top, labels, width);
        return document("stacked-bar", width, c.id, c.title, c.desc, h, &body);
    }
    fn row_values(values: &[Figure], n: usize) -> Vec<&Figure> {
        values
            .iter()
            .take(n)
            .filter(|v| v.value().is_finite())
            .collect()
    }
    let sums: Vec<(f64, f64, Figure)> = c
        .stacks
        .iter()
        .map(|s| {
            let v = row_values(&s.values, n);
            let pos: f64 = v.iter().map(|x| x.value()).filter(|&x| x > 0.0).sum();
            let neg: f64 = v.iter().map(|x| x.value()).filter(|&x| x < 0.0).sum();
            (pos, neg, Figure::sum(v))
        })
        .collect();
    let totals: Vec<String> = sums.iter().map(|s| value_label(&s.2, c.unit)).collect();
    let value_width = totals
        .iter()
        .map(|v| text_width(v, FONT))
        .fold(0.0, f64::max)
        + 8.0;
    let ends: Vec<f64> = sums.iter().flat_map(|s| [s.0, s.1]).collect();
    let scale = Scale::zero_based(ends.iter().copied()).whole_if_count(&ends, c.unit);
    // Totals are printed at the end of the positive part, so no room is needed on the left.
    let l = Layout::new(
        c.stacks.iter().map(|s| s.label),
        value_width,
        scale,
        c.unit,
        false,
        width,
    );
    let bottom = top + c.stacks.len() as f64 * l.row_height();

    l.grid(&mut body, top, bottom);
    let mut texts = String::new();
    for (r, (stack, (pos_sum, _, _))) in c.stacks.iter().zip(&sums).enumerate() {
        let cy = l.bar_cy(top, r);
        l.row_label(&mut texts, cy, stack.label);
        let (mut up, mut down) = (0.0, 0.0);
        for (i, figure) in stack.values.iter().take(n).enumerate() {
            let v = figure.value();
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let (a, b) = if v > 0.0 {
                up += v;
                (up - v, up)
            } else {
                down += v;
                (down, down - v)
            };
            let (x0, x1) = (l.pos(a), l.pos(b));
            let (colour, _, class) = series_look(&c.palette, i);
            let attrs = format!(r#"fill="{colour}" stroke="{WHITE}" stroke-width="1""#);
            let title = format!(
                "{} {}",
                stack.label,
                labelled(labels, c.series[i], figure, c.unit)
            );
            rect(
                &mut body,
                &format!("segment {class}"),
                (x0, x1),
                cy,
                &attrs,
                &title,
            );
            // The series' symbol before the value, as in the legend: a segment is told by its
            // shape as well as its colour (▲8, ■13375), or by the symbol alone where narrow.
            let (_, shape, _) = series_look(&c.palette, i);
            let symbol = shape_symbol(shape);
            let full = format!("{symbol}{}", figure.text());
            let room = (x1 - x0).abs();
            let text = if room >= text_width(&full, SMALL) + 4.0 {
                full
            } else {
                symbol.to_string()
            };
            if room >= text_width(&text, SMALL) + 4.0 {
                let fill = format!(r#"fill="{WHITE}""#);
                Text::new("segment-value", (x0 + x1) / 2.0, cy)
                    .anchor(Anchor::Middle)
                    .size(SMALL)
                    .extra(&fill)
                    .write(&mut texts, &text);
            }
        }
        Text::new("value value-total", l.pos(*pos_sum) + 6.0, cy).write(&mut texts, &totals[r]);
    }
    let h = l.axis(&mut body, top, bottom);
    body.push_str(&texts);
    document("stacked-bar", width, c.id, c.title, c.desc, h, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::{bar, bars, check, figs, stacked_bars};
    use crate::chart::{Bar, Stack};

    fn chart<'a>(bars: Vec<Bar<'a>>) -> BarChart<'a> {
        BarChart {
            id: "b",
            title: "标准",
            desc: "说明。",
            unit: "项",
            bars,
        }
    }

    #[test]
    fn values_are_printed_with_units() {
        let svg = bars(&chart(vec![bar("国家标准", 432.0), bar("行业标准", 488.0)]));
        check(&svg);
        assert!(
            svg.contains(">432项</text>") && svg.contains(">488项</text>"),
            "{svg}"
        );
        assert!(svg.contains(">国家标准</text>"));
        assert!(
            svg.contains(">600项</text>") && svg.contains(">400</text>"),
            "every tick is labelled, the last with the unit: {svg}"
        );
        assert!(svg.contains("<title>国家标准：432项</title>"));
    }

    #[test]
    fn empty_chart_says_no_data() {
        let svg = bars(&chart(vec![]));
        check(&svg);
        assert!(svg.contains(">暂无数据</text>") && svg.contains("class=\"frame\""));
        let stacked = |series: Vec<&'static str>, stacks: Vec<Stack<'static>>| {
            stacked_bars(&StackedBarChart {
                id: "s",
                title: "t",
                desc: "d",
                unit: "项",
                series,
                palette: Palette::Categories,
                stacks,
            })
        };
        let svg = stacked(vec!["国家"], vec![]);
        check(&svg);
        assert!(svg.contains(">暂无数据</text>") && svg.contains(">国家</text>"));
        let svg = stacked(
            vec![],
            vec![Stack {
                label: "济宁市",
                values: figs(&[1.0]),
            }],
        );
        check(&svg);
        assert!(svg.contains(">暂无数据</text>"));
    }

    #[test]
    fn edge_values_stay_finite() {
        let long = "很长的标签名称".repeat(10);
        let cases = [
            vec![bar("零", 0.0), bar("也是零", 0.0)],
            vec![bar("一", 13375.0)],
            vec![bar("负", -12.5), bar("正", 30.0)],
            vec![
                Bar {
                    label: "坏",
                    value: Figure::of(f64::NAN),
                },
                bar("好", 2.0),
                Bar {
                    label: "无穷",
                    value: Figure::of(f64::INFINITY),
                },
            ],
            vec![bar(&long, 1.0)],
        ];
        for bars_ in cases {
            let svg = bars(&chart(bars_));
            check(&svg);
        }
        let svg = bars(&chart(vec![bar("负", -12.5), bar("正", 30.0)]));
        assert!(
            svg.contains(">-12.5项</text>") && svg.contains(r#"text-anchor="end">-12.5项"#),
            "{svg}"
        );
        let svg = bars(&chart(vec![Bar {
            label: "坏",
            value: Figure::of(f64::NAN),
        }]));
        assert!(svg.contains(">—</text>"), "{svg}");
        let svg = bars(&chart(vec![Bar {
            label: &"很长的标签名称".repeat(10),
            value: Figure::of(1.0),
        }]));
        assert!(svg.contains("…<title>"), "{svg}");
    }

    #[test]
    fn stacks_have_legend_shapes_totals_and_separators() {
        let svg = stacked_bars(&StackedBarChart {
            id: "s",
            title: "t",
            desc: "d",
            unit: "项",
            series: vec!["国家", "行业", "地方", "团体"],
            palette: Palette::Categories,
            stacks: vec![
                Stack {
                    label: "济宁市",
                    values: figs(&[432.0, 488.0, 369.0, 195.0]),
                },
                Stack {
                    label: "泰安市",
                    values: figs(&[121.0, 203.0]),
                },
            ],
        });
        check(&svg);
        for i in 0..4 {
            assert!(svg.contains(&format!("legend-swatch series-{i}")), "{svg}");
        }
        assert!(
            svg.contains(">1484项</text>") && svg.contains(">324项</text>"),
            "{svg}"
        );
        assert!(svg.contains(r##"stroke="#ffffff" stroke-width="1""##));
        assert!(svg.contains("<title>济宁市 团体：195项</title>"));
        // Shapes differ: square, diamond (paths), circle …
        assert!(svg.contains("<circle class=\"legend-swatch series-2\""));
    }

    #[test]
    fn stacks_with_odd_values() {
        let svg = stacked_bars(&StackedBarChart {
            id: "s",
            title: "t",
            desc: "d",
            unit: "",
            series: vec!["甲", "乙"],
            palette: Palette::Categories,
            stacks: vec![
                Stack {
                    label: "负",
                    values: figs(&[-3.0, 5.0, 99.0]),
                },
                Stack {
                    label: "零",
                    values: figs(&[0.0, 0.0]),
                },
                Stack {
                    label: "缺",
                    values: figs(&[]),
                },
                Stack {
                    label: "坏",
                    values: figs(&[f64::NAN, f64::INFINITY]),
                },
            ],
        });
        check(&svg);
        assert!(
            svg.contains(">2</text>"),
            "total of -3 and 5, the extra value ignored: {svg}"
        );
        assert!(!svg.contains("：99") && !svg.contains(">99<"), "{svg}");
        let many: Vec<&str> = vec![
            "国家标准",
            "行业标准",
            "地方标准",
            "团体标准",
            "企业标准",
            "国际标准",
            "其他标准",
        ];
        let svg = stacked_bars(&StackedBarChart {
            id: "s",
            title: "t",
            desc: "d",
            unit: "项",
            series: many.clone(),
            palette: Palette::Categories,
            stacks: vec![Stack {
                label: "济宁市",
                values: figs(&[1.0; 7]),
            }],
        });
        check(&svg);
        assert!(svg.contains("legend-swatch series-6"));
    }
}
