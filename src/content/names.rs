//! The names a front matter field is written with: its English name (Zola's, or the portal's
//! own) and its Chinese names in either script (`标题 = "…"`, `發文字號 = "…"`), as kinds,
//! dates and table headers are. One table per kind of file: reading renames a Chinese name to
//! the field it names, messages list the names an editor can use, and a line is found by any of
//! its names. A field the table does not have is not taken in Chinese, and a test checks that
//! every field the front matter reads (but the Zola fields refused by name) has a row.
//!
//! Adding a field is one row here (and the field itself in `frontmatter.rs`).

/// One field and its names. The first Simplified and the first Traditional name are the ones
/// messages show.
pub(crate) struct Field {
    pub english: &'static str,
    pub hans: &'static [&'static str],
    pub hant: &'static [&'static str],
}

impl Field {
    /// Every name the field is written with.
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.english)
            .chain(self.hans.iter().copied())
            .chain(self.hant.iter().copied())
    }
}

macro_rules! field {
    ($english:literal, [$($hans:literal),+], [$($hant:literal),+]) => {
        Field { english: $english, hans: &[$($hans),+], hant: &[$($hant),+] }
    };
}

/// The fields of a page, in the order messages list them (the ones an editor needs most first).
pub(crate) const PAGE: &[Field] = &[
    field!("title", ["标题"], ["標題"]),
    field!("date", ["日期"], ["日期"]),
    field!("kind", ["类别", "文件类别"], ["類別", "文件類別"]),
    field!("issuer", ["发文机关", "发布机构"], ["發文機關", "發布機構"]),
    field!("co_issuers", ["联合发文机关"], ["聯合發文機關"]),
    field!("doc_number", ["发文字号", "文号"], ["發文字號", "文號"]),
    field!("written", ["成文日期"], ["成文日期"]),
    field!("signers", ["签发人"], ["簽發人"]),
    field!("recipients", ["主送", "主送机关"], ["主送", "主送機關"]),
    field!("copy_to", ["抄送", "抄送机关"], ["抄送", "抄送機關"]),
    field!("published", ["发布日期"], ["發布日期"]),
    field!("index_no", ["索引号"], ["索引號"]),
    field!("validity", ["有效性"], ["有效性"]),
    field!("superseded_by", ["替代文件"], ["替代文件"]),
    field!("amends", ["被修改文件"], ["被修改文件"]),
    field!("source", ["来源"], ["來源"]),
    field!(
        "topics",
        ["主题分类", "主题", "主题词"],
        ["主題分類", "主題", "主題詞"]
    ),
    field!("city", ["城市"], ["城市"]),
    field!("description", ["摘要", "简介"], ["摘要", "簡介"]),
    field!("related", ["相关文件"], ["相關文件"]),
    field!("references", ["引用文件"], ["引用文件"]),
    field!("attachments", ["附件"], ["附件"]),
    field!("authors", ["作者"], ["作者"]),
    field!("updated", ["更新日期"], ["更新日期"]),
    field!("draft", ["草稿"], ["草稿"]),
    field!("slug", ["页面地址名"], ["頁面網址名", "頁面地址名"]),
    field!("aliases", ["旧地址"], ["舊網址", "舊地址"]),
    field!("weight", ["顺序", "权重"], ["順序", "權重"]),
    field!("template", ["模板"], ["模板", "範本"]),
    field!("in_search_index", ["参与搜索"], ["參與搜尋", "參與搜索"]),
    field!("source_variant", ["原文用语"], ["原文用語"]),
    field!("allow_raw_html", ["保留网页代码"], ["保留網頁代碼"]),
    field!("taxonomies", ["分类"], ["分類"]),
    field!("extra", ["其他"], ["其他"]),
];

/// The fields of a section (`_index.md`).
pub(crate) const SECTION: &[Field] = &[
    field!("title", ["标题"], ["標題"]),
    field!("description", ["摘要", "简介"], ["摘要", "簡介"]),
    field!("sort_by", ["排序方式"], ["排序方式"]),
    field!("paginate_by", ["每页条数"], ["每頁筆數", "每頁條數"]),
    field!("paginate_reversed", ["倒序"], ["倒序"]),
    field!("weight", ["顺序", "权重"], ["順序", "權重"]),
    field!("draft", ["草稿"], ["草稿"]),
    field!("template", ["模板"], ["模板", "範本"]),
    field!("page_template", ["页面模板"], ["頁面模板", "頁面範本"]),
    field!("aliases", ["旧地址"], ["舊網址", "舊地址"]),
    field!("in_search_index", ["参与搜索"], ["參與搜尋", "參與搜索"]),
    field!("extra", ["其他"], ["其他"]),
];

