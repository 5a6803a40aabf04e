//! TOML front matter between `+++` lines, with Zola's basic fields and the portal's own.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use super::{keys, names};
use crate::choices::{pick, Choice};
use crate::date::PartialDate;
use crate::error::Diagnostic;
use crate::mistakes::toml_diagnostic_mapped;
use crate::t;

/// The front matter of a page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) date: Option<PartialDate>,
    #[serde(default)]
    pub(crate) updated: Option<PartialDate>,
    #[serde(default)]
    pub(crate) slug: Option<String>,
    #[serde(default)]
    pub(crate) draft: bool,
    #[serde(default)]
    pub(crate) weight: Option<i64>,
    #[serde(default)]
    pub(crate) template: Option<String>,
    /// Id of a city in `data/cities`.
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub(crate) kind: Option<DocumentKind>,
    /// 发布机构
    #[serde(default)]
    pub issuer: Option<String>,
    /// The other organs of a joint document (联合行文), after `issuer`; the page is listed
    /// under each of them too.
    #[serde(default)]
    pub co_issuers: Vec<String>,
    /// 签发人
    #[serde(default)]
    pub signers: Vec<String>,
    /// 主送机关: shown flush left above the text (GB/T 9704 sets it so), unless the text
    /// starts with it already.
    #[serde(default)]
    pub recipients: Option<String>,
    /// Raw HTML in this page's body is published (through the allow-list) as with the site's
    /// `allow_raw_html`: `stdportal import` sets it on a page whose Word tables have merged
    /// cells (written as HTML tables).
    #[serde(default)]
    pub allow_raw_html: bool,
    /// 抄送机关: shown after the text.
    #[serde(default)]
    pub copy_to: Option<String>,
    /// 成文日期: the day the document was signed, which may come before it was published.
    #[serde(default)]
    pub written: Option<PartialDate>,
    /// 发文字号
    #[serde(default)]
    pub doc_number: Option<String>,
    /// 索引号
    #[serde(default)]
    pub index_no: Option<String>,
    /// 发布日期 of the document itself.
    #[serde(default)]
    pub published: Option<PartialDate>,
    /// 主题分类
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub(crate) validity: Option<Validity>,
    /// 来源
    #[serde(default)]
    pub source: Option<String>,
    /// 替代文件: slugs of the documents that replace this one (it is 已废止 or 已失效).
    #[serde(default, deserialize_with = "one_or_more")]
    pub superseded_by: Vec<String>,
    /// 被修改文件: slugs of the documents this one amends (each is shown as 已修改 by it).
    #[serde(default, deserialize_with = "one_or_more")]
    pub amends: Vec<String>,
    /// Slugs of linked pages (an interpretation and its original document, …).
    #[serde(default)]
    pub related: Vec<String>,
    /// Documents the text cites, as written.
    #[serde(default)]
    pub references: Vec<String>,
    /// Zola's taxonomies: `topics` adds to the topics above; any other taxonomy (`tags = […]`)
    /// gets lists of its own, at `/tags/` and `/tags/<term>/`.
    #[serde(default)]
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Earlier addresses of the page (`/old/path/`): each becomes a page that sends the reader
    /// here, so links to a moved page keep working.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `false` keeps the page out of the search index, `true` keeps it in even when its
    /// section says `false` (Zola's name). Unset: as its section says (see
    /// [`crate::site::Site::in_search_index`]).
    #[serde(default)]
    pub in_search_index: Option<bool>,
    #[serde(default)]
    pub(crate) authors: Vec<String>,
    /// The vocabulary of a source written in Traditional: `"tw"` when it reads as Taiwan's
    /// (網際網路, 數位: converted to Simplified through OpenCC's tw2sp), `"cn"` when it never
    /// does. Unset: found from the text ([`crate::script::Converter::reads_as_taiwan`]).
    #[serde(default)]
    pub source_variant: Option<SourceVariant>,
    /// 附件: files published with the page (beside it, `@/…` in `content/`, or `/…` from the
    /// site's root), listed with their name, type and size.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Zola's `render`: refused by name (see `refuse_zola_page_fields` in `fields.rs`).
    #[serde(default, rename = "render")]
    pub zola_render: Option<toml::Value>,
    /// Zola's `path`: refused by name (see `refuse_zola_page_fields` in `fields.rs`).
    #[serde(default, rename = "path")]
    pub zola_path: Option<toml::Value>,
    #[serde(default)]
    pub(crate) extra: toml::Table,
}

