//! Word's automatic numbering (`word/numbering.xml`): the number Word shows before a paragraph
//! (一、 （一） 1. （1）), which is in no `w:t` of the document but computed from the paragraph's
//! numbering instance and level, the level's format (`chineseCounting`, `decimal`,
//! `decimalEnclosedParen` …) and text pattern (`lvlText`, `%1、`), and counters that run through
//! the document and restart when a higher level comes.
//!
//! Instances (`w:num`) that share an abstract definition share its counters, as in Word: WPS
//! writes a new instance for nearly every numbered paragraph, all on one definition, and Word
//! and WPS show them counting on (一、 二、 三、), not each starting again. An instance with a
//! `startOverride` starts a list of its own.

use std::collections::HashMap;

use super::xml::{El, Tree};

/// The number formats (`w:numFmt`) this reader writes; any other is written as `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    /// ①
    DecimalEnclosedCircle,
    /// ⒈
    DecimalEnclosedFullstop,
    /// ⑴
    DecimalEnclosedParen,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    /// 一 二 … 十 十一 … 二十
    ChineseCounting,
    /// 一 … 一千零一
    ChineseCountingThousand,
    /// 壹 贰 叁
    ChineseLegalSimplified,
    /// 壹 貳 參
    IdeographLegalTraditional,
    /// 〇 一 … 一〇 (digit by digit)
    IdeographDigital,
    /// ㈠
    IdeographEnclosedCircle,
    /// 甲 乙 丙
    IdeographTraditional,
    /// 子 丑 寅
    IdeographZodiac,
    /// The level text, with no number (a bullet character).
    Bullet,
    /// No number at all.
    None,
}

impl Format {
    fn parse(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Format::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                Format::DecimalEnclosedCircle
            }
            "decimalEnclosedFullstop" => Format::DecimalEnclosedFullstop,
            "decimalEnclosedParen" => Format::DecimalEnclosedParen,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => Format::ChineseCounting,
            "chineseCountingThousand" | "taiwaneseCountingThousand" => {
                Format::ChineseCountingThousand
            }
            "chineseLegalSimplified" => Format::ChineseLegalSimplified,
            "ideographLegalTraditional" => Format::IdeographLegalTraditional,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Format::IdeographDigital
            }
            "ideographEnclosedCircle" => Format::IdeographEnclosedCircle,
            "ideographTraditional" => Format::IdeographTraditional,
            "ideographZodiac" => Format::IdeographZodiac,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }
}

/// One level of a numbering definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: Format,
    /// `%1、`; `None` when the level has no `w:lvlText`.
    text: Option<String>,
    /// Restart after a level above (1-based) is used; 0 never restarts.
    restart: Option<u32>,
    /// Legal numbering: every number in the label written as decimal.
    legal: bool,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: Format::Decimal,
            text: None,
            restart: None,
            legal: false,
        }
    }
}

fn read_level(el: El<'_>) -> Level {
    Level {
        start: el
            .w_val("start")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1),
        format: el
            .w_val("numFmt")
            .map(Format::parse)
            .unwrap_or(Format::Decimal),
        text: el.w("lvlText").map(|t| t.val().unwrap_or("").to_string()),
        restart: el.w_val("lvlRestart").and_then(|v| v.trim().parse().ok()),
        legal: el.w("isLgl").is_some_and(|e| super::xml::on(e.val())),
    }
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the definition is that of a numbering style.
    style_link: Option<String>,
    /// `w:styleLink`: the numbering style this definition defines.
    defines_style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    /// Levels with a `startOverride`, and levels replaced whole (`w:lvl` inside the override).
    start_overrides: HashMap<u8, u32>,
    level_overrides: HashMap<u8, Level>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub(super) struct Definitions {
    abstracts: HashMap<String, Abstract>,
    instances: HashMap<String, Instance>,
}

