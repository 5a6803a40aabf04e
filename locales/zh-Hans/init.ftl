# stdportal 的简体中文提示：stdportal init。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## stdportal init

init-folder-not-empty = 这个文件夹已经存在，而且不是空的
init-folder-not-empty-hint = 请换一个新的文件夹名：stdportal init my-portal
init-cannot-create-folder = 无法创建文件夹：{ $error }
init-cannot-write = 无法写入文件：{ $error }
init-cannot-make-workbook = 无法生成示例工作簿：{ $error }
