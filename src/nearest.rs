//! The name nearest to a misspelt one, for "did you mean" hints: edit distance over characters.

/// The name among `names` nearest to `name`, if it is near enough to be a typo.
pub fn closest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(d, candidate)| *d <= (candidate.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// The name among `names` nearest to `name`, however far: an example a hint can give that is
/// at least one of this site's own names.
pub fn nearest<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counted in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
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
}
