//! The 公文 recogniser: which paragraphs of a document are its 版头 (份号, 密级, 紧急程度,
//! 发文机关标志, 发文字号, 签发人), its 主体 (标题, 主送机关, 正文, 附件说明, 署名, 成文日期, 附注),
//! its 版记 (抄送, 印发) and its 附件, by the rules of GB/T 9704-2012 clause 7: where each element
//! stands, the patterns of its text (代字〔年份〕序号号, a date in either form, a title ending in
//! its 文种), and how it is set (centred, right-aligned, 小标宋, red, large) as secondary evidence.

pub(super) mod headings;
pub(super) mod patterns;

use super::document::{Found, Meta, Note, Severity};
use super::model::{Block, Font, Inline, Para};
use crate::deferred;
use patterns::{
    attachment_label, attachment_note, date, doc_number, is_addressee, is_organ, is_remark,
};

/// What a top-level block of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// 版头: read into the metadata, not into the text.
    Header,
    Title,
    Addressee,
    Body,
    /// 附件说明.
    AttachmentList,
    Signature,
    Date,
    Remark,
    /// 版记: read into the metadata, not into the text.
    Colophon,
    /// Nothing to show (an empty paragraph, the red line).
    Skip,
    /// An attachment's label or title.
    AttachmentHead(usize),
    /// An attachment's content.
    Attachment(usize),
}

/// An attachment found: its label's number and its title.
#[derive(Debug, Clone)]
pub(super) struct AttachmentSpan {
    pub number: Option<String>,
    pub title: Option<Found<String>>,
    pub paragraph: usize,
}

/// The recogniser's result.
pub(super) struct Recognised {
    pub meta: Meta,
    pub roles: Vec<Role>,
    pub attachments: Vec<AttachmentSpan>,
}

/// The text of a top-level paragraph, as shown (its automatic number included).
fn text_of(block: &Block) -> Option<String> {
    match block {
        Block::Para(p) => Some(p.shown().trim().to_string()),
        Block::Table(_) => None,
    }
}

fn found<T>(value: T, paragraph: usize) -> Found<T> {
    Found { value, paragraph }
}

/// Set large: 二号 (22 pt) or more, the size of titles and the 发文机关标志.
fn large(p: &Para) -> bool {
    p.look().size.is_some_and(|s| s >= 40)
}

fn title_like(p: &Para) -> bool {
    p.centered()
        || p.title_style
        || p.heading_style == Some(1)
        || large(p)
        || p.look().font == Font::XiaoBiaoSong
}

fn has_picture(p: &Para) -> bool {
    p.inlines.iter().any(|i| matches!(i, Inline::Image(_)))
}

/// The first characters of a paragraph, to find it by.
pub(super) fn quote(text: &str) -> String {
    let mut q: String = text.chars().filter(|c| *c != '\n').take(16).collect();
    if text.chars().count() > 16 {
        q.push('…');
    }
    q
}

/// Recognises the elements of the 公文 in `blocks` (the document's top-level blocks).
pub(super) fn recognise(blocks: &[Block], notes: &mut Vec<Note>) -> Recognised {
    let n = blocks.len();
    let texts: Vec<Option<String>> = blocks.iter().map(text_of).collect();
    let mut roles = vec![Role::Body; n];
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Para(p) = block {
            if p.is_empty() && !has_picture(p) {
                roles[i] = Role::Skip;
            }
        }
    }
    let mut meta = Meta::default();
    let mut r = Recogniser {
        blocks,
        texts: &texts,
        roles: &mut roles,
        meta: &mut meta,
        notes,
    };
    let start = r.header();
    let after_title = r.title(start);
    let body_start = r.addressee(after_title);
    let colophon = r.colophon(body_start);
    let attachments = r.closing(body_start, colophon);
    r.fallbacks();
    Recognised {
        meta,
        roles,
        attachments,
    }
}

struct Recogniser<'a> {
    blocks: &'a [Block],
    texts: &'a [Option<String>],
    roles: &'a mut Vec<Role>,
    meta: &'a mut Meta,
    notes: &'a mut Vec<Note>,
}

impl<'a> Recogniser<'a> {
    fn para(&self, i: usize) -> Option<&'a Para> {
        match &self.blocks[i] {
            Block::Para(p) => Some(p),
            Block::Table(_) => None,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.texts[i].as_deref().unwrap_or("")
    }

