//! Generates a site of N pages of realistic Chinese policy text for benchmarks:
//!
//!     cargo run --release --example gen_corpus -- --pages 10000 --out /tmp/corpus
//!
//! Options: --pages N (1000), --out DIR (required), --cities M (20), --sections S (8),
//! --years Y (5, observations per indicator), --seed S (1), --paginate-by N (the site's page
//! length; 0 puts every list on one page), --zola (front matter within Zola's basic fields —
//! title, date, description, weight, [extra] — so the same content/ also builds with Zola).
//! The output is deterministic for a given seed. Without --zola, pages carry what real
//! documents carry — a city, a kind, an issuing office, a 文号, topics, a validity — so the lists of
//! cities, topics, years and offices are as full as on a department's site.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

pub struct Options {
    pub pages: usize,
    pub out: PathBuf,
    pub cities: usize,
    pub sections: usize,
    pub years: usize,
    pub seed: u64,
    /// `paginate_by` in config.toml (`None`: the default).
    pub paginate_by: Option<usize>,
    /// Only Zola's basic front matter fields.
    pub zola: bool,
}

impl Default for Options {
    /// The benchmark's corpus: 1,000 pages over 20 cities, 8 sections and 5 years.
    fn default() -> Options {
        Options {
            pages: 1000,
            out: PathBuf::new(),
            cities: 20,
            sections: 8,
            years: 5,
            seed: 1,
            paginate_by: None,
            zola: false,
        }
    }
}

/// xorshift64*: small, fast and reproducible; statistical quality does not matter here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "全市",
    "各县(市、区)",
    "市标准化行政主管部门",
    "有关部门",
    "重点企业",
    "行业协会",
    "标准化技术委员会",
    "检验检测机构",
    "市场监管部门",
    "各级人民政府",
];
const VERBS: &[&str] = &[
    "加快推进",
    "深入实施",
    "全面加强",
    "积极培育",
    "大力发展",
    "持续优化",
    "健全完善",
    "统筹推进",
    "着力提升",
    "鼓励支持",
];
const OBJECTS: &[&str] = &[
    "标准化综合改革",
    "先进标准体系建设",
    "团体标准培育",
    "企业标准自我声明公开",
    "地方标准制修订",
    "标准化试点示范",
    "质量基础设施建设",
    "检验检测公共服务平台",
    "农业标准化生产基地",
    "服务业标准化",
    "公共服务标准体系",
    "计量溯源体系",
    "品牌建设",
    "标准国际化",
    "新型城镇化标准",
    "生态环境保护标准",
];
/// The first character of a 文号: a city's one-character name (泰政发, 济政字).
const NUMBER_PREFIXES: &[&str] = &[
    "泰", "济", "鲁", "青", "烟", "潍", "淄", "枣", "威", "日", "临", "德", "聊", "滨", "菏", "莱",
];
const PURPOSES: &[&str] = &[
    "以高标准引领高质量发展",
    "为经济社会发展提供技术支撑",
    "提升产业核心竞争力",
    "推动治理体系和治理能力现代化",
    "保障人民群众生命财产安全",
    "促进新旧动能转换",
    "营造良好营商环境",
    "增强标准化意识",
];
const HEADINGS: &[&str] = &[
    "总体要求",
    "主要任务",
    "重点领域",
    "保障措施",
    "发展目标",
    "现状基础",
    "工作机制",
    "组织实施",
    "基本原则",
    "政策解读",
];
const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const TOPICS: &[&str] = &[
    "标准化改革",
    "质量提升",
    "计量",
    "认证认可",
    "检验检测",
    "知识产权",
    "农业标准化",
    "服务业标准化",
    "团体标准",
    "地方标准",
    "品牌建设",
    "营商环境",
];
const OFFICES: &[&str] = &["人民政府", "市场监督管理局", "发展和改革委员会"];
const KINDS: &[&str] = &["policy", "interpretation", "news"];
const DOMAINS: &[&str] = &["工业", "农业", "服务业", "公共服务", "质量", "标准"];
const UNITS: &[&str] = &["项", "个", "家", "%"];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{}{}{},{}{},{}。",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(PURPOSES)
    )
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences).map(|_| sentence(rng)).collect()
}

/// About 3 KB of Markdown: headings, paragraphs, a table, a list, and code in one page of ten.
fn body(rng: &mut Rng, index: usize) -> String {
    let mut md = String::new();
    for (h, numeral) in NUMERALS.iter().take(3).enumerate() {
        let _ = writeln!(md, "## {numeral}、{}\n", rng.pick(HEADINGS));
        let _ = writeln!(md, "{}\n", paragraph(rng, 4));
        if h == 0 {
            md.push_str("| 指标 | 2020年 | 2025年 |\n|------|--------|--------|\n");
            for _ in 0..3 {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} |",
                    rng.pick(OBJECTS),
                    rng.below(90) + 10,
                    rng.below(90) + 100
                );
            }
            md.push('\n');
        }
        if h == 1 {
            for i in 1..=4 {
                let _ = writeln!(md, "{i}. **{}**。{}", rng.pick(OBJECTS), sentence(rng));
            }
            md.push('\n');
        }
    }
    if index.is_multiple_of(10) {
        md.push_str("```toml\n[[indicator]]\nid = \"local-standards\"\ntarget = { value = 30, year = 2025 }\n```\n\n");
    }
    let _ = writeln!(md, "{}", paragraph(rng, 2));
    md
}

