# stdportal 的简体中文提示：页面和前置元数据。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 页面

content-missing = 没有 content 文件夹
content-missing-hint = 请建立 content/ 文件夹，把 Markdown 页面放进去（stdportal init 会生成一个示例）
page-empty-title = 页面的标题是空的
page-empty-title-hint = 请在前置信息里写上 title = "…"
field-unknown = 前置信息里没有“{ $field }”这一项
field-unknown-hint = 可以写的项：{ $fields }
field-unknown-near = 是不是“{ $near }”？可以写的项：{ $fields }
field-twice = “{ $second }”和“{ $first }”是同一项，写了两次
field-twice-hint = 请只保留其中一行
field-missing = 缺少{ $field }这一项
field-missing-hint = 请加上一行 { $name } = "…"
field-list-separator = 、
file-utf16 = 文件保存成了 UTF-16 编码
file-utf16-hint = 请另存为 UTF-8 编码（记事本：另存为 → 编码：UTF-8）
file-binary = 这不是文本文件
file-binary-hint = 请把不是 Markdown 页面的文件移出 content/（图片放在 static/ 里）
file-not-utf8 = 文件不是有效的 UTF-8 编码
file-not-utf8-hint = 请把文件另存为 UTF-8 编码（它可能保存成了 GBK/GB18030）
page-same-url = 这个页面的网址 /{ $path } 和 { $other } 相同
page-same-url-hint = 请在其中一个页面的前置信息里换一个页面地址名（页面地址名 = "…"）
page-same-slug = { $other } 也用了页面地址名“{ $slug }”，相关文件指向它时会分不清是哪一个
page-same-slug-hint = 请给其中一个换一个页面地址名

## 成为网址的前置元数据字段

slug-contains = 其中有“{ $character }”
file-name-not-url = 文件名“{ $name }”不能用作网址的一部分：{ $problem }
file-name-not-url-hint = 请给文件改名，或者在前置信息里写 页面地址名 = "…"（用字母、数字和短横线，例如 rizhao-quality-plan）
slug-not-url = 页面地址名“{ $slug }”不能用作网址的一部分：{ $problem }
slug-not-url-hint = 请用字母、数字和短横线，例如 页面地址名 = "rizhao-quality-plan"
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
zola-field = stdportal 不支持 Zola 的“{ $field }”这一项
zola-page-render = 请删除它：每个页面都会发布（写 draft = true 可以不发布）
zola-page-path = 请删除它：页面按所在文件夹和页面地址名发布；可以设置 页面地址名 = "…"，并用 旧地址 = ["/old/path/"] 保留旧地址
zola-section-render = 请删除它：每个栏目都有自己的列表页
zola-section-redirect = 请删除它，并把这个栏目的旧地址写进目标页面或栏目的 aliases 里
zola-section-transparent = 请删除它：栏目只列出自己的页面；读者可以在信息公开目录里按年份、机构和类别找到所有页面
zola-section-paginate-path = 请删除它：列表的分页总是在 …/page/2/、…/page/3/
zola-section-anchor-links = 请删除它：标题总会有一个可供链接指向的 id
zola-section-feeds = 请删除它：网站有一个包含全部文件的 Atom 订阅（atom.xml）

## 前置元数据

front-matter-missing = 文件开头没有前置信息
front-matter-missing-hint = 文件第一行写 +++，接着写 title = "…"，再写一行 +++
front-matter-unclosed = 前置信息没有结束
front-matter-unclosed-hint = 请在前置信息最后一行后面加一行 +++

## 日期

date-invalid = “{ $text }”不是日期：请写成 2021、2021-10 或 2021-10-14（也可以写 2021年10月14日）
date-dotted = “{ $text }”用了点或斜杠分隔，日期请写成 { $fix }
date-year-out-of-range = “{ $text }”不是日期：年份 { $year } 不在 { $first } 到 { $last } 之间

## 页面不能发布的内容（脚本，以及会运行代码或离开网络的地址）

# 页面 HTML 里的一个元素：<{ $element } { $attribute }="{ $url }">。
danger-url-script = <{ $element } { $attribute }="{ $url }"> 被打开时会运行脚本
danger-url-data = <{ $element } { $attribute }="{ $url }"> 把整个文档放在了地址里（data:），浏览器可能把它当作单独的页面打开
danger-url-file = <{ $element } { $attribute }="{ $url }"> 指向某人自己电脑上的文件（file:），读者打不开
danger-event-handler = <{ $element } { $attribute }=…> 是事件处理属性，会在读者的浏览器里运行脚本
danger-srcdoc = <iframe srcdoc=…> 里装着一个完整的页面，可以运行脚本
danger-script = <script> 元素会在读者的浏览器里运行
danger-script-hint = 请删除它：页面不运行写在正文里的脚本（脚本应当放在主题的模板和 static/ 里）
danger-url-script-hint = 请改为链接到一个页面（https://… 或本网站的路径），或者删除这个链接
danger-url-data-hint = 请把文件放在 static/ 里，用它的路径链接；只有用 ![…](…) 或 <img src> 显示的 PNG、JPEG、GIF、WebP、AVIF、BMP 和 ICO 图片可以用 data:
danger-url-file-hint = 请把文件放在 static/ 里，用它在网站上的路径链接
# Markdown 里的链接或图片：$kind 是“link”或“image”。
link-unsafe-script = { $kind ->
        [image] 图片
       *[link] 链接
    }“{ $url }”被打开时会运行脚本
