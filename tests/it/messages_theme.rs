//! The theme's messages (labels, templates, shortcodes) and a page's dangerous content, in the
//! editor's language: each case breaks the basic fixture the way an editor or a theme author
//! would, and the build is refused with exit code 1 and the exact Chinese lines (message and
//! hint), the site folder unchanged.

use crate::support::*;

/// Builds the basic fixture, breaks it, and checks the build in `lang` is refused with every
/// one of `lines` as a whole line of its output (a line about config.toml names it by the path
/// it was read at, a temporary folder's).
fn refused(lang: &str, break_it: impl FnOnce(&TestSite), lines: &[&str]) {
    let site = TestSite::basic();
    break_it(&site);
    let message = site.rejected_in(lang, lines);
    for expected in lines {
        assert!(
            message
                .lines()
                .any(|l| l == *expected || l.ends_with(&format!("/{expected}"))),
            "{lang}: a line should be exactly\n{expected}\nin:\n{message}"
        );
    }
}

macro_rules! cases {
    ($($(#[doc = $doc:literal])* $name:ident($lang:literal): $break_it:expr => [$($line:expr),+ $(,)?];)*) => {
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                refused($lang, $break_it, &[$($line),+]);
            }
        )*
    };
}

fn page(site: &TestSite, body: &str) {
    site.page(
        "policies/test.md",
        &format!("+++\ntitle = \"测试\"\n+++\n{body}"),
    );
}

fn allow_raw_html(site: &TestSite) {
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
}

/// The default theme's labels file without the line that sets `key`.
fn theme_labels_without(site: &TestSite, key: &str) {
    site.edit("themes/default/i18n/zh-Hans.toml", |text| {
        text.lines()
            .filter(|l| !l.starts_with(&format!("{key} =")))
            .map(|l| format!("{l}\n"))
            .collect()
    });
}

/// The 404 page of the default theme, its content replaced by `content`.
fn not_found_page(site: &TestSite, content: &str) {
    site.file(
        "templates/404.html",
        format!(
            "{{% extends \"base.html\" %}}{{% block content %}}{content}{{% endblock content %}}"
        ),
    );
}

