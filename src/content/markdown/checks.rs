//! What a page must not publish, found with its place in the Markdown: link and image
//! addresses that run a script or leave the web, and (where raw HTML is allowed) whatever the
//! allow-list does not publish. What counts as dangerous is decided in [`super::safety`], what
//! raw HTML may publish in [`super::allowlist`].

use std::cell::Cell;
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;

use pulldown_cmark::{Event, Tag};

use super::{allowlist, safety, shorten, Problem, Rendered};
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

/// What the raw HTML of a rendered page has that the allow-list ([`allowlist`]) does not
/// publish, each placed where it is written: elements and attributes outside the list, addresses
/// it refuses, scripts and event handlers (said as such, [`safety`]), and ids used twice. The
/// page is read whole, as a browser reads it: a tag left open in one piece of raw HTML takes in
/// what follows. Markup the renderer wrote is not the editor's and is not reported; what is
/// published is ammonia's output either way, so a miss here is a silent drop, never a hole.
pub(super) fn raw_html_problems(
    html: &str,
    starts: &[usize],
    ranges: &[Range<usize>],
    kinds: &[EventKind],
) -> Report {
    let event_at = |offset: usize| {
        starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    };
    // Raw HTML is written out as it is: the same offset within it. Markup made of pieces (an
    // attribute whose quote took in the text after it) is placed at the raw HTML before it.
    let place = |offset: usize| match kinds.get(event_at(offset)) {
        Some(EventKind::RawHtml) => {
            let event = event_at(offset);
            let range = &ranges[event];
            (range.start + (offset - starts[event])).min(range.end)
        }
        _ => (0..event_at(offset))
            .rev()
            .find(|&i| kinds[i] == EventKind::RawHtml)
            .map_or(0, |i| ranges[i].start),
    };
    let mut problems = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    // A tag still open at the end takes in the template's text after it in the page; closed
    // here whatever state it is in (a quoted value of either kind, a name, the tag's name), it
    // is read with the attributes it has so far.
    let closed = format!("{html} \"'>");
    let open = Rc::new(Cell::new(0usize));
    let mut too_deep = None;
    let whole = safety::for_each_element(&closed, |el| {
        let start = el.source_location().bytes().start;
        let written = kinds.get(event_at(start)) == Some(&EventKind::RawHtml);
        if counts_for_depth(&el.tag_name()) {
            if let Some(handlers) = el.end_tag_handlers() {
                open.set(open.get() + 1);
                let closing = Rc::clone(&open);
                handlers.push(Box::new(move |_| {
                    closing.set(closing.get().saturating_sub(1));
                    Ok(())
                }));
                if open.get() > MAX_OPEN && too_deep.is_none() {
                    too_deep = Some(place(start));
                }
            }
        }
        if let Some(id) = el.get_attribute("id") {
            let id = safety::decode_entities(&id).into_owned();
            if !ids.insert(id.clone()) && written {
                let at = el
                    .attributes()
                    .iter()
                    .find(|a| a.name() == "id")
                    .and_then(|a| a.name_source_location())
                    .map_or(start, |l| l.bytes().start);
                problems.push(Refused::IdTwice(id).at(place(at)));
            }
        }
        if written {
            element_problems(el, html.len(), &place, &mut problems);
        }
    });
    if !whole {
        if let Some(first) = kinds.iter().position(|k| *k == EventKind::RawHtml) {
            problems.push(Refused::Unreadable.at(ranges[first].start));
        }
    }
    if let Some(at) = too_deep {
        problems.push(Refused::TooDeep.at(at));
    }
    Report {
        problems,
        publishable: too_deep.is_none(),
    }
}

/// What [`raw_html_problems`] found.
pub(super) struct Report {
    pub problems: Vec<Problem>,
    /// Whether the sanitizer can be given the page: not when elements are open so deep that
    /// building its tree takes time that grows with the square of the depth (100,000 nested
    /// `<div>`, 500 KB, take a minute).
    pub publishable: bool,
}

/// The most elements open at once in a page with raw HTML. Chromium stops nesting at 512, so
/// no page deeper than that shows as written anyway.
const MAX_OPEN: usize = 512;

/// Whether an element adds to the depth: not those whose end tag may be left out because the
/// next of their kind closes them (`<p>`, `<li>`, `<td>`…), which cannot nest in themselves,
/// so a page that leaves their end tags out is not taken for a deep one.
fn counts_for_depth(element: &str) -> bool {
    !matches!(
        element,
        "p" | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "option"
            | "optgroup"
            | "rt"
            | "rp"
    )
}

