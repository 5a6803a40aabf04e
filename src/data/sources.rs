//! Which files of `data/` hold which table: a file named after a table (`observations.csv`,
//! `.toml`, `.xlsx`, `.xls`, `.ods`; each sheet of such a workbook is part of that table), the
//! files of a folder named after it (`data/indicators/rizhao.xlsx`), and the sheets named after
//! a table in a workbook with another name at the top of `data/` (`data/温州.xlsx`, sheets
//! `指标` and `观测`). A table's rows are those of all its files. Two files of one name in one
//! folder (`observations.csv` beside `observations.xlsx`, the CSV saved from the workbook)
//! would give every row twice: that is an error, and neither is read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::columns::{
    simplified_header, ACHIEVEMENT_COLUMNS, CITY_COLUMNS, INDICATOR_COLUMNS, OBSERVATION_COLUMNS,
};
use super::table::workbook::{self, Sheet};
use super::table::Columns;
use crate::error::{Diagnostic, Diagnostics};
use crate::t;

mod copies;

/// A table: its name (the file, folder or sheet it is kept in), the name of a TOML row
/// (`[[city]]`), its Chinese names for a sheet or a file, and its columns.
pub(super) struct Table {
    pub name: &'static str,
    pub key: &'static str,
    pub chinese: &'static [&'static str],
    pub columns: &'static Columns,
}

pub(super) const TABLES: [Table; 4] = [
    Table {
        name: "cities",
        key: "city",
        chinese: &["城市"],
        columns: &CITY_COLUMNS,
    },
    Table {
        name: "indicators",
        key: "indicator",
        chinese: &["指标", "目标"],
        columns: &INDICATOR_COLUMNS,
    },
    Table {
        name: "observations",
        key: "observation",
        chinese: &["观测", "监测", "实际值"],
        columns: &OBSERVATION_COLUMNS,
    },
    Table {
        name: "achievements",
        key: "achievement",
        chinese: &["成果"],
        columns: &ACHIEVEMENT_COLUMNS,
    },
];

/// The table a file, folder or sheet name names: `observations`, or `观测` (`觀測`).
pub(super) fn table_named(name: &str) -> Option<&'static Table> {
    let name = name.trim();
    let simplified = simplified_header(name);
    TABLES
        .iter()
        .find(|t| t.name == name || t.chinese.contains(&simplified.as_str()))
}

