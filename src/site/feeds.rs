//! Files beside the pages: CSV downloads of chart data, the sitemap, Atom feeds, robots.txt.

use super::Site;
use crate::content::sort_date;
use crate::escape::xml;
use crate::lists::city_path;
use crate::output::OutputFile;
use crate::script::Script;
use crate::views::{indicator_path, ListKey, Reader};

/// A CSV cell, quoted when needed and defused so that a spreadsheet never runs it as a formula.
pub(super) fn csv_cell(text: &str) -> String {
    let defused =
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err() {
            format!("'{text}")
        } else {
            text.to_string()
        };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// CSV text with a BOM so Excel opens the Chinese correctly, CRLF line ends as Excel writes.
fn csv_file(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// The data behind a target's charts, as CSV, in both scripts: each figure as the source
/// writes it (a target's `decimals` are for reading on its page; a download is for reuse).
pub(super) fn indicator_csv(site: &Site, reader: &Reader<'_>, index: usize) -> Vec<OutputFile> {
    // The view shows every figure the table holds: reading it marks the table as read.
    reader.indicator(index);
    let data = site.data();
    let labels = site.labels();
    let ind = &data.indicators[index];
    let mut rows = vec![vec![
        labels.csv_type().into(),
        labels.csv_date().into(),
        labels.csv_value().into(),
        labels.csv_unit().into(),
        labels.csv_note().into(),
    ]];
    if let Some(b) = &ind.baseline {
        rows.push(vec![
            labels.baseline().into(),
            b.year.to_string(),
            b.value.text().to_string(),
            ind.unit.clone(),
            String::new(),
        ]);
    }
    rows.push(vec![
        labels.target().into(),
        ind.target.year.to_string(),
        ind.target.value.text().to_string(),
        ind.unit.clone(),
        labels.comparator_words(ind.target.comparator).into(),
    ]);
    // Measured values, then forecasts (类型 预测), each by date.
    for o in data
        .observations_of(ind)
        .into_iter()
        .chain(data.forecasts_of(ind))
    {
        let kind = if o.forecast {
            labels.forecast()
        } else {
            labels.observation()
        };
        rows.push(vec![
            kind.into(),
            o.date.to_string(),
            o.value.text().to_string(),
            ind.unit.clone(),
            o.source.clone(),
        ]);
    }
    in_both_scripts(site, &format!("{}data.csv", indicator_path(ind)), &rows)
}

/// A city's achievements, as CSV, in both scripts (nothing when it has none).
pub(super) fn achievements_csv(site: &Site, reader: &Reader<'_>, index: usize) -> Vec<OutputFile> {
    reader.city(index);
    let data = site.data();
    let labels = site.labels();
    let city = &data.cities[index];
    let mine: Vec<_> = data
        .achievements
        .iter()
        .filter(|a| a.city == city.id)
        .collect();
    if mine.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![vec![
        labels.csv_date().into(),
        labels.csv_category().into(),
        labels.csv_level().into(),
        labels.csv_name().into(),
        labels.csv_value().into(),
        labels.csv_unit().into(),
        labels.csv_quote().into(),
    ]];
    for a in mine {
        rows.push(vec![
            a.date.to_string(),
            if a.category.is_empty() {
                labels.achievement_category_default().into()
            } else {
                a.category.clone()
            },
            a.level.clone().unwrap_or_default(),
            a.name.clone(),
            a.value.text().to_string(),
            a.unit.clone(),
            a.source
                .as_ref()
                .map(|s| s.quote.clone())
                .unwrap_or_default(),
        ]);
    }
    in_both_scripts(
        site,
        &format!("{}achievements.csv", city_path(&city.id)),
        &rows,
    )
}

fn in_both_scripts(site: &Site, path: &str, rows: &[Vec<String>]) -> Vec<OutputFile> {
    Script::ALL
        .iter()
        .map(|&script| {
            let converted: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| site.converter().convert(script, c))
                        .collect()
                })
                .collect();
            OutputFile {
                path: format!("{}{path}", site.script_prefix(script)),
                bytes: csv_file(&converted),
            }
        })
        .collect()
}

/// `sitemap.xml` with both scripts of every page, and `robots.txt` pointing to it.
pub(super) fn sitemap_and_robots(site: &Site, reader: &Reader<'_>) -> Vec<OutputFile> {
    reader.routes();
    let mut sitemap = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in site
        .public_route_paths()
        .iter()
        .filter(|p| !p.ends_with(".html"))
    {
        for script in Script::ALL {
            sitemap.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                xml(&site.absolute_url(script, path))
            ));
            for alt in Script::ALL {
                sitemap.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    alt.lang(),
                    xml(&site.absolute_url(alt, path))
                ));
            }
            sitemap.push_str("  </url>\n");
        }
    }
    sitemap.push_str("</urlset>\n");
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config().base_url
    );
    vec![
        OutputFile {
            path: "sitemap.xml".into(),
            bytes: sitemap.into_bytes(),
        },
        OutputFile {
            path: "robots.txt".into(),
            bytes: robots.into_bytes(),
        },
    ]
}

/// The Atom feed of each script: documents by date, with title and summary.
pub(super) fn atom_feeds(site: &Site, reader: &Reader<'_>) -> Vec<OutputFile> {
    let documents = reader.list_pages(&ListKey::Documents);
    // Each entry shows what lists show of the page.
    for &i in documents {
        reader.summary(i);
    }
    Script::ALL
        .iter()
        .map(|&script| OutputFile {
            path: format!("{}atom.xml", site.script_prefix(script)),
            bytes: atom_feed(site, documents, script).into_bytes(),
        })
        .collect()
}

fn atom_feed(site: &Site, order: &[usize], script: Script) -> String {
    let pages = &site.content().pages;
    let config = site.config();
    let convert = |text: &str| {
        let mut converted = String::new();
        site.converter().push_text(script, text, &mut converted);
        xml(&converted)
    };
    let feed_url = site.absolute_url(script, "atom.xml");
    let updated = order
        .iter()
        .filter_map(|&i| sort_date(&pages[i]))
        .max()
        .map_or_else(|| "2000-01-01T00:00:00+08:00".to_string(), |d| d.rfc3339());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <id>{}</id>\n  <author><name>{}</name></author>\n",
        script.lang(),
        convert(&config.title),
        xml(&feed_url),
        xml(&site.absolute_url(script, "")),
        xml(&feed_url),
        convert(if config.footer.sponsor.is_empty() { &config.title } else { &config.footer.sponsor }),
    );
    for &i in order {
        let page = &pages[i];
        let url = site.absolute_url(script, &page.path);
        let date = sort_date(page).map_or_else(|| updated.clone(), |d| d.rfc3339());
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <id>{}</id>\n    <updated>{date}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            convert(&page.meta.title),
            xml(&url),
            xml(&url),
            convert(&page.summary),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("说\"明"), "\"说\"\"明\"");
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv_cell("-3.5"), "-3.5");
    }
}
