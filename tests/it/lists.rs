//! Lists at a department's scale: pagination of every list, the public-information catalogue,
//! the site map, sites with any subset of the data, and content written for Zola.

use std::collections::BTreeSet;

use crate::support::*;

/// `count` dated documents in `policies/`, spread over years, offices, kinds, topics and the
/// fixture's city.
fn many_documents(site: &TestSite, count: usize) {
    for i in 0..count {
        let year = 2015 + i % 4;
        let office = [
            "测试市人民政府",
            "测试市市场监督管理局",
            "測試市發展和改革委員會",
        ][i % 3];
        let kind = ["policy", "interpretation", "news"][i % 3];
        let topic = ["质量提升", "计量"][i % 2];
        site.page(
            &format!("policies/doc-{i:03}.md"),
            &format!(
                "+++\ntitle = \"文件{i:03}\"\ndate = {year}-0{month}-1{day}\ncity = \"testcity\"\n\
                 kind = \"{kind}\"\nissuer = \"{office}\"\ntopics = [\"{topic}\"]\n+++\n正文{i}。\n",
                month = 1 + i % 9,
                day = i % 10,
            ),
        );
    }
}

/// Every `href` of a page, relative to the output (the site is at `/`).
fn links(html: &str) -> Vec<String> {
    crate::support::links::root_links(html)
}

/// The pager's numbered links of a page: (number, path, current).
fn pager(html: &str) -> Vec<String> {
    let Some(start) = html.find("<nav class=\"pager\"") else {
        return Vec::new();
    };
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    links(nav)
}

#[test]
fn every_list_is_paginated_and_every_pager_page_is_reachable() {
    let site = TestSite::basic();
    site.config("search = false", "search = false\npaginate_by = 7");
    many_documents(&site, 45);
    site.built();
    // 46 pages in policies/ at 7 a page: 7 pages; page 1 at the list's own address.
    let first = site.read("policies/index.html");
    assert!(first.contains("共46条 · 第1/7页"), "{first}");
    assert_eq!(first.matches("<li>\n    <a href=").count(), 7);
    assert!(site.public().join("policies/page/7/index.html").is_file());
    assert!(!site.public().join("policies/page/8").exists());
    let middle = site.read("policies/page/4/index.html");
    assert!(middle.contains("共46条 · 第4/7页"));
    assert!(middle.contains("aria-current=\"page\""));
    assert!(
        middle.contains("（第4页） - 测试标准化门户</title>"),
        "{middle}"
    );
    assert!(middle
        .contains("<link rel=\"canonical\" href=\"https://example.gov.cn/policies/page/4/\">"));
    let last = site.read("policies/page/7/index.html");
    assert_eq!(last.matches("<li>\n    <a href=").count(), 46 - 6 * 7);
    assert!(!last.contains("rel=\"next\""));
    // Page 1 is the list's own address: no page/1/ (a page that only navigates away).
    assert!(!site.public().join("policies/page/1").exists());
    assert!(!site.public().join("zh-hant/policies/page/1").exists());

    // Walking the pager from page 1 reaches every page of every list, and every link a pager
    // page has resolves to a file.
    let sitemap = site.read("sitemap.xml");
    for list in [
        "policies/",
        "topics/质量提升/",
        "cities/testcity/documents/",
        "archive/2016/",
        "offices/测试市发展和改革委员会/",
        "kinds/policy/",
        "validity/valid/",
    ] {
        let mut seen = BTreeSet::new();
        let mut todo = vec![list.to_string()];
        while let Some(path) = todo.pop() {
            if !seen.insert(path.clone()) {
                continue;
            }
            let html = site.read(&format!("{path}index.html"));
            for link in links(&html) {
                let target = site.public().join(&link);
                assert!(
                    target.is_file() || target.join("index.html").is_file(),
                    "{path} links to /{link}, which is not there"
                );
            }
            todo.extend(pager(&html).into_iter().filter(|p| p.starts_with(list)));
            assert!(
                sitemap.contains(&format!("<loc>https://example.gov.cn/{path}</loc>")),
                "the sitemap lists {path}"
            );
            assert!(
                sitemap.contains(&format!("<loc>https://example.gov.cn/zh-hant/{path}</loc>")),
                "the sitemap lists zh-hant/{path}"
            );
        }
        let files = std::fs::read_dir(site.public().join(list).join("page"))
            .map(|d| d.count())
            .unwrap_or(0);
        // Every page/k/ folder, and page 1 itself, was reached from page 1.
        assert_eq!(seen.len(), files + 1, "{list}: {seen:?}");
    }
    assert!(!sitemap.contains("/page/1/"));
    // The Traditional office name is the same office as the Simplified one.
    assert!(!site
        .public()
        .join("offices/測試市發展和改革委員會")
        .exists());
    assert_success(&site.run(&["check"]));
}

