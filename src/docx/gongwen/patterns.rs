//! The text patterns of a 公文's elements (GB/T 9704-2012, clause 7): 发文字号, 成文日期 in both
//! forms, the 文种 a title ends with, the numbers of its headings, the names of issuing organs,
//! and the short lines of the 版头 and 版记.

/// A 发文字号: 代字〔年份〕序号号.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// As written (`鲁政字[2018]125号`).
    pub original: String,
    /// With the brackets GB/T 9704 prescribes and ASCII digits (`鲁政字〔2018〕125号`).
    pub normalised: String,
    pub(crate) prefix: String,
    pub(crate) year: u32,
    pub(crate) number: u32,
}

/// A date written in full: `2021年10月12日` or `二〇二一年十月十二日`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
    /// As written (`2021年10月12日`, `二〇二一年十月十二日`).
    pub original: String,
}

impl Date {
    /// `2021-10-12`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// ASCII for full-width digits.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

const OPEN: [char; 7] = ['〔', '[', '［', '(', '（', '【', '﹝'];
const CLOSE: [char; 7] = ['〕', ']', '］', ')', '）', '】', '﹞'];

/// `text` read as a 发文字号, the whole of it (spaces inside allowed).
pub(crate) fn doc_number(text: &str) -> Option<DocNumber> {
    let original = text.trim();
    let compact: String = original.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = ascii_digits(&compact);
    let open = compact.find(OPEN)?;
    let prefix = &compact[..open];
    let rest = &compact[open..];
    let open_char = rest.chars().next()?;
    let rest = &rest[open_char.len_utf8()..];
    let close = rest.find(CLOSE)?;
    let year_text = &rest[..close];
    let close_char = rest[close..].chars().next()?;
    let after = &rest[close + close_char.len_utf8()..];
    let (number_text, mark) = match after.strip_suffix('号') {
        Some(n) => (n, '号'),
        None => (after.strip_suffix('號')?, '號'),
    };
    let prefix_ok = !prefix.is_empty()
        && prefix.chars().count() <= 20
        && prefix.chars().any(is_han)
        && prefix
            .chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric());
    let year: u32 = year_text.parse().ok().filter(|_| year_text.len() == 4)?;
    let number: u32 = number_text
        .parse()
        .ok()
        .filter(|_| !number_text.is_empty() && number_text.len() <= 6)?;
    if !prefix_ok || !(1949..=2100).contains(&year) {
        return None;
    }
    Some(DocNumber {
        original: original.to_string(),
        normalised: format!("{prefix}〔{year}〕{number}{mark}"),
        prefix: prefix.to_string(),
        year,
        number,
    })
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// `text` read as a whole date, in Arabic numerals or in Chinese ones (二〇二一年十月十二日).
pub(crate) fn date(text: &str) -> Option<Date> {
    let original = text.trim();
    let compact: String = original.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = ascii_digits(&compact);
    let (year, rest) = compact.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let (year, month, day) = if year.chars().all(|c| c.is_ascii_digit()) {
        (
            year.parse().ok().filter(|_| year.len() == 4)?,
            month.parse().ok().filter(|_| month.len() <= 2)?,
            day.parse().ok().filter(|_| day.len() <= 2)?,
        )
    } else {
        (
            chinese_year(year)?,
            chinese_count(month)?,
            chinese_count(day)?,
        )
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Date {
        year,
        month,
        day,
        original: original.to_string(),
    })
}

/// 二〇二一 (digit by digit; 〇 written also ○, 零, Ｏ, O or 0).
fn chinese_year(s: &str) -> Option<i32> {
    if s.chars().count() != 4 {
        return None;
    }
    let mut year = 0;
    for c in s.chars() {
        year = year * 10 + chinese_digit(c)? as i32;
    }
    Some(year)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' | 'o' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 一 … 九十九 (十, 十二, 二十, 三十一).
pub(crate) fn chinese_count(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => chinese_digit(*d).filter(|n| *n > 0),
        ['十', d] => Some(10 + chinese_digit(*d).filter(|n| *n > 0)?),
        [t, '十'] => Some(chinese_digit(*t).filter(|n| *n > 1)? * 10),
        [t, '十', d] => Some(
            chinese_digit(*t).filter(|n| *n > 1)? * 10 + chinese_digit(*d).filter(|n| *n > 0)?,
        ),
        _ => None,
    }
}

/// The 文种 of GB/T 9704 and the 党政机关公文处理工作条例, and the kinds of policy document a
/// portal publishes, in both scripts (the longest a title ends with is taken: 实施意见, not 意见).
pub(crate) const GENRES: &[&str] = &[
    "实施意见",
    "實施意見",
    "实施细则",
    "實施細則",
    "实施方案",
    "實施方案",
    "行动计划",
    "行動計劃",
    "行動計畫",
    "工作要点",
    "工作要點",
    "答记者问",
    "答記者問",
    "决议",
    "決議",
    "决定",
    "決定",
    "命令",
    "公报",
    "公報",
    "公告",
    "通告",
    "意见",
    "意見",
    "通知",
    "通报",
    "通報",
    "报告",
    "報告",
    "请示",
    "請示",
    "批复",
    "批覆",
    "批復",
    "议案",
    "議案",
    "纪要",
    "紀要",
    "办法",
    "辦法",
    "规定",
    "規定",
    "细则",
    "細則",
    "规划",
    "規劃",
    "方案",
    "计划",
    "計劃",
    "計畫",
    "纲要",
    "綱要",
    "要点",
    "要點",
    "规则",
    "規則",
    "条例",
    "條例",
    "制度",
    "指南",
    "措施",
    "规范",
    "規範",
    "解读",
    "解讀",
    "函",
    "令",
];

/// The longest 文种 `text` ends with.
fn ending_genre(text: &str) -> Option<&'static str> {
    GENRES
        .iter()
        .filter(|g| text.ends_with(*g))
        .max_by_key(|g| g.len())
        .copied()
}