    /// The next block at or after `i` that shows something.
    fn next_shown(&self, mut i: usize, end: usize) -> Option<usize> {
        while i < end {
            if self.roles[i] != Role::Skip {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// The 版头: from the top, while lines read as its elements. Returns where it ends (0 when
    /// the document has none).
    fn header(&mut self) -> usize {
        let n = self.blocks.len().min(24);
        let mut i = 0;
        let mut number_found = false;
        let mut marked_organ = false;
        let mut header_end = 0;
        // The 发文字号, when one stands near the top: what is above it is the 版头.
        // (Not when a title comes first: web copies of a 公文 put the 发文字号 under the title.)
        let number_at = (0..n)
            .find(|&k| self.para(k).is_some() && is_number_line(self.text(k)))
            .filter(|&at| (0..at).all(|k| patterns::genre(self.text(k)).is_none()));
        while i < n {
            if self.roles[i] == Role::Skip {
                if let Some(p) = self.para(i) {
                    if p.border_below && number_found {
                        header_end = i + 1;
                    }
                }
                i += 1;
                continue;
            }
            let classified = match &self.blocks[i] {
                Block::Table(t) if !number_found => {
                    // A joint 版头 laid out as a table: the organs in one column, 文件 beside.
                    let mut organs = Vec::new();
                    let mut all = true;
                    for p in t.paras() {
                        let text = p.shown();
                        let text = text.trim();
                        if text.is_empty() || text == "文件" {
                            continue;
                        }
                        match organ_mark(text) {
                            Some((organ, _)) => organs.push(found(organ, p.number)),
                            None => all = false,
                        }
                    }
                    if all && !organs.is_empty() {
                        marked_organ = true;
                        self.meta.issuers.extend(organs);
                        true
                    } else {
                        false
                    }
                }
                Block::Table(_) => false,
                Block::Para(p) => {
                    let p = p.clone();
                    self.header_line(&p, &mut number_found, &mut marked_organ)
                }
            };
            if !classified {
                // Above a 发文字号 still to come, a line is the 版头's all the same: said, and
                // kept out of the text.
                match number_at.filter(|&at| i < at) {
                    Some(_) => self.unrecognised_header_line(i),
                    None => break,
                }
            }
            self.roles[i] = Role::Header;
            i += 1;
            header_end = i;
        }
        if !number_found && !marked_organ {
            // No 版头: what was taken for one is text.
            for role in self.roles.iter_mut().take(i) {
                if *role == Role::Header {
                    *role = Role::Body;
                }
            }
            let properties = std::mem::take(&mut self.meta.properties);
            *self.meta = Meta {
                properties,
                ..Meta::default()
            };
            return 0;
        }
        header_end
    }

    /// A line of the 版头 that is none of its elements.
    fn unrecognised_header_line(&mut self, i: usize) {
        let (paragraph, text) = match &self.blocks[i] {
            Block::Para(p) => (p.number, p.shown()),
            Block::Table(t) => (
                t.first_number(),
                t.paras().first().map(|p| p.shown()).unwrap_or_default(),
            ),
        };
        self.notes.push(Note {
            severity: Severity::Warning,
            paragraph: Some(paragraph),
            quote: Some(quote(text.trim())).filter(|q| !q.is_empty()),
            message: deferred!("word-header-unrecognised"),
            hint: Some(deferred!("word-header-unrecognised-hint")),
        });
    }

    /// One paragraph of the 版头: whether it is one of its elements (and which, into meta).
    fn header_line(&mut self, p: &Para, number_found: &mut bool, marked_organ: &mut bool) -> bool {
        let text = p.shown();
        let text = text.trim();
        let at = p.number;
        if !*number_found
            && self.meta.issuers.is_empty()
            && self.meta.copy_number.is_none()
            && patterns::is_copy_number(text)
        {
            self.meta.copy_number = Some(found(text.to_string(), at));
            return true;
        }
        // 密级 and 紧急程度 may share a line.
        let tokens: Vec<&str> = text.split_whitespace().collect();
        if !tokens.is_empty()
            && tokens
                .iter()
                .all(|t| patterns::secrecy(t).is_some() || patterns::urgency(t).is_some())
        {
            for t in tokens {
                if let Some(s) = patterns::secrecy(t) {
                    self.meta.secrecy = Some(found(s, at));
                } else if let Some(u) = patterns::urgency(t) {
                    self.meta.urgency = Some(found(u, at));
                }
            }
            return true;
        }
        if let Some(u) = patterns::urgency(text) {
            self.meta.urgency = Some(found(u, at));
            return true;
        }
        // 发文字号, with 签发人 on the same line for a document sent upward.
        let (number_part, signer_part) = match text.find("签发人") {
            Some(k) => (text[..k].trim(), Some(&text[k..])),
            None => (text, None),
        };
        if let Some(number) = (!number_part.is_empty())
            .then(|| doc_number(number_part))
            .flatten()
        {
            self.meta.doc_number = Some(found(number, at));
            if let Some(names) = signer_part.and_then(patterns::signers) {
                self.meta
                    .signers
                    .extend(names.into_iter().map(|s| found(s, at)));
            }
            *number_found = true;
            return true;
        }
        if let Some(names) = patterns::signers(text) {
            self.meta
                .signers
                .extend(names.into_iter().map(|s| found(s, at)));
            return true;
        }
        if !*number_found {
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let marks: Vec<Option<(String, bool)>> = lines.iter().map(|l| organ_mark(l)).collect();
            let evidence =
                p.look().red || large(p) || p.centered() || p.look().font == Font::XiaoBiaoSong;
            if !lines.is_empty() && marks.iter().all(|m| m.is_some()) {
                let any_file = marks.iter().flatten().any(|(_, file)| *file);
                if any_file || evidence {
                    for (organ, _) in marks.into_iter().flatten() {
                        if !organ.is_empty() {
                            self.meta.issuers.push(found(organ, at));
                        }
                    }
                    *marked_organ = true;
                    return true;
                }
            }
            if text == "文件" {
                return true;
            }
        }
        false
    }

    /// The 标题: the centred (or large, or Title-styled) lines after the 版头; else a first
    /// short line ending in a 文种. Returns where it ends.
    fn title(&mut self, start: usize) -> usize {
        let end = self.blocks.len();
        let Some(first) = self.next_shown(start, end) else {
            return start;
        };
        let mut lines: Vec<usize> = Vec::new();
        let mut i = first;
        while i < end && lines.len() < 4 {
            if self.roles[i] == Role::Skip {
                i += 1;
                continue;
            }
            let Some(p) = self.para(i) else { break };
            let text = self.text(i);
            let stop = !title_like(p)
                || is_number_line(text)
                || is_addressee(text)
                || is_remark(text)
                || date(text).is_some()
                || patterns::heading_number(text).is_some_and(|(d, _)| d.0 >= 0)
                || attachment_label(text).is_some();
            if stop {
                break;
            }
            lines.push(i);
            let joined: String = lines.iter().map(|&k| self.text(k)).collect();
            if joined.chars().count() > 120 {
                lines.pop();
                break;
            }
            i += 1;
        }
        if lines.is_empty() {
            // A title set as plain text: short, one line, ending in a 文种.
            let text = self.text(first);
            if self.para(first).is_some()
                && text.chars().count() <= 60
                && !text.contains(['。', '：', ':'])
                && patterns::genre(text).is_some()
            {
                lines.push(first);
            }
        }
        if lines.is_empty() {
            self.notes.push(Note {
                severity: Severity::Warning,
                paragraph: None,
                quote: None,
                message: deferred!("word-no-title"),
                hint: Some(deferred!("word-no-title-hint")),
            });
            return start;
        }
        let title: String = lines
            .iter()
            .map(|&k| self.text(k).replace('\n', ""))
            .collect::<Vec<_>>()
            .concat();
        let paragraph = self.para(lines[0]).map(|p| p.number).unwrap_or(0);
        self.meta.genre = patterns::genre(&title);
        self.meta.title = Some(found(title, paragraph));
        for &k in &lines {
            self.roles[k] = Role::Title;
        }
        let after = lines[lines.len() - 1] + 1;
        // A 发文字号 under the title, as web copies of a 公文 have it.
        if self.meta.doc_number.is_none() {
            if let Some(k) = self.next_shown(after, end) {
                if let (Some(p), true) = (self.para(k), is_number_line(self.text(k))) {
                    let p = p.clone();
                    let (mut number_found, mut marked) = (false, false);
                    if self.header_line(&p, &mut number_found, &mut marked) {
                        self.roles[k] = Role::Header;
                        return k + 1;
                    }
                }
            }
        }
        after
    }

    /// The 主送机关: the first line after the title, short and ending in a colon.
    fn addressee(&mut self, start: usize) -> usize {
        let end = self.blocks.len();
        let Some(i) = self.next_shown(start, end) else {
            return start;
        };
        let Some(p) = self.para(i) else {
            return start;
        };
        let text = self.text(i).replace('\n', "");
        if is_addressee(&text) {
            self.meta.addressees = Some(found(text, p.number));
            self.roles[i] = Role::Addressee;
        }
        start
    }

    /// The 版记, from the end: 抄送 and 印发 lines (in paragraphs or a table). Returns where
    /// it starts.
    fn colophon(&mut self, body_start: usize) -> usize {
        let mut start = self.blocks.len();
        let mut j = self.blocks.len();
        while j > body_start {
            j -= 1;
            if self.roles[j] == Role::Skip {
                continue;
            }
            let lines: Vec<(String, usize)> = match &self.blocks[j] {
                Block::Para(p) => p
                    .shown()
                    .lines()
                    .map(|l| (l.trim().to_string(), p.number))
                    .filter(|(l, _)| !l.is_empty())
                    .collect(),
                Block::Table(t) => t
                    .paras()
                    .iter()
                    .flat_map(|p| {
                        p.shown()
                            .lines()
                            .map(|l| (l.trim().to_string(), p.number))
                            .collect::<Vec<_>>()
                    })
                    .filter(|(l, _)| !l.is_empty())
                    .collect(),
            };
            if lines.is_empty() || !lines.iter().all(|(l, _)| colophon_line(l)) {
                break;
            }
            for (line, at) in lines {
                if let Some(rest) = patterns::labelled(&line, "抄送") {
                    let rest = rest.trim_end_matches(['。', '.']).to_string();
                    self.meta.copy_to = Some(found(rest, at));
                } else if let Some((organ, day)) = patterns::printed(&line) {
                    if !organ.is_empty() {
                        self.meta.printed_by = Some(found(organ, at));
                    }
                    self.meta.printed_on = Some(found(day, at));
                }
            }
            self.roles[j] = Role::Colophon;
            start = j;
        }
        start
    }

    /// The end of the 主体 and the attachments, between the body's start and the 版记:
    /// 附件说明, 署名, 成文日期, 附注, then each 附件.
    fn closing(&mut self, body_start: usize, end: usize) -> Vec<AttachmentSpan> {
        let mut attachments = Vec::new();
        let date_at = self.written_date(body_start, end);
        // Where the 主体 ends (the date, else the first attachment) and what follows it.
        let (main_end, mut after) = match date_at {
            Some(d) => (d, d + 1),
            None => {
                let first = (body_start..end)
                    .find(|&k| self.roles[k] == Role::Body && self.is_attachment_start(k, end))
                    .unwrap_or(end);
                (first, first)
            }
        };
        match date_at {
            Some(d) => self.roles[d] = Role::Date,
            // A 公文 is dated; a text without a date (an interpretation, a news report) is
            // not one, and is not told so.
            None if self.meta.doc_number.is_some() || !self.meta.issuers.is_empty() => {
                self.notes.push(Note {
                    severity: Severity::Warning,
                    paragraph: None,
                    quote: None,
                    message: deferred!("word-no-date"),
                    hint: Some(deferred!("word-no-date-hint")),
                });
            }
            None => {}
        }
        let signature_start = self.signatures(body_start, main_end, date_at.is_some());
        self.attachment_list(body_start, signature_start);
        if date_at.is_some() {
            if let Some(k) = self.next_shown(after, end) {
                if self.para(k).is_some() && is_remark(self.text(k)) {
                    let at = self.para(k).map(|p| p.number).unwrap_or(0);
                    self.meta.remark = Some(found(self.text(k).to_string(), at));
                    self.roles[k] = Role::Remark;
                    after = k + 1;
                }
            }
        }
        if self.next_shown(after, end).is_some() {
            self.attachments_from(after, end, &mut attachments);
        }
        attachments
    }

    /// The 成文日期: a paragraph whose last line is a date alone, right-aligned or closing the
    /// 主体; the first such.
    fn written_date(&mut self, body_start: usize, end: usize) -> Option<usize> {
        let mut candidates = Vec::new();
        for i in body_start..end {
            if self.roles[i] != Role::Body {
                continue;
            }
            let Some(p) = self.para(i) else { continue };
            let text = self.text(i);
            let Some(last) = text.lines().last() else {
                continue;
            };
            if let Some(day) = date(last) {
                candidates.push((i, day, p.number, p.right_aligned()));
            }
        }
        let closing = |r: &Recogniser<'_>, i: usize| match r.next_shown(i + 1, end) {
            None => true,
            Some(k) => {
                let text = r.text(k);
                is_remark(text)
                    || attachment_label(text).is_some()
                    || r.para(k).is_some_and(|p| p.new_page)
            }
        };
        let chosen = candidates
            .iter()
            .find(|(i, _, _, right)| *right || closing(self, *i))
            .or(candidates.last())?
            .clone();
        let (i, day, at, _) = chosen;
        // Lines before the date in its own paragraph are the 署名.
        let text = self.text(i).to_string();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        for line in &lines[..lines.len().saturating_sub(1)] {
            self.meta.signatures.push(found(line.to_string(), at));
        }
        self.meta.written = Some(found(day, at));
        Some(i)
    }

    /// The 署名 before the date (up to four lines: a joint document is signed by each organ).
    /// Without a date, only right-aligned names of organs at the end of the 主体.
    fn signatures(&mut self, body_start: usize, date_at: usize, dated: bool) -> usize {
        let mut start = date_at;
        let mut found_lines: Vec<Found<String>> = Vec::new();
        let mut j = date_at;
        while j > body_start && found_lines.len() < 4 {
            j -= 1;
            if self.roles[j] == Role::Skip {
                continue;
            }
            if self.roles[j] != Role::Body {
                break;
            }
            let is_signature = match &self.blocks[j] {
                Block::Para(p) => {
                    let text = self.text(j);
                    let organs = text.lines().all(|l| is_organ(l.trim()));
                    signature_line(text)
                        && if dated {
                            p.right_aligned() || p.centered() || organs
                        } else {
                            p.right_aligned() && organs
                        }
                }
                Block::Table(t) if dated => {
                    let paras = t.paras();
                    !paras.is_empty()
                        && paras.iter().all(|p| {
                            let s = p.shown();
                            s.trim().is_empty() || s.lines().all(|l| is_organ(l.trim()))
                        })
                }
                Block::Table(_) => false,
            };
            if !is_signature {
                break;
            }
            let lines: Vec<Found<String>> = match &self.blocks[j] {
                Block::Para(p) => p
                    .shown()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| found(l.to_string(), p.number))
                    .collect(),
                Block::Table(t) => t
                    .paras()
                    .iter()
                    .flat_map(|p| {
                        p.shown()
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(|l| found(l.to_string(), p.number))
                            .collect::<Vec<_>>()
                    })
                    .collect(),
            };
            found_lines.splice(0..0, lines);
            self.roles[j] = Role::Signature;
            start = j;
        }
        found_lines.append(&mut self.meta.signatures);
        self.meta.signatures = found_lines;
        start
    }

    /// 附件说明: from a line `附件：…` before the 署名 to the 署名.
    fn attachment_list(&mut self, body_start: usize, signature_start: usize) {
        let from = signature_start.saturating_sub(16).max(body_start);
        let Some(first) = (from..signature_start).find(|&k| {
            self.roles[k] == Role::Body
                && self.para(k).is_some()
                && attachment_note(self.text(k)).is_some()
        }) else {
            return;
        };
        for k in first..signature_start {
            if self.roles[k] != Role::Body {
                continue;
            }
            let Some(p) = self.para(k) else { break };
            let text = self.text(k).to_string();
            let item = attachment_note(&text).unwrap_or(&text).to_string();
            for line in item.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let name = match patterns::heading_number(line) {
                    Some((_, len)) => line[len..].trim().to_string(),
                    None => line.to_string(),
                };
                self.meta.attachment_list.push(found(name, p.number));
            }
            self.roles[k] = Role::AttachmentList;
        }
    }

