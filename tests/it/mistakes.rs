//! What a Chinese input method types where TOML or CSV needs ASCII, said as that, at its place,
//! in each language: one case per mistake class, each with its exact message in zh-Hans,
//! zh-Hant and en, exit code 1 and the site folder (and the previous `public/`) unchanged.

use crate::support::*;

/// Breaks the built basic fixture with `break_it`, then checks the build is refused with
/// exactly `zh_hans`, `zh_hant` and `en` as the first message line in each language.
fn refused_in_each_language(break_it: impl Fn(&TestSite), messages: [&str; 3]) {
    let site = TestSite::basic();
    site.built();
    break_it(&site);
    for (lang, expected) in ["zh-Hans", "zh-Hant", "en"].iter().zip(messages) {
        let message = site.rejected_in(lang, &[expected]);
        // config.toml is shown by the path it was read at (here a temporary folder's).
        let first = message.lines().next().unwrap_or_default();
        assert!(
            first == expected || first.ends_with(&format!("/{expected}")),
            "{lang}: the first line is the mistake, said exactly:\n{first}\n{expected}"
        );
    }
}

fn page_with_front_matter(site: &TestSite, front_matter: &str) {
    site.page(
        "policies/ime.md",
        &format!("+++\n{front_matter}\n+++\n正文。\n"),
    );
}

macro_rules! mistakes {
    ($($name:ident: $break_it:expr => [$hans:expr, $hant:expr, $en:expr $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                refused_in_each_language($break_it, [$hans, $hant, $en]);
            }
        )*
    };
}

