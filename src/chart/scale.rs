//! Linear scales with "nice" bounds and ticks, and year ticks for time axes.

/// A linear domain `lo..=hi` with tick spacing `step`. Always finite with `lo < hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

/// Used when nothing sensible can be computed (no values, absurd magnitudes).
const FALLBACK: Scale = Scale {
    lo: 0.0,
    hi: 1.0,
    step: 0.2,
};
/// Aim for at most about this many tick intervals.
const INTERVALS: f64 = 5.0;
/// Slack for floating-point error when rounding bounds to steps.
const EPS: f64 = 1e-9;

/// A round step (1, 2, 2.5, 5 times a power of ten; 2.5 only from 25 up so that counts keep
/// integer ticks) giving at most about `intervals` intervals over `span`.
pub(crate) fn nice_step(span: f64, intervals: f64) -> f64 {
    if !(span.is_finite() && span > 0.0 && intervals >= 1.0) {
        return 1.0;
    }
    let raw = span / intervals;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let mult = if norm <= 1.0 + EPS {
        1.0
    } else if norm <= 2.0 + EPS {
        2.0
    } else if norm <= 2.5 + EPS && mag >= 10.0 {
        2.5
    } else if norm <= 5.0 + EPS {
        5.0
    } else {
        10.0
    };
    let step = tidy(mult * mag);
    if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    }
}

/// `v` rounded to 12 significant digits, removing binary noise such as 0.30000000000000004.
fn tidy(v: f64) -> f64 {
    format!("{v:.11e}").parse().unwrap_or(v)
}

fn finite_min_max(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

impl Scale {
    /// The smallest nice domain covering `lo..=hi` (which must be finite, `lo <= hi`).
    fn covering(lo: f64, hi: f64) -> Scale {
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else if lo == 0.0 {
            (0.0, 1.0)
        } else {
            // A single value: a narrow band around it, keeping zero if it is at zero.
            let pad = lo.abs() * 0.01;
            (lo - pad, hi + pad)
        };
        let step = nice_step(hi - lo, INTERVALS);
        let nlo = tidy((lo / step + EPS).floor() * step);
        let mut nhi = tidy((hi / step - EPS).ceil() * step);
        if nhi <= nlo {
            nhi = tidy(nlo + step);
        }
        let s = Scale {
            lo: nlo,
            hi: nhi,
            step,
        };
        if s.lo.is_finite() && s.hi.is_finite() && s.lo < s.hi && ((s.hi - s.lo) / step) <= 100.0 {
            s
        } else {
            FALLBACK
        }
    }

    /// From zero (or the lowest value if negative) to a nice maximum above all values.
    pub(crate) fn zero_based(values: impl IntoIterator<Item = f64>) -> Scale {
        match finite_min_max(values) {
            None => FALLBACK,
            Some((lo, hi)) => Scale::covering(lo.min(0.0), hi.max(0.0)),
        }
    }

    /// For a bullet chart: 0–100 for percentages between 0 and 100, else [`Scale::zero_based`].
    pub(crate) fn for_unit(values: &[f64], unit: &str) -> Scale {
        let percent = matches!(unit.trim(), "%" | "％");
        let finite = values.iter().copied().filter(|v| v.is_finite());
        if percent && finite.clone().all(|v| (0.0..=100.0).contains(&v)) {
            Scale {
                lo: 0.0,
                hi: 100.0,
                step: 20.0,
            }
        } else {
            Scale::zero_based(finite)
        }
    }

    /// For a line chart: starts at zero when the values are close to zero compared with their
    /// spread (the lowest is no more than the spread above zero), else just below the lowest
    /// value; ends at a nice maximum.
    pub(crate) fn fitted(values: impl IntoIterator<Item = f64>) -> Scale {
        let Some((lo, hi)) = finite_min_max(values) else {
            return FALLBACK;
        };
        let spread = hi - lo;
        if lo >= 0.0 && lo <= spread {
            return Scale::covering(0.0, hi);
        }
        if hi <= 0.0 && -hi <= spread {
            return Scale::covering(lo, 0.0);
        }
        let s = Scale::covering(lo, hi);
        // A value right on the lower bound sits on the axis line; move the bound one step down
        // unless that would cross zero.
        if s.lo == lo && lo != 0.0 && (s.lo - s.step >= 0.0 || s.lo < 0.0) {
            Scale {
                lo: s.lo - s.step,
                ..s
            }
        } else {
            s
        }
    }

    /// The same values with at most about `intervals` tick intervals: a coarser step (never a
    /// finer one, so whole ticks stay whole), the bounds rounded out to it.
    pub(crate) fn coarser(self, intervals: f64) -> Scale {
        let step = nice_step(self.hi - self.lo, intervals).max(self.step);
        let lo = tidy((self.lo / step + EPS).floor() * step);
        let mut hi = tidy((self.hi / step - EPS).ceil() * step);
        if hi <= lo {
            hi = tidy(lo + step);
        }
        let s = Scale { lo, hi, step };
        if s.lo.is_finite() && s.hi.is_finite() && s.lo < s.hi {
            s
        } else {
            self
        }
    }

    /// The same domain with ticks on whole numbers only, for counts: never "0.5个" or "0.2起".
    /// A step below one becomes one and the bounds move out to whole numbers.
    pub(crate) fn whole(self) -> Scale {
        if self.step >= 1.0 {
            return self;
        }
        let lo = self.lo.floor();
        let hi = self.hi.ceil().max(lo + 1.0);
        Scale { lo, hi, step: 1.0 }
    }

    /// [`Scale::whole`] when `values` are counts (see [`is_count`]), else unchanged.
    pub(crate) fn whole_if_count(self, values: &[f64], unit: &str) -> Scale {
        if is_count(values, unit) {
            self.whole()
        } else {
            self
        }
    }

    /// Tick values from `lo` to `hi` inclusive.
    pub(crate) fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round();
        if !(n.is_finite() && (1.0..=100.0).contains(&n)) {
            return vec![self.lo, self.hi];
        }
        (0..=n as usize)
            .map(|i| self.lo + i as f64 * self.step)
            .collect()
    }

    /// Maps `v` (clamped into the domain) onto `a..=b`.
    pub(crate) fn pos(&self, v: f64, a: f64, b: f64) -> f64 {
        if !v.is_finite() {
            return a;
        }
        let t = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        a + t * (b - a)
    }
}

