//! Bullet chart: one indicator's latest value against its target and baseline.
//!
//! Layout, top to bottom: a readout (status shape + status label + latest value; target;
//! baseline), so every value is printed once and never collides with another label; then the
//! scale, with the latest-value mark above the track, the baseline diamond below it and the
//! target as a tall bar across it; then the axis.

use std::fmt::Write as _;

use super::marks::{mark, Shape, GREY, TEXT, TRACK};
use super::palette::status_style;
use super::scale::Scale;
use super::svg::{
    document, end_element, labelled, last_tick_label, line, num, text_width, tick_labels, Anchor,
    Text, FONT, SMALL,
};
use super::{Bullet, Figure, Status};
use crate::labels::Labels;

const PAD: f64 = 16.0;
const ROW: f64 = 30.0;
const ICON_X: f64 = PAD + 9.0;
const TEXT_X: f64 = PAD + 26.0;

fn finite<T>(v: Option<(&Figure, T)>) -> Option<(&Figure, T)> {
    v.filter(|(x, _)| x.value().is_finite())
}

fn rect(
    out: &mut String,
    class: &str,
    (x, y): (f64, f64),
    (w, h): (f64, f64),
    fill: &str,
    title: &str,
) {
    let _ = write!(
        out,
        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" fill="{fill}""#,
        num(x),
        num(y),
        num(w.max(0.0)),
        num(h.max(0.0))
    );
    end_element(out, "rect", title);
}

/// Writes a readout line: `label：value` from `x` on the row centred at `*cy` when it fits in
/// `room`, else the label on one row and the value on the next (never cut short while the label
/// alone fits); `*cy` ends on the last row written.
fn readout(out: &mut String, class: &str, (x, cy): (f64, &mut f64), room: f64, parts: &Readout) {
    let whole = parts.whole();
    if text_width(&whole, FONT) <= room || parts.value.is_empty() {
        Text::new(class, x, *cy).max_width(room).write(out, &whole);
        return;
    }
    // A label too long for its row breaks at its spaces ("最新" / "2019年12月31日："), and only
    // a single word longer than the row is cut.
    let mut row = String::new();
    for word in parts.label.split(' ') {
        let joined = if row.is_empty() {
            word.to_string()
        } else {
            format!("{row} {word}")
        };
        if !row.is_empty() && text_width(&joined, FONT) > room {
            Text::new(class, x, *cy).max_width(room).write(out, &row);
            *cy += ROW;
            row = word.to_string();
        } else {
            row = joined;
        }
    }
    Text::new(class, x, *cy).max_width(room).write(out, &row);
    *cy += ROW;
    Text::new(class, x, *cy)
        .max_width(room)
        .write(out, &parts.value);
}

/// A readout's text as one line and as its two halves (label with its colon, value).
struct Readout {
    label: String,
    value: String,
}

impl Readout {
    fn new(labels: &Labels, label: &str, v: &Figure, unit: &str) -> Readout {
        let whole = labelled(labels, label, v, unit);
        let value = super::svg::value_label(v, unit);
        // The theme's `chart_value` puts the value last ("目标 2020：97%"): split there.
        match whole.strip_suffix(value.as_str()) {
            Some(label) if !label.trim().is_empty() => Readout {
                label: label.to_string(),
                value,
            },
            _ => Readout {
                label: whole,
                value: String::new(),
            },
        }
    }
    fn plain(text: &str) -> Readout {
        Readout {
            label: text.to_string(),
            value: String::new(),
        }
    }
    fn whole(&self) -> String {
        format!("{}{}", self.label, self.value)
    }
}

