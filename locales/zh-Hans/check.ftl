# stdportal 的简体中文提示：stdportal check。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

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
check-id-twice = { $page } 里有两个元素的 id 都是“{ $id }”：指向 #{ $id } 的链接和查找它的脚本只会找到第一个
check-id-twice-hint = 请给其中一个换一个 id：改掉页面 HTML 里写的 id，或者改一下标题的文字（主题用的 id，例如 main，在每个页面上都已经占用）
check-image-no-alt = 图片“{ $src }”没有替代文字
check-image-no-alt-hint = 请为看不到图片的读者描述它：![描述](图片.png)
check-related-not-linked = 页面没有链接到它的相关文件 { $other }
check-related-not-linked-hint = 页面模板必须显示 page.related
check-only-in-script = { $message }（只在{ $script }页面上）
check-also-on-pages = { $message }；另外 { $count } 个页面也一样：{ $pages }{ $more ->
        [0] {""}
       *[other] 等
    }
