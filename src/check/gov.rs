//! `stdportal check --gov`: what the 全国政府网站普查 (国办发〔2017〕47号, 国办函〔2018〕12号
//! scoring) would fail, computed for one day: the home page and each column (section) updated
//! recently enough, no empty column, the footer items, the meta tags inspection tools read on
//! every built page, and the 政府网站工作年度报表 linked from the home page after 31 January.
//!
//! The rules read the site as built (the rendered pages) and its sources (dates, sections,
//! `config.toml`); a date after the day computed for counts as not yet published, so
//! `--date` answers "what would the inspectors have found on that day".

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate};
use lol_html::{element, rewrite_str, text, RewriteStrSettings};

use crate::content::frontmatter::DocumentKind;
use crate::content::markdown::safety::decode_entities;
use crate::content::Page;
use crate::date::PartialDate;
use crate::error::Diagnostic;
use crate::output::OutputFile;
use crate::site::Site;
use crate::t;

/// How long a column of news (动态、要闻) may go without a new page: 2 weeks.
const NEWS_DAYS: i64 = 14;
/// How long the home page may go without a new page: 2 weeks.
const HOME_DAYS: i64 = 14;
/// How long a column of notices or policy documents may go without a new page: 6 months.
const NOTICE_MONTHS: u32 = 6;

/// How many rules `check --gov` applies (the `rules` of its summary).
pub const RULES: usize = 6;

/// What `check --gov` found, and the day it computed for.
#[derive(Debug, Clone)]
pub struct GovReport {
    /// The day the freshness rules were computed for.
    pub date: NaiveDate,
    /// Each rule that fails, as a problem naming its page, section or file.
    pub findings: Vec<Diagnostic>,
}

/// Today in China, the day `check --gov` computes for unless told another.
pub fn today() -> NaiveDate {
    PartialDate::today().first_day()
}

/// The day given to `--date`: `2025-02-01` (or `2025年2月1日`); a year or month alone is not a day.
pub fn day(text: &str) -> Option<NaiveDate> {
    let date = PartialDate::parse(text).ok()?;
    date.day.is_some().then(|| date.first_day())
}

/// Applies the 普查 rules to `site`, built as `files`, on `date`.
pub fn check(site: &Site, files: &[OutputFile], date: NaiveDate) -> GovReport {
    let mut findings = Vec::new();
    let pages: BTreeMap<&str, &str> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .filter_map(|f| Some((f.path.as_str(), std::str::from_utf8(&f.bytes).ok()?)))
        .collect();
    home_freshness(site, date, &mut findings);
    columns(site, date, &mut findings);
    footer(site, &pages, &mut findings);
    meta_tags(site, &pages, &mut findings);
    annual_report(site, &pages, date, &mut findings);
    GovReport { date, findings }
}

/// The last day a date can mean (a month its last day, a year 31 December): a page dated
/// `2021-10` is taken as updated by the end of October.
fn last_day(date: &PartialDate) -> NaiveDate {
    let first = date.first_day();
    match (date.month, date.day) {
        (_, Some(_)) => first,
        (Some(_), None) => first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first),
        (None, None) => NaiveDate::from_ymd_opt(date.year, 12, 31).unwrap_or(first),
    }
}

/// When a page was last touched as far as readers can see, on or before `date`: its `updated`,
/// `date` or `published`, the latest of those not after the day computed for.
fn touched(page: &Page, date: NaiveDate) -> Option<(NaiveDate, PartialDate)> {
    [page.meta.updated, page.meta.date, page.meta.published]
        .into_iter()
        .flatten()
        .map(|d| (last_day(&d), d))
        .filter(|(day, _)| *day <= date)
        .max_by_key(|(day, _)| *day)
}

/// The file an editor opens for a section (its `_index.md`), or the page the site makes.
fn section_file(site: &Site, dir: &str) -> PathBuf {
    site.content()
        .sections
        .get(dir)
        .and_then(|s| s.file.clone())
        .unwrap_or_else(|| {
            let page = if dir.is_empty() {
                "index.html".to_string()
            } else {
                format!("{dir}/index.html")
            };
            PathBuf::from(t!("output-generated-page", page = page))
        })
}