/// What a title says the document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Genre {
    /// The 文种 the title ends with (`通知`).
    pub word: String,
    /// For a notice that issues another document (关于印发《…办法》的通知), that document's
    /// 文种 (`办法`).
    pub issued: Option<String>,
    /// The page kind it becomes: 政策解读 when the title says 解读, 答记者问 or 问答, else 政策原文.
    pub kind: PageKind,
}

/// The page kind a 公文 becomes (the site's `kind`: 政策原文 or 政策解读).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// 政策原文 (`kind = "policy"`).
    Policy,
    /// 政策解读 (`kind = "interpretation"`).
    Interpretation,
}

impl PageKind {
    /// The name front matter gives it.
    pub fn slug(self) -> &'static str {
        match self {
            PageKind::Policy => "policy",
            PageKind::Interpretation => "interpretation",
        }
    }
}

/// The 文种 a title ends with, a parenthesised addition (（试行）, （征求意见稿）) set aside.
pub(crate) fn genre(title: &str) -> Option<Genre> {
    let mut core = title.trim();
    while let Some(stripped) = strip_trailing_paren(core) {
        core = stripped;
    }
    let core = core.trim_end_matches(['》', '”', '"', '」', '』']);
    let word = ending_genre(core)?;
    let issued = [
        "印发", "转发", "发布", "颁布", "印發", "轉發", "發布", "頒布",
    ]
    .iter()
    .find_map(|verb| {
        let after = &core[core.find(verb)? + verb.len()..];
        let inner = match after.find('《') {
            Some(open) => {
                let inner = &after[open + '《'.len_utf8()..];
                &inner[..inner.find('》')?]
            }
            None => after.strip_suffix(word)?.trim_end_matches('的'),
        };
        let mut inner = inner.trim();
        while let Some(stripped) = strip_trailing_paren(inner) {
            inner = stripped;
        }
        ending_genre(inner).map(str::to_string)
    });
    let interpretation = ["解读", "答记者问", "问答", "解讀", "答記者問", "問答"]
        .iter()
        .any(|w| core.contains(w));
    Some(Genre {
        word: word.to_string(),
        issued,
        kind: if interpretation {
            PageKind::Interpretation
        } else {
            PageKind::Policy
        },
    })
}

fn strip_trailing_paren(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let close = s.chars().next_back()?;
    let open = match close {
        '）' => '（',
        ')' => '(',
        _ => return None,
    };
    let at = s.rfind(open)?;
    let inner = &s[at + open.len_utf8()..s.len() - close.len_utf8()];
    (inner.chars().count() <= 12 && at > 0).then(|| s[..at].trim_end())
}

/// How deep a heading's number puts it: 第一章 (-2), 第一节 (-1), 一、 (0), （一） (1), 1. (2),
/// （1） (3), ① (4). A 第一条 is an article, not a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Depth(pub i8);

