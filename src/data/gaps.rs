//! What a load with problems left out, so that a problem is reported once: a row that failed
//! is reported and then treated as absent, and a reference to it (an observation of an
//! indicator whose row has a bad number) is not reported again as a reference to nothing.

use std::collections::{BTreeSet, HashSet};

/// The ids of rows that were left out, and the tables of which a part could not be read at all
/// (a file that is not a table, a line that is not a row): any id may have been there.
#[derive(Debug, Clone, Default)]
pub struct Gaps {
    unread: BTreeSet<&'static str>,
    cities: HashSet<String>,
    indicators: HashSet<(String, String)>,
}

impl Gaps {
    /// A part of `table` (`cities`, `indicators`, …) could not be read into rows.
    pub fn unread(&mut self, table: &'static str) {
        self.unread.insert(table);
    }

    pub(crate) fn city_left_out(&mut self, id: &str) {
        self.cities.insert(id.to_string());
    }

    pub(crate) fn indicator_left_out(&mut self, city: &str, id: &str) {
        self.indicators.insert((city.to_string(), id.to_string()));
    }

    /// Whether a city with this id may be in what was left out.
    pub fn may_have_city(&self, id: &str) -> bool {
        self.unread.contains("cities") || self.cities.contains(id)
    }

    /// Whether this indicator of this city may be in what was left out.
    pub fn may_have_indicator(&self, city: &str, id: &str) -> bool {
        self.unread.contains("indicators")
            || self
                .indicators
                .contains(&(city.to_string(), id.to_string()))
    }
}
