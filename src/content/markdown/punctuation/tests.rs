use super::*;

#[track_caller]
fn same(text: &str) {
    assert_eq!(fix_text(text), text, "{text:?} must not change");
}

#[track_caller]
fn fixed(text: &str, expected: &str) {
    assert_eq!(fix_text(text), expected, "{text:?}");
}

#[test]
fn marks_between_chinese_characters_become_full_width() {
    fixed(
        "标准是经济活动的技术支撑,是国家治理的基础性制度。",
        "标准是经济活动的技术支撑，是国家治理的基础性制度。",
    );
    fixed("基线:2015年93.2%;目标:97%", "基线：2015年93.2%；目标：97%");
    fixed("是否达标?是!", "是否达标？是！");
    fixed("各县(市、区)人民政府", "各县（市、区）人民政府");
    fixed("约 3301 字,阅读约需 9 分钟", "约 3301 字，阅读约需 9 分钟");
}

#[test]
fn a_mark_next_to_chinese_on_one_side_changes() {
    fixed("刚刚买了一部 iPhone,好开心", "刚刚买了一部 iPhone，好开心");
    fixed("主办单位: 示例", "主办单位：示例");
    fixed("按照GB/T 1.1-2020,编写", "按照GB/T 1.1-2020，编写");
    // Closing quotation marks belong to either script: the character inside decides.
    fixed(
        "“只有高标准才有高质量”;“谁制定标准”",
        "“只有高标准才有高质量”；“谁制定标准”",
    );
    fixed("93.2%;目标", "93.2%；目标");
}

#[test]
fn spaces_beside_a_changed_mark_go() {
    fixed("你好 , 世界", "你好，世界");
    fixed("标准 (试行) 的", "标准（试行）的");
    fixed("你好, world", "你好，world");
}

#[test]
fn figures_times_and_ratios_stay() {
    same("共1,234项");
    fixed("共1,234项,其中", "共1,234项，其中");
    same("合格率93.2%");
    same("10:30开会");
    fixed("时间:10:30", "时间：10:30");
    same("比例为1:2");
    same("比例为1 : 2");
    same("ISO 9001:2015标准");
}

#[test]
fn latin_text_stays() {
    same("This is an English sentence, with a colon: and (parentheses)!");
    same("He said “yes”, then left.");
    same("中文句子。This is English, really (it is).");
    // Parentheses around Latin text with spaces outside: Latin typography.
    same("蚂蚁集团是阿里巴巴 (BABA.N) 旗下子公司");
    same("(see ISO 9001)");
}

#[test]
fn parentheses_touching_or_enclosing_chinese_change_as_a_pair() {
    fixed("下载数据(CSV)", "下载数据（CSV）");
    fixed("(1)加强标准化工作", "（1）加强标准化工作");
    fixed("(2011—2020年)", "（2011—2020年）");
    fixed("((a))标准", "（（a））标准");
    // Unpaired: left alone.
    same("1)加强");
    same("标准(试行");
}

#[test]
fn addresses_stay() {
    same("见https://example.gov.cn/a,b?c=1;d(2)");
    fixed(
        "网址:https://example.gov.cn/a?b=1,下同",
        "网址：https://example.gov.cn/a?b=1,下同",
    );
    same("请发送至mailto:a@b.cn;");
    same("访问www.example.cn/(x),谢谢");
    // In capitals too, and a `w` or `m` that starts no address changes nothing.
    same("访问WWW.EXAMPLE.CN/(x),谢谢");
    same("请发送至MAILTO:a@b.cn;");
    same("见HTTPS://EXAMPLE.GOV.CN/a,b");
    fixed("wm:标准,规划", "wm：标准，规划");
}

#[test]
fn nothing_to_do_is_cheap_and_exact() {
    same("");
    same("标准化工作改革发展");
    same("GB/T 37668-2019〔2017〕");
    same("已经是全角，：；（）！？");
}

fn html(markdown: &str, allow_raw_html: bool) -> String {
    crate::content::markdown::render_as_written(
        markdown,
        &crate::content::markdown::MarkdownOptions {
            allow_raw_html,
            punctuation: true,
        },
    )
    .html
}

#[test]
fn marks_across_emphasis_and_links_are_seen_in_their_sentence() {
    assert_eq!(
        html("**标准**,规划(**试行**)", false),
        "<p><strong>标准</strong>，规划（<strong>试行</strong>）</p>\n"
    );
    assert_eq!(
        html("见[标准,规划](https://a.cn/x,y(1)),谢谢", false),
        "<p>见<a href=\"https://a.cn/x,y(1)\">标准，规划</a>，谢谢</p>\n"
    );
    assert_eq!(
        html("![图表,2020年](a,b.png)", false),
        "<p><img src=\"a,b.png\" alt=\"图表，2020年\" /></p>\n"
    );
}

#[test]
fn code_raw_html_and_shortcodes_are_not_text() {
    assert_eq!(
        html("用`a,b`,再用\n\n```\n代码,不变\n```", false),
        "<p>用<code>a,b</code>，再用</p>\n<pre><code>代码,不变\n</code></pre>\n"
    );
    // Raw HTML, shown as text or let through, is never changed.
    assert!(html("<span title=\"标,题\">文,字</span>", true)
        .contains("<span title=\"标,题\">文，字</span>"));
    assert!(html("<b>(标)</b>", false).contains("&lt;b&gt;（标）&lt;/b&gt;"));
    let marker = crate::content::shortcodes::marker(0);
    assert_eq!(
        html(&format!("见{marker},如下"), false),
        format!("<p>见{marker}，如下</p>\n")
    );
}

#[test]
fn fixes_say_where_each_mark_is_written() {
    let markdown = "# 标题\n\n第一段,\n第二行:内容\\(转义)\n";
    let fixes = crate::content::markdown::punctuation_fixes(markdown);
    let at: Vec<&str> = fixes
        .iter()
        .map(|f| &markdown[f.offset..f.offset + 1])
        .collect();
    assert_eq!(at, [",", ":", "(", ")"]);
    // A few characters either side, as written and as published.
    assert_eq!(fixes[0].before, "第一段,第二行:内容");
    assert_eq!(fixes[0].after, "第一段，第二行：内容");
}