/// A list of slugs, or one slug written without brackets (`superseded_by = "new-plan"`).
fn one_or_more<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMore;
    impl<'de> serde::de::Visitor<'de> for OneOrMore {
        type Value = Vec<String>;
        // Said as serde says a type, so that the message names it in the editor's words.
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, one: &str) -> Result<Self::Value, E> {
            Ok(vec![one.to_string()])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut more = Vec::new();
            while let Some(one) = seq.next_element::<String>()? {
                more.push(one);
            }
            Ok(more)
        }
    }
    d.deserialize_any(OneOrMore)
}

/// Which vocabulary a Traditional source uses (`source_variant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum SourceVariant {
    /// Taiwan's: 網際網路, 數位化, 最佳化.
    #[serde(rename = "tw")]
    Taiwan,
    /// The mainland's (or Hong Kong's): converted with t2s only.
    #[serde(rename = "cn")]
    Mainland,
}

/// The front matter of a section (`_index.md`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    #[serde(default)]
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) sort_by: SortBy,
    #[serde(default)]
    pub(crate) weight: Option<i64>,
    #[serde(default)]
    pub(crate) template: Option<String>,
    /// The template of the section's pages (unless a page names its own).
    #[serde(default)]
    pub page_template: Option<String>,
    /// 草稿 (`draft`) in `_index.md`: read so that FORMAT.md's field is accepted, but not acted on —
    /// the section is published all the same (each page's own `draft` counts).
    #[serde(default)]
    pub draft: bool,
    /// How many pages each page of the list shows (the site's `paginate_by` otherwise; 0 shows
    /// them all on one page).
    #[serde(default)]
    pub paginate_by: Option<usize>,
    /// List the pages in the reverse of `sort_by`.
    #[serde(default)]
    pub paginate_reversed: bool,
    /// Earlier addresses of the section, each redirected here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `false` keeps the section's pages (and those of its subsections) out of the search
    /// index unless a page or a nearer section says otherwise, as in Zola. List pages
    /// themselves are never in the index.
    #[serde(default)]
    pub in_search_index: Option<bool>,
    /// Zola section fields stdportal does not take, refused by name (see
    /// `refuse_zola_section_fields` in `fields.rs`): read here so that the error says what to
    /// do instead of calling them misspelt.
    #[serde(default, rename = "render")]
    pub zola_render: Option<toml::Value>,
    #[serde(default, rename = "redirect_to")]
    pub(crate) zola_redirect_to: Option<toml::Value>,
    #[serde(default, rename = "transparent")]
    pub(crate) zola_transparent: Option<toml::Value>,
    #[serde(default, rename = "paginate_path")]
    pub(crate) zola_paginate_path: Option<toml::Value>,
    #[serde(default, rename = "insert_anchor_links")]
    pub(crate) zola_insert_anchor_links: Option<toml::Value>,
    #[serde(default, rename = "generate_feeds")]
    pub(crate) zola_generate_feeds: Option<toml::Value>,
    #[serde(default)]
    pub(crate) extra: toml::Table,
}

/// The order of a section's pages; the names are Zola's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// Newest first.
    #[default]
    Date,
    /// Most recently updated first (`updated`, else the date).
    UpdateDate,
    /// Lightest first.
    Weight,
    /// By title, character by character.
    Title,
    /// By title (Zola's byte order, which is the same order for UTF-8).
    TitleBytes,
    /// By slug, character by character.
    Slug,
    /// As the files are read (file order).
    None,
}

/// What kind of document a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// 政策解读
    Interpretation,
    /// 政策原文
    Policy,
    /// 新闻
    News,
}

