//! Values from a closed set — a page's kind and validity, a target's comparator — as editors
//! write them: the English name or a Chinese one, in Simplified or Traditional. Nothing is
//! guessed: a value that is none of the names is an error naming every choice, and one that
//! could be several of them (`政策`) names those.

use crate::t;

/// One value of a set and the names it is written with; the first name is the one messages use.
pub(crate) struct Choice<T> {
    pub value: T,
    pub names: &'static [&'static str],
}

/// The value `text` names (spaces around it and the case of Latin letters do not matter), or
/// a sentence saying what `what` can be. `what` is `kind`, `validity` or `comparator`: the
/// catalogues name each in their own words (a select on it in `choice-unknown` and the others
/// in `data.ftl`); another word is shown as it is.
pub(crate) fn pick<T: Copy>(what: &str, text: &str, choices: &[Choice<T>]) -> Result<T, String> {
    let wanted = text.trim();
    let exact = choices
        .iter()
        .find(|c| c.names.iter().any(|name| name.eq_ignore_ascii_case(wanted)));
    if let Some(choice) = exact {
        return Ok(choice.value);
    }
    // Part of a Chinese name (政策, 解读) or a name with more around it (政策解读文件).
    let partial: Vec<&Choice<T>> = choices
        .iter()
        .filter(|c| {
            wanted.chars().count() >= 2
                && !wanted.is_ascii()
                && c.names
                    .iter()
                    .any(|name| name.contains(wanted) || wanted.contains(name))
        })
        .collect();
    Err(match partial.as_slice() {
        [] => t!(
            "choice-unknown",
            wanted = wanted,
            what = what,
            choices = listed(choices.iter())
        ),
        [one] => t!(
            "choice-near",
            wanted = wanted,
            what = what,
            near = shown(one),
            choices = listed(choices.iter())
        ),
        several => t!(
            "choice-ambiguous",
            wanted = wanted,
            what = what,
            choices = listed(several.iter().copied())
        ),
    })
}

/// `"interpretation" (政策解读)`: the names of one choice as a message shows them.
fn shown<T>(choice: &Choice<T>) -> String {
    match choice.names.split_first() {
        Some((first, [])) => t!("choice-name", name = *first),
        Some((first, rest)) => t!(
            "choice-name-also",
            name = *first,
            also = rest.join(&t!("choice-separator"))
        ),
        None => String::new(),
    }
}

/// `"a", "b" or "c"`: the choices as a message lists them.
fn listed<'a, T: 'a>(choices: impl Iterator<Item = &'a Choice<T>>) -> String {
    let all: Vec<String> = choices.map(shown).collect();
    match all.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!(
            "choice-or",
            rest = rest.join(&t!("choice-separator")),
            last = last
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZES: [Choice<u8>; 3] = [
        Choice {
            value: 1,
            names: &["small", "小号"],
        },
        Choice {
            value: 2,
            names: &["medium", "中号"],
        },
        Choice {
            value: 3,
            names: &["large", "大号", "特大"],
        },
    ];

    #[test]
    fn any_name_in_any_case_is_read() {
        assert_eq!(pick("size", " Small ", &SIZES), Ok(1));
        assert_eq!(pick("size", "中号", &SIZES), Ok(2));
        assert_eq!(pick("size", "特大", &SIZES), Ok(3));
    }

    #[test]
    fn an_unknown_or_ambiguous_value_names_the_choices() {
        assert_eq!(
            pick("size", "huge", &SIZES).unwrap_err(),
            "\"huge\" is not a size: write one of \"small\" (小号), \"medium\" (中号) or \"large\" (大号, 特大)"
        );
        assert_eq!(
            pick("size", "号码", &SIZES).unwrap_err(),
            "\"号码\" is not a size: write one of \"small\" (小号), \"medium\" (中号) or \"large\" (大号, 特大)"
        );
        assert_eq!(
            pick("size", "中号大号", &SIZES).unwrap_err(),
            "\"中号大号\" is not a size: it could be \"medium\" (中号) or \"large\" (大号, 特大); write the one you mean"
        );
        assert!(pick("size", "小号码", &SIZES)
            .unwrap_err()
            .contains("did you mean \"small\" (小号)?"));
    }
}
