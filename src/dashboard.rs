//! How far a target has come: pure functions of an indicator and its observations, tested like
//! a calculator.

use serde::Serialize;

use crate::data::{Comparator, Indicator, Observation};
use crate::date::PartialDate;
use crate::figure::Figure;

pub(crate) use crate::status::Status;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Latest {
    pub value: Figure,
    pub date: PartialDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Assessment {
    pub status: Status,
    pub latest: Option<Latest>,
    /// Share of the way from baseline to target, 0 at the baseline and 1 at the target (may go
    /// beyond either end). `None` without a baseline or a measurement.
    pub progress: Option<f64>,
    /// Share of the time from baseline year to target year that has passed at the latest
    /// measurement, in 0..=1.
    pub expected: Option<f64>,
}

/// The latest observation, if any.
pub(crate) fn latest(observations: &[&Observation]) -> Option<Latest> {
    observations.iter().max_by_key(|o| o.date).map(|o| Latest {
        value: o.value.clone(),
        date: o.date,
    })
}

/// Whether `value` meets the target. For `=` the target counts as met once the value has reached
/// it in the direction the plan moves (up from the baseline unless the baseline is above it).
pub(crate) fn meets_target(indicator: &Indicator, value: f64) -> bool {
    let target = indicator.target.value.value();
    const EPSILON: f64 = 1e-9;
    match effective_comparator(indicator) {
        Comparator::AtLeast => value >= target - EPSILON,
        Comparator::AtMost => value <= target + EPSILON,
        Comparator::Exactly => (value - target).abs() <= EPSILON,
    }
}

/// `=` targets are "reach this value": judged as at-least, or at-most when the plan goes down,
/// or exactly when the baseline is already at the target.
fn effective_comparator(indicator: &Indicator) -> Comparator {
    match indicator.target.comparator {
        Comparator::Exactly => {
            let target = indicator.target.value.value();
            match &indicator.baseline {
                Some(b) if b.value.value() > target => Comparator::AtMost,
                Some(b) if b.value.value() < target => Comparator::AtLeast,
                // Already there: the value is to be kept (zero accidents stays zero).
                Some(_) => Comparator::Exactly,
                None if target == 0.0 => Comparator::AtMost,
                None => Comparator::AtLeast,
            }
        }
        other => other,
    }
}

/// Share of the way from the baseline to the target.
pub(crate) fn progress(indicator: &Indicator, value: f64) -> Option<f64> {
    let baseline = indicator.baseline.as_ref()?.value.value();
    let target = indicator.target.value.value();
    let span = target - baseline;
    if span.abs() < 1e-12 {
        // Baseline already at the target (e.g. zero accidents, to be kept at zero).
        return Some(if meets_target(indicator, value) {
            1.0
        } else {
            0.0
        });
    }
    Some((value - baseline) / span)
}

/// Share of the plan's time that has passed at `date`.
pub(crate) fn expected_progress(indicator: &Indicator, date: PartialDate) -> Option<f64> {
    let start = indicator.baseline.as_ref()?.year as f64;
    let end = indicator.target.year as f64;
    if end <= start {
        return Some(1.0);
    }
    Some(((date.as_year_fraction() - start) / (end - start)).clamp(0.0, 1.0))
}

/// The status of an indicator given its observations.
pub(crate) fn assess(indicator: &Indicator, observations: &[&Observation]) -> Assessment {
    let Some(latest) = latest(observations) else {
        return Assessment {
            status: Status::NoData,
            latest: None,
            progress: None,
            expected: None,
        };
    };
    let progress = progress(indicator, latest.value.value());
    let expected = expected_progress(indicator, latest.date);
    let status = if meets_target(indicator, latest.value.value()) {
        Status::Achieved
    } else if latest.date.year >= indicator.target.year {
        Status::Behind
    } else {
        match (progress, expected) {
            (Some(p), Some(e)) if p + 1e-9 < e => Status::Behind,
            _ => Status::OnTrack,
        }
    };
    Assessment {
        status,
        latest: Some(latest),
        progress,
        expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::table::Loc;
    use crate::data::{Baseline, Target};

    fn indicator(
        baseline: Option<(f64, i32)>,
        target: f64,
        year: i32,
        comparator: Comparator,
    ) -> Indicator {
        Indicator {
            id: "x".into(),
            city: "c".into(),
            plan: None,
            domain: String::new(),
            name: "n".into(),
            unit: "%".into(),
            baseline: baseline.map(|(value, year)| Baseline {
                value: Figure::of(value),
                year,
            }),
            target: Target {
                value: Figure::of(target),
                year,
                comparator,
            },
            kind: None,
            source: None,
            decimals: None,
            loc: Loc::default(),
            plan_loc: None,
            city_loc: Loc::default(),
        }
    }

    fn obs(date: &str, value: f64) -> Observation {
        Observation {
            city: "c".into(),
            indicator: "x".into(),
            date: PartialDate::parse(date).unwrap(),
            value: Figure::of(value),
            forecast: false,
            source: String::new(),
            loc: Loc::default(),
            city_loc: Loc::default(),
            indicator_loc: Loc::default(),
        }
    }

    fn status(ind: &Indicator, observations: &[Observation]) -> Assessment {
        let refs: Vec<&Observation> = observations.iter().collect();
        assess(ind, &refs)
    }

    #[test]
    fn no_observation_means_no_data() {
        let ind = indicator(Some((93.2, 2015)), 97.0, 2020, Comparator::AtLeast);
        let a = status(&ind, &[]);
        assert_eq!(a.status, Status::NoData);
        assert_eq!(a.progress, None);
    }

    #[test]
    fn on_track_and_behind_follow_elapsed_time() {
        // 93.2 → 97 over 2015..2020: by 2017 two fifths of the way is expected.
        let ind = indicator(Some((93.2, 2015)), 97.0, 2020, Comparator::AtLeast);
        let a = status(&ind, &[obs("2017", 95.0)]);
        assert_eq!(a.status, Status::OnTrack);
        assert!((a.progress.unwrap() - 1.8 / 3.8).abs() < 1e-9);
        assert!((a.expected.unwrap() - 0.4).abs() < 1e-9);
        assert_eq!(status(&ind, &[obs("2017", 94.0)]).status, Status::Behind);
    }

    #[test]
    fn the_latest_observation_counts_whatever_the_file_order() {
        let ind = indicator(Some((93.2, 2015)), 97.0, 2020, Comparator::AtLeast);
        let a = status(&ind, &[obs("2019", 97.5), obs("2017", 94.0)]);
        assert_eq!(a.latest.unwrap().value.value(), 97.5);
        assert_eq!(a.status, Status::Achieved);
    }

    #[test]
    fn value_exactly_at_target_is_achieved() {
        let ind = indicator(Some((93.2, 2015)), 97.0, 2020, Comparator::AtLeast);
        assert_eq!(status(&ind, &[obs("2020", 97.0)]).status, Status::Achieved);
        let eq = indicator(Some((29.0, 2015)), 35.0, 2020, Comparator::Exactly);
        assert_eq!(status(&eq, &[obs("2020", 35.0)]).status, Status::Achieved);
    }

    #[test]
    fn target_reached_early_is_achieved() {
        let ind = indicator(Some((29.0, 2015)), 35.0, 2020, Comparator::AtLeast);
        let a = status(&ind, &[obs("2016", 40.0)]);
        assert_eq!(a.status, Status::Achieved);
        assert!(a.progress.unwrap() > 1.0);
    }

    #[test]
    fn at_most_targets_go_down() {
        // e.g. a complaint rate to be brought down from 5 to 2 by 2020.
        let ind = indicator(Some((5.0, 2015)), 2.0, 2020, Comparator::AtMost);
        let a = status(&ind, &[obs("2018", 3.0)]);
        assert!((a.progress.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(a.status, Status::OnTrack);
        assert_eq!(status(&ind, &[obs("2018", 4.5)]).status, Status::Behind);
        assert_eq!(status(&ind, &[obs("2018", 1.0)]).status, Status::Achieved);
    }

    #[test]
    fn zero_accidents_kept_at_zero() {
        let ind = indicator(Some((0.0, 2015)), 0.0, 2020, Comparator::Exactly);
        assert_eq!(status(&ind, &[obs("2017", 0.0)]).status, Status::Achieved);
        // One accident: off the target, and no progress to show for the time passed.
        let a = status(&ind, &[obs("2017", 1.0)]);
        assert_eq!(a.status, Status::Behind);
        assert_eq!(a.progress, Some(0.0));
        let at_most = indicator(None, 0.0, 2020, Comparator::AtMost);
        assert_eq!(status(&at_most, &[obs("2020", 2.0)]).status, Status::Behind);
    }

    #[test]
    fn without_baseline_status_depends_on_the_deadline() {
        let ind = indicator(None, 20.0, 2017, Comparator::AtLeast);
        let a = status(&ind, &[obs("2016", 12.0)]);
        assert_eq!(a.status, Status::OnTrack);
        assert_eq!(a.progress, None);
        assert_eq!(status(&ind, &[obs("2017-12", 12.0)]).status, Status::Behind);
        assert_eq!(status(&ind, &[obs("2017", 21.0)]).status, Status::Achieved);
    }

    #[test]
    fn missing_the_deadline_is_behind_even_if_progress_looked_fine() {
        let ind = indicator(Some((10.0, 2015)), 20.0, 2020, Comparator::AtLeast);
        assert_eq!(status(&ind, &[obs("2021", 19.9)]).status, Status::Behind);
    }
}
