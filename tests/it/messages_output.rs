//! Messages about output paths and the output folder in the editor's language: two things
//! claiming one address (named as whole phrases inside the Chinese sentence), `--output` into the
//! site's sources, a folder with someone else's files, a file in the way, a disk that cannot be
//! written, and `check` naming a generated page. Each is said exactly, with exit code 1.

use std::process::Output;

use crate::support::*;

/// `message` has `lines` one after the other, exactly (a problem and its hint).
fn assert_says(message: &str, lines: &[&str]) {
    let all: Vec<&str> = message.lines().collect();
    let start = all
        .iter()
        .position(|l| *l == lines[0])
        .unwrap_or_else(|| panic!("no line {:?} in:\n{message}", lines[0]));
    assert_eq!(
        &all[start..(start + lines.len()).min(all.len())],
        lines,
        "in:\n{message}"
    );
}

/// Builds in `lang` (the build must fail, leave the site as it was) and checks that the message
/// has `lines`, one after the other.
fn rejected_saying(site: &TestSite, lang: &str, lines: &[&str]) {
    let message = site.rejected_in(lang, &[]);
    assert_says(&message, lines);
}

// ---- Two claims on one address (src/site/claims.rs, src/output/claims.rs) ----------------------

#[test]
fn a_page_on_a_built_in_address_in_chinese() {
    let site = TestSite::basic();
    site.page("search.md", "+++\ntitle = \"搜索\"\n+++\n");
    rejected_saying(
        &site,
        "zh-Hans",
        &[
            "content/search.md: 错误：这个页面和内置的搜索页面都要占用网址 /search/",
            "  提示：请在页面的前置信息里换一个页面地址名（页面地址名 = \"…\"），或者把它移到别的文件夹",
        ],
    );
    rejected_saying(
        &site,
        "zh-Hant",
        &[
            "content/search.md: 錯誤：這個頁面和內建的搜尋頁面都要佔用網址 /search/",
            "  提示：請在頁面的前置資訊裡換一個頁面網址名（頁面網址名 = \"…\"），或者把它移到別的資料夾",
        ],
    );
    rejected_saying(
        &site,
        "en",
        &[
            "content/search.md: error: this page and the built-in search page: both claim the address /search/",
            "  help: give the page another slug (slug = \"…\" in its front matter) or move it to another folder",
        ],
    );
}

#[test]
fn a_page_on_the_dashboard_address_in_chinese() {
    let site = TestSite::basic();
    site.page("dashboard.md", "+++\ntitle = \"总览\"\n+++\n");
    rejected_saying(
        &site,
        "zh-Hans",
        &["content/dashboard.md: 错误：这个页面和内置的仪表盘（目标进展总览）都要占用网址 /dashboard/"],
    );
}

#[test]
fn a_page_on_a_city_address_names_both_in_chinese() {
    let site = TestSite::basic();
    site.page("cities/testcity.md", "+++\ntitle = \"x\"\n+++\n");
    rejected_saying(
        &site,
        "zh-Hans",
        &[
            "data/cities.toml:1: 错误：第 1 行：城市“testcity”和页面“content/cities/testcity.md”都要占用网址 /cities/testcity/",
            "  提示：请修改城市的 id",
        ],
    );
    rejected_saying(
        &site,
        "zh-Hans",
        &[
            "content/cities/: 错误：文件夹和内置的城市列表都要占用网址 /cities/",
            "  提示：请给文件夹改名",
        ],
    );
    rejected_saying(
        &site,
        "zh-Hant",
        &[
            "data/cities.toml:1: 錯誤：第 1 行：城市“testcity”和頁面“content/cities/testcity.md”都要佔用網址 /cities/testcity/",
            "  提示：請修改城市的 id",
        ],
    );
}

#[test]
fn an_alias_on_another_pages_address_in_chinese() {
    let site = TestSite::basic();
    site.page(
        "interpretations/moved.md",
        "+++\ntitle = \"移动\"\naliases = [\"/policies/plan/\"]\n+++\n",
    );
    rejected_saying(
        &site,
        "zh-Hans",
        &[
            "content/interpretations/moved.md: 错误：旧地址“/policies/plan/”和页面“content/policies/plan.md”都要占用网址 /policies/plan/",
            "  提示：请修改或删除这个旧地址",
        ],
    );
}

#[test]
fn a_page_on_a_later_page_of_a_list_in_chinese() {
    let site = TestSite::basic();
    site.page("policies/page/_index.md", "+++\ntitle = \"页\"\n+++\n");
    site.page("policies/page/2.md", "+++\ntitle = \"二\"\n+++\n");
    site.page("policies/second.md", "+++\ntitle = \"第二份\"\n+++\n");
    site.config("search = false", "search = false\npaginate_by = 1");
    rejected_saying(
        &site,
        "zh-Hans",
        &["content/policies/page/2.md: 错误：这个页面和栏目列表中的一页（content/policies/_index.md）都要占用网址 /policies/page/2/"],
    );
    rejected_saying(
        &site,
        "zh-Hant",
        &["content/policies/page/2.md: 錯誤：這個頁面和欄目列表中的一頁（content/policies/_index.md）都要佔用網址 /policies/page/2/"],
    );
}

