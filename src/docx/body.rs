//! Reading `word/document.xml` (and the notes' parts) into paragraphs and tables, keeping only
//! what a reader of the printed document sees: the accepted text of tracked changes (never
//! deletions), never hidden text, comments or field codes (a field's shown result stays, a
//! hyperlink field becomes a link, a table of contents goes), the result Word shows for a text
//! box or a picture, and every other piece counted for the notes.

use super::clean::{self, Counts};
use super::limits;
use super::model::{Block, Cell, Font, Inline, Look, Merge, Para, Picture, Row, Table};
use super::package::Rels;
use super::styles::{para_props, run_props, RunProps, Styles};
use super::xml::{El, Ns};

/// What was found while reading that the page will not show as it was.
#[derive(Debug, Default, Clone)]
pub(super) struct Findings {
    /// Tracked insertions (kept) and deletions (left out), and property changes.
    pub insertions: usize,
    pub deletions: usize,
    /// Comment references (comments are never read).
    pub comments: usize,
    /// Characters of hidden text, and the first paragraph with some.
    pub hidden: usize,
    pub hidden_at: Option<usize>,
    /// Word symbols (`w:sym`) left out, and where the first was.
    pub symbols: usize,
    pub symbols_at: Option<usize>,
    /// Paragraphs whose table of contents was left out.
    pub toc_at: Option<usize>,
    /// Charts, diagrams and embedded objects (not read), by paragraph.
    pub objects: Vec<usize>,
    /// Pictures linked to an address outside the file (not fetched), by paragraph.
    pub external_pictures: Vec<(usize, String)>,
    /// Pictures whose reference leads to no part of the file, by paragraph.
    pub broken_pictures: Vec<usize>,
    /// Placeholder text of content controls (left out), by paragraph.
    pub placeholders: Vec<usize>,
    /// Links to addresses a page may not have (`javascript:`, `file:`), left as text.
    pub unsafe_links: Vec<(usize, String)>,
    /// Debris characters, and the first paragraph with each kind.
    pub debris: Counts,
    pub debris_at: Vec<(clean::Debris, usize)>,
}

/// A field being read (`w:fldChar begin … separate … end`).
#[derive(Debug, Default)]
struct Field {
    instruction: String,
    /// Past `separate`: what follows is the result Word shows.
    result: bool,
    link: Option<String>,
    /// A table of contents: its result is left out.
    suppress: bool,
}

/// Reads paragraphs and tables, counting them and gathering pictures and note references.
pub(super) struct Reader<'a> {
    styles: &'a Styles,
    pub rels: Rels,
    /// The number of the last paragraph read.
    pub paragraphs: usize,
    /// Paragraphs of notes take the number of the paragraph that refers to them.
    fixed_number: Option<usize>,
    pub pictures: Vec<Picture>,
    /// Notes referred to, in order: (endnote, id, paragraph).
    pub note_refs: Vec<(bool, String, usize)>,
    pub findings: Findings,
    fields: Vec<Field>,
    tables: usize,
    /// A page break or section break came last: the next paragraph starts a page.
    new_page: bool,
}

