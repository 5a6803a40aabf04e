//! Brings every text the site was written with to Simplified, once, when the site is loaded.
//!
//! Editors write in either script (the Wenzhou document is Traditional, in Taiwan forms such as
//! 為 and 發布). With every source in Simplified, zh-Hans pages need no conversion at all, and
//! zh-Hant pages are converted once, from Simplified, so their character forms are the same
//! whatever script each source was written in (with `s2t`, 爲 everywhere, not 為 on one page
//! and 爲 on the next). Texts that are already Simplified are found by a fast scan and left alone.

use crate::config::Config;
use crate::content::frontmatter::SourceVariant;
use crate::content::{Page, Section};
use crate::data::{Data, SourceRef};
use crate::error::Diagnostic;
use crate::script::html::convert_html;
use crate::script::{Converter, Script};

fn text(converter: &Converter, value: &mut String) {
    if converter.needs_simplifying(value) {
        *value = converter.convert(Script::Hans, value);
    }
}

fn optional(converter: &Converter, value: &mut Option<String>) {
    if let Some(v) = value {
        text(converter, v);
    }
}

fn source(converter: &Converter, value: &mut Option<SourceRef>) {
    if let Some(s) = value {
        text(converter, &mut s.quote);
    }
}

pub(crate) fn config(converter: &Converter, config: &mut Config) {
    let footer = &mut config.footer;
    for value in [
        &mut config.title,
        &mut config.description,
        &mut footer.sponsor,
        &mut footer.organizer,
        &mut footer.contact,
        &mut footer.site_code,
        &mut footer.icp,
        &mut footer.police_record,
        &mut footer.address,
        &mut footer.copyright,
    ] {
        text(converter, value);
    }
}

pub(crate) fn data(converter: &Converter, data: &mut Data) {
    for city in &mut data.cities {
        for value in [&mut city.name, &mut city.province, &mut city.introduction] {
            text(converter, value);
        }
    }
    for ind in &mut data.indicators {
        for value in [&mut ind.domain, &mut ind.name, &mut ind.unit] {
            text(converter, value);
        }
        optional(converter, &mut ind.kind);
        source(converter, &mut ind.source);
    }
    for obs in &mut data.observations {
        text(converter, &mut obs.source);
    }
    for a in &mut data.achievements {
        for value in [&mut a.category, &mut a.name, &mut a.unit] {
            text(converter, value);
        }
        optional(converter, &mut a.level);
        source(converter, &mut a.source);
    }
}

/// A label of the theme or the site (see [`crate::labels`]).
pub(crate) fn label(converter: &Converter, value: &mut String) {
    text(converter, value);
}

/// Rendered HTML (text only, never markup), from the page `file`.
fn html(converter: &Converter, html: String, file: &std::path::Path) -> Result<String, Diagnostic> {
    if converter.needs_simplifying(&html) {
        convert_html(converter, Script::Hans, &html).map_err(|m| Diagnostic::new(file, m))
    } else {
        Ok(html)
    }
}

/// One page: its HTML (text only, never markup) and every text field shown. (Its length was
/// counted on its Simplified text as it was rendered, see `content::Prepare::as_published`.)
pub(crate) fn page(converter: &Converter, page: &mut Page) -> Result<(), Diagnostic> {
    // A source with Taiwan vocabulary is brought to the mainland's with it (tw2sp).
    let taiwan = match page.meta.source_variant {
        Some(SourceVariant::Taiwan) => true,
        Some(SourceVariant::Mainland) => false,
        None => Converter::reads_as_taiwan(&page.html),
    };
    let from_taiwan;
    let converter = if taiwan {
        from_taiwan = converter.from_taiwan();
        &from_taiwan
    } else {
        converter
    };
    page.html = html(converter, std::mem::take(&mut page.html), &page.file)?;
    let meta = &mut page.meta;
    text(converter, &mut meta.title);
    text(converter, &mut page.summary);
    for value in [
        &mut meta.description,
        &mut meta.issuer,
        &mut meta.doc_number,
        &mut meta.index_no,
        &mut meta.source,
        &mut meta.recipients,
        &mut meta.copy_to,
    ] {
        optional(converter, value);
    }
    for value in meta
        .topics
        .iter_mut()
        .chain(&mut meta.references)
        .chain(&mut meta.authors)
        .chain(&mut meta.co_issuers)
        .chain(&mut meta.signers)
        .chain(meta.taxonomies.values_mut().flatten())
    {
        text(converter, value);
    }
    // A taxonomy written in Traditional is the same taxonomy as in Simplified.
    if meta
        .taxonomies
        .keys()
        .any(|k| converter.needs_simplifying(k))
    {
        let mut taxonomies = std::collections::BTreeMap::new();
        for (name, terms) in std::mem::take(&mut meta.taxonomies) {
            let name = converter.convert(Script::Hans, &name);
            let all: &mut Vec<String> = taxonomies.entry(name).or_default();
            all.extend(terms);
        }
        meta.taxonomies = taxonomies;
    }
    for heading in &mut page.toc {
        text(converter, &mut heading.title);
    }
    Ok(())
}

/// A section: its title, description and text.
pub(crate) fn section(converter: &Converter, section: &mut Section) -> Result<(), Diagnostic> {
    text(converter, &mut section.meta.title);
    optional(converter, &mut section.meta.description);
    let file = section.file.clone().unwrap_or_default();
    section.html = html(converter, std::mem::take(&mut section.html), &file)?;
    Ok(())
}
