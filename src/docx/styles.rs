//! Paragraph and character properties, and the styles they come from (`word/styles.xml`):
//! what a paragraph or run looks like once its direct formatting, its style chain (`basedOn`)
//! and the document's defaults are applied, as Word applies them.

use std::collections::HashMap;

use super::xml::{switch, El, Tree};

/// How a paragraph is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A paragraph's automatic numbering: the numbering instance and the level (0–8).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct NumRef {
    pub num_id: Option<String>,
    pub level: Option<u8>,
}

/// Paragraph properties; `None` where the source says nothing.
#[derive(Debug, Clone, Default)]
pub(super) struct ParaProps {
    /// Outline level 0–8 (9 is body text, kept as `None`).
    pub outline: Option<u8>,
    pub numbering: Option<NumRef>,
    pub align: Option<Align>,
    pub page_break_before: Option<bool>,
    /// A border under the paragraph: how GB/T 9704's red line under the 版头 is often drawn.
    pub border_below: Option<bool>,
}

impl ParaProps {
    fn over(&mut self, other: &ParaProps) {
        self.outline = other.outline.or(self.outline);
        if let Some(num) = &other.numbering {
            let mut merged = self.numbering.clone().unwrap_or_default();
            if num.num_id.is_some() {
                merged.num_id = num.num_id.clone();
            }
            if num.level.is_some() {
                merged.level = num.level;
            }
            self.numbering = Some(merged);
        }
        self.align = other.align.or(self.align);
        self.page_break_before = other.page_break_before.or(self.page_break_before);
        self.border_below = other.border_below.or(self.border_below);
    }
}

/// Run properties; `None` where the source says nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub strike: Option<bool>,
    /// `w:vanish`, `w:specVanish`, `w:webHidden`: never shown on a page.
    pub hidden: Option<bool>,
    /// The East Asian font (else the Latin one).
    pub font: Option<String>,
    /// In half-points (`32` is 16 pt, 三号).
    pub size: Option<u32>,
    /// `RRGGBB`, or `auto`.
    pub color: Option<String>,
    pub superscript: Option<bool>,
}

impl RunProps {
    fn over(&mut self, other: &RunProps) {
        self.bold = other.bold.or(self.bold);
        self.italic = other.italic.or(self.italic);
        self.strike = other.strike.or(self.strike);
        self.hidden = other.hidden.or(self.hidden);
        if other.font.is_some() {
            self.font = other.font.clone();
        }
        self.size = other.size.or(self.size);
        if other.color.is_some() {
            self.color = other.color.clone();
        }
        self.superscript = other.superscript.or(self.superscript);
    }
}

/// Reads `w:pPr`.
pub(super) fn para_props(ppr: Option<El<'_>>) -> ParaProps {
    let Some(ppr) = ppr else {
        return ParaProps::default();
    };
    let numbering = ppr.w("numPr").map(|num| NumRef {
        num_id: num.w_val("numId").map(str::to_string),
        level: num.w_val("ilvl").and_then(|v| v.trim().parse().ok()),
    });
    let align = ppr.w_val("jc").map(|jc| match jc {
        "center" => Align::Center,
        "right" | "end" => Align::Right,
        "both" | "distribute" | "mediumKashida" | "highKashida" | "lowKashida"
        | "thaiDistribute" => Align::Justify,
        _ => Align::Left,
    });
    let border_below = ppr.w("pBdr").map(|b| {
        b.w("bottom")
            .is_some_and(|e| e.val() != Some("nil") && e.val() != Some("none"))
    });
    ParaProps {
        outline: ppr
            .w_val("outlineLvl")
            .and_then(|v| v.trim().parse::<u8>().ok())
            .filter(|l| *l < 9),
        numbering,
        align,
        page_break_before: switch(Some(ppr), "pageBreakBefore"),
        border_below,
    }
}

/// Reads `w:rPr`.
pub(super) fn run_props(rpr: Option<El<'_>>) -> RunProps {
    let Some(rpr) = rpr else {
        return RunProps::default();
    };
    let hidden = [
        switch(Some(rpr), "vanish"),
        switch(Some(rpr), "specVanish"),
        switch(Some(rpr), "webHidden"),
    ]
    .into_iter()
    .flatten()
    .reduce(|a, b| a || b);
    let font = rpr.w("rFonts").and_then(|f| {
        ["eastAsia", "hAnsi", "ascii"]
            .into_iter()
            .find_map(|k| f.attr(k))
            .map(str::to_string)
    });
    let strike = [switch(Some(rpr), "strike"), switch(Some(rpr), "dstrike")]
        .into_iter()
        .flatten()
        .reduce(|a, b| a || b);
    RunProps {
        bold: switch(Some(rpr), "b"),
        italic: switch(Some(rpr), "i"),
        strike,
        hidden,
        font,
        size: rpr.w_val("sz").and_then(|v| v.trim().parse().ok()),
        color: rpr.w_val("color").map(str::to_string),
        superscript: rpr.w_val("vertAlign").map(|v| v == "superscript"),
    }
}

