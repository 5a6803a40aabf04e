//! The package around the document: which part is the document (`_rels/.rels`), what each
//! part is (`[Content_Types].xml`), what a part's `r:id`s point at (`word/_rels/*.rels`), and
//! the document's properties (`docProps/core.xml`).

use std::cell::Cell;
use std::collections::HashMap;

use super::container::{part_key, Package};
use super::problem::{Looks, Problem};
use super::xml::{self, Ns, Tree};

/// A relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rel {
    /// The last segment of its type (`image`, `hyperlink`, `footnotes`).
    pub kind: String,
    /// A part name inside the package, or an address outside it.
    pub target: String,
    pub external: bool,
}

/// The relationships of one part, by id.
#[derive(Debug, Clone, Default)]
pub(super) struct Rels(pub HashMap<String, Rel>);

impl Rels {
    pub(super) fn get(&self, id: &str) -> Option<&Rel> {
        self.0.get(id)
    }

    /// The target of the first relationship of `kind`.
    pub(super) fn target_of(&self, kind: &str) -> Option<&str> {
        let mut rels: Vec<(&String, &Rel)> =
            self.0.iter().filter(|(_, r)| r.kind == kind).collect();
        rels.sort_by(|a, b| a.0.cmp(b.0));
        rels.first()
            .filter(|(_, r)| !r.external)
            .map(|(_, r)| r.target.as_str())
    }
}

/// The document's properties from `docProps/core.xml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Properties {
    pub(crate) title: Option<String>,
    pub(crate) subject: Option<String>,
    pub(crate) creator: Option<String>,
    pub(crate) keywords: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) last_modified_by: Option<String>,
    /// As written (`2021-10-12T08:00:00Z`).
    pub created: Option<String>,
    pub(crate) modified: Option<String>,
}

/// What a `.docx` package holds besides its parts' content.
pub(super) struct Layout {
    /// The document part (`word/document.xml`).
    pub document: String,
    /// Whether it holds Word macros (a `.docm`).
    pub macros: bool,
    pub properties: Properties,
}

const MACRO_TYPE: &str = "application/vnd.ms-word.document.macroEnabled.main+xml";

/// Finds the document part, or says what the zip is instead.
pub(super) fn layout(package: &mut Package<'_>, elements: &Cell<usize>) -> Result<Layout, Problem> {
    let types = match package.xml("[Content_Types].xml")? {
        Some(bytes) => Some(xml::parse(
            &bytes,
            "[Content_Types].xml",
            elements,
            &xml::ALL,
        )?),
        None => None,
    };
    let root_rels = rels_of(package, "", elements)?;
    let document = root_rels
        .0
        .values()
        .find(|r| r.kind == "officeDocument" && !r.external)
        .map(|r| r.target.clone())
        .filter(|t| package.has(t));
    let Some(document) = document else {
        return Err(what_else(package, types.as_ref()));
    };
    if !content_type(types.as_ref(), &document)
        .is_some_and(|t| t.contains("wordprocessingml") || t == MACRO_TYPE || t.contains("ms-word"))
    {
        return Err(what_else(package, types.as_ref()));
    }
    let macros = content_type(types.as_ref(), &document).as_deref() == Some(MACRO_TYPE)
        || package
            .part_names()
            .any(|n| part_key(n).ends_with("vbaproject.bin"));
    let properties = match root_rels
        .0
        .values()
        .find(|r| r.kind == "core-properties" && !r.external)
    {
        Some(rel) => match package.xml(&rel.target)? {
            Some(bytes) => properties(&xml::parse(&bytes, &rel.target, elements, &xml::ALL)?),
            None => Properties::default(),
        },
        None => Properties::default(),
    };
    Ok(Layout {
        document,
        macros,
        properties,
    })
}

/// A zip that is no Word document: an OpenDocument text, a workbook, a presentation.
fn what_else(package: &Package<'_>, types: Option<&Tree>) -> Problem {
    let names: Vec<String> = package.part_names().map(part_key).collect();
    if names.iter().any(|n| n == "mimetype") && names.iter().any(|n| n == "content.xml") {
        return Problem::NotWord(Looks::OpenDocument);
    }
    if names.iter().any(|n| n.starts_with("xl/")) {
        return Problem::NotWord(Looks::Workbook);
    }
    if names.iter().any(|n| n.starts_with("ppt/")) {
        return Problem::NotWord(Looks::Presentation);
    }
    if types.is_some() || names.iter().any(|n| n.starts_with("word/")) {
        return Problem::NoDocument;
    }
    Problem::NotWord(Looks::Zip)
}

