# stdportal 的简体中文提示：查找网站文件。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 查找网站文件

file-unreadable = 无法读取：{ $error }
link-outside-site = 这个链接指向网站以外的 { $target }
link-outside-site-hint = 请把文件复制到网站里，不要用链接
link-dangling = 这个链接指向的文件不存在
link-dangling-hint = 请删除这个链接，或者恢复它指向的文件
folder-unreadable = 无法读取这个文件夹：{ $error }
folder-link-outside-site = 这是指向网站以外的 { $target } 的链接：stdportal 只读取和发布网站里的文件
folder-link-outside-site-hint = 请把文件夹复制到网站里，不要用链接
