//! The low-level SVG writing: escaping, number formatting, a rough text measure, and the
//! document frame every chart shares.

use std::fmt::Write as _;

use crate::escape::{xml, xml_into};
use crate::figure::Figure;
use crate::labels::Labels;

/// Width of the wide layout's viewBox, shown where the chart has at least as many CSS px (1 unit
/// per px or more, so the text keeps at least its CSS size: 0.8–0.9 × the body text).
pub(crate) const WIDTH: f64 = 400.0;
/// Width of the phone layout's viewBox, shown where the chart has less than [`WIDTH`] px: the
/// narrowest box a chart gets on a 320 px phone (a card inside the page's margins) is 262 px,
/// so this layout too is shown at 1 unit per px or more.
pub(crate) const NARROW: f64 = 260.0;
/// Font size for labels and values (set once on the chart body). The theme sizes chart text in
/// CSS from the page's font size (0.9 of it: 15.3 normal, 19.8 in 大字 mode), so charts are
/// laid out for the largest, and the normal size always fits in the room left.
pub(crate) const FONT: f64 = 20.0;
/// Font size for axis tick labels and values printed inside bar segments (the theme: 0.8 of
/// the page's size, 17.6 in 大字 mode).
pub(crate) const SMALL: f64 = 18.0;
/// Space around the plot of the bar and line charts.
pub(crate) const PAD: f64 = 12.0;
/// Height of a row of the legend.
pub(crate) const LEGEND_ROW: f64 = 30.0;
/// Distance from a text's vertical centre to its baseline, as a share of the font size.
const BASELINE_SHIFT: f64 = 0.35;

/// A coordinate or an axis tick (never a figure of the data, see [`value_label`]): at most two
/// decimals and no trailing zeros: `93.2`, `97`, `13375`, `-0.5`.
/// Non-finite input (which the charts filter out before) gives `0`, so output never holds
/// `NaN` or `inf`.
pub(crate) fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    // Whole numbers (most coordinates) without the float formatter, which costs several times
    // more; the same text (`-0` included, written `0`).
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return (v as i64).to_string();
    }
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

/// A figure with its unit, as printed in a chart: `97%`, `432项`, with the decimals the page
/// shows it with (never the two of a coordinate). Non-finite values print as a dash.
pub(crate) fn value_label(v: &Figure, unit: &str) -> String {
    if v.value().is_finite() {
        v.with_unit(unit)
    } else {
        "—".to_string()
    }
}

/// A value after its label (the theme's `chart_value`: `label：value`), or just the value when
/// the label is empty.
pub(crate) fn labelled(labels: &Labels, label: &str, v: &Figure, unit: &str) -> String {
    let value = value_label(v, unit);
    if label.trim().is_empty() {
        value
    } else {
        labels.chart_value(label, value)
    }
}

/// Approximate advance width of `c` in em. Deliberately on the wide side so that estimated
/// layouts leave room rather than overlap.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 0.32,
        '0'..='9' => 0.58,
        '%' | 'm' | 'w' | 'M' | 'W' | '@' => 0.92,
        'A'..='Z' => 0.7,
        c if c.is_ascii() => 0.58,
        '…' | '—' | '–' => 1.0,
        c if (c as u32) >= 0x1100 => 1.0,
        _ => 0.7,
    }
}

/// Estimated width of `s` at font size `size`.
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

/// `s` cut to fit `max` (with a trailing `…`), or `None` when it fits already.
pub(crate) fn truncate(s: &str, max: f64, size: f64) -> Option<String> {
    if text_width(s, size) <= max {
        return None;
    }
    let budget = max - char_em('…') * size;
    let mut used = 0.0;
    let mut cut = String::new();
    for c in s.chars() {
        let w = char_em(c) * size;
        if used + w > budget {
            break;
        }
        used += w;
        cut.push(c);
    }
    let mut cut = cut.trim_end().to_string();
    cut.push('…');
    Some(cut)
}

/// The label of the last tick with the unit (used to reserve room at the axis end).
pub(crate) fn last_tick_label(ticks: &[f64], unit: &str) -> String {
    ticks
        .last()
        .map(|&t| format!("{}{unit}", num(t)))
        .unwrap_or_default()
}

