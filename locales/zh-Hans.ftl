# stdportal 的简体中文提示。每条提示在 en.ftl 和 zh-Hant.ftl 里也有，占位符相同
# （src/i18n/tests.rs 里的测试会检查）。

## 问题的显示方式

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: 错误：第 { $line } 行第 { $column } 列：{ $message }
diagnostic-at-line = { $file }:{ $line }: 错误：第 { $line } 行：{ $message }
diagnostic-in-file = { $file }: 错误：{ $message }
diagnostic-hint = 提示：{ $hint }

## 常见的系统错误

io-not-found = 找不到这个文件或文件夹
io-permission-denied = 没有权限
io-already-exists = 已经存在
io-invalid-data = 文件不是有效的 UTF-8 文本

## config.toml

config-unreadable = 无法读取网站配置：{ $error }
config-unreadable-hint = 请在存放 config.toml 的文件夹里运行 stdportal，或者用 --root 指定网站文件夹
config-theme-bad = theme = "{ $theme }" 不是 themes/ 里的文件夹名：{ $problem }
config-theme-bad-hint = 请写 themes/ 里一个文件夹的名字，例如 theme = "default"
base-url-hint = 请这样写：base_url = "{ $example }"
base-url-option-hint = 请给出网站的公开网址，例如 --base-url { $example }
base-url-empty = base_url 是空的：它应当是网站的公开网址，例如 { $example }
base-url-spaces = base_url "{ $url }" 里有空格或控制字符
base-url-scheme = base_url "{ $url }" 必须以 http:// 或 https:// 开头
base-url-no-host = base_url "{ $url }" 缺少域名
base-url-invalid = base_url "{ $url }" 不是有效的网址：{ $error }
base-url-user = base_url "{ $url }" 不能包含用户名或密码
base-url-query = base_url "{ $url }" 不能包含“?”或“#”：它是网站页面的起始地址，页面路径会接在它后面
base-url-empty-folder = base_url "{ $url }" 的路径里有空的文件夹名（“//”）

## 命令行

init-created = 已在 { $dir } 创建新网站。
init-next = 构建它：  stdportal build --root { $dir }
build-done = 已把 { $pages } 个页面（{ $files } 个文件）以简繁两种文字构建到 { $output }，用时 { $ms } 毫秒（繁体转换方案：{ $profile }）。
build-failed = 构建因 { $count } 个问题而停止；输出文件夹中原来的网站保持不变。
check-does-not-build = 网站无法构建：请先改正上面的问题。
check-external-links = 外部链接（只列出，不访问）：
check-summary = 检查了 { $pages } 个页面和 { $links } 个链接：{ $problems } 个问题，{ $external } 个外部链接，中文里有 { $marks } 个半角标点。
check-punctuation-fixed = 中文里的半角标点，发布时已改为全角（[typography] punctuation = true）；在源文件里也写成全角，源文件就和页面一致了：
check-punctuation-kept = 中文里的半角标点，按原样发布；在 config.toml 里设置 [typography] punctuation = true 可以把它们改成全角：
check-punctuation-file = { $file }：{ $marks } 个标点

## Finding the site's files

file-unreadable = 无法读取：{ $error }
link-outside-site = 这个链接指向网站以外的 { $target }
link-outside-site-hint = 请把文件复制到网站里，不要用链接
link-dangling = 这个链接指向的文件不存在
link-dangling-hint = 请删除这个链接，或者恢复它指向的文件
folder-unreadable = 无法读取这个文件夹：{ $error }
folder-link-outside-site = 这是指向网站以外的 { $target } 的链接：stdportal 只读取和发布网站里的文件
folder-link-outside-site-hint = 请把文件夹复制到网站里，不要用链接

## Output paths and addresses

path-empty = 它是空的
path-empty-segment = 其中有空的部分（连着两个斜杠，或者以斜杠开头）
path-dot-segment = 其中有“.”或“..”部分，会指到所在文件夹以外
path-hidden = “{ $part }”以点开头，大多数服务器会把它隐藏
path-backslash = 其中有反斜杠
path-url-character = 其中有“{ $character }”，它在网址里另有含义
path-invisible = 其中有看不见的字符 { $code }
path-too-long = 其中一部分长 { $bytes } 字节（最多 { $max } 字节）
path-windows-name = “{ $name }”是 Windows 保留给设备的名字
path-no-letters = 其中没有可以组成网址的字母、汉字或数字

## Pages