fn home_freshness(site: &Site, date: NaiveDate, findings: &mut Vec<Diagnostic>) {
    let file = section_file(site, "");
    let newest = site
        .content()
        .pages
        .iter()
        .filter_map(|p| Some((touched(p, date)?, p)))
        .max_by_key(|((day, _), _)| *day);
    let Some(((day, written), page)) = newest else {
        findings.push(
            Diagnostic::new(&file, t!("gov-home-no-dates")).hint(t!("gov-home-no-dates-hint")),
        );
        return;
    };
    let days = (date - day).num_days();
    if days > HOME_DAYS {
        findings.push(
            Diagnostic::new(
                &file,
                t!(
                    "gov-home-stale",
                    days = days,
                    page = page.file.display(),
                    newest = written.to_string()
                ),
            )
            .hint(t!("gov-home-stale-hint")),
        );
    }
}

/// Whether a column is news (动态类: 2 weeks) or notices and policy documents (6 months): news
/// when at least half of its pages are `kind = "news"`; `policy`, `interpretation` and pages
/// without a kind make a column of documents.
fn is_news_column(pages: &[&Page]) -> bool {
    let news = pages
        .iter()
        .filter(|p| p.meta.kind == Some(DocumentKind::News))
        .count();
    news * 2 >= pages.len() && news > 0
}

fn columns(site: &Site, date: NaiveDate, findings: &mut Vec<Diagnostic>) {
    let content = site.content();
    for (dir, section) in content.sections.iter().filter(|(d, _)| !d.is_empty()) {
        if section.meta.draft {
            continue;
        }
        // A column's pages are its own and those of the columns under it.
        let inner = format!("{dir}/");
        let pages: Vec<&Page> = content
            .sections
            .iter()
            .filter(|(d, _)| *d == dir || d.starts_with(&inner))
            .flat_map(|(_, s)| s.pages.iter().filter_map(|&i| content.pages.get(i)))
            .collect();
        let file = section_file(site, dir);
        let column = section.meta.title.as_str();
        let newest = pages
            .iter()
            .filter_map(|p| Some((touched(p, date)?, *p)))
            .max_by_key(|((day, _), _)| *day);
        let Some(((day, written), page)) = newest else {
            // Pages without any date cannot tell when the column was updated; pages dated after
            // the day computed for were not there yet.
            let undated = pages.iter().any(|p| {
                [p.meta.updated, p.meta.date, p.meta.published]
                    .iter()
                    .all(Option::is_none)
            });
            findings.push(if undated {
                Diagnostic::new(&file, t!("gov-column-no-dates", column = column))
                    .hint(t!("gov-home-no-dates-hint"))
            } else {
                Diagnostic::new(&file, t!("gov-column-empty", column = column))
                    .hint(t!("gov-column-empty-hint"))
            });
            continue;
        };
        let days = (date - day).num_days();
        let (page, newest) = (page.file.display(), written.to_string());
        let finding = if is_news_column(&pages) {
            (days > NEWS_DAYS).then(|| {
                Diagnostic::new(
                    &file,
                    t!(
                        "gov-column-stale-news",
                        column = column,
                        days = days,
                        page = page,
                        newest = newest.as_str()
                    ),
                )
                .hint(t!("gov-column-stale-news-hint"))
            })
        } else {
            let limit = date
                .checked_sub_months(Months::new(NOTICE_MONTHS))
                .unwrap_or(NaiveDate::MIN);
            (day < limit).then(|| {
                Diagnostic::new(
                    &file,
                    t!(
                        "gov-column-stale-notices",
                        column = column,
                        days = days,
                        page = page,
                        newest = newest.as_str()
                    ),
                )
                .hint(t!("gov-column-stale-notices-hint"))
            })
        };
        findings.extend(finding);
    }
}

/// The footer items the 普查 looks for, by their name in `[footer]`.
const FOOTER_ITEMS: [&str; 9] = [
    "sponsor",
    "contact",
    "address",
    "site_code",
    "icp",
    "police_record",
    "copyright",
    "gov_mark",
    "report_errors_url",
];

fn footer_value<'a>(footer: &'a crate::config::Footer, key: &str) -> &'a str {
    match key {
        "sponsor" => &footer.sponsor,
        "contact" => &footer.contact,
        "address" => &footer.address,
        "site_code" => &footer.site_code,
        "icp" => &footer.icp,
        "police_record" => &footer.police_record,
        "copyright" => &footer.copyright,
        "gov_mark" => &footer.gov_mark,
        "report_errors_url" => &footer.report_errors_url,
        "gov_mark_url" => &footer.gov_mark_url,
        _ => "",
    }
}

