# stdportal 的繁體中文提示：輸入法錯誤和 TOML 錯誤。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 輸入法造成的 TOML 和 CSV 錯誤

mistake-double-quotes = { $key ->
        [none] 這裡用了中文引號“”，請改成英文引號 ""
       *[other] { $key } 用了中文引號“”，請改成英文引號 ""
    }
mistake-single-quotes = { $key ->
        [none] 這裡用了中文引號‘’，請改成英文引號 ""
       *[other] { $key } 用了中文引號‘’，請改成英文引號 ""
    }
mistake-closed-with-chinese-quote = { $key ->
        [none] 這段文字以英文引號 " 開頭，卻以中文引號 ” 結尾，請把結尾改成英文引號 "
       *[other] { $key } 以英文引號 " 開頭，卻以中文引號 ” 結尾，請把結尾改成英文引號 "
    }
mistake-equals = { $key ->
        [none] 這裡用了全形等號＝，請改成英文等號 =
       *[other] { $key } 後面用了全形等號＝，請改成英文等號 =
    }
mistake-colon = { $key ->
        [none] 這裡用了中文冒號：，請寫成 名稱 = 值，用英文等號 =
       *[other] { $key } 後面用了中文冒號：，請寫成 { $key } = …，用英文等號 =
    }
mistake-comma = { $key ->
        [none] 這裡用中文逗號，分隔各項，請改成英文逗號 ,
       *[other] { $key } 的各項用中文逗號，分隔，請改成英文逗號 ,
    }
mistake-brackets = { $key ->
        [none] 這裡用了全形方括號［］，請改成英文方括號 [ ]
       *[other] { $key } 用了全形方括號［］，請改成英文方括號 [ ]
    }
mistake-csv-comma = 這一行用中文逗號，分隔各欄，請改成英文逗號 ,
mistake-hash = 這條註解以全形＃開頭，請改成英文 #
mistake-space = { $key ->
        [none] 這裡有一個全形空格，請改成英文空格或刪掉
       *[other] { $key } 後面有一個全形空格，請改成英文空格或刪掉
    }
mistake-bom = { $key ->
        [none] 這裡有一個看不見的位元組順序標記（U+FEFF），多半是貼上進來的，請刪掉它（把游標移到這裡按 Delete）
       *[other] { $key } 裡有一個看不見的位元組順序標記（U+FEFF），多半是貼上進來的，請刪掉它
    }
mistake-no-break-space = { $key ->
        [none] 這裡有一個不換行空格（U+00A0），多半是從網頁或 Word 貼上的，請改成一般空格或刪掉
       *[other] { $key } 後面有一個不換行空格（U+00A0），多半是從網頁或 Word 貼上的，請改成一般空格或刪掉
    }
mistake-date-form = { $key } = { $written }：日期要用短橫線分隔，請寫成 { $key } = { $fix }
mistake-inner-quotes = { $key } 的文字裡有英文引號 "，它會被當成文字的結尾：文字裡的引號請用中文引號，寫成 { $fix }

## TOML 解析錯誤的通俗說法

toml-duplicate-key = 這個名稱寫了兩次
toml-duplicate-key-hint = 請只保留其中一行
toml-unknown-field = 這裡沒有“{ $field }”這個項目
toml-unknown-field-hint = 可以寫的項目有：{ $fields }
toml-missing-field = 缺少“{ $field }”這個項目
toml-missing-field-hint = 請加上一行 { $field } = …
toml-unknown-value = “{ $value }”不是這個項目可以取的值
toml-unknown-value-hint = 請寫其中之一：{ $values }
toml-wrong-type = 這裡應當是{ $expected }，而不是{ $found }
toml-not-a-count = 這裡應當是 0 或更大的整數，而不是 { $value }
toml-integer-range = 這裡應當是 { $min } 到 { $max } 之間的整數，而不是 { $value }
toml-whole-number-hint = 只寫數字，不加引號也不帶小數點，例如 10
toml-unquoted-string = 這段文字沒有加引號
toml-unquoted-string-hint = 文字要放在英文雙引號裡，例如 title = "關於……的通知"
toml-no-equals = 這個名稱後面沒有等號 =
toml-no-equals-hint = 每行寫成 名稱 = 值，例如 title = "…"
toml-unclosed-string = 這段文字的引號在本行沒有閉合
toml-unclosed-string-hint = 請在同一行用英文引號 " 結束（多行文字請用 """ … """）
toml-missing-comma = 列表的兩項之間缺少逗號
toml-missing-comma-hint = 各項之間用英文逗號分隔，例如 ["a", "b"]
toml-unclosed-array = 這個列表沒有閉合
toml-unclosed-array-hint = 請用 ] 結束列表，例如 ["a", "b"]
toml-unclosed-table = 這個表名沒有閉合
toml-unclosed-table-hint = 表名要在一行裡寫在方括號中，例如 [footer]
toml-extra-text = 這一行在值的後面還有多餘的內容
toml-extra-text-hint = 每行只寫一個 名稱 = 值；註解寫在 # 後面
toml-bad-key = 這個名稱裡有不能用的字元
toml-bad-key-hint = 名稱只能用字母、數字、_ 和 -；其他文字請加引號，例如 "名稱" = "…"
toml-bad-escape = 文字裡的反斜線 \ 開始了一個不存在的轉義
toml-bad-escape-hint = 反斜線請寫成 \\，或者把文字放在單引號 '…' 裡
toml-bad-date = 這個日期的寫法不對
toml-bad-date-hint = 日期寫成 2024-03-20（月和日各兩位），或者加引號寫成 "2024年3月20日"
toml-bad-number = 這個數字的寫法不對
toml-bad-number-hint = 數字只寫阿拉伯數字，小數點用英文句點，例如 97.5；前面不要加 0，不要千位分隔符（或者加引號寫成 "13,375"）
toml-missing-value = 等號 = 後面沒有值
toml-extra-comma = 這裡多了一個逗號
toml-extra-comma-hint = 刪掉這個逗號（{ "{" } … { "}" } 表裡最後一項後面不加逗號）
toml-extra-equals = 這一行多了一個等號 =
toml-other = 這裡不符合 TOML 的寫法（{ $detail }）
value-kind-text = 加引號的文字
value-kind-integer = 整數
value-kind-number = 數字
value-kind-boolean = true 或 false
value-kind-list = 方括號 [ ] 裡的列表
value-kind-table = 表
value-kind-date = 日期
value-kind-with-value = { $kind }（{ $value }）
