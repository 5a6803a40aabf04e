//! The XML parts of a Word file as a small tree of the elements the reader looks at.
//!
//! Word's parts are read whole (a paragraph's meaning depends on its properties, its style, its
//! numbering and what comes after it), so each part is turned into a compact tree first: names
//! resolved to their namespace (a `w:` that another file writes as `ns0:` is the same element),
//! attributes the reader never asks for (revision ids, `w14:` extensions) dropped, subtrees that
//! hold only what was (tracked property changes, Word's fallbacks for old versions) left out.
//! A document type declaration is refused (Word never writes one; it is how an entity bomb is
//! made), only XML's own five entities and character references are read, and the elements of
//! all parts together and their depth are limited.

use std::cell::Cell;
use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::limits;
use super::problem::Problem;

/// The namespaces the reader knows. Transitional and Strict Office Open XML name the same
/// elements with different addresses; both map here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// No namespace (unprefixed attributes, package relationships' attributes).
    None,
    /// WordprocessingML (`w:`).
    W,
    /// Relationships referenced from a part (`r:id`, `r:embed`).
    R,
    /// Drawing placement in a document (`wp:`).
    Wp,
    /// DrawingML (`a:`).
    A,
    /// Pictures (`pic:`).
    Pic,
    /// Word 2010 shapes and groups (`wps:`, `wpg:`).
    Wps,
    /// VML (`v:`, `o:`), what older Word and WPS write for pictures and text boxes.
    V,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Math (`m:`).
    M,
    /// A package's relationships (`_rels/*.rels`).
    Rels,
    /// `[Content_Types].xml`.
    Types,
    /// Core properties (`cp:`, `dc:`, `dcterms:`).
    Core,
    Other,
}

fn namespace(uri: &str) -> Ns {
    let ends = |s: &str| uri.ends_with(s);
    if ends("wordprocessingml/2006/main") || ends("ooxml/wordprocessingml/main") {
        Ns::W
    } else if ends("officeDocument/2006/relationships") || ends("officeDocument/relationships") {
        Ns::R
    } else if ends("drawingml/2006/wordprocessingDrawing")
        || ends("drawingml/wordprocessingDrawing")
        || ends("office/word/2010/wordprocessingDrawing")
    {
        Ns::Wp
    } else if ends("drawingml/2006/main") || ends("ooxml/drawingml/main") {
        Ns::A
    } else if ends("drawingml/2006/picture") || ends("ooxml/drawingml/picture") {
        Ns::Pic
    } else if ends("office/word/2010/wordprocessingShape")
        || ends("office/word/2010/wordprocessingGroup")
    {
        Ns::Wps
    } else if uri == "urn:schemas-microsoft-com:vml"
        || uri == "urn:schemas-microsoft-com:office:office"
    {
        Ns::V
    } else if ends("markup-compatibility/2006") {
        Ns::Mc
    } else if ends("officeDocument/2006/math") || ends("officeDocument/math") {
        Ns::M
    } else if ends("package/2006/relationships") {
        Ns::Rels
    } else if ends("package/2006/content-types") {
        Ns::Types
    } else if ends("package/2006/metadata/core-properties")
        || uri == "http://purl.org/dc/elements/1.1/"
        || uri == "http://purl.org/dc/terms/"
    {
        Ns::Core
    } else {
        Ns::Other
    }
}

/// Which elements of a part are kept.
pub(super) struct Filter {
    /// Elements kept without their content.
    pub shallow: fn(Ns, &str) -> bool,
    /// Elements whose text is kept.
    pub text: fn(Ns, &str) -> bool,
}

/// Keeps everything in the known namespaces, and the text of every element.
pub(super) const ALL: Filter = Filter {
    shallow: |_, _| false,
    text: |_, _| true,
};

struct Node {
    ns: Ns,
    name: u32,
    attrs: Vec<Attr>,
    children: Vec<u32>,
    text: String,
}

struct Attr {
    ns: Ns,
    name: u32,
    value: Box<str>,
}

/// A parsed part.
pub(super) struct Tree {
    nodes: Vec<Node>,
    names: Vec<Box<str>>,
}

