//! "Text stays text": what editors, data and configuration write reaches pages as text, never as
//! markup or as an address that runs a script. Each case runs the real `stdportal` binary: a
//! hostile input is either shown as text, or refused with exit 1, file:line and a hint, leaving
//! `public/` byte for byte as it was.

mod common;

use std::path::Path;

use common::*;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn set_config(root: &Path, from: &str, to: &str) {
    let path = root.join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in config.toml");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn allow_raw_html(root: &Path) {
    set_config(
        root,
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
}

/// A page whose body line `n` is file line `n + 3`.
fn page(root: &Path, name: &str, body: &str) {
    write(
        root,
        &format!("content/policies/{name}.md"),
        &format!("+++\ntitle = \"安全测试\"\n+++\n{body}"),
    );
}

// ---- 1. Site dictionary -------------------------------------------------------------------

#[test]
fn dictionary_values_are_shown_as_text_escaped_once() {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "data/dictionary.toml",
        "[to_hant]\n\
         \"标准化发展规划\" = \"<script>alert('dict')</script>\"\n\
         \"抽查合格率\" = \"A&B\"\n\
         \"主导或参与\" = \"<b>\"\n\
         \"测试市人民政府\" = \"\\\" onmouseover=\\\"alert(2)\"\n\
         \"甲&乙\" = \"丙\"\n\
         [to_hans]\n\
         \"標準&品質\" = \"A&B\"\n\
         \"溫州\" = \"<i>\"\n",
    );
    // A Traditional source (made Simplified at load) and a phrase with `&` in it.
    write(
        root,
        "content/policies/hant.md",
        "+++\ntitle = \"標準&品質\"\ndescription = \"溫州\"\n+++\n溫州的標準&品質,甲&乙。\n",
    );
    let output = build(root);
    assert_success(&output);

    let hant = read(root, "zh-hant/policies/plan/index.html");
    assert!(!hant.contains("<script>alert("), "{hant}");
    assert!(!hant.contains("<b>"));
    assert!(!hant.contains("\" onmouseover"));
    // In the <title>, the <h1> and the meta attributes, and in the body text.
    assert!(
        hant.contains("<title>測試市&lt;script&gt;alert(&#39;dict&#39;)&lt;/script&gt; - "),
        "{hant}"
    );
    assert!(hant.contains("<h1>測試市&lt;script&gt;alert(&#39;dict&#39;)&lt;/script&gt;</h1>"));
    assert!(hant.contains("content=\"測試市&lt;script&gt;alert(&#39;dict&#39;)&lt;/script&gt;\""));
    assert!(hant.contains("A&amp;B"));
    assert!(hant.contains("&lt;b&gt;"));
    assert!(
        hant.contains("<dd>&quot; onmouseover=&quot;alert(2)</dd>"),
        "{hant}"
    );
    assert!(
        !hant.contains("&amp;amp;") && !hant.contains("&amp;lt;"),
        "escaped twice"
    );

    // A phrase with `&` matches the text as it stands in HTML (`甲&amp;乙`).
    let hant_page = read(root, "zh-hant/policies/hant/index.html");
    assert!(hant_page.contains("丙。"), "{hant_page}");

    // Simplified: plain strings (titles) and HTML text (the body) both end up escaped once.
    let hans = read(root, "policies/hant/index.html");
    assert!(hans.contains("<h1>A&amp;B</h1>"), "{hans}");
    assert!(
        hans.contains("<p>&lt;i&gt;的A&amp;B,甲&amp;乙。</p>"),
        "{hans}"
    );
    assert!(
        hans.contains("<meta name=\"description\" content=\"&lt;i&gt;\">"),
        "{hans}"
    );
    assert!(!hans.contains("<i>") && !hans.contains("&amp;amp;"));

    // Feeds escape plain strings themselves: once.
    let feed = read(root, "zh-hant/atom.xml");
    assert!(feed.contains("&lt;script&gt;"), "{feed}");
    assert!(!feed.contains("<script>") && !feed.contains("&amp;lt;"));
}

// ---- 2. base_url ----------------------------------------------------------------------------

#[test]
fn base_url_with_markup_is_published_percent_encoded() {
    let site = fixture("basic");
    let root = site.path();
    set_config(
        root,
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://example.gov.cn/bzh/\\\"><svg/onload=alert(1)>'\"",
    );
    assert_success(&build(root));
    for page in [
        "policies/plan/index.html",
        "zh-hant/policies/plan/index.html",
    ] {
        let html = read(root, page);
        assert!(!html.contains("<svg/onload"), "{page}");
        assert!(!html.contains("\"><svg"), "{page}");
        // The shortcode's link (the root marker) and the template's links alike.
        assert!(
            html.contains("href=\"/bzh/%22%3E%3Csvg/onload=alert(1)%3E%27/"),
            "{html}"
        );
        assert!(html.contains(
            "<link rel=\"canonical\" href=\"https://example.gov.cn/bzh/%22%3E%3Csvg/onload=alert(1)%3E%27/"
        ));
    }
    let plan = read(root, "policies/plan/index.html");
    assert!(
        plan.contains("<a href=\"/bzh/%22%3E%3Csvg/onload=alert(1)%3E%27/cities/testcity/indicators/pass-rate/\">"),
        "the shortcode's root: {plan}"
    );
}

