//! The document as read from its XML, before the 公文 recogniser gives each part its role:
//! paragraphs with their runs (text as Word shows it, what it looks like, links, notes,
//! pictures) and tables with their cells.

use super::numbering::Label;
use super::styles::Align;

/// A paragraph or a table, in document order.
#[derive(Debug, Clone)]
pub(super) enum Block {
    Para(Para),
    Table(Table),
}

/// A paragraph.
#[derive(Debug, Clone, Default)]
pub(super) struct Para {
    /// Its place among all the paragraphs of the document (tables' and text boxes' included),
    /// from 1: what a note names.
    pub number: usize,
    pub inlines: Vec<Inline>,
    /// The number Word shows before it, from automatic numbering.
    pub label: Option<Label>,
    /// Numbering instance and level, resolved from the paragraph and its style (before the
    /// label is computed).
    pub numbering: Option<(String, u8)>,
    /// Outline level 0–8 (from the paragraph or its style).
    pub outline: Option<u8>,
    /// The level of a heading style (`heading 1` is 1).
    pub heading_style: Option<u8>,
    /// Word's `Title` style.
    pub title_style: bool,
    /// Word's `Caption` style (题注).
    pub caption_style: bool,
    pub align: Option<Align>,
    /// It starts a new page (a page break before it, `pageBreakBefore`, a section break).
    pub new_page: bool,
    /// A border below it (how the 版头's red line is often drawn).
    pub border_below: bool,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Inline {
    Text {
        text: String,
        look: Look,
        link: Option<String>,
    },
    /// A line break inside the paragraph (`w:br`, `w:cr`).
    Break,
    /// A reference to a footnote or endnote, by its place in [`Notes`].
    NoteRef(usize),
    /// A picture, by its place in the document's picture list.
    Image(usize),
}

/// What a run of text looks like, as the recogniser and the writer need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Look {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub superscript: bool,
    pub font: Font,
    /// Half-points (`32` is 三号, 16 pt).
    pub size: Option<u32>,
    /// Red (the 发文机关标志 and the red line are red).
    pub red: bool,
}

/// The font families GB/T 9704 names, by the names Word, WPS and founder fonts use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Font {
    /// 黑体: first-level headings.
    Hei,
    /// 楷体: second-level headings.
    Kai,
    /// 仿宋: the text.
    FangSong,
    /// 小标宋: the title and the 发文机关标志.
    XiaoBiaoSong,
    Song,
    #[default]
    Other,
}

impl Font {
    pub(super) fn from_name(name: &str) -> Font {
        let lower = name.to_lowercase();
        if lower.contains("小标宋") || lower.contains("xbs") || lower.contains("xiaobiaosong") {
            Font::XiaoBiaoSong
        } else if lower.contains("黑体") || lower.contains("simhei") || lower.contains("heiti") {
            Font::Hei
        } else if lower.contains("楷") || lower.contains("kaiti") {
            Font::Kai
        } else if lower.contains("仿宋") || lower.contains("fangsong") {
            Font::FangSong
        } else if lower.contains("宋") || lower.contains("simsun") || lower.contains("song") {
            Font::Song
        } else {
            Font::Other
        }
    }
}

/// A table.
#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    pub cells: Vec<Cell>,
    /// Repeated as a header on each page (`w:tblHeader`).
    pub header: bool,
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub before: u32,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    /// Grid columns it spans (`w:gridSpan`).
    pub span: u32,
    pub merge: Merge,
    pub blocks: Vec<Block>,
}

/// A cell's place in a vertical merge (`w:vMerge`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Merge {
    #[default]
    None,
    /// The first cell of a merge.
    Restart,
    /// Covered by the cell above.
    Continue,
}

/// A picture as found in the document.
#[derive(Debug, Clone)]
pub(super) struct Picture {
    /// The part holding it (`word/media/image1.png`).
    pub part: String,
    pub alt: Option<String>,
    pub paragraph: usize,
}

impl Para {
    /// The paragraph's text as shown (its label not included), breaks as `\n`.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        for inline in &self.inlines {
            match inline {
                Inline::Text { text, .. } => out.push_str(text),
                Inline::Break => out.push('\n'),
                _ => {}
            }
        }
        out
    }

    /// The label and the text, as the reader sees them on the page.
    pub(super) fn shown(&self) -> String {
        match &self.label {
            Some(label) => format!("{}{}", label.text, self.text()),
            None => self.text(),
        }
    }

    /// What most of its text looks like (by characters).
    pub(super) fn look(&self) -> Look {
        let mut best: Option<(&Look, usize)> = None;
        let mut counts: Vec<(&Look, usize)> = Vec::new();
        for inline in &self.inlines {
            if let Inline::Text { text, look, .. } = inline {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                match counts.iter_mut().find(|(l, _)| *l == look) {
                    Some(entry) => entry.1 += n,
                    None => counts.push((look, n)),
                }
            }
        }
        for (look, n) in counts {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((look, n));
            }
        }
        best.map(|(l, _)| l.clone()).unwrap_or_default()
    }

    /// Whether every visible character is bold.
    pub(super) fn all_bold(&self) -> bool {
        let mut any = false;
        for inline in &self.inlines {
            if let Inline::Text { text, look, .. } = inline {
                if text.chars().any(|c| !c.is_whitespace()) {
                    if !look.bold {
                        return false;
                    }
                    any = true;
                }
            }
        }
        any
    }

    /// Whether it has no text, picture or note.
    pub(super) fn is_empty(&self) -> bool {
        self.label.as_ref().is_none_or(|l| l.text.trim().is_empty())
            && self.inlines.iter().all(|i| match i {
                Inline::Text { text, .. } => text.trim().is_empty(),
                Inline::Break => true,
                _ => false,
            })
    }

    pub(super) fn centered(&self) -> bool {
        self.align == Some(Align::Center)
    }

    pub(super) fn right_aligned(&self) -> bool {
        self.align == Some(Align::Right)
    }
}

impl Table {
    /// Every paragraph of the table, in order (nested tables' too).
    pub(super) fn paras(&self) -> Vec<&Para> {
        let mut out = Vec::new();
        for row in &self.rows {
            for cell in &row.cells {
                collect_paras(&cell.blocks, &mut out);
            }
        }
        out
    }

    /// The number of its first paragraph.
    pub(super) fn first_number(&self) -> usize {
        self.paras().first().map(|p| p.number).unwrap_or(0)
    }
}

fn collect_paras<'a>(blocks: &'a [Block], out: &mut Vec<&'a Para>) {
    for block in blocks {
        match block {
            Block::Para(p) => out.push(p),
            Block::Table(t) => out.extend(t.paras()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_are_known_by_the_names_office_programs_use() {
        assert_eq!(Font::from_name("方正小标宋简体"), Font::XiaoBiaoSong);
        assert_eq!(Font::from_name("黑体"), Font::Hei);
        assert_eq!(Font::from_name("SimHei"), Font::Hei);
        assert_eq!(Font::from_name("楷体_GB2312"), Font::Kai);
        assert_eq!(Font::from_name("仿宋_GB2312"), Font::FangSong);
        assert_eq!(Font::from_name("FangSong"), Font::FangSong);
        assert_eq!(Font::from_name("宋体"), Font::Song);
        assert_eq!(Font::from_name("Times New Roman"), Font::Other);
    }
}