/// The field a name names (`标题` → `title`; an English name names itself).
pub(crate) fn field_of<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.names().any(|n| n == name))
}

/// Every name of the field `english` (none when the table has no such field).
pub(crate) fn names_of(fields: &[Field], english: &str) -> Vec<&'static str> {
    match fields.iter().find(|f| f.english == english) {
        Some(field) => field.names().collect(),
        None => Vec::new(),
    }
}

/// A field as the editor's language shows it: `标题（title）`, `標題（title）`, `title (标题)`.
pub(crate) fn shown(field: &Field) -> String {
    use crate::i18n::{language, Lang};
    match language() {
        Lang::ZhHans => format!("{}（{}）", field.hans[0], field.english),
        Lang::ZhHant => format!("{}（{}）", field.hant[0], field.english),
        Lang::En => format!("{} ({})", field.english, field.hans[0]),
    }
}

/// A field written by any of its names, as the editor's language shows it (for a name the
/// table does not have, the name itself).
pub(crate) fn shown_name(fields: &[Field], name: &str) -> String {
    field_of(fields, name).map_or_else(|| name.to_string(), shown)
}

/// Every field, as the editor's language lists them: `标题（title）、日期（date）…`.
pub(crate) fn listed(fields: &[Field]) -> String {
    let separator = crate::t!("field-list-separator");
    fields
        .iter()
        .map(shown)
        .collect::<Vec<_>>()
        .join(&separator)
}

/// The name nearest to a misspelt one. A Chinese name of two characters is never near
/// another (主送 is not a misspelt 主题), a longer one one character away is (发文字好).
pub(crate) fn nearest(fields: &[Field], name: &str) -> Option<&'static str> {
    let near = crate::nearest::closest(name, fields.iter().flat_map(|f| f.names()))?;
    if name.is_ascii() {
        return Some(near);
    }
    (name.chars().count() >= 3 && crate::nearest::edit_distance(name, near) <= 1).then_some(near)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_names_one_field() {
        for table in [PAGE, SECTION] {
            let mut seen = std::collections::HashMap::new();
            for field in table {
                assert!(!field.hans.is_empty() && !field.hant.is_empty());
                for name in field.names() {
                    if let Some(other) = seen.insert(name, field.english) {
                        assert_eq!(other, field.english, "{name} names two fields");
                    }
                }
            }
        }
    }

    /// The fields serde reads for `T` (the names `deserialize_struct` is given).
    fn serde_fields<T: for<'de> serde::Deserialize<'de>>() -> Vec<&'static str> {
        use serde::de::{value::Error, Deserializer, Error as _, Visitor};
        struct Fields<'a>(&'a std::cell::RefCell<Vec<&'static str>>);
        impl<'de> Deserializer<'de> for Fields<'_> {
            type Error = Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
                Err(Error::custom("only a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Error> {
                self.0.borrow_mut().extend_from_slice(fields);
                Err(Error::custom("seen"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
                identifier ignored_any
            }
        }
        let seen = std::cell::RefCell::new(Vec::new());
        let _ = T::deserialize(Fields(&seen));
        seen.into_inner()
    }

    #[test]
    fn every_field_read_has_its_names_and_every_name_a_field() {
        use crate::content::frontmatter::{PageFrontMatter, SectionFrontMatter};
        // Zola's fields, refused by name with what to do instead: no Chinese names.
        let refused = [
            "render",
            "path",
            "redirect_to",
            "transparent",
            "paginate_path",
            "insert_anchor_links",
            "generate_feeds",
        ];
        for (read, table) in [
            (serde_fields::<PageFrontMatter>(), PAGE),
            (serde_fields::<SectionFrontMatter>(), SECTION),
        ] {
            assert!(read.contains(&"title"), "{read:?}");
            for field in read.iter().filter(|f| !refused.contains(f)) {
                assert!(
                    table.iter().any(|f| f.english == *field),
                    "the field {field} has no row in the names table"
                );
            }
            for field in table {
                assert!(
                    read.contains(&field.english),
                    "{} is not read",
                    field.english
                );
            }
        }
    }

    #[test]
    fn names_are_in_their_script() {
        use crate::script::{Converter, Script, SiteDictionary, TraditionalProfile};
        let converter = Converter::new(TraditionalProfile::S2tw, &SiteDictionary::default());
        for field in PAGE.iter().chain(SECTION) {
            for name in field.hans {
                assert_eq!(converter.simplified(name), *name, "{name}");
            }
            for name in field.hant {
                assert_eq!(converter.convert(Script::Hant, name), *name, "{name}");
            }
        }
    }
}