#[test]
fn base_url_that_is_not_a_web_address_is_refused() {
    for (url, expected) in [
        (
            "javascript:alert(1)//",
            "must start with http:// or https://",
        ),
        (
            "https://user:secret@example.gov.cn/",
            "user name or password",
        ),
        (
            "https://example.gov.cn/?a=\\\"><svg>",
            "must not contain '?' or '#'",
        ),
        ("https://example.gov.cn/#x", "must not contain '?' or '#'"),
        ("https:///example.gov.cn/", "no host name"),
        (
            "https://example.gov.cn/a\\tb/",
            "spaces or control characters",
        ),
    ] {
        assert_rejected(
            "basic",
            |root| {
                set_config(
                    root,
                    "base_url = \"https://example.gov.cn/\"",
                    &format!("base_url = \"{url}\""),
                )
            },
            &[
                "config.toml:3",
                expected,
                "write it like base_url = \"https://example.gov.cn/bzh/\"",
            ],
        );
    }
}

#[test]
fn base_url_option_is_checked_the_same_way() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let before = snapshot(&root.join("public"));
    let output = stdportal(
        root,
        &["build", "--base-url", "https://a.cn/?\"><svg onload=x>"],
    );
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("--base-url: error: base_url"), "{message}");
    assert!(
        message.contains("--base-url https://example.gov.cn/bzh/"),
        "{message}"
    );
    assert_eq!(snapshot(&root.join("public")), before);
}

// ---- 3. Links in Markdown -------------------------------------------------------------------

#[test]
fn script_and_data_links_in_markdown_are_refused_where_they_are() {
    // (what follows 见 on body line 3, the column it starts at, what the message says)
    let cases = [
        (
            "[附件](javascript:alert(1))",
            "\"javascript:alert(1)\" would run a script",
        ),
        ("[附件](JaVaScRiPt:alert(1))", "would run a script"),
        ("[附件](java&#9;script:alert(1))", "would run a script"),
        ("[附件](&#106;avascript:alert(1))", "would run a script"),
        ("[附件](<java\tscript:alert(1)>)", "would run a script"),
        ("[附件](%6Aavascript:alert(1))", "would run a script"),
        ("<javascript:alert(1)>", "would run a script"),
        ("[附件](vbscript:msgbox(1))", "would run a script"),
        ("[附件](data:text/html,<script>alert(1)</script>)", "data:"),
        (
            "![图](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)",
            "the image \"data:image/svg+xml",
        ),
        ("[附件](file:///C:/Users/a/附件.docx)", "file:"),
        ("[附件][r]\n\n[r]: DATA:text/html,x", "data:"),
    ];
    for (link, expected) in cases {
        assert_rejected(
            "basic",
            |root| page(root, "evil", &format!("正文\n\n见{link}。\n")),
            &["content/policies/evil.md:6:2", expected, "help: "],
        );
    }
}

#[test]
fn raster_data_images_and_ordinary_links_are_published() {
    let site = fixture("basic");
    let root = site.path();
    page(
        root,
        "fine",
        "![图标](data:image/png;base64,iVBORw0KGgo=) [规划](/policies/plan/) \
         [邮件](mailto:a@example.gov.cn) [./javascript:x](./javascript:x)\n\n\
         <pre onmouseover=\"alert(1)\">x</pre>\n",
    );
    assert_success(&build(root));
    let html = read(root, "policies/fine/index.html");
    assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"图标\""));
    // Raw HTML is text unless allowed, even when it looks like a highlighted code block.
    assert!(
        html.contains("&lt;pre onmouseover=\"alert(1)\"&gt;x&lt;/pre&gt;"),
        "{html}"
    );
    assert!(!html.contains("<pre onmouseover"));
}

#[test]
fn scripts_in_allowed_raw_html_are_refused() {
    let cases = [
        (
            "<a href=\"&#106;avascript:alert(1)\">附件</a>",
            "6:5",
            "<a href=\"javascript:alert(1)\"> would run a script",
        ),
        (
            "<img src=\"x.png\" alt=\"图\" onerror=\"alert(1)\">",
            "6:27",
            "<img onerror=…> is an event handler",
        ),
        (
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
            "6:10",
            "srcdoc",
        ),
        ("<script>alert(1)</script>", "6:2", "a <script> element"),
        ("<img src=\"data:text/html,x\" alt=\"图\">", "6:7", "data:"),
    ];
    for (html, position, expected) in cases {
        assert_rejected(
            "basic",
            |root| {
                allow_raw_html(root);
                page(root, "evil", &format!("正文\n\n见{html}\n"));
            },
            &[
                &format!("content/policies/evil.md:{position}"),
                expected,
                "help: ",
            ],
        );
    }
}