/// Whether `values` in `unit` count things (项, 个, 家, 起 …): every finite value is whole and
/// the unit is not a share (%, ‰). Counts get whole-number ticks.
pub(crate) fn is_count(values: &[f64], unit: &str) -> bool {
    let share = matches!(unit.trim(), "%" | "％" | "‰" | "‱");
    !share
        && values
            .iter()
            .filter(|v| v.is_finite())
            .all(|v| v.fract() == 0.0)
}

/// Whole-year tick positions in `lo..=hi`, at most `max_ticks` of them, every 1, 2, 5, 10, 20, …
/// years.
pub(crate) fn year_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
        return Vec::new();
    }
    let max_ticks = max_ticks.max(1) as f64;
    let mut step = 1.0;
    for _ in 0..40 {
        for mult in [1.0, 2.0, 5.0] {
            let s = step * mult;
            let first = (lo / s - EPS).ceil() * s;
            let count = if first > hi {
                0.0
            } else {
                ((hi - first) / s + EPS).floor() + 1.0
            };
            if count <= max_ticks {
                return (0..count as usize).map(|i| first + i as f64 * s).collect();
            }
        }
        step *= 10.0;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(488.0, 5.0), 100.0);
        assert_eq!(nice_step(13375.0, 5.0), 5000.0);
        assert_eq!(nice_step(1250.0, 5.0), 250.0);
        assert_eq!(nice_step(12.5, 5.0), 5.0); // no 2.5 below 25
        assert_eq!(nice_step(3.8, 5.0), 1.0);
        assert_eq!(nice_step(1.0, 5.0), 0.2);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(tidy(0.1 * 3.0), 0.3);
        assert_eq!(tidy(-0.0), 0.0);
        assert_eq!(nice_step(f64::NAN, 5.0), 1.0);
        assert!(nice_step(f64::MAX, 5.0).is_finite());
    }

    #[test]
    fn zero_based_scales() {
        assert_eq!(
            Scale::zero_based([432.0, 488.0, 369.0, 195.0]),
            Scale {
                lo: 0.0,
                hi: 500.0,
                step: 100.0
            }
        );
        assert_eq!(
            Scale::zero_based([13375.0]),
            Scale {
                lo: 0.0,
                hi: 15000.0,
                step: 5000.0
            }
        );
        // All zero, or nothing at all: a unit domain.
        assert_eq!(
            Scale::zero_based([0.0, 0.0]),
            Scale {
                lo: 0.0,
                hi: 1.0,
                step: 0.2
            }
        );
        assert_eq!(Scale::zero_based([]), FALLBACK);
        assert_eq!(Scale::zero_based([f64::NAN, f64::INFINITY]), FALLBACK);
        // Negative values extend below zero.
        assert_eq!(
            Scale::zero_based([-3.0, 7.0]),
            Scale {
                lo: -4.0,
                hi: 8.0,
                step: 2.0
            }
        );
        assert_eq!(
            Scale::zero_based([-3.0]),
            Scale {
                lo: -3.0,
                hi: 0.0,
                step: 1.0
            }
        );
        // Exact multiples stay put.
        assert_eq!(Scale::zero_based([0.3]).hi, 0.3);
        assert_eq!(Scale::zero_based([100.0]).hi, 100.0);
        // Absurd magnitudes fall back rather than overflow.
        assert_eq!(Scale::zero_based([f64::MAX]), FALLBACK);
    }

    #[test]
    fn percentages_use_zero_to_hundred() {
        assert_eq!(
            Scale::for_unit(&[93.2, 97.0, 95.1], "%"),
            Scale {
                lo: 0.0,
                hi: 100.0,
                step: 20.0
            }
        );
        assert_eq!(Scale::for_unit(&[93.2, f64::NAN], "%").hi, 100.0);
        assert_eq!(Scale::for_unit(&[93.2, 120.0], "%").hi, 125.0);
        assert_eq!(Scale::for_unit(&[93.2, 97.0], "项").hi, 100.0);
        assert_eq!(
            Scale::for_unit(&[3.0, 0.0, 1.0], "起"),
            Scale {
                lo: 0.0,
                hi: 3.0,
                step: 1.0
            }
        );
    }

    #[test]
    fn fitted_scales() {
        // Far from zero: just below the lowest value.
        assert_eq!(
            Scale::fitted([93.2, 95.1, 97.0]),
            Scale {
                lo: 93.0,
                hi: 97.0,
                step: 1.0
            }
        );
        assert_eq!(
            Scale::fitted([94.0, 97.0]),
            Scale {
                lo: 93.0,
                hi: 97.0,
                step: 1.0
            }
        );
        // Close to zero relative to the spread: from zero.
        assert_eq!(
            Scale::fitted([100.0, 500.0]),
            Scale {
                lo: 0.0,
                hi: 500.0,
                step: 100.0
            }
        );
        // A single value: a narrow band around it.
        let s = Scale::fitted([95.0]);
        assert!(s.lo < 95.0 && s.hi > 95.0, "{s:?}");
        assert_eq!(
            Scale::fitted([0.0]),
            Scale {
                lo: 0.0,
                hi: 1.0,
                step: 0.2
            }
        );
        // Negative values.
        let s = Scale::fitted([-5.0, 3.0]);
        assert!(s.lo <= -5.0 && s.hi >= 3.0, "{s:?}");
        let s = Scale::fitted([-12.0, -10.0]);
        assert!(s.lo < -12.0 && s.hi >= -10.0 && s.hi <= 0.0, "{s:?}");
        assert_eq!(Scale::fitted([]), FALLBACK);
    }

    #[test]
    fn ticks_and_positions() {
        let s = Scale {
            lo: 0.0,
            hi: 100.0,
            step: 20.0,
        };
        assert_eq!(s.ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(s.pos(50.0, 10.0, 210.0), 110.0);
        assert_eq!(s.pos(150.0, 10.0, 210.0), 210.0);
        assert_eq!(s.pos(f64::NAN, 10.0, 210.0), 10.0);
        // Reversed output ranges (y axes) work.
        assert_eq!(s.pos(100.0, 200.0, 0.0), 0.0);
        let t = Scale {
            lo: 0.0,
            hi: 1.0,
            step: 0.2,
        }
        .ticks();
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn coarser_scales_cover_the_same_values() {
        let s = Scale::zero_based([432.0, 488.0]);
        assert_eq!(
            s.coarser(3.0),
            Scale {
                lo: 0.0,
                hi: 600.0,
                step: 200.0
            }
        );
        // Never finer, and whole steps stay whole.
        let small = Scale {
            lo: 0.0,
            hi: 3.0,
            step: 1.0,
        };
        assert_eq!(small.coarser(4.0), small);
        assert_eq!(small.coarser(2.0).step, 2.0);
        assert_eq!(small.coarser(2.0).hi, 4.0);
        let neg = Scale::zero_based([-12.5, 30.0]).coarser(2.0);
        assert!(neg.lo <= -12.5 && neg.hi >= 30.0, "{neg:?}");
    }

    #[test]
    fn counts_get_whole_ticks() {
        assert!(is_count(&[3.0, 0.0, 1.0], "起"));
        assert!(is_count(&[], "个"));
        assert!(!is_count(&[93.0, 97.0], "%"));
        assert!(!is_count(&[1.5, 2.0], "项"));
        assert!(is_count(&[1.0, f64::NAN], "项"));
        // All zero: 0–1 in steps of 1, not 0, 0.2, … 1.
        let s = Scale::zero_based([0.0, 0.0]).whole_if_count(&[0.0, 0.0], "起");
        assert_eq!(
            s,
            Scale {
                lo: 0.0,
                hi: 1.0,
                step: 1.0
            }
        );
        assert_eq!(s.ticks(), vec![0.0, 1.0]);
        // One or two: whole steps.
        let s = Scale::zero_based([1.0, 2.0]).whole_if_count(&[1.0, 2.0], "个");
        assert_eq!(s.ticks(), vec![0.0, 1.0, 2.0]);
        assert!(s.ticks().iter().all(|t| t.fract() == 0.0));
        // Fitted near a small count.
        let s = Scale::fitted([3.0]).whole_if_count(&[3.0], "家");
        assert!(s.ticks().iter().all(|t| t.fract() == 0.0), "{s:?}");
        assert!(s.lo <= 3.0 && s.hi >= 3.0, "{s:?}");
        // Shares and large counts are left alone.
        let pct = Scale::fitted([0.2, 0.6]);
        assert_eq!(pct.whole_if_count(&[0.2, 0.6], "%"), pct);
        let big = Scale::zero_based([432.0, 488.0]);
        assert_eq!(big.whole_if_count(&[432.0, 488.0], "项"), big);
    }

    #[test]
    fn year_ticks_thin_out() {
        assert_eq!(
            year_ticks(2015.0, 2020.0, 8),
            vec![2015.0, 2016.0, 2017.0, 2018.0, 2019.0, 2020.0]
        );
        assert_eq!(year_ticks(2015.0, 2020.0, 3), vec![2016.0, 2018.0, 2020.0]);
        assert_eq!(
            year_ticks(1950.0, 2020.0, 8),
            vec![1950.0, 1960.0, 1970.0, 1980.0, 1990.0, 2000.0, 2010.0, 2020.0]
        );
        assert_eq!(year_ticks(2017.5, 2018.5, 8), vec![2018.0]);
        assert_eq!(year_ticks(2018.2, 2018.6, 8), Vec::<f64>::new());
        assert_eq!(year_ticks(f64::NAN, 2018.0, 8), Vec::<f64>::new());
        assert!(year_ticks(-1e300, 1e300, 8).len() <= 8);
    }
}
