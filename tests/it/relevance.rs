//! The relevance table: queries and the pages they must give on the example portal (with the
//! fixture pages below), shared by `search.rs` and the benchmark (`examples/bench/search.rs`,
//! which prints precision@5 and the top-3 rate over it).

/// A page the example portal lacks for some queries: a document with a 文号 and a standard
/// number (written for the tests; not a real document).
pub const TF: &str = "policies/taian-test-standard-funding/";

pub const FIXTURES: &[(&str, &str)] = &[(
    "policies/taian-test-standard-funding.md",
    "+++\ntitle = \"泰安市标准化资助办法（测试用文件）\"\ncity = \"taian\"\nkind = \"policy\"\ndoc_number = \"泰政发〔2020〕12号\"\nissuer = \"泰安市人民政府\"\npublished = 2020-03-01\ntopics = [\"标准化\"]\n+++\n本办法所称公文格式，按照GB/T 9704-2012《党政机关公文格式》执行。\n\n对主导制定国家标准的单位给予资助。\n",
)];

pub const JM: &str = "policies/jining-standardization-measures/";
pub const JP: &str = "news/jining-standardization-measures-press/";
pub const WZ: &str = "policies/wenzhou-standardization-strategy-opinions/";
pub const TI: &str = "interpretations/taian-standardization-reform-interpretation/";
pub const TO: &str = "policies/taian-standardization-reform-opinions/";
pub const RQ: &str = "policies/rizhao-quality-13th-plan/";
pub const RS: &str = "policies/rizhao-standardization-13th-plan/";
pub const PASS_RATE: &str = "cities/rizhao/indicators/industrial-product-spot-check-pass-rate/";

/// A query and what it must give.
pub struct Case {
    pub query: &'static str,
    /// The first results, in this order.
    pub first: &'static [&'static str],
    /// The first results, in any order.
    pub top: &'static [&'static str],
    /// Results anywhere in the list.
    pub has: &'static [&'static str],
    /// How many results (every candidate verified).
    pub count: Option<usize>,
    /// Queries (in the other script, mixed) that must give the very same list.
    pub same_as: &'static [&'static str],
    /// How the results are found: "phrase", or a fallback step ("words", "pairs", "most").
    pub step: &'static str,
}

pub const NONE: Case = Case {
    query: "",
    first: &[],
    top: &[],
    has: &[],
    count: None,
    same_as: &[],
    step: "phrase",
};