// ---- stdportal check -------------------------------------------------------------------------

#[test]
fn check_reports_a_javascript_link_in_raw_html() {
    let site = fixture("basic");
    let root = site.path();
    allow_raw_html(root);
    page(
        root,
        "evil",
        "正文\n\n<p><a href=\"javascript:alert(1)\">附件</a></p>\n",
    );
    let output = stdportal(root, &["check"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("content/policies/evil.md:6:7: error: the raw HTML <a href=\"javascript:alert(1)\"> would run a script"),
        "{message}"
    );
    assert!(!message.contains("panicked"));
}

#[test]
fn check_reports_dangerous_addresses_and_handlers_from_templates_and_data() {
    let site = fixture("basic");
    let root = site.path();
    allow_raw_html(root);
    set_config(
        root,
        "[footer]",
        "[extra]\nhelp = \" JaVaScRiPt:alert(1)\"\n\n[footer]",
    );
    // A site template that builds an address from configuration, and one with a handler.
    write(
        root,
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>页面未找到</h1>\n\
         <p><a href=\"{{ config.extra.help }}\">帮助</a></p>\n\
         <p><button type=\"button\" onclick=\"history.back()\">返回</button></p>\n\
         {% endblock content %}\n",
    );
    let output = stdportal(root, &["check"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    // The rendered page and its line (base.html's head comes first): dangers in templates do
    // not stop a build, only `check` reports them.
    assert_success(&build(root));
    let built = read(root, "404.html");
    let rendered_line = |needle: &str| built.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let help_line = rendered_line("帮助");
    let button_line = rendered_line("返回</button>");
    assert!(
        message.contains(&format!(
            "404.html:{help_line}: error: in the rendered page: <a href=\"JaVaScRiPt:alert(1)\"> would run a script"
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "404.html:{button_line}: error: in the rendered page: <button onclick=…> is an event handler"
        )),
        "{message}"
    );
    // Once per mistake, not once per script (zh-hant/404.html has the same).
    assert_eq!(message.matches("JaVaScRiPt").count(), 1, "{message}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("2 problems"), "{stdout}");
}

// ---- 4. Template loops ----------------------------------------------------------------------

#[test]
fn a_macro_that_calls_itself_is_refused_before_rendering() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "templates/tree.html",
                "{% macro tree(n) %}\n<li>{{ n }}{{ self::tree(n=n) }}</li>\n{% endmacro tree %}\n",
            );
            write(
                root,
                "templates/404.html",
                "{% extends \"base.html\" %}{% import \"tree.html\" as t %}\
                 {% block content %}{{ t::tree(n=1) }}{% endblock content %}",
            );
        },
        &[
            "templates/tree.html:2:15",
            "the macro tree in tree.html calls itself: tree → tree",
            "must not call itself",
        ],
    );
}

#[test]
fn macros_that_call_each_other_across_imports_are_refused() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "templates/ping.html",
                "{% import \"pong.html\" as pong %}\n{% macro ping(n) %}{{ pong::pong(n=n) }}{% endmacro ping %}\n",
            );
            write(
                root,
                "templates/pong.html",
                "{% import \"ping.html\" as ping %}\n{% macro pong(n) %}{{ ping::ping(n=n) }}{% endmacro pong %}\n",
            );
            write(
                root,
                "templates/404.html",
                "{% extends \"base.html\" %}{% import \"ping.html\" as p %}\
                 {% block content %}{{ p::ping(n=1) }}{% endblock content %}",
            );
        },
        &[
            "templates/ping.html:2:23",
            "macros call each other in a loop: ping.html::ping → pong.html::pong → ping.html::ping",
        ],
    );
}

#[test]
fn extends_loops_are_refused() {
    assert_rejected(
        "basic",
        |root| {
            write(root, "templates/a.html", "{% extends \"b.html\" %}");
            write(root, "templates/b.html", "\n{% extends \"a.html\" %}");
        },
        &["templates/a.html:1:1", "a.html → b.html → a.html", "help: "],
    );
    // Through an include, which Tera itself does not notice.
    assert_rejected(
        "basic",
        |root| {
            write(root, "templates/c.html", "{% extends \"d.html\" %}");
            write(
                root,
                "templates/d.html",
                "<div>\n  {% include \"c.html\" %}</div>",
            );
        },
        &["templates/c.html:1:1", "c.html → d.html → c.html"],
    );
}
