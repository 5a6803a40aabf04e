//! Mark shapes, so that status and series can be told apart without colour.

use std::fmt::Write as _;

use super::svg::{end_element, num, title_child};
use crate::escape::xml;

/// The default colour of one unnamed series (plain bars, a line): the first series colour, so
/// it is never read as a status.
pub(crate) const SERIES: &str = super::palette::SERIES_COLOURS[0];
/// Axes and reference marks (baseline, target): neutral, never a status or a series.
pub(crate) const GREY: &str = "#595959";
pub(crate) const TEXT: &str = "#1a1a1a";
/// Decorative only (grid lines, the bullet track); never carries meaning.
pub(crate) const GRID: &str = "#d9d9d9";
pub(crate) const TRACK: &str = "#e6e6e6";
pub(crate) const WHITE: &str = "#ffffff";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Square,
    Circle,
    TriangleUp,
    Diamond,
    TriangleDown,
    Plus,
    /// A diagonal cross (×).
    Cross,
    /// A wide horizontal bar (▬).
    Bar,
    /// Filled circle with a white check mark.
    Check,
    /// White circle with a coloured ring.
    HollowCircle,
    /// White circle with a coloured ring and a dot in the middle.
    Bullseye,
}

/// Writes `shape` centred on `(cx, cy)`, about `2r` wide, with class `class`, colour `colour`
/// and an optional hover title. Filled shapes get a thin white outline so that they stay
/// distinct where they overlap other marks.
pub(crate) fn mark(
    out: &mut String,
    shape: Shape,
    (cx, cy): (f64, f64),
    r: f64,
    class: &str,
    colour: &str,
    title: &str,
) {
    let class = xml(class);
    let filled = format!(r#"fill="{colour}" stroke="{WHITE}" stroke-width="1.5""#);
    let p = |x: f64, y: f64| format!("{} {}", num(cx + x * r), num(cy + y * r));
    let path = |out: &mut String, points: &[(f64, f64)]| {
        let d: Vec<String> = points.iter().map(|&(x, y)| p(x, y)).collect();
        let _ = write!(
            out,
            r#"<path class="{class}" d="M{}Z" {filled}"#,
            d.join("L")
        );
        end_element(out, "path", title);
    };
    match shape {
        Shape::Square => path(out, &[(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)]),
        Shape::Diamond => path(out, &[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)]),
        Shape::TriangleUp => path(out, &[(0.0, -1.0), (1.0, 0.75), (-1.0, 0.75)]),
        Shape::TriangleDown => path(out, &[(0.0, 1.0), (1.0, -0.75), (-1.0, -0.75)]),
        Shape::Bar => path(
            out,
            &[(-1.0, -0.45), (1.0, -0.45), (1.0, 0.45), (-1.0, 0.45)],
        ),
        Shape::Cross => {
            let (a, b) = (0.25, 0.9);
            path(
                out,
                &[
                    (0.0, -a),
                    (b - a, -b),
                    (b, -b + a),
                    (a, 0.0),
                    (b, b - a),
                    (b - a, b),
                    (0.0, a),
                    (-b + a, b),
                    (-b, b - a),
                    (-a, 0.0),
                    (-b, -b + a),
                    (-b + a, -b),
                ],
            )
        }
        Shape::Plus => {
            let (a, b) = (0.3, 0.95);
            path(
                out,
                &[
                    (-a, -b),
                    (a, -b),
                    (a, -a),
                    (b, -a),
                    (b, a),
                    (a, a),
                    (a, b),
                    (-a, b),
                    (-a, a),
                    (-b, a),
                    (-b, -a),
                    (-a, -a),
                ],
            )
        }
        Shape::Circle => {
            let _ = write!(
                out,
                r#"<circle class="{class}" cx="{}" cy="{}" r="{}" {filled}"#,
                num(cx),
                num(cy),
                num(0.9 * r)
            );
            end_element(out, "circle", title);
        }
        Shape::HollowCircle => {
            let _ = write!(
                out,
                r#"<circle class="{class}" cx="{}" cy="{}" r="{}" fill="{WHITE}" stroke="{colour}" stroke-width="2.5""#,
                num(cx),
                num(cy),
                num(0.8 * r)
            );
            end_element(out, "circle", title);
        }
        Shape::Check => {
            let _ = write!(out, r#"<g class="{class}">"#);
            title_child(out, title);
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {filled}/><path d="M{}L{}L{}" fill="none" stroke="{WHITE}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/></g>"#,
                num(cx),
                num(cy),
                num(r),
                p(-0.45, 0.02),
                p(-0.12, 0.36),
                p(0.47, -0.33),
                num(0.26 * r)
            );
            out.push('\n');
        }
        Shape::Bullseye => {
            let _ = write!(out, r#"<g class="{class}">"#);
            title_child(out, title);
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{WHITE}" stroke="{colour}" stroke-width="2.5"/><circle cx="{}" cy="{}" r="{}" fill="{colour}"/></g>"#,
                num(cx),
                num(cy),
                num(0.8 * r),
                num(cx),
                num(cy),
                num(0.3 * r)
            );
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::palette::{SERIES_SHAPES, STATUS_STYLES};
    use super::*;

    #[test]
    fn every_shape_renders_without_nan() {
        let others = STATUS_STYLES
            .iter()
            .map(|s| s.shape)
            .chain([Shape::Bullseye]);
        for shape in SERIES_SHAPES.into_iter().chain(others) {
            let mut out = String::new();
            mark(&mut out, shape, (10.0, 20.0), 8.0, "mark x", SERIES, "a<b");
            assert!(out.contains(r#"class="mark x""#), "{out}");
            assert!(out.contains("<title>a&lt;b</title>"), "{out}");
            assert!(!out.contains("NaN") && !out.contains("inf"), "{out}");
        }
    }
}