link-unsafe-data = { $kind ->
        [image] 图片
       *[link] 链接
    }“{ $url }”把整个文档放在了地址里（data:），浏览器可能把它当作单独的页面打开
link-unsafe-file = { $kind ->
        [image] 图片
       *[link] 链接
    }“{ $url }”指向某人自己电脑上的文件（file:），读者打不开
# $what 是上面 danger-… 或下面 raw-html-… 中的一句。
raw-html-danger = Markdown 里的 HTML：{ $what }
# 不在允许清单里的元素（src/content/markdown/allowlist.rs）；$why 是它的种类。
raw-html-element = { $why ->
        [base] <{ $element }> 会让页面上的所有链接和脚本都指向另一个地址
        [meta] <{ $element }> 可能把读者带到别的网站，或者改变页面的读取方式
        [link] <{ $element }> 会从别处给页面加载样式表或其他文件
        [style] <{ $element }> 会改变整个页面的样式，还能从别处加载文件
        [embed] <{ $element }> 会在页面里嵌入另一个页面或程序
        [form] <{ $element }> 是表单的一部分，页面正文不发布表单
        [foreign] <{ $element }>（直接写在页面里的 SVG 或 MathML）可能带有不受检查的脚本和链接
        [media] <{ $element }> 会播放或选用不受检查的文件
       *[other] <{ $element }> 不是页面发布的元素
    }
raw-html-element-hint = { $why ->
        [style] 请删除它：页面的样式来自主题的样式表（themes/…/static/style.css）
        [link] 请删除它：页面只加载主题的样式表和脚本
        [foreign] 请把图形作为文件放在 static/ 里，用 <img src="/….svg" alt="…"> 显示
        [media] 请把文件放在 static/ 里，用 <a href="/…"> 链接
       *[other] 请删除它，或者改用页面发布的元素来写：{ $allowed }
    }
raw-html-attribute = { $why ->
        [style] <{ $element } { $attribute }=…> 不会发布：页面的样式来自主题的样式表，而且 CSS 可以从别处加载文件
       *[other] <{ $element } { $attribute }=…> 不是页面发布的属性
    }
raw-html-attribute-hint = 请删除它；<{ $element }> 上可以写的属性有：{ $allowed }
raw-html-address = <{ $element } { $attribute }="{ $url }"> 不是页面可以链接的地址
raw-html-address-hint = 请写网址（https://…）、mailto: 或 tel:、本网站的路径或 #锚点
raw-html-id-twice = id="{ $id }" 在这个页面里已经用过了，指向 #{ $id } 的链接只会到达第一个
raw-html-id-twice-hint = 请给每个元素一个不同的 id
raw-html-unreadable = 无法像浏览器那样读懂（一个元素写在了它不能出现的地方，例如 <select><xmp>）
raw-html-unreadable-hint = 请把 HTML 写得简单一些：每个元素都在打开它的那个元素里面关闭
raw-html-too-deep = 同时打开的元素超过 { $most } 个（层层嵌套，或者打开后没有关闭）：浏览器不会按原样显示嵌套这么深的页面
raw-html-too-deep-hint = 请关闭每一个打开的元素（</div>、</span>…），并减少嵌套的层数
# $message 是这个文件的第一个问题；$places 是其他问题的 行:列。
unsafe-content-more = { $message }（这个文件里还有 { $count } 处，在 { $places }）

## 页面上显示的前置信息文字

# $field 是前置信息的名称（title、description…）；$code 是那个字符（U+202E）。
text-bidi-control = { $field } = "…" 里有一个看不见的文字方向控制符（{ $code }），它会让后面的文字在显示的地方（浏览器标签、页面标题、列表和订阅）颠倒过来
text-bidi-control-hint = 请删除它：它看不见，可以删除这一列的那个字符（或者重新输入这段文字）；页面会自己决定文字的方向
content-pdf-not-a-page = 这个 PDF 文件没有发布：页面由 Markdown（.md）或 Word（.docx）文件生成，不能由 PDF 生成，也没有页面链接它或把它列为附件
content-pdf-not-a-page-hint = 如果要提供 PDF 下载，请在它旁边放一个同名的页面（a.pdf 旁边放 a.md 或 a.docx：页面会在“下载原件”里列出它），或者在页面里链接它（[附件](a.pdf)），或者写进页面的附件（attachments）
content-debris-hint = 这是从 Word 粘贴来的：发布的页面里已经去掉了；也可以在文件里删除它，或者保留
