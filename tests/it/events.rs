//! `--message-format json` (docs/EVENTS.md): the events of a build with problems and of a serve
//! session with an edit, parsed; the document's examples against what the commands write, both
//! ways; the exit status of each kind of failure; `--quiet`.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Output;
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

#[path = "../../examples/support/serve_events.rs"]
#[allow(dead_code)]
mod serve_events;

/// How long serve's events may take (a debug build on a busy machine).
const WAIT: Duration = Duration::from_secs(60);

/// Every line of stdout as an event: each must be one JSON object with `version` 1, and
/// nothing may be written on stderr.
fn events(output: &Output) -> Vec<Value> {
    assert_eq!(stderr(output), "", "JSON mode writes nothing on stderr");
    stdout(output).lines().map(parse).collect()
}

fn parse(line: &str) -> Value {
    let event: Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    assert_eq!(event["version"], 1, "{line}");
    assert!(event["event"].is_string(), "{line}");
    event
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["event"] == kind).collect()
}

fn json<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--message-format", "json"]);
    all
}

/// A site whose build finds a problem in each of two files.
fn broken_site() -> TestSite {
    let site = TestSite::basic();
    site.page("policies/open.md", "+++\ntitle = \"没有结束\"\n正文\n");
    site.edit("content/policies/plan.md", |t| {
        t.replace("kind = \"policy\"", "kind = \"poem\"")
    });
    site
}

