//! The catalogues agree: every message is in all three, with the same placeholders, and every
//! message the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

type Messages = BTreeMap<String, BTreeSet<String>>;

/// Message id → the placeholders its text uses (in the value and any plural variant), over
/// all the files of a language.
fn messages(lang: Lang, sources: &[&str]) -> Messages {
    let mut messages = BTreeMap::new();
    for (file, source) in FILES.iter().zip(sources) {
        add_messages(&format!("{lang}/{file}.ftl"), source, &mut messages);
    }
    messages
}

fn add_messages(lang: &str, source: &str, messages: &mut Messages) {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{lang}: catalogue does not parse: {errors:?}"));
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                assert!(
                    m.attributes.is_empty(),
                    "{lang}: {}: no attributes, please",
                    m.id.name
                );
                let id = m.id.name.to_string();
                assert!(
                    messages.insert(id.clone(), vars).is_none(),
                    "{lang}: {id} twice"
                );
            }
            ast::Entry::Junk { content } => panic!("{lang}: not a message: {content}"),
            _ => {}
        }
    }
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        _ => {}
    }
}

fn all() -> Vec<(Lang, Messages)> {
    CATALOGUES
        .iter()
        .map(|(lang, source)| (*lang, messages(*lang, source)))
        .collect()
}

/// Each language's folder holds exactly the files `catalogues!` builds in, and a message is in
/// the file of the same subject in every language (so a translator finds it where English has it).
#[test]
fn every_language_has_the_same_files_with_the_same_messages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for (lang, sources) in &CATALOGUES {
        let mut on_disk: Vec<String> = std::fs::read_dir(root.join(lang.tag()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut declared: Vec<String> = FILES.iter().map(|f| format!("{f}.ftl")).collect();
        declared.sort();
        assert_eq!(
            on_disk, declared,
            "locales/{lang}/ and catalogues!() differ"
        );
        for (i, file) in FILES.iter().enumerate() {
            let ids = |source: &str| {
                let mut m = Messages::new();
                add_messages(file, source, &mut m);
                m.into_keys().collect::<Vec<_>>()
            };
            assert_eq!(
                ids(sources[i]),
                ids(CATALOGUES[2].1[i]),
                "locales/{lang}/{file}.ftl and locales/en/{file}.ftl hold other messages"
            );
        }
    }
}

#[test]
fn every_message_is_in_every_catalogue() {
    let all = all();
    let (_, english) = &all[2];
    for (lang, catalogue) in &all {
        let missing: Vec<_> = english
            .keys()
            .filter(|id| !catalogue.contains_key(*id))
            .collect();
        let extra: Vec<_> = catalogue
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages English lacks: {extra:?}"
        );
    }
}

#[test]
fn placeholders_match_across_catalogues() {
    let all = all();
    let (_, english) = &all[2];
    for (lang, catalogue) in &all {
        for (id, vars) in catalogue {
            if let Some(en) = english.get(id) {
                assert_eq!(vars, en, "{lang}: {id} has other placeholders than English");
            }
        }
    }
}

/// `t!(` and an id in the source, as written: every id asked for exists, every id is asked for.
#[test]
fn the_code_asks_for_exactly_the_catalogue_messages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        // This file names ids in its own tests.
        let own = entry.path() == root.join("i18n/tests.rs");
        if !own && entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let in_comment = |at: usize| {
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                text[line_start..at].trim_start().starts_with("//")
            };
            for (at, _) in text.match_indices("t!(") {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' || in_comment(at) {
                    continue; // format!(, print!(, …, and examples in comments
                }
                // rustfmt may put the id on the next line.
                let rest = text[at + 3..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    let end = rest.find('"').unwrap_or(0);
                    used.insert(rest[..end].to_string());
                }
            }
            // `deferred!("id", …)`: a message said later.
            for (at, _) in text.match_indices("deferred!(") {
                let rest = text[at + 10..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    used.insert(rest[..rest.find('"').unwrap_or(0)].to_string());
                }
            }
            // `text_in(lang, "id", …)`: a message in a language of its own.
            for (at, _) in text.match_indices("text_in(") {
                let rest = &text[at..];
                let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
                if let Some((_, after)) = line.split_once('"') {
                    used.insert(after[..after.find('"').unwrap_or(0)].to_string());
                }
            }
        }
    }
    let english = messages(Lang::En, CATALOGUES[2].1);
    let unknown: Vec<_> = used
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        unknown.is_empty(),
        "asked for but in no catalogue: {unknown:?}"
    );
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !used.contains(*id) && !id.starts_with("diagnostic-"))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues but never asked for: {unused:?}"
    );
}

#[test]
fn values_fill_placeholders_and_plurals_in_each_language() {
    assert_eq!(
        text_in(Lang::En, "build-failed", &[("count", Arg::from(1usize))]),
        "The build stopped with 1 problem; the previous site in the output folder was left as it was."
    );
    assert_eq!(
        text_in(Lang::En, "build-failed", &[("count", Arg::from(2usize))]),
        "The build stopped with 2 problems; the previous site in the output folder was left as it was."
    );
    assert_eq!(
        text_in(
            Lang::ZhHans,
            "build-failed",
            &[("count", Arg::from(2usize))]
        ),
        "生成因 2 个问题而停止；输出文件夹中原来的网站保持不变。"
    );
    assert_eq!(
        text_in(
            Lang::ZhHant,
            "build-failed",
            &[("count", Arg::from(2usize))]
        ),
        "產生因 2 個問題而停止；輸出資料夾中原來的網站保持不變。"
    );
}

/// The Simplified catalogue is in Simplified characters and the Traditional one in Traditional
/// characters (a message pasted into the wrong folder, or translated only half, fails here).
#[test]
fn each_chinese_catalogue_is_in_its_own_script() {
    use crate::script::dictionary::SiteDictionary;
    use crate::script::{Converter, Script, TraditionalProfile};
    let converter = Converter::new(TraditionalProfile::S2tw, &SiteDictionary::default());
    for (lang, sources) in &CATALOGUES {
        for (file, source) in FILES.iter().zip(*sources) {
            for (n, line) in source.lines().enumerate() {
                let wrong: String = match lang {
                    Lang::ZhHans => line
                        .chars()
                        .filter(|c| converter.needs_simplifying(&c.to_string()))
                        .collect(),
                    // OpenCC turns 游 (as in 游标) into 遊 on its own: both are Traditional.
                    Lang::ZhHant => line
                        .chars()
                        .filter(|c| *c != '游')
                        .filter(|c| {
                            converter.convert(Script::Hant, &c.to_string()) != c.to_string()
                        })
                        .collect(),
                    Lang::En => String::new(),
                };
                assert!(
                    wrong.is_empty(),
                    "locales/{lang}/{file}.ftl:{}: {wrong} belong to the other script",
                    n + 1
                );
            }
        }
    }
}
