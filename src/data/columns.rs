//! The columns of each table, by their own names (`target_value`) and by the Chinese headers an
//! editor gives them in a spreadsheet (`目标值`, or `目標值` in Traditional). A header is
//! matched as a whole: `指标` is the name of an indicator in the indicators table and the
//! indicator an observation is of in the observations table, as an editor would read them.

use super::table::Columns;

pub(crate) const CITY_COLUMNS: Columns = Columns {
    known: &["id", "name", "province", "introduction"],
    spare: &[],
    chinese: &[
        ("编号", "id"),
        ("代码", "id"),
        ("名称", "name"),
        ("城市", "name"),
        ("城市名称", "name"),
        ("省份", "province"),
        ("省", "province"),
        ("简介", "introduction"),
        ("介绍", "introduction"),
    ],
};

/// The indicators table's columns (`id`, `city`, … `decimals`) and their Chinese headers.
pub const INDICATOR_COLUMNS: Columns = Columns {
    known: &[
        "id",
        "city",
        "plan",
        "domain",
        "name",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "target_comparator",
        "comparator",
        "kind",
        "source_document",
        "source_quote",
        "decimals",
    ],
    spare: &["target_comparator", "decimals"],
    chinese: &[
        ("编号", "id"),
        ("指标编号", "id"),
        ("城市", "city"),
        ("规划", "plan"),
        ("领域", "domain"),
        ("指标", "name"),
        ("指标名称", "name"),
        ("名称", "name"),
        ("单位", "unit"),
        ("基线值", "baseline_value"),
        ("基线年份", "baseline_year"),
        ("目标值", "target_value"),
        ("目标年份", "target_year"),
        ("比较", "comparator"),
        ("比较方式", "comparator"),
        ("类型", "kind"),
        ("指标类型", "kind"),
        ("属性", "kind"),
        ("来源文件", "source_document"),
        ("来源", "source_document"),
        ("来源原文", "source_quote"),
        ("原文", "source_quote"),
        ("小数位数", "decimals"),
        ("小数位", "decimals"),
    ],
};

/// The observations table's columns (`city`, `indicator`, `date`, `value` …) and their Chinese
/// headers.
pub const OBSERVATION_COLUMNS: Columns = Columns {
    known: &[
        "city",
        "indicator",
        "date",
        "year",
        "value",
        "source",
        "forecast",
    ],
    spare: &["year", "forecast"],
    chinese: &[
        ("城市", "city"),
        ("指标", "indicator"),
        ("指标编号", "indicator"),
        ("日期", "date"),
        ("时间", "date"),
        ("年份", "year"),
        ("实际值", "value"),
        ("数值", "value"),
        ("值", "value"),
        ("来源", "source"),
        ("预测", "forecast"),
        ("是否预测", "forecast"),
    ],
};

pub(crate) const ACHIEVEMENT_COLUMNS: Columns = Columns {
    known: &[
        "city",
        "date",
        "category",
        "level",
        "name",
        "value",
        "unit",
        "source_document",
        "source_quote",
    ],
    spare: &[],
    chinese: &[
        ("城市", "city"),
        ("日期", "date"),
        ("时间", "date"),
        ("类别", "category"),
        ("分类", "category"),
        ("级别", "level"),
        ("层级", "level"),
        ("名称", "name"),
        ("事项", "name"),
        ("数量", "value"),
        ("数值", "value"),
        ("值", "value"),
        ("单位", "unit"),
        ("来源文件", "source_document"),
        ("来源", "source_document"),
        ("来源原文", "source_quote"),
        ("原文", "source_quote"),
    ],
};

/// The header row of a new sheet of each table (`stdportal init`'s example workbook, the tests'
/// workbooks): the first Chinese header of each column, the spare spellings left out. The
/// length is checked when this is compiled.
pub const CITY_SHEET_HEADERS: [&str; 4] = CITY_COLUMNS.sheet_headers();
/// The indicators sheet's header row: 编号, 城市, 规划, 领域, 指标, 单位, 基线值 … 来源原文.
pub const INDICATOR_SHEET_HEADERS: [&str; 14] = INDICATOR_COLUMNS.sheet_headers();
/// The observations sheet's header row: 城市, 指标, 日期, 实际值, 来源.
pub const OBSERVATION_SHEET_HEADERS: [&str; 5] = OBSERVATION_COLUMNS.sheet_headers();
/// The achievements sheet's header row: 城市, 日期, 类别, 级别, 名称, 数量, 单位, 来源文件, 来源原文.
pub const ACHIEVEMENT_SHEET_HEADERS: [&str; 9] = ACHIEVEMENT_COLUMNS.sheet_headers();

