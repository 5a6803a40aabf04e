//! What conversion to the other script must never touch, and what is counted after it: every
//! address on a Traditional page leads to a file that exists (og:url once pointed to the
//! Traditional spelling of a topic's Chinese address), and a page written in Traditional says
//! how long it is as it is published, in Simplified.

use std::cell::RefCell;
use std::path::Path;

use crate::support::*;

/// Every address-valued attribute of an HTML page: `href`, `src`, `action`, `poster`, the URLs
/// of `srcset`, and the content of a `<meta>` that is an address (`og:url`…).
fn addresses(html: &str) -> Vec<(String, String)> {
    let found = RefCell::new(Vec::new());
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![lol_html::element!("*", |el| {
                let mut found = found.borrow_mut();
                let tag = el.tag_name();
                for name in ["href", "src", "action", "poster"] {
                    if let Some(value) = el.get_attribute(name) {
                        found.push((format!("<{tag} {name}>"), value));
                    }
                }
                if let Some(srcset) = el.get_attribute("srcset") {
                    for candidate in srcset.split(',') {
                        if let Some(url) = candidate.split_whitespace().next() {
                            found.push((format!("<{tag} srcset>"), url.to_string()));
                        }
                    }
                }
                if tag == "meta" {
                    let key = el
                        .get_attribute("property")
                        .or_else(|| el.get_attribute("name"))
                        .unwrap_or_default();
                    if let Some(content) = el.get_attribute("content") {
                        if key.ends_with(":url")
                            || key.ends_with(":image")
                            || content.starts_with("http")
                            || content.starts_with('/')
                        {
                            found.push((format!("<meta {key}>"), content));
                        }
                    }
                }
                Ok(())
            })],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .unwrap();
    found.into_inner()
}

/// The file in `public` an address on the page `page` (relative to `public`) leads to, or
/// `None` when it leaves the site.
fn target(public: &Path, page: &Path, url: &str, base_url: &str) -> Option<std::path::PathBuf> {
    let url = url.replace("&amp;", "&");
    let lower = url.to_ascii_lowercase();
    if ["mailto:", "tel:", "#"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    let rel = if let Some(rest) = path.strip_prefix(base_url) {
        rest.to_string()
    } else if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
    {
        return None;
    } else if let Some(rest) = path.strip_prefix('/') {
        rest.to_string()
    } else {
        let dir = page.parent().unwrap_or(Path::new(""));
        let mut parts: Vec<String> = dir
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        for segment in path.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s.to_string()),
            }
        }
        parts.join("/") + if path.ends_with('/') { "/" } else { "" }
    };
    let rel = percent_encoding::percent_decode_str(&rel)
        .decode_utf8()
        .expect("addresses are UTF-8")
        .into_owned();
    let mut file = public.join(&rel);
    if rel.is_empty() || rel.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    Some(file)
}