/// An element of a [`Tree`].
#[derive(Clone, Copy)]
pub(super) struct El<'t> {
    tree: &'t Tree,
    id: u32,
}

impl Tree {
    /// The document element (an empty one named `""` for a part with none).
    pub(super) fn root(&self) -> El<'_> {
        El { tree: self, id: 0 }
    }
}

impl<'t> El<'t> {
    fn node(&self) -> &'t Node {
        &self.tree.nodes[self.id as usize]
    }

    pub(super) fn ns(&self) -> Ns {
        self.node().ns
    }

    pub(super) fn name(&self) -> &'t str {
        &self.tree.names[self.node().name as usize]
    }

    /// Whether this is `w:<name>` (for `ns` W) and so on.
    pub(super) fn is(&self, ns: Ns, name: &str) -> bool {
        self.node().ns == ns && self.name() == name
    }

    /// Whether this is the WordprocessingML element `name`.
    pub(super) fn is_w(&self, name: &str) -> bool {
        self.is(Ns::W, name)
    }

    pub(super) fn children(&self) -> impl Iterator<Item = El<'t>> + 't {
        let tree = self.tree;
        self.node().children.iter().map(move |&id| El { tree, id })
    }

    /// The first child `ns:name`.
    pub(super) fn child(&self, ns: Ns, name: &str) -> Option<El<'t>> {
        self.children().find(|c| c.is(ns, name))
    }

    /// The first child `w:name`.
    pub(super) fn w(&self, name: &str) -> Option<El<'t>> {
        self.child(Ns::W, name)
    }

    /// The children `w:name`.
    pub(super) fn ws<'a>(&self, name: &'a str) -> impl Iterator<Item = El<'t>> + 'a
    where
        't: 'a,
    {
        self.children().filter(move |c| c.is_w(name))
    }

    /// Every element below this one (depth first, in document order) that `wanted` accepts.
    pub(super) fn descendants(&self, wanted: &dyn Fn(&El<'t>) -> bool) -> Vec<El<'t>> {
        let mut found = Vec::new();
        let mut stack: Vec<El<'t>> = self.children().collect();
        stack.reverse();
        while let Some(el) = stack.pop() {
            if wanted(&el) {
                found.push(el);
            }
            let mark = stack.len();
            stack.extend(el.children());
            stack[mark..].reverse();
        }
        found
    }

    /// The attribute `name` of namespace `ns`.
    pub(super) fn attr_ns(&self, ns: Ns, name: &str) -> Option<&'t str> {
        let tree = self.tree;
        self.node()
            .attrs
            .iter()
            .find(|a| a.ns == ns && &*tree.names[a.name as usize] == name)
            .map(|a| &*a.value)
    }

    /// The attribute `name`, whatever its namespace (`w:val`, `val`).
    pub(super) fn attr(&self, name: &str) -> Option<&'t str> {
        let tree = self.tree;
        self.node()
            .attrs
            .iter()
            .find(|a| &*tree.names[a.name as usize] == name)
            .map(|a| &*a.value)
    }

    /// `w:val` (or an unprefixed `val`).
    pub(super) fn val(&self) -> Option<&'t str> {
        self.attr("val")
    }

    /// The `w:val` of the child `w:name`.
    pub(super) fn w_val(&self, name: &str) -> Option<&'t str> {
        self.w(name).and_then(|c| c.val())
    }

    /// The element's own text.
    pub(super) fn text(&self) -> &'t str {
        &self.node().text
    }

    /// The text of the element and everything below it.
    pub(super) fn all_text(&self) -> String {
        let mut out = self.text().to_string();
        for el in self.descendants(&|_| true) {
            out.push_str(el.text());
        }
        out
    }
}

/// Whether a `w:val`-style switch is on: present with no value, or `true`/`1`/`on`.
pub(super) fn on(value: Option<&str>) -> bool {
    !matches!(value, Some("false" | "0" | "off" | "none"))
}

/// A switch element (`<w:b/>`, `<w:b w:val="0"/>`): `None` when absent.
pub(super) fn switch(parent: Option<El<'_>>, name: &str) -> Option<bool> {
    parent?.w(name).map(|el| on(el.val()))
}

struct Builder {
    nodes: Vec<Node>,
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Builder {
    fn name(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), id);
        id
    }
}