#[test]
fn a_section_sets_its_own_page_length_and_zero_shows_all() {
    let site = TestSite::basic();
    many_documents(&site, 30);
    site.edit("content/policies/_index.md", |s| {
        s.replacen("+++\n", "+++\npaginate_by = 0\n", 1)
    });
    site.built();
    let all = site.read("policies/index.html");
    assert_eq!(all.matches("<li>\n    <a href=").count(), 31);
    assert!(!all.contains("class=\"pager\""));
    assert!(!site.public().join("policies/page").exists());
    // Other lists keep the site's default of 20.
    let topic = site.read("topics/质量提升/index.html");
    assert_eq!(topic.matches("<li>\n    <a href=").count(), 15);
    assert!(site
        .read("cities/testcity/documents/index.html")
        .contains("共32条 · 第1/2页"));
}

#[test]
fn the_catalogue_counts_every_document_once_per_group() {
    let site = TestSite::basic();
    many_documents(&site, 25);
    site.page(
        "policies/undated.md",
        "+++\ntitle = \"无日期\"\n+++\n正文。\n",
    );
    site.built();
    let catalogue = site.read("catalogue/index.html");
    let total: usize = 25 + 3; // the fixture's two pages and the undated one
    assert!(
        catalogue.contains(&format!("本站共{total}篇文件")),
        "{catalogue}"
    );
    for group in ["years", "offices", "kinds", "cities"] {
        let start = catalogue.find(&format!("<h2 id=\"{group}\">")).unwrap();
        let end = start + catalogue[start..].find("</section>").unwrap();
        let counts: usize = catalogue[start..end]
            .split("<span class=\"count\">")
            .skip(1)
            .map(|c| c.split('篇').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(counts, total, "{group}: {}", &catalogue[start..end]);
    }
    // Each count is the length of the list it links to.
    let list = site.read("archive/2015/index.html");
    let in_2015 = (0..25).filter(|i| i % 4 == 0).count();
    assert_eq!(list.matches("<th scope=\"row\">").count(), in_2015);
    assert!(catalogue.contains(&format!(
        "<a href=\"/archive/2015/\">2015年</a> <span class=\"count\">{in_2015}篇</span>"
    )));
    // Document metadata links to the catalogue's lists.
    let page = site.read("policies/doc-003/index.html");
    for link in [
        "/offices/测试市人民政府/",
        "/archive/2018/",
        "/kinds/policy/",
    ] {
        assert!(page.contains(&format!("href=\"{link}\"")), "{link}");
    }
    let plan = site.read("policies/plan/index.html");
    assert!(plan.contains("href=\"/validity/valid/\""));
}

#[test]
fn the_site_map_lists_every_section_city_topic_and_catalogue_list() {
    let site = TestSite::basic();
    many_documents(&site, 6);
    site.built();
    let map = site.read("sitemap/index.html");
    for link in [
        "/policies/",
        "/interpretations/",
        "/cities/",
        "/cities/testcity/",
        "/cities/testcity/documents/",
        "/dashboard/",
        "/topics/质量提升/",
        "/archive/2017/",
        "/offices/测试市市场监督管理局/",
        "/kinds/news/",
        "/validity/valid/",
        "/catalogue/",
    ] {
        assert!(map.contains(&format!("href=\"{link}\"")), "{link}");
    }
    // Every page links to it from its footer.
    assert!(site
        .read("policies/plan/index.html")
        .contains("<a href=\"/sitemap/\">网站地图</a>"));
    assert!(site
        .read("zh-hant/index.html")
        .contains("<a href=\"/zh-hant/sitemap/\">網站地圖</a>"));
}

/// Which built-in pages a build made, and whether any page links to the dashboard or cities.
fn data_pages(site: &TestSite) -> (bool, bool, bool, bool) {
    let home = site.read("index.html");
    (
        site.public().join("dashboard/index.html").is_file(),
        site.public().join("cities/index.html").is_file(),
        home.contains("href=\"/dashboard/\""),
        home.contains("href=\"/cities/\""),
    )
}

#[test]
fn any_subset_of_the_data_builds_and_links_only_what_exists() {
    // No data at all: a department that publishes documents and keeps no targets yet.
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |s| {
        s.replace("city = \"testcity\"\n", "")
            .replace("{{ indicator(city=\"testcity\", id=\"pass-rate\") }}", "")
    });
    for file in [
        "cities.toml",
        "indicators.toml",
        "observations.csv",
        "achievements.csv",
    ] {
        site.remove(&format!("data/{file}"));
    }
    site.edit("content/interpretations/plan-interpretation.md", |s| {
        s.replace("city = \"testcity\"\n", "")
    });
    site.built();
    assert_eq!(data_pages(&site), (false, false, false, false));
    assert_success(&site.run(&["check"]));

    // Cities without targets or achievements: city pages, no dashboard.
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |s| {
        s.replace("{{ indicator(city=\"testcity\", id=\"pass-rate\") }}", "")
    });
    for file in ["indicators.toml", "observations.csv", "achievements.csv"] {
        site.remove(&format!("data/{file}"));
    }
    site.built();
    assert_eq!(data_pages(&site), (false, true, false, true));
    assert!(site.public().join("cities/testcity/index.html").is_file());
    assert_success(&site.run(&["check"]));

    // Targets without observations.
    let site = TestSite::basic();
    site.remove("data/observations.csv");
    site.built();
    assert_eq!(data_pages(&site), (true, true, true, true));
    assert!(site.read("dashboard/index.html").contains("暂无"));
    assert_success(&site.run(&["check"]));

    // Achievements only.
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |s| {
        s.replace("{{ indicator(city=\"testcity\", id=\"pass-rate\") }}", "")
    });
    site.remove("data/indicators.toml");
    site.remove("data/observations.csv");
    site.built();
    assert_eq!(data_pages(&site), (true, true, true, true));
    let dashboard = site.read("dashboard/index.html");
    assert!(dashboard.contains("成果数据"));
    assert!(!dashboard.contains("全部目标指标"));
    assert_success(&site.run(&["check"]));
}