#[test]
fn a_topic_page_on_a_pages_address_in_chinese() {
    let site = TestSite::basic();
    // The page /topics/质量/ and the list of the topic 质量.
    site.page("topics/质量.md", "+++\ntitle = \"质量\"\n+++\n");
    site.page(
        "policies/quality.md",
        "+++\ntitle = \"质量\"\ndate = 2021-01-01\ntopics = [\"质量\"]\n+++\n正文\n",
    );
    let message = site.rejected_in("zh-Hans", &[]);
    assert!(
        message.contains("主题“质量”（content/policies/quality.md）")
            && message.contains("都要占用网址 /topics/质量/"),
        "{message}"
    );
}

#[test]
fn a_page_in_the_other_scripts_folder_in_chinese() {
    let site = TestSite::basic();
    site.page("zh-hant.md", "+++\ntitle = \"x\"\n+++\n");
    rejected_saying(
        &site,
        "zh-Hans",
        &["content/zh-hant.md: 错误：这个页面和繁體中文页面冲突：/zh-hant/index.html 在 /zh-hant/ 里，这个文件夹专门留给繁體中文页面"],
    );
    rejected_saying(
        &site,
        "zh-Hant",
        &["content/zh-hant.md: 錯誤：這個頁面和繁體中文頁面衝突：/zh-hant/index.html 在 /zh-hant/ 裡，這個資料夾專門留給繁體中文頁面"],
    );
}

#[test]
fn slugs_differing_only_in_case_in_chinese() {
    let site = TestSite::basic();
    site.page("policies/Plan2.md", "+++\ntitle = \"a\"\n+++\n");
    site.page("policies/plan2.md", "+++\ntitle = \"b\"\n+++\n");
    rejected_saying(
        &site,
        "zh-Hans",
        &["content/policies/plan2.md: 错误：这个页面和页面“content/policies/Plan2.md”冲突：网址 /policies/plan2/ 和 /policies/Plan2/ 只有大小写或字符编码方式不同，许多服务器会把它们存成同一个文件"],
    );
}

#[test]
fn a_static_file_where_a_folder_is_needed_in_chinese() {
    let site = TestSite::basic();
    site.file("static/cities", "not a folder");
    rejected_saying(
        &site,
        "zh-Hans",
        &[
            "content/interpretations/plan-interpretation.md: 错误：城市“testcity”的文件列表和静态文件（static/cities）冲突：/cities/testcity/documents/index.html 需要一个文件夹 /cities/，但 /cities 是一个文件",
            "  提示：请修改城市的 id",
        ],
    );
    rejected_saying(
        &site,
        "zh-Hant",
        &[
            "content/interpretations/plan-interpretation.md: 錯誤：城市“testcity”的文件列表和靜態檔案（static/cities）衝突：/cities/testcity/documents/index.html 需要一個資料夾 /cities/，但 /cities 是一個檔案",
            "  提示：請修改城市的 id",
        ],
    );
}

// ---- The output folder (src/output/guard.rs, publish.rs, disk.rs) -------------------------------

fn build_in(site: &TestSite, lang: &str, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--lang", lang];
    args.extend_from_slice(extra);
    site.run(&args)
}

#[test]
fn output_into_content_is_refused_in_chinese() {
    let site = TestSite::basic();
    let content = site.path("content");
    let shown = content.display().to_string();
    let before = site.tree();
    for (lang, lines) in [
        (
            "zh-Hans",
            [
                format!("{shown}: 错误：这是在存放网站源文件的 content/ 里面：生成的页面会变成下一次生成的源文件"),
                "  提示：请生成到一个单独的文件夹：不写 --output（网站会生成到 public/），或者指定一个新文件夹".to_string(),
            ],
        ),
        (
            "zh-Hant",
            [
                format!("{shown}: 錯誤：這是在存放網站來源檔案的 content/ 裡面：產生的頁面會變成下一次產生的來源檔案"),
                "  提示：請產生到一個單獨的資料夾：不寫 --output（網站會產生到 public/），或者指定一個新資料夾".to_string(),
            ],
        ),
    ] {
        let output = build_in(&site, lang, &["--output", &shown]);
        let message = assert_refused_output(&output, &[]);
        assert_says(&message, &[&lines[0], &lines[1]]);
    }
    assert_same_tree(&before, &site.tree(), "a refused build");
}

#[test]
fn output_into_the_site_itself_is_refused_in_chinese() {
    let site = TestSite::basic();
    let root = site.root().display().to_string();
    let output = build_in(&site, "zh-Hans", &["--output", &root]);
    let message = assert_refused_output(&output, &[]);
    assert_says(
        &message,
        &[&format!("{root}: 错误：这是网站自己的文件夹：生成到这里会把生成的页面和 config.toml、content/、data/ 混在一起")],
    );
}