content-missing = 没有 content 文件夹
content-missing-hint = 请建立 content/ 文件夹，把 Markdown 页面放进去（stdportal init 会生成一个示例）
page-empty-title = 页面的标题是空的
page-empty-title-hint = 请在前置信息里写上 title = "…"
file-utf16 = 文件保存成了 UTF-16 编码
file-utf16-hint = 请另存为 UTF-8 编码（记事本：另存为 → 编码：UTF-8）
file-binary = 这不是文本文件
file-binary-hint = 请把不是 Markdown 页面的文件移出 content/（图片放在 static/ 里）
file-not-utf8 = 文件不是有效的 UTF-8 编码
file-not-utf8-hint = 请把文件另存为 UTF-8 编码（它可能保存成了 GBK/GB18030）
page-same-url = 这个页面的网址 /{ $path } 和 { $other } 相同
page-same-url-hint = 请在其中一个页面的前置信息里换一个 slug
page-same-slug = { $other } 也用了 slug "{ $slug }"，related 指向它时会分不清是哪一个
page-same-slug-hint = 请给其中一个换一个 slug

## Front matter fields that become addresses

slug-contains = 其中有“{ $character }”
file-name-not-url = 文件名“{ $name }”不能用作网址的一部分：{ $problem }
file-name-not-url-hint = 请给文件改名，或者在前置信息里写 slug = "…"（用字母、数字和短横线，例如 rizhao-quality-plan）
slug-not-url = slug“{ $slug }”不能用作网址的一部分：{ $problem }
slug-not-url-hint = 请用字母、数字和短横线，例如 slug = "rizhao-quality-plan"
folder-not-url = 文件夹名“{ $folder }”不能用作网址的一部分：{ $problem }
folder-not-url-hint = 请给文件夹改名（用字母、数字和短横线）
topic-not-url = 主题“{ $topic }”无法变成网址：{ $problem }
topic-not-url-hint = 请用词语命名主题，例如 topics = ["标准化", "质量提升"]
taxonomy-not-url = 分类“{ $taxonomy }”无法变成网址：{ $problem }
taxonomy-not-url-hint = 请用一个词命名分类，例如在 [taxonomies] 下写 tags = ["…"]
term-not-url = 分类“{ $taxonomy }”中的“{ $term }”无法变成网址：{ $problem }
term-not-url-hint = 请用词语命名，例如 tags = ["标准化"]
issuer-not-url = 发布机构“{ $issuer }”无法变成网址：{ $problem }
issuer-not-url-hint = 请写机构名称，例如 issuer = "日照市市场监督管理局"
alias-bad-percent = 其中的 % 后面不是编码字符
alias-home = 它是网站的首页
alias-not-url = 旧地址“{ $alias }”不能用作本网站的地址：{ $problem }
alias-not-url-hint = 请从网站根目录写起旧地址，例如 aliases = ["/old/plan/"]
zola-field = stdportal 不支持 Zola 的“{ $field }”字段
zola-page-render = 请删除它：每个页面都会发布（写 draft = true 可以不发布）
zola-page-path = 请删除它：页面按所在文件夹和 slug 发布；可以设置 slug = "…"，并用 aliases = ["/old/path/"] 保留旧地址
zola-section-render = 请删除它：每个栏目都有自己的列表页
zola-section-redirect = 请删除它，并把这个栏目的旧地址写进目标页面或栏目的 aliases 里
zola-section-transparent = 请删除它：栏目只列出自己的页面；读者可以在信息公开目录里按年份、机构和类别找到所有页面
zola-section-paginate-path = 请删除它：列表的分页总是在 …/page/2/、…/page/3/
zola-section-anchor-links = 请删除它：标题总会有一个可供链接指向的 id
zola-section-feeds = 请删除它：网站有一个包含全部文件的 Atom 订阅（atom.xml）

## 输入法造成的 TOML 和 CSV 错误

mistake-double-quotes = { $key ->
        [none] 这里用了中文引号“”，请改成英文引号 ""
       *[other] { $key } 用了中文引号“”，请改成英文引号 ""
    }
mistake-single-quotes = { $key ->
        [none] 这里用了中文引号‘’，请改成英文引号 ""
       *[other] { $key } 用了中文引号‘’，请改成英文引号 ""
    }
mistake-closed-with-chinese-quote = { $key ->
        [none] 这段文字以英文引号 " 开头，却以中文引号 ” 结尾，请把结尾改成英文引号 "
       *[other] { $key } 以英文引号 " 开头，却以中文引号 ” 结尾，请把结尾改成英文引号 "
    }
mistake-equals = { $key ->
        [none] 这里用了全角等号＝，请改成英文等号 =
       *[other] { $key } 后面用了全角等号＝，请改成英文等号 =
    }
