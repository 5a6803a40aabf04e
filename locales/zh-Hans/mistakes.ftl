# stdportal 的简体中文提示：输入法错误和 TOML 错误。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 输入法造成的 TOML 和 CSV 错误

mistake-double-quotes = { $key ->
        [none] 这里用了中文引号“”，请改成英文引号 ""
       *[other] { $key } 用了中文引号“”，请改成英文引号 ""
    }
mistake-single-quotes = { $key ->
        [none] 这里用了中文引号‘’，请改成英文引号 ""
       *[other] { $key } 用了中文引号‘’，请改成英文引号 ""
    }
mistake-closed-with-chinese-quote = { $key ->
        [none] 这段文字以英文引号 " 开头，却以中文引号 ” 结尾，请把结尾改成英文引号 "
       *[other] { $key } 以英文引号 " 开头，却以中文引号 ” 结尾，请把结尾改成英文引号 "
    }
mistake-equals = { $key ->
        [none] 这里用了全角等号＝，请改成英文等号 =
       *[other] { $key } 后面用了全角等号＝，请改成英文等号 =
    }
mistake-colon = { $key ->
        [none] 这里用了中文冒号：，请写成 名称 = 值，用英文等号 =
       *[other] { $key } 后面用了中文冒号：，请写成 { $key } = …，用英文等号 =
    }
mistake-comma = { $key ->
        [none] 这里用中文逗号，分隔各项，请改成英文逗号 ,
       *[other] { $key } 的各项用中文逗号，分隔，请改成英文逗号 ,
    }
mistake-brackets = { $key ->
        [none] 这里用了全角方括号［］，请改成英文方括号 [ ]
       *[other] { $key } 用了全角方括号［］，请改成英文方括号 [ ]
    }
mistake-csv-comma = 这一行用中文逗号，分隔各列，请改成英文逗号 ,
mistake-hash = 这条注释以全角＃开头，请改成英文 #
mistake-space = { $key ->
        [none] 这里有一个全角空格，请改成英文空格或删掉
       *[other] { $key } 后面有一个全角空格，请改成英文空格或删掉
    }
mistake-bom = { $key ->
        [none] 这里有一个看不见的字节顺序标记（U+FEFF），多半是粘贴进来的，请删掉它（把光标移到这里按 Delete）
       *[other] { $key } 里有一个看不见的字节顺序标记（U+FEFF），多半是粘贴进来的，请删掉它
    }
mistake-no-break-space = { $key ->
        [none] 这里有一个不换行空格（U+00A0），多半是从网页或 Word 粘贴来的，请改成普通空格或删掉
       *[other] { $key } 后面有一个不换行空格（U+00A0），多半是从网页或 Word 粘贴来的，请改成普通空格或删掉
    }
mistake-date-form = { $key } = { $written }：日期要用短横线分隔，请写成 { $key } = { $fix }
mistake-inner-quotes = { $key } 的文字里有英文引号 "，它会被当成文字的结尾：文字里的引号请用中文引号，写成 { $fix }

## TOML 解析错误的通俗说法

toml-duplicate-key = 这个名称写了两次
toml-duplicate-key-hint = 请只保留其中一行
toml-unknown-field = 这里没有“{ $field }”这一项
toml-unknown-field-hint = 可以写的项有：{ $fields }
toml-missing-field = 缺少“{ $field }”这一项
toml-missing-field-hint = 请加上一行 { $field } = …
toml-unknown-value = “{ $value }”不是这一项可以取的值
toml-unknown-value-hint = 请写其中之一：{ $values }
toml-wrong-type = 这里应当是{ $expected }，而不是{ $found }
toml-not-a-count = 这里应当是 0 或更大的整数，而不是 { $value }
toml-integer-range = 这里应当是 { $min } 到 { $max } 之间的整数，而不是 { $value }
toml-whole-number-hint = 只写数字，不加引号也不带小数点，例如 10
toml-unquoted-string = 这段文字没有加引号
toml-unquoted-string-hint = 文字要放在英文双引号里，例如 title = "关于……的通知"
toml-no-equals = 这个名称后面没有等号 =
toml-no-equals-hint = 每行写成 名称 = 值，例如 title = "…"
toml-unclosed-string = 这段文字的引号在本行没有闭合
toml-unclosed-string-hint = 请在同一行用英文引号 " 结束（多行文字请用 """ … """）
toml-missing-comma = 列表的两项之间缺少逗号
toml-missing-comma-hint = 各项之间用英文逗号分隔，例如 ["a", "b"]
toml-unclosed-array = 这个列表没有闭合
toml-unclosed-array-hint = 请用 ] 结束列表，例如 ["a", "b"]
toml-unclosed-table = 这个表名没有闭合
toml-unclosed-table-hint = 表名要在一行里写在方括号中，例如 [footer]
toml-extra-text = 这一行在值的后面还有多余的内容
toml-extra-text-hint = 每行只写一个 名称 = 值；注释写在 # 后面
toml-bad-key = 这个名称里有不能用的字符
toml-bad-key-hint = 名称只能用字母、数字、_ 和 -；其他文字请加引号，例如 "名称" = "…"
toml-bad-escape = 文字里的反斜杠 \ 开始了一个不存在的转义
toml-bad-escape-hint = 反斜杠请写成 \\，或者把文字放在单引号 '…' 里
toml-bad-date = 这个日期的写法不对
toml-bad-date-hint = 日期写成 2024-03-20（月和日各两位），或者加引号写成 "2024年3月20日"
toml-bad-number = 这个数字的写法不对
toml-bad-number-hint = 数字只写阿拉伯数字，小数点用英文句点，例如 97.5；前面不要加 0，不要千位分隔符（或者加引号写成 "13,375"）
toml-missing-value = 等号 = 后面没有值
toml-extra-comma = 这里多了一个逗号
toml-extra-comma-hint = 删掉这个逗号（{ "{" } … { "}" } 表里最后一项后面不加逗号）
toml-extra-equals = 这一行多了一个等号 =
toml-other = 这里不符合 TOML 的写法（{ $detail }）
value-kind-text = 加引号的文字
value-kind-integer = 整数
value-kind-number = 数字
value-kind-boolean = true 或 false
value-kind-list = 方括号 [ ] 里的列表
value-kind-table = 表
value-kind-date = 日期
value-kind-with-value = { $kind }（{ $value }）