/// What a source holds, once read.
pub(super) enum Holds {
    /// A CSV or TOML file.
    Text(&'static Table, Vec<u8>),
    /// Sheets of a workbook, each with its table.
    Sheets(Vec<(&'static Table, Sheet)>),
}

/// A file of `data/` with what it holds.
pub(super) struct Source {
    pub path: PathBuf,
    /// Relative to the site, for messages.
    pub shown: PathBuf,
    pub holds: Holds,
}

/// Reads the table files and workbooks under `data/`. Problems (a file that cannot be read, a
/// sheet named after no table, a table in two places) are reported, and the tables they leave
/// incomplete are listed in `unread`.
pub(super) fn read_sources(
    root: &Path,
    data_dir: &Path,
    diagnostics: &mut Diagnostics,
    notes: &mut Vec<Diagnostic>,
    unread: &mut Vec<&'static str>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    if !data_dir.is_dir() {
        return sources;
    }
    let (paths, problems) = crate::files::files_under(root, data_dir, 2);
    // A folder or file that could not be read leaves its table incomplete (any table, for
    // `data/` itself or a workbook of another name), so what names its rows is not reported
    // as naming nothing.
    for problem in &problems {
        let rel = problem
            .file
            .strip_prefix(crate::read::rel_to(root, data_dir))
            .unwrap_or(&problem.file);
        let named = rel
            .components()
            .next()
            .map(|c| Path::new(c.as_os_str()))
            .and_then(|first| first.file_stem())
            .and_then(|stem| table_named(&stem.to_string_lossy()));
        match named {
            Some(table) => unread.push(table.name),
            None => unread.extend(TABLES.iter().map(|t| t.name)),
        }
    }
    diagnostics.extend(problems);
    let copies = copies::copies(&paths);
    for path in &paths {
        let shown = crate::read::rel_to(root, path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let is_workbook = workbook::EXTENSIONS.contains(&extension.as_str());
        // `~$…` is the lock file Excel and WPS keep beside an open workbook.
        if !(is_workbook || extension == "csv" || extension == "toml") || name.starts_with("~$") {
            continue;
        }
        // A copy beside its original (`数据 - 副本.xlsx`): one message naming both, and only
        // the original is read.
        if let Some(original) = copies.get(path) {
            diagnostics.push(
                Diagnostic::new(
                    &shown,
                    t!(
                        "data-file-copy",
                        copy = shown.display().to_string(),
                        original = crate::read::rel_to(root, original).display().to_string()
                    ),
                )
                .hint(t!("data-file-copy-hint")),
            );
            continue;
        }
        let rel = path.strip_prefix(data_dir).unwrap_or(path);
        let top = rel.components().count() == 1;
        let table_name = if top {
            path.file_stem().map(|s| s.to_string_lossy().into_owned())
        } else {
            rel.components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
        };
        let table = table_named(table_name.as_deref().unwrap_or(""));
        if table.is_none() && (!top || !is_workbook) {
            if !(top && name == "dictionary.toml") {
                diagnostics.push(
                    Diagnostic::new(&shown, t!("data-unknown-file"))
                        .hint(t!("data-unknown-file-hint")),
                );
            }
            continue;
        }
        let kind = if is_workbook {
            crate::read::Kind::Workbook
        } else {
            crate::read::Kind::Table
        };
        let bytes = match crate::read::source(root, path, kind) {
            Ok(b) => b,
            Err(problem) => {
                diagnostics.push(problem);
                match table {
                    Some(table) => unread.push(table.name),
                    // A workbook of any name may hold any table.
                    None => unread.extend(TABLES.iter().map(|t| t.name)),
                }
                continue;
            }
        };
        let holds = match (table, is_workbook) {
            (Some(table), false) => Holds::Text(table, bytes),
            (Some(table), true) => match workbook::sheets(&shown, &bytes) {
                Ok(sheets) => Holds::Sheets(
                    shown_sheets(&shown, sheets, notes)
                        .into_iter()
                        .map(|s| (table, s))
                        .collect(),
                ),
                Err(d) => {
                    diagnostics.push(d);
                    unread.push(table.name);
                    continue;
                }
            },
            (None, _) => match workbook::sheets(&shown, &bytes) {
                Ok(sheets) => Holds::Sheets(sheets_by_name(
                    &shown,
                    shown_sheets(&shown, sheets, notes),
                    diagnostics,
                )),
                Err(d) => {
                    diagnostics.push(d);
                    unread.extend(TABLES.iter().map(|t| t.name));
                    continue;
                }
            },
        };
        sources.push(Source {
            path: path.clone(),
            shown,
            holds,
        });
    }
    refuse_tables_in_two_places(&mut sources, diagnostics, unread);
    sources
}

/// The sheets of a workbook that hold a table: a hidden sheet is left out with a note (what an
/// editor hides is not for readers: to publish it, show it again), and a sheet of
/// instructions (`说明`, `填表说明`) is left out quietly.
fn shown_sheets(shown: &Path, sheets: Vec<Sheet>, notes: &mut Vec<Diagnostic>) -> Vec<Sheet> {
    sheets
        .into_iter()
        .filter(|sheet| {
            if let Some(hidden) = sheet.hidden {
                let how = match hidden {
                    workbook::Hidden::Hidden => "hidden",
                    workbook::Hidden::VeryHidden => "very-hidden",
                };
                notes.push(
                    Diagnostic::new(
                        shown,
                        t!("data-sheet-hidden", sheet = sheet.name.as_str(), how = how),
                    )
                    .hint(t!("data-sheet-hidden-hint", how = how)),
                );
                return false;
            }
            !is_instructions(&sheet.name)
        })
        .collect()
}

/// Names of a sheet that explains the workbook to whoever fills it in.
const INSTRUCTIONS: [&str; 10] = [
    "说明",
    "填表说明",
    "填报说明",
    "填写说明",
    "使用说明",
    "数据说明",
    "备注",
    "注意事项",
    "readme",
    "notes",
];

/// Whether a sheet is one of instructions, by its name (either script, any case).
fn is_instructions(name: &str) -> bool {
    let name = simplified_header(name.trim())
        .replace('備', "备")
        .replace('註', "注");
    let name = name.to_lowercase();
    INSTRUCTIONS.contains(&name.as_str())
}

/// The sheets of a workbook named after no table, each with the table its name names; a sheet
/// with values that is named after no table is an error.
fn sheets_by_name(
    shown: &Path,
    sheets: Vec<Sheet>,
    diagnostics: &mut Diagnostics,
) -> Vec<(&'static Table, Sheet)> {
    let mut named = Vec::new();
    for sheet in sheets {
        match table_named(&sheet.name) {
            Some(table) => named.push((table, sheet)),
            None => diagnostics.push(
                Diagnostic::new(shown, t!("data-sheet-not-a-table", sheet = &sheet.name))
                    .hint(t!("data-sheet-not-a-table-hint")),
            ),
        }
    }
    named
}

/// Files of one name in one folder (`observations.csv` and `observations.xlsx`) hold the same
/// table twice, one saved from the other: an error naming both, and neither is read.
fn refuse_tables_in_two_places(
    sources: &mut Vec<Source>,
    diagnostics: &mut Diagnostics,
    unread: &mut Vec<&'static str>,
) {
    let mut by_name: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, source) in sources.iter().enumerate() {
        by_name
            .entry(source.path.with_extension(""))
            .or_default()
            .push(i);
    }
    let mut refused = Vec::new();
    for same in by_name.values().filter(|same| same.len() > 1) {
        let files = same
            .iter()
            .map(|&i| sources[i].shown.display().to_string())
            .reduce(|first, second| t!("data-files-and", first = first, second = second))
            .unwrap_or_default();
        diagnostics.push(
            Diagnostic::new(
                &sources[same[0]].shown,
                t!("data-table-twice", files = files),
            )
            .hint(t!("data-table-twice-hint")),
        );
        for &i in same {
            match &sources[i].holds {
                Holds::Text(table, _) => unread.push(table.name),
                Holds::Sheets(sheets) => unread.extend(sheets.iter().map(|(t, _)| t.name)),
            }
        }
        refused.extend(same.iter().copied());
    }
    let mut i = 0;
    sources.retain(|_| {
        i += 1;
        !refused.contains(&(i - 1))
    });
}