#[test]
fn a_build_with_problems_says_each_one_as_an_event_and_ends_with_exit_1() {
    let site = broken_site();
    let output = site.run(&json(&["build", "--lang", "zh-Hans"]));
    assert_eq!(output.status.code(), Some(1));
    let events = events(&output);
    assert_eq!(events[0]["event"], "start");
    assert_eq!(events[0]["command"], "build");
    assert_eq!(events[0]["lang"], "zh-Hans");
    let last = events.last().unwrap();
    assert_eq!(
        (&last["event"], &last["exit_code"]),
        (&"finished".into(), &1.into())
    );

    let problems = of_kind(&events, "diagnostic");
    let failed = of_kind(&events, "build_failed");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["problems"].as_u64(), Some(problems.len() as u64));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems.iter().any(|p| p["id"] == "choice-unknown"),
        "{problems:#?}"
    );
    for problem in &problems {
        assert_eq!(problem["severity"], "error", "{problem}");
        assert!(problem["file"].is_string(), "{problem}");
        // Every problem of these files is a catalogue message, named by its id.
        assert!(problem["id"].is_string(), "no id: {problem}");
    }
    let unclosed = problems
        .iter()
        .find(|p| p["id"] == "front-matter-unclosed")
        .expect("the unclosed front matter");
    assert!(unclosed["file"]
        .as_str()
        .unwrap()
        .ends_with("content/policies/open.md"));
    assert_eq!(
        (unclosed["line"].as_u64(), unclosed["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(unclosed["message"], "前置信息没有结束");
    assert_eq!(unclosed["hint_id"], "front-matter-unclosed-hint");
    assert_eq!(unclosed["hint"], "请在前置信息最后一行后面加一行 +++");
    // The same problems in another language have the same ids.
    let english = events_of(&site.run(&json(&["build", "--lang", "en"])));
    let ids = |events: &[Value]| -> Vec<Value> {
        of_kind(events, "diagnostic")
            .iter()
            .map(|d| d["id"].clone())
            .collect()
    };
    assert_eq!(ids(&english), ids(&events));
    assert!(!site.public().exists(), "nothing was published");
}

/// Like [`events`], without the check of stderr.
fn events_of(output: &Output) -> Vec<Value> {
    stdout(output).lines().map(parse).collect()
}

#[test]
fn a_serve_session_with_an_edit_is_told_as_events() {
    let site = TestSite::basic();
    let mut server = serve_events::Server::start(
        std::path::Path::new(stdportal_binary()),
        site.root(),
        WAIT,
        |c| {
            c.args(["--lang", "zh-Hant"]);
        },
    )
    .unwrap();
    let start = server.wait_for(WAIT, |e| e["event"] == "start").unwrap();
    assert_eq!(
        (&start["command"], &start["lang"]),
        (&"serve".into(), &"zh-Hant".into())
    );
    let built = server.wait_for(WAIT, |e| e["event"] == "built").unwrap();
    assert!(built["pages"].as_u64().unwrap() > 10, "{built}");
    assert!(built["output"].is_null(), "served from memory: {built}");

    site.edit("content/policies/plan.md", |t| {
        t.replace("发展目标", "发展的目标")
    });
    let (at, rebuilt) = server
        .wait_after(0, WAIT, |e| e["event"] == "rebuilt")
        .expect("a rebuilt event");
    assert_eq!(
        rebuilt["changed"],
        serde_json::json!(["content/policies/plan.md"])
    );
    assert_eq!(rebuilt["kind"], "partial");
    let pages: Vec<&str> = rebuilt["pages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(pages.contains(&"policies/plan/index.html"), "{rebuilt}");
    assert!(
        pages.contains(&"zh-hant/policies/plan/index.html"),
        "{rebuilt}"
    );
    assert!(rebuilt["ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(rebuilt["fixed"], false);

    site.edit("content/policies/plan.md", |t| {
        t.replacen("+++", "+++\ntitle = 3\n", 1)
    });
    let (at, failed) = server
        .wait_after(at + 1, WAIT, |e| e["event"] == "rebuild_failed")
        .expect("a rebuild_failed event");
    assert_eq!(failed["problems"], 1);
    assert_eq!(failed["refused"], false);
    let events = server.events();
    let problem = events[..at]
        .iter()
        .rev()
        .find(|e| e["event"] == "diagnostic")
        .expect("the problem before it");
    assert_eq!(problem["severity"], "error");
    assert!(problem["file"]
        .as_str()
        .unwrap()
        .ends_with("content/policies/plan.md"));
    assert!(problem["line"].as_u64().is_some(), "{problem}");
    assert!(problem["id"].is_string(), "{problem}");

    site.edit("content/policies/plan.md", |t| {
        t.replacen("title = 3\n", "", 1)
    });
    let (_, fixed) = server
        .wait_after(at + 1, WAIT, |e| e["event"] == "rebuilt")
        .expect("the fix rebuilt");
    assert_eq!(fixed["fixed"], true, "{fixed}");

    server.interrupt();
    let finished = server.wait_for(WAIT, |e| e["event"] == "finished").unwrap();
    assert_eq!(finished["exit_code"], 0);
    assert_eq!(server.events().last(), Some(&finished));
}

/// Every ```json block of docs/EVENTS.md: one example event a line.
fn documented() -> Vec<Value> {
    let doc = std::fs::read_to_string(repo().join("docs/EVENTS.md")).unwrap();
    let mut examples = Vec::new();
    let mut inside = false;
    for line in doc.lines() {
        match line.trim() {
            "```json" => inside = true,
            "```" => inside = false,
            text if inside && !text.is_empty() => examples.push(parse(text)),
            _ => {}
        }
    }
    examples
}

/// The fields of each kind of event, asserting that every event of one kind has the same.
fn fields(events: &[Value], whose: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut kinds: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for event in events {
        let kind = event["event"].as_str().unwrap().to_string();
        let keys: BTreeSet<String> = event.as_object().unwrap().keys().cloned().collect();
        if let Some(before) = kinds.get(&kind) {
            assert_eq!(
                before, &keys,
                "{whose}: two `{kind}` events with other fields"
            );
        }
        kinds.insert(kind, keys);
    }
    kinds
}

#[test]
fn the_documented_events_are_the_events_written() {
    let mut written = Vec::new();
    // A build with search (stages, the index, built) and one with problems.
    let site = TestSite::basic().with_search();
    written.extend(events(&site.run(&json(&["build"]))));
    written.extend(events(&broken_site().run(&json(&["build"]))));
    // check: an external link, a punctuation note, a problem (an image without alt text).
    let checked = TestSite::basic();
    checked.page(
        "policies/links.md",
        "+++\ntitle = \"链接\"\n+++\n见[国家标准委](https://www.sac.gov.cn/),还有图标![](/favicon.svg)。\n",
    );
    written.extend(events(&checked.run(&json(&["check"]))));
    written.extend(events(&checked.run(&json(&[
        "check",
        "--gov",
        "--date",
        "2025-03-10",
    ]))));
    // init, and a usage error.
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new-site");
    let init = std::process::Command::new(stdportal_binary())
        .args(json(&["init", new.to_str().unwrap()]))
        .output()
        .unwrap();
    written.extend(events(&init));
    let usage = std::process::Command::new(stdportal_binary())
        .args(json(&["build", "--no-such-option"]))
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    written.extend(events(&usage));
    // import: a dry run (its elements), then the import.
    let imported = TestSite::basic();
    let word = crate::support::word::fixtures().join("rizhao-notice.docx");
    for extra in [&["--dry-run"][..], &[][..]] {
        let mut args = vec!["import", word.to_str().unwrap(), "--to", "content/policies"];
        args.extend(extra);
        written.extend(events(&imported.run(&json(&args))));
    }
    // serve: a rebuild, a failed one, and Ctrl-C.
    let served = TestSite::basic();
    let mut server = serve_events::Server::start(
        std::path::Path::new(stdportal_binary()),
        served.root(),
        WAIT,
        |_| {},
    )
    .unwrap();
    served.edit("content/policies/plan.md", |t| {
        t.replace("发展目标", "目标")
    });
    let (at, _) = server
        .wait_after(0, WAIT, |e| e["event"] == "rebuilt")
        .unwrap();
    served.page("policies/open.md", "+++\ntitle = \"没有结束\"\n");
    server
        .wait_after(at, WAIT, |e| e["event"] == "rebuild_failed")
        .unwrap();
    server.interrupt();
    server.wait_for(WAIT, |e| e["event"] == "finished").unwrap();
    written.extend(server.events());

    let written = fields(&written, "written");
    let documented = fields(&documented(), "docs/EVENTS.md");
    for (kind, keys) in &written {
        assert_eq!(
            documented.get(kind),
            Some(keys),
            "`{kind}` as written has these fields; docs/EVENTS.md must document them"
        );
    }
    for kind in documented.keys() {
        assert!(
            written.contains_key(kind),
            "docs/EVENTS.md documents `{kind}`, which no command wrote"
        );
    }
}

#[test]
fn check_says_its_notes_links_and_problems_as_events() {
    let site = TestSite::basic();
    site.page(
        "policies/links.md",
        "+++\ntitle = \"链接\"\n+++\n见[国家标准委](https://www.sac.gov.cn/),还有图标![](/favicon.svg)。\n",
    );
    let output = site.run(&json(&["check", "--lang", "zh-Hans"]));
    assert_eq!(output.status.code(), Some(1));
    let events = events(&output);
    let external = of_kind(&events, "external_link");
    assert!(
        external
            .iter()
            .any(|e| e["url"] == "https://www.sac.gov.cn/"
                && e["page"]
                    .as_str()
                    .unwrap()
                    .ends_with("content/policies/links.md")),
        "{external:#?}"
    );
    let diagnostics = of_kind(&events, "diagnostic");
    let notes: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "note")
        .collect();
    assert!(!notes.is_empty(), "{diagnostics:#?}");
    for note in &notes {
        assert!(note["line"].as_u64().is_some(), "{note}");
        assert!(
            note["id"] == "check-punctuation-changed"
                || note["id"] == "check-punctuation-would-change",
            "{note}"
        );
    }
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("/favicon.svg")),
        "{errors:#?}"
    );
    let checked = of_kind(&events, "checked");
    assert_eq!(checked[0]["problems"].as_u64(), Some(errors.len() as u64));
    assert_eq!(checked[0]["marks"].as_u64(), Some(notes.len() as u64));
}

// ---- Exit status and --quiet ------------------------------------------------------------------

#[test]
fn every_command_exits_2_when_it_cannot_run_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_site = dir.path().to_str().unwrap();
    for args in [
        vec!["build", "--root", not_a_site],
        vec!["check", "--root", not_a_site],
        vec!["build", "--no-such-option"],
        vec!["serve", "--root", "/no/such/folder"],
        vec!["init", not_a_site, "--port", "1"],
    ] {
        let output = std::process::Command::new(stdportal_binary())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"));
    }
    // init into a folder that is not empty.
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let output = std::process::Command::new(stdportal_binary())
        .args(["init", not_a_site])
        .output()
        .unwrap();
    assert_refused_output(&output, &["not empty"]);
}

#[test]
fn quiet_says_only_problems() {
    let site = TestSite::basic();
    let output = site.run(&["build", "--quiet"]);
    assert_success(&output);
    assert_eq!(
        (stdout(&output), stderr(&output)),
        (String::new(), String::new())
    );
    let output = site.run(&["check", "-q"]);
    assert_success(&output);
    assert_eq!(stdout(&output), "");

    let broken = broken_site();
    let output = broken.run(&["build", "--quiet"]);
    let message = assert_refused(
        &output,
        &["content/policies/open.md:1:1", "The build stopped"],
    );
    assert_eq!(stdout(&output), "", "{message}");
    // In JSON mode every event is written.
    let events = events(&site.run(&json(&["build", "--quiet"])));
    assert_eq!(of_kind(&events, "built").len(), 1);
}

/// `reload_latency`'s own server start (`examples/support/serve_events.rs`) finds the address
/// and the events whatever language the locale gives the messages: it reads no sentence.
#[test]
fn reload_latencys_server_start_works_in_every_locale() {
    let site = TestSite::basic();
    for (lang, expected) in [
        (Some("zh_CN.UTF-8"), "zh-Hans"),
        (Some("zh_TW.UTF-8"), "zh-Hant"),
        (Some("en_US.UTF-8"), "en"),
        // No locale at all: Chinese, the editors' language.
        (None, "zh-Hans"),
    ] {
        let mut server = serve_events::Server::start(
            std::path::Path::new(stdportal_binary()),
            site.root(),
            WAIT,
            |command| {
                for name in ["STDPORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
                    command.env_remove(name);
                }
                if let Some(lang) = lang {
                    command.env("LANG", lang);
                }
            },
        )
        .unwrap_or_else(|e| panic!("LANG={lang:?}: {e}"));
        let start = server.wait_for(WAIT, |e| e["event"] == "start").unwrap();
        assert_eq!(start["lang"], expected, "LANG={lang:?}");
        assert!(server.addr.port() > 0);
        // The sentence that goes with the address is in that language.
        let serving = server.wait_for(WAIT, |e| e["event"] == "serving").unwrap();
        let said = serving["message"].as_str().unwrap();
        assert_eq!(said.starts_with("Serving"), expected == "en", "{said}");
        server.stop();
    }
}