impl DocumentKind {
    /// The name written in front matter, also the kind's URL segment (`kinds/policy/`).
    pub fn slug(self) -> &'static str {
        match self {
            DocumentKind::Interpretation => "interpretation",
            DocumentKind::Policy => "policy",
            DocumentKind::News => "news",
        }
    }
}

/// The names a kind is written with in front matter (`kind = "政策原文"`): the slug, or the
/// Chinese name in either script.
const KIND_NAMES: [Choice<DocumentKind>; 3] = [
    Choice {
        value: DocumentKind::Interpretation,
        names: &["interpretation", "政策解读", "政策解讀"],
    },
    Choice {
        value: DocumentKind::Policy,
        names: &["policy", "政策原文", "政策文件"],
    },
    Choice {
        value: DocumentKind::News,
        names: &["news", "新闻", "新聞"],
    },
];

impl<'de> Deserialize<'de> for DocumentKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        pick("kind", &text, &KIND_NAMES).map_err(serde::de::Error::custom)
    }
}

/// Whether a document is still in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Validity {
    /// 有效 (`valid`): in force.
    #[serde(rename = "有效")]
    Valid,
    /// 已修改 (`amended`): in force, as a later document amended it.
    #[serde(rename = "已修改")]
    Amended,
    /// 已废止 (`repealed`, 已廢止): repealed; no longer in force.
    #[serde(rename = "已废止")]
    Repealed,
    /// 已失效 (`expired`): no longer in force (its term ended).
    #[serde(rename = "已失效")]
    Expired,
}

/// The names a validity is written with: Chinese in either script, or English.
const VALIDITY_NAMES: [Choice<Validity>; 4] = [
    Choice {
        value: Validity::Valid,
        names: &["有效", "valid"],
    },
    Choice {
        value: Validity::Amended,
        names: &["已修改", "amended"],
    },
    Choice {
        value: Validity::Repealed,
        names: &["已废止", "已廢止", "repealed"],
    },
    Choice {
        value: Validity::Expired,
        names: &["已失效", "expired"],
    },
];

impl<'de> Deserialize<'de> for Validity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        pick("validity", &text, &VALIDITY_NAMES).map_err(serde::de::Error::custom)
    }
}

impl Validity {
    /// The validity's URL segment (`validity/repealed/`).
    pub fn slug(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Amended => "amended",
            Validity::Repealed => "repealed",
            Validity::Expired => "expired",
        }
    }
}

/// A file split into its front matter and body.
pub struct Split<'a> {
    pub(crate) front_matter: &'a str,
    /// The file line the front matter's first line is on.
    pub front_matter_line: usize,
    pub(crate) body: &'a str,
    /// The file line the body starts on.
    pub body_line: usize,
}

/// Splits `+++` front matter from the Markdown body.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "+++" {
        return Err(Diagnostic::new(path, t!("front-matter-missing"))
            .at(1, 1)
            .hint(t!("front-matter-missing-hint")));
    }
    let rest = &text[first_line_end..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front_matter = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                front_matter,
                front_matter_line: 2,
                body,
                body_line: 3 + front_matter.matches('\n').count(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(path, t!("front-matter-unclosed"))
        .at(1, 1)
        .hint(t!("front-matter-unclosed-hint")))
}

/// A kind of front matter and the names its fields are written with.
pub(crate) trait Named {
    const FIELDS: &'static [super::names::Field];
}

impl Named for PageFrontMatter {
    const FIELDS: &'static [super::names::Field] = super::names::PAGE;
}

impl Named for SectionFrontMatter {
    const FIELDS: &'static [super::names::Field] = super::names::SECTION;
}

/// A page's front matter, its fields read by any of their names.
pub fn parse_page(path: &Path, split: &Split<'_>) -> Result<PageFrontMatter, Diagnostic> {
    parse(path, split)
}

/// A section's front matter, its fields read by any of their names.
pub fn parse_section(path: &Path, split: &Split<'_>) -> Result<SectionFrontMatter, Diagnostic> {
    parse(path, split)
}

