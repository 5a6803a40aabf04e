//! The OpenCC engine (`stdportal::script::engine`, Aho-Corasick over OpenCC's dictionaries) gives
//! byte-identical output to `ferrous-opencc` 0.4, the implementation it replaced, for every
//! profile the site uses: on every text file of the example site, on OpenCC's published test
//! cases, on every dictionary entry alone and all together, and on random text. With a site
//! dictionary, it gives what OpenCC gives with that dictionary first in its first step.
//!
//! `assets/opencc/` and `tests/fixtures/opencc-testcases.json` are copies from the
//! `ferrous-opencc` crate: update them together, and with the `ferrous-opencc` dev-dependency.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use proptest::prelude::*;
use stdportal::script::engine::{OpenccEngine, Profile, DICTIONARY_FILES};

use crate::support::repo;

/// The `ferrous-opencc` whose dictionaries `assets/opencc/` holds (the dev-dependency).
const FERROUS_OPENCC: &str = "ferrous-opencc-0.4.0";

/// `ferrous-opencc` for each profile, loaded once.
fn reference(profile: Profile) -> &'static OpenCC {
    static REFERENCES: OnceLock<Vec<OpenCC>> = OnceLock::new();
    let all = REFERENCES.get_or_init(|| {
        Profile::ALL
            .iter()
            .map(|profile| {
                let config = match profile {
                    Profile::T2s => BuiltinConfig::T2s,
                    Profile::S2t => BuiltinConfig::S2t,
                    Profile::S2tw => BuiltinConfig::S2tw,
                    Profile::S2hk => BuiltinConfig::S2hk,
                    Profile::S2twp => BuiltinConfig::S2twp,
                    Profile::Tw2sp => BuiltinConfig::Tw2sp,
                };
                OpenCC::from_config(config).unwrap()
            })
            .collect()
    });
    let index = Profile::ALL.iter().position(|&p| p == profile).unwrap();
    &all[index]
}

/// Both engines' output for `text`, or a description of the first difference.
fn compare(profile: Profile, text: &str) -> Result<(), String> {
    let expected = reference(profile).convert(text);
    let actual = OpenccEngine::new(profile).convert(text);
    if actual == expected {
        let mut appended = String::from("x");
        OpenccEngine::new(profile).convert_into(text, &mut appended);
        if appended[1..] == expected {
            return Ok(());
        }
        return Err(format!(
            "{}: convert_into differs from convert on {text:?}",
            profile.name()
        ));
    }
    let at = actual
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), e)| a != e)
        .map_or(actual.len().min(expected.len()), |((i, _), _)| i);
    // Twenty characters either side of the first difference.
    let context = |s: &str| -> String {
        let before: Vec<char> = s[..at].chars().rev().take(20).collect();
        before
            .into_iter()
            .rev()
            .chain(s[at..].chars().take(20))
            .collect()
    };
    Err(format!(
        "{}: differs at byte {at}:\n  engine:         {:?}\n  ferrous-opencc: {:?}",
        profile.name(),
        context(&actual),
        context(&expected)
    ))
}

fn assert_same_everywhere(what: &str, text: &str) {
    for profile in Profile::ALL {
        if let Err(e) = compare(profile, text) {
            panic!("{what}: {e}");
        }
    }
}