/// The number a paragraph starts with: its depth and its length in bytes (with the
/// punctuation after it).
pub(crate) fn heading_number(text: &str) -> Option<(Depth, usize)> {
    let t = text;
    let first = t.chars().next()?;
    let numeral = |c: char| "一二三四五六七八九十百零〇两".contains(c);
    // 第X章 / 第X节 / 第X条
    if first == '第' {
        let rest = &t['第'.len_utf8()..];
        let n: usize = rest
            .char_indices()
            .take_while(|(_, c)| numeral(*c) || c.is_ascii_digit())
            .map(|(i, c)| i + c.len_utf8())
            .last()?;
        let unit = rest[n..].chars().next()?;
        let len = '第'.len_utf8() + n + unit.len_utf8();
        let len = len + spaces(&t[len..]);
        return match unit {
            '章' => Some((Depth(-2), len)),
            '节' | '節' => Some((Depth(-1), len)),
            _ => None,
        };
    }
    // （一） （1） (一) (1)
    if first == '（' || first == '(' {
        let rest = &t[first.len_utf8()..];
        let close = rest.find(['）', ')'])?;
        let inner = &rest[..close];
        let close_len = rest[close..].chars().next()?.len_utf8();
        let len = first.len_utf8() + close + close_len;
        let len = len + spaces(&t[len..]);
        if !inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(numeral) {
            return Some((Depth(1), len));
        }
        let digits = ascii_digits(inner);
        if !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit()) {
            return Some((Depth(3), len));
        }
        return None;
    }
    // ⑴ … ⒇
    if ('\u{2474}'..='\u{2487}').contains(&first) {
        let len = first.len_utf8();
        return Some((Depth(3), len + spaces(&t[len..])));
    }
    // ① … ⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        let len = first.len_utf8();
        return Some((Depth(4), len + spaces(&t[len..])));
    }
    // 一、  1.  1．  1、
    let n: usize = t
        .char_indices()
        .take_while(|(_, c)| numeral(*c) || c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(|(i, c)| i + c.len_utf8())
        .last()?;
    let number = &t[..n];
    let mark = t[n..].chars().next()?;
    let after = t[n + mark.len_utf8()..].chars().next();
    let chinese = number.chars().all(numeral);
    let arabic = ascii_digits(number).chars().all(|c| c.is_ascii_digit());
    if number.chars().count() > 3 {
        return None;
    }
    let len = n + mark.len_utf8();
    let len = len + spaces(&t[len..]);
    match mark {
        '、' if chinese => Some((Depth(0), len)),
        '．' | '.' if chinese => Some((Depth(0), len)),
        // 1.5亿 is a number, not a heading.
        '.' | '．' | '、'
            if arabic
                && !after.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) =>
        {
            Some((Depth(2), len))
        }
        _ => None,
    }
}

fn spaces(s: &str) -> usize {
    s.chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum()
}

/// Whether `text` (after a heading's number) is a heading of its own, not a paragraph that
/// begins with one: short, and no sentence or clause ends inside it.
pub(crate) fn is_heading_text(text: &str) -> bool {
    let text = text.trim();
    let body = text.trim_end_matches(['。', '.', '：', ':']);
    !body.is_empty()
        && body.chars().count() <= 40
        && !body.contains(['。', '；', ';', '！', '？', '：', ':'])
}

/// The endings of issuing organs' names, in both scripts.
const ORGAN_ENDINGS: &[&str] = &[
    "人民政府",
    "政府",
    "办公室",
    "辦公室",
    "办公厅",
    "辦公廳",
    "委员会",
    "委員會",
    "常委会",
    "常委會",
    "人大",
    "政协",
    "政協",
    "市委",
    "县委",
    "縣委",
    "区委",
    "區委",
    "省委",
    "党委",
    "黨委",
    "党组",
    "黨組",
    "法院",
    "检察院",
    "檢察院",
    "管理局",
    "监督局",
    "監督局",
    "局",
    "厅",
    "廳",
    "部",
    "委",
    "院",
    "署",
    "办",
    "辦",
    "中心",
    "小组",
    "小組",
    "总局",
    "總局",
    "公司",
    "协会",
    "協會",
    "联合会",
    "聯合會",
    "研究所",
];

/// Whether `text` reads as the name of an organ (one name, no sentence).
pub(crate) fn is_organ(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    (2..=40).contains(&n)
        && !text.contains(['。', '，', '；', '：', ':', '、'])
        && ORGAN_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// 份号: up to six digits, alone.
pub(crate) fn is_copy_number(text: &str) -> bool {
    let t = ascii_digits(text.trim());
    (1..=6).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
}

/// 密级和保密期限: 绝密, 机密 or 秘密, with `★` and the period.
pub(crate) fn secrecy(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ["绝密", "机密", "秘密"]
        .iter()
        .any(|w| t.starts_with(w))
        .then_some(())
        .filter(|_| t.chars().count() <= 12 && !t.contains(['。', '，']))
        .map(|_| t)
}

/// 紧急程度: 特急 or 加急 (特提, 平急 for telegrams).
pub(crate) fn urgency(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ["特急", "加急", "特提", "平急"]
        .contains(&t.as_str())
        .then_some(t)
}

/// `签发人：张三 李四` → the names.
pub(crate) fn signers(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let rest = t
        .strip_prefix("签发人")
        .or_else(|| t.strip_prefix("簽發人"))?
        .trim_start()
        .strip_prefix(['：', ':'])?;
    let names: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || c == '、' || c == '，')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// A line `label：rest` (抄送：…), with the label spaced out or not.
pub(crate) fn labelled<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let t = text.trim();
    let mut rest = t;
    for c in label.chars() {
        rest = rest.trim_start().strip_prefix(c)?;
    }
    let rest = rest.trim_start().strip_prefix(['：', ':'])?;
    Some(rest.trim())
}