#[test]
fn every_address_on_traditional_pages_leads_to_a_file() {
    let site = TestSite::example_portal();
    site.built();
    let public = site.public();
    let base_url = "https://example.gov.cn/";
    let mut checked = 0;
    let mut og_urls = 0;
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(public.join("zh-hant")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let page = entry.path().strip_prefix(&public).unwrap();
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for (attribute, url) in addresses(&html) {
            let Some(file) = target(&public, page, &url, base_url) else {
                continue;
            };
            // Built without the search index: its files are not there.
            if url.contains("/search/data/") {
                continue;
            }
            checked += 1;
            og_urls += usize::from(attribute == "<meta og:url>");
            if !file.is_file() {
                broken.push(format!("{}: {attribute} = {url}", page.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "addresses to nowhere:\n{}",
        broken.join("\n")
    );
    assert!(checked > 1000, "{checked} addresses");
    // The topic pages, whose addresses are Chinese, among them.
    assert!(public.join("zh-hant/topics").is_dir());
    let topics = walkdir::WalkDir::new(public.join("zh-hant/topics"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .count();
    assert!(topics >= 8, "{topics} topic pages");
    assert!(og_urls >= 80, "{og_urls} og:url checked");
}

/// A Traditional page and its Simplified twin say the same length: counted on the Simplified
/// text (the site dictionary makes 最佳化 优化, two characters for three).
#[test]
fn a_page_written_in_traditional_is_counted_as_published() {
    let site = TestSite::basic();
    site.file(
        "data/dictionary.toml",
        "[to_hans]\n\"最佳化\" = \"优化\"\n\"附屬檔案\" = \"附件\"\n",
    );
    let body = |text: &str| format!("+++\ntitle = \"长度\"\n+++\n{text}\n");
    site.page(
        "policies/hant.md",
        &body("強化統籌,最佳化管理,見附屬檔案。`代碼`不計入轉換。"),
    );
    site.page(
        "policies/hans.md",
        &body("强化统筹,优化管理,见附件。`代碼`不计入转换。"),
    );
    site.built();
    let length = |rel: &str| {
        let page = site.read(rel);
        let start = page.find("<p class=\"reading\"").expect("a reading line");
        page[start..start + page[start..].find("</p>").unwrap()].to_string()
    };
    let hans = length("policies/hans/index.html");
    assert_eq!(length("policies/hant/index.html"), hans);
    assert_eq!(
        length("zh-hant/policies/hant/index.html"),
        length("zh-hant/policies/hans/index.html")
    );
    // 强化统筹优化管理见附件 (11) + 代碼 (2) + 不计入转换 (5)
    assert!(hans.contains("约18字"), "{hans}");
}

/// A page with Taiwan vocabulary is counted as its tw2sp text is published (网际网路 → 互联网,
/// one character fewer), whether `source_variant` says so or the phrases are found.
#[test]
fn a_page_with_taiwan_vocabulary_is_counted_as_published() {
    let site = TestSite::basic();
    let body = |front: &str, text: &str| format!("+++\ntitle = \"长度\"\n{front}+++\n{text}\n");
    site.page(
        "policies/tw.md",
        &body("source_variant = \"tw\"\n", "推動網際網路發展。"),
    );
    // Three Taiwan phrases: found without the field.
    site.page(
        "policies/found.md",
        &body("", "推動網際網路與數位化，最佳化資訊服務。"),
    );
    site.page("policies/cn.md", &body("", "推动互联网发展。"));
    site.built();
    let length = |rel: &str| {
        let page = site.read(rel);
        let start = page.find("<p class=\"reading\"").expect("a reading line");
        page[start..start + page[start..].find("</p>").unwrap()].to_string()
    };
    let tw = site.read("policies/tw/index.html");
    assert!(tw.contains("推动互联网发展"), "{tw}");
    // 推动互联网发展: 7, as the mainland page it reads as (网际网路 would count 8).
    assert_eq!(
        length("policies/tw/index.html"),
        length("policies/cn/index.html")
    );
    assert!(length("policies/tw/index.html").contains("约7字"));
    let found = site.read("policies/found/index.html");
    assert!(
        found.contains("推动互联网与数字化，优化信息服务"),
        "{found}"
    );
    // 推动互联网与数字化 (9) + 优化信息服务 (6); its source counts 17, its t2s text 16.
    let found = length("policies/found/index.html");
    assert!(found.contains("约15字"), "{found}");
}

/// The Wenzhou policy came through a Taiwan-phrase converter (`source_variant = "tw"`): its
/// Simplified page reads as the mainland writes, through OpenCC's tw2sp, and so does its
/// Traditional page, made from that Simplified text; the words both places use (核心, 建立,
/// 指标) stay as they are.
#[test]
fn a_source_with_taiwan_vocabulary_reads_as_the_mainland_writes() {
    let site = TestSite::example_portal();
    site.built();
    let page = "policies/wenzhou-standardization-strategy-opinions/index.html";
    let hans = site.read(page);
    for mainland in ["“互联网+”", "数字化", "智能化", "核心竞争力", "建立"] {
        assert!(hans.contains(mainland), "{mainland} missing");
    }
    for taiwan in ["网际网路", "数位化", "智慧型化", "内核竞争力", "创建"] {
        assert!(!hans.contains(taiwan), "{taiwan} on the Simplified page");
    }
    let hant = site.read(&format!("zh-hant/{page}"));
    assert!(hant.contains("“互聯網+”"), "{hant}");
    assert!(hant.contains("數字化") && !hant.contains("網際網路"));
}

/// Without `source_variant`, three different Taiwan phrases make a source read as Taiwan's;
/// `source_variant = "cn"` turns that off; one phrase alone (資訊) is not enough.
#[test]
fn taiwan_vocabulary_is_found_or_set_per_page() {
    let site = TestSite::basic();
    let text = "本市推進網際網路+標準化，生產過程數位化，軟體產業提升核心競爭力，完善指標體系。\n";
    site.page(
        "policies/tw.md",
        &format!("+++\ntitle = \"溫州\"\n+++\n{text}"),
    );
    site.page(
        "policies/cn.md",
        &format!("+++\ntitle = \"溫州\"\nsource_variant = \"cn\"\n+++\n{text}"),
    );
    site.page(
        "policies/one.md",
        "+++\ntitle = \"資訊\"\n+++\n加強資訊公開，完善指標體系。\n",
    );
    site.built();
    let tw = site.read("policies/tw/index.html");
    assert!(
        tw.contains("互联网+标准化") && tw.contains("数字化") && tw.contains("软件"),
        "{tw}"
    );
    assert!(tw.contains("核心竞争力") && tw.contains("指标体系"), "{tw}");
    let cn = site.read("policies/cn/index.html");
    assert!(cn.contains("网际网路+") && cn.contains("数位化"), "{cn}");
    let one = site.read("policies/one/index.html");
    assert!(one.contains("资讯公开"), "{one}");
    // An unknown value is refused with the file named.
    site.page(
        "policies/cn.md",
        &format!("+++\ntitle = \"溫州\"\nsource_variant = \"hk\"\n+++\n{text}"),
    );
    site.rejected(&["content/policies/cn.md:3", "tw, cn"]);
}

/// OpenCC writes 发布 as 發佈 in most phrases and 發布 in some: a site's Traditional pages use
/// one form, 發佈 unless `traditional_publish` says 發布.
#[test]
fn traditional_pages_write_publish_one_way() {
    let site = TestSite::basic();
    let text = "本局发布通知。新闻发布会上发布了标准，发布日期为2017年。\n";
    site.page(
        "news/fabu.md",
        &format!("+++\ntitle = \"发布\"\n+++\n{text}"),
    );
    site.built();
    let count = |html: &str, form: &str| html.matches(form).count();
    let hant = site.read("zh-hant/news/fabu/index.html");
    assert!(count(&hant, "發佈") >= 4, "{hant}");
    assert_eq!(count(&hant, "發布"), 0, "{hant}");
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\ntraditional_publish = \"發布\"",
    )
    .built();
    let hant = site.read("zh-hant/news/fabu/index.html");
    assert!(count(&hant, "發布") >= 4, "{hant}");
    assert_eq!(count(&hant, "發佈"), 0, "{hant}");
    // The Simplified page is as written.
    assert!(site.read("news/fabu/index.html").contains("新闻发布会"));
}

#[test]
fn proper_names_in_the_dictionary_keep_their_characters_on_traditional_pages() {
    let site = TestSite::basic();
    site.page(
        "policies/wuzheng.md",
        "+++\ntitle = \"五征集团获评标准创新贡献企业\"\n+++\n\n五征集团主导制定了三项国家标准，征求意见稿已发布。\n",
    );
    // Without the name listed, OpenCC writes 五徵集團: another name. The test can fail.
    site.built();
    let before = site.read("zh-hant/policies/wuzheng/index.html");
    assert!(before.contains("五徵集團"), "{before}");
    site.file(
        "data/dictionary.toml",
        "names = [\"五征集团\"]\n\n[to_hant]\n\"范先生\" = \"范先生\"\n",
    );
    site.built();
    let hant = site.read("zh-hant/policies/wuzheng/index.html");
    assert!(!hant.contains("五徵集團"), "{hant}");
    assert!(
        hant.contains("<h1>五征集團獲評標準創新貢獻企業</h1>"),
        "{hant}"
    );
    // The rest of the sentence is converted as before (徵求 is the ordinary word).
    assert!(
        hant.contains("五征集團主導制定了三項國家標準，徵求意見稿已發佈。"),
        "{hant}"
    );
    assert!(site
        .read("policies/wuzheng/index.html")
        .contains("五征集团主导制定了三项国家标准"));
    // A name with an explicit pair takes it.
    site.file(
        "data/dictionary.toml",
        "names = [\"五征集团\"]\n\n[to_hant]\n\"五征集团\" = \"伍征集團\"\n",
    );
    site.built();
    assert!(site
        .read("zh-hant/policies/wuzheng/index.html")
        .contains("<h1>伍征集團獲評標準創新貢獻企業</h1>"));
    // An empty name is refused, naming the dictionary.
    site.file("data/dictionary.toml", "names = [\"\"]\n");
    site.rejected_in(
        "zh-Hans",
        &["data/dictionary.toml", "词表里有一条的词语是空的"],
    );
}

#[test]
fn organisation_names_in_the_achievements_are_protected_without_being_listed() {
    let site = TestSite::basic();
    site.page(
        "policies/wuzheng.md",
        "+++\ntitle = \"企业标准\"\n+++\n\n山东五征集团有限公司获得山东省首批“标准创新贡献企业”称号。\n",
    );
    site.built();
    assert!(site
        .read("zh-hant/policies/wuzheng/index.html")
        .contains("山東五徵集團有限公司"));
    site.edit("data/achievements.csv", |t| {
        t + "testcity,2018-12,企业,省级,山东五征集团有限公司,1,家,plan,\n"
    });
    site.built();
    let hant = site.read("zh-hant/policies/wuzheng/index.html");
    assert!(
        hant.contains("山東五征集團有限公司獲得山東省首批“標準創新貢獻企業”稱號"),
        "{hant}"
    );
}

#[test]
fn the_example_portals_enterprise_names_keep_their_characters_on_traditional_pages() {
    let site = TestSite::example_portal();
    site.built();
    let hant = site.read("zh-hant/policies/rizhao-standardization-13th-plan/index.html");
    for name in [
        "山東五征集團有限公司",
        "山東金馬工業集團股份有限公司",
        "日照港集團有限公司",
    ] {
        assert!(hant.contains(name), "{name}");
    }
    assert!(!hant.contains("五徵"));
    // The text around them is Traditional.
    assert!(hant.contains("獲得山東省首批"), "{hant}");
}
