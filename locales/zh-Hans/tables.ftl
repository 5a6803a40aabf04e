# stdportal 的简体中文提示：读取 CSV、TOML 表格和工作簿。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 表格的行和列

table-value-missing = 缺少“{ $name }”的值
table-value-missing-hint = 请填写这一行的 { $name }
table-not-a-year = “{ $text }”不是 { $first } 到 { $last } 之间的年份
table-not-a-year-hint = 请写年份，例如 2020（这里不写月和日）
table-unknown-column = 没有“{ $header }”这一列
table-unknown-column-hint = 这个表的列有：{ $columns }
# 提示里列出的一列及其中文表头：id（编号, 指标编号）
table-column-with-headers = { $column }（{ $headers }）
table-column-twice = “{ $header }”列出现了两次
table-same-column = “{ $first }”列和“{ $second }”列是同一列（{ $column }）
table-same-column-hint = 请只保留其中一列

## CSV 文件

table-bom-header-start = 列名“{ $text }”以一个看不见的字节顺序标记（U+FEFF）开头
table-bom-header-inside = 列名“{ $text }”在“{ $before }”后面有一个看不见的字节顺序标记（U+FEFF）
table-bom-value-start = 值“{ $text }”以一个看不见的字节顺序标记（U+FEFF）开头
table-bom-value-inside = 值“{ $text }”在“{ $before }”后面有一个看不见的字节顺序标记（U+FEFF）
table-bom-hint = 另存为“CSV UTF-8”的文件以字节顺序标记开头；它出现在文件中间，多半是把两个文件粘贴到了一起。请删掉这个值，重新输入
table-unclosed-quote = 一个以英文双引号开头的值没有闭合
table-unclosed-quote-hint = 请补上结尾的英文双引号 "（值里面的双引号要写两次：""）
table-header-repeated = 这一行重复了表头，像是把两个文件粘贴到了一起
table-header-repeated-after-bom = 这一行在一个看不见的字节顺序标记（U+FEFF）后面重复了表头，像是把两个文件粘贴到了一起
table-header-repeated-hint = 请删掉这一行，并检查它后面的各行是否属于这个文件
table-row-length = 这一行有 { $values } 个值，但表头有 { $columns } 列
table-row-length-hint = 请检查是否少了或多了逗号；含有逗号的值要放在英文双引号里
# $error 是 CSV 读取程序自己的英文说明。
table-csv-unreadable = 无法读取这一行 CSV：{ $error }
table-csv-unreadable-hint = 请检查每个开始一个值的英文双引号是否都闭合了

## CSV 文件的编码（$encoding 和 $other 是 UTF-8 或 GB18030）

table-utf16 = 这个文件保存成了 UTF-16
table-utf16-hint = 请在 Excel 里把它另存为“CSV UTF-8”或普通的“CSV”
table-mixed-encodings = 这个文件混用了两种编码：这一行是 { $other }（读作“{ $text }”），文件的其余部分是 { $encoding }
table-mixed-encodings-bom = 这个文件混用了两种编码：这一行是 { $other }（读作“{ $text }”），而文件以 UTF-8 字节顺序标记开头
table-mixed-encodings-hint = 多半是把以不同编码保存的文件中的行粘贴到了一起；请手动重新输入这一行，再把整个文件另存为“CSV UTF-8”
table-mixed-encodings-lines-hint = 多半是把以不同编码保存的文件中的行粘贴到了一起；请手动重新输入这些 { $other } 编码的行：{ $lines }，再把整个文件另存为“CSV UTF-8”
# 行号：3, 5, 9, 11, 12 等（另有 4 行）
table-line-list-more = { $lines } 等（另有 { $more } 行）
table-neither-encoding = 这一行既不是 UTF-8 也不是 GB18030 文本
table-neither-encoding-hint = 文件可能已损坏，或者以其他编码（例如 Big5）保存；请在 Excel/WPS 里打开它，把整个文件另存为“CSV UTF-8”
table-neither-encoding-lines-hint = 文件可能已损坏，或者以其他编码（例如 Big5）保存；请在 Excel/WPS 里打开它，把整个文件另存为“CSV UTF-8”（无法读取的行：{ $lines }）
table-encoding-unclear = 无法判断这个文件是 UTF-8 还是 GB18030：这一行按 UTF-8 读作“{ $utf8 }”，按 GB18030 读作“{ $gb18030 }”
table-encoding-unclear-hint = 请在 Excel/WPS 里把文件另存为“CSV UTF-8”（它的字节顺序标记会说明编码）
table-not-in-encoding = 这个文件不是 { $encoding } 文本
table-not-in-encoding-hint = 请在 Excel/WPS 里把它另存为“CSV UTF-8”

## 数字

table-not-a-number = “{ $text }”不是数字
table-not-a-number-hint = 请只写数字，例如 432 或 97.5（可以有千位分隔符或末尾的 %）
table-other-digits = “{ $text }”不是数字：它是用其他文字的数字写的
table-other-digits-hint = 请用数字 0–9 书写：{ $meant }
table-decimal-comma = “{ $text }”不是数字：逗号只能作千位分隔符，后面正好是三位数字
table-decimal-comma-hint = 是小数点吗？请写 { $meant }；千位写成 13,375 或 13375
table-bad-grouping = “{ $text }”不是数字：它的分隔符没有按千位分开
table-bad-grouping-hint = 千位分隔符后面每组正好三位数字，例如 1,234,567；或者只写数字（1234567），小数用小数点（93.2）
table-out-of-range = “{ $text }”超出范围：数字必须小于 1,000,000,000,000,000（10^15）
table-out-of-range-hint = 请检查是否打错了，或者把值粘贴到了别的列；很大的数额请用更大的单位（亿元而不是元）