/// `XX办公室  2021年10月12日印发` → the organ and the date.
pub(crate) fn printed(text: &str) -> Option<(String, Date)> {
    let t = text.trim();
    let before = t.strip_suffix("印发").or_else(|| t.strip_suffix("印發"))?;
    // The date is the tail that reads as one: try each split at a whitespace or digit start.
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|(i, c)| {
            c.is_ascii_digit() && (*i == 0 || !before[..*i].ends_with(|p: char| p.is_ascii_digit()))
                || "二〇○零".contains(*c)
        })
        .map(|(i, _)| i)
        .collect();
    for start in starts {
        if let Some(d) = date(&before[start..]) {
            let organ = before[..start].trim().to_string();
            return Some((organ, d));
        }
    }
    None
}

/// 附件 or 附件1, alone on its line: the start of an attachment. Returns its number, if any.
pub(crate) fn attachment_label(text: &str) -> Option<Option<String>> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = t.strip_prefix("附件")?;
    // 附件 followed by a name is the 附件说明, not a label.
    let rest = rest.trim_end_matches(['：', ':']);
    if rest.is_empty() {
        return Some(None);
    }
    let digits = ascii_digits(rest);
    (digits.chars().all(|c| c.is_ascii_digit()) && digits.len() <= 3
        || rest.chars().all(|c| "一二三四五六七八九十".contains(c)) && rest.chars().count() <= 3)
        .then_some(Some(digits))
}

/// 附件说明: `附件：1．XXX` → the first item's text.
pub(crate) fn attachment_note(text: &str) -> Option<&str> {
    labelled(text, "附件").filter(|rest| !rest.is_empty())
}

/// 附注: one short line in parentheses (（此件公开发布）).
pub(crate) fn is_remark(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (3..=80).contains(&n)
        && (t.starts_with('（') && t.ends_with('）') || t.starts_with('(') && t.ends_with(')'))
}