/// One style of `styles.xml`.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// The styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
    /// The paragraph style of paragraphs that name none.
    default_para: Option<String>,
    default_run: RunProps,
    default_para_props: ParaProps,
}

/// How far `basedOn` is followed (a loop in a damaged file ends here).
const CHAIN: usize = 16;

impl Styles {
    pub(super) fn read(tree: Option<&Tree>) -> Styles {
        let mut styles = Styles::default();
        let Some(tree) = tree else {
            return styles;
        };
        let root = tree.root();
        if let Some(defaults) = root.w("docDefaults") {
            styles.default_run = run_props(defaults.w("rPrDefault").and_then(|d| d.w("rPr")));
            styles.default_para_props =
                para_props(defaults.w("pPrDefault").and_then(|d| d.w("pPr")));
        }
        for style in root.ws("style") {
            let Some(id) = style.attr("styleId") else {
                continue;
            };
            let is_para = style.attr("type").is_none_or(|t| t == "paragraph");
            if is_para
                && style
                    .attr("default")
                    .is_some_and(|d| super::xml::on(Some(d)))
            {
                styles.default_para = Some(id.to_string());
            }
            styles.by_id.insert(
                id.to_string(),
                Style {
                    name: style.w_val("name").unwrap_or_default().to_string(),
                    based_on: style.w_val("basedOn").map(str::to_string),
                    para: para_props(style.w("pPr")),
                    run: run_props(style.w("rPr")),
                },
            );
        }
        styles
    }

    /// The chain of styles from `id` up through `basedOn`, nearest first.
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = id.or(self.default_para.as_deref());
        while let Some(id) = next {
            let Some(style) = self.by_id.get(id) else {
                break;
            };
            if out.len() >= CHAIN {
                break;
            }
            out.push(style);
            next = style.based_on.as_deref();
        }
        out
    }

    /// A paragraph's properties: defaults, then its style chain, then its own.
    pub(super) fn para(&self, style: Option<&str>, own: &ParaProps) -> ParaProps {
        let mut props = self.default_para_props.clone();
        for style in self.chain(style).iter().rev() {
            props.over(&style.para);
        }
        props.over(own);
        props
    }

    /// A run's properties: defaults, the paragraph's style chain, the run's character style
    /// chain, then its own.
    pub(super) fn run(
        &self,
        para_style: Option<&str>,
        char_style: Option<&str>,
        own: &RunProps,
    ) -> RunProps {
        let mut props = self.default_run.clone();
        for style in self.chain(para_style).iter().rev() {
            props.over(&style.run);
        }
        if char_style.is_some() {
            let mut chain = Vec::new();
            let mut next = char_style;
            while let Some(id) = next {
                let Some(style) = self.by_id.get(id) else {
                    break;
                };
                if chain.len() >= CHAIN {
                    break;
                }
                chain.push(style);
                next = style.based_on.as_deref();
            }
            for style in chain.iter().rev() {
                props.over(&style.run);
            }
        }
        props.over(own);
        props
    }

    /// The heading level (1–9) a paragraph style stands for: Word's built-in `heading N`
    /// (whatever the language of the interface), `标题 N`, or its chain's.
    pub(super) fn heading_level(&self, style: Option<&str>) -> Option<u8> {
        self.chain(style)
            .iter()
            .find_map(|s| heading_name_level(&s.name))
    }

    /// Whether the paragraph style is Word's `Title` (标题 with no number).
    pub(super) fn is_title(&self, style: Option<&str>) -> bool {
        style.is_some()
            && self
                .chain(style)
                .iter()
                .any(|s| matches!(s.name.to_lowercase().as_str(), "title" | "标题"))
    }

    /// The style's name (for a caption: `caption`, `题注`).
    pub(super) fn name(&self, style: Option<&str>) -> Option<&str> {
        style
            .and_then(|id| self.by_id.get(id))
            .map(|s| s.name.as_str())
    }
}

fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles_are_known_by_name_in_either_language() {
        assert_eq!(heading_name_level("heading 1"), Some(1));
        assert_eq!(heading_name_level("Heading 3"), Some(3));
        assert_eq!(heading_name_level("标题 2"), Some(2));
        assert_eq!(heading_name_level("标题"), None);
        assert_eq!(heading_name_level("Normal"), None);
    }
}
