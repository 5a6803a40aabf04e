//! The one place colours and shapes are decided.
//!
//! [`STATUS_STYLES`] gives each [`Status`] its colour, its 高对比 colour, its chart shape and its
//! text symbol. The SVG charts read it for their presentation attributes (so a chart looks right
//! without the stylesheet), and [`status_css`] turns it into CSS custom properties and rules
//! that the theme's tables, legends and charts use (so 高对比 mode can darken them). A status
//! therefore has one colour and one shape on every page.
//!
//! Categorical series (standard levels, cities …) use [`SERIES_COLOURS`] and [`SERIES_SHAPES`],
//! which share no hue family and no shape with a status, so a series is never read as one.

use std::fmt::Write as _;
use std::sync::OnceLock;

use super::marks::Shape;
use super::Status;

/// How a status looks everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusStyle {
    pub status: Status,
    /// On white: at least 4.5:1 (text size AA), so it can colour text as well as marks.
    pub colour: &'static str,
    /// In 高对比 mode: at least 7:1 on white (AAA), still telling the statuses apart.
    pub high_contrast: &'static str,
    /// The mark in charts and legends.
    pub shape: Shape,
    /// The same shape as a character, for tables and text.
    pub symbol: &'static str,
}

/// In [`Status::ALL`] order. Green check, blue up-triangle, red down-triangle, grey ring.
pub(crate) const STATUS_STYLES: [StatusStyle; 4] = [
    StatusStyle {
        status: Status::Achieved,
        colour: "#2e7d32",
        high_contrast: "#1b5e20",
        shape: Shape::Check,
        symbol: "✔",
    },
    StatusStyle {
        status: Status::OnTrack,
        colour: "#1f5fa8",
        high_contrast: "#0d3f7a",
        shape: Shape::TriangleUp,
        symbol: "▲",
    },
    StatusStyle {
        status: Status::Behind,
        colour: "#b00020",
        high_contrast: "#8a0018",
        shape: Shape::TriangleDown,
        symbol: "▼",
    },
    StatusStyle {
        status: Status::NoData,
        colour: "#595959",
        high_contrast: "#3b3b3b",
        shape: Shape::HollowCircle,
        symbol: "○",
    },
];

pub(crate) fn status_style(s: Status) -> &'static StatusStyle {
    // ALL and the table are in the same order (checked by a test), so this always finds it.
    STATUS_STYLES
        .iter()
        .find(|x| x.status == s)
        .unwrap_or(&STATUS_STYLES[3])
}

/// Categorical series colours, in order: purple, orange-brown, magenta, olive, teal, brown,
/// dark gold. None is green, blue, red or grey (the statuses' hues), each has at least 4.5:1 on
/// white (so the white values printed inside stacked segments stay readable), and neighbours
/// differ in lightness or hue enough to be told apart side by side. Seven, so that the seven
/// levels of standards (国际 … 企业自我声明, 市级) never share a colour.
pub(super) const SERIES_COLOURS: [&str; 7] = [
    "#6a3d9a", "#a14f00", "#9c1f78", "#5f6400", "#00707a", "#7a4a2a", "#806000",
];

/// Series shapes, in order: none is a status shape (check, triangles, ring).
pub(super) const SERIES_SHAPES: [Shape; 6] = [
    Shape::Square,
    Shape::Diamond,
    Shape::Circle,
    Shape::Plus,
    Shape::Cross,
    Shape::Bar,
];

pub(super) fn series_colour(i: usize) -> &'static str {
    SERIES_COLOURS[i % SERIES_COLOURS.len()]
}

/// Seven colours and six shapes: colour and shape together stay unique for 42 series.
pub(super) fn series_shape(i: usize) -> Shape {
    SERIES_SHAPES[i % SERIES_SHAPES.len()]
}

