# stdportal 的简体中文提示：命令行帮助（stdportal --help）。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 命令和各个子命令的作用

help-about = 生成简繁双语的标准化门户网站
help-build = 把网站生成到 public/ 文件夹（简繁两种文字）
help-check = 在内存中生成网站，检查每个站内链接和 #锚点、相关文件和图片的替代文字
help-init = 在 DIR 中创建一个可以直接使用的新网站：配置、一个城市、一个页面和默认主题
help-serve = 在内存中生成网站并提供预览，页面实时刷新，每次改动后重新生成
help-help-command = 显示这个帮助，或者指定子命令的帮助

## 参数（$default：不写这个参数时用的值）

help-message-format = 提示信息的写法：human（句子）或 json（每行一个 JSON 对象，写到标准输出，供程序读取，见 docs/EVENTS.md）（默认：human）
help-quiet = 只说问题：不显示进度，也不显示总结
help-lang = 提示信息的语言：zh-Hans、zh-Hant 或 en（默认：先看 STDPORTAL_LANG，再看语言环境变量 LC_ALL、LC_MESSAGES、LANG）
help-help = 显示帮助
help-version = 显示版本
help-root = 网站文件夹，即存放 config.toml 的文件夹（默认：{ $default }）
help-drafts = 包括标记为 draft = true 的页面
help-future = 包括日期在今天以后的页面（定时发布的页面），用来提前预览
help-output = 输出文件夹（默认：ROOT/public）
help-base-url = 用这个公开网址代替 config.toml 里的 base_url
help-timings = 显示每个阶段用的时间和内存峰值
help-no-search = 不生成搜索索引（更快；搜索页面什么也找不到）
help-force = 生成到存有其他文件（不是 stdportal 写入的）的输出文件夹：这些文件会保留，与新网站路径相同的文件会被替换
help-in-place = 把有变化的文件逐个移入输出文件夹，而不是整个替换文件夹（输出文件夹是挂载点时自动这样做，例如 Docker 卷）
help-no-sync = 不等新网站写入磁盘就替换上去：磁盘慢时更快，但断电后输出文件夹里可能有空的或不完整的文件（只用于随时可以丢弃的预览）
help-dir = 要创建的文件夹（必须不存在或者是空的）
help-port = 监听的端口；被占用时用下一个空闲端口（0：任意空闲端口）（默认：{ $default }）
help-bind = 监听的地址；0.0.0.0 会让网络上的其他电脑也能访问网站（默认：{ $default }）
help-open = 在默认浏览器中打开网站

## 帮助里的标题

help-heading-usage = 用法：
help-heading-commands = 命令：
help-heading-arguments = 参数：
help-heading-options = 选项：
help-import = 把一个 Word 文件（.docx、.doc、.wps），或者一个文件夹里的所有 Word 文件，变成带元数据的 Markdown 页面，之后像其他页面一样编辑
help-import-source = Word 文件，或者放着 Word 文件的文件夹
help-import-to = 页面放在 content/ 里的哪个文件夹（默认：Word 文件在 content/ 里时放在它旁边，否则放在 content/）
help-import-dry-run = 不写入任何文件：逐项说明在文件里识别出了什么，以及将会写入哪些文件
help-import-force = 覆盖已经存在的页面（页面里修改过的内容会丢失）
help-gov = 再检查全国政府网站普查会判为不合格的地方（首页和栏目的更新、空栏目、页脚、meta 标签、年度报表）
help-date = 按这一天计算普查规则（年-月-日；默认今天）
