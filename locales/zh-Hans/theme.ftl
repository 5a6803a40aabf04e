# stdportal 的简体中文提示：主题：界面文字、模板和短代码。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 界面文字（主题的 i18n/zh-Hans.toml 和网站自己的）

labels-file-missing = 主题“{ $theme }”没有界面文字文件 { $file }
labels-file-missing-hint = 请把 themes/default/{ $file } 复制到这个主题里（stdportal init 会写出它），再修改想改的文字
labels-file-extra = stdportal 在这里只读取 { $file }，不读取 { $name }
labels-file-extra-hant-hint = 繁体页面显示的是 { $file } 里的界面文字，和页面的其他内容一起转换；要改变某个词语的转换方式，请把它加到 data/dictionary.toml 的 [to_hant] 里，并删除这个文件
labels-file-extra-hint = 请把界面文字写在 { $file } 里，并删除这个文件
labels-not-utf8 = 界面文字文件不是有效的 UTF-8 编码
labels-not-utf8-hint = 请把它另存为 UTF-8 编码
labels-syntax-hint = 请检查 TOML 写法：每行一条，写成 名称 = "文字"
labels-level-not-text = standard_levels 里的每个级别都必须是加引号的文字
labels-level-not-text-hint = 请给各个级别加上英文引号：["国际", "国家", …]
labels-levels-not-list = standard_levels 必须是级别的列表
labels-levels-not-list-hint = 请这样写：standard_levels = ["国际", "国家", …]
# $example 是默认主题文件里设置这条界面文字的那一行，或者是“none”。
label-missing = 缺少界面文字 { $key }
label-missing-hint = { $example ->
        [none] 请把它加到 { $file } 里
       *[other] 请把它加到 { $file } 里，例如照默认主题写 { $example }
    }
label-missing-site-hint = { $example ->
        [none] 请把它加到 { $file } 里（或者加到网站的 { $site_file } 里）
       *[other] 请把它加到 { $file } 里（或者加到网站的 { $site_file } 里），例如照默认主题写 { $example }
    }
label-not-text = 界面文字 { $name } 必须是加引号的文字
label-not-text-hint = 请写成 { $name } = "…"
label-unknown = 没有名为 { $name } 的界面文字
label-unknown-close-hint = 是不是要写 { $close }？可以用的名称就是 themes/default/{ $file } 里的那些
label-unknown-hint = 请用 themes/default/{ $file } 里的名称
label-template-unknown = 模板 { $template } 用了 labels.{ $label }，但没有这条界面文字
# 一条界面文字的占位符，作为一个名词短语，每个都带花括号，例如 {year}。
label-placeholder-list = { $count ->
        [1] { $first }
        [2] { $first } 和 { $second }
       *[other] { $first }、{ $second } 和 { $third }
    }
label-no-placeholders-hint = { $name } 没有占位符；要显示花括号本身，请写 { "{{" } 和 { "}}" }
label-placeholders-hint = { $name } 显示 { $placeholders }；要显示花括号本身，请写 { "{{" } 和 { "}}" }
label-unclosed-brace = 界面文字 { $name } 里有一个没有闭合的 { "{" }
label-stray-brace = 界面文字 { $name } 里有一个多余的 { "}" }，前面没有和它配对的 { "{" }
label-unknown-placeholder = 界面文字 { $name } 没有占位符 { $placeholder }
label-unknown-placeholder-shows = 界面文字 { $name } 没有占位符 { $placeholder }：它显示的是 { $placeholders }
label-unused-placeholders = 界面文字 { $name } 没有显示 { $placeholders }
label-unused-placeholders-hint = { $example ->
        [none] { $name } 必须显示 { $placeholders }，请参照默认主题
       *[other] { $name } 必须显示 { $placeholders }，例如 { $example }
    }

## 模板

theme-missing = 主题“{ $theme }”不在 themes/{ $theme }/ 里
theme-missing-hint = 请写 theme = "default"，或者把主题复制到 themes 文件夹里
template-not-utf8 = 模板不是有效的 UTF-8 编码
template-missing = 缺少模板 { $template }
template-missing-hint = 请从默认主题恢复它，或者把自己的模板放在 templates/ 里
# $detail 是 Tera 自己的英文说明；$template 是出错的模板，不知道是哪个时为“none”。
template-error = { $template ->
        [none] 模板有错误（Tera 的说明）：{ $detail }
       *[other] 模板 { $template } 有错误（Tera 的说明）：{ $detail }
    }
template-error-hint = 请修改模板；stdportal build 每次只报告遇到的第一个模板问题
# $cycle：各个模板，每个后面是它包含的模板：a.html → b.html → a.html
template-include-loop = 模板互相包含或继承，形成了循环：{ $cycle }
template-include-loop-hint = 请去掉其中一个 include（或 extends）；模板不能包含它自己
macro-calls-itself = { $template } 里的宏 { $name } 调用了它自己：{ $cycle }
macros-loop-in-file = { $template } 里的宏互相调用，形成了循环：{ $cycle }
macros-loop = 宏互相调用，形成了循环：{ $cycle }
macro-loop-hint = 宏不能直接或通过其他宏调用它自己：Tera 没有深度限制，生成会崩溃；请把各层分别写出来

## 页面里的短代码

shortcode-unclosed = 以 { "{{" } 开头的短代码没有用 { "}}" } 结束
shortcode-bad = “{ $call }”不是短代码：请这样写 { "{{" } indicator(city="rizhao", id="…") { "}}" }
shortcode-unknown = 没有名为“{ $name }”的短代码（没有模板 { $template }）
shortcode-no-indicator = { $places } 里没有城市“{ $city }”的指标“{ $id }”
shortcode-indicator-args = indicator 短代码需要写 city="…" 和 id="…"