#[test]
fn zola_content_builds_and_its_aliases_redirect() {
    let site = TestSite::fixture("zola");
    site.built();
    // paginate_by = 2 in blog/_index.md: five posts on three pages.
    assert!(site.read("blog/index.html").contains("共5条 · 第1/3页"));
    // [taxonomies]: topics join the topics, tags get lists of their own.
    assert!(site
        .read("topics/标准化/index.html")
        .contains("标准化试点验收"));
    let tags = site.read("tags/index.html");
    assert!(tags.contains("href=\"/tags/工作动态/\""), "{tags}");
    assert!(site
        .read("tags/工作动态/index.html")
        .contains("共5条 · 第1/2页"));
    // Each alias is a page that sends the reader on; the target exists.
    for (alias, target) in [
        ("old/post-1/index.html", "/blog/post-1/"),
        ("archives/3.html", "/blog/post-3/"),
        ("news/index.html", "/blog/"),
        ("zh-hant/old/post-2/index.html", "/zh-hant/blog/post-2/"),
    ] {
        let html = site.read(alias);
        assert!(
            html.contains(&format!("content=\"0; url={target}\"")),
            "{alias}: {html}"
        );
        assert!(site
            .public()
            .join(target.trim_start_matches('/'))
            .join("index.html")
            .is_file());
    }
    // authors, updated and sort_by = "weight" with paginate_reversed.
    let post = site.read("blog/post-2/index.html");
    assert!(post.contains("<dt>作者</dt><dd>李四</dd>"));
    assert!(post.contains("<dt>更新日期</dt>"));
    let notices = site.read("notices/index.html");
    let order: Vec<usize> = ["notice-4", "notice-3", "notice-2"]
        .iter()
        .map(|n| notices.find(n).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "heaviest first");
    assert!(!site.read("sitemap.xml").contains("old/post-1"));
    assert_success(&site.run(&["check"]));
}
