//! Mark shapes, so that status and series can be told apart without colour.

use std::fmt::Write as _;

use super::svg::{end_element, num, title_child};
use super::Status;
use crate::escape::xml;

pub(crate) const BLUE: &str = "#1f5fa8";
pub(crate) const ORANGE: &str = "#b35900";
pub(crate) const GREEN: &str = "#2e7d32";
pub(crate) const PURPLE: &str = "#6a3d9a";
pub(crate) const RED: &str = "#b00020";
pub(crate) const GREY: &str = "#595959";
pub(crate) const TEXT: &str = "#1a1a1a";
/// Decorative only (grid lines, the bullet track); never carries meaning.
pub(crate) const GRID: &str = "#d9d9d9";
pub(crate) const TRACK: &str = "#e6e6e6";
pub(crate) const WHITE: &str = "#ffffff";

/// Series colours, in order; each has at least 4.8:1 contrast on white.
pub(crate) const SERIES_COLOURS: [&str; 6] = [BLUE, ORANGE, GREEN, PURPLE, RED, GREY];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Square,
    Circle,
    TriangleUp,
    Diamond,
    TriangleDown,
    Plus,
    /// Filled circle with a white check mark.
    Check,
    /// White circle with a coloured ring.
    HollowCircle,
    /// White circle with a coloured ring and a dot in the middle.
    Bullseye,
}

/// Series shapes, in order (they repeat with the colours after six series).
pub(crate) const SERIES_SHAPES: [Shape; 6] = [
    Shape::Square,
    Shape::Circle,
    Shape::TriangleUp,
    Shape::Diamond,
    Shape::TriangleDown,
    Shape::Plus,
];

pub(crate) fn series_colour(i: usize) -> &'static str {
    SERIES_COLOURS[i % SERIES_COLOURS.len()]
}

/// Shifted by one every full round of colours, so that colour and shape together stay unique
/// for up to 36 series.
pub(crate) fn series_shape(i: usize) -> Shape {
    SERIES_SHAPES[(i + i / SERIES_COLOURS.len()) % SERIES_SHAPES.len()]
}

pub(crate) fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Achieved => GREEN,
        Status::OnTrack => BLUE,
        Status::Behind => RED,
        Status::NoData => GREY,
    }
}

pub(crate) fn status_shape(s: Status) -> Shape {
    match s {
        Status::Achieved => Shape::Check,
        Status::OnTrack => Shape::TriangleUp,
        Status::Behind => Shape::TriangleDown,
        Status::NoData => Shape::HollowCircle,
    }
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
    use super::*;

    #[test]
    fn every_shape_renders_without_nan() {
        let others = [Shape::Check, Shape::HollowCircle, Shape::Bullseye];
        for shape in SERIES_SHAPES.into_iter().chain(others) {
            let mut out = String::new();
            mark(&mut out, shape, (10.0, 20.0), 8.0, "mark x", BLUE, "a<b");
            assert!(out.contains(r#"class="mark x""#), "{out}");
            assert!(out.contains("<title>a&lt;b</title>"), "{out}");
            assert!(!out.contains("NaN") && !out.contains("inf"), "{out}");
        }
    }

    #[test]
    fn status_shapes_differ() {
        let shapes: Vec<Shape> = Status::ALL.iter().map(|&s| status_shape(s)).collect();
        for (i, a) in shapes.iter().enumerate() {
            for b in &shapes[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(status_shape(Status::OnTrack), Shape::TriangleUp);
        assert_eq!(status_shape(Status::Behind), Shape::TriangleDown);
        assert_eq!(status_shape(Status::NoData), Shape::HollowCircle);
    }

    #[test]
    fn series_cycle() {
        assert_eq!(series_colour(0), BLUE);
        assert_eq!(series_colour(6), BLUE);
        assert_eq!(series_shape(0), Shape::Square);
        assert_eq!(series_shape(6), Shape::Circle);
        let pairs: Vec<(&str, Shape)> = (0..36)
            .map(|i| (series_colour(i), series_shape(i)))
            .collect();
        for (i, a) in pairs.iter().enumerate() {
            assert!(!pairs[i + 1..].contains(a), "series {i} repeats");
        }
    }
}
