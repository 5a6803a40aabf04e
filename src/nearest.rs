//! The name nearest to a misspelt one, for "did you mean" hints: edit distance over characters,
//! case aside (`RIZHAO` is nearest to `rizhao`, not to `taian`, which is as many edits away
//! letter for letter), then with case as a tie-break.

/// How far `candidate` is from `name`: case aside, then letter for letter.
fn distance(name: &str, candidate: &str) -> (usize, usize) {
    (
        edit_distance(&name.to_lowercase(), &candidate.to_lowercase()),
        edit_distance(name, candidate),
    )
}

/// The name among `names` nearest to `name`, if it is near enough to be a typo.
pub(crate) fn closest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|candidate| (distance(name, candidate), candidate))
        .filter(|(d, candidate)| d.0 <= (candidate.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// The name among `names` nearest to `name`, however far: an example a hint can give that is
/// at least one of this site's own names.
pub(crate) fn nearest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|candidate| (distance(name, candidate), candidate))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counted in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_is_a_typo_nearest_is_any() {
        let ids = ["taian", "jining", "wenzhou"];
        assert_eq!(closest("tiaan", ids.iter().copied()), Some("taian"));
        assert_eq!(closest("beijing", ids.iter().copied()), None);
        assert_eq!(nearest("beijing", ids.iter().copied()), Some("jining"));
        assert_eq!(nearest("x", [].iter().copied()), None);
    }

    #[test]
    fn a_name_in_other_case_is_nearest_to_itself() {
        let ids = ["taian", "rizhao", "jining"];
        assert_eq!(nearest("RIZHAO", ids.iter().copied()), Some("rizhao"));
        assert_eq!(closest("RIZHAO", ids.iter().copied()), Some("rizhao"));
        assert_eq!(closest("Rizhao", ids.iter().copied()), Some("rizhao"));
        assert_eq!(nearest("TAIAN", ids.iter().copied()), Some("taian"));
    }
}