mistakes! {
    chinese_double_quotes_in_front_matter: |s| page_with_front_matter(s, "title = “标题”") => [
        "content/policies/ime.md:2:9: 错误：第 2 行第 9 列：title 用了中文引号“”，请改成英文引号 \"\"",
        "content/policies/ime.md:2:9: 錯誤：第 2 行第 9 欄：title 用了中文引號“”，請改成英文引號 \"\"",
        "content/policies/ime.md:2:9: error: title is written with Chinese quotes “”: use plain quotes \"\"",
    ];
    chinese_single_quotes_in_config: |s| {
        s.config("title = \"测试标准化门户\"", "title = ‘测试标准化门户’");
    } => [
        "config.toml:1:9: 错误：第 1 行第 9 列：title 用了中文引号‘’，请改成英文引号 \"\"",
        "config.toml:1:9: 錯誤：第 1 行第 9 欄：title 用了中文引號‘’，請改成英文引號 \"\"",
        "config.toml:1:9: error: title is written with Chinese quotes ‘’: use plain quotes \"\"",
    ];
    a_value_closed_with_a_chinese_quote: |s| page_with_front_matter(s, "title = \"标题”") => [
        "content/policies/ime.md:2:12: 错误：第 2 行第 12 列：title 以英文引号 \" 开头，却以中文引号 ” 结尾，请把结尾改成英文引号 \"",
        "content/policies/ime.md:2:12: 錯誤：第 2 行第 12 欄：title 以英文引號 \" 開頭，卻以中文引號 ” 結尾，請把結尾改成英文引號 \"",
        "content/policies/ime.md:2:12: error: title starts with a plain quote \" but ends with a Chinese quote ”: end it with a plain quote \"",
    ];
    full_width_equals_in_config: |s| {
        s.config("title = \"测试标准化门户\"", "title ＝ \"测试标准化门户\"");
    } => [
        "config.toml:1:7: 错误：第 1 行第 7 列：title 后面用了全角等号＝，请改成英文等号 =",
        "config.toml:1:7: 錯誤：第 1 行第 7 欄：title 後面用了全形等號＝，請改成英文等號 =",
        "config.toml:1:7: error: title is followed by a full-width equals sign ＝: use a plain =",
    ];
    chinese_colon_in_front_matter: |s| page_with_front_matter(s, "title：\"标题\"") => [
        "content/policies/ime.md:2:6: 错误：第 2 行第 6 列：title 后面用了中文冒号：，请写成 title = …，用英文等号 =",
        "content/policies/ime.md:2:6: 錯誤：第 2 行第 6 欄：title 後面用了中文冒號：，請寫成 title = …，用英文等號 =",
        "content/policies/ime.md:2:6: error: title is followed by a Chinese colon ：: write title = … with a plain =",
    ];
    chinese_comma_in_a_list: |s| page_with_front_matter(s, "title = \"标题\"\ntopics = [\"标准化\"，\"质量\"]") => [
        "content/policies/ime.md:3:16: 错误：第 3 行第 16 列：topics 的各项用中文逗号，分隔，请改成英文逗号 ,",
        "content/policies/ime.md:3:16: 錯誤：第 3 行第 16 欄：topics 的各項用中文逗號，分隔，請改成英文逗號 ,",
        "content/policies/ime.md:3:16: error: the items of topics are separated by a Chinese comma ，: use a plain comma ,",
    ];
    full_width_brackets_around_a_table: |s| {
        s.config("[footer]", "［footer］");
    } => [
        "config.toml:8:1: 错误：第 8 行第 1 列：这里用了全角方括号［］，请改成英文方括号 [ ]",
        "config.toml:8:1: 錯誤：第 8 行第 1 欄：這裡用了全形方括號［］，請改成英文方括號 [ ]",
        "config.toml:8:1: error: full-width brackets ［］ are used here: use plain brackets [ ]",
    ];
    full_width_hash_before_a_comment: |s| {
        s.config("# Most tests", "＃ Most tests");
    } => [
        "config.toml:5:1: 错误：第 5 行第 1 列：这条注释以全角＃开头，请改成英文 #",
        "config.toml:5:1: 錯誤：第 5 行第 1 欄：這條註解以全形＃開頭，請改成英文 #",
        "config.toml:5:1: error: a full-width ＃ starts this comment: use a plain #",
    ];
    full_width_space_after_a_key: |s| page_with_front_matter(s, "title　= \"标题\"") => [
        "content/policies/ime.md:2:6: 错误：第 2 行第 6 列：title 后面有一个全角空格，请改成英文空格或删掉",
        "content/policies/ime.md:2:6: 錯誤：第 2 行第 6 欄：title 後面有一個全形空格，請改成英文空格或刪掉",
        "content/policies/ime.md:2:6: error: there is a full-width space after title: use a plain space or remove it",
    ];
    byte_order_mark_inside_config: |s| {
        s.config("description = ", "\u{feff}description = ");
    } => [
        "config.toml:2:1: 错误：第 2 行第 1 列：这里有一个看不见的字节顺序标记（U+FEFF），多半是粘贴进来的，请删掉它（把光标移到这里按 Delete）",
        "config.toml:2:1: 錯誤：第 2 行第 1 欄：這裡有一個看不見的位元組順序標記（U+FEFF），多半是貼上進來的，請刪掉它（把游標移到這裡按 Delete）",
        "config.toml:2:1: error: there is an invisible byte-order mark (U+FEFF) here, probably pasted in: delete it (move the cursor here and press Delete)",
    ];
    chinese_commas_between_csv_values: |s| {
        s.edit("data/observations.csv", |t| format!("{t}testcity，pass-rate，2019，97，测试数据\n"));
    } => [
        "data/observations.csv:4:9: 错误：第 4 行第 9 列：这一行用中文逗号，分隔各列，请改成英文逗号 ,",
        "data/observations.csv:4:9: 錯誤：第 4 行第 9 欄：這一行用中文逗號，分隔各欄，請改成英文逗號 ,",
        "data/observations.csv:4:9: error: the values of this line are separated by Chinese commas ，: use plain commas ,",
    ];
    chinese_commas_in_a_csv_header: |s| {
        s.edit("data/observations.csv", |t| t.replacen("city,indicator,date,value,source", "city，indicator，date，value，source", 1));
    } => [
        "data/observations.csv:1:5: 错误：第 1 行第 5 列：这一行用中文逗号，分隔各列，请改成英文逗号 ,",
        "data/observations.csv:1:5: 錯誤：第 1 行第 5 欄：這一行用中文逗號，分隔各欄，請改成英文逗號 ,",
        "data/observations.csv:1:5: error: the values of this line are separated by Chinese commas ，: use plain commas ,",
    ];
    text_without_quotes_is_said_plainly: |s| page_with_front_matter(s, "title = 标题") => [
        "content/policies/ime.md:2:9: 错误：第 2 行第 9 列：这段文字没有加引号",
        "content/policies/ime.md:2:9: 錯誤：第 2 行第 9 欄：這段文字沒有加引號",
        "content/policies/ime.md:2:9: error: this text is not in quotes",
    ];
    a_key_written_twice_is_said_plainly: |s| page_with_front_matter(s, "title = \"标题\"\ntitle = \"又一个\"") => [
        "content/policies/ime.md:3:1: 错误：第 3 行第 1 列：这个名称写了两次",
        "content/policies/ime.md:3:1: 錯誤：第 3 行第 1 欄：這個名稱寫了兩次",
        "content/policies/ime.md:3:1: error: this key is written twice",
    ];
    a_date_toml_cannot_read_is_said_plainly: |s| page_with_front_matter(s, "title = \"标题\"\ndate = 2024-13-01") => [
        "content/policies/ime.md:3:8: 错误：第 3 行第 8 列：这个日期的写法不对",
        "content/policies/ime.md:3:8: 錯誤：第 3 行第 8 欄：這個日期的寫法不對",
        "content/policies/ime.md:3:8: error: this date is not a date TOML can read",
    ];
    an_ambiguous_chinese_kind_names_the_choices: |s| page_with_front_matter(s, "title = \"标题\"\nkind = \"政策\"") => [
        "content/policies/ime.md:3:8: 错误：第 3 行第 8 列：“政策”不是可用的文件类别：它可能是“interpretation”（政策解读、政策解讀）或“policy”（政策原文、政策文件），请写出你指的那一个",
        "content/policies/ime.md:3:8: 錯誤：第 3 行第 8 欄：“政策”不是可用的文件類別：它可能是“interpretation”（政策解读、政策解讀）或“policy”（政策原文、政策文件），請寫出你指的那一個",
        "content/policies/ime.md:3:8: error: \"政策\" is not a kind: it could be \"interpretation\" (政策解读, 政策解讀) or \"policy\" (政策原文, 政策文件); write the one you mean",
    ];
    a_chinese_date_that_is_not_one_names_the_forms: |s| page_with_front_matter(s, "title = \"标题\"\ndate = \"2024年13月\"") => [
        "content/policies/ime.md:3:8: 错误：第 3 行第 8 列：“2024年13月”不是日期：请写成 2021、2021-10 或 2021-10-14（也可以写 2021年10月14日）",
        "content/policies/ime.md:3:8: 錯誤：第 3 行第 8 欄：“2024年13月”不是日期：請寫成 2021、2021-10 或 2021-10-14（也可以寫 2021年10月14日）",
        "content/policies/ime.md:3:8: error: \"2024年13月\" is not a date: write 2021, 2021-10 or 2021-10-14 (or 2021年10月14日)",
    ];
    a_number_with_a_leading_zero_is_said_plainly: |s| {
        s.config("title = \"测试标准化门户\"", "title = \"测试标准化门户\"\npaginate_by = 010");
    } => [
        "config.toml:2:15: 错误：第 2 行第 15 列：这个数字的写法不对",
        "config.toml:2:15: 錯誤：第 2 行第 15 欄：這個數字的寫法不對",
        "config.toml:2:15: error: this number is not written as TOML reads numbers",
    ];
}

