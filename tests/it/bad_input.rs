//! The bad-input corpus: each case is a mistake an editor, a colleague's export or a hostile
//! contributor can make. Every one must give exit code 1, a message that says where and what
//! to do, no panic, and leave the site folder and the previous `public/` byte for byte as they
//! were ([`TestSite::rejected`]).
//!
//! The table below is the corpus: one row per case, `name(build arguments): how to break the
//! basic fixture (built once before) => [parts the message must contain];`. Each row is a test
//! of its own (`cargo test --test it bad_input::utf16_file`). Cases that need something the
//! table cannot say (a full disk, a file-size limit, an unwritable output) are functions after
//! it.
//!
//! Each case is then built again with `--lang zh-Hans`: its messages must be in Chinese, with
//! no English sentence left ([`assert_no_english`]).

use std::path::Path;

use crate::support::*;

/// Builds the basic fixture, breaks it, and checks the next build (with `args`) is refused.
fn run_case(break_it: impl FnOnce(&TestSite), args: &[&str], expected: &[&str]) {
    let site = TestSite::basic();
    site.built();
    assert!(site.public().join("index.html").is_file());
    break_it(&site);
    if args.is_empty() {
        site.rejected(expected);
    } else {
        site.rejected_with(args, expected);
    }
    let mut in_chinese = vec!["--lang", "zh-Hans"];
    in_chinese.extend_from_slice(args);
    assert_no_english(&site.rejected_with(&in_chinese, &[]));
    let mut in_json = vec!["--message-format", "json"];
    in_json.extend_from_slice(args);
    assert_every_problem_has_its_id(&site.build(&in_json));
}

/// Every problem of a build's JSON events names its message by its catalogue id.
fn assert_every_problem_has_its_id(output: &std::process::Output) {
    assert_eq!(output.status.code(), Some(1));
    let mut problems = 0;
    for line in stdout(output).lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        if event["event"] == "diagnostic" {
            problems += 1;
            assert!(event["id"].is_string(), "a problem without its id: {line}");
        }
    }
    assert!(problems > 0, "{}", stdout(output));
}

/// Fails on a line of `message` that still says something in English: three English words in
/// a row outside quotes, paths, options and code (`save it as UTF-8`, not `CSV UTF-8` or
/// `stdportal build --force`). Only a template engine's detail is let through.
fn assert_no_english(message: &str) {
    for line in message.lines() {
        // The template engine's own account of a template error is English, shown after a
        // Chinese sentence that names the template (`…（Tera 的说明）：Failed to parse …`).
        let line = line.split("（Tera 的说明）：").next().unwrap_or(line);
        let mut words = 0;
        for word in without_quoted(line).split(|c: char| !c.is_ascii() || c.is_whitespace()) {
            let is_word = word.len() >= 2
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && !word.chars().all(|c| c.is_ascii_uppercase());
            words = if is_word { words + 1 } else { 0 };
            assert!(
                words < 3,
                "English left in a Chinese message (--lang zh-Hans):\n{line}\n\nall of it:\n{message}"
            );
        }
    }
}

/// `line` without what stands in quotes (“”, "", ‘’, ``), where values and code are shown as
/// the editor wrote them.
fn without_quoted(line: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in line.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '‘' => closing = Some('’'),
                '"' | '`' => closing = Some(c),
                _ => out.push(c),
            },
        }
    }
    out
}

macro_rules! cases {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident($($arg:expr),* $(,)?): $break_it:expr => [$($part:expr),+ $(,)?];
    )*) => {
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                run_case($break_it, &[$($arg),*], &[$($part),+]);
            }
        )*
    };
}

const OBSERVATIONS_HEADER: &str = "city,indicator,date,value,source\n";

fn observations(rows: &str) -> String {
    format!("{OBSERVATIONS_HEADER}{rows}")
}

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// A page whose body line `n` is file line `n + 3`.
fn evil_page(site: &TestSite, body: &str) {
    site.page(
        "policies/evil.md",
        &format!("+++\ntitle = \"安全测试\"\n+++\n{body}"),
    );
}

fn allow_raw_html(site: &TestSite) {
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
}

fn set_base_url(site: &TestSite, url: &str) {
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        &format!("base_url = \"{url}\""),
    );
}

/// A copy of the theme outside the site, with a file that must never be published.
fn theme_outside(site: &TestSite) -> &Path {
    let outside = site.outside();
    copy_dir(&repo().join("themes"), outside);
    write(
        &outside.join("default/static/secret.txt"),
        "not for publishing",
    );
    outside
}

/// The site's fixture file `rel`, read from tests/fixtures/basic.
fn fixture_text(rel: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/basic").join(rel)).unwrap()
}