mistake-colon = { $key ->
        [none] 这里用了中文冒号：，请写成 键 = 值，用英文等号 =
       *[other] { $key } 后面用了中文冒号：，请写成 { $key } = …，用英文等号 =
    }
mistake-comma = { $key ->
        [none] 这里用中文逗号，分隔各项，请改成英文逗号 ,
       *[other] { $key } 的各项用中文逗号，分隔，请改成英文逗号 ,
    }
mistake-brackets = { $key ->
        [none] 这里用了全角方括号［］，请改成英文方括号 [ ]
       *[other] { $key } 用了全角方括号［］，请改成英文方括号 [ ]
    }
mistake-csv-comma = 这一行用中文逗号，分隔各列，请改成英文逗号 ,
mistake-hash = 这条注释以全角＃开头，请改成英文 #
mistake-space = { $key ->
        [none] 这里有一个全角空格，请改成英文空格或删掉
       *[other] { $key } 后面有一个全角空格，请改成英文空格或删掉
    }
mistake-bom = { $key ->
        [none] 这里有一个看不见的字节顺序标记（U+FEFF），多半是粘贴进来的，请删掉它（把光标移到这里按 Delete）
       *[other] { $key } 里有一个看不见的字节顺序标记（U+FEFF），多半是粘贴进来的，请删掉它
    }

## TOML 解析错误的通俗说法