    /// Whether block `k` starts an attachment: a label (附件, 附件1) alone, at a new page or
    /// before a centred title.
    fn is_attachment_start(&self, k: usize, end: usize) -> bool {
        let Some(p) = self.para(k) else { return false };
        attachment_label(self.text(k)).is_some()
            && (p.new_page
                || self
                    .next_shown(k + 1, end)
                    .and_then(|n| self.para(n))
                    .is_some_and(title_like))
    }

    /// The attachments from `start` to `end`: each from its label (or, for a text attached
    /// without one, from its title) to the next.
    fn attachments_from(&mut self, start: usize, end: usize, out: &mut Vec<AttachmentSpan>) {
        let mut k = start;
        let mut current: Option<usize> = None;
        while k < end {
            if self.roles[k] == Role::Skip {
                k += 1;
                continue;
            }
            let label = self.para(k).and_then(|_| attachment_label(self.text(k)));
            let starts = match label {
                Some(_) => true,
                None => current.is_none(),
            };
            if starts {
                let index = out.len();
                let paragraph = match &self.blocks[k] {
                    Block::Para(p) => p.number,
                    Block::Table(t) => t.first_number(),
                };
                out.push(AttachmentSpan {
                    number: label.clone().flatten(),
                    title: None,
                    paragraph,
                });
                current = Some(index);
                if label.is_some() {
                    self.roles[k] = Role::AttachmentHead(index);
                    k += 1;
                }
                // Its title: the centred lines that follow.
                let mut title = String::new();
                let mut title_at = None;
                let mut lines = 0;
                while k < end && lines < 3 {
                    if self.roles[k] == Role::Skip {
                        k += 1;
                        continue;
                    }
                    let Some(p) = self.para(k) else { break };
                    if !title_like(p) || attachment_label(self.text(k)).is_some() {
                        break;
                    }
                    title.push_str(&self.text(k).replace('\n', ""));
                    title_at.get_or_insert(p.number);
                    self.roles[k] = Role::AttachmentHead(index);
                    lines += 1;
                    k += 1;
                }
                if let Some(at) = title_at {
                    out[index].title = Some(found(title, at));
                }
                continue;
            }
            if let Some(index) = current {
                self.roles[k] = Role::Attachment(index);
            }
            k += 1;
        }
    }