/// Renders a bullet chart `width` units wide (see the module docs for the layout), with the
/// theme's words.
pub(crate) fn bullet(b: &Bullet, labels: &Labels, width: f64) -> String {
    let status = b.status;
    let sclass = status.class();
    let style = status_style(status);
    let colour = style.colour;
    let baseline = finite(b.baseline);
    let target = finite(Some(b.target));
    let latest = finite(b.latest);
    let mut body = String::new();

    // Readout.
    let mut y = 4.0;
    let cy = y + ROW / 2.0;
    mark(
        &mut body,
        style.shape,
        (ICON_X, cy),
        9.0,
        &format!("legend-swatch mark-latest status-{sclass}"),
        colour,
        "",
    );
    let weight_colour = format!(r#"font-weight="bold" fill="{colour}""#);
    Text::new(&format!("status-label status-{sclass}"), TEXT_X, cy)
        .extra(&weight_colour)
        .write(&mut body, labels.status_label(status));
    let x = TEXT_X + text_width(labels.status_label(status), FONT) * 1.05 + 12.0;
    let latest_text = match latest {
        Some((v, label)) => Some(Readout::new(labels, label, v, b.unit)),
        None if status != Status::NoData => Some(Readout::plain(labels.chart_no_latest())),
        None => None,
    };
    if let Some(t) = latest_text {
        // Beside the status when it fits there; else on a row of its own (and the value on the
        // next when the row is too narrow), never cut short ("最新 2019年12月31日：97.4%" is
        // wider than what the status leaves).
        let (x, mut cy) = if text_width(&t.whole(), FONT) <= width - PAD - x {
            (x, cy)
        } else {
            y += ROW;
            (TEXT_X, y + ROW / 2.0)
        };
        readout(
            &mut body,
            "readout readout-latest",
            (x, &mut cy),
            width - PAD - x,
            &t,
        );
        y = cy - ROW / 2.0;
    }
    y += ROW;

    let target_text = labelled(labels, b.target.1, b.target.0, b.unit);
    let target_parts = Readout::new(labels, b.target.1, b.target.0, b.unit);
    let mut cy = y + ROW / 2.0;
    rect(
        &mut body,
        "legend-swatch mark-target",
        (ICON_X - 1.5, cy - 9.0),
        (3.0, 18.0),
        TEXT,
        "",
    );
    readout(
        &mut body,
        "readout readout-target",
        (TEXT_X, &mut cy),
        width - PAD - TEXT_X,
        &target_parts,
    );
    y = cy + ROW / 2.0;

    let baseline_text = b
        .baseline
        .map(|(v, label)| labelled(labels, label, v, b.unit));
    if let Some((v, label)) = b.baseline {
        let mut cy = y + ROW / 2.0;
        mark(
            &mut body,
            Shape::Diamond,
            (ICON_X, cy),
            7.0,
            "legend-swatch mark-baseline",
            GREY,
            "",
        );
        readout(
            &mut body,
            "readout readout-baseline",
            (TEXT_X, &mut cy),
            width - PAD - TEXT_X,
            &Readout::new(labels, label, v, b.unit),
        );
        y = cy + ROW / 2.0;
    }

    // Scale.
    let values: Vec<f64> = [
        baseline.map(|v| v.0.value()),
        target.map(|v| v.0.value()),
        latest.map(|v| v.0.value()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let half = |s: &str| (text_width(s, SMALL) / 2.0).max(10.0);
    let axis = |scale: Scale| {
        let ticks = scale.ticks();
        let x0 = PAD + half(&num(scale.lo));
        let x1 = width - PAD - half(&last_tick_label(&ticks, b.unit));
        let labels = tick_labels(&ticks, b.unit, (x1 - x0) / (ticks.len().max(2) - 1) as f64);
        (scale, ticks, x0, x1, labels)
    };
    let mut at = axis(Scale::for_unit(&values, b.unit).whole_if_count(&values, b.unit));
    // A narrow axis cannot label every tick: rather than leave its end unlabelled ("0 40 80%"
    // under a track up to 100), take a coarser step whose ticks all fit.
    for intervals in [4.0, 3.0, 2.0] {
        if at.4.iter().all(Option::is_some) {
            break;
        }
        at = axis(at.0.coarser(intervals));
    }
    let (scale, ticks, x0, x1, tick_labels) = at;
    let pos = |v: f64| scale.pos(v, x0, x1);
    let ty = y + 30.0;

    rect(
        &mut body,
        "track",
        (x0, ty - 5.0),
        (x1 - x0, 10.0),
        TRACK,
        "",
    );
    if let Some((v, _)) = latest {
        let zero = pos(0.0_f64.clamp(scale.lo, scale.hi));
        let end = pos(v.value());
        rect(
            &mut body,
            &format!("measure status-{sclass}"),
            (zero.min(end), ty - 5.0),
            ((end - zero).abs(), 10.0),
            colour,
            "",
        );
    }
    if let Some((v, _)) = target {
        rect(
            &mut body,
            "mark mark-target",
            (pos(v.value()) - 1.5, ty - 24.0),
            (3.0, 48.0),
            TEXT,
            &target_text,
        );
    }
    if let (Some((v, _)), Some(t)) = (baseline, &baseline_text) {
        mark(
            &mut body,
            Shape::Diamond,
            (pos(v.value()), ty + 17.0),
            7.0,
            "mark mark-baseline",
            GREY,
            t,
        );
    }
    if let Some((v, label)) = latest {
        let title = labels.chart_latest_status(
            labelled(labels, label, v, b.unit),
            labels.status_label(status),
        );
        mark(
            &mut body,
            style.shape,
            (pos(v.value()), ty - 17.0),
            9.0,
            &format!("mark mark-latest status-{sclass}"),
            colour,
            &title,
        );
    }

    // Axis.
    let ay = ty + 30.0;
    let stroke = format!(r#"stroke="{GREY}" stroke-width="1""#);
    line(&mut body, "axis", (x0, ay), (x1, ay), &stroke);
    for (&t, label) in ticks.iter().zip(&tick_labels) {
        let x = pos(t);
        line(&mut body, "tick", (x, ay), (x, ay + 5.0), &stroke);
        let Some(label) = label else { continue };
        Text::new("tick-label", x, ay + 17.0)
            .anchor(Anchor::Middle)
            .size(SMALL)
            .write(&mut body, label);
    }

    document("bullet", width, b.id, b.title, b.desc, ay + 32.0, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::{check, f};

    /// Bullet charts with the default theme's words.
    fn bullet(b: &Bullet) -> String {
        super::bullet(
            b,
            crate::labels::tests::default_labels(),
            super::super::svg::WIDTH,
        )
    }

    fn example<'a>(status: Status, latest: Option<(f64, &'a str)>) -> Bullet<'a> {
        Bullet {
            id: "t",
            title: "合格率",
            desc: "说明。",
            unit: "%",
            baseline: Some((f(93.2), "基线 2015")),
            target: (f(97.0), "目标 2020"),
            latest: latest.map(|(v, label)| (f(v), label)),
            status,
        }
    }

    #[test]
    fn each_status_has_its_shape_and_label() {
        let cases = [
            (
                Status::Achieved,
                "<g class=\"mark mark-latest status-achieved\">",
                "已完成",
            ),
            (
                Status::OnTrack,
                "<path class=\"mark mark-latest status-on-track\"",
                "按期推进",
            ),
            (
                Status::Behind,
                "<path class=\"mark mark-latest status-behind\"",
                "滞后",
            ),
            (
                Status::NoData,
                "<circle class=\"mark mark-latest status-no-data\"",
                "暂无数据",
            ),
        ];
        for (status, mark, label) in cases {
            let svg = bullet(&example(status, Some((95.1, "最新 2018"))));
            check(&svg);
            assert!(svg.contains(mark), "{status:?}: {svg}");
            assert!(
                svg.contains(&format!(">{label}</text>")),
                "{status:?}: {svg}"
            );
            assert!(svg.contains("最新 2018：95.1%"), "{svg}");
            assert!(svg.contains("目标 2020：97%"), "{svg}");
            assert!(svg.contains("基线 2015：93.2%"), "{svg}");
            assert!(svg.contains(">100%</text>"), "{svg}");
        }
    }

    #[test]
    fn no_latest_value_says_so() {
        let svg = bullet(&example(Status::NoData, None));
        check(&svg);
        assert!(svg.contains(">暂无数据</text>"));
        assert!(svg.contains("legend-swatch mark-latest status-no-data"));
        assert!(
            !svg.contains("mark mark-latest"),
            "no mark on the scale without a value"
        );
        assert!(!svg.contains("class=\"measure"));
        // A status other than NoData but no value (e.g. the target year has passed).
        let svg = bullet(&example(Status::Behind, None));
        check(&svg);
        assert!(svg.contains(">滞后</text>") && svg.contains(">暂无最新数据</text>"));
    }

    #[test]
    fn edge_values_stay_finite() {
        let long = "很长的标签".repeat(20);
        let cases: Vec<Bullet> = vec![
            // Zero accidents as the target.
            Bullet {
                unit: "起",
                baseline: Some((f(3.0), "基线")),
                target: (f(0.0), "目标"),
                latest: Some((f(1.0), "最新")),
                ..example(Status::OnTrack, None)
            },
            // Everything zero.
            Bullet {
                unit: "起",
                baseline: Some((f(0.0), "基线")),
                target: (f(0.0), "目标"),
                latest: Some((f(0.0), "最新")),
                ..example(Status::Achieved, None)
            },
            // Negative values.
            Bullet {
                unit: "‰",
                baseline: Some((f(-2.5), "基线")),
                target: (f(1.0), "目标"),
                latest: Some((f(-0.4), "最新")),
                ..example(Status::Behind, None)
            },
            // Huge values, no baseline.
            Bullet {
                unit: "项",
                baseline: None,
                target: (f(13375.0), "目标"),
                latest: Some((f(9000.0), "最新")),
                ..example(Status::OnTrack, None)
            },
            // Garbage in.
            Bullet {
                unit: "%",
                baseline: Some((f(f64::NAN), "基线")),
                target: (f(f64::INFINITY), "目标"),
                latest: Some((f(f64::NEG_INFINITY), "最新")),
                ..example(Status::NoData, None)
            },
            // Empty labels and a very long one.
            Bullet {
                unit: "",
                baseline: Some((f(1.0), "")),
                target: (f(2.0), ""),
                latest: Some((f(1.5), &long)),
                ..example(Status::OnTrack, None)
            },
        ];
        for b in &cases {
            let svg = bullet(b);
            check(&svg);
        }
        let svg = bullet(&cases[0]);
        assert!(svg.contains("目标：0起"), "{svg}");
        let svg = bullet(&cases[2]);
        assert!(svg.contains("最新：-0.4‰"), "{svg}");
        assert!(
            svg.contains(">-3</text>"),
            "axis starts below the lowest value: {svg}"
        );
        let svg = bullet(&cases[3]);
        assert!(
            svg.contains("目标：13375项") && svg.contains(">15000项</text>"),
            "{svg}"
        );
        let svg = bullet(&cases[4]);
        assert!(svg.contains("目标：—"), "{svg}");
        let svg = bullet(&cases[5]);
        assert!(
            svg.contains("…<title>"),
            "long labels are truncated with the full text kept: {svg}"
        );
    }
}