impl Definitions {
    pub(super) fn read(tree: Option<&Tree>) -> Definitions {
        let mut defs = Definitions::default();
        let Some(tree) = tree else {
            return defs;
        };
        let root = tree.root();
        for a in root.ws("abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            let mut def = Abstract {
                style_link: a.w_val("numStyleLink").map(str::to_string),
                defines_style: a.w_val("styleLink").map(str::to_string),
                ..Abstract::default()
            };
            for lvl in a.ws("lvl") {
                if let Some(ilvl) = lvl.attr("ilvl").and_then(|v| v.trim().parse::<u8>().ok()) {
                    if ilvl < 9 {
                        def.levels.insert(ilvl, read_level(lvl));
                    }
                }
            }
            defs.abstracts.insert(id.to_string(), def);
        }
        for num in root.ws("num") {
            let (Some(id), Some(abstract_id)) = (num.attr("numId"), num.w_val("abstractNumId"))
            else {
                continue;
            };
            let mut instance = Instance {
                abstract_id: abstract_id.to_string(),
                ..Instance::default()
            };
            for o in num.ws("lvlOverride") {
                let Some(ilvl) = o.attr("ilvl").and_then(|v| v.trim().parse::<u8>().ok()) else {
                    continue;
                };
                if let Some(start) = o.w_val("startOverride").and_then(|v| v.trim().parse().ok()) {
                    instance.start_overrides.insert(ilvl, start);
                }
                if let Some(lvl) = o.w("lvl") {
                    instance.level_overrides.insert(ilvl, read_level(lvl));
                }
            }
            defs.instances.insert(id.to_string(), instance);
        }
        defs
    }

    /// The abstract definition an instance uses, following a numbering style's link once.
    fn abstract_of(&self, instance: &Instance) -> Option<(&str, &Abstract)> {
        let (id, def) = self.abstracts.get_key_value(&instance.abstract_id)?;
        if let Some(style) = &def.style_link {
            if let Some((id, linked)) = self
                .abstracts
                .iter()
                .find(|(_, a)| a.defines_style.as_deref() == Some(style))
            {
                return Some((id, linked));
            }
        }
        Some((id, def))
    }
}

/// The number Word shows before a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Label {
    /// As shown: `一、`, `（一）`, `1.`, `⑴`; empty for `numFmt none` with no text.
    pub text: String,
    /// The level (0–8).
    pub level: u8,
    pub format: Format,
}

/// Counters for one list.
#[derive(Debug, Default)]
struct List {
    counts: [u32; 9],
    /// Whether a level has been used since it last restarted.
    used: [bool; 9],
}

/// Counts through a document in order.
#[derive(Debug, Default)]
pub(super) struct Counter {
    lists: HashMap<String, List>,
}

impl Counter {
    /// The label of the next paragraph numbered with instance `num_id` at `level`, counting
    /// it; `None` when the instance is 0 or unknown (no numbering).
    pub(super) fn next(&mut self, defs: &Definitions, num_id: &str, level: u8) -> Option<Label> {
        let instance = defs.instances.get(num_id)?;
        let (abstract_id, def) = defs.abstract_of(instance)?;
        let level = level.min(8);
        let level_of = |l: u8| -> Level {
            instance
                .level_overrides
                .get(&l)
                .or_else(|| def.levels.get(&l))
                .cloned()
                .unwrap_or_default()
        };
        let start_of = |l: u8| {
            instance
                .start_overrides
                .get(&l)
                .copied()
                .unwrap_or(level_of(l).start)
        };
        // An instance that overrides a start counts on its own; others share their definition's.
        let key = if instance.start_overrides.is_empty() && instance.level_overrides.is_empty() {
            format!("a:{abstract_id}")
        } else {
            format!("n:{num_id}")
        };
        let list = self.lists.entry(key).or_default();
        let i = level as usize;
        list.counts[i] = if list.used[i] {
            list.counts[i].saturating_add(1)
        } else {
            start_of(level)
        };
        list.used[i] = true;
        // Deeper levels restart, unless their lvlRestart says otherwise.
        for deeper in (i + 1)..9 {
            let restart = level_of(deeper as u8).restart;
            let restarts = match restart {
                Some(0) => false,
                Some(after) => (after as usize) > i,
                None => true,
            };
            if restarts {
                list.used[deeper] = false;
            }
        }
        // Higher levels never used show their start.
        for higher in 0..i {
            if !list.used[higher] {
                list.counts[higher] = start_of(higher as u8);
            }
        }
        let this = level_of(level);
        let text = match &this.text {
            Some(pattern) => fill(pattern, |n| {
                let l = n.min(8);
                let fmt = if this.legal {
                    Format::Decimal
                } else {
                    level_of(l).format
                };
                format_number(list.counts[l as usize], fmt)
            }),
            None => format_number(list.counts[i], this.format),
        };
        Some(Label {
            text,
            level,
            format: this.format,
        })
    }
}

