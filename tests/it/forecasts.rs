//! Forecasts (rows whose 预测 column says 是): a reader tells them from measured values on
//! every page that shows them, in both scripts — the target's table (a row 预测), its chart
//! (hollow points on a dashed line, named 预测 in their text, the legend and the chart's
//! description), the target tables of the dashboard and the city (the newest forecast after
//! the latest value, labelled), the CSV download (类型 预测) — and a forecast never counts as
//! the latest value: not for the status, the bullet chart or 数据截至.

use crate::support::*;

const PASS_RATE: &str = "cities/testcity/indicators/pass-rate/";

/// The basic site with measured values for 2017 and 2018 and `forecasts` (date, value) of
/// pass-rate (target: at least 97 by 2020, baseline 93.2 in 2015).
fn with_forecasts(forecasts: &[(&str, &str)]) -> TestSite {
    let mut rows = String::from(
        "城市,指标,日期,实际值,来源,预测\n\
         testcity,pass-rate,2017,95.5,测试数据,\n\
         testcity,pass-rate,2018,96.1,测试数据,否\n",
    );
    for (date, value) in forecasts {
        rows.push_str(&format!("testcity,pass-rate,{date},{value},规划预测,是\n"));
    }
    let site = TestSite::basic();
    site.file("data/observations.csv", rows);
    site
}

#[test]
fn a_forecast_is_a_labelled_row_of_the_targets_table_and_download_in_both_scripts() {
    let site = with_forecasts(&[("2199-12-31", "99")]);
    site.built();
    for (root, word, measured) in [("", "预测", "监测"), ("zh-hant/", "預測", "監測")] {
        let page = site.read(&format!("{root}{PASS_RATE}index.html"));
        assert!(
            page.contains(&format!(
                r#"<tr class="forecast"><th scope="row">{word}</th><td>2199年12月31日</td><td>99%</td></tr>"#
            )),
            "{root}: no forecast row in the table"
        );
        assert!(
            page.contains(&format!(
                r#"<tr><th scope="row">{measured}</th><td>2018年</td><td>96.1%</td></tr>"#
            )),
            "{root}: the measured value is not a row of its own"
        );
        let csv = site.read(&format!("{root}{PASS_RATE}data.csv"));
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{measured},2018,96.1,%,"))),
            "{root}: {csv}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{word},2199-12-31,99,%,"))),
            "{root}: the forecast is not a {word} row of the download:\n{csv}"
        );
    }
}

#[test]
fn a_forecast_is_drawn_apart_in_the_chart_with_its_text_equivalent() {
    let site = with_forecasts(&[("2199-12-31", "99")]);
    site.built();
    let page = site.read(&format!("{PASS_RATE}index.html"));
    let start = page.find("chart-testcity-pass-rate-series").unwrap();
    let svg = &page[start..start + page[start..].find("</svg>").unwrap()];
    // The chart's description (what a screen reader says) names the forecast.
    assert!(
        svg.contains("2018年：96.1%；2199年12月31日：99%（预测）</desc>"),
        "{svg}"
    );
    // A hollow point of its own, on a dashed line from the last measured value, named.
    assert!(
        svg.contains(r#"<circle class="point point-forecast""#)
            && svg.contains("<title>2199年12月31日：99%（预测）</title></circle>"),
        "{svg}"
    );
    assert!(
        svg.contains(r#"class="series-line forecast-line""#),
        "{svg}"
    );
    assert!(svg.contains(r#"stroke-dasharray="4 4""#), "{svg}");
    assert!(
        svg.contains(r#"class="legend-label" x="#) && svg.contains(">预测</text>"),
        "the legend does not name the forecasts: {svg}"
    );
    assert!(svg.contains(">99%（预测）</text>"), "{svg}");
    // The status's mark stays on the latest measured value.
    assert!(
        svg.contains("<title>2018年：96.1%（按期推进）</title>"),
        "{svg}"
    );
    let hant = site.read(&format!("zh-hant/{PASS_RATE}index.html"));
    assert!(hant.contains("99%（預測）</desc>") && hant.contains(">預測</text>"));
}

#[test]
fn the_target_tables_show_the_newest_forecast_labelled_beside_the_latest_value() {
    let site = with_forecasts(&[("2150", "98"), ("2199-12-31", "99")]);
    site.built();
    for (root, word) in [("", "预测"), ("zh-hant/", "預測")] {
        for page in ["dashboard/index.html", "cities/testcity/index.html"] {
            let html = site.read(&format!("{root}{page}"));
            assert!(
                html.contains(&format!(
                    r#"<span class="nowrap">96.1%</span><span class="nowrap">（2018年）</span> <span class="forecast">{word}<span class="nowrap">99%</span><span class="nowrap">（2199年12月31日）</span></span>"#
                )),
                "{root}{page}: the latest value and the newest forecast are not shown as such"
            );
            assert!(
                !html.contains("2150年"),
                "{root}{page}: an older forecast is shown"
            );
        }
    }
    // A site without forecasts shows none.
    let plain = TestSite::basic();
    plain.built();
    let dashboard = plain.read("dashboard/index.html");
    assert!(!dashboard.contains("class=\"forecast\""));
}

/// A forecast that would meet the target, dated after the latest measurement (in the past or
/// the future): the status, the latest value and 数据截至 are the measured ones.
#[test]
fn a_forecast_is_never_the_latest_value_the_status_or_data_as_of() {
    let reference = with_forecasts(&[]);
    reference.built();
    for (date, year_text) in [("2019", "2019年"), ("2199-12-31", "2199年")] {
        let site = with_forecasts(&[(date, "99")]);
        site.built();
        let page = site.read(&format!("{PASS_RATE}index.html"));
        let start = page.find("<figure class=\"indicator-lead\">").unwrap();
        let lead = &page[start..start + page[start..].find("</figure>").unwrap()];
        assert!(
            lead.contains("最新 2018年：96.1%（按期推进）") && !lead.contains("已完成"),
            "{date}: the bullet chart takes the forecast for the latest value: {lead}"
        );
        assert!(!lead.contains(year_text), "{date}: {lead}");
        for (page, as_of) in [
            (
                "index.html",
                "数据截至<time datetime=\"2018-12\">2018年12月",
            ),
            (
                "dashboard/index.html",
                "数据截至<time datetime=\"2018-12\">2018年12月",
            ),
            (
                "cities/testcity/index.html",
                "数据截至<time datetime=\"2018-12\">2018年12月",
            ),
        ] {
            let html = site.read(page);
            assert!(html.contains(as_of), "{date}: {page} says another 数据截至");
            // The statuses shown are the site's without the forecast.
            let without = reference.read(page);
            for status in ["status-on-track", "status-achieved", "已完成"] {
                assert_eq!(
                    html.matches(status).count(),
                    without.matches(status).count(),
                    "{date}: {page} shows {status} another number of times"
                );
            }
        }
    }
}