/// Attributes the reader never asks for: revision marks and identifiers Word adds everywhere.
fn attribute_wanted(ns: Ns, local: &str) -> bool {
    matches!(ns, Ns::W | Ns::R | Ns::None | Ns::V | Ns::Mc)
        && !local.starts_with("rsid")
        && !matches!(local, "paraId" | "textId" | "author" | "date")
}

/// Parses `bytes` (the part `part`) into a tree, counting its elements into `elements`.
pub(super) fn parse(
    bytes: &[u8],
    part: &str,
    elements: &Cell<usize>,
    filter: &Filter,
) -> Result<Tree, Problem> {
    let mut reader = NsReader::from_reader(bytes);
    {
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.trim_text(false);
        config.check_end_names = true;
    }
    let mut builder = Builder {
        nodes: vec![Node {
            ns: Ns::Other,
            name: 0,
            attrs: Vec::new(),
            children: Vec::new(),
            text: String::new(),
        }],
        names: Vec::new(),
        index: HashMap::new(),
    };
    builder.name("");
    // The open elements (ids); a skipped subtree is counted by depth only.
    let mut open: Vec<u32> = Vec::new();
    let mut skipping: usize = 0;
    let mut keep_text: Vec<bool> = Vec::new();
    let mut root_seen = false;
    let mut buf = Vec::new();
    let error = |e: &dyn std::fmt::Display| Problem::unreadable(Some(part), e);
    loop {
        buf.clear();
        let (resolved, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| error(&e))?;
        match event {
            Event::Start(start) => {
                if open.len() + skipping >= limits::DEPTH {
                    return Err(Problem::TooDeep {
                        part: part.to_string(),
                    });
                }
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                let ns = match resolved {
                    ResolveResult::Bound(n) => namespace(n.as_ref()),
                    _ => Ns::None,
                };
                let local = start.local_name().as_ref().to_string();
                let count = elements.get() + 1;
                if count > limits::ELEMENTS {
                    return Err(Problem::TooManyElements {
                        part: part.to_string(),
                    });
                }
                elements.set(count);
                let attrs = attributes(&reader, &start, &mut builder, part)?;
                let name = builder.name(&local);
                let id = builder.nodes.len() as u32;
                builder.nodes.push(Node {
                    ns,
                    name,
                    attrs,
                    children: Vec::new(),
                    text: String::new(),
                });
                let parent = match open.last() {
                    Some(&p) => p,
                    None => {
                        if root_seen {
                            return Err(error(&"more than one document element"));
                        }
                        root_seen = true;
                        // The document element takes the root's place.
                        builder.nodes.swap(0, id as usize);
                        builder.nodes.pop();
                        open.push(0);
                        keep_text.push((filter.text)(ns, &local));
                        continue;
                    }
                };
                builder.nodes[parent as usize].children.push(id);
                if (filter.shallow)(ns, &local) || ns == Ns::Other {
                    // Its content is not read (for an unknown namespace: Word's extension
                    // data); the element itself says it was there.
                    skipping = 1;
                    continue;
                }
                open.push(id);
                keep_text.push((filter.text)(ns, &local));
            }
            Event::End(_) => {
                if skipping > 0 {
                    skipping -= 1;
                } else {
                    open.pop();
                    keep_text.pop();
                }
            }
            Event::Text(text) => {
                if skipping == 0 && keep_text.last() == Some(&true) {
                    if let Some(&id) = open.last() {
                        builder.nodes[id as usize]
                            .text
                            .push_str(&text.xml10_content());
                    }
                }
            }
            Event::CData(text) => {
                if skipping == 0 && keep_text.last() == Some(&true) {
                    if let Some(&id) = open.last() {
                        builder.nodes[id as usize]
                            .text
                            .push_str(&text.xml10_content());
                    }
                }
            }
            Event::GeneralRef(reference) => {
                let c = if reference.is_char_ref() {
                    reference.resolve_char_ref().map_err(|e| error(&e))?
                } else {
                    match &*reference.xml10_content() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        other => {
                            return Err(error(&format!("undeclared entity &{other};")));
                        }
                    }
                };
                if skipping == 0 && keep_text.last() == Some(&true) {
                    if let (Some(c), Some(&id)) = (c, open.last()) {
                        builder.nodes[id as usize].text.push(c);
                    }
                }
            }
            Event::DocType(_) => {
                return Err(Problem::Dtd {
                    part: part.to_string(),
                })
            }
            Event::Empty(_) => {} // expanded into Start and End
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if !open.is_empty() {
        return Err(error(&"the part ends inside an element"));
    }
    Ok(Tree {
        nodes: builder.nodes,
        names: builder.names,
    })
}

fn attributes<R>(
    reader: &NsReader<R>,
    start: &BytesStart<'_>,
    builder: &mut Builder,
    part: &str,
) -> Result<Vec<Attr>, Problem> {
    let mut attrs = Vec::new();
    for attr in start.attributes().with_checks(false) {
        let attr = attr.map_err(|e| Problem::unreadable(Some(part), e))?;
        let key = attr.key;
        if key.as_ref().starts_with("xmlns") {
            continue;
        }
        let (resolved, local) = reader.resolver().resolve_attribute(key);
        let ns = match resolved {
            ResolveResult::Bound(n) => namespace(n.as_ref()),
            _ => Ns::None,
        };
        let local = local.as_ref();
        if !attribute_wanted(ns, local) {
            continue;
        }
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| Problem::unreadable(Some(part), e))?;
        let name = builder.name(local);
        attrs.push(Attr {
            ns,
            name,
            value: value.into_owned().into_boxed_str(),
        });
    }
    Ok(attrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(xml: &str) -> Result<Tree, Problem> {
        parse(xml.as_bytes(), "word/document.xml", &Cell::new(0), &ALL)
    }

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    #[test]
    fn names_are_read_by_namespace_not_prefix() {
        let t = tree(&format!(
            r#"<x:document xmlns:x="{W}"><x:body><x:p><x:r><x:t xml:space="preserve"> 甲&amp;乙&#x4E19; </x:t></x:r></x:p></x:body></x:document>"#
        ))
        .unwrap();
        let root = t.root();
        assert!(root.is_w("document"));
        let t_el = root.descendants(&|e| e.is_w("t"))[0];
        assert_eq!(t_el.text(), " 甲&乙丙 ");
    }

    #[test]
    fn a_document_type_is_refused_before_any_entity_is_read() {
        let bomb = format!(
            r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document xmlns:w="{W}"><w:body>&lol2;</w:body></w:document>"#
        );
        assert_eq!(
            tree(&bomb).err(),
            Some(Problem::Dtd {
                part: "word/document.xml".into()
            })
        );
        let undeclared = format!(r#"<w:document xmlns:w="{W}"><w:t>&lol;</w:t></w:document>"#);
        assert!(matches!(tree(&undeclared), Err(Problem::Unreadable { .. })));
    }

    #[test]
    fn depth_and_element_count_are_limited() {
        let deep = format!(
            "<w:document xmlns:w=\"{W}\">{}{}</w:document>",
            "<w:p>".repeat(limits::DEPTH + 1),
            "</w:p>".repeat(limits::DEPTH + 1)
        );
        assert!(matches!(tree(&deep), Err(Problem::TooDeep { .. })));
        let count = Cell::new(limits::ELEMENTS - 1);
        let many = format!("<w:document xmlns:w=\"{W}\"><w:p/><w:p/></w:document>");
        assert!(matches!(
            parse(many.as_bytes(), "p", &count, &ALL),
            Err(Problem::TooManyElements { .. })
        ));
    }

    #[test]
    fn unknown_extensions_and_revision_ids_are_dropped() {
        let t = tree(&format!(
            r#"<w:document xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:p w:rsidR="00AB" w14:paraId="1"><w14:checkbox><w:t>x</w:t></w14:checkbox><w:pPr><w:jc w:val="center"/></w:pPr></w:p></w:document>"#
        ))
        .unwrap();
        let p = t.root().children().next().unwrap();
        assert!(p.attr("rsidR").is_none() && p.attr("paraId").is_none());
        assert_eq!(p.w("pPr").and_then(|pr| pr.w_val("jc")), Some("center"));
        assert!(p.descendants(&|e| e.is_w("t")).is_empty());
    }
}
