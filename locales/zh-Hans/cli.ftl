# stdportal 的简体中文提示：命令行。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 命令行

init-created = 已在 { $dir } 创建新网站。
init-next = 预览网站：  stdportal serve --root { $dir }
    然后在浏览器里打开 http://127.0.0.1:{ $port }/（每次保存文件，页面会自动更新；这个端口被占用时，serve 会显示实际的地址）
build-done = 已把 { $pages } 个页面（{ $files } 个文件）以简繁两种文字生成到 { $output }，用时 { $ms } 毫秒（繁体转换方案：{ $profile }）。
build-failed = 生成因 { $count } 个问题而停止；输出文件夹中原来的网站保持不变。
check-does-not-build = 网站无法生成：请先改正上面的问题。
check-external-links = 外部链接（只列出，不访问）：
scheduled-pages = { $count } 个页面定时发布，到日期才会生成（要提前预览，请运行 stdportal serve --future）：
scheduled-page = { $date }发布
check-external-on-pages = { $url }（{ $page } 和另外 { $more } 个页面）
check-summary = 检查了 { $pages } 个页面和 { $links } 个链接：{ $problems } 个问题，{ $external } 个外部链接，中文里有 { $marks } 个半角标点。
check-punctuation-fixed = 中文里的半角标点，发布时已改为全角（[typography] punctuation = true）；在源文件里也写成全角，源文件就和页面一致了：
check-punctuation-kept = 中文里的半角标点，按原样发布；在 config.toml 里设置 [typography] punctuation = true 可以把它们改成全角：
check-punctuation-file = { $file }：{ $marks } 个标点
check-source-warnings = 源文件提醒（网站已经生成；请逐条查看）：
check-source-notes = 源文件说明（读取时略去或改动的内容）：
gov-summary = 政府网站普查规则按 { $date } 计算：{ $failed ->
        [0] 全部合格
       *[other] { $failed } 项不合格
    }。
gov-date-bad = --date 的“{ $value }”不是日期
gov-date-bad-hint = 请写成年-月-日，例如 --date 2025-02-01