toml-duplicate-key = 这个键写了两次
toml-duplicate-key-hint = 请只保留其中一行
toml-unknown-field = 这里没有“{ $field }”这个字段
toml-unknown-field-hint = 可以用的字段有：{ $fields }
toml-missing-field = 缺少“{ $field }”字段
toml-missing-field-hint = 请加上一行 { $field } = …
toml-unknown-value = “{ $value }”不是这个字段可以取的值
toml-unknown-value-hint = 请写其中之一：{ $values }
toml-wrong-type = 这里应当是{ $expected }，而不是{ $found }
toml-unquoted-string = 这段文字没有加引号
toml-unquoted-string-hint = 文字要放在英文双引号里，例如 title = "关于……的通知"
toml-no-equals = 这个键后面没有等号 =
toml-no-equals-hint = 每行写成 键 = 值，例如 title = "…"
toml-unclosed-string = 这段文字的引号在本行没有闭合
toml-unclosed-string-hint = 请在同一行用英文引号 " 结束（多行文字请用 """ … """）
toml-missing-comma = 列表的两项之间缺少逗号
toml-missing-comma-hint = 各项之间用英文逗号分隔，例如 ["a", "b"]
toml-unclosed-array = 这个列表没有闭合
toml-unclosed-array-hint = 请用 ] 结束列表，例如 ["a", "b"]
toml-unclosed-table = 这个表名没有闭合
toml-unclosed-table-hint = 表名要在一行里写在方括号中，例如 [footer]
toml-extra-text = 这一行在值的后面还有多余的内容
toml-extra-text-hint = 每行只写一个 键 = 值；注释写在 # 后面
toml-bad-key = 这个键里有不能用于键名的字符
toml-bad-key-hint = 键名只能用字母、数字、_ 和 -；其他文字请加引号，例如 "名称" = "…"
toml-bad-escape = 文字里的反斜杠 \ 开始了一个不存在的转义
toml-bad-escape-hint = 反斜杠请写成 \\，或者把文字放在单引号 '…' 里
value-kind-text = 加引号的文字
value-kind-integer = 整数
value-kind-number = 数字
value-kind-boolean = true 或 false
value-kind-list = 方括号 [ ] 里的列表
value-kind-table = 表
value-kind-date = 日期
value-kind-with-value = { $kind }（{ $value }）

## serve

serve-not-a-folder = 这不是一个文件夹
serve-not-a-folder-hint = 请指定存放 config.toml 的文件夹：stdportal serve --root 文件夹
serve-cannot-start = 无法启动预览服务器
serve-built = 已在内存中生成 { $pages } 个页面（{ $files } 个文件），用时 { $ms } 毫秒。
serve-first-build-failed = 生成失败：改好以前每个页面都会显示这个错误；文件一有改动就会重新生成。
serve-no-ctrl-c = 无法接收 Ctrl-C
serve-serving = 预览地址 { $url }（按 Ctrl-C 停止）
serve-bind-warning = 注意：--bind { $bind } 会让这台电脑所在的所有网络都能访问预览。
serve-no-watch = 注意：无法监视网站文件（{ $error }），改动后不会自动重新生成。
serve-stopped-error = 预览服务器停止了
serve-stopped = 已停止。
serve-css-unchanged = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：没有样式表变化
serve-css-reloaded = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：{ $files }
serve-pages-changed = { $pages ->
        [0] 没有页面变化
       *[other] { $pages } 个页面有变化
    }
serve-other-files = （另有 { $files } 个其他文件）
serve-error-fixed = ；错误已改好
serve-rendered-again = { $routes ->
        [one] （只重新生成了这一页）
       *[other] （重新生成了 { $routes } 个页面）
    }
serve-rebuilt = { $what } 有改动，已在 { $ms } 毫秒内重新生成：{ $summary }
serve-rebuild-failed = { $what } 有改动，重新生成失败（用时 { $ms } 毫秒）；仍在提供上一次成功生成的网站。
serve-changed-nothing = 无
serve-changed-more = { $first } 等 { $more } 个文件
serve-cannot-listen = 无法在 { $address }:{ $port } 上监听
serve-cannot-listen-hint = 请用 --bind 换一个地址，或用 --port 换一个端口
serve-ports-taken = { $address } 上的端口 { $first } 到 { $last } 都被占用了
serve-ports-taken-hint = 请用 --port 换一个端口（0 表示由系统选择）

## check

check-outside-base-path = 网站路径 { $base_path } 以外：{ $path }
check-danger = 生成的页面里：{ $what }
check-danger-from = 生成的页面里：{ $what }（来自 { $source }）
check-danger-from-line = 生成的页面里：{ $what }（来自 { $source } 第 { $line } 行）
check-link-outside = 链接“{ $link }”指向{ $reason }
check-link-outside-hint = 站内链接请以网站路径开头，或者写成相对于本页的地址
check-link-missing = 链接“{ $link }”指向的页面不存在
check-link-missing-hint = 请改正地址，或者建立它指向的页面
check-anchor-missing = 链接“{ $link }”指向锚点 #{ $anchor }，但 { $file } 里没有这个锚点
check-anchor-missing-hint = 锚点由标题文字生成：请检查标题的写法
check-image-no-alt = 图片“{ $src }”没有替代文字
check-image-no-alt-hint = 请为看不到图片的读者描述它：![描述](图片.png)
check-related-not-linked = 页面没有链接到它的相关文件 { $other }
check-related-not-linked-hint = 页面模板必须显示 page.related

## Data tables

data-field-column = “{ $name }”列
data-field-key = “{ $name }”项
data-in-sheet-column = 工作表“{ $sheet }”的 { $letters } 列“{ $name }”：{ $message }
data-in-sheet = 工作表“{ $sheet }”：{ $message }
data-in-field = { $field }：{ $message }

## Data cross-checks

data-city-hint-none = 请把这个城市加到 data/cities 里（网站里还没有城市）
data-city-hint = 是不是“{ $near }”？本网站的城市有：{ $cities }；或者把这个城市加到 data/cities 里
data-unknown-indicator-near = 是不是“{ $near }”？请用 data/indicators 里 { $city } 的指标 id
data-unknown-indicator-hint = 请用 data/indicators 里 { $city } 的指标 id
data-unknown-indicator = 城市“{ $city }”没有指标“{ $id }”

## References between pages and data

page-unknown-city = 没有“{ $city }”这个城市
page-related-missing-near = 是不是“{ $near }”？请写另一个页面的 slug（它的文件名去掉 .md，或者它写的 slug = …）
page-related-missing-hint = 请写另一个页面的 slug（它的文件名去掉 .md，或者它写的 slug = …）
page-related-missing = 相关页面“{ $slug }”不存在
data-source-not-a-page = 来源文件“{ $document }”不是本网站的页面
data-source-not-a-page-hint = 请写给出这个数字的页面的 slug
data-plan-not-a-page = 规划“{ $plan }”不是本网站的页面
data-plan-not-a-page-hint = 请写规划页面的 slug
page-template-missing = 模板“{ $template }”不存在
page-template-missing-hint = 请用主题里的模板（page.html、section.html 等），或者把它加到 templates/ 里

## Front matter

front-matter-missing = 文件开头没有前置信息
front-matter-missing-hint = 文件第一行写 +++，接着写 title = "…"，再写一行 +++
front-matter-unclosed = 前置信息没有结束
front-matter-unclosed-hint = 请在前置信息最后一行后面加一行 +++

## The browser overlay of serve

overlay-title = 构建失败
overlay-note = 服务器仍提供上一次成功构建的页面。改好后这个提示会自动消失。
overlay-first-note = 网站还没有成功构建过。改好后这个页面会自动重新加载。
overlay-close = 关闭

## The site dictionary

dictionary-unreadable = 无法读取词表：{ $error }
dictionary-empty-phrase = 词表里有一条的词语是空的
