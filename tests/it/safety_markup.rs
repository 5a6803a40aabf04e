//! "Text stays text": what editors, data and configuration write reaches pages as text, never as
//! markup or as an address that runs a script. Each case runs the real `stdportal` binary: a
//! hostile input is either shown as text, or refused with exit 1, file:line and a hint, leaving
//! `public/` byte for byte as it was. The refusals (base_url, script and data links, raw HTML,
//! template loops) are rows of the table in bad_input.rs; here is what is published as text,
//! and what `stdportal check` reports.

use crate::support::*;

fn allow_raw_html(site: &TestSite) {
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
}

/// A page whose body line `n` is file line `n + 3`.
fn page(site: &TestSite, name: &str, body: &str) {
    site.page(
        &format!("policies/{name}.md"),
        &format!("+++\ntitle = \"安全测试\"\n+++\n{body}"),
    );
}

// ---- 1. Site dictionary -------------------------------------------------------------------

#[test]
fn dictionary_values_are_shown_as_text_escaped_once() {
    let site = TestSite::basic();
    site.file(
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
    site.file(
        "content/policies/hant.md",
        "+++\ntitle = \"標準&品質\"\ndescription = \"溫州\"\n+++\n溫州的標準&品質,甲&乙。\n",
    );
    site.built();

    let hant = site.read("zh-hant/policies/plan/index.html");
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
        hant.contains(">&quot; onmouseover=&quot;alert(2)</a></dd>"),
        "{hant}"
    );
    assert!(
        !hant.contains("&amp;amp;") && !hant.contains("&amp;lt;"),
        "escaped twice"
    );

    // A phrase with `&` matches the text as it stands in HTML (`甲&amp;乙`).
    let hant_page = site.read("zh-hant/policies/hant/index.html");
    assert!(hant_page.contains("丙。"), "{hant_page}");

    // Simplified: plain strings (titles) and HTML text (the body) both end up escaped once.
    let hans = site.read("policies/hant/index.html");
    assert!(hans.contains("<h1>A&amp;B</h1>"), "{hans}");
    assert!(
        hans.contains("<p>&lt;i&gt;的A&amp;B，甲&amp;乙。</p>"),
        "{hans}"
    );
    assert!(
        hans.contains("<meta name=\"description\" content=\"&lt;i&gt;\">"),
        "{hans}"
    );
    assert!(!hans.contains("<i>") && !hans.contains("&amp;amp;"));

    // Feeds escape plain strings themselves: once.
    let feed = site.read("zh-hant/atom.xml");
    assert!(feed.contains("&lt;script&gt;"), "{feed}");
    assert!(!feed.contains("<script>") && !feed.contains("&amp;lt;"));
}

// ---- 2. base_url ----------------------------------------------------------------------------

#[test]
fn base_url_with_markup_is_published_percent_encoded() {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://example.gov.cn/bzh/\\\"><svg/onload=alert(1)>'\"",
    );
    site.built();
    for page in [
        "policies/plan/index.html",
        "zh-hant/policies/plan/index.html",
    ] {
        let html = site.read(page);
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
    let plan = site.read("policies/plan/index.html");
    assert!(
        plan.contains("<a href=\"/bzh/%22%3E%3Csvg/onload=alert(1)%3E%27/cities/testcity/indicators/pass-rate/\">"),
        "the shortcode's root: {plan}"
    );
}

// ---- 3. Links in Markdown -------------------------------------------------------------------

#[test]
fn raster_data_images_and_ordinary_links_are_published() {
    let site = TestSite::basic();
    page(
        &site,
        "fine",
        "![图标](data:image/png;base64,iVBORw0KGgo=) [规划](/policies/plan/) \
         [邮件](mailto:a@example.gov.cn) [./javascript:x](./javascript:x)\n\n\
         <pre onmouseover=\"alert(1)\">x</pre>\n",
    );
    site.built();
    let html = site.read("policies/fine/index.html");
    assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"图标\""));
    // Raw HTML is text unless allowed, even when it looks like a highlighted code block.
    assert!(
        html.contains("&lt;pre onmouseover=\"alert(1)\"&gt;x&lt;/pre&gt;"),
        "{html}"
    );
    assert!(!html.contains("<pre onmouseover"));
}

// ---- stdportal check -------------------------------------------------------------------------

#[test]
fn check_reports_a_javascript_link_in_raw_html() {
    let site = TestSite::basic();
    allow_raw_html(&site);
    page(
        &site,
        "evil",
        "正文\n\n<p><a href=\"javascript:alert(1)\">附件</a></p>\n",
    );
    let output = site.run(&["check"]);
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
    let site = TestSite::basic();
    allow_raw_html(&site);
    site.config(
        "[footer]",
        "[extra]\nhelp = \" JaVaScRiPt:alert(1)\"\n\n[footer]",
    );
    // A site template that builds an address from configuration, and one with a handler.
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>页面未找到</h1>\n\
         <p><a href=\"{{ config.extra.help }}\">帮助</a></p>\n\
         <p><button type=\"button\" onclick=\"history.back()\">返回</button></p>\n\
         {% endblock content %}\n",
    );
    let output = site.run(&["check"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    // The rendered page and its line (base.html's head comes first): dangers in templates do
    // not stop a build, only `check` reports them.
    site.built();
    let built = site.read("404.html");
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
    let stdout = stdout(&output);
    assert!(stdout.contains("2 problems"), "{stdout}");
}