/// The stylesheet part generated from [`STATUS_STYLES`]: `--status-{class}` custom properties
/// (darker in 高对比 mode), status text colours, and the chart rules that let those properties
/// override the charts' presentation attributes. Filled shapes take the colour as fill; the
/// ring (no data) as stroke, keeping its white fill.
pub(crate) fn status_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let mut css = String::from(":root{");
        for s in &STATUS_STYLES {
            let _ = write!(css, "--status-{}:{};", s.status.class(), s.colour);
        }
        css.push_str("}\nhtml.high-contrast{");
        for s in &STATUS_STYLES {
            let _ = write!(css, "--status-{}:{};", s.status.class(), s.high_contrast);
        }
        css.push_str("}\n");
        for s in &STATUS_STYLES {
            let class = s.status.class();
            let var = format!("var(--status-{class})");
            let _ = writeln!(css, ".status-{class}{{color:{var}}}");
            let _ = writeln!(css, "svg.chart text.status-{class}{{fill:{var}}}");
            let _ = writeln!(css, "svg.chart rect.status-{class}{{fill:{var}}}");
            match s.shape {
                Shape::HollowCircle => {
                    let _ = writeln!(css, "svg.chart circle.status-{class}{{stroke:{var}}}");
                }
                Shape::Check | Shape::Bullseye => {
                    let _ = writeln!(css, "svg.chart g.status-{class}>circle{{fill:{var}}}");
                }
                _ => {
                    let _ = writeln!(
                        css,
                        "svg.chart path.status-{class},svg.chart circle.status-{class}{{fill:{var}}}"
                    );
                }
            }
        }
        css
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    fn rgb(hex: &str) -> (u8, u8, u8) {
        let n = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        ((n >> 16) as u8, (n >> 8) as u8, n as u8)
    }

    fn luminance(hex: &str) -> f64 {
        let (r, g, b) = rgb(hex);
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2.1 contrast ratio.
    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// Hue in degrees, or `None` for a grey.
    fn hue(hex: &str) -> Option<f64> {
        let (r, g, b) = rgb(hex);
        let (r, g, b) = (f64::from(r), f64::from(g), f64::from(b));
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        if max - min < 12.0 {
            return None;
        }
        let d = max - min;
        let h = if max == r {
            ((g - b) / d).rem_euclid(6.0)
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        Some(h * 60.0)
    }

    fn hue_distance(a: f64, b: f64) -> f64 {
        let d = (a - b).abs() % 360.0;
        d.min(360.0 - d)
    }

    #[test]
    fn the_table_follows_status_all() {
        for (s, style) in Status::ALL.iter().zip(&STATUS_STYLES) {
            assert_eq!(*s, style.status);
            assert_eq!(status_style(*s), style);
        }
    }

    #[test]
    fn status_colours_meet_wcag_on_white_in_both_modes() {
        for s in &STATUS_STYLES {
            let c = contrast(s.colour, "#ffffff");
            assert!(c >= 4.5, "{:?} {} has {c:.2}:1", s.status, s.colour);
            let c = contrast(s.high_contrast, "#ffffff");
            assert!(c >= 7.0, "{:?} {} has {c:.2}:1", s.status, s.high_contrast);
        }
    }

    #[test]
    fn statuses_differ_in_colour_shape_and_symbol() {
        for (i, a) in STATUS_STYLES.iter().enumerate() {
            for b in &STATUS_STYLES[i + 1..] {
                assert_ne!(a.colour, b.colour);
                assert_ne!(a.high_contrast, b.high_contrast);
                assert_ne!(a.shape, b.shape);
                assert_ne!(a.symbol, b.symbol);
            }
        }
    }

    #[test]
    fn series_cannot_be_mistaken_for_a_status() {
        for colour in SERIES_COLOURS {
            let c = contrast(colour, "#ffffff");
            assert!(c >= 4.5, "{colour} has {c:.2}:1 on white");
            let h = hue(colour).unwrap_or_else(|| panic!("{colour} is a grey"));
            for s in &STATUS_STYLES {
                if let Some(sh) = hue(s.colour) {
                    let d = hue_distance(h, sh);
                    assert!(d >= 20.0, "{colour} is {d:.0}° from {:?}", s.status);
                }
            }
        }
        for shape in SERIES_SHAPES {
            assert!(STATUS_STYLES.iter().all(|s| s.shape != shape), "{shape:?}");
        }
    }

    #[test]
    fn series_cycle() {
        assert_eq!(series_colour(0), SERIES_COLOURS[0]);
        assert_eq!(series_colour(7), SERIES_COLOURS[0]);
        assert_ne!(series_colour(6), SERIES_COLOURS[0]);
        assert_eq!(series_shape(0), Shape::Square);
        assert_eq!(series_shape(6), Shape::Square);
        let pairs: Vec<(&str, Shape)> = (0..42)
            .map(|i| (series_colour(i), series_shape(i)))
            .collect();
        for (i, a) in pairs.iter().enumerate() {
            assert!(!pairs[i + 1..].contains(a), "series {i} repeats");
        }
    }

    #[test]
    fn css_has_properties_for_both_modes_and_chart_rules() {
        let css = status_css();
        assert!(css.starts_with(":root{--status-achieved:#2e7d32;"), "{css}");
        assert!(css.contains("html.high-contrast{--status-achieved:#1b5e20;"));
        assert!(css.contains(".status-behind{color:var(--status-behind)}"));
        assert!(css.contains("svg.chart circle.status-no-data{stroke:var(--status-no-data)}"));
        assert!(css.contains("svg.chart g.status-achieved>circle{fill:var(--status-achieved)}"));
        assert!(!css.contains('<'), "safe inside <style>");
    }
}