/// The content type of a part: its `Override`, else its extension's `Default`.
fn content_type(types: Option<&Tree>, part: &str) -> Option<String> {
    let root = types?.root();
    let key = part_key(part);
    for o in root.children().filter(|e| e.is(Ns::Types, "Override")) {
        if o.attr("PartName").is_some_and(|n| part_key(n) == key) {
            return o.attr("ContentType").map(str::to_string);
        }
    }
    let extension = key.rsplit_once('.').map(|(_, e)| e)?;
    root.children()
        .filter(|e| e.is(Ns::Types, "Default"))
        .find(|d| {
            d.attr("Extension")
                .is_some_and(|x| x.eq_ignore_ascii_case(extension))
        })
        .and_then(|d| d.attr("ContentType").map(str::to_string))
}

/// The relationships of `part` (`""` for the package's own), targets resolved to part names.
pub(super) fn rels_of(
    package: &mut Package<'_>,
    part: &str,
    elements: &Cell<usize>,
) -> Result<Rels, Problem> {
    let (folder, file) = match part.rsplit_once('/') {
        Some((folder, file)) => (folder.to_string(), file.to_string()),
        None => (String::new(), part.to_string()),
    };
    let rels_name = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let Some(bytes) = package.xml(&rels_name)? else {
        return Ok(Rels::default());
    };
    let tree = xml::parse(&bytes, &rels_name, elements, &xml::ALL)?;
    let mut rels = HashMap::new();
    for rel in tree
        .root()
        .children()
        .filter(|e| e.is(Ns::Rels, "Relationship"))
    {
        let (Some(id), Some(kind), Some(target)) =
            (rel.attr("Id"), rel.attr("Type"), rel.attr("Target"))
        else {
            continue;
        };
        let external = rel.attr("TargetMode") == Some("External");
        let target = if external {
            target.to_string()
        } else {
            match resolve(&folder, target) {
                Some(t) => t,
                None => continue,
            }
        };
        rels.insert(
            id.to_string(),
            Rel {
                kind: kind.rsplit('/').next().unwrap_or(kind).to_string(),
                target,
                external,
            },
        );
    }
    Ok(Rels(rels))
}

/// A relationship's target as a part name: relative to the part's folder, or from the package
/// root when it starts with `/`; `None` when it climbs out of the package.
fn resolve(folder: &str, target: &str) -> Option<String> {
    let target = target.replace('\\', "/");
    let target = target.split(['#', '?']).next().unwrap_or("");
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            s => segments.push(s),
        }
    }
    let decoded = percent_encoding::percent_decode_str(&segments.join("/"))
        .decode_utf8_lossy()
        .into_owned();
    (!decoded.is_empty()).then_some(decoded)
}

fn properties(tree: &Tree) -> Properties {
    let root = tree.root();
    let field = |name: &str| {
        root.children()
            .find(|e| e.is(Ns::Core, name))
            .map(|e| e.all_text().trim().to_string())
            .filter(|t| !t.is_empty())
    };
    Properties {
        title: field("title"),
        subject: field("subject"),
        creator: field("creator"),
        keywords: field("keywords"),
        description: field("description"),
        last_modified_by: field("lastModifiedBy"),
        created: field("created"),
        modified: field("modified"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_inside_the_package_only() {
        assert_eq!(
            resolve("word", "media/image1.png").as_deref(),
            Some("word/media/image1.png")
        );
        assert_eq!(
            resolve("word", "/word/styles.xml").as_deref(),
            Some("word/styles.xml")
        );
        assert_eq!(
            resolve("word", "../customXml/item1.xml").as_deref(),
            Some("customXml/item1.xml")
        );
        assert_eq!(resolve("word", "../../../etc/passwd"), None);
        assert_eq!(
            resolve("", "word/document.xml").as_deref(),
            Some("word/document.xml")
        );
        assert_eq!(
            resolve("word", "media/%E5%9B%BE.png").as_deref(),
            Some("word/media/图.png")
        );
    }
}