cases! {
    // ---- Files that are not pages -----------------------------------------------------------

    utf16_file(): |site| {
        site.file("content/policies/u16.md", utf16("+++\ntitle = \"标题\"\n+++\n"));
    } => ["content/policies/u16.md:1:1", "UTF-16", "save it as UTF-8"];

    empty_file(): |site| {
        site.page("policies/empty.md", "");
    } => ["content/policies/empty.md:1:1", "does not start with front matter", "+++"];

    binary_file_named_like_a_page(): |site| {
        site.file("content/policies/scan.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    } => ["content/policies/scan.md", "not a text file", "static/"];

    invalid_utf8_is_reported_with_line(): |site| {
        let mut bytes = "+++\ntitle = \"坏\"\n+++\n第一行\n".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xC4, 0xE3, 0xBA, 0xC3]); // 你好 in GBK
        site.file("content/policies/gbk.md", bytes);
    } => ["content/policies/gbk.md:5:1", "UTF-8"];

    symlink_pointing_outside_the_site(): |site| {
        let target = site.outside().join("passwd.md");
        write(&target, "+++\ntitle = \"秘密\"\n+++\nroot:x:0:0\n");
        std::os::unix::fs::symlink(&target, site.path("content/policies/evil.md")).unwrap();
    } => ["content/policies/evil.md", "points outside the site"];

    // ---- Front matter -------------------------------------------------------------------------

    unterminated_front_matter_is_reported_and_public_kept(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\n正文\n");
    } => ["content/policies/bad.md:1:1", "not closed"];

    invalid_toml_is_reported_with_line(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\ndate = 2017-13-45\n+++\n");
    } => ["content/policies/bad.md:3:"];

    wrong_types_and_unknown_keys_are_reported_with_line(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\ndraft = \"否\"\n+++\n");
        site.page("policies/bad2.md", "+++\ntitle = \"坏\"\n\nissuser = \"x\"\n+++\n");
    } => ["content/policies/bad.md:3:", "content/policies/bad2.md:4:", "issuser", "2 problems"];

    zola_fields_without_a_meaning_here_are_named_with_what_to_do(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\nrender = false\n+++\n");
        site.page(
            "news/_index.md",
            "+++\ntitle = \"新闻\"\npaginate_by = 5\npaginate_path = \"p\"\n+++\n",
        );
    } => [
        "content/policies/bad.md:3:", "Zola's \"render\" field", "draft = true",
        "content/news/_index.md:4:", "Zola's \"paginate_path\" field", "…/page/2/",
    ];

    misspelt_zola_fields_stay_unknown(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\naliasses = [\"/old/\"]\n+++\n");
    } => ["content/policies/bad.md:3:", "aliasses"];

    an_alias_that_leaves_the_site_is_refused(): |site| {
        site.page(
            "policies/bad.md",
            "+++\ntitle = \"坏\"\naliases = [\"/old/%2E%2E/%2E%2E/etc/\"]\n+++\n",
        );
    } => ["content/policies/bad.md:3", "the alias", "\".\" or \"..\""];

    an_alias_on_another_pages_address_names_both(): |site| {
        site.page(
            "interpretations/moved.md",
            "+++\ntitle = \"移动\"\naliases = [\"/policies/plan/\"]\n+++\n",
        );
    } => ["content/interpretations/moved.md", "the alias \"/policies/plan/\"", "content/policies/plan.md", "/policies/plan/"];

    an_alias_in_the_other_scripts_folder_is_refused(): |site| {
        site.page(
            "policies/bad.md",
            "+++\ntitle = \"坏\"\naliases = [\"/zh-hant/policies/plan/\"]\n+++\n",
        );
    } => ["content/policies/bad.md", "the alias \"/zh-hant/policies/plan/\"", "/zh-hant/"];

    a_taxonomy_term_without_letters_is_refused(): |site| {
        site.page(
            "policies/bad.md",
            "+++\ntitle = \"坏\"\n[taxonomies]\ntags = [\"——\"]\n+++\n",
        );
    } => ["content/policies/bad.md:4", "the term \"——\" of the taxonomy \"tags\""];

    an_issuer_without_letters_is_refused(): |site| {
        site.page("policies/bad.md", "+++\ntitle = \"坏\"\nissuer = \"？？\"\n+++\n");
    } => ["content/policies/bad.md:3", "the issuer", "office"];

    a_section_named_like_a_pager_page_names_both(): |site| {
        site.page("policies/page/_index.md", "+++\ntitle = \"页\"\n+++\n");
        site.page("policies/page/2.md", "+++\ntitle = \"二\"\n+++\n");
        site.page("policies/second.md", "+++\ntitle = \"第二份\"\n+++\n");
        site.config("search = false", "search = false\npaginate_by = 1");
    } => ["content/policies/page/2.md", "a page of the list of the section", "/policies/page/2/"];

    year_zero_in_front_matter_is_refused(): |site| {
        site.edit("content/policies/plan.md", |t| {
            t.replace("published = 2017-06-30", "published = 0000-06-30")
        });
    } => [
        "content/policies/plan.md:9:",
        "\"0000-06-30\" is not a date: the year 0 is not between 1900 and 2200",
    ];

    many_problems_are_reported_together(): |site| {
        site.page("policies/a.md", "+++\ntitle = 1\n+++\n");
        site.page("policies/b.md", "no front matter\n");
        site.file("data/observations.csv", observations("testcity,pass-rate,2019,x,y\n"));
    } => [
        "content/policies/a.md:2:",
        "content/policies/b.md:1:1",
        "data/observations.csv:2:4",
        "3 problems",
    ];

    a_bad_site_label_is_an_error_with_its_line(): |site| {
        site.file("i18n/zh-Hans.toml", "nav_home = \"网站首页\"\ndate_year = \"{yr}年\"\n");
    } => [
        "i18n/zh-Hans.toml:2:14: error: the label date_year has no placeholder {yr}",
        "help: date_year shows {year}",
    ];

    // ---- Links between pages and data ---------------------------------------------------------

    a_missing_related_page_is_an_error_naming_the_file(): |site| {
        site.edit("content/interpretations/plan-interpretation.md", |t| {
            t.replace("related = [\"plan\"]", "related = [\"no-such-plan\"]")
        });
    } => ["content/interpretations/plan-interpretation.md", "no-such-plan"];

    a_shortcode_naming_a_missing_indicator_is_an_error_with_position(): |site| {
        site.edit("content/policies/plan.md", |t| t.replace("id=\"pass-rate\"", "id=\"gone\""));
    } => ["content/policies/plan.md:20:1", "no indicator \"gone\""];

    // ---- URLs: slugs, topics, addresses two things claim --------------------------------------

    two_pages_with_the_same_url(): |site| {
        site.page("policies/plan-copy.md", "+++\ntitle = \"副本\"\nslug = \"plan\"\n+++\n");
    } => ["the same URL /policies/plan/", "different slug"];

    slug_that_climbs_out_of_the_site(): |site| {
        site.page("policies/a.md", "+++\ntitle = \"甲\"\nslug = \"../../etc\"\n+++\n");
        site.page("policies/b.md", "+++\ntitle = \"乙\"\nslug = \"a/b\"\n+++\n");
        site.page("policies/c.md", "+++\ntitle = \"丙\"\n\nslug = \"..\"\n+++\n");
    } => [
        "content/policies/a.md:3",
        "content/policies/b.md:3",
        "content/policies/c.md:4",
        "cannot be part of a URL",
    ];

    a_topic_without_letters_is_an_error_on_its_line(): |site| {
        site.page(
            "policies/dots.md",
            "+++\ntitle = \"点\"\ndate = 2021-01-01\ntopics = [\"..\"]\n+++\n正文\n",
        );
    } => ["content/policies/dots.md:4", "the topic \"..\"", "help:"];

    a_page_named_like_the_traditional_tree_is_an_error(): |site| {
        site.page("zh-hant.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/zh-hant.md", "/zh-hant/", "kept for the pages in 繁體中文"];

    a_page_inside_the_traditional_tree_is_an_error(): |site| {
        site.page("zh-hant/a.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/zh-hant/a.md", "kept for the pages in 繁體中文"];

    a_page_on_a_city_address_is_an_error_naming_both(): |site| {
        site.page("cities/testcity.md", "+++\ntitle = \"x\"\n+++\n");
    } => [
        "data/cities.toml:1: error: the city \"testcity\" and the page content/cities/testcity.md: both claim the address /cities/testcity/",
        "content/cities/: error: the folder and the built-in list of cities",
    ];

    a_page_on_the_search_address_is_an_error(): |site| {
        site.page("search.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/search.md", "the built-in search page", "/search/"];

    a_static_file_in_the_search_index_folder_is_an_error(): |site| {
        site.file("static/search/data/entry.json", "{}");
    } => ["static/search/data/entry.json", "the search index"];

    a_page_in_the_search_index_folder_is_an_error(): |site| {
        site.page("search/data/notes.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/search/data/notes.md", "the search index"];

    a_page_on_the_dashboard_address_is_an_error(): |site| {
        site.page("dashboard.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/dashboard.md", "the built-in dashboard", "/dashboard/"];

    a_page_on_the_topics_address_is_an_error(): |site| {
        site.page("topics.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["content/topics.md", "the built-in list of topics", "/topics/"];

    a_static_file_where_a_generated_folder_goes_is_an_error(): |site| {
        site.file("static/cities", "not a folder");
    } => ["static/cities", "needs a folder /cities/"];

    a_static_file_on_a_generated_address_is_an_error(): |site| {
        site.file("static/robots.txt", "User-agent: *");
    } => ["static/robots.txt", "robots.txt", "both claim"];

    slugs_differing_only_in_case_are_errors(): |site| {
        site.page("policies/Plan2.md", "+++\ntitle = \"a\"\n+++\n");
        site.page("policies/plan2.md", "+++\ntitle = \"b\"\n+++\n");
    } => ["upper and lower case", "content/policies/Plan2.md"];

    slugs_differing_only_in_normalisation_are_errors(): |site| {
        site.page("policies/a.md", "+++\ntitle = \"a\"\nslug = \"caf\u{e9}\"\n+++\n");
        site.page("policies/b.md", "+++\ntitle = \"b\"\nslug = \"cafe\u{301}\"\n+++\n");
    } => ["content/policies/b.md", "café"];

    a_very_long_slug_names_the_page_not_a_staging_path(): |site| {
        let slug = "a".repeat(300);
        site.page("policies/long.md", &format!("+++\ntitle = \"长\"\nslug = \"{slug}\"\n+++\n"));
    } => ["content/policies/long.md:3", "300 bytes long", "slug ="];

    a_bidi_override_in_a_slug_is_an_error(): |site| {
        site.page("policies/rlo.md", "+++\ntitle = \"x\"\nslug = \"gpj\u{202e}exe\"\n+++\n");
    } => ["content/policies/rlo.md:3", "U+202E"];

    an_invisible_character_in_a_file_name_is_an_error(): |site| {
        site.page("policies/zero\u{200b}width.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["U+200B", "rename the file"];

    an_invisible_character_in_a_folder_name_is_an_error(): |site| {
        site.page("a\u{2066}b/x.md", "+++\ntitle = \"x\"\n+++\n");
    } => ["the folder name", "U+2066"];

    // ---- Configuration and base_url -----------------------------------------------------------

    unknown_config_key_is_reported_with_line(): |site| {
        site.edit("config.toml", |config| format!("{config}\n[extra]\n"));
        site.config("theme = \"default\"", "theme = \"default\"\ndefualt_script = \"zh-Hant\"");
    } => ["config.toml:5:", "defualt_script"];

    base_url_with_a_script_scheme_is_refused(): |site| {
        set_base_url(site, "javascript:alert(1)//");
    } => [
        "config.toml:3",
        "must start with http:// or https://",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_with_a_password_is_refused(): |site| {
        set_base_url(site, "https://user:secret@example.gov.cn/");
    } => [
        "config.toml:3",
        "user name or password",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_with_a_query_and_markup_is_refused(): |site| {
        set_base_url(site, "https://example.gov.cn/?a=\\\"><svg>");
    } => [
        "config.toml:3",
        "must not contain '?' or '#'",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_with_a_fragment_is_refused(): |site| {
        set_base_url(site, "https://example.gov.cn/#x");
    } => [
        "config.toml:3",
        "must not contain '?' or '#'",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_without_a_host_is_refused(): |site| {
        set_base_url(site, "https:///example.gov.cn/");
    } => [
        "config.toml:3",
        "no host name",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_with_a_tab_is_refused(): |site| {
        set_base_url(site, "https://example.gov.cn/a\\tb/");
    } => [
        "config.toml:3",
        "spaces or control characters",
        "write it like base_url = \"https://example.gov.cn/bzh/\"",
    ];

    base_url_option_is_checked_the_same_way("--base-url", "https://a.cn/?\"><svg onload=x>"): |_| {
    } => ["--base-url: error: base_url", "--base-url https://example.gov.cn/bzh/"];

    // ---- Templates and themes -----------------------------------------------------------------

    missing_template(): |site| {
        site.page(
            "policies/t.md",
            "+++\ntitle = \"模板\"\ntemplate = \"special.html\"\n+++\n",
        );
    } => ["content/policies/t.md", "the template \"special.html\" does not exist"];

    template_errors_name_the_template(): |site| {
        site.file(
            "templates/404.html",
            "{% extends \"base.html\" %}{% block content %}{{ oops( }}{% endblock %}",
        );
    } => ["templates/404.html"];

    template_that_includes_itself(): |site| {
        site.file("templates/loop.html", "<p>\n{% include \"loop2.html\" %}</p>");
        site.file("templates/loop2.html", "{% include \"loop.html\" %}");
        site.file(
            "templates/404.html",
            "{% extends \"base.html\" %}{% block content %}{% include \"loop.html\" %}{% endblock %}",
        );
    } => ["templates/loop.html:2:1", "loop.html → loop2.html → loop.html"];

    a_macro_that_calls_itself_is_refused_before_rendering(): |site| {
        site.file(
            "templates/tree.html",
            "{% macro tree(n) %}\n<li>{{ n }}{{ self::tree(n=n) }}</li>\n{% endmacro tree %}\n",
        );
        site.file(
            "templates/404.html",
            "{% extends \"base.html\" %}{% import \"tree.html\" as t %}\
             {% block content %}{{ t::tree(n=1) }}{% endblock content %}",
        );
    } => [
        "templates/tree.html:2:15",
        "the macro tree in tree.html calls itself: tree → tree",
        "must not call itself",
    ];

    macros_that_call_each_other_across_imports_are_refused(): |site| {
        site.file(
            "templates/ping.html",
            "{% import \"pong.html\" as pong %}\n{% macro ping(n) %}{{ pong::pong(n=n) }}{% endmacro ping %}\n",
        );
        site.file(
            "templates/pong.html",
            "{% import \"ping.html\" as ping %}\n{% macro pong(n) %}{{ ping::ping(n=n) }}{% endmacro pong %}\n",
        );
        site.file(
            "templates/404.html",
            "{% extends \"base.html\" %}{% import \"ping.html\" as p %}\
             {% block content %}{{ p::ping(n=1) }}{% endblock content %}",
        );
    } => [
        "templates/ping.html:2:23",
        "macros call each other in a loop: ping.html::ping → pong.html::pong → ping.html::ping",
    ];

    extends_loops_are_refused(): |site| {
        site.file("templates/a.html", "{% extends \"b.html\" %}");
        site.file("templates/b.html", "\n{% extends \"a.html\" %}");
    } => ["templates/a.html:1:1", "a.html → b.html → a.html", "help: "];

    /// Through an include, which Tera itself does not notice.
    extends_loops_through_an_include_are_refused(): |site| {
        site.file("templates/c.html", "{% extends \"d.html\" %}");
        site.file("templates/d.html", "<div>\n  {% include \"c.html\" %}</div>");
    } => ["templates/c.html:1:1", "c.html → d.html → c.html"];

    a_theme_folder_linked_outside_the_site_is_an_error(): |site| {
        let outside = theme_outside(site);
        site.remove("themes");
        std::os::unix::fs::symlink(outside, site.path("themes")).unwrap();
    } => ["themes: error: this is a link to", "outside the site", "copy the folder"];

    a_theme_linked_outside_the_site_is_an_error(): |site| {
        let outside = theme_outside(site);
        site.remove("themes/default");
        std::os::unix::fs::symlink(outside.join("default"), site.path("themes/default")).unwrap();
    } => ["themes/default: error: this is a link to", "outside the site"];

    // ---- Links in Markdown (what follows 见 on body line 3, at column 2) -----------------------

    a_javascript_link_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](javascript:alert(1))。\n");
    } => ["content/policies/evil.md:6:2", "\"javascript:alert(1)\" would run a script", "help: "];

    a_javascript_link_in_mixed_case_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](JaVaScRiPt:alert(1))。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_javascript_link_with_an_entity_tab_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](java&#9;script:alert(1))。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_javascript_link_with_an_entity_letter_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](&#106;avascript:alert(1))。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_javascript_link_with_a_tab_in_brackets_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](<java\tscript:alert(1)>)。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_percent_encoded_javascript_link_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](%6Aavascript:alert(1))。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_javascript_autolink_is_refused(): |site| {
        evil_page(site, "正文\n\n见<javascript:alert(1)>。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_vbscript_link_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](vbscript:msgbox(1))。\n");
    } => ["content/policies/evil.md:6:2", "would run a script", "help: "];

    a_data_html_link_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](data:text/html,<script>alert(1)</script>)。\n");
    } => ["content/policies/evil.md:6:2", "data:", "help: "];

    an_svg_data_image_is_refused(): |site| {
        evil_page(site, "正文\n\n见![图](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)。\n");
    } => ["content/policies/evil.md:6:2", "the image \"data:image/svg+xml", "help: "];

    a_file_link_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件](file:///C:/Users/a/附件.docx)。\n");
    } => ["content/policies/evil.md:6:2", "file:", "help: "];

    a_data_link_by_reference_is_refused(): |site| {
        evil_page(site, "正文\n\n见[附件][r]\n\n[r]: DATA:text/html,x。\n");
    } => ["content/policies/evil.md:6:2", "data:", "help: "];

    // ---- Allowed raw HTML ---------------------------------------------------------------------

    a_javascript_address_in_raw_html_is_refused(): |site| {
        allow_raw_html(site);
        evil_page(site, "正文\n\n见<a href=\"&#106;avascript:alert(1)\">附件</a>\n");
    } => [
        "content/policies/evil.md:6:5",
        "<a href=\"javascript:alert(1)\"> would run a script",
        "help: ",
    ];

    an_event_handler_in_raw_html_is_refused(): |site| {
        allow_raw_html(site);
        evil_page(site, "正文\n\n见<img src=\"x.png\" alt=\"图\" onerror=\"alert(1)\">\n");
    } => ["content/policies/evil.md:6:27", "<img onerror=…> is an event handler", "help: "];

    an_iframe_srcdoc_in_raw_html_is_refused(): |site| {
        allow_raw_html(site);
        evil_page(
            site,
            "正文\n\n见<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>\n",
        );
    } => ["content/policies/evil.md:6:10", "srcdoc", "help: "];

    a_script_element_in_raw_html_is_refused(): |site| {
        allow_raw_html(site);
        evil_page(site, "正文\n\n见<script>alert(1)</script>\n");
    } => ["content/policies/evil.md:6:2", "a <script> element", "help: "];

    a_data_address_in_raw_html_is_refused(): |site| {
        allow_raw_html(site);
        evil_page(site, "正文\n\n见<img src=\"data:text/html,x\" alt=\"图\">\n");
    } => ["content/policies/evil.md:6:7", "data:", "help: "];

    // ---- Data: structure ----------------------------------------------------------------------

    unknown_column(): |site| {
        site.file("data/observations.csv", "city,indicator,date,valeu\n");
    } => ["data/observations.csv:1:4", "valeu"];

    wrong_column_count(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,2019\n"));
    } => ["data/observations.csv:2:", "3 values", "5 columns"];

    quote_left_open_in_csv(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,2019,96,\"open\n"));
    } => ["data/observations.csv:2:28", "never closed"];

    unknown_city_and_indicator(): |site| {
        site.file(
            "data/observations.csv",
            observations("nowhere,pass-rate,2019,1,x\ntestcity,no-such,2019,1,x\n"),
        );
    } => [
        "data/observations.csv:2:1",
        "unknown city \"nowhere\"",
        "data/observations.csv:3:2: error: in column \"indicator\"",
        "unknown indicator \"no-such\"",
    ];

    duplicate_indicator_id(): |site| {
        site.edit("data/indicators.toml", |text| {
            text + "\n[[indicator]]\nid = \"pass-rate\"\ncity = \"testcity\"\nname = \"重复\"\ntarget = { value = 1, year = 2020 }\n"
        });
    } => ["data/indicators.toml:23:1", "used twice"];

    target_year_before_baseline(): |site| {
        site.file(
            "data/indicators.toml",
            "[[indicator]]\nid = \"x\"\ncity = \"testcity\"\nname = \"倒退\"\nbaseline = { value = 1, year = 2015 }\ntarget = { value = 2, year = 2010 }\n",
        );
    } => ["data/indicators.toml:6:", "2010 is before the baseline year 2015"];

    unknown_key_in_toml_data(): |site| {
        site.file(
            "data/cities.toml",
            "[[city]]\nid = \"testcity\"\nname = \"测试市\"\npopulation = 5\n",
        );
    } => ["data/cities.toml:4:1", "population"];

    two_observations_on_one_date_are_refused_naming_both_rows(): |site| {
        site.file(
            "data/observations.csv",
            observations(
                "testcity,pass-rate,2017,95.5,测试数据\n\
                 testcity,pass-rate,2018,96.1,测试数据\n\
                 testcity,pass-rate,2018年,90,另一来源\n",
            ),
        );
    } => [
        "data/observations.csv:4:1: error: the indicator \"pass-rate\" of the city \"testcity\" has two observations for 2018",
        "data/observations.csv:3 and data/observations.csv:4",
        "help: keep one",
    ];

    two_observations_on_one_date_in_two_files_are_refused_naming_both(): |site| {
        site.file(
            "data/observations/more.csv",
            observations("testcity,pass-rate,2017,97,另一来源\n"),
        );
    } => [
        // Whichever file is read first, both rows are named.
        "error: the indicator \"pass-rate\" of the city \"testcity\" has two observations for 2017: ",
        "data/observations.csv:2",
        "data/observations/more.csv:2",
    ];

    // ---- Data: encodings and byte-order marks -------------------------------------------------

    a_utf8_csv_with_a_gb18030_row_is_refused_at_that_row(): |site| {
        let mut bytes = observations("testcity,pass-rate,2017,95.5,统计公报\n").into_bytes();
        bytes.extend(gb18030("testcity,pass-rate,2018,96.1,企业项目\n"));
        site.file("data/observations.csv", bytes);
    } => [
        "data/observations.csv:3:30: error: the file mixes two encodings",
        "this line is GB18030 (it reads \"testcity,pass-rate,2018,96.1,企业项目\")",
        "the rest of the file is UTF-8",
        "help: ",
        "save the whole file as \"CSV UTF-8\"",
    ];

    a_gb18030_csv_with_utf8_rows_is_refused_at_the_first_of_them(): |site| {
        let mut bytes = gb18030(&fixture_text("data/achievements.csv"));
        bytes.extend("testcity,2019-12,标准,团体,团体标准,5,项,plan,\n".as_bytes());
        bytes.extend(gb18030("testcity,2019-12,标准,行业,行业标准,3,项,plan,\n"));
        bytes.extend("testcity,2020-12,标准,团体,团体标准,8,项,plan,\n".as_bytes());
        site.file("data/achievements.csv", bytes);
    } => [
        "data/achievements.csv:4: error: the file mixes two encodings",
        "this line is UTF-8",
        "the rest of the file is GB18030",
        "the UTF-8 lines (4, 6)",
        "save the whole file as \"CSV UTF-8\"",
    ];

    a_bom_at_the_start_of_a_later_row_is_reported_where_it_is(): |site| {
        site.file(
            "data/observations.csv",
            format!(
                "\u{feff}{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n\u{feff}testcity,pass-rate,2018,96.1,测试数据\n"
            ),
        );
    } => [
        "data/observations.csv:3:1: error: in column \"city\": the value \"testcity\" starts with an invisible byte-order mark (U+FEFF)",
        "help: ",
        "pasting two files together",
    ];

    a_bom_inside_a_cell_is_reported_where_it_is(): |site| {
        site.file(
            "data/observations.csv",
            observations("testcity,pass-rate,2018,96.1,测试\u{feff}数据\n"),
        );
    } => [
        "data/observations.csv:2:5: error: in column \"source\": the value \"测试数据\" has an invisible byte-order mark (U+FEFF) after \"测试\"",
        "pasting two files together",
    ];

    a_pasted_header_with_its_bom_is_reported_as_such(): |site| {
        site.file(
            "data/observations.csv",
            format!(
                "{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n\u{feff}{OBSERVATIONS_HEADER}testcity,pass-rate,2018,96.1,测试数据\n"
            ),
        );
    } => [
        "data/observations.csv:3:1: error: this line repeats the header, after an invisible byte-order mark (U+FEFF), as if two files were pasted together",
        "help: delete this line",
    ];

    a_bom_inside_toml_is_reported_where_it_is(): |site| {
        site.edit("data/cities.toml", |t| t.replace("id = \"testcity\"", "id = \"\u{feff}testcity\""));
    } => [
        "data/cities.toml:2:6: error: in key \"id\": the value \"testcity\" starts with an invisible byte-order mark (U+FEFF)",
        "pasting two files together",
    ];

    // ---- Data: numbers and dates --------------------------------------------------------------

    non_numeric_value(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,2019,九十七,x\n"));
    } => ["data/observations.csv:2:4", "九十七", "not a number"];

    csv_formula_is_not_a_number(): |site| {
        site.file(
            "data/observations.csv",
            observations("testcity,pass-rate,2019,=cmd|' /C calc'!A0,x\n"),
        );
    } => ["data/observations.csv:2:4", "is not a number"];

    a_decimal_comma_is_refused_naming_the_column(): |site| {
        site.file(
            "data/observations.csv",
            observations(
                "testcity,pass-rate,2017,95.5,测试数据\ntestcity,pass-rate,2018,\"93,2\",测试数据\n",
            ),
        );
    } => [
        "data/observations.csv:3:4: error: in column \"value\": \"93,2\" is not a number",
        "help: decimal comma? write 93.2",
    ];

    positions_are_right_in_a_csv_saved_by_excel_with_crlf_line_ends(): |site| {
        site.file(
            "data/observations.csv",
            "\u{feff}city,indicator,date,value,source\r\ntestcity,pass-rate,2017,95.5,测试数据\r\ntestcity,pass-rate,2018,\"93,2\",测试数据\r\n",
        );
    } => ["data/observations.csv:3:4: error: in column \"value\": \"93,2\" is not a number"];

    a_full_width_decimal_comma_is_refused_too(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,2018,93，2,测试数据\n"));
    } => [
        "data/observations.csv:2:4: error: in column \"value\": \"93，2\" is not a number",
        "decimal comma? write 93.2",
    ];

    misplaced_thousands_separators_are_refused_naming_the_column(): |site| {
        site.edit("data/achievements.csv", |t| t.replace("\"1,024\"", "\"1,02,4\""));
    } => [
        "data/achievements.csv:3:6: error: in column \"value\": \"1,02,4\" is not a number",
        "exactly three digits",
    ];

    a_decimal_comma_in_toml_names_the_key(): |site| {
        site.edit("data/indicators.toml", |t| {
            t.replace("baseline = { value = 93.2,", "baseline = { value = \"93,2\",")
        });
    } => [
        "data/indicators.toml:8:22: error: in key \"baseline.value\": \"93,2\" is not a number",
        "decimal comma? write 93.2",
    ];

    an_absurd_number_is_refused(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,2018,1e308,测试数据\n"));
    } => [
        "data/observations.csv:2:4: error: in column \"value\": \"1e308\" is out of range",
        "10^15",
        "help: ",
    ];

    an_absurd_number_in_toml_is_refused(): |site| {
        site.edit("data/indicators.toml", |t| {
            t.replace("target = { value = 30,", "target = { value = -1e15,")
        });
    } => ["data/indicators.toml:20:", "in key \"target.value\": \"-1e15\" is out of range"];

    year_zero_in_data_is_refused_naming_the_column(): |site| {
        site.file("data/observations.csv", observations("testcity,pass-rate,0000,95.5,测试数据\n"));
    } => [
        "data/observations.csv:2:3: error: in column \"date\": \"0000\" is not a date: the year 0 is not between 1900 and 2200",
        "help: ",
    ];

    an_impossible_target_year_in_toml_is_refused_naming_the_key(): |site| {
        site.edit("data/indicators.toml", |t| {
            t.replace("target = { value = 30, year = 2020", "target = { value = 30, year = 2201")
        });
    } => [
        "data/indicators.toml:20:",
        "in key \"target.year\": \"2201\" is not a year between 1900 and 2200",
    ];
}

// ---- Cases the table cannot say --------------------------------------------------------------

/// As text (a source note), a formula is published defused in the CSV download.
#[test]
fn csv_formula_as_text_never_reaches_a_download_as_a_formula() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        observations("testcity,pass-rate,2019,96,=cmd|' /C calc'!A0\n"),
    );
    site.built();
    let csv = site.read("cities/testcity/indicators/pass-rate/data.csv");
    assert!(csv.contains(",'=cmd|' /C calc'!A0"), "{csv}");
}

/// The output folder's problems are not the site's: exit code 2.
#[test]
fn a_file_added_by_hand_where_the_site_writes_is_an_error() {
    let site = TestSite::basic();
    site.built();
    // An editor's own sitemap, which the manifest does not list.
    site.replace_output_file_by_hand("sitemap.xml", "mine");
    site.output_rejected_with(
        &[],
        &["public/sitemap.xml", "stdportal did not write", "--force"],
    );
    assert_no_english(&site.output_rejected_with(&["--lang", "zh-Hans"], &[]));
}

#[test]
fn output_folder_that_cannot_be_written() {
    let site = TestSite::basic();
    site.built();
    // A file where a folder is needed cannot be written into, even by root.
    site.file("blocker", "");
    let output = site.path("blocker/public");
    site.output_rejected_with(
        &["--output", output.to_str().unwrap()],
        &["cannot write the site"],
    );
}

#[test]
fn disk_full_while_writing() {
    let site = TestSite::basic();
    site.built();
    // Only changed files are written: change one so there is something to write.
    site.page("policies/new.md", "+++\ntitle = \"新页面\"\n+++\n正文\n");
    let before = site.tree();
    let output = site
        .command(&["build"])
        .env(stdportal::output::SIMULATE_DISK_FULL, "1")
        .output()
        .unwrap();
    assert_refused_output(&output, &["the disk is full"]);
    assert_same_tree(&before, &site.tree(), "a build on a full disk");
    // Staging folders are cleaned up.
    assert_no_leftovers(site.root());
}

/// A file-size limit (`ulimit -f`) makes writes fail: a message, not a crash, and the site
/// as it was.
#[test]
fn a_file_size_limit_gives_a_message_and_keeps_the_site() {
    use std::os::unix::process::CommandExt;
    let site = TestSite::basic();
    site.built();
    site.page("policies/new.md", "+++\ntitle = \"新页面\"\n+++\n正文\n");
    let before = site.tree();
    let mut command = site.command(&["build"]);
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1024,
                rlim_max: libc::RLIM_INFINITY,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let output = command.output().unwrap();
    assert_refused_output(&output, &["cannot write the site", "ulimit -f"]);
    assert_same_tree(&before, &site.tree(), "a build over the file-size limit");
}

/// Not a rejection: input this large or this deep still builds, without a stack overflow.
#[test]
fn a_twenty_megabyte_page_and_deep_nesting_build() {
    let site = TestSite::basic();
    let paragraph =
        "标准是经济活动和社会发展的技术支撑,是国家治理体系和治理能力现代化的基础性制度。"
            .repeat(20);
    let count = 20 * 1024 * 1024 / paragraph.len();
    site.page(
        "policies/huge.md",
        &format!(
            "+++\ntitle = \"巨大\"\n+++\n\n{}",
            vec![paragraph; count].join("\n\n")
        ),
    );
    let nested: String = "> ".repeat(3000)
        + "深\n\n"
        + &(0..1000)
            .map(|i| format!("{}- 层\n", "  ".repeat(i)))
            .collect::<String>();
    site.page(
        "policies/nested.md",
        &format!("+++\ntitle = \"嵌套\"\n+++\n\n{nested}"),
    );
    site.built();
    assert!(
        std::fs::metadata(site.public().join("zh-hant/policies/huge/index.html"))
            .unwrap()
            .len()
            > 20_000_000
    );
    assert!(site
        .read("zh-hant/policies/nested/index.html")
        .contains("深"));
}