/// A 网站标识码: 10 letters and digits (`3708000001`, `bm09000001`).
fn is_site_code(code: &str) -> bool {
    code.len() == 10 && code.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The home pages of both scripts, their entities decoded (what a reader sees, with tags).
fn home_pages(site: &Site, pages: &BTreeMap<&str, &str>) -> Vec<String> {
    let other = format!("{}/index.html", site.config().default_script.other().dir());
    ["index.html", other.as_str()]
        .iter()
        .filter_map(|p| pages.get(p))
        .map(|html| decode_entities(html).into_owned())
        .collect()
}

fn footer(site: &Site, pages: &BTreeMap<&str, &str>, findings: &mut Vec<Diagnostic>) {
    let footer = &site.config().footer;
    let config = PathBuf::from("config.toml");
    let homes = home_pages(site, pages);
    let line = config_line(site, "[footer]");
    let at = |d: Diagnostic| match line {
        Some(l) => d.at_line(l),
        None => d,
    };
    for key in FOOTER_ITEMS {
        let item = t!("gov-footer-item", key = key);
        let value = footer_value(footer, key).trim();
        if value.is_empty() {
            findings.push(at(Diagnostic::new(
                &config,
                t!("gov-footer-missing", item = item.as_str(), key = key),
            )
            .hint(t!("gov-footer-missing-hint", key = key))));
            continue;
        }
        if !homes.is_empty() && !homes.iter().any(|h| h.contains(value)) {
            findings.push(at(Diagnostic::new(
                &config,
                t!("gov-footer-not-shown", item = item.as_str(), key = key),
            )
            .hint(t!("gov-footer-not-shown-hint", key = key))));
        }
    }
    let code = footer.site_code.trim();
    if !code.is_empty() && !is_site_code(code) {
        findings.push(at(Diagnostic::new(
            &config,
            t!("gov-site-code-bad", value = code),
        )
        .hint(t!("gov-site-code-bad-hint"))));
    }
    if !footer.gov_mark.trim().is_empty() && footer.gov_mark_url.trim().is_empty() {
        findings.push(at(
            Diagnostic::new(&config, t!("gov-mark-no-link")).hint(t!("gov-mark-no-link-hint"))
        ));
    }
}

/// The line of `config.toml` where `needle` is first written.
fn config_line(site: &Site, needle: &str) -> Option<usize> {
    let text = std::fs::read_to_string(site.root().join("config.toml")).ok()?;
    text.lines()
        .position(|l| l.trim_start().starts_with(needle))
        .map(|i| i + 1)
}

/// The meta tags every page carries, those of lists (a column's page) and those of documents.
const SITE_TAGS: [&str; 4] = ["SiteName", "SiteDomain", "SiteIDCode", "Url"];
const LIST_TAGS: [&str; 1] = ["ColumnName"];
const DOCUMENT_TAGS: [&str; 4] = ["ArticleTitle", "PubDate", "ContentSource", "ColumnName"];

/// What one built page has: its meta tags (name → content) and its links (address, text).
#[derive(Default)]
struct Seen {
    meta: BTreeMap<String, String>,
    links: Vec<(String, String)>,
    redirect: bool,
}

fn read_page(html: &str) -> Seen {
    let seen = RefCell::new(Seen::default());
    let _ = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("meta", |el| {
                    let mut seen = seen.borrow_mut();
                    if let (Some(name), Some(content)) =
                        (el.get_attribute("name"), el.get_attribute("content"))
                    {
                        seen.meta
                            .insert(name, decode_entities(&content).into_owned());
                    }
                    if el
                        .get_attribute("http-equiv")
                        .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
                    {
                        seen.redirect = true;
                    }
                    Ok(())
                }),
                element!("a[href]", |el| {
                    let href = el.get_attribute("href").unwrap_or_default();
                    seen.borrow_mut()
                        .links
                        .push((decode_entities(&href).into_owned(), String::new()));
                    Ok(())
                }),
                text!("a[href]", |chunk| {
                    if let Some(last) = seen.borrow_mut().links.last_mut() {
                        last.1.push_str(&decode_entities(chunk.as_str()));
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    );
    seen.into_inner()
}

/// How many pages a meta-tag finding names before it counts the rest.
const PAGES_NAMED: usize = 3;

fn meta_tags(site: &Site, pages: &BTreeMap<&str, &str>, findings: &mut Vec<Diagnostic>) {
    let content = site.content();
    let documents: BTreeMap<String, &Page> = content
        .pages
        .iter()
        .map(|p| (format!("{}index.html", p.path), p))
        .collect();
    let other = format!("{}/", site.config().default_script.other().dir());
    // Tag → the pages without it (each source once), in page order.
    let mut missing: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (path, html) in pages {
        // The other script's pages are the same pages converted: each said once.
        if path.starts_with(&other) || *path == "404.html" {
            continue;
        }
        let seen = read_page(html);
        if seen.redirect {
            continue;
        }
        let document = documents.get(*path);
        // The home page carries the site's tags; a column's page and a document theirs too.
        let wanted: Vec<&str> = match document {
            Some(_) => SITE_TAGS.iter().chain(&DOCUMENT_TAGS).copied().collect(),
            None if *path == "index.html" => SITE_TAGS.to_vec(),
            None => SITE_TAGS.iter().chain(&LIST_TAGS).copied().collect(),
        };
        let named = match document {
            Some(page) => page.file.display().to_string(),
            None => t!("output-generated-page", page = *path),
        };
        for tag in wanted {
            let has = seen.meta.get(tag).is_some_and(|c| !c.trim().is_empty());
            let list = missing.entry(tag).or_default();
            if !has && !list.contains(&named) {
                list.push(named.clone());
            }
        }
    }
    for (tag, named) in missing.into_iter().filter(|(_, n)| !n.is_empty()) {
        let count = named.len();
        let shown = named
            .iter()
            .take(PAGES_NAMED)
            .cloned()
            .collect::<Vec<_>>()
            .join("、");
        let message = t!(
            "gov-meta-missing",
            tag = tag,
            what = t!("gov-tag-what", tag = tag),
            count = count,
            pages = shown,
            more = count.saturating_sub(PAGES_NAMED)
        );
        let file = named.first().cloned().unwrap_or_default();
        findings.push(Diagnostic::new(file, message).hint(t!(
            "gov-meta-missing-hint",
            tag = tag,
            what = t!("gov-tag-what", tag = tag)
        )));
    }
}

/// Whether the text of a link names the annual report of `year`:
/// “2024年政府网站工作年度报表” (or 報表 in Traditional, 年度报表 with the year anywhere).
fn names_annual_report(text: &str, year: i32) -> bool {
    let text: String = crate::digits::halfwidth_digits(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (text.contains("年度报表") || text.contains("年度報表")) && text.contains(&year.to_string())
}

fn annual_report(
    site: &Site,
    pages: &BTreeMap<&str, &str>,
    date: NaiveDate,
    findings: &mut Vec<Diagnostic>,
) {
    // The report of a year is due by 31 January of the next.
    let due = NaiveDate::from_ymd_opt(date.year(), 1, 31).unwrap_or(NaiveDate::MIN);
    if date <= due {
        return;
    }
    let year = date.year() - 1;
    let Some(home) = pages.get("index.html") else {
        return;
    };
    let linked = read_page(home)
        .links
        .iter()
        .any(|(href, text)| !href.is_empty() && names_annual_report(text, year));
    if !linked {
        findings.push(
            Diagnostic::new(
                section_file(site, ""),
                t!(
                    "gov-annual-report-missing",
                    year = year.to_string(),
                    date = date.to_string()
                ),
            )
            .hint(t!(
                "gov-annual-report-missing-hint",
                year = year.to_string()
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_updated_by_the_last_day_it_can_mean() {
        let d = |s| PartialDate::parse(s).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(last_day(&d("2021-10-14")), day(2021, 10, 14));
        assert_eq!(last_day(&d("2021-02")), day(2021, 2, 28));
        assert_eq!(last_day(&d("2024-02")), day(2024, 2, 29));
        assert_eq!(last_day(&d("2021")), day(2021, 12, 31));
    }

    #[test]
    fn an_annual_report_link_is_known_by_its_words_and_year() {
        assert!(names_annual_report("2024年政府网站工作年度报表", 2024));
        assert!(names_annual_report("２０２４年 政府網站工作年度報表", 2024));
        assert!(!names_annual_report("2023年政府网站工作年度报表", 2024));
        assert!(!names_annual_report("2024年工作总结", 2024));
    }

    #[test]
    fn a_site_code_is_ten_letters_and_digits() {
        assert!(is_site_code("3708000001"));
        assert!(is_site_code("bm09000001"));
        assert!(!is_site_code("示例站点，无网站标识码"));
        assert!(!is_site_code("370800001"));
    }
}