/// (a) Every text file of the example site, whole, with every profile.
#[test]
fn every_site_file_converts_identically() {
    let mut files = 0;
    let mut bytes = 0;
    let mut decoded_gb18030 = Vec::new();
    for dir in ["content", "data", "themes"] {
        for entry in walkdir::WalkDir::new(repo().join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !entry.file_type().is_file()
                || !["md", "toml", "csv", "html", "css", "js"].contains(&extension)
            {
                continue;
            }
            let raw = std::fs::read(path).unwrap();
            let text = match String::from_utf8(raw) {
                Ok(text) => text,
                Err(e) => {
                    // Not UTF-8: the site reads such tables as GB18030 (data/achievements/jining.csv).
                    let (text, _, had_errors) = encoding_rs::GB18030.decode(e.as_bytes());
                    assert!(
                        !had_errors,
                        "{} is neither UTF-8 nor GB18030",
                        path.display()
                    );
                    decoded_gb18030.push(path.to_path_buf());
                    text.into_owned()
                }
            };
            assert_same_everywhere(&path.display().to_string(), &text);
            // Line by line too: every line starts a fresh search.
            for line in text.lines() {
                assert_same_everywhere(&path.display().to_string(), line);
            }
            files += 1;
            bytes += text.len();
        }
    }
    eprintln!(
        "{files} files, {bytes} bytes, decoded from GB18030: {:?}",
        decoded_gb18030
    );
    assert!(files >= 30, "only {files} files");
    assert_eq!(
        decoded_gb18030,
        [repo().join("data/achievements/jining.csv")],
        "the GB18030 file was checked"
    );
}

#[derive(serde::Deserialize)]
struct TestSuite {
    cases: Vec<TestCase>,
}

#[derive(serde::Deserialize)]
struct TestCase {
    id: String,
    input: String,
    expected: BTreeMap<String, String>,
}

/// (b) OpenCC's published test cases, for the profiles the engine has.
#[test]
fn opencc_test_cases_pass() {
    let json =
        std::fs::read_to_string(repo().join("tests/fixtures/opencc-testcases.json")).unwrap();
    let suite: TestSuite = serde_json::from_str(&json).unwrap();
    let mut checked = BTreeMap::<&str, usize>::new();
    let mut skipped = BTreeMap::<&str, usize>::new();
    for case in &suite.cases {
        for (config, expected) in &case.expected {
            let Some(profile) = Profile::ALL.into_iter().find(|p| p.name() == config) else {
                *skipped.entry(config).or_default() += 1;
                continue;
            };
            let actual = OpenccEngine::new(profile).convert(&case.input);
            assert_eq!(
                actual, *expected,
                "{} with {config}: {:?}",
                case.id, case.input
            );
            assert_eq!(
                actual,
                reference(profile).convert(&case.input),
                "{} with {config}",
                case.id
            );
            *checked.entry(config).or_default() += 1;
        }
    }
    eprintln!("checked {checked:?}; other profiles, not used by the site: {skipped:?}");
    for profile in Profile::ALL {
        assert!(
            checked.get(profile.name()).copied().unwrap_or(0) >= 5,
            "too few cases for {}",
            profile.name()
        );
    }
}

/// Every key and every value of a dictionary file: the fields of its non-comment lines, split
/// at tabs and spaces (read independently of the engine's parser).
fn entries_of(text: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        for field in line.split('\t') {
            entries.extend(field.split(' ').filter(|s| !s.is_empty()));
        }
    }
    entries
}

/// (c) Every key and value of every dictionary, alone, then all of them in one text.
#[test]
fn every_dictionary_entry_converts_identically() {
    let mut all = String::new();
    let mut count = 0;
    for file in DICTIONARY_FILES {
        let entries = entries_of(file.text);
        assert!(
            entries.len() > 60,
            "{}: {} entries",
            file.name,
            entries.len()
        );
        for profile in Profile::ALL {
            let engine = OpenccEngine::new(profile);
            let opencc = reference(profile);
            let mut failures = Vec::new();
            for entry in &entries {
                if engine.convert(entry) != opencc.convert(entry) {
                    failures.push(*entry);
                }
            }
            assert!(
                failures.is_empty(),
                "{} with {}: {} entries differ, first ones: {:?}",
                file.name,
                profile.name(),
                failures.len(),
                &failures[..failures.len().min(20)]
            );
        }
        for entry in &entries {
            all.push_str(entry);
        }
        count += entries.len();
    }
    eprintln!("{count} entries, {} bytes together", all.len());
    assert_same_everywhere("all entries concatenated", &all);
    let lines: String = DICTIONARY_FILES
        .iter()
        .flat_map(|f| entries_of(f.text))
        .flat_map(|e| [e, "\n"])
        .collect();
    assert_same_everywhere("all entries, one per line", &lines);
    // And the files themselves, comments and all.
    for file in DICTIONARY_FILES {
        assert_same_everywhere(file.name, file.text);
    }
}