/// Labels for horizontal-axis `ticks` that are `spacing` apart: every k-th tick (counted from
/// zero when zero is a tick) so that neighbouring labels keep a gap, with the unit appended to
/// the last labelled tick. `None` marks a tick drawn without a label.
pub(crate) fn tick_labels(ticks: &[f64], unit: &str, spacing: f64) -> Vec<Option<String>> {
    let plain: Vec<String> = ticks.iter().map(|&t| num(t)).collect();
    let widest = plain
        .iter()
        .map(|s| text_width(s, SMALL))
        .fold(0.0, f64::max)
        + text_width(unit, SMALL);
    let mut k = 1;
    if spacing.is_finite() && spacing > 0.0 {
        while (k as f64) * spacing < widest + 10.0 && k < ticks.len() {
            k += 1;
        }
    } else {
        k = ticks.len().max(1);
    }
    let origin = ticks.iter().position(|&t| t == 0.0).unwrap_or(0) as isize;
    let keep = |i: usize| (i as isize - origin).rem_euclid(k as isize) == 0;
    let last = (0..ticks.len()).rev().find(|&i| keep(i));
    plain
        .into_iter()
        .enumerate()
        .map(|(i, s)| match keep(i) {
            true if Some(i) == last => Some(format!("{s}{unit}")),
            true => Some(s),
            false => None,
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// One `<text>` element.
pub(crate) struct Text<'a> {
    pub class: &'a str,
    pub x: f64,
    /// Vertical centre of the text (the baseline is computed from it).
    pub cy: f64,
    pub anchor: Anchor,
    pub size: f64,
    /// Extra trusted attributes, e.g. `font-weight="bold"` (written as given).
    pub extra: &'a str,
    /// Longer content is truncated with `…`, and the full text goes into a `<title>` child.
    pub max_width: f64,
}

impl<'a> Text<'a> {
    pub(crate) fn new(class: &'a str, x: f64, cy: f64) -> Self {
        Text {
            class,
            x,
            cy,
            anchor: Anchor::Start,
            size: FONT,
            extra: "",
            max_width: f64::INFINITY,
        }
    }
    pub(crate) fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }
    pub(crate) fn size(mut self, size: f64) -> Self {
        self.size = size;
        self
    }
    pub(crate) fn extra(mut self, extra: &'a str) -> Self {
        self.extra = extra;
        self
    }
    pub(crate) fn max_width(mut self, max_width: f64) -> Self {
        self.max_width = max_width;
        self
    }

    pub(crate) fn write(&self, out: &mut String, content: &str) {
        let _ = write!(
            out,
            r#"<text class="{}" x="{}" y="{}""#,
            xml(self.class),
            num(self.x),
            num(self.cy + self.size * BASELINE_SHIFT)
        );
        match self.anchor {
            Anchor::Start => {}
            Anchor::Middle => out.push_str(r#" text-anchor="middle""#),
            Anchor::End => out.push_str(r#" text-anchor="end""#),
        }
        if self.size != FONT {
            let _ = write!(out, r#" font-size="{}""#, num(self.size));
        }
        if !self.extra.is_empty() {
            out.push(' ');
            out.push_str(self.extra);
        }
        out.push('>');
        match truncate(content, self.max_width.max(0.0), self.size) {
            Some(short) => {
                xml_into(out, &short);
                out.push_str("<title>");
                xml_into(out, content);
                out.push_str("</title>");
            }
            None => xml_into(out, content),
        }
        out.push_str("</text>\n");
    }
}

/// A `<title>` child element (hover text), or nothing for an empty string.
pub(crate) fn title_child(out: &mut String, title: &str) {
    if !title.is_empty() {
        out.push_str("<title>");
        xml_into(out, title);
        out.push_str("</title>");
    }
}

/// Ends an element whose start tag has been written up to (not including) its `>`: self-closing
/// without a title, else with a `<title>` child (hover text).
pub(crate) fn end_element(out: &mut String, tag: &str, title: &str) {
    if title.is_empty() {
        out.push_str("/>\n");
    } else {
        out.push('>');
        title_child(out, title);
        let _ = writeln!(out, "</{tag}>");
    }
}

/// A straight line.
pub(crate) fn line(
    out: &mut String,
    class: &str,
    (x1, y1): (f64, f64),
    (x2, y2): (f64, f64),
    attrs: &str,
) {
    let _ = writeln!(
        out,
        r#"<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}" {attrs}/>"#,
        xml(class),
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// The complete chart: root element with the accessible name and description, then `body`
/// inside a group that sets the default font and text colour.
pub(crate) fn document(
    kind: &str,
    width: f64,
    id: &str,
    title: &str,
    desc: &str,
    height: f64,
    body: &str,
) -> String {
    let id = xml(id);
    let height = if height.is_finite() {
        height.ceil().max(1.0)
    } else {
        1.0
    };
    let mut out = String::with_capacity(body.len() + 512);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-title {id}-desc" focusable="false">"#,
        num(width),
        num(height)
    );
    let _ = writeln!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        xml(title),
        xml(desc)
    );
    let _ = writeln!(
        out,
        r##"<g class="chart-body" font-family="sans-serif" font-size="{}" fill="#1a1a1a">"##,
        num(FONT)
    );
    out.push_str(body);
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_most_two_decimals_and_no_trailing_zeros() {
        assert_eq!(num(97.0), "97");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-12.0), "-12");
        assert_eq!(num(1e15), "1000000000000000");
        assert_eq!(num(123_456_789_012.0), "123456789012");
        assert_eq!(num(93.2), "93.2");
        assert_eq!(num(13375.0), "13375");
        assert_eq!(num(0.125), "0.12"); // round-half-even on the binary value; stable either way
        assert_eq!(num(2.005_1), "2.01");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(0.30000000000000004), "0.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
        assert_eq!(num(f64::NEG_INFINITY), "0");
    }

    #[test]
    fn value_labels_carry_the_unit() {
        assert_eq!(value_label(&Figure::of(432.0), "项"), "432项");
        assert_eq!(value_label(&Figure::of(97.0), "%"), "97%");
        assert_eq!(value_label(&Figure::of(0.0004), "%"), "0.0004%");
        assert_eq!(value_label(&Figure::of(f64::NAN), "%"), "—");
        let labels = crate::labels::tests::default_labels();
        assert_eq!(
            labelled(labels, "目标 2020", &Figure::of(97.0), "%"),
            "目标 2020：97%"
        );
        assert_eq!(labelled(labels, "", &Figure::of(97.0), "%"), "97%");
    }

    #[test]
    fn tick_labels_thin_out_when_crowded() {
        let ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0];
        let all: Vec<Option<String>> = ["0", "20", "40", "60", "80", "100%"]
            .iter()
            .map(|s| Some(s.to_string()))
            .collect();
        assert_eq!(tick_labels(&ticks, "%", 80.0), all);
        let some = tick_labels(&ticks, "%", 30.0);
        assert_eq!(
            some,
            vec![
                Some("0".into()),
                None,
                Some("40".into()),
                None,
                Some("80%".into()),
                None
            ]
        );
        // Counted from zero, so zero keeps its label.
        let ticks = [-20.0, -10.0, 0.0, 10.0, 20.0, 30.0];
        let some = tick_labels(&ticks, "%", 30.0);
        assert_eq!(
            some,
            vec![
                Some("-20".into()),
                None,
                Some("0".into()),
                None,
                Some("20%".into()),
                None
            ]
        );
        assert_eq!(
            tick_labels(&[0.0, 1.0], "", f64::NAN),
            vec![Some("0".into()), None]
        );
        assert!(tick_labels(&[], "%", 10.0).is_empty());
        assert_eq!(last_tick_label(&ticks, "%"), "30%");
    }

    #[test]
    fn text_width_counts_cjk_as_full_width() {
        assert_eq!(text_width("国家标准", 16.0), 64.0);
        assert!(text_width("432项", 16.0) > 40.0);
        assert!(text_width("2018", 16.0) < text_width("二〇一八", 16.0));
    }

    #[test]
    fn truncation_adds_an_ellipsis_and_fits() {
        assert_eq!(truncate("济宁市", 100.0, 16.0), None);
        let cut = truncate("工业产品质量监督抽查合格率", 100.0, 16.0).unwrap();
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 16.0) <= 100.0);
        assert_eq!(cut, "工业产品质…");
        // Nothing fits: just the ellipsis, never a panic.
        assert_eq!(truncate("工业", 3.0, 16.0).unwrap(), "…");
    }

    #[test]
    fn truncated_text_keeps_the_full_label_in_a_title() {
        let mut out = String::new();
        Text::new("label", 10.0, 20.0)
            .anchor(Anchor::End)
            .max_width(50.0)
            .write(&mut out, "很长很长的<城市>名称");
        assert!(
            out.contains("<title>很长很长的&lt;城市&gt;名称</title>"),
            "{out}"
        );
        assert!(out.contains("…"));
        assert!(out.contains(r#"text-anchor="end""#));
        let mut out = String::new();
        Text::new("label", 10.0, 20.0)
            .size(SMALL)
            .write(&mut out, "短");
        assert_eq!(
            out,
            "<text class=\"label\" x=\"10\" y=\"26.3\" font-size=\"18\">短</text>\n"
        );
    }

    #[test]
    fn document_has_accessible_root() {
        let svg = document("bar", WIDTH, "c1", "T<", "D&", 99.2, "");
        assert!(svg.starts_with(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" viewBox="0 0 400 100" role="img" aria-labelledby="c1-title c1-desc" focusable="false">"#
        ));
        assert!(
            svg.contains(r#"<title id="c1-title">T&lt;</title><desc id="c1-desc">D&amp;</desc>"#)
        );
        assert!(svg.ends_with("</svg>\n"));
        assert!(document("bar", WIDTH, "c", "", "", f64::NAN, "").contains("viewBox=\"0 0 400 1\""));
    }
}
