//! A Word table as an HTML table: merged cells as `colspan` (Word's `gridSpan`) and `rowspan`
//! (its `vMerge`), the header rows Word repeats on each page (or a first row all in bold) as
//! `<thead>`, the caption as `<caption>`. Written on consecutive lines with no blank one, so
//! Markdown takes it as one HTML block; every text escaped.

use super::markdown::{Context, Footnotes};
use super::model::{Block, Inline, Merge, Table};
use crate::escape;

/// The grid columns whose merges are followed.
const COLUMNS: u32 = 1024;

/// A cell as written: where it starts in the grid and how far it reaches.
struct Out {
    column: u32,
    colspan: u32,
    rowspan: u32,
    html: String,
}

pub(super) fn html(
    table: &Table,
    caption: Option<&str>,
    context: &Context<'_>,
    footnotes: &mut Footnotes,
) -> String {
    let header_rows = header_rows(table);
    // Columns every row leaves empty at its start (w:gridBefore) are left out.
    let common_before = table.rows.iter().map(|r| r.before).min().unwrap_or(0);
    let mut rows: Vec<Vec<Out>> = Vec::with_capacity(table.rows.len());
    // The cell that covers each grid column from above: (row, index in row). Word's tables
    // have at most 63 columns; columns past [`COLUMNS`] are not tracked (their cells are
    // written, unmerged).
    let mut above: Vec<Option<(usize, usize)>> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut out_row: Vec<Out> = Vec::new();
        let mut column = row.before - common_before;
        if column > 0 {
            out_row.push(Out {
                column: 0,
                colspan: column,
                rowspan: 1,
                html: String::new(),
            });
        }
        for cell in &row.cells {
            if cell.merge == Merge::Continue {
                if let Some(Some((ar, ai))) = above.get(column as usize).copied() {
                    rows[ar][ai].rowspan += 1;
                    column = column.saturating_add(cell.span);
                    continue;
                }
            }
            let html = cell_html(&cell.blocks, r < header_rows, context, footnotes);
            out_row.push(Out {
                column,
                colspan: cell.span,
                rowspan: 1,
                html,
            });
            let index = out_row.len() - 1;
            let end = (column + cell.span).min(COLUMNS);
            if above.len() < end as usize {
                above.resize(end as usize, None);
            }
            for c in column.min(COLUMNS)..end {
                above[c as usize] = Some((r, index));
            }
            column = column.saturating_add(cell.span);
        }
        rows.push(out_row);
    }
    let mut out = String::from("<table>\n");
    if let Some(caption) = caption {
        out.push_str(&format!("<caption>{}</caption>\n", text(caption)));
    }
    for (r, row) in rows.iter().enumerate() {
        if r == 0 && header_rows > 0 {
            out.push_str("<thead>\n");
        }
        if r == header_rows && (header_rows > 0 || r == 0) {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        let tag = if r < header_rows { "th" } else { "td" };
        for cell in row {
            out.push('<');
            out.push_str(tag);
            if cell.colspan > 1 {
                out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            out.push('>');
            out.push_str(&cell.html);
            out.push_str(&format!("</{tag}>"));
            let _ = cell.column;
        }
        out.push_str("</tr>\n");
        if r + 1 == header_rows {
            out.push_str("</thead>\n");
        }
    }
    if rows.len() > header_rows {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>");
    out
}

/// How many rows at the top are headers: those Word repeats on each page, else a first row
/// all in bold (when more rows follow).
fn header_rows(table: &Table) -> usize {
    let repeated = table.rows.iter().take_while(|r| r.header).count();
    if repeated > 0 {
        return repeated;
    }
    let first_bold = table.rows.first().is_some_and(|row| {
        let paras: Vec<_> = row
            .cells
            .iter()
            .flat_map(|c| c.blocks.iter())
            .filter_map(|b| match b {
                Block::Para(p) if !p.is_empty() => Some(p),
                _ => None,
            })
            .collect();
        !paras.is_empty() && paras.iter().all(|p| p.all_bold())
    });
    usize::from(first_bold && table.rows.len() > 1)
}

/// A cell's content as inline HTML: its paragraphs joined by line breaks.
fn cell_html(
    blocks: &[Block],
    header: bool,
    context: &Context<'_>,
    footnotes: &mut Footnotes,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Para(p) => {
                let mut s = String::new();
                if let Some(label) = &p.label {
                    s.push_str(&text(&label.text));
                }
                for inline in &p.inlines {
                    match inline {
                        Inline::Text {
                            text: t,
                            look,
                            link,
                        } => {
                            let mut piece = text(t);
                            if look.bold && !header {
                                piece = format!("<strong>{piece}</strong>");
                            }
                            if let Some(url) = link {
                                piece = format!("<a href=\"{}\">{piece}</a>", escape::html(url));
                            }
                            s.push_str(&piece);
                        }
                        Inline::Break => s.push_str("<br>"),
                        Inline::NoteRef(r) => {
                            s.push_str(&format!("<sup>{}</sup>", footnotes.label(*r)))
                        }
                        Inline::Image(i) => {
                            if let Some(Some((name, alt))) = context.pictures.get(*i) {
                                s.push_str(&format!(
                                    "<img src=\"{}\" alt=\"{}\">",
                                    escape::html(name),
                                    escape::html(alt.as_deref().unwrap_or(""))
                                ));
                            }
                        }
                    }
                }
                if !s.trim().is_empty() {
                    parts.push(s);
                }
            }
            Block::Table(t) => parts.push(html(t, None, context, footnotes).replace('\n', "")),
        }
    }
    parts.join("<br>")
}

/// Text for HTML (escaped; a line break inside is `<br>`).
fn text(s: &str) -> String {
    escape::html(s).replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::model::{Cell, Look, Para, Row};

    fn cell(text: &str, span: u32, merge: Merge) -> Cell {
        Cell {
            span,
            merge,
            blocks: vec![Block::Para(Para {
                inlines: vec![Inline::Text {
                    text: text.into(),
                    look: Look::default(),
                    link: None,
                }],
                ..Para::default()
            })],
        }
    }

    #[test]
    fn merged_cells_become_colspan_and_rowspan() {
        let table = Table {
            rows: vec![
                Row {
                    cells: vec![
                        cell("类别", 1, Merge::Restart),
                        cell("2017年", 2, Merge::None),
                    ],
                    header: true,
                    before: 0,
                },
                Row {
                    cells: vec![
                        cell("", 1, Merge::Continue),
                        cell("目标", 1, Merge::None),
                        cell("<完成>", 1, Merge::None),
                    ],
                    header: true,
                    before: 0,
                },
                Row {
                    cells: vec![
                        cell("国家标准", 1, Merge::None),
                        cell("5", 1, Merge::None),
                        cell("6", 1, Merge::None),
                    ],
                    header: false,
                    before: 0,
                },
            ],
        };
        let context = Context {
            notes: &[],
            pictures: &[],
        };
        let html = html(
            &table,
            Some("表1 标准&目标"),
            &context,
            &mut Footnotes::default(),
        );
        assert_eq!(
            html,
            "<table>\n<caption>表1 标准&amp;目标</caption>\n<thead>\n\
             <tr><th rowspan=\"2\">类别</th><th colspan=\"2\">2017年</th></tr>\n\
             <tr><th>目标</th><th>&lt;完成&gt;</th></tr>\n</thead>\n<tbody>\n\
             <tr><td>国家标准</td><td>5</td><td>6</td></tr>\n</tbody>\n</table>"
        );
        assert!(!html.contains("\n\n"));
    }
}
