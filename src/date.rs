//! Dates as precise as a source gives them (`2017`, `2017-06`, `2017-06-30`), written by
//! editors in front matter, data tables and the configuration, in figures or in Chinese
//! (`2021年10月14日`, full-width digits too).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::t;

/// A date as precise as the source gives it: `2017`, `2017-06` or `2017-06-30` (a TOML date or
/// date-time is accepted too). Sorts chronologically; a year sorts before its months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The years a date can have, in pages and in data: nothing a portal records happened before
    /// 1900 or is planned after 2200, so a year outside (`0000`, `1021`) is a typo.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

    /// A date as `2021`, `2021-10`, `2021-10-14` (or a TOML date-time), or in Chinese:
    /// `2021年`, `2021年10月`, `2021年10月14日`; digits may be full-width (`２０２１`). The
    /// precision is what is written.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let bad = || t!("date-invalid", text = text);
        let halfwidth = crate::digits::halfwidth_digits(text.trim());
        if let Some(fix) = dotted_date(&halfwidth) {
            return Err(t!("date-dotted", text = text.trim(), fix = fix));
        }
        let dashed = chinese_date(&halfwidth).ok_or_else(bad)?;
        // A TOML date-time: keep the date part, once the time after it is a time of day.
        let (date_part, time) = match dashed.split_once(['T', 't', ' ']) {
            Some((date, time)) => (date, Some(time)),
            None => (dashed.as_str(), None),
        };
        if time.is_some_and(|t| !is_time_of_day(t)) {
            return Err(bad());
        }
        let mut parts = date_part.split('-');
        let year: i32 = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(bad)?;
        if !Self::YEARS.contains(&year) {
            return Err(t!(
                "date-year-out-of-range",
                text = text,
                year = year.to_string(),
                first = Self::YEARS.start().to_string(),
                last = Self::YEARS.end().to_string()
            ));
        }
        let month = match parts.next() {
            Some(m) => Some(
                m.parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?,
            ),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => {
                let d = d.parse::<u32>().map_err(|_| bad())?;
                chrono::NaiveDate::from_ymd_opt(year, month.unwrap_or(1), d).ok_or_else(bad)?;
                Some(d)
            }
            None => None,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }

    /// The first day the date covers (a year its 1 January, a month its first day).
    pub fn first_day(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(chrono::NaiveDate::MAX)
    }

    /// Today in China (UTC+8), the day a build is made on.
    pub fn today() -> PartialDate {
        use chrono::Datelike;
        let now = today_in_china();
        PartialDate {
            year: now.year(),
            month: Some(now.month()),
            day: Some(now.day()),
        }
    }

    /// RFC 3339 at midnight UTC+8 of the first day the date covers (for feeds and sitemaps).
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00+08:00",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }

    /// Fraction of a year, for placing the date on a time axis.
    pub fn as_year_fraction(&self) -> f64 {
        let month = self.month.unwrap_or(1) as f64 - 1.0;
        let day = self.day.unwrap_or(1) as f64 - 1.0;
        self.year as f64 + (month + day / 31.0) / 12.0
    }
}

/// Today in China (UTC+8, Asia/Shanghai, which has kept no summer time since 1991): the day
/// of a build, whatever the clock of the machine is set to.
pub(crate) fn today_in_china() -> chrono::NaiveDate {
    let now = chrono::Utc::now();
    chrono::FixedOffset::east_opt(8 * 3600).map_or_else(
        || now.date_naive(),
        |china| now.with_timezone(&china).date_naive(),
    )
}

