# stdportal 的简体中文提示：输出路径和网址。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 输出路径和网址

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

## 占用网址的是什么（完整的名词短语：下面的提示把它放进句子里）

output-claimant-this-page = 这个页面
output-claimant-page = 页面“{ $file }”
output-claimant-in-file = { $what }（{ $file }）
output-claimant-script-pages = { $script }页面
output-claimant-search-index = 搜索索引
output-claimant-city-download = 城市“{ $city }”的成果下载文件
output-claimant-atom = Atom 订阅
output-claimant-robots = robots.txt 文件
output-claimant-sitemap = 站点地图（sitemap.xml）
output-claimant-static = 静态文件
output-claimant-page-file = 发布在这个页面旁的文件 { $name }（它的原件或 Word 文件里的图片）
output-claimant-content-file = 页面旁边的文件
output-claimant-alias = 旧地址“/{ $alias }”
output-claimant-cities = 内置的城市列表
output-claimant-city = 城市“{ $city }”
output-claimant-indicator = 城市“{ $city }”的指标“{ $indicator }”
output-claimant-dashboard = 内置的仪表盘（目标进展总览）
output-claimant-topics = 内置的主题列表
output-claimant-taxonomy = 分类“{ $taxonomy }”
output-claimant-taxonomy-terms = 分类“{ $taxonomy }”的词条列表
output-claimant-catalogue = 内置的信息公开目录
output-claimant-site-map = 内置的网站地图页面
output-claimant-search = 内置的搜索页面
output-claimant-not-found = 内置的“页面未找到”页面（404.html）
# 列表的页面：$which 为 "first" 时是列表的第一页，为 "later" 时是第 2、3 …… 页
output-claimant-home = { $which ->
    [later] 首页列表中的一页
   *[first] 首页
}
output-claimant-section = { $which ->
    [later] 栏目列表中的一页
   *[first] 栏目
}
output-claimant-folder = { $which ->
    [later] 文件夹列表中的一页
   *[first] 文件夹
}
output-claimant-topic = { $which ->
    [later] 主题“{ $topic }”列表中的一页
   *[first] 主题“{ $topic }”
}
output-claimant-term = { $which ->
    [later] 分类“{ $taxonomy }”中的“{ $term }”列表中的一页
   *[first] 分类“{ $taxonomy }”中的“{ $term }”
}
output-claimant-issuer = { $which ->
    [later] 发布机构“{ $issuer }”列表中的一页
   *[first] 发布机构“{ $issuer }”
}
output-claimant-city-documents = { $which ->
    [later] 城市“{ $city }”文件列表中的一页
   *[first] 城市“{ $city }”的文件列表
}
output-claimant-catalogue-list = { $which ->
    [later] 信息公开目录列表中的一页
   *[first] 信息公开目录
}

## 发生冲突时编辑可以怎么做

output-hint-page = 请在页面的前置信息里换一个页面地址名（页面地址名 = "…"），或者把它移到别的文件夹
output-hint-alias = 请修改或删除这个旧地址
output-hint-city-id = 请修改城市的 id
output-hint-indicator-id = 请修改指标的 id
output-hint-static = 请给这个静态文件改名或删除它；另一个文件由 stdportal 自己生成
output-hint-page-file = 请给 Word 或 PDF 文件改名，或者给网址相同的另一个文件改名
output-hint-content-file = 请给页面旁边的这个文件改名或移走，或者改掉占用这个地址的页面
output-hint-section = 请给栏目的文件夹改名
output-hint-folder = 请给文件夹改名
output-hint-topic = 请在每个页面上用同样的写法写这个主题，或者给它换个名字
output-hint-term = 请在每个页面上用同样的写法写这个词条，或者给分类改名
output-hint-issuer = 请在每个页面上用同样的写法写发布机构
output-hint-list = 请给使用这个网址的页面或文件夹改名

## 两者占用同一个网址

output-clash-same-address = { $first }和{ $second }都要占用网址 /{ $address }
output-clash-case = { $first }和{ $second }冲突：网址 /{ $address } 和 /{ $other } 只有大小写或字符编码方式不同，许多服务器会把它们存成同一个文件
output-clash-reserved = { $first }和{ $second }冲突：/{ $path } 在 /{ $folder }/ 里，这个文件夹专门留给{ $owner }
output-clash-folder = { $first }和{ $second }冲突：/{ $path } 需要一个文件夹 /{ $file }/，但 /{ $file } 是一个文件
output-cannot-publish = { $what }无法发布在 /{ $path }：{ $problem }
output-cannot-publish-hint = 会成为网址的名字请只用字母、数字和短横线

