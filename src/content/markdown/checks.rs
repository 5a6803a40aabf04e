//! What a page must not publish, found with its place in the Markdown: link and image
//! addresses that run a script or leave the web, and (where raw HTML is allowed) scripts and
//! event handlers. What counts as dangerous is decided in [`super::safety`].

use std::cell::Cell;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Tag};

use super::{safety, shorten, Problem, Rendered};
use crate::t;

/// The problems of a page or section, as one diagnostic on the first (the others are listed by
/// position in its message): `body` is the Markdown that was rendered, starting at line
/// `body_line` of `file`.
pub fn unsafe_content(
    file: &Path,
    body: &str,
    body_line: usize,
    rendered: &Rendered,
) -> Result<(), crate::error::Diagnostic> {
    let Some(first) = rendered.problems.first() else {
        return Ok(());
    };
    let others: Vec<String> = rendered.problems[1..]
        .iter()
        .map(|p| {
            let (line, column) = crate::error::line_column(body, p.offset);
            format!("{}:{column}", line + body_line - 1)
        })
        .collect();
    let message = if others.is_empty() {
        first.message.clone()
    } else {
        t!(
            "unsafe-content-more",
            message = &first.message,
            count = others.len(),
            places = others.join(", ")
        )
    };
    Err(crate::error::Diagnostic::new(file, message)
        .at_offset(body, first.offset, body_line)
        .hint(first.hint.clone()))
}

/// Link and image addresses with a scheme that is never published (see [`safety`]).
pub(super) fn unsafe_links(events: &[Event<'_>], ranges: &[Range<usize>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (event, range) in events.iter().zip(ranges) {
        let (url, usage) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, safety::UrlUse::Link),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, safety::UrlUse::Image),
            _ => continue,
        };
        if let Some(scheme) = safety::dangerous_scheme(url, usage) {
            let shown: String = url.chars().filter(|c| !c.is_control()).collect();
            problems.push(Problem {
                offset: range.start,
                message: safety::link_problem(
                    usage == safety::UrlUse::Image,
                    &shorten(&shown, 60),
                    scheme,
                ),
                hint: safety::scheme_hint(scheme),
            });
        }
    }
    problems
}

/// What an event is, for finding where raw HTML came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EventKind {
    /// Raw HTML written in the Markdown (only left as HTML when the site allows it).
    RawHtml,
    /// The start of a link or image, whose address [`unsafe_links`] checks.
    Link,
    Other,
}

impl EventKind {
    pub(super) fn of(event: &Event<'_>) -> EventKind {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => EventKind::RawHtml,
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => EventKind::Link,
            _ => EventKind::Other,
        }
    }
}

/// Renders `events` into `html` and gives, per event, the offset in `html` where its output
/// starts (pulldown-cmark writes each event's output before it reads the next).
pub(super) fn push_html_tracked(html: &mut String, events: Vec<Event<'_>>) -> Vec<usize> {
    struct Counting<'a> {
        out: &'a mut String,
        len: &'a Cell<usize>,
    }
    impl std::fmt::Write for Counting<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.out.push_str(s);
            self.len.set(self.out.len());
            Ok(())
        }
    }
    let len = Cell::new(html.len());
    let mut starts = Vec::with_capacity(events.len());
    let events = events.into_iter().inspect(|_| starts.push(len.get()));
    pulldown_cmark::html::write_html_fmt(
        Counting {
            out: html,
            len: &len,
        },
        events,
    )
    .expect("writing to a String cannot fail");
    starts
}

/// Scripts, event handlers and dangerous addresses in the rendered page, found as a browser
/// would read the whole of it (a tag left open in one piece of raw HTML takes in what follows),
/// each placed at the raw HTML it comes from.
pub(super) fn raw_html_problems(
    html: &str,
    starts: &[usize],
    ranges: &[Range<usize>],
    kinds: &[EventKind],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    // A tag still open at the end takes in the template's text after it in the page; closed
    // here whatever state it is in (a quoted value of either kind, a name), it is read with the
    // attributes it has so far.
    let closed = format!("{html}\"'>");
    for found in safety::scan(&closed, true) {
        let event = starts
            .partition_point(|&start| start <= found.offset)
            .saturating_sub(1);
        let offset = match kinds.get(event) {
            // Markdown links: checked, with their own message, by `unsafe_links`.
            Some(EventKind::Link) if matches!(found.danger, safety::Danger::Url { .. }) => continue,
            // Raw HTML is written out as it is: the same offset within it.
            Some(EventKind::RawHtml) => {
                let range = &ranges[event];
                (range.start + (found.offset - starts[event])).min(range.end)
            }
            // Markup made of pieces: place it at the raw HTML before it.
            _ => (0..event)
                .rev()
                .find(|&i| kinds[i] == EventKind::RawHtml)
                .map_or(0, |i| ranges[i].start),
        };
        problems.push(Problem {
            offset,
            message: t!("raw-html-danger", what = found.danger.describe()),
            hint: found.danger.hint(),
        });
    }
    problems
}
