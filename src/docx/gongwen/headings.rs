//! Which paragraphs of a 公文's text are headings, and how deep: by their number (一、 （一） 1.
//! （1）, typed or from Word's numbering), else by a heading style or an outline level, else by
//! the font GB/T 9704 sets them in (黑体 for the first level, 楷体 for the second). A numbered
//! paragraph that runs on into its text (（一）加强组织领导。各级政府要……) stays a paragraph.

use super::patterns::{heading_number, is_heading_text, Depth};
use crate::docx::model::{Font, Inline, Para};
use crate::docx::numbering::Format;

/// A paragraph's place among the headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heading {
    pub depth: Depth,
    /// The whole paragraph is the heading (else it runs on into text).
    pub whole: bool,
}

/// Whether `p` is a heading or starts with one.
pub(crate) fn classify(p: &Para) -> Option<Heading> {
    if p.label.as_ref().is_some_and(|l| l.format == Format::Bullet) {
        return None;
    }
    let shown = p.shown();
    let shown = shown.trim();
    if shown.is_empty() || shown.contains('\n') {
        return None;
    }
    let plain = p
        .inlines
        .iter()
        .all(|i| matches!(i, Inline::Text { .. } | Inline::NoteRef(_)));
    if let Some((depth, len)) = heading_number(shown) {
        let rest = &shown[len..];
        return Some(Heading {
            depth,
            whole: plain && is_heading_text(rest),
        });
    }
    if !plain || !is_heading_text(shown) {
        return None;
    }
    let depth = if let Some(level) = p.heading_style {
        Depth(level as i8 - 1)
    } else if let Some(outline) = p.outline {
        Depth(outline as i8)
    } else {
        match whole_font(p)? {
            Font::Hei => Depth(0),
            Font::Kai => Depth(1),
            _ => return None,
        }
    };
    Some(Heading { depth, whole: true })
}

/// The font of every visible character, when they share one.
fn whole_font(p: &Para) -> Option<Font> {
    let mut font = None;
    for inline in &p.inlines {
        if let Inline::Text { text, look, .. } = inline {
            if text.trim().is_empty() {
                continue;
            }
            match font {
                None => font = Some(look.font),
                Some(f) if f == look.font => {}
                Some(_) => return None,
            }
        }
    }
    font
}

/// The Markdown level of each heading depth used, from 2 (the page's title is 1): the depths
/// found are ranked, so a text whose highest headings are （一） still starts at level 2.
pub(crate) fn levels(depths: &[Depth]) -> Vec<(Depth, usize)> {
    let mut used: Vec<Depth> = depths.to_vec();
    used.sort();
    used.dedup();
    used.into_iter()
        .enumerate()
        .map(|(rank, depth)| (depth, (2 + rank).min(6)))
        .collect()
}

/// `第一条` at the start of an article: its length in bytes, to set it in bold.
pub(crate) fn article(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('第')?;
    let n: usize = rest
        .char_indices()
        .take_while(|(_, c)| "一二三四五六七八九十百零〇".contains(*c) || c.is_ascii_digit())
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    rest[n..]
        .starts_with('条')
        .then(|| '第'.len_utf8() + n + '条'.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::model::Look;

    fn para(text: &str, font: Font) -> Para {
        Para {
            inlines: vec![Inline::Text {
                text: text.into(),
                look: Look {
                    font,
                    ..Look::default()
                },
                link: None,
            }],
            ..Para::default()
        }
    }

    #[test]
    fn numbers_fonts_and_styles_make_headings() {
        let h = classify(&para("一、总体要求", Font::Hei)).unwrap();
        assert_eq!((h.depth, h.whole), (Depth(0), true));
        let h = classify(&para(
            "（一）加强组织领导。各级政府要保障标准化工作经费。",
            Font::FangSong,
        ))
        .unwrap();
        assert_eq!((h.depth, h.whole), (Depth(1), false));
        assert_eq!(
            classify(&para("建立先进标准培育机制", Font::Hei))
                .unwrap()
                .depth,
            Depth(0)
        );
        assert_eq!(
            classify(&para("加快标准创新步伐", Font::Kai))
                .unwrap()
                .depth,
            Depth(1)
        );
        assert!(classify(&para("加快标准创新步伐", Font::FangSong)).is_none());
        let mut styled = para("总则", Font::Other);
        styled.heading_style = Some(2);
        assert_eq!(classify(&styled).unwrap().depth, Depth(1));
    }

    #[test]
    fn levels_start_at_two_whatever_the_highest_depth() {
        assert_eq!(
            levels(&[Depth(1), Depth(2), Depth(1)]),
            vec![(Depth(1), 2), (Depth(2), 3)]
        );
        assert_eq!(
            levels(&[Depth(0), Depth(1), Depth(2), Depth(3)]),
            vec![(Depth(0), 2), (Depth(1), 3), (Depth(2), 4), (Depth(3), 5)]
        );
    }

    #[test]
    fn articles_are_found() {
        assert_eq!(article("第一条 为了"), Some("第一条".len()));
        assert_eq!(article("第十二条规定"), Some("第十二条".len()));
        assert_eq!(article("第一章"), None);
    }
}