/// The pieces of one paragraph as they are read, with what floats beside it (text boxes).
struct Gather {
    number: usize,
    style: Option<String>,
    inlines: Vec<Inline>,
    floating: Vec<Block>,
    /// A page break came before any text.
    page_break_first: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(styles: &'a Styles, rels: Rels) -> Reader<'a> {
        Reader {
            styles,
            rels,
            paragraphs: 0,
            fixed_number: None,
            pictures: Vec::new(),
            note_refs: Vec::new(),
            findings: Findings::default(),
            fields: Vec::new(),
            tables: 0,
            new_page: false,
        }
    }

    /// The blocks of the document's body.
    pub(super) fn body(&mut self, document: El<'_>) -> Vec<Block> {
        match document.w("body") {
            Some(body) => self.blocks(body),
            None => Vec::new(),
        }
    }

    /// The paragraphs of a note, numbered as the paragraph `number` that refers to it.
    pub(super) fn note(&mut self, note: El<'_>, number: usize) -> Vec<Para> {
        self.fixed_number = Some(number);
        let fields = std::mem::take(&mut self.fields);
        let blocks = self.blocks(note);
        self.fields = fields;
        self.fixed_number = None;
        let mut paras = Vec::new();
        flatten(blocks, &mut paras);
        paras
    }

    fn blocks(&mut self, parent: El<'_>) -> Vec<Block> {
        let mut out = Vec::new();
        self.blocks_into(parent, &mut out);
        out
    }

    fn blocks_into(&mut self, parent: El<'_>, out: &mut Vec<Block>) {
        for child in parent.children() {
            match (child.ns(), child.name()) {
                (Ns::W, "p") => self.para(child, out),
                (Ns::W, "tbl") => self.table(child, out),
                (Ns::W, "sdt") => {
                    if let Some(content) = self.sdt_content(child) {
                        self.blocks_into(content, out);
                    }
                }
                (Ns::W, "customXml" | "ins" | "moveTo" | "smartTag") => {
                    self.blocks_into(child, out)
                }
                (Ns::W, "del" | "moveFrom") => self.findings.deletions += 1,
                (Ns::Mc, "AlternateContent") => {
                    if let Some(choice) = choice(child) {
                        self.blocks_into(choice, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// The content of a content control, or `None` when it shows its placeholder text.
    fn sdt_content<'t>(&mut self, sdt: El<'t>) -> Option<El<'t>> {
        let placeholder = sdt
            .w("sdtPr")
            .and_then(|pr| pr.w("showingPlcHdr"))
            .is_some_and(|e| super::xml::on(e.val()));
        if placeholder {
            // Its paragraphs are counted (they are in the document), and the note names the
            // first.
            let paragraphs = sdt.descendants(&|e| e.is_w("p")).len();
            if self.fixed_number.is_none() {
                self.findings.placeholders.push(self.paragraphs + 1);
                self.paragraphs += paragraphs;
            }
            return None;
        }
        sdt.w("sdtContent")
    }

    fn next_number(&mut self) -> usize {
        match self.fixed_number {
            Some(n) => n,
            None => {
                self.paragraphs += 1;
                self.paragraphs
            }
        }
    }

    fn para(&mut self, p: El<'_>, out: &mut Vec<Block>) {
        let number = self.next_number();
        let ppr = p.w("pPr");
        let style = ppr.and_then(|pr| pr.w_val("pStyle")).map(str::to_string);
        let own = para_props(ppr);
        let props = self.styles.para(style.as_deref(), &own);
        let mut gather = Gather {
            number,
            style: style.clone(),
            inlines: Vec::new(),
            floating: Vec::new(),
            page_break_first: false,
        };
        let new_page = std::mem::take(&mut self.new_page);
        self.inlines(p, &mut gather, None);
        let numbering = props.numbering.as_ref().and_then(|n| {
            let id = n.num_id.as_deref()?;
            (id.trim() != "0").then(|| (id.trim().to_string(), n.level.unwrap_or(0).min(8)))
        });
        let style_name = self.styles.name(style.as_deref()).map(str::to_lowercase);
        let mut para = Para {
            number,
            inlines: gather.inlines,
            label: None,
            numbering,
            outline: props.outline,
            heading_style: self.styles.heading_level(style.as_deref()),
            title_style: self.styles.is_title(style.as_deref()),
            caption_style: matches!(style_name.as_deref(), Some("caption" | "题注")),
            align: props.align,
            new_page: new_page || gather.page_break_first || props.page_break_before == Some(true),
            border_below: props.border_below == Some(true),
        };
        tidy(&mut para);
        // A section break ends this paragraph's page (GB/T 9704 puts each attachment on a
        // page of its own; Word often does it with a section break).
        if ppr.is_some_and(|pr| pr.w("sectPr").is_some()) {
            self.new_page = true;
        }
        out.push(Block::Para(para));
        out.extend(gather.floating);
    }

    fn inlines(&mut self, parent: El<'_>, gather: &mut Gather, link: Option<&str>) {
        for child in parent.children() {
            match (child.ns(), child.name()) {
                (Ns::W, "r") => self.run(child, gather, link),
                (Ns::W, "hyperlink") => {
                    let target = self.hyperlink(child, gather.number);
                    self.inlines(child, gather, target.as_deref().or(link));
                }
                (Ns::W, "ins" | "moveTo") => {
                    self.findings.insertions += 1;
                    self.inlines(child, gather, link);
                }
                (Ns::W, "del" | "moveFrom") => self.findings.deletions += 1,
                (Ns::W, "fldSimple") => {
                    let instruction = child.attr("instr").unwrap_or("");
                    let (field_link, suppress) = self.field_meaning(instruction, gather.number);
                    if !suppress {
                        self.inlines(child, gather, field_link.as_deref().or(link));
                    }
                }
                (Ns::W, "smartTag" | "customXml" | "bdo" | "dir") => {
                    self.inlines(child, gather, link)
                }
                (Ns::W, "sdt") => {
                    if let Some(content) = self.sdt_content(child) {
                        self.inlines(content, gather, link);
                    }
                }
                (Ns::M, "oMath" | "oMathPara") => {
                    let text: String = child
                        .descendants(&|e| e.is(Ns::M, "t"))
                        .iter()
                        .map(|t| t.text())
                        .collect();
                    self.push_text(gather, &text, Look::default(), link);
                }
                (Ns::Mc, "AlternateContent") => {
                    if let Some(choice) = choice(child) {
                        self.inlines(choice, gather, link);
                    }
                }
                _ => {}
            }
        }
    }

    /// The address of a `w:hyperlink`: an address outside the document, or `None` for a
    /// bookmark inside it (the page has no such anchor).
    fn hyperlink(&mut self, el: El<'_>, number: usize) -> Option<String> {
        let id = el.attr_ns(Ns::R, "id")?;
        let rel = self.rels.get(id)?;
        if !rel.external {
            return None;
        }
        self.safe_link(&rel.target.clone(), number)
    }

    /// `target` when a page may link to it (web and mail addresses), else `None`, noted.
    fn safe_link(&mut self, target: &str, number: usize) -> Option<String> {
        let trimmed = target.trim();
        let lower = trimmed.to_ascii_lowercase();
        if ["http://", "https://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s))
            && !trimmed.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            Some(trimmed.to_string())
        } else {
            self.findings
                .unsafe_links
                .push((number, trimmed.chars().take(80).collect()));
            None
        }
    }

    /// What a field's instruction makes of its result: a link (`HYPERLINK "…"`), or left out
    /// (`TOC`).
    fn field_meaning(&mut self, instruction: &str, number: usize) -> (Option<String>, bool) {
        let mut words = instruction.split_whitespace();
        match words.next().map(str::to_ascii_uppercase).as_deref() {
            Some("HYPERLINK") => {
                let rest: Vec<&str> = words.collect();
                // HYPERLINK "address" or HYPERLINK \l "bookmark" (a place inside the file).
                if rest.first().is_some_and(|w| w.starts_with('\\')) {
                    return (None, false);
                }
                let joined = rest.join(" ");
                let address = joined
                    .trim()
                    .strip_prefix('"')
                    .and_then(|s| s.split('"').next())
                    .unwrap_or_else(|| joined.split_whitespace().next().unwrap_or(""))
                    .to_string();
                (self.safe_link(&address, number), false)
            }
            Some("TOC") => {
                self.findings.toc_at.get_or_insert(number);
                (None, true)
            }
            _ => (None, false),
        }
    }

    /// Whether text read now is shown: outside fields, or in the result of every open one.
    fn showing(&self) -> bool {
        self.fields.iter().all(|f| f.result && !f.suppress)
    }

    fn field_link(&self) -> Option<String> {
        self.fields.iter().rev().find_map(|f| f.link.clone())
    }

    fn run(&mut self, r: El<'_>, gather: &mut Gather, link: Option<&str>) {
        let rpr = r.w("rPr");
        let char_style = rpr.and_then(|pr| pr.w_val("rStyle"));
        let props = self
            .styles
            .run(gather.style.as_deref(), char_style, &run_props(rpr));
        self.run_content(r, gather, link, &props);
    }

    fn run_content(
        &mut self,
        r: El<'_>,
        gather: &mut Gather,
        link: Option<&str>,
        props: &RunProps,
    ) {
        let hidden = props.hidden == Some(true);
        let look = look_of(props);
        for child in r.children() {
            match (child.ns(), child.name()) {
                (Ns::W, "t") => {
                    if !self.showing() {
                        continue;
                    }
                    if hidden {
                        self.findings.hidden += child.text().chars().count();
                        self.findings.hidden_at.get_or_insert(gather.number);
                        continue;
                    }
                    let field_link = self.field_link();
                    let link = field_link.as_deref().or(link);
                    self.push_text(gather, child.text(), look.clone(), link);
                }
                (Ns::W, "instrText") => {
                    if let Some(field) = self.fields.last_mut() {
                        if !field.result {
                            field.instruction.push_str(child.text());
                        }
                    }
                }
                (Ns::W, "fldChar") => match child.attr("fldCharType") {
                    Some("begin") => self.fields.push(Field::default()),
                    Some("separate") => {
                        if let Some(mut field) = self.fields.pop() {
                            let (link, suppress) =
                                self.field_meaning(&field.instruction.clone(), gather.number);
                            field.result = true;
                            field.link = link;
                            field.suppress = suppress;
                            self.fields.push(field);
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                _ if hidden || !self.showing() => {}
                (Ns::W, "tab" | "ptab") => self.push_text(gather, " ", look.clone(), link),
                (Ns::W, "br") => match child.attr("type") {
                    Some("page") => {
                        if gather.inlines.is_empty() {
                            gather.page_break_first = true;
                        } else {
                            self.new_page = true;
                        }
                    }
                    Some("column") => {}
                    _ => gather.inlines.push(Inline::Break),
                },
                (Ns::W, "cr") => gather.inlines.push(Inline::Break),
                (Ns::W, "noBreakHyphen") => self.push_text(gather, "-", look.clone(), link),
                (Ns::W, "softHyphen") => self.debris(clean::Debris::SoftHyphen, 1, gather.number),
                (Ns::W, "sym") => match symbol(child.attr("font"), child.attr("char")) {
                    Some(c) => self.push_text(gather, c, look.clone(), link),
                    None => {
                        self.findings.symbols += 1;
                        self.findings.symbols_at.get_or_insert(gather.number);
                    }
                },
                (Ns::W, "footnoteReference" | "endnoteReference") => {
                    if let Some(id) = child.attr("id") {
                        let endnote = child.name() == "endnoteReference";
                        self.note_refs
                            .push((endnote, id.to_string(), gather.number));
                        gather
                            .inlines
                            .push(Inline::NoteRef(self.note_refs.len() - 1));
                    }
                }
                (Ns::W, "commentReference") => self.findings.comments += 1,
                (Ns::W, "drawing") => self.drawing(child, gather),
                (Ns::W, "pict") => self.vml(child, gather),
                // An embedded object (its picture is only Word's preview of it).
                (Ns::W, "object") => self.findings.objects.push(gather.number),
                (Ns::Mc, "AlternateContent") => {
                    if let Some(choice) = choice(child) {
                        self.run_content(choice, gather, link, props);
                    }
                }
                _ => {}
            }
        }
    }

    fn push_text(&mut self, gather: &mut Gather, text: &str, look: Look, link: Option<&str>) {
        if text.is_empty() {
            return;
        }
        let (text, counts) = clean::clean(text);
        for (what, n) in counts.0 {
            self.debris(what, n, gather.number);
        }
        // A line break inside a run's text (U+000B) is a break.
        let mut first = true;
        for piece in text.split('\n') {
            if !first {
                gather.inlines.push(Inline::Break);
            }
            first = false;
            if !piece.is_empty() {
                gather.inlines.push(Inline::Text {
                    text: piece.to_string(),
                    look: look.clone(),
                    link: link.map(str::to_string),
                });
            }
        }
    }

    fn debris(&mut self, what: clean::Debris, n: usize, paragraph: usize) {
        self.findings.debris.add(what, n);
        if !self.findings.debris_at.iter().any(|(d, _)| *d == what) {
            self.findings.debris_at.push((what, paragraph));
        }
    }

    /// A DrawingML object: a picture, a text box (its paragraphs float after this one), or a
    /// chart or diagram (not read).
    fn drawing(&mut self, drawing: El<'_>, gather: &mut Gather) {
        for frame in drawing.children() {
            let alt = frame
                .child(Ns::Wp, "docPr")
                .and_then(|d| {
                    d.attr("descr")
                        .filter(|s| !s.trim().is_empty())
                        .or_else(|| d.attr("title"))
                })
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty());
            let hidden = frame
                .child(Ns::Wp, "docPr")
                .is_some_and(|d| d.attr("hidden").is_some_and(|h| super::xml::on(Some(h))));
            if hidden {
                continue;
            }
            let data = frame.descendants(&|e| e.is(Ns::A, "graphicData"));
            for graphic in data {
                let uri = graphic.attr("uri").unwrap_or("");
                if uri.contains("chart") || uri.contains("diagram") {
                    self.findings.objects.push(gather.number);
                    continue;
                }
                for blip in graphic.descendants(&|e| e.is(Ns::A, "blip")) {
                    self.picture(
                        blip.attr_ns(Ns::R, "embed"),
                        blip.attr_ns(Ns::R, "link"),
                        alt.clone(),
                        gather,
                    );
                }
                for content in graphic.descendants(&|e| e.is_w("txbxContent")) {
                    self.text_box(content, gather);
                }
            }
        }
    }

    /// A VML picture or text box (older Word, WPS).
    fn vml(&mut self, pict: El<'_>, gather: &mut Gather) {
        for shape in pict.descendants(&|e| e.ns() == Ns::V) {
            if shape.is(Ns::V, "imagedata") {
                let alt = shape
                    .attr("title")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                let id = shape
                    .attr_ns(Ns::R, "id")
                    .or_else(|| shape.attr_ns(Ns::R, "href"));
                let link = shape.attr_ns(Ns::R, "pict");
                self.picture(id, link, alt, gather);
            }
        }
        for content in pict.descendants(&|e| e.is_w("txbxContent")) {
            self.text_box(content, gather);
        }
    }

    fn text_box(&mut self, content: El<'_>, gather: &mut Gather) {
        let blocks = self.blocks(content);
        gather.floating.extend(blocks);
    }

    fn picture(
        &mut self,
        embed: Option<&str>,
        linked: Option<&str>,
        alt: Option<String>,
        gather: &mut Gather,
    ) {
        let number = gather.number;
        for id in [embed, linked].into_iter().flatten() {
            let Some(rel) = self.rels.get(id).cloned() else {
                // A reference to no relationship (or to one pointing out of the package).
                self.findings.broken_pictures.push(number);
                continue;
            };
            if rel.external {
                self.findings
                    .external_pictures
                    .push((number, rel.target.chars().take(120).collect()));
                return;
            }
            self.pictures.push(Picture {
                part: rel.target,
                alt,
                paragraph: number,
            });
            gather.inlines.push(Inline::Image(self.pictures.len() - 1));
            return;
        }
    }

    fn table(&mut self, tbl: El<'_>, out: &mut Vec<Block>) {
        if self.tables >= limits::TABLE_DEPTH {
            // Deeper tables are read as their paragraphs.
            for row in rows(tbl) {
                for tc in cells(row) {
                    self.blocks_into(tc, out);
                }
            }
            return;
        }
        self.tables += 1;
        let mut table = Table::default();
        for tr in rows(tbl) {
            let trpr = tr.w("trPr");
            if trpr.is_some_and(|pr| pr.w("del").is_some()) {
                self.findings.deletions += 1;
                continue;
            }
            let mut row = Row {
                cells: Vec::new(),
                header: trpr
                    .and_then(|pr| pr.w("tblHeader"))
                    .is_some_and(|e| super::xml::on(e.val())),
                before: trpr
                    .and_then(|pr| pr.w_val("gridBefore"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0),
            };
            for tc in cells(tr) {
                let tcpr = tc.w("tcPr");
                let span = tcpr
                    .and_then(|pr| pr.w_val("gridSpan"))
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merge = match tcpr.and_then(|pr| pr.w("vMerge")) {
                    Some(m) if m.val() == Some("restart") => Merge::Restart,
                    Some(_) => Merge::Continue,
                    None => Merge::None,
                };
                let blocks = self.blocks(tc);
                // The old horizontal merge: a continuing cell widens the one before.
                let h_continue = tcpr
                    .and_then(|pr| pr.w("hMerge"))
                    .is_some_and(|m| m.val() != Some("restart"));
                if h_continue {
                    if let Some(last) = row.cells.last_mut() {
                        last.span += span;
                        continue;
                    }
                }
                row.cells.push(Cell {
                    span,
                    merge,
                    blocks,
                });
            }
            table.rows.push(row);
        }
        self.tables -= 1;
        out.push(Block::Table(table));
    }
}

fn rows<'t>(tbl: El<'t>) -> Vec<El<'t>> {
    let mut out = Vec::new();
    for child in tbl.children() {
        if child.is_w("tr") {
            out.push(child);
        } else if child.is_w("sdt") || child.is_w("customXml") {
            let inner = child.w("sdtContent").unwrap_or(child);
            out.extend(inner.children().filter(|c| c.is_w("tr")));
        }
    }
    out
}

fn cells<'t>(tr: El<'t>) -> Vec<El<'t>> {
    let mut out = Vec::new();
    for child in tr.children() {
        if child.is_w("tc") {
            out.push(child);
        } else if child.is_w("sdt") || child.is_w("customXml") {
            let inner = child.w("sdtContent").unwrap_or(child);
            out.extend(inner.children().filter(|c| c.is_w("tc")));
        }
    }
    out
}

/// The branch of `mc:AlternateContent` a reader takes: the first `mc:Choice` (the reader
/// knows Word 2010's shapes and groups), else the fallback.
fn choice<'t>(alternate: El<'t>) -> Option<El<'t>> {
    alternate
        .child(Ns::Mc, "Choice")
        .or_else(|| alternate.child(Ns::Mc, "Fallback"))
}

/// The character a symbol-font character (`w:sym`) shows, for the few a 公文 uses (check marks,
/// bullets, boxes, arrows); `None` for the others, which are noted.
fn symbol(font: Option<&str>, code: Option<&str>) -> Option<&'static str> {
    let code = u32::from_str_radix(code?.trim(), 16).ok()?;
    // Word writes them in the private-use area (F0xx) or as the bare code (xx).
    let code = if code >= 0xF000 { code - 0xF000 } else { code };
    match (font?.to_ascii_lowercase().as_str(), code) {
        ("wingdings", 0xFC) => Some("✔"),
        ("wingdings", 0xFB) => Some("✘"),
        ("wingdings", 0xFE) => Some("☑"),
        ("wingdings", 0xA8) => Some("□"),
        ("wingdings", 0x6F) => Some("□"),
        ("wingdings", 0x6C) => Some("●"),
        ("wingdings", 0x6E) => Some("■"),
        ("wingdings", 0x75) => Some("◆"),
        ("wingdings", 0xD8) => Some("➢"),
        ("wingdings", 0xE8) => Some("➔"),
        ("wingdings", 0xA7) => Some("▪"),
        ("symbol", 0xB7) => Some("•"),
        ("symbol", 0xD7) => Some("×"),
        ("symbol", 0xB4) => Some("×"),
        ("symbol", 0xB1) => Some("±"),
        ("symbol", 0xA3) => Some("≤"),
        ("symbol", 0xB3) => Some("≥"),
        ("symbol", 0xB0) => Some("°"),
        _ => None,
    }
}

fn look_of(props: &RunProps) -> Look {
    Look {
        bold: props.bold == Some(true),
        italic: props.italic == Some(true),
        strike: props.strike == Some(true),
        superscript: props.superscript == Some(true),
        font: props
            .font
            .as_deref()
            .map(Font::from_name)
            .unwrap_or_default(),
        size: props.size,
        red: props.color.as_deref().is_some_and(is_red),
    }
}

/// Red as 公文 print it (FF0000, and the darker reds of some templates).
fn is_red(color: &str) -> bool {
    let Ok(rgb) = u32::from_str_radix(color.trim(), 16) else {
        return false;
    };
    let (r, g, b) = (rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    r >= 0xb0 && g < 0x50 && b < 0x50
}

/// Joins neighbouring pieces of text that look alike, folds runs of spaces into one (a run of
/// full-width spaces too: Word users align with them), and trims the paragraph's ends (its
/// indent is the theme's).
fn tidy(para: &mut Para) {
    let mut merged: Vec<Inline> = Vec::with_capacity(para.inlines.len());
    for inline in para.inlines.drain(..) {
        if let (
            Some(Inline::Text {
                text: last,
                look: last_look,
                link: last_link,
            }),
            Inline::Text { text, look, link },
        ) = (merged.last_mut(), &inline)
        {
            if last_look == look && last_link == link {
                last.push_str(text);
                continue;
            }
        }
        merged.push(inline);
    }
    let mut previous_space = true;
    for inline in merged.iter_mut() {
        match inline {
            Inline::Text { text, .. } => {
                let mut out = String::with_capacity(text.len());
                let mut spaces = 0;
                let mut pending: Option<char> = None;
                for c in text.chars() {
                    if c.is_whitespace() {
                        spaces += 1;
                        if pending.is_none() {
                            pending = Some(if c == '\u{3000}' { '\u{3000}' } else { ' ' });
                        }
                        continue;
                    }
                    if let Some(space) = pending.take() {
                        if !previous_space {
                            out.push(if spaces > 1 { ' ' } else { space });
                        }
                    }
                    spaces = 0;
                    out.push(c);
                    previous_space = false;
                }
                if pending.is_some() && !previous_space {
                    out.push(' ');
                    previous_space = true;
                }
                *text = out;
            }
            Inline::Break => previous_space = true,
            _ => previous_space = false,
        }
    }
    // Trailing spaces before a break or at the end.
    let mut next_is_end = true;
    for inline in merged.iter_mut().rev() {
        match inline {
            Inline::Text { text, .. } => {
                if next_is_end {
                    let trimmed = text.trim_end().len();
                    text.truncate(trimmed);
                }
                next_is_end = text.is_empty() && next_is_end;
            }
            Inline::Break => next_is_end = true,
            _ => next_is_end = false,
        }
    }
    merged.retain(|i| !matches!(i, Inline::Text { text, .. } if text.is_empty()));
    // Breaks at the ends say nothing.
    while matches!(merged.last(), Some(Inline::Break)) {
        merged.pop();
    }
    while matches!(merged.first(), Some(Inline::Break)) {
        merged.remove(0);
    }
    para.inlines = merged;
}

fn flatten(blocks: Vec<Block>, out: &mut Vec<Para>) {
    for block in blocks {
        match block {
            Block::Para(p) => out.push(p),
            Block::Table(t) => {
                for row in t.rows {
                    for cell in row.cells {
                        flatten(cell.blocks, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text {
            text: t.into(),
            look: Look::default(),
            link: None,
        }
    }

    #[test]
    fn spaces_fold_and_ends_are_trimmed() {
        let mut p = Para {
            inlines: vec![text("　　签发人："), text("张三　　　"), text("  李四  ")],
            ..Para::default()
        };
        tidy(&mut p);
        assert_eq!(p.text(), "签发人：张三 李四");
        let mut p = Para {
            inlines: vec![text("甲 "), Inline::Break, text(" 乙"), Inline::Break],
            ..Para::default()
        };
        tidy(&mut p);
        assert_eq!(p.text(), "甲\n乙");
    }

    #[test]
    fn symbols_a_document_uses_are_read_as_characters() {
        assert_eq!(symbol(Some("Wingdings"), Some("F0FC")), Some("✔"));
        assert_eq!(symbol(Some("Symbol"), Some("B7")), Some("•"));
        assert_eq!(symbol(Some("Webdings"), Some("F021")), None);
        assert_eq!(symbol(None, Some("F0FC")), None);
    }

    #[test]
    fn red_is_the_red_of_a_red_header() {
        assert!(is_red("FF0000"));
        assert!(is_red("C00000"));
        assert!(!is_red("000000"));
        assert!(!is_red("auto"));
    }
}