/// The dictionaries in `assets/opencc/` are byte for byte those `ferrous-opencc` compiles in.
#[test]
fn dictionaries_are_those_of_ferrous_opencc() {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .expect("CARGO_HOME or HOME");
    let registry = cargo_home.join("registry/src");
    let crate_dir = std::fs::read_dir(&registry)
        .unwrap_or_else(|e| panic!("{}: {e}", registry.display()))
        .map(|index| index.unwrap().path().join(FERROUS_OPENCC))
        .find(|dir| dir.is_dir())
        .unwrap_or_else(|| {
            panic!(
                "{FERROUS_OPENCC} sources not found under {}",
                registry.display()
            )
        });
    for file in DICTIONARY_FILES {
        let upstream = crate_dir
            .join("assets/dictionaries")
            .join(format!("{}.txt", file.name));
        let upstream = std::fs::read_to_string(&upstream)
            .unwrap_or_else(|e| panic!("{}: {e}", upstream.display()));
        assert!(
            upstream == file.text,
            "assets/opencc/{}.txt differs",
            file.name
        );
    }
    let cases = std::fs::read_to_string(crate_dir.join("tests/data/testcases.json")).unwrap();
    assert!(
        cases
            == std::fs::read_to_string(repo().join("tests/fixtures/opencc-testcases.json"))
                .unwrap()
    );
}

/// Characters and phrases of the dictionaries, for random text.
fn vocabulary() -> &'static (Vec<char>, Vec<&'static str>) {
    static VOCABULARY: OnceLock<(Vec<char>, Vec<&'static str>)> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut chars = std::collections::BTreeSet::new();
        let mut phrases = Vec::new();
        for file in DICTIONARY_FILES {
            for entry in entries_of(file.text) {
                chars.extend(entry.chars());
                if entry.chars().count() > 1 {
                    phrases.push(entry);
                }
            }
        }
        (chars.into_iter().collect(), phrases)
    })
}