/// Parses front matter TOML into `T`, placing errors on the right file line. A field may be
/// written by any of its names (`标题 = "…"`, bare or quoted): each is read as the field it
/// names.
pub(crate) fn parse<T: serde::de::DeserializeOwned + Named>(
    path: &Path,
    split: &Split<'_>,
) -> Result<T, Diagnostic> {
    let quoted = keys::quote(split.front_matter);
    let problem = |e: &toml::de::Error| {
        toml_diagnostic_mapped(
            path,
            split.front_matter,
            &quoted.text,
            split.front_matter_line,
            e,
            &|offset| quoted.original(offset),
        )
    };
    let mut table = toml::de::DeTable::parse(&quoted.text).map_err(|e| problem(&e))?;
    rename(path, split, &quoted, table.get_mut(), T::FIELDS)?;
    T::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let offset = e.span().map(|s| s.start);
        match field_problem(path, e.message(), T::FIELDS) {
            Some(d) => match offset {
                Some(offset) => d.at_offset(
                    split.front_matter,
                    quoted.original(offset),
                    split.front_matter_line,
                ),
                None => d.at_line(split.front_matter_line),
            },
            None => problem(&e),
        }
    })
}

/// Renames each field written by another of its names to the field's own name; a field
/// written twice under two names is an error at the second.
fn rename(
    path: &Path,
    split: &Split<'_>,
    quoted: &keys::Quoted,
    table: &mut toml::de::DeTable<'_>,
    fields: &[names::Field],
) -> Result<(), Diagnostic> {
    let other_names: Vec<_> = table
        .keys()
        .filter_map(|key| {
            let field = names::field_of(fields, key.get_ref())?;
            (field.english != key.get_ref().as_ref()).then(|| (key.clone(), field))
        })
        .collect();
    for (key, field) in other_names {
        if let Some((first, _)) = table.get_key_value(field.english) {
            let (second, first) = if first.span().start < key.span().start {
                (&key, first.clone())
            } else {
                (first, key.clone())
            };
            let offset = quoted.original(second.span().start);
            return Err(Diagnostic::new(
                path,
                t!(
                    "field-twice",
                    first = first.get_ref().as_ref(),
                    second = second.get_ref().as_ref()
                ),
            )
            .at_offset(split.front_matter, offset, split.front_matter_line)
            .hint(t!("field-twice-hint")));
        }
        if let Some((_, value)) = table.remove_entry(key.get_ref().as_ref()) {
            let span = key.span();
            table.insert(
                toml::Spanned::new(span, std::borrow::Cow::Borrowed(field.english)),
                value,
            );
        }
    }
    Ok(())
}