/// `%1、` with `%N` replaced by level N's number (`%1.%2` → `1.2`).
fn fill(pattern: &str, number: impl Fn(u8) -> String) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if (1..=9).contains(&d) {
                    out.push_str(&number(d as u8 - 1));
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `n` written in `format`, as Word writes it.
pub(super) fn format_number(n: u32, format: Format) -> String {
    let circled = |first: u32, count: u32| {
        (1..=count)
            .contains(&n)
            .then(|| char::from_u32(first + n - 1))
            .flatten()
            .map(String::from)
            .unwrap_or_else(|| n.to_string())
    };
    match format {
        Format::Decimal => n.to_string(),
        Format::DecimalZero => format!("{n:02}"),
        Format::DecimalFullWidth => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        Format::DecimalEnclosedCircle => circled(0x2460, 20),
        Format::DecimalEnclosedFullstop => circled(0x2488, 20),
        Format::DecimalEnclosedParen => circled(0x2474, 20),
        Format::IdeographEnclosedCircle => circled(0x3220, 10),
        Format::UpperRoman => roman(n),
        Format::LowerRoman => roman(n).to_lowercase(),
        Format::UpperLetter => letters(n, 'A'),
        Format::LowerLetter => letters(n, 'a'),
        Format::ChineseCounting | Format::ChineseCountingThousand => {
            chinese(n, &DIGITS, ['十', '百', '千'], '零')
        }
        Format::ChineseLegalSimplified => chinese(
            n,
            &['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
            ['拾', '佰', '仟'],
            '零',
        ),
        Format::IdeographLegalTraditional => chinese(
            n,
            &['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
            ['拾', '佰', '仟'],
            '零',
        ),
        Format::IdeographDigital => n
            .to_string()
            .chars()
            .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        Format::IdeographTraditional => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        Format::IdeographZodiac => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        Format::Bullet | Format::None => String::new(),
    }
}

fn cycle(n: u32, names: &str) -> String {
    let names: Vec<char> = names.chars().collect();
    if n == 0 {
        return n.to_string();
    }
    names[((n - 1) as usize) % names.len()].to_string()
}

/// Chinese counting: 十一, 二十, 一百零一, 一千零一十; beyond 9,999 the digits (Word does
/// the same for the formats it cannot count in).
fn chinese(n: u32, digits: &[char; 10], units: [char; 3], zero: char) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    if n > 9_999 {
        return n.to_string();
    }
    let parts = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &d) in parts.iter().enumerate() {
        let unit = match i {
            0 => Some(units[2]),
            1 => Some(units[1]),
            2 => Some(units[0]),
            _ => None,
        };
        if d == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push(zero);
            pending_zero = false;
        }
        // 十一, not 一十一, when the number starts with its tens (legal numerals write 壹拾壹).
        if !(i == 2 && d == 1 && out.is_empty() && digits[1] == '一') {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

fn roman(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in table {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

/// Word's letters: A … Z, AA … ZZ, AAA (the letter repeated).
fn letters(n: u32, first: char) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = char::from_u32(first as u32 + (n - 1) % 26).unwrap_or(first);
    let times = ((n - 1) / 26 + 1).min(50) as usize;
    std::iter::repeat_n(letter, times).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_is_written_as_word_writes_it() {
        let c = |n| format_number(n, Format::ChineseCounting);
        assert_eq!(c(1), "一");
        assert_eq!(c(10), "十");
        assert_eq!(c(11), "十一");
        assert_eq!(c(20), "二十");
        assert_eq!(c(35), "三十五");
        assert_eq!(c(100), "一百");
        assert_eq!(c(101), "一百零一");
        assert_eq!(c(110), "一百一十");
        assert_eq!(c(1001), "一千零一");
        assert_eq!(format_number(12, Format::ChineseLegalSimplified), "壹拾贰");
        assert_eq!(format_number(3, Format::IdeographLegalTraditional), "參");
        assert_eq!(format_number(10, Format::IdeographDigital), "一〇");
    }

    #[test]
    fn enclosed_and_cyclic_formats() {
        assert_eq!(format_number(1, Format::DecimalEnclosedParen), "⑴");
        assert_eq!(format_number(20, Format::DecimalEnclosedParen), "⒇");
        assert_eq!(format_number(21, Format::DecimalEnclosedParen), "21");
        assert_eq!(format_number(3, Format::DecimalEnclosedCircle), "③");
        assert_eq!(format_number(2, Format::DecimalEnclosedFullstop), "⒉");
        assert_eq!(format_number(1, Format::IdeographEnclosedCircle), "㈠");
        assert_eq!(format_number(11, Format::IdeographTraditional), "甲");
        assert_eq!(format_number(12, Format::DecimalFullWidth), "１２");
        assert_eq!(format_number(4, Format::LowerRoman), "iv");
        assert_eq!(format_number(28, Format::UpperLetter), "BB");
        assert_eq!(format_number(7, Format::DecimalZero), "07");
    }

    fn definitions(xml: &str) -> Definitions {
        let xml = format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{xml}</w:numbering>"#
        );
        let tree = crate::docx::xml::parse(
            xml.as_bytes(),
            "word/numbering.xml",
            &std::cell::Cell::new(0),
            &crate::docx::xml::ALL,
        )
        .unwrap();
        Definitions::read(Some(&tree))
    }

    #[test]
    fn instances_share_their_definitions_counters_unless_they_restart() {
        let defs = definitions(
            r#"<w:abstractNum w:abstractNumId="0">
                 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
                 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%2"/></w:lvl>
               </w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
               <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
        );
        let mut c = Counter::default();
        let mut next = |id: &str, level: u8| c.next(&defs, id, level).map(|l| l.text);
        assert_eq!(next("1", 0).as_deref(), Some("一、"));
        assert_eq!(next("1", 1).as_deref(), Some("⑴"));
        assert_eq!(next("2", 1).as_deref(), Some("⑵"));
        assert_eq!(next("2", 0).as_deref(), Some("二、"));
        assert_eq!(next("1", 1).as_deref(), Some("⑴"));
        // A list of its own, from its start override.
        assert_eq!(next("3", 0).as_deref(), Some("一、"));
        assert_eq!(next("3", 0).as_deref(), Some("二、"));
        assert_eq!(next("1", 0).as_deref(), Some("三、"));
        assert_eq!(next("0", 0), None);
        assert_eq!(next("9", 0), None);
    }

    #[test]
    fn level_text_patterns_take_every_level_they_name() {
        assert_eq!(fill("%1、", |_| "一".into()), "一、");
        assert_eq!(fill("（%2）", |_| "三".into()), "（三）");
        assert_eq!(fill("%1.%2.", |l| (l + 1).to_string()), "1.2.");
        assert_eq!(fill("100%", |_| "x".into()), "100%");
    }
}