fn random_text() -> impl Strategy<Value = String> {
    let (chars, phrases) = vocabulary();
    let piece = prop_oneof![
        4 => proptest::sample::select(chars.clone()).prop_map(String::from),
        2 => proptest::sample::select(phrases.clone()).prop_map(String::from),
        // Half a phrase, so texts end and phrases break off anywhere.
        1 => proptest::sample::select(phrases.clone())
            .prop_map(|p| p.chars().take(p.chars().count() / 2 + 1).collect()),
        2 => "[ -~]{1,6}",
        1 => prop_oneof![Just("\n"), Just("\r\n"), Just("😀"), Just("𠮷"), Just("é")]
            .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// (d) Random text made of dictionary characters and phrases, ASCII and a few others.
    #[test]
    fn random_text_converts_identically(text in random_text()) {
        for profile in Profile::ALL {
            if let Err(e) = compare(profile, &text) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}

/// Site dictionary entries for [`site_dictionary_converts_like_an_opencc_user_dictionary`]:
/// shorter, as long as and longer than OpenCC's phrases around them. Their values hold no key
/// of TWVariants or HKVariants, which a user dictionary in OpenCC's first step would see again.
const SITE_TO_HANT: [(&str, &str); 7] = [
    ("着", "著"),
    ("系着", "係著"),
    ("背着手", "背著手"),
    ("干", "幹"),
    ("发展规划", "發展計劃"),
    ("标准", "標準"),
    ("范先生", "范先生"),
];
const SITE_TO_HANS: [(&str, &str); 5] = [
    ("最佳化", "优化"),
    ("套用", "应用"),
    ("附屬檔案", "附件"),
    ("乾", "干"),
    ("標準化", "标准化"),
];

/// `ferrous-opencc` with `entries` as a user dictionary placed first in the group of the first
/// step of `profile`, as OpenCC's documentation has it, from files written to `dir`.
fn with_user_dictionary(dir: &Path, profile: Profile, entries: &[(&str, &str)]) -> OpenCC {
    for file in DICTIONARY_FILES {
        std::fs::write(dir.join(format!("{}.txt", file.name)), file.text).unwrap();
    }
    let site: String = entries.iter().map(|(k, v)| format!("{k}\t{v}\n")).collect();
    std::fs::write(dir.join("Site.txt"), site).unwrap();
    let text = |name: &str| format!(r#"{{"type": "text", "file": "{name}.txt"}}"#);
    let group = |names: &[&str]| {
        let dicts: Vec<String> = names.iter().map(|n| text(n)).collect();
        format!(
            r#"{{"dict": {{"type": "group", "dicts": [{}]}}}}"#,
            dicts.join(", ")
        )
    };
    let mut chain = vec![match profile {
        Profile::T2s => group(&["Site", "TSPhrases", "TSCharacters"]),
        _ => group(&["Site", "STPhrases", "STCharacters"]),
    }];
    match profile {
        Profile::S2tw => chain.push(format!(r#"{{"dict": {}}}"#, text("TWVariants"))),
        Profile::S2hk => chain.push(format!(r#"{{"dict": {}}}"#, text("HKVariants"))),
        _ => {}
    }
    let config = dir.join(format!("{}.json", profile.name()));
    std::fs::write(
        &config,
        format!(
            r#"{{"name": "site", "conversion_chain": [{}]}}"#,
            chain.join(", ")
        ),
    )
    .unwrap();
    OpenCC::new(config).unwrap()
}

/// (e) The site dictionary (`data/dictionary.toml`) is one more dictionary of OpenCC's first
/// step, ahead of OpenCC's: the converter gives what OpenCC gives with a user dictionary placed
/// there, on every file of the example site and on random text full of the entries' phrases.
#[test]
fn site_dictionary_converts_like_an_opencc_user_dictionary() {
    use proptest::strategy::ValueTree;
    use stdportal::script::{Converter, Script, SiteDictionary, TraditionalProfile};
    let mut dictionary = SiteDictionary::default();
    for (k, v) in SITE_TO_HANT {
        dictionary.to_hant.insert(k.into(), v.into());
    }
    for (k, v) in SITE_TO_HANS {
        dictionary.to_hans.insert(k.into(), v.into());
    }
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (TraditionalProfile::S2t, Profile::S2t),
        (TraditionalProfile::S2tw, Profile::S2tw),
        (TraditionalProfile::S2hk, Profile::S2hk),
    ];
    let t2s = with_user_dictionary(dir.path(), Profile::T2s, &SITE_TO_HANS);
    let mut texts: Vec<String> = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("content")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            texts.push(std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let phrases: Vec<&str> = SITE_TO_HANT
        .iter()
        .chain(&SITE_TO_HANS)
        .flat_map(|(k, v)| [*k, *v])
        .chain([
            "干着急",
            "不干着急",
            "背着",
            "关系着",
            "发展",
            "规划",
            "标准化",
            "范先生说",
        ])
        .collect();
    let piece = prop_oneof![
        3 => random_text(),
        2 => proptest::sample::select(phrases).prop_map(String::from),
    ];
    let strategy = proptest::collection::vec(piece, 1..12).prop_map(|p| p.concat());
    for _ in 0..300 {
        texts.push(strategy.new_tree(&mut runner).unwrap().current());
    }
    let mut compared = 0;
    for (profile, opencc_profile) in cases {
        let converter = Converter::new(profile, &dictionary);
        let opencc = with_user_dictionary(dir.path(), opencc_profile, &SITE_TO_HANT);
        for text in &texts {
            assert_eq!(
                converter.convert(Script::Hant, text),
                opencc.convert(text),
                "{}: {text:?}",
                profile.name()
            );
            assert_eq!(
                converter.convert(Script::Hans, text),
                t2s.convert(text),
                "t2s: {text:?}"
            );
            compared += 1;
        }
    }
    eprintln!("{compared} texts compared");
}