cases! {
    // ---- Shortcodes -------------------------------------------------------------------------

    an_unknown_shortcode("zh-Hans"): |s| page(s, "正文\n\n{{ chart(id=\"x\") }}\n") => [
        "content/policies/test.md:6:1: 错误：第 6 行第 1 列：没有名为“chart”的短代码（没有模板 shortcodes/chart.html）",
    ];
    a_shortcode_that_is_not_one("zh-Hant"): |s| page(s, "正文 {{ indicator(city=testcity) }}\n") => [
        "content/policies/test.md:4:4: 錯誤：第 4 行第 4 欄：“{{ indicator(city=testcity) }}”不是短代碼：請這樣寫 {{ indicator(city=\"rizhao\", id=\"…\") }}",
    ];
    a_shortcode_left_open("zh-Hans"): |s| page(s, "正文 {{ indicator(city=\"testcity\"\n") => [
        "content/policies/test.md:4:4: 错误：第 4 行第 4 列：以 {{ 开头的短代码没有用 }} 结束",
    ];
    an_indicator_shortcode_for_no_indicator("zh-Hans"): |s| {
        page(s, "正文\n{{ indicator(city=\"testcity\", id=\"no-such\") }}\n");
    } => [
        "content/policies/test.md:5:1: 错误：第 5 行第 1 列：data/indicators.toml 里没有城市“testcity”的指标“no-such”",
    ];
    an_indicator_shortcode_without_its_arguments("zh-Hant"): |s| {
        page(s, "正文\n{{ indicator(city=\"testcity\") }}\n");
    } => [
        "content/policies/test.md:5:1: 錯誤：第 5 行第 1 欄：indicator 短代碼需要寫 city=\"…\" 和 id=\"…\"",
    ];

    // ---- What a page must not publish -------------------------------------------------------

    a_script_in_markdown("zh-Hans"): |s| {
        allow_raw_html(s);
        page(s, "正文\n\n<script>alert(1)</script>\n");
    } => [
        "content/policies/test.md:6:1: 错误：第 6 行第 1 列：Markdown 里的 HTML：<script> 元素会在读者的浏览器里运行",
        "  提示：请删除它：页面不运行写在正文里的脚本（脚本应当放在主题的模板和 static/ 里）",
    ];
    an_event_handler_in_markdown("zh-Hant"): |s| {
        allow_raw_html(s);
        page(s, "正文\n\n<img src=\"a.png\" alt=\"图\" onerror=\"alert(1)\">\n");
    } => [
        "content/policies/test.md:6:26: 錯誤：第 6 行第 26 欄：Markdown 裡的 HTML：<img onerror=…> 是事件處理屬性，會在讀者的瀏覽器裡執行指令碼",
        "  提示：請刪除它：頁面不執行寫在正文裡的指令碼（指令碼應當放在主題的範本和 static/ 裡）",
    ];
    a_javascript_link_and_another("zh-Hans"): |s| {
        page(s, "正文\n\n见[附件](javascript:alert(1))。\n\n又见[附件](javascript:alert(2))。\n");
    } => [
        "content/policies/test.md:6:2: 错误：第 6 行第 2 列：链接“javascript:alert(1)”被打开时会运行脚本（这个文件里还有 1 处，在 8:3）",
        "  提示：请改为链接到一个页面（https://… 或本网站的路径），或者删除这个链接",
    ];
    a_data_image("zh-Hant"): |s| {
        page(s, "正文\n\n见![图](data:image/svg+xml,x)。\n");
    } => [
        "content/policies/test.md:6:2: 錯誤：第 6 行第 2 欄：圖片“data:image/svg+xml,x”把整個文件放在了地址裡（data:），瀏覽器可能把它當作單獨的頁面開啟",
        "  提示：請把檔案放在 static/ 裡，用它的路徑連結；只有用 ![…](…) 或 <img src> 顯示的 PNG、JPEG、GIF、WebP、AVIF、BMP 和 ICO 圖片可以用 data:",
    ];
    a_file_address_in_raw_html("zh-Hans"): |s| {
        allow_raw_html(s);
        page(s, "正文\n\n<a href=\"file:///C:/a.docx\">附件</a>\n");
    } => [
        "content/policies/test.md:6:4: 错误：第 6 行第 4 列：Markdown 里的 HTML：<a href=\"file:///C:/a.docx\"> 指向某人自己电脑上的文件（file:），读者打不开",
        "  提示：请把文件放在 static/ 里，用它在网站上的路径链接",
    ];

    // ---- Labels -----------------------------------------------------------------------------

    an_unknown_label_in_the_site_override("zh-Hant"): |s| {
        s.file("i18n/zh-Hans.toml", "nav_hom = \"首页\"\n");
    } => [
        "i18n/zh-Hans.toml:1:1: 錯誤：第 1 行第 1 欄：沒有名為 nav_hom 的介面文字",
        "  提示：是不是要寫 nav_home？可以用的名稱就是 themes/default/i18n/zh-Hans.toml 裡的那些",
    ];
    a_label_without_its_placeholders("zh-Hans"): |s| {
        s.file("i18n/zh-Hans.toml", "date_day = \"{year}年\"\n");
    } => [
        "i18n/zh-Hans.toml:1:12: 错误：第 1 行第 12 列：界面文字 date_day 没有显示 {month} 和 {day}",
        "  提示：date_day 必须显示 {year}、{month} 和 {day}，例如 date_day = \"{year}年{month}月{day}日\"",
    ];
    a_label_with_a_placeholder_it_does_not_have("zh-Hant"): |s| {
        s.file("i18n/zh-Hans.toml", "title_pager = \"{title}（第{page}页）\"\n");
    } => [
        "i18n/zh-Hans.toml:1:25: 錯誤：第 1 行第 25 欄：介面文字 title_pager 沒有佔位符 {page}：它顯示的是 {title} 和 {number}",
        "  提示：title_pager 顯示 {title} 和 {number}；要顯示大括號本身，請寫 {{ 和 }}",
    ];
    a_traditional_labels_file("zh-Hans"): |s| {
        s.file("i18n/zh-Hant.toml", "nav_home = \"首頁\"\n");
    } => [
        "i18n/zh-Hant.toml: 错误：stdportal 在这里只读取 i18n/zh-Hans.toml，不读取 zh-Hant.toml",
        "  提示：繁体页面显示的是 zh-Hans.toml 里的界面文字，和页面的其他内容一起转换；要改变某个词语的转换方式，请把它加到 data/dictionary.toml 的 [to_hant] 里，并删除这个文件",
    ];
    a_template_naming_no_label("zh-Hans"): |s| not_found_page(s, "<p>{{ labels.nav_hom }}</p>") => [
        "templates/404.html:1:51: 错误：第 1 行第 51 列：模板 404.html 用了 labels.nav_hom，但没有这条界面文字",
        "  提示：是不是要写 nav_home？可以用的名称就是 themes/default/i18n/zh-Hans.toml 里的那些",
    ];

    // ---- Templates --------------------------------------------------------------------------

    a_template_include_loop("zh-Hans"): |s| {
        s.file("templates/loop.html", "<p>\n{% include \"loop2.html\" %}</p>");
        s.file("templates/loop2.html", "{% include \"loop.html\" %}");
    } => [
        "templates/loop.html:2:1: 错误：第 2 行第 1 列：模板互相包含或继承，形成了循环：loop.html → loop2.html → loop.html",
        "  提示：请去掉其中一个 include（或 extends）；模板不能包含它自己",
    ];
    a_macro_that_calls_itself("zh-Hant"): |s| {
        s.file(
            "templates/tree.html",
            "{% macro tree(n) %}\n<li>{{ n }}{{ self::tree(n=n) }}</li>\n{% endmacro tree %}\n",
        );
    } => [
        "templates/tree.html:2:15: 錯誤：第 2 行第 15 欄：tree.html 裡的巨集 tree 呼叫了它自己：tree → tree",
        "  提示：巨集不能直接或透過其他巨集呼叫它自己：Tera 沒有深度限制，產生會崩潰；請把各層分別寫出來",
    ];
    /// Tera's own words stay in English, inside a sentence that names the template.
    a_template_tera_cannot_read("zh-Hans"): |s| not_found_page(s, "<p>{{ page.title </p>") => [
        "templates/404.html:1:63: 错误：第 1 行第 63 列：模板 404.html 有错误（Tera 的说明）：\
         Failed to parse '404.html': --> 1:63 | 1 | {% extends \"base.html\" %}{% block content %}\
         <p>{{ page.title </p>{% endblock content %} | ^--- | = expected an expression or a \
         string or a concatenation of strings",
        "  提示：请修改模板；stdportal build 每次只报告遇到的第一个模板问题",
    ];
    a_missing_template("zh-Hant"): |s| {
        s.remove("themes/default/templates/search.html");
    } => [
        "themes/default/templates/search.html: 錯誤：缺少範本 search.html",
        "  提示：請從預設主題恢復它，或者把自己的範本放在 templates/ 裡",
    ];
    a_theme_that_is_not_there("zh-Hans"): |s| {
        s.config("theme = \"default\"", "theme = \"plain\"");
    } => [
        "config.toml: 错误：主题“plain”不在 themes/plain/ 里",
        "  提示：请写 theme = \"default\"，或者把主题复制到 themes 文件夹里",
    ];

    // ---- config.toml and front matter -------------------------------------------------------

    a_favicon_elsewhere("zh-Hans"): |s| {
        s.config("theme = \"default\"", "theme = \"default\"\nfavicon = \"https://cdn.example.com/icon.ico\"");
    } => [
        "config.toml:5: 错误：第 5 行：favicon = \"https://cdn.example.com/icon.ico\" 不是网站里的路径：请写相对于网站根目录的路径",
        "  提示：请写 static/ 里一个文件的路径，例如 favicon = \"favicon.svg\"",
    ];
    a_date_that_is_not_one("zh-Hant"): |s| {
        s.page("policies/test.md", "+++\ntitle = \"测试\"\ndate = \"2021-13\"\n+++\n正文\n");
    } => [
        "content/policies/test.md:3:8: 錯誤：第 3 行第 8 欄：“2021-13”不是日期：請寫成 2021、2021-10 或 2021-10-14（也可以寫 2021年10月14日）",
    ];
}

