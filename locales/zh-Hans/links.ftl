# stdportal 的简体中文提示：页面的链接、图片和附件，以及写成文件夹的页面。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## links

link-missing = 链接“{ $link }”指向的“{ $target }”不存在：网站里没有这个页面或文件
link-image-missing = 图片“{ $link }”不存在：网站里没有文件“{ $target }”
link-missing-near = 最接近的是：{ $near }。链接页面请写 @/文件夹/页面.md，页面旁边的文件直接写文件名，static 里的文件写 /文件夹/文件.pdf
link-missing-hint = 链接页面请写 @/文件夹/页面.md，页面旁边的文件直接写文件名，static 里的文件写 /文件夹/文件.pdf
link-outside = 链接“{ $link }”指向了网站内容以外的地方
link-outside-hint = 链接只能指向网站里的页面和文件：页面写 @/文件夹/页面.md，文件放在页面旁边或 static 文件夹里
link-anchor-missing = 链接“{ $link }”指向 { $page } 的标题 #{ $anchor }，但那个页面没有这个标题
link-anchor-missing-here = 链接“{ $link }”指向的标题在本页不存在
link-anchor-near = 标题的锚点由标题文字生成；那个页面上最接近的是 #{ $near }
link-anchor-none = 标题的锚点由标题文字生成，那个页面没有标题：请直接链接到页面
link-file-leads-out = content 里的这个文件是指向 content 以外文件的链接，不会发布
link-file-leads-out-hint = 请把文件本身复制到 content（或 static）里，不要用链接
attachment-missing = 附件“{ $file }”不是网站里的文件（查找的是“{ $target }”）
attachment-missing-hint = 请把文件放在页面旁边（页面写成文件夹：文件夹/index.md 和它的文件）或 static 文件夹里，再写文件名、@/文件夹/文件.pdf 或 /文件夹/文件.pdf
attachment-missing-near = 最接近的是：{ $near }。请把文件放在页面旁边或 static 文件夹里，再写文件名、@/文件夹/文件.pdf 或 /文件夹/文件.pdf
attachment-is-a-page = 附件“{ $file }”是一个页面，不是文件
attachment-is-a-page-hint = 附件是读者下载的文件（PDF、Word、Excel 等）；页面请在正文里链接，或者写在 related 里
page-inside-bundle = 这个页面在文件夹 { $folder } 里，而这个文件夹是页面 { $page } 和它的文件
page-inside-bundle-hint = 有 index.md 的文件夹是一个页面：请把这个文件移出去，或者把 index.md 改名，让文件夹成为栏目