/// A byte-order mark at the start of a file is what Notepad and WPS write: the meaning is
/// clear, so it is accepted in config.toml, front matter, data TOML and CSV alike.
#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_accepted() {
    let site = TestSite::basic();
    for file in [
        "config.toml",
        "content/policies/plan.md",
        "data/cities.toml",
        "data/observations.csv",
    ] {
        site.edit(file, |t| format!("\u{feff}{t}"));
    }
    site.built();
}

/// The hint of a translated parser error is in the editor's language too.
#[test]
fn hints_are_in_the_chosen_language() {
    let site = TestSite::basic();
    site.built();
    page_with_front_matter(&site, "title = 标题");
    site.rejected_in(
        "zh-Hans",
        &["  提示：文字要放在英文双引号里，例如 title = \"关于……的通知\""],
    );
    site.rejected_in(
        "en",
        &["  help: put text in plain double quotes, e.g. title = \"关于……的通知\""],
    );
}

/// The locale chooses the language when neither --lang nor STDPORTAL_LANG does.
#[test]
fn the_locale_chooses_the_language() {
    let site = TestSite::basic();
    page_with_front_matter(&site, "title = “标题”");
    let run = |vars: &[(&str, &str)]| {
        let mut command = site.command(&["build"]);
        command.env_remove("STDPORTAL_LANG");
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(name);
        }
        command.envs(vars.iter().copied());
        stderr(&command.output().unwrap())
    };
    assert!(run(&[("LANG", "zh_CN.UTF-8")]).contains("错误：第 2 行第 9 列"));
    assert!(run(&[("LANG", "zh_TW.UTF-8")]).contains("錯誤：第 2 行第 9 欄"));
    assert!(run(&[("LANG", "zh_HK.UTF-8")]).contains("錯誤："));
    assert!(run(&[]).contains("错误："), "no locale: Simplified");
    assert!(run(&[("LANG", "C")]).contains("错误："));
    assert!(run(&[("LANG", "en_US.UTF-8")]).contains("error: title"));
    assert!(run(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]).contains("错误："));
    assert!(run(&[("LANG", "zh_CN.UTF-8"), ("STDPORTAL_LANG", "zh-Hant")]).contains("錯誤："));
    assert!(run(&[("LANG", "zh_CN.UTF-8"), ("STDPORTAL_LANG", "en")]).contains("error:"));
}