/// Whether a header names the column that numbers the rows (序号, 序号 in Traditional, `No.`):
/// an editor's habit, read as no column of the table.
pub fn is_serial(header: &str) -> bool {
    let simplified = simplified_header(header.trim());
    matches!(
        simplified.as_str(),
        "序号" | "序" | "No." | "NO." | "no." | "#"
    )
}

/// Traditional characters of the Chinese headers above, with their Simplified forms: a header
/// typed in Traditional (`單位`, `來源`) names the same column.
const TRADITIONAL: &[(char, char)] = &[
    ('編', '编'),
    ('碼', '码'),
    ('稱', '称'),
    ('簡', '简'),
    ('紹', '绍'),
    ('規', '规'),
    ('劃', '划'),
    ('領', '领'),
    ('標', '标'),
    ('單', '单'),
    ('線', '线'),
    ('較', '较'),
    ('類', '类'),
    ('屬', '属'),
    ('來', '来'),
    ('實', '实'),
    ('數', '数'),
    ('時', '时'),
    ('間', '间'),
    ('別', '别'),
    ('級', '级'),
    ('層', '层'),
    ('項', '项'),
    ('觀', '观'),
    ('測', '测'),
    ('監', '监'),
    ('際', '际'),
    ('預', '预'),
    ('號', '号'),
    ('說', '说'),
];

/// A header with its Traditional characters made Simplified.
pub fn simplified_header(header: &str) -> String {
    header
        .chars()
        .map(|c| {
            TRADITIONAL
                .iter()
                .find(|(t, _)| *t == c)
                .map_or(c, |(_, s)| *s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chinese_header_names_a_column_of_its_table() {
        for columns in [
            &CITY_COLUMNS,
            &INDICATOR_COLUMNS,
            &OBSERVATION_COLUMNS,
            &ACHIEVEMENT_COLUMNS,
        ] {
            for (header, column) in columns.chinese {
                assert!(columns.known.contains(column), "{header} → {column}");
                assert_eq!(columns.column(header), Some(*column));
            }
            // Every column but the alternative spellings has a Chinese header.
            for column in columns.known {
                let spare = columns.spare.contains(column);
                assert!(
                    spare || columns.chinese.iter().any(|(_, c)| c == column),
                    "{column} has no Chinese header"
                );
            }
        }
    }

    #[test]
    fn a_new_sheet_has_a_chinese_header_for_each_column() {
        assert_eq!(CITY_SHEET_HEADERS, ["编号", "名称", "省份", "简介"]);
        assert_eq!(
            OBSERVATION_SHEET_HEADERS,
            ["城市", "指标", "日期", "实际值", "来源"]
        );
        assert_eq!(INDICATOR_SHEET_HEADERS[12..], ["来源文件", "来源原文"]);
        for (columns, headers) in [
            (&INDICATOR_COLUMNS, &INDICATOR_SHEET_HEADERS[..]),
            (&ACHIEVEMENT_COLUMNS, &ACHIEVEMENT_SHEET_HEADERS[..]),
        ] {
            let named: Vec<&str> = headers.iter().filter_map(|h| columns.column(h)).collect();
            let wanted: Vec<&str> = (columns.known.iter())
                .filter(|c| !columns.spare.contains(c))
                .copied()
                .collect();
            assert_eq!(named, wanted);
        }
    }

    #[test]
    fn traditional_headers_are_read() {
        assert_eq!(INDICATOR_COLUMNS.column("目標值"), Some("target_value"));
        assert_eq!(INDICATOR_COLUMNS.column("基線年份"), Some("baseline_year"));
        assert_eq!(OBSERVATION_COLUMNS.column("實際值"), Some("value"));
        assert_eq!(OBSERVATION_COLUMNS.column("來源"), Some("source"));
        assert_eq!(OBSERVATION_COLUMNS.column("value"), Some("value"));
        assert_eq!(OBSERVATION_COLUMNS.column("目标值"), None);
    }
}