    /// What is said when an element is missing, and what stands in for it.
    fn fallbacks(&mut self) {
        if self.meta.issuers.is_empty() {
            let signatures = self.meta.signatures.clone();
            self.meta.issuers = signatures
                .into_iter()
                .filter(|s| is_organ(&s.value))
                .collect();
        }
        if self.meta.issuers.is_empty() {
            self.notes.push(Note {
                severity: Severity::Warning,
                paragraph: None,
                quote: None,
                message: deferred!("word-no-issuer"),
                hint: Some(deferred!("word-no-issuer-hint")),
            });
        }
        if let Some(secrecy) = &self.meta.secrecy {
            self.notes.push(Note {
                severity: Severity::Warning,
                paragraph: Some(secrecy.paragraph),
                quote: Some(secrecy.value.clone()),
                message: deferred!("word-secrecy", level = secrecy.value),
                hint: Some(deferred!("word-secrecy-hint")),
            });
        }
        if let Some(urgency) = &self.meta.urgency {
            self.notes.push(Note {
                severity: Severity::Info,
                paragraph: Some(urgency.paragraph),
                quote: Some(urgency.value.clone()),
                message: deferred!("word-urgency", urgency = urgency.value),
                hint: None,
            });
        }
        if let Some(copy) = &self.meta.copy_number {
            self.notes.push(Note {
                severity: Severity::Info,
                paragraph: Some(copy.paragraph),
                quote: Some(copy.value.clone()),
                message: deferred!("word-copy-number", number = copy.value),
                hint: None,
            });
        }
    }
}

/// A line of the 发文机关标志: an organ's name, or one followed by 文件 (`true`).
fn organ_mark(text: &str) -> Option<(String, bool)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(organ) = compact.strip_suffix("文件") {
        let ok = !organ.is_empty()
            && organ.chars().count() <= 40
            && !organ.contains(['。', '，', '；', '：', ':']);
        return ok.then(|| (organ.to_string(), true));
    }
    is_organ(&compact).then_some((compact, false))
}

/// A line that is a 发文字号 (with 签发人 after it, for a document sent upward).
fn is_number_line(text: &str) -> bool {
    let number_part = text.split("签发人").next().unwrap_or("").trim();
    !number_part.is_empty() && doc_number(number_part).is_some()
}

/// A line of the 版记.
fn colophon_line(line: &str) -> bool {
    patterns::labelled(line, "抄送").is_some()
        || patterns::printed(line).is_some()
        || (line.starts_with('（') && line.contains("共印") && line.ends_with('）'))
}

/// A line of a 署名: short, no sentence.
fn signature_line(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        let n = l.chars().count();
        (2..=40).contains(&n)
            && !l.contains(['。', '，', '；', '：', ':', ';'])
            && patterns::heading_number(l).is_none()
            && attachment_label(l).is_none()
    })
}