/// What one element of the editor's raw HTML has that is not published. Attributes from
/// `end` on are made of the quotes that close the page for reading, not written by anyone.
fn element_problems(
    el: &lol_html::html_content::Element,
    end: usize,
    place: &dyn Fn(usize) -> usize,
    problems: &mut Vec<Problem>,
) {
    let element = el.tag_name();
    let start = el.source_location().bytes().start;
    // lol_html gives no place for the name of an attribute the tag ends with when the closing
    // quotes ended it.
    let closed_by_us = el.source_location().bytes().end > end;
    let offset_of =
        |attribute: &lol_html::html_content::Attribute| match attribute.name_source_location() {
            Some(location) => Some(location.bytes().start).filter(|&at| at < end),
            None => (!closed_by_us).then_some(start),
        };
    let attribute_at = |attribute: &lol_html::html_content::Attribute| {
        place(offset_of(attribute).unwrap_or(start))
    };
    let attributes = || el.attributes().iter().filter(|a| offset_of(a).is_some());
    if element == "script" {
        problems.push(Refused::Script.at(place(start)));
        return;
    }
    if !allowlist::allows_element(&element) {
        // A danger says better why than "not on the list": `<iframe srcdoc>`, `<object data=…>`.
        let before = problems.len();
        for attribute in attributes() {
            if let Some(danger) = safety::attribute_danger(el, attribute) {
                problems.push(Refused::Danger(danger).at(attribute_at(attribute)));
            }
        }
        if problems.len() == before {
            problems.push(Refused::Element(element).at(place(start)));
        }
        return;
    }
    for attribute in attributes() {
        let name = attribute.name();
        let refused = if let Some(danger) = safety::attribute_danger(el, attribute) {
            Some(Refused::Danger(danger))
        } else if !allowlist::allows_attribute(&element, &name) {
            Some(Refused::Attribute {
                element: element.clone(),
                attribute: name,
            })
        } else if allowlist::is_address(&name) {
            let url = safety::decode_entities(&attribute.value()).into_owned();
            match allowlist::refused_address(&element, &url) {
                Some(allowlist::Refusal::Dangerous(scheme)) => {
                    Some(Refused::Danger(safety::Danger::Url {
                        element: element.clone(),
                        attribute: name,
                        url: url.trim().to_string(),
                        scheme,
                    }))
                }
                Some(_) => Some(Refused::Address {
                    element: element.clone(),
                    attribute: name,
                    url,
                }),
                None => None,
            }
        } else {
            None
        };
        if let Some(refused) = refused {
            problems.push(refused.at(attribute_at(attribute)));
        }
    }
}

/// Raw HTML that is not published, and why.
enum Refused {
    Script,
    Danger(safety::Danger),
    Element(String),
    Attribute {
        element: String,
        attribute: String,
    },
    Address {
        element: String,
        attribute: String,
        url: String,
    },
    IdTwice(String),
    Unreadable,
    TooDeep,
}

impl Refused {
    fn at(self, offset: usize) -> Problem {
        let (what, hint) = match self {
            Refused::Script => (t!("danger-script"), t!("danger-script-hint")),
            Refused::Danger(danger) => (danger.describe(), danger.hint()),
            Refused::Element(element) => {
                let why = element_kind(&element);
                (
                    t!("raw-html-element", element = &element, why = why),
                    t!(
                        "raw-html-element-hint",
                        why = why,
                        allowed = allowlist::element_names()
                    ),
                )
            }
            Refused::Attribute { element, attribute } => {
                let why = if attribute == "style" {
                    "style"
                } else {
                    "other"
                };
                (
                    t!(
                        "raw-html-attribute",
                        element = &element,
                        attribute = &attribute,
                        why = why
                    ),
                    t!(
                        "raw-html-attribute-hint",
                        element = &element,
                        allowed = allowlist::attribute_names(&element)
                    ),
                )
            }
            Refused::Address {
                element,
                attribute,
                url,
            } => (
                t!(
                    "raw-html-address",
                    element = element,
                    attribute = attribute,
                    url = shorten(&url, 60)
                ),
                t!("raw-html-address-hint"),
            ),
            Refused::IdTwice(id) => (
                t!("raw-html-id-twice", id = &id),
                t!("raw-html-id-twice-hint"),
            ),
            Refused::Unreadable => (t!("raw-html-unreadable"), t!("raw-html-unreadable-hint")),
            Refused::TooDeep => (
                t!("raw-html-too-deep", most = MAX_OPEN),
                t!("raw-html-too-deep-hint"),
            ),
        };
        Problem {
            offset,
            message: t!("raw-html-danger", what = what),
            hint,
        }
    }
}

/// What kind of element an editor wrote that is not published, for the message to say why.
fn element_kind(element: &str) -> &'static str {
    match element {
        "base" => "base",
        "meta" => "meta",
        "link" => "link",
        "style" => "style",
        "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "portal"
        | "fencedframe" => "embed",
        "form" | "input" | "button" | "select" | "option" | "optgroup" | "textarea"
        | "datalist" | "output" | "fieldset" | "legend" | "label" | "keygen" => "form",
        "svg" | "math" => "foreign",
        "audio" | "video" | "source" | "track" | "picture" | "canvas" | "map" | "area" => "media",
        _ => "other",
    }
}