/// A date written with dots or slashes, as on paper or in a spreadsheet (`2024.3.5`,
/// `2024/3/5`, `2024.03`): the same date as it is written here (`2024-03-05`). `None` for
/// anything else, a date that does not exist included.
pub(crate) fn dotted_date(text: &str) -> Option<String> {
    let separator = text.chars().find(|c| matches!(c, '.' | '/'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let digits = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(digits) || parts[0].len() != 4 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok().filter(|m| (1..=12).contains(m))?;
    if parts[1].len() > 2 {
        return None;
    }
    match parts.get(2) {
        Some(day) if day.len() <= 2 => {
            let day: u32 = day.parse().ok()?;
            chrono::NaiveDate::from_ymd_opt(year, month, day)?;
            Some(format!("{year:04}-{month:02}-{day:02}"))
        }
        Some(_) => None,
        None => Some(format!("{year:04}-{month:02}")),
    }
}

/// Whether `text` is the time part of a date-time as TOML and RFC 3339 write it: `08:30`,
/// `08:30:00`, `08:30:00.5`, with an optional `Z` or offset (`+08:00`); `25:99:99junk` is not.
fn is_time_of_day(text: &str) -> bool {
    let text = text.trim();
    let local = if let Some(rest) = text.strip_suffix(['Z', 'z']) {
        rest
    } else {
        match text.rfind(['+', '-']) {
            Some(at) => {
                let offset = &text[at + 1..];
                let ok = chrono::NaiveTime::parse_from_str(offset, "%H:%M").is_ok();
                if !ok {
                    return false;
                }
                &text[..at]
            }
            None => text,
        }
    };
    ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
        .iter()
        .any(|format| chrono::NaiveTime::parse_from_str(local, format).is_ok())
}

/// A Chinese date (`2021年`, `2021年10月`, `2021年10月14日`) in the dashed form; other text as
/// it is. `None` for a Chinese date that is not one of those three (`2021年14日`, `10月`).
fn chinese_date(text: &str) -> Option<String> {
    if !text.contains(['年', '月', '日']) {
        return Some(text.to_string());
    }
    let (year, rest) = text.split_once('年')?;
    let mut dashed = year.trim().to_string();
    if rest.trim().is_empty() {
        return Some(dashed);
    }
    let (month, rest) = rest.split_once('月')?;
    dashed.push('-');
    dashed.push_str(month.trim());
    if rest.trim().is_empty() {
        return Some(dashed);
    }
    let day = rest.trim().strip_suffix('日')?;
    dashed.push('-');
    dashed.push_str(day.trim());
    Some(dashed)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Date(toml::value::Datetime),
            Text(String),
            Year(i64),
            // `2024.3`, a date written with a dot: read as a number, said as a date.
            Number(f64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Date(dt) => dt.to_string(),
            Raw::Text(s) => s,
            Raw::Year(y) => y.to_string(),
            Raw::Number(n) => n.to_string(),
        };
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_sort() {
        let y = PartialDate::parse("2017").unwrap();
        let m = PartialDate::parse("2017-06").unwrap();
        let d = PartialDate::parse("2017-06-30").unwrap();
        assert!(y < m && m < d);
        assert!(PartialDate::parse("2017-13").is_err());
        assert!(PartialDate::parse("2017-02-30").is_err());
        assert!(PartialDate::parse("17").is_err());
        assert_eq!(d.rfc3339(), "2017-06-30T00:00:00+08:00");
    }

    #[test]
    fn a_date_time_needs_a_time_of_day() {
        for good in [
            "2021-10-14T08:30:00",
            "2021-10-14 08:30",
            "2021-10-14T08:30:00.25+08:00",
            "2021-10-14T23:59:59Z",
        ] {
            assert!(PartialDate::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "2021-10-14T25:99:99junk",
            "2021-10-14T",
            "2021-10-14 junk",
            "2021-10-14T08:30:00+99:00",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn chinese_dates_keep_their_precision() {
        for (text, read) in [
            ("2024年3月20日", "2024-03-20"),
            ("2024年03月", "2024-03"),
            ("2024年", "2024"),
            ("２０２４年３月", "2024-03"),
            ("2024-03-20", "2024-03-20"),
        ] {
            assert_eq!(
                PartialDate::parse(text).unwrap().to_string(),
                read,
                "{text}"
            );
        }
        for text in [
            "2024年3月32日",
            "3月20日",
            "2024年3日",
            "2024年3月20",
            "2024年13月",
        ] {
            let err = PartialDate::parse(text).unwrap_err();
            assert!(err.contains("is not a date"), "{text}: {err}");
        }
    }

    #[test]
    fn dates_with_dots_or_slashes_say_how_to_write_them() {
        for (text, fix) in [
            ("2024.3.5", "2024-03-05"),
            ("2024/3/5", "2024-03-05"),
            ("2024/03/05", "2024-03-05"),
            ("2024.3", "2024-03"),
            ("２０２４.3.5", "2024-03-05"),
        ] {
            let err = PartialDate::parse(text).unwrap_err();
            assert!(err.contains(fix), "{text}: {err}");
        }
        for text in ["2024.13.5", "2024/2/30", "93.2", "2024.3/5", "2024.3.5.1"] {
            assert_eq!(dotted_date(text), None, "{text}");
        }
    }

    #[test]
    fn impossible_years_are_not_dates() {
        for text in [
            "0000",
            "0000-01-01",
            "1899",
            "1899-12-31",
            "2201",
            "9999-12",
            "-001",
        ] {
            let err = PartialDate::parse(text).unwrap_err();
            assert!(err.contains("not a date"), "{text}: {err}");
        }
        assert!(PartialDate::parse("0000")
            .unwrap_err()
            .contains("the year 0 is not between 1900 and 2200"));
        for text in [
            "1900",
            "1900-01-01",
            "2200",
            "2200-12-31",
            "2020-01-01T08:00:00+08:00",
        ] {
            assert!(PartialDate::parse(text).is_ok(), "{text}");
        }
    }
}