// Habits of an office, each said as what it is with the fix (issue 23): a date written with
// dots or slashes, English quotes inside a text, a no-break space pasted from a web page.
mistakes! {
    a_date_written_with_dots: |s| page_with_front_matter(s, "title = \"标题\"\ndate = 2024.3.5") => [
        "content/policies/ime.md:3:8: 错误：第 3 行第 8 列：date = 2024.3.5：日期要用短横线分隔，请写成 date = 2024-03-05",
        "content/policies/ime.md:3:8: 錯誤：第 3 行第 8 欄：date = 2024.3.5：日期要用短橫線分隔，請寫成 date = 2024-03-05",
        "content/policies/ime.md:3:8: error: date = 2024.3.5: a date is written with dashes, date = 2024-03-05",
    ];
    a_date_written_with_slashes: |s| page_with_front_matter(s, "title = \"标题\"\npublished = 2024/3/5") => [
        "content/policies/ime.md:3:13: 错误：第 3 行第 13 列：published = 2024/3/5：日期要用短横线分隔，请写成 published = 2024-03-05",
        "content/policies/ime.md:3:13: 錯誤：第 3 行第 13 欄：published = 2024/3/5：日期要用短橫線分隔，請寫成 published = 2024-03-05",
        "content/policies/ime.md:3:13: error: published = 2024/3/5: a date is written with dashes, published = 2024-03-05",
    ];
    a_date_with_slashes_in_quotes_under_its_chinese_name: |s| page_with_front_matter(s, "标题 = \"标题\"\n成文日期 = \"2024/3/5\"") => [
        "content/policies/ime.md:3:8: 错误：第 3 行第 8 列：“2024/3/5”用了点或斜杠分隔，日期请写成 2024-03-05",
        "content/policies/ime.md:3:8: 錯誤：第 3 行第 8 欄：“2024/3/5”用了點或斜線分隔，日期請寫成 2024-03-05",
        "content/policies/ime.md:3:8: error: \"2024/3/5\" is written with dots or slashes: write it 2024-03-05",
    ];
    english_quotes_inside_a_title: |s| page_with_front_matter(s, "title = \"关于\"十四五\"规划的通知\"") => [
        "content/policies/ime.md:2:9: 错误：第 2 行第 9 列：title 的文字里有英文引号 \"，它会被当成文字的结尾：文字里的引号请用中文引号，写成 title = \"关于“十四五”规划的通知\"",
        "content/policies/ime.md:2:9: 錯誤：第 2 行第 9 欄：title 的文字裡有英文引號 \"，它會被當成文字的結尾：文字裡的引號請用中文引號，寫成 title = \"关于“十四五”规划的通知\"",
        "content/policies/ime.md:2:9: error: the English quotes \" inside the text of title end the text early: write the quotes inside as Chinese quotes, title = \"关于“十四五”规划的通知\"",
    ];
    a_no_break_space_in_front_matter: |s| page_with_front_matter(s, "title\u{a0}= \"标题\"") => [
        "content/policies/ime.md:2:6: 错误：第 2 行第 6 列：title 后面有一个不换行空格（U+00A0），多半是从网页或 Word 粘贴来的，请改成普通空格或删掉",
        "content/policies/ime.md:2:6: 錯誤：第 2 行第 6 欄：title 後面有一個不換行空格（U+00A0），多半是從網頁或 Word 貼上的，請改成一般空格或刪掉",
        "content/policies/ime.md:2:6: error: there is a no-break space (U+00A0, pasted from a web page or Word) after title: type an ordinary space or delete it",
    ];
}

/// The summary line after the problems is in the chosen language.
#[test]
fn the_summary_is_in_the_chosen_language() {
    let site = TestSite::basic();
    site.built();
    page_with_front_matter(&site, "title = “标题”");
    site.rejected_in(
        "zh-Hans",
        &["生成因 1 个问题而停止；输出文件夹中原来的网站保持不变。"],
    );
    site.rejected_in(
        "zh-Hant",
        &["產生因 1 個問題而停止；輸出資料夾中原來的網站保持不變。"],
    );
    site.rejected_in(
        "en",
        &["The build stopped with 1 problem; the previous site in the output folder was left as it was."],
    );
}