/// serde's words for an unknown or missing field, said with the names an editor can write.
fn field_problem(path: &Path, message: &str, fields: &[names::Field]) -> Option<Diagnostic> {
    let quoted = message.split('`').nth(1).unwrap_or_default();
    if message.starts_with("unknown field") {
        let listed = names::listed(fields);
        let hint = match names::nearest(fields, quoted) {
            Some(near) => t!("field-unknown-near", near = near, fields = listed),
            None => t!("field-unknown-hint", fields = listed),
        };
        return Some(Diagnostic::new(path, t!("field-unknown", field = quoted)).hint(hint));
    }
    if message.starts_with("missing field") {
        let name =
            names::field_of(fields, quoted).map_or(quoted, |f| match crate::i18n::language() {
                crate::i18n::Lang::ZhHant => f.hant[0],
                crate::i18n::Lang::ZhHans => f.hans[0],
                crate::i18n::Lang::En => f.english,
            });
        return Some(
            Diagnostic::new(
                path,
                t!("field-missing", field = names::shown_name(fields, quoted)),
            )
            .hint(t!("field-missing-hint", name = name)),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Result<PageFrontMatter, Diagnostic> {
        let path = Path::new("content/a.md");
        let s = split(path, text)?;
        parse(path, &s)
    }

    #[test]
    fn reads_zola_and_portal_fields() {
        let fm = page(
            "+++\ntitle = \"标题\"\ndate = 2021-10-14\npublished = \"2017\"\nwritten = 2017-06-30\n\
             kind = \"policy\"\n\
             validity = \"有效\"\ntopics = [\"标准化\"]\n[extra]\nauthor = \"李志豪\"\n+++\n正文\n",
        )
        .unwrap();
        assert_eq!(fm.title, "标题");
        assert_eq!(fm.date.unwrap().to_string(), "2021-10-14");
        assert_eq!(fm.published.unwrap().to_string(), "2017");
        assert_eq!(fm.written.unwrap().to_string(), "2017-06-30");
        assert_eq!(fm.kind, Some(DocumentKind::Policy));
        assert_eq!(fm.validity, Some(Validity::Valid));
        assert_eq!(fm.extra["author"].as_str(), Some("李志豪"));
    }

    #[test]
    fn recipients_and_copy_to_under_their_chinese_names_too() {
        let fm = page(
            "+++\ntitle = \"a\"\n\"主送\" = \"各区县人民政府\"\n\"抄送\" = \"市委各部门\"\n\"签发人\" = [\"张三\"]\n+++\n",
        )
        .unwrap();
        assert_eq!(fm.recipients.as_deref(), Some("各区县人民政府"));
        assert_eq!(fm.copy_to.as_deref(), Some("市委各部门"));
        assert_eq!(fm.signers, ["张三"]);
        let fm = page("+++\ntitle = \"a\"\nrecipients = \"甲\"\ncopy_to = \"乙\"\n+++\n").unwrap();
        assert_eq!(
            (fm.recipients.as_deref(), fm.copy_to.as_deref()),
            (Some("甲"), Some("乙"))
        );
        let err =
            page("+++\ntitle = \"a\"\nrecipients = \"甲\"\n\"主送\" = \"乙\"\n+++\n").unwrap_err();
        assert!(err.message.contains("recipients"), "{err}");
    }

    #[test]
    fn unterminated_front_matter_is_reported() {
        let err = page("+++\ntitle = \"a\"\n正文\n").unwrap_err();
        assert!(err.message.contains("not closed"));
    }

    #[test]
    fn invalid_toml_points_at_the_file_line() {
        let err = page("+++\ntitle = \"a\"\ndate = \n+++\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn wrong_type_and_unknown_key_point_at_their_line() {
        let err = page("+++\ntitle = \"a\"\ndraft = \"yes\"\n+++\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = page("+++\ntitle = \"a\"\n\nauthr = \"x\"\n+++\n").unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(err.message.contains("authr"));
    }

    #[test]
    fn kinds_and_validity_in_chinese_in_either_script() {
        for (value, kind) in [
            ("政策解读", DocumentKind::Interpretation),
            ("政策解讀", DocumentKind::Interpretation),
            ("政策原文", DocumentKind::Policy),
            ("政策文件", DocumentKind::Policy),
            ("新聞", DocumentKind::News),
            ("news", DocumentKind::News),
        ] {
            let fm = page(&format!("+++\ntitle = \"a\"\nkind = \"{value}\"\n+++\n")).unwrap();
            assert_eq!(fm.kind, Some(kind), "{value}");
        }
        let fm = page("+++\ntitle = \"a\"\nvalidity = \"已廢止\"\n+++\n").unwrap();
        assert_eq!(fm.validity, Some(Validity::Repealed));
        let fm = page("+++\ntitle = \"a\"\ndate = \"2024年3月20日\"\n+++\n").unwrap();
        assert_eq!(fm.date.unwrap().to_string(), "2024-03-20");
        let err = page("+++\ntitle = \"a\"\n\nkind = \"政策\"\n+++\n").unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(
            err.message.contains(
                "\"政策\" is not a kind: it could be \"interpretation\" (政策解读, 政策解讀) or \"policy\" (政策原文, 政策文件)"
            ),
            "{err}"
        );
    }

    #[test]
    fn impossible_years_in_front_matter_point_at_their_line() {
        for value in ["0000-01-01", "\"0000\"", "1850", "\"2999-01\""] {
            for key in ["date", "updated", "published", "written"] {
                let err = page(&format!("+++\ntitle = \"a\"\n{key} = {value}\n+++\n")).unwrap_err();
                assert_eq!(err.line, Some(3), "{key} = {value}: {err}");
                assert!(err.message.contains("between 1900 and 2200"), "{err}");
            }
        }
    }
}
