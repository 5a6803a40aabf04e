//! `stdportal init DIR`: a small working site with the default theme, ready to build.

use std::fs;
use std::path::Path;

pub mod workbook;

use crate::error::io_error;
use crate::error::Diagnostic;
use crate::t;
use crate::theme::THEME_FILES;

const SITE_FILES: &[(&str, &str)] = &[
    (
        "config.toml",
        r#"title = "我的标准化门户"
description = "标准化政策文件与目标进展。"
base_url = "https://example.gov.cn/"
default_script = "zh-Hans"
traditional_profile = "s2tw"   # 繁体字形：s2tw（台湾字形，默认）、s2hk（香港字形）、s2t（OpenCC 字形）
theme = "default"

[footer]
sponsor = "（主办单位）"
contact = "（联系方式）"
site_code = "（网站标识码）"
icp = "（ICP备案号）"
police_record = "（公安备案号）"
"#,
    ),
    (
        "content/_index.md",
        "+++\ntitle = \"首页\"\n+++\n",
    ),
    (
        "content/policies/_index.md",
        "+++\ntitle = \"政策文件\"\ndescription = \"本市发布的标准化政策文件。\"\nsort_by = \"date\"\n+++\n",
    ),
    (
        "content/policies/example-plan.md",
        r#"+++
title = "示例市标准化发展规划"
description = "这是一个示例页面：把它换成你的文件。"
date = 2024-01-15
city = "example"
kind = "policy"
issuer = "示例市人民政府"
topics = ["标准化"]
+++

## 一、总体要求

在这里用 Markdown 书写正文。长句可以换行书写,
中文之间的换行不会变成空格。

{{ indicator(city="example", id="local-standards") }}
"#,
    ),
    (
        "data/dictionary.toml",
        "# 简繁转换的专用词表：自动转换写错的人名、地名、专用词，在这里写上正确的写法。\n\
         # [to_hant] 下写 \"简体\" = \"繁体\"，[to_hans] 下写 \"繁体\" = \"简体\"；左右相同表示这个词不要转换。\n\
         # 例如：\"范先生\" = \"范先生\"\n\
         [to_hans]\n[to_hant]\n",
    ),
];

/// Where `init` puts its example data: one workbook, a sheet for each table, Chinese headers.
pub const EXAMPLE_WORKBOOK: &str = "data/数据.xlsx";

/// The example data: the city, its target and one measured value.
fn example_workbook() -> Vec<workbook::SheetData<'static>> {
    use crate::data::columns::{
        CITY_SHEET_HEADERS, INDICATOR_SHEET_HEADERS, OBSERVATION_SHEET_HEADERS,
    };
    use workbook::{SheetData, Value::Number as N, Value::Text as T};
    vec![
        SheetData {
            name: "城市",
            headers: &CITY_SHEET_HEADERS,
            rows: vec![vec![
                T("example"),
                T("示例市"),
                T("示例省"),
                T("示例城市。"),
            ]],
        },
        SheetData {
            name: "指标",
            headers: &INDICATOR_SHEET_HEADERS,
            rows: vec![vec![
                T("local-standards"),
                T("example"),
                T("example-plan"),
                T("标准"),
                T("地方标准"),
                T("项"),
                N(10.0),
                N(2023.0),
                N(30.0),
                N(2026.0),
                T("不低于"),
                T("预期性"),
                T("example-plan"),
                T(""),
            ]],
        },
        SheetData {
            name: "观测",
            headers: &OBSERVATION_SHEET_HEADERS,
            rows: vec![vec![
                T("example"),
                T("local-standards"),
                N(2024.0),
                N(16.0),
                T("示例数据"),
            ]],
        },
    ]
}

/// Writes a new site into `dir`, which must not exist yet or be empty.
pub fn scaffold(dir: &Path) -> Result<(), Diagnostic> {
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Diagnostic::new(dir, t!("init-folder-not-empty"))
            .hint(t!("init-folder-not-empty-hint")));
    }
    let theme_files = THEME_FILES
        .iter()
        .map(|(p, t)| (format!("themes/default/{p}"), *t));
    let site_files = SITE_FILES.iter().map(|(p, t)| (p.to_string(), *t));
    for (path, text) in site_files.chain(theme_files) {
        let target = dir.join(&path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::new(
                    parent,
                    t!("init-cannot-create-folder", error = io_error(&e)),
                )
            })?;
        }
        fs::write(&target, text)
            .map_err(|e| Diagnostic::new(&target, t!("init-cannot-write", error = io_error(&e))))?;
    }
    let target = dir.join(EXAMPLE_WORKBOOK);
    let bytes = workbook::xlsx(&example_workbook()).map_err(|e| {
        Diagnostic::new(
            &target,
            t!("init-cannot-make-workbook", error = e.to_string()),
        )
    })?;
    fs::write(&target, bytes)
        .map_err(|e| Diagnostic::new(&target, t!("init-cannot-write", error = io_error(&e))))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file added to the default theme must also be added here, or `init` would ship a
    /// theme without it.
    #[test]
    fn every_theme_file_is_built_in() {
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        for entry in walkdir::WalkDir::new(&theme).into_iter().flatten() {
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(&theme)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                assert!(
                    THEME_FILES.iter().any(|(p, _)| *p == rel),
                    "{rel} is missing from THEME_FILES"
                );
            }
        }
    }

    #[test]
    fn refuses_a_folder_that_has_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x"), "").unwrap();
        assert!(scaffold(dir.path()).is_err());
    }
}