/// A label neither the theme's labels nor the site's override sets: reported at the end of the
/// theme's file, where it would be added, and the hint names the site's file too.
#[test]
fn a_label_missing_with_a_site_override() {
    let site = TestSite::basic();
    theme_labels_without(&site, "nav_home");
    site.file("i18n/zh-Hans.toml", "nav_topics = \"专题\"\n");
    let last = site
        .source("themes/default/i18n/zh-Hans.toml")
        .lines()
        .count();
    let zh_hans = [
        format!("themes/default/i18n/zh-Hans.toml:{last}: 错误：第 {last} 行：缺少界面文字 nav_home"),
        "  提示：请把它加到 themes/default/i18n/zh-Hans.toml 里（或者加到网站的 i18n/zh-Hans.toml 里），\
         例如照默认主题写 nav_home = \"首页\""
            .to_string(),
    ];
    let zh_hant = [
        format!("themes/default/i18n/zh-Hans.toml:{last}: 錯誤：第 {last} 行：缺少介面文字 nav_home"),
        "  提示：請把它加到 themes/default/i18n/zh-Hans.toml 裡（或者加到網站的 i18n/zh-Hans.toml 裡），\
         例如照預設主題寫 nav_home = \"首页\""
            .to_string(),
    ];
    for (lang, lines) in [("zh-Hans", zh_hans), ("zh-Hant", zh_hant)] {
        let message = site.rejected_in(lang, &[&lines[0], &lines[1]]);
        for line in &lines {
            assert!(
                message.lines().any(|l| l == line),
                "{lang}: {line}\n{message}"
            );
        }
    }
}
