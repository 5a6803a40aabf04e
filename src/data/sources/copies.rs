//! Copies of a data file beside it, as the office programs and the file manager name them:
//! Windows Explorer's `数据 - 副本.xlsx` (`- 副本 (2)`, `- Copy`), macOS Finder's `数据 副本`
//! and `数据 copy`, old Office's `Copy of 数据`, a browser's or WPS's second download
//! `数据(1).xlsx`. Read as well, a copy gives every row twice (and every row a "twice" error);
//! it is one mistake, said once with both names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Each copy among `paths` with its original (a file of the same folder whose name is the
/// copy's without its copy mark).
pub(super) fn copies(paths: &[PathBuf]) -> HashMap<PathBuf, PathBuf> {
    let mut found = HashMap::new();
    for path in paths {
        let (Some(stem), Some(folder)) = (path.file_stem(), path.parent()) else {
            continue;
        };
        let Some(original_stem) = without_copy_mark(&stem.to_string_lossy()) else {
            continue;
        };
        let original = paths
            .iter()
            .filter(|other| *other != path && other.parent() == Some(folder))
            .find(|other| {
                other
                    .file_stem()
                    .is_some_and(|s| s.to_string_lossy() == original_stem)
                    && is_data_file(other)
            });
        if let Some(original) = original {
            found.insert(path.clone(), original.clone());
        }
    }
    found
}

fn is_data_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        matches!(e.as_str(), "csv" | "toml" | "xlsx" | "xls" | "ods")
    })
}

/// The name without the mark a copy gets, or `None` when it has none.
fn without_copy_mark(stem: &str) -> Option<String> {
    let stem = stem.trim();
    // `Copy of 数据`, `副本 数据` (a prefix).
    for prefix in ["Copy of ", "copy of ", "副本 ", "副本-", "副本_"] {
        if let Some(rest) = stem.strip_prefix(prefix) {
            return (!rest.trim().is_empty()).then(|| rest.trim().to_string());
        }
    }
    // A number in parentheses at the end: `(2)`, ` (2)`, `（2）`.
    let numbered = strip_number(stem);
    let base = numbered.unwrap_or(stem);
    for suffix in [
        " - 副本",
        "-副本",
        " 副本",
        "_副本",
        "的副本",
        "副本",
        " - Copy",
        " - copy",
        " copy",
        " Copy",
        "_copy",
    ] {
        if let Some(rest) = base.strip_suffix(suffix) {
            return (!rest.trim().is_empty()).then(|| rest.trim_end().to_string());
        }
    }
    // `数据(1)`: a number alone marks a copy only beside the original (checked by the caller).
    numbered
        .filter(|rest| !rest.trim().is_empty())
        .map(|rest| rest.trim_end().to_string())
}

/// `stem` without a number in parentheses at its end (` (2)`, `(1)`, `（1）`, ` 2` after
/// `copy`), or `None`.
fn strip_number(stem: &str) -> Option<&str> {
    let inner = stem
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .or_else(|| stem.strip_suffix('）').and_then(|s| s.rsplit_once('（')));
    match inner {
        Some((rest, number))
            if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(rest.trim_end())
        }
        _ => {
            // macOS: `数据 copy 2`.
            let (rest, number) = stem.rsplit_once(' ')?;
            (rest.ends_with("copy") && number.bytes().all(|b| b.is_ascii_digit())).then_some(rest)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_marks_of_office_programs_and_file_managers() {
        for (copy, original) in [
            ("数据 - 副本", "数据"),
            ("数据 - 副本 (2)", "数据"),
            ("数据 - 副本(2)", "数据"),
            ("数据 - Copy", "数据"),
            ("数据 副本", "数据"),
            ("数据的副本", "数据"),
            ("数据 copy", "数据"),
            ("数据 copy 2", "数据"),
            ("Copy of 数据", "数据"),
            ("数据(1)", "数据"),
            ("数据 (1)", "数据"),
            ("数据（1）", "数据"),
            ("indicators - 副本", "indicators"),
        ] {
            assert_eq!(without_copy_mark(copy).as_deref(), Some(original), "{copy}");
        }
        for name in ["数据", "副本", "2023(上半年)", "indicators"] {
            assert_eq!(without_copy_mark(name), None, "{name}");
        }
    }

    #[test]
    fn a_copy_is_one_only_beside_its_original() {
        let paths: Vec<PathBuf> = [
            "data/数据.xlsx",
            "data/数据 - 副本.xlsx",
            "data/其他(1).xlsx",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let found = copies(&paths);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found.get(Path::new("data/数据 - 副本.xlsx")),
            Some(&PathBuf::from("data/数据.xlsx"))
        );
    }
}