#[test]
fn a_folder_with_someone_elses_files_is_refused_in_chinese() {
    let site = TestSite::basic();
    site.file("D/thesis.docx", "my thesis");
    site.file("D/photos/1.jpg", "a photo");
    let out = site.path("D");
    let shown = out.display().to_string();
    let before = site.tree();
    // The names come in the order the folder lists them.
    let names = |message: &str| {
        if message.contains("photos/、thesis.docx") {
            "photos/、thesis.docx"
        } else {
            "thesis.docx、photos/"
        }
    };
    let output = build_in(&site, "zh-Hans", &["--output", &shown]);
    let message = assert_refused_output(&output, &[]);
    assert_says(
        &message,
        &[
            &format!("{shown}: 错误：这个文件夹里已经有不是 stdportal 写入的文件（{}），所以没有动它", names(&message)),
            "  提示：请生成到一个新的或空的文件夹；如果里面只有这个网站以前生成的结果，请先删除它；或者加上 --force 照样生成到这里（其中的其他文件会保留）",
        ],
    );
    let output = build_in(&site, "zh-Hant", &["--output", &shown]);
    let message = assert_refused_output(&output, &[]);
    assert_says(
        &message,
        &[
            &format!("{shown}: 錯誤：這個資料夾裡已經有不是 stdportal 寫入的檔案（{}），所以沒有動它", names(&message)),
            "  提示：請產生到一個新的或空的資料夾；如果裡面只有這個網站以前產生的結果，請先刪除它；或者加上 --force 照樣產生到這裡（其中的其他檔案會保留）",
        ],
    );
    let output = build_in(&site, "en", &["--output", &shown]);
    let message = assert_refused_output(&output, &[]);
    assert!(
        message.contains("(thesis.docx, photos/)") || message.contains("(photos/, thesis.docx)"),
        "{message}"
    );
    assert_same_tree(&before, &site.tree(), "a refused build");
}

#[test]
fn an_output_that_is_a_file_is_refused_in_chinese() {
    let site = TestSite::basic();
    site.file("F", "a file");
    let shown = site.path("F").display().to_string();
    let output = build_in(&site, "zh-Hans", &["--output", &shown]);
    let message = assert_refused_output(&output, &[]);
    assert_says(
        &message,
        &[
            &format!("{shown}: 错误：输出位置上已经有一个文件，不是文件夹"),
            "  提示：请删除它，或者用 --output DIR 另选一个输出文件夹",
        ],
    );
}

#[test]
fn a_file_added_by_hand_where_the_site_writes_in_chinese() {
    let site = TestSite::basic();
    site.built();
    // An editor's own sitemap, which the manifest does not list.
    site.replace_output_file_by_hand("sitemap.xml", "mine");
    let shown = site.public().join("sitemap.xml").display().to_string();
    let message = site.output_rejected_with(&["--lang", "zh-Hans"], &[]);
    assert_says(
        &message,
        &[
            &format!("{shown}: 错误：新网站要用这个位置，但这里有一个不是 stdportal 写入的文件"),
            "  提示：请把它移出输出文件夹（要发布的文件应放在 static/ 里），或者用 --force 生成来替换它",
        ],
    );
}

#[test]
fn a_full_disk_in_chinese() {
    let site = TestSite::basic();
    site.built();
    site.page("policies/new.md", "+++\ntitle = \"新页面\"\n+++\n正文\n");
    let before = site.tree();
    let output = site
        .command(&["build", "--lang", "zh-Hans"])
        .env(stdportal::output::SIMULATE_DISK_FULL, "1")
        .output()
        .unwrap();
    let message = assert_refused_output(
        &output,
        &[
            "错误：无法写入网站：",
            "  提示：磁盘已满：请腾出一些空间后重新生成",
        ],
    );
    assert!(!message.contains("error:"), "{message}");
    assert_same_tree(&before, &site.tree(), "a build on a full disk");
}

// ---- `check` (src/check.rs) --------------------------------------------------------------------

#[test]
fn check_names_a_generated_page_in_chinese() {
    let site = TestSite::basic();
    // A link a template puts on a list page, which stdportal makes (a link written in a page
    // or a section's text stops the build: see `links`).
    let theme =
        std::fs::read_to_string(site.path("themes/default/templates/section.html")).unwrap();
    site.file(
        "templates/section.html",
        theme.replacen(
            "{% block content %}",
            "{% block content %}{% if section.path == \"policies/\" %}<a href=\"/nothing/\">不存在</a>{% endif %}",
            1,
        ),
    );
    let output = site.run(&["check", "--lang", "zh-Hans"]);
    let message = assert_refused(&output, &[]);
    assert_says(
        &message,
        &[
            "（生成的页面）policies/index.html: 错误：链接“/nothing/”指向的页面不存在",
            "  提示：请改正地址，或者建立它指向的页面",
        ],
    );
    let output = site.run(&["check", "--lang", "zh-Hant"]);
    let message = assert_refused(&output, &[]);
    assert_says(
        &message,
        &["（產生的頁面）policies/index.html: 錯誤：連結“/nothing/”指向的頁面不存在"],
    );
}