/// Written from the seed documents in the example portal (Tai'an's interpretation, Wenzhou's
/// opinions, Jining's measures and press report, Rizhao's two plans).
pub const CASES: &[Case] = &[
    // Words, and the same word typed in Traditional and in mixed script on either site.
    Case {
        query: "标准化",
        top: &[JM, JP, WZ, TI, RS, TF, TO],
        same_as: &["標準化", "标準化"],
        ..NONE
    },
    Case {
        query: "质量",
        first: &[RQ],
        same_as: &["質量"],
        ..NONE
    },
    Case {
        query: "团体标准",
        has: &[TI, WZ, RS, RQ, JP],
        same_as: &["團體標準"],
        ..NONE
    },
    Case {
        query: "计量",
        has: &[RQ],
        same_as: &["計量"],
        ..NONE
    },
    // Phrases from the documents.
    Case {
        query: "济宁市标准化管理办法",
        first: &[JM, JP],
        count: Some(3),
        same_as: &["濟寧市標準化管理辦法"],
        ..NONE
    },
    Case {
        query: "标准决定质量",
        first: &[TI],
        count: Some(1),
        same_as: &["標準決定質量"],
        ..NONE
    },
    Case {
        query: "城市治理精细化",
        first: &[JP],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "先进标准培育机制",
        first: &[JP],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "首席质量官",
        first: &[RQ],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "质量强市",
        first: &[RQ],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "國家標準化綜合改革試點",
        top: &[TI, WZ],
        count: Some(2),
        same_as: &["国家标准化综合改革试点"],
        ..NONE
    },
    Case {
        query: "新旧动能转换",
        first: &[TI],
        has: &[JP, RQ],
        count: Some(3),
        ..NONE
    },
    Case {
        query: "五章三十八条",
        top: &[JM, JP],
        count: Some(2),
        ..NONE
    },
    Case {
        query: "溫州市人民政府關於全面實施標準化戰略的意見",
        first: &[WZ],
        same_as: &["温州市人民政府关于全面实施标准化战略的意见"],
        ..NONE
    },
    Case {
        query: "质量发展纲要",
        first: &[RQ],
        count: Some(1),
        same_as: &["質量發展綱要"],
        ..NONE
    },
    Case {
        query: "电子政务",
        top: &[WZ, RS],
        count: Some(2),
        ..NONE
    },
    Case {
        query: "李志豪",
        first: &[JP],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "公务用车",
        first: &[JP],
        ..NONE
    },
    Case {
        query: "乡村振兴",
        has: &[TI, "cities/taian/indicators/rural-group-standards/"],
        ..NONE
    },
    // Document numbers (文号), in either script.
    Case {
        query: "国发〔2015〕13号",
        first: &[TI],
        count: Some(1),
        same_as: &["國發〔2015〕13號", "国发[2015]13号"],
        ..NONE
    },
    Case {
        query: "鲁政字〔2018〕125号",
        first: &[TI],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "浙政發〔2014〕35號",
        first: &[WZ],
        count: Some(1),
        same_as: &["浙政发〔2014〕35号"],
        ..NONE
    },
    Case {
        query: "日政发〔2010〕1号",
        first: &[RS],
        count: Some(1),
        ..NONE
    },
    // Standard numbers, Latin words, numbers.
    Case {
        query: "GB17167",
        first: &[RQ],
        count: Some(1),
        same_as: &["gb17167", "ＧＢ１７１６７"],
        ..NONE
    },
    Case {
        query: "ISO26000",
        first: &[RQ],
        count: Some(1),
        same_as: &["ISO 26000"],
        ..NONE
    },
    Case {
        query: "VOCs",
        first: &[RS],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "93.2%",
        has: &[RQ, PASS_RATE],
        ..NONE
    },
    Case {
        query: "45000",
        has: &[RS],
        ..NONE
    },
    Case {
        query: "中国制造2025",
        top: &[WZ, RQ],
        count: Some(2),
        ..NONE
    },
    // Several words: pages holding all of them.
    Case {
        query: "日照 质量",
        first: &[RQ, RS],
        ..NONE
    },
    Case {
        query: "标准化 温州",
        first: &[WZ],
        same_as: &["標準化 溫州"],
        ..NONE
    },
    Case {
        query: "济宁 公务用车",
        first: &[JP],
        ..NONE
    },
    // The 25 queries of issue 26 (a citizen's typing, measured against Pagefind), with the
    // pages a reader expects; the first six found nothing before.
    Case {
        query: "地方标准制定",
        has: &[RS, JP],
        step: "words",
        ..NONE
    },
    Case {
        query: "产品质量合格率",
        first: &[RQ],
        has: &[PASS_RATE],
        step: "words",
        ..NONE
    },
    Case {
        query: "质量，强市",
        first: &[RQ],
        count: Some(1),
        same_as: &["质量-强市", "质量 强市", "質量，強市"],
        ..NONE
    },
    Case {
        query: "标准·化",
        top: &[WZ, TI, RS, JP, JM, TF, TO],
        same_as: &["标准 化"],
        ..NONE
    },
    Case {
        query: "质",
        first: &[RQ],
        same_as: &["質"],
        ..NONE
    },
    Case {
        query: "计量",
        first: &[RQ],
        ..NONE
    },
    Case {
        query: "泰政发",
        first: &[TF],
        same_as: &["泰政發"],
        ..NONE
    },
    Case {
        query: "泰政发〔2020〕",
        first: &[TF],
        count: Some(1),
        same_as: &["泰政发[2020]", "泰政发〔2020"],
        ..NONE
    },
    Case {
        query: "鲁政字〔2018〕",
        first: &[TI],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "GB/T 9704",
        first: &[TF],
        count: Some(1),
        same_as: &["GB/T9704", "ＧＢ／Ｔ　９７０４", "gb/t 9704"],
        ..NONE
    },
    Case {
        query: "GB/T 970",
        first: &[TF],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "GB1716",
        first: &[RQ],
        count: Some(1),
        same_as: &["ＧＢ１７１６", "gb1716", "GB 1716"],
        ..NONE
    },
    Case {
        query: "ＧＢ／Ｔ",
        first: &[TF],
        same_as: &["GB/T"],
        ..NONE
    },
    Case {
        query: "质量强省",
        first: &[RQ],
        same_as: &["质量强国"],
        ..NONE
    },
    Case {
        query: "市场监督管理局",
        has: &[RQ, RS, JP],
        same_as: &["市场监管"],
        ..NONE
    },
    Case {
        query: "第十三个五年规划",
        first: &[RQ, RS],
        same_as: &["十三五"],
        ..NONE
    },
    Case {
        query: "国标",
        has: &[RS, TI],
        same_as: &["国家标准"],
        ..NONE
    },
    Case {
        query: "团标",
        has: &[TI, WZ, RS, RQ, JP],
        same_as: &["团体标准"],
        ..NONE
    },
    Case {
        query: "品牌",
        first: &[RQ],
        ..NONE
    },
    Case {
        query: "标准化 日照",
        first: &[RS],
        same_as: &["日照 标准化"],
        ..NONE
    },
    Case {
        query: "济宁 标准化管理办法",
        top: &[JM, JP],
        ..NONE
    },
    Case {
        query: "质量反映一个地区的综合实力，质量发展是经济社会发展的重大战略问题。《日照市“十三五”质量发展规划》以国务院《质量发展纲要（2011—2020年）》",
        first: &[RQ],
        count: Some(1),
        ..NONE
    },
    Case {
        query: "工业产品质量监督抽查合格率",
        top: &[PASS_RATE, RQ],
        ..NONE
    },
    Case {
        query: "标准化试点",
        has: &[TI, WZ, RS],
        ..NONE
    },
    Case {
        query: "标准化 量子",
        top: &[WZ, TI, RS, JP, RQ, JM, TF, TO],
        step: "most",
        ..NONE
    },
    // Nothing: a phrase in no page, even though its characters are in many.
    Case {
        query: "量子计算机",
        count: Some(0),
        ..NONE
    },
    Case {
        query: "无此词语甲乙丙丁",
        count: Some(0),
        same_as: &["無此詞語甲乙丙丁"],
        ..NONE
    },
];

/// Precision@5 (the share of the first five results that are expected pages, out of at most
/// the number of expected pages) and whether an expected first page is in the top 3, averaged
/// over the cases that name expected pages. `results` gives a query's result paths.
pub fn precision(results: &dyn Fn(&str) -> Vec<String>) -> (f64, f64, usize) {
    let (mut p5, mut top3, mut n) = (0.0, 0.0, 0);
    for case in CASES {
        let expected: Vec<&str> = case
            .first
            .iter()
            .chain(case.top)
            .chain(case.has)
            .copied()
            .collect();
        if expected.is_empty() {
            continue;
        }
        let got = results(case.query);
        let hits = got
            .iter()
            .take(5)
            .filter(|p| expected.contains(&p.as_str()))
            .count();
        p5 += hits as f64 / expected.len().min(5) as f64;
        let lead: Vec<&str> = if case.first.is_empty() {
            expected.clone()
        } else {
            case.first.to_vec()
        };
        if got.iter().take(3).any(|p| lead.contains(&p.as_str())) {
            top3 += 1.0;
        }
        n += 1;
    }
    (p5 / n as f64, top3 / n as f64, n)
}