## 输出文件夹

output-dangerous-hint = 请生成到一个单独的文件夹：不写 --output（网站会生成到 public/），或者指定一个新文件夹
output-is-the-site = 这是网站自己的文件夹：生成到这里会把生成的页面和 config.toml、content/、data/ 混在一起
output-holds-the-site = 这个文件夹包含网站本身（{ $site }），生成的页面会和网站的源文件混在一起
output-in-sources = 这是在存放网站源文件的 { $folder }/ 里面：生成的页面会变成下一次生成的源文件
output-is-home = 这是你的主文件夹（或者包含它）
output-not-a-folder = 输出位置上已经有一个文件，不是文件夹
output-not-a-folder-hint = 请删除它，或者用 --output DIR 另选一个输出文件夹
output-unreadable = 无法读取输出文件夹：{ $error }
output-unreadable-hint = 请确认你有权读写它，或者用 --output DIR 另选一个输出文件夹
output-foreign = 这个文件夹里已经有不是 stdportal 写入的文件（{ $files }），所以没有动它
output-foreign-hint = 请生成到一个新的或空的文件夹；如果里面只有这个网站以前生成的结果，请先删除它；或者加上 --force 照样生成到这里（其中的其他文件会保留）
# 提示里列出几个文件名时，名字之间的分隔符（thesis.docx、photos/）
output-name-separator = 、
output-foreign-in-the-way = 新网站要用这个位置，但这里有一个不是 stdportal 写入的{ $kind ->
    [folder] 文件夹
   *[file] 文件
}
output-foreign-in-the-way-hint = 请把它移出输出文件夹（要发布的文件应放在 static/ 里）
output-foreign-in-the-way-force-hint = 请把它移出输出文件夹（要发布的文件应放在 static/ 里），或者用 --force 生成来替换它
output-waiting = 另一次 stdportal 生成正在写入 { $output }（进程 { $process }），等它完成……
output-waiting-unknown = 另一次 stdportal 生成正在写入 { $output }，等它完成……

## 写入网站

output-refused-file = stdportal 拒绝写入这个文件：{ $problem }
output-refused-file-hint = 这是主题或 stdportal 的缺陷，请报告它
output-write-failed = 无法写入网站：{ $error }
output-write-permission-hint = 请确认你有权写入这个文件夹，或者用 --output DIR 另选一个输出文件夹
output-write-disk-full-hint = 磁盘已满：请腾出一些空间后重新生成
output-write-too-large-hint = 有个文件超过了系统允许 stdportal 写入的大小（见 `ulimit -f`）：请提高这个限制后重新生成
output-write-other-hint = 原来的网站保持不变；请解决问题后重新生成
# stdportal check：由 stdportal 或主题生成的页面（不来自 content/ 里的文件）中的问题
output-generated-page = （生成的页面）{ $page }

## 不是 stdportal 自己的发布记录和记账文件

output-journal-skipped = { $journal } 第 { $line } 行没有执行：{ $why }
output-journal-skipped-more = { $journal }：另有 { $count } 行没有执行
output-journal-why-link = “{ $path }”是一个链接或经过链接，stdportal 从不顺着输出文件夹里的链接操作
output-journal-why-path = “{ $path }”不是 stdportal 会写入的路径
output-journal-why-not-file = “{ $path }”不是文件
output-journal-why-line = 这一行既不是删除（“-”）也不是移入（“+”）
output-journal-why-text = 这一行不是 UTF-8 文本
output-own-entry-replaced = { $path } 不是 stdportal 放在那里的东西（是链接、管道或别的类型），已把它删除；它指向的内容没有动
output-manifest-not-a-file = 已发布文件的清单（{ $path }）是链接、文件夹或管道，不是文件
output-manifest-not-a-file-hint = 请删除它；如果这个文件夹里只有这个网站以前生成的结果，也请删除这个文件夹，然后重新生成
output-own-file-too-large = { $file } 超过 { $limit } MB：stdportal 从不写这么大的这种文件