/// 主送机关: short, ending in a colon, no sentence inside.
pub(crate) fn is_addressee(text: &str) -> bool {
    let t = text.trim();
    (t.ends_with('：') || t.ends_with(':'))
        && t.chars().count() <= 80
        && t.chars().count() >= 3
        && !t.contains(['。', '；', ';', '！', '？'])
        && t.chars().any(is_han)
        && !t.starts_with("附件")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_in_every_bracket_are_normalised() {
        let n = doc_number("鲁政字〔2018〕125号").unwrap();
        assert_eq!((n.prefix.as_str(), n.year, n.number), ("鲁政字", 2018, 125));
        assert_eq!(
            doc_number("浙政发[2014]35号").unwrap().normalised,
            "浙政发〔2014〕35号"
        );
        assert_eq!(
            doc_number("国发（2015）13号").unwrap().normalised,
            "国发〔2015〕13号"
        );
        assert_eq!(
            doc_number("国发(2015)13号").unwrap().original,
            "国发(2015)13号"
        );
        assert_eq!(
            doc_number("鲁标改办发〔２０１８〕２号").unwrap().normalised,
            "鲁标改办发〔2018〕2号"
        );
        assert_eq!(
            doc_number("国发 〔2015〕 13号").unwrap().normalised,
            "国发〔2015〕13号"
        );
        assert_eq!(
            doc_number("示例發[2017]1號").unwrap().normalised,
            "示例發〔2017〕1號"
        );
        assert!(doc_number("〔2015〕13号").is_none());
        assert!(doc_number("国发〔2015〕13").is_none());
        assert!(doc_number("根据国发〔2015〕13号文件精神，现通知如下。").is_none());
    }

    #[test]
    fn dates_in_both_forms() {
        let d = date("2021年10月12日").unwrap();
        assert_eq!(d.iso(), "2021-10-12");
        assert_eq!(date("二〇二一年十月十二日").unwrap().iso(), "2021-10-12");
        assert_eq!(date("二○一○年十二月二十二日").unwrap().iso(), "2010-12-22");
        assert_eq!(date("2017年 6 月 1 日").unwrap().iso(), "2017-06-01");
        assert!(date("2021年2月30日").is_none());
        assert!(date("2021年10月12日印发").is_none());
        assert_eq!(chinese_count("三十一"), Some(31));
        assert_eq!(chinese_count("十"), Some(10));
        assert_eq!(chinese_count("一十"), None);
    }

    #[test]
    fn titles_end_in_their_genre() {
        let g = genre("温州市人民政府关于全面实施标准化战略的意见").unwrap();
        assert_eq!((g.word.as_str(), g.kind), ("意见", PageKind::Policy));
        let g = genre("济宁市人民政府关于印发《济宁市标准化管理办法》的通知").unwrap();
        assert_eq!(
            (g.word.as_str(), g.issued.as_deref()),
            ("通知", Some("办法"))
        );
        assert_eq!(genre("济宁市标准化管理办法（试行）").unwrap().word, "办法");
        assert_eq!(
            genre("《泰安市人民政府关于全面推进泰安标准化工作改革发展的实施意见》解读")
                .unwrap()
                .kind,
            PageKind::Interpretation
        );
        assert_eq!(genre("日照市“十三五”质量发展规划").unwrap().word, "规划");
        assert!(genre("建立先进标准培育机制").is_none());
        assert_eq!(
            genre("溫州市人民政府關於全面實施標準化戰略的意見")
                .unwrap()
                .word,
            "意見"
        );
        assert_eq!(
            genre("泰安市人民政府关于全面推进泰安标准化工作改革发展的实施意见")
                .unwrap()
                .word,
            "实施意见"
        );
    }

    #[test]
    fn heading_numbers_and_their_depth() {
        assert_eq!(
            heading_number("一、总体要求"),
            Some((Depth(0), "一、".len()))
        );
        assert_eq!(
            heading_number("（一）指导思想。"),
            Some((Depth(1), "（一）".len()))
        );
        assert_eq!(
            heading_number("(二)基本原则。"),
            Some((Depth(1), "(二)".len()))
        );
        assert_eq!(heading_number("1.强化统筹"), Some((Depth(2), 2)));
        assert_eq!(heading_number("1．强化统筹"), Some((Depth(2), "1．".len())));
        assert_eq!(heading_number("（1）企业"), Some((Depth(3), "（1）".len())));
        assert_eq!(heading_number("⑴企业"), Some((Depth(3), "⑴".len())));
        assert_eq!(
            heading_number("第一章 总则"),
            Some((Depth(-2), "第一章 ".len()))
        );
        assert_eq!(heading_number("第三条 本办法"), None);
        assert_eq!(heading_number("1.5亿元"), None);
        assert_eq!(heading_number("2021年"), None);
        assert_eq!(heading_number("（此件公开发布）"), None);
        assert!(is_heading_text("总体要求"));
        assert!(is_heading_text("指导思想。"));
        assert!(!is_heading_text("指导思想。全面贯彻落实国家标准化战略"));
        assert!(!is_heading_text("会议时间：10月12日"));
    }

    #[test]
    fn header_and_colophon_lines() {
        assert!(is_copy_number("000001"));
        assert_eq!(secrecy("秘密★1年").as_deref(), Some("秘密★1年"));
        assert_eq!(urgency("特　急").as_deref(), Some("特急"));
        assert_eq!(signers("签发人：张三　李四").unwrap(), vec!["张三", "李四"]);
        assert_eq!(
            labelled("抄  送：市委办公室。", "抄送"),
            Some("市委办公室。")
        );
        let (organ, d) = printed("济宁市人民政府办公室　　2021年10月12日印发").unwrap();
        assert_eq!(
            (organ.as_str(), d.iso().as_str()),
            ("济宁市人民政府办公室", "2021-10-12")
        );
        assert_eq!(attachment_label("附件2"), Some(Some("2".into())));
        assert_eq!(attachment_label("附件"), Some(None));
        assert_eq!(attachment_label("附件：济宁市标准化管理办法"), None);
        assert_eq!(
            attachment_note("附件：济宁市标准化管理办法"),
            Some("济宁市标准化管理办法")
        );
        assert!(is_remark("（此件公开发布）"));
        assert!(is_organ("济宁市人民政府"));
        assert!(is_organ("中共济宁市委办公室"));
        assert!(!is_organ("各县（市、区）人民政府"));
        assert!(is_addressee(
            "各县（市、区）人民政府，市政府各部门、各直属机构："
        ));
    }
}