## 工作簿（.xlsx、.xls、.ods）

# $error 是工作簿读取程序自己的英文说明。
table-workbook-unreadable = 无法读取这个工作簿：{ $error }
table-workbook-unreadable-hint = 请在 Excel 或 WPS 里打开它，重新保存为工作簿（.xlsx），或者把工作表另存为“CSV UTF-8”
table-sheet-unreadable = 无法读取这个工作簿的工作表“{ $sheet }”：{ $error }
table-value-without-header = 这个值所在的列没有表头
table-value-without-header-hint = 请在第一行给这一列写上表头，或者把这个值移到它所属的列
table-cell-duration = 这个单元格是一段时长（{ $duration }），不是日期也不是数字
table-cell-error = 这个单元格显示错误 { $error }
table-cell-error-hint = 请改正公式或直接输入值；stdportal 读取的是单元格显示的内容
table-cell-percent-unread = 这个单元格把保存的小数显示为百分数，但读不出它的数字格式，不能确定要发布的数值
table-cell-percent-unread-hint = 请把单元格格式设为“百分比”（设置单元格格式 → 百分比）后重新保存，或者直接输入数值（97% 写 97），把 % 写在单位列

## 工作簿：不读取的情况（SECURITY.md 列出了各项上限）

table-workbook-file-limit = 这个工作簿有 { $size } MB：超过 { $limit } MB 的工作簿不读取
table-workbook-split-hint = 工作簿里只保留门户要用的表格（删除其他工作表、图片和表格下面的空行），或者把很大的表格拆成几个文件，放在以表格命名的文件夹里，例如 data/observations/2023.xlsx 和 data/observations/2024.xlsx
table-workbook-unpacked-limit = 这个工作簿解压后有 { $size } MB：解压后超过 { $limit } MB 的工作簿不读取
table-workbook-part-limit = 这个工作簿的组成部分“{ $part }”解压后有 { $size } MB：超过 { $limit } MB 的组成部分不读取
table-workbook-parts-limit = 这个工作簿由 { $count } 个部分组成：超过 { $limit } 个不读取
table-workbook-ratio-limit = 这个工作簿的组成部分“{ $part }”解压后是存储大小的 { $ratio } 倍：表格软件最多压缩约 { $limit } 倍，所以不读取
table-workbook-damaged-hint = 这个文件不是 Excel、WPS 或 LibreOffice 原样保存的，或者是为了耗尽电脑内存而制作的；请在 Excel 或 WPS 里打开原文件重新保存，或者请发送人重新提供一份
table-workbook-cells-limit = 加上工作表“{ $sheet }”，这个工作簿中有值的单元格超过 { $limit } 个：超出的部分不读取
table-sheet-range-limit = 工作表“{ $sheet }”从 { $from } 延伸到 { $to }（{ $cells } 个单元格）：范围超过 { $limit } 个单元格的工作表不读取
table-sheet-range-limit-hint = { $to } 是不是有一个远离表格的多余值？请删除表格下面的行和右边的列（选中后右键“删除”）再保存；或者把很大的表格拆成几个文件，放在以表格命名的文件夹里
table-workbook-expanded-limit = { $what ->
        [formats] 这个工作簿的单元格格式
        [texts] 这个工作簿的文字
        [repeats] 这个工作簿中重复的行、单元格和空格
        [ranges] 这个工作簿的工作表（从第一个到最后一个单元格全部填满）
       *[rereads] 这个工作簿的组成部分被反复读取，
    }会占用 { $size } MB 内存：超过 { $limit } MB 不读取
table-workbook-expanded-limit-hint = { $what ->
        [formats] 这个工作簿有非常多不同的单元格格式：请全选单元格，清除格式（开始 → 清除 → 清除格式）后保存
        [repeats] 请删除表格后面的空行和空列（给整行或整列设置格式会让它们重复）后保存
       *[other] 请在 Excel 或 WPS 里打开它，重新保存为 .xlsx；工作簿里只保留门户要用的表格
    }
table-workbook-password = 这个工作簿设置了密码保护，没有密码无法读取其中的单元格
table-workbook-password-hint = 请另存一份没有密码的副本（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密），把这份副本放到 data/ 里
table-workbook-not-a-workbook = 这个文件名为 .{ $extension }，但它不是工作簿：{ $looks ->
        [empty] 它是空的
        [markup] 它是网页或 XML（有些系统“导出为 Excel”时导出的是网页）
        [text] 它是文字（是不是用工作簿的名字保存的 CSV 或文本表格？）
       *[other] 它的内容不是 Excel、WPS 或 OpenDocument 工作簿
    }
table-workbook-not-a-workbook-hint = { $looks ->
        [text] 如果它是 CSV，请把扩展名改为 .csv；否则请在 Excel 或 WPS 里打开，另存为工作簿（.xlsx）
       *[other] 请在 Excel 或 WPS 里打开它，另存为工作簿（.xlsx），或者把工作表另存为“CSV UTF-8”
    }
table-workbook-duplicate-parts = 这个工作簿中有两个同名的组成部分，不同的读取程序可能读到不同的内容
table-workbook-reader-failed = 工作簿读取程序读这个文件时停止了：文件损坏的方式出乎读取程序的预料

## TOML 表格

table-toml-bom = 这里有一个看不见的字节顺序标记（U+FEFF）
table-unknown-key = 没有“{ $name }”这个名称
table-unknown-row-key-hint = 每一行请写成一个 [[{ $key }]] 表
table-rows-not-a-list = “{ $key }”必须是由 [[{ $key }]] 表组成的列表
table-row-not-a-table = 每个 { $key } 都必须是一个表
table-value-is-a-list = 值不能是列表
table-unknown-key-hint = 这个表可以用的名称有：{ $keys }
