//! The example portal in this repository: it builds, carries the seed documents' figures with
//! their sources, and every page exists in both scripts.

use crate::support::internals::{self, Site};
use crate::support::*;

fn load() -> Site {
    internals::load(&repo(), false)
}

/// Markdown emphasis, line breaks and the script do not count when looking for a quoted
/// phrase (the site keeps its sources in Simplified once loaded).
fn plain(site: &Site, markdown: &str) -> String {
    internals::converter(site)
        .simplified(&markdown.replace("**", "").replace('\n', ""))
        .into_owned()
}

#[test]
fn every_figure_quotes_its_source_document_verbatim() {
    let site = load();
    let mut missing = Vec::new();
    let mut checked = 0;
    for source in internals::data(&site).sources() {
        let page = internals::page_by_slug(&site, &source.document).expect("checked at load");
        if source.quote.is_empty() {
            missing.push(format!("{}: no quote", source.loc.file.display()));
        } else if !plain(&site, &page.raw).contains(&plain(&site, &source.quote)) {
            missing.push(format!(
                "{}:{}: \"{}\" is not in {}",
                source.loc.file.display(),
                source.loc.line,
                source.quote,
                page.file.display()
            ));
        }
        checked += 1;
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(checked >= 120, "only {checked} figures have a source");
}

#[test]
fn the_seed_figures_are_all_there() {
    let site = load();
    let data = internals::data(&site);
    let per_city = |city: &str| {
        (
            data.indicators.iter().filter(|i| i.city == city).count(),
            data.achievements.iter().filter(|a| a.city == city).count(),
        )
    };
    // Rizhao: baselines (十二五末) and 2020 targets; Jining: counts as of October 2021;
    // Tai'an and Wenzhou: targets.
    assert!(
        per_city("rizhao").0 >= 30 && per_city("rizhao").1 >= 40,
        "{:?}",
        per_city("rizhao")
    );
    assert!(per_city("jining").1 >= 15, "{:?}", per_city("jining"));
    // Tai'an's targets are kept in a workbook with Chinese headers, as an editor keeps them.
    assert!(repo().join("data/indicators/taian.xlsx").is_file());
    assert_eq!(per_city("taian").0, 8);
    assert!(per_city("wenzhou").0 >= 5);
    let baselines = data
        .indicators
        .iter()
        .filter(|i| i.baseline.is_some())
        .count();
    let figures = data.indicators.len() + baselines + data.achievements.len();
    assert!(figures >= 135, "{figures} figures");
    let jining_national = data
        .achievements
        .iter()
        .find(|a| a.city == "jining" && a.level.as_deref() == Some("国家") && a.category == "标准")
        .expect("济宁 国家标准");
    assert_eq!(jining_national.value.value(), 432.0);
    let pass_rate = data
        .indicator("rizhao", "industrial-product-spot-check-pass-rate")
        .unwrap();
    assert_eq!(
        pass_rate
            .baseline
            .as_ref()
            .map(|b| (b.value.value(), b.year)),
        Some((93.2, 2015))
    );
    assert_eq!(
        (pass_rate.target.value.value(), pass_rate.target.year),
        (97.0, 2020)
    );
}

#[test]
fn the_example_portal_builds_in_both_scripts() {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let status = std::process::Command::new(stdportal_binary())
        .args(["build", "--no-search", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    assert_success(&status);
    let site = load();
    let pages = internals::pages(&site);
    assert!(pages.len() >= 5, "{} pages", pages.len());
    for page in pages {
        for prefix in ["", "zh-hant/"] {
            let file = output.join(format!("{prefix}{}index.html", page.path));
            assert!(file.exists(), "{} is missing", file.display());
        }
    }
    for city in ["taian", "wenzhou", "jining", "rizhao"] {
        let hans =
            std::fs::read_to_string(output.join(format!("cities/{city}/index.html"))).unwrap();
        assert!(hans.contains("lang=\"zh-Hans\""));
        assert!(output
            .join(format!("zh-hant/cities/{city}/index.html"))
            .exists());
    }
    // The Wenzhou document is written in Traditional and appears in Simplified, with the
    // Taiwan-phrase damage of its source repaired by the site dictionary.
    let wenzhou = std::fs::read_to_string(
        output.join("policies/wenzhou-standardization-strategy-opinions/index.html"),
    )
    .unwrap();
    assert!(wenzhou.contains("温州市人民政府关于全面实施标准化战略的意见"));
    assert!(
        wenzhou.contains("强化统筹，优化管理"),
        "the site dictionary restores 优化"
    );
    assert!(!wenzhou.contains("最佳化"));
    // Its length is counted on the Simplified text (3301 when it was counted on the Traditional
    // source, where 最佳化 and 附屬檔案 are longer; 3294 with 智慧型化 → 智能化 counted on the
    // t2s text); counted as published, through tw2sp (网际网路 → 互联网): 3293.
    assert!(wenzhou.contains("约3293字"), "the Wenzhou page's length");
    // Its source came through a Taiwan-phrase converter: tw2sp brings the mainland's words back.
    assert!(wenzhou.contains("“互联网+”") && !wenzhou.contains("网际网路"));
    // The Rizhao file holds two plans.
    assert!(output
        .join("policies/rizhao-quality-13th-plan/index.html")
        .exists());
    assert!(output
        .join("policies/rizhao-standardization-13th-plan/index.html")
        .exists());
    // Debris of the scraped sources stays out.
    for entry in walkdir::WalkDir::new(&output).into_iter().flatten() {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for debris in ["我来说两句", "相關詞條", "熱門詞條", "版权及免责声明"]
            {
                assert!(
                    !text.contains(debris),
                    "{debris} in {}",
                    entry.path().display()
                );
            }
        }
    }
}
