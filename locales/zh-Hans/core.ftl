# stdportal 的简体中文提示：问题的显示方式和常见错误。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 问题的显示方式

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: 错误：第 { $line } 行第 { $column } 列：{ $message }
diagnostic-at-line = { $file }:{ $line }: 错误：第 { $line } 行：{ $message }
diagnostic-in-file = { $file }: 错误：{ $message }
diagnostic-hint = 提示：{ $hint }
diagnostic-remark-at-line-column = { $file }:{ $line }:{ $column }: { $severity ->
        [warning] 提醒
       *[note] 说明
    }：第 { $line } 行第 { $column } 列：{ $message }
diagnostic-remark-in-file = { $file }: { $severity ->
        [warning] 提醒
       *[note] 说明
    }：{ $message }
diagnostic-not-shown = { $file }：这个文件还有 { $count } 个问题没有显示（只显示前 { $shown } 个）
diagnostic-not-shown-hint = 请先改正上面的问题再重新生成：往往是同一个错误（一列粘贴错了位置、表头改了）在每一行重复出现

## 常见的系统错误

io-not-found = 找不到这个文件或文件夹
io-permission-denied = 没有权限
io-already-exists = 已经存在
io-invalid-data = 文件不是有效的 UTF-8 文本
io-link-in-the-way = 路径上有一个链接（或者该是文件夹的地方是个文件），stdportal 从不顺着输出文件夹里的链接操作