pub fn generate(options: &Options) -> std::io::Result<()> {
    let mut rng = Rng(options.seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let out = &options.out;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("themes"), &out.join("themes"))?;
    fs::create_dir_all(out.join("data"))?;
    let paginate_by = options
        .paginate_by
        .map(|n| format!("paginate_by = {n}\n"))
        .unwrap_or_default();
    fs::write(
        out.join("config.toml"),
        format!("title = \"标准化基准测试站点\"\nbase_url = \"https://example.gov.cn/\"\n{paginate_by}\n[footer]\nsponsor = \"基准测试\"\n"),
    )?;
    let mut cities = String::new();
    let mut indicators = String::from("id,city,plan,domain,name,unit,baseline_value,baseline_year,target_value,target_year,comparator,kind,source_document,source_quote\n");
    let mut observations = String::from("city,indicator,date,value,source\n");
    for c in 0..options.cities {
        let _ = writeln!(cities, "[[city]]\nid = \"city{c:03}\"\nname = \"第{c}号市\"\nprovince = \"示例省\"\nintroduction = \"基准测试用城市。\"\n");
        for i in 0..10 {
            let baseline = (rng.below(50) + 10) as f64;
            let target = baseline + (rng.below(40) + 5) as f64;
            let _ = writeln!(
                indicators,
                "ind{i:02},city{c:03},,{},{}指标{i},{},{baseline},2020,{target},2025,>=,预期性,,",
                rng.pick(DOMAINS),
                rng.pick(OBJECTS),
                rng.pick(UNITS)
            );
            for y in 0..options.years {
                let value = baseline
                    + (target - baseline) * (y as f64 + 1.0) / (options.years as f64 + 1.0)
                    + rng.below(5) as f64
                    - 2.0;
                let _ = writeln!(
                    observations,
                    "city{c:03},ind{i:02},{},{value},统计公报",
                    2021 + y
                );
            }
        }
    }
    fs::write(out.join("data/cities.toml"), cities)?;
    fs::write(out.join("data/indicators.csv"), indicators)?;
    fs::write(out.join("data/observations.csv"), observations)?;
    fs::create_dir_all(out.join("content"))?;
    fs::write(
        out.join("content/_index.md"),
        "+++\ntitle = \"首页\"\n+++\n",
    )?;
    for s in 0..options.sections {
        let dir = out.join(format!("content/section{s}"));
        fs::create_dir_all(&dir)?;
        fs::write(
            dir.join("_index.md"),
            format!("+++\ntitle = \"栏目{s}\"\nsort_by = \"date\"\n+++\n"),
        )?;
    }
    for p in 0..options.pages {
        let section = p % options.sections;
        let title = format!(
            "关于{}{}的实施意见({p}号)",
            rng.pick(VERBS),
            rng.pick(OBJECTS)
        );
        let month = rng.below(12) + 1;
        let day = rng.below(28) + 1;
        let city = p % options.cities.max(1);
        let date = format!("{}-{month:02}-{day:02}", 2015 + rng.below(10));
        let description = sentence(&mut rng);
        let metadata = if options.zola {
            format!("\n[extra]\ncity = \"city{city:03}\"\n")
        } else {
            // A 文号 in the usual form (鲁政发〔2021〕12号), made from the page's number and year
            // without drawing from the generator, so the rest of the corpus stays as it was.
            let doc_number = format!(
                "{}政发〔{}〕{}号",
                NUMBER_PREFIXES[city % NUMBER_PREFIXES.len()],
                &date[..4],
                p / options.cities.max(1) % 300 + 1
            );
            let first = rng.below(TOPICS.len());
            let second = (first + 1 + rng.below(TOPICS.len() - 1)) % TOPICS.len();
            format!(
                "city = \"city{city:03}\"\nkind = \"{}\"\nissuer = \"第{city}号市{}\"\n\
                 published = {date}\ndoc_number = \"{doc_number}\"\n\
                 topics = [\"{}\", \"{}\"]\nvalidity = \"{}\"\n",
                KINDS[p % KINDS.len()],
                rng.pick(OFFICES),
                TOPICS[first],
                TOPICS[second],
                if rng.below(10) == 0 {
                    "已废止"
                } else {
                    "有效"
                },
            )
        };
        let page = format!(
            "+++\ntitle = \"{title}\"\ndescription = \"{description}\"\ndate = {date}\n\
             weight = {p}\n{metadata}+++\n\n{}",
            body(&mut rng, p)
        );
        fs::write(
            out.join(format!("content/section{section}/page{p:05}.md")),
            page,
        )?;
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

pub fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        if flag == "--zola" {
            options.zola = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag} needs a number, not {value}"))
        };
        match flag.as_str() {
            "--pages" => options.pages = number()?,
            "--cities" => options.cities = number()?.max(1),
            "--sections" => options.sections = number()?.max(1),
            "--years" => options.years = number()?,
            "--seed" => options.seed = number()? as u64,
            "--paginate-by" => options.paginate_by = Some(number()?),
            "--out" => options.out = PathBuf::from(&value),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if options.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(options)
}

#[allow(dead_code)]
fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\nusage: gen_corpus --pages N --out DIR [--cities M] [--sections S] [--years Y] [--seed S] [--paginate-by N] [--zola]");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&options) {
        eprintln!("error: cannot write the corpus: {e}");
        std::process::exit(1);
    }
    println!(
        "Wrote {} pages, {} cities, {} indicators to {}",
        options.pages,
        options.cities,
        options.cities * 10,
        options.out.display()
    );
}
