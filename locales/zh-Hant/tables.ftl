# stdportal 的繁體中文提示：讀取 CSV、TOML 表格和活頁簿。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 表格的列和欄

table-value-missing = 缺少“{ $name }”的值
table-value-missing-hint = 請填寫這一列的 { $name }
table-not-a-year = “{ $text }”不是 { $first } 到 { $last } 之間的年份
table-not-a-year-hint = 請寫年份，例如 2020（這裡不寫月和日）
table-unknown-column = 沒有“{ $header }”這一欄
table-unknown-column-hint = 這個表的欄有：{ $columns }
# 提示裡列出的一欄及其中文標題：id（編號, 指標編號）
table-column-with-headers = { $column }（{ $headers }）
table-column-twice = “{ $header }”欄出現了兩次
table-same-column = “{ $first }”欄和“{ $second }”欄是同一欄（{ $column }）
table-same-column-hint = 請只保留其中一欄

## CSV 檔案

table-bom-header-start = 欄名“{ $text }”以一個看不見的位元組順序標記（U+FEFF）開頭
table-bom-header-inside = 欄名“{ $text }”在“{ $before }”後面有一個看不見的位元組順序標記（U+FEFF）
table-bom-value-start = 值“{ $text }”以一個看不見的位元組順序標記（U+FEFF）開頭
table-bom-value-inside = 值“{ $text }”在“{ $before }”後面有一個看不見的位元組順序標記（U+FEFF）
table-bom-hint = 另存為“CSV UTF-8”的檔案以位元組順序標記開頭；它出現在檔案中間，多半是把兩個檔案貼在了一起。請刪掉這個值，重新輸入
table-unclosed-quote = 一個以英文雙引號開頭的值沒有閉合
table-unclosed-quote-hint = 請補上結尾的英文雙引號 "（值裡面的雙引號要寫兩次：""）
table-header-repeated = 這一行重複了標題列，像是把兩個檔案貼在了一起
table-header-repeated-after-bom = 這一行在一個看不見的位元組順序標記（U+FEFF）後面重複了標題列，像是把兩個檔案貼在了一起
table-header-repeated-hint = 請刪掉這一行，並檢查它後面的各列是否屬於這個檔案
table-row-length = 這一列有 { $values } 個值，但標題列有 { $columns } 欄
table-row-length-hint = 請檢查是否少了或多了逗號；含有逗號的值要放在英文雙引號裡
# $error 是 CSV 讀取程式自己的英文說明。
table-csv-unreadable = 無法讀取這一列 CSV：{ $error }
table-csv-unreadable-hint = 請檢查每個開始一個值的英文雙引號是否都閉合了

## CSV 檔案的編碼（$encoding 和 $other 是 UTF-8 或 GB18030）

table-utf16 = 這個檔案儲存成了 UTF-16
table-utf16-hint = 請在 Excel 裡把它另存為“CSV UTF-8”或普通的“CSV”
table-mixed-encodings = 這個檔案混用了兩種編碼：這一行是 { $other }（讀作“{ $text }”），檔案的其餘部分是 { $encoding }
table-mixed-encodings-bom = 這個檔案混用了兩種編碼：這一行是 { $other }（讀作“{ $text }”），而檔案以 UTF-8 位元組順序標記開頭
table-mixed-encodings-hint = 多半是把以不同編碼儲存的檔案中的列貼在了一起；請手動重新輸入這一行，再把整個檔案另存為“CSV UTF-8”
table-mixed-encodings-lines-hint = 多半是把以不同編碼儲存的檔案中的列貼在了一起；請手動重新輸入這些 { $other } 編碼的行：{ $lines }，再把整個檔案另存為“CSV UTF-8”
# 行號：3, 5, 9, 11, 12 等（另有 4 行）
table-line-list-more = { $lines } 等（另有 { $more } 行）
table-neither-encoding = 這一行既不是 UTF-8 也不是 GB18030 文字
table-neither-encoding-hint = 檔案可能已損壞，或者以其他編碼（例如 Big5）儲存；請在 Excel/WPS 裡開啟它，把整個檔案另存為“CSV UTF-8”
table-neither-encoding-lines-hint = 檔案可能已損壞，或者以其他編碼（例如 Big5）儲存；請在 Excel/WPS 裡開啟它，把整個檔案另存為“CSV UTF-8”（無法讀取的行：{ $lines }）
table-encoding-unclear = 無法判斷這個檔案是 UTF-8 還是 GB18030：這一行按 UTF-8 讀作“{ $utf8 }”，按 GB18030 讀作“{ $gb18030 }”
table-encoding-unclear-hint = 請在 Excel/WPS 裡把檔案另存為“CSV UTF-8”（它的位元組順序標記會說明編碼）
table-not-in-encoding = 這個檔案不是 { $encoding } 文字
table-not-in-encoding-hint = 請在 Excel/WPS 裡把它另存為“CSV UTF-8”

## 數字

table-not-a-number = “{ $text }”不是數字
table-not-a-number-hint = 請只寫數字，例如 432 或 97.5（可以有千位分隔符或末尾的 %）
table-other-digits = “{ $text }”不是數字：它是用其他文字的數字寫的
table-other-digits-hint = 請用數字 0–9 書寫：{ $meant }
table-decimal-comma = “{ $text }”不是數字：逗號只能作千位分隔符，後面正好是三位數字
table-decimal-comma-hint = 是小數點嗎？請寫 { $meant }；千位寫成 13,375 或 13375
table-bad-grouping = “{ $text }”不是數字：它的分隔符沒有按千位分開
table-bad-grouping-hint = 千位分隔符後面每組正好三位數字，例如 1,234,567；或者只寫數字（1234567），小數用小數點（93.2）
table-out-of-range = “{ $text }”超出範圍：數字必須小於 1,000,000,000,000,000（10^15）
table-out-of-range-hint = 請檢查是否打錯了，或者把值貼到了別的欄；很大的數額請用更大的單位（億元而不是元）

## 活頁簿（.xlsx、.xls、.ods）

# $error 是活頁簿讀取程式自己的英文說明。
table-workbook-unreadable = 無法讀取這個活頁簿：{ $error }
table-workbook-unreadable-hint = 請在 Excel 或 WPS 裡開啟它，重新儲存為活頁簿（.xlsx），或者把工作表另存為“CSV UTF-8”
table-sheet-unreadable = 無法讀取這個活頁簿的工作表“{ $sheet }”：{ $error }
table-value-without-header = 這個值所在的欄沒有標題
table-value-without-header-hint = 請在第一列給這一欄寫上標題，或者把這個值移到它所屬的欄
table-cell-duration = 這個儲存格是一段時長（{ $duration }），不是日期也不是數字
table-cell-error = 這個儲存格顯示錯誤 { $error }
table-cell-error-hint = 請改正公式或直接輸入值；stdportal 讀取的是儲存格顯示的內容
table-cell-percent-unread = 這個儲存格把儲存的小數顯示為百分比，但讀不出它的數值格式，不能確定要發布的數值
table-cell-percent-unread-hint = 請把儲存格格式設為“百分比”（儲存格格式 → 百分比）後重新儲存，或者直接輸入數值（97% 寫 97），把 % 寫在單位欄

## 活頁簿：不讀取的情況（SECURITY.md 列出了各項上限）

table-workbook-file-limit = 這個活頁簿有 { $size } MB：超過 { $limit } MB 的活頁簿不讀取
table-workbook-split-hint = 活頁簿裡只保留入口網站要用的表格（刪除其他工作表、圖片和表格下面的空白列），或者把很大的表格拆成幾個檔案，放在以表格命名的資料夾裡，例如 data/observations/2023.xlsx 和 data/observations/2024.xlsx
table-workbook-unpacked-limit = 這個活頁簿解壓縮後有 { $size } MB：解壓縮後超過 { $limit } MB 的活頁簿不讀取
table-workbook-part-limit = 這個活頁簿的組成部分“{ $part }”解壓縮後有 { $size } MB：超過 { $limit } MB 的組成部分不讀取
table-workbook-parts-limit = 這個活頁簿由 { $count } 個部分組成：超過 { $limit } 個不讀取
table-workbook-ratio-limit = 這個活頁簿的組成部分“{ $part }”解壓縮後是儲存大小的 { $ratio } 倍：試算表軟體最多壓縮約 { $limit } 倍，所以不讀取
table-workbook-damaged-hint = 這個檔案不是 Excel、WPS 或 LibreOffice 原樣儲存的，或者是為了耗盡電腦記憶體而製作的；請在 Excel 或 WPS 裡開啟原檔案重新儲存，或者請寄件人重新提供一份
table-workbook-cells-limit = 加上工作表“{ $sheet }”，這個活頁簿中有值的儲存格超過 { $limit } 個：超出的部分不讀取
table-sheet-range-limit = 工作表“{ $sheet }”從 { $from } 延伸到 { $to }（{ $cells } 個儲存格）：範圍超過 { $limit } 個儲存格的工作表不讀取
table-sheet-range-limit-hint = { $to } 是不是有一個遠離表格的多餘值？請刪除表格下面的列和右邊的欄（選取後按右鍵“刪除”）再儲存；或者把很大的表格拆成幾個檔案，放在以表格命名的資料夾裡
table-workbook-expanded-limit = { $what ->
        [formats] 這個活頁簿的儲存格格式
        [texts] 這個活頁簿的文字
        [repeats] 這個活頁簿中重複的列、儲存格和空格
        [ranges] 這個活頁簿的工作表（從第一個到最後一個儲存格全部填滿）
       *[rereads] 這個活頁簿的組成部分被反覆讀取，
    }會佔用 { $size } MB 記憶體：超過 { $limit } MB 不讀取
table-workbook-expanded-limit-hint = { $what ->
        [formats] 這個活頁簿有非常多不同的儲存格格式：請全選儲存格，清除格式（常用 → 清除 → 清除格式）後儲存
        [repeats] 請刪除表格後面的空白列和空白欄（給整列或整欄設定格式會讓它們重複）後儲存
       *[other] 請在 Excel 或 WPS 裡開啟它，重新儲存為 .xlsx；活頁簿裡只保留入口網站要用的表格
    }
table-workbook-password = 這個活頁簿設定了密碼保護，沒有密碼無法讀取其中的儲存格
table-workbook-password-hint = 請另存一份沒有密碼的副本（Excel：檔案 → 資訊 → 保護活頁簿 → 以密碼加密，清空密碼；WPS：檔案 → 文件加密），把這份副本放到 data/ 裡
table-workbook-not-a-workbook = 這個檔案名為 .{ $extension }，但它不是活頁簿：{ $looks ->
        [empty] 它是空的
        [markup] 它是網頁或 XML（有些系統“匯出為 Excel”時匯出的是網頁）
        [text] 它是文字（是不是用活頁簿的名稱儲存的 CSV 或文字表格？）
       *[other] 它的內容不是 Excel、WPS 或 OpenDocument 活頁簿
    }
table-workbook-not-a-workbook-hint = { $looks ->
        [text] 如果它是 CSV，請把副檔名改為 .csv；否則請在 Excel 或 WPS 裡開啟，另存為活頁簿（.xlsx）
       *[other] 請在 Excel 或 WPS 裡開啟它，另存為活頁簿（.xlsx），或者把工作表另存為“CSV UTF-8”
    }
table-workbook-duplicate-parts = 這個活頁簿中有兩個同名的組成部分，不同的讀取程式可能讀到不同的內容
table-workbook-reader-failed = 活頁簿讀取程式讀這個檔案時停止了：檔案損毀的方式出乎讀取程式的預料

## TOML 表格

table-toml-bom = 這裡有一個看不見的位元組順序標記（U+FEFF）
table-unknown-key = 沒有“{ $name }”這個名稱
table-unknown-row-key-hint = 每一列請寫成一個 [[{ $key }]] 表
table-rows-not-a-list = “{ $key }”必須是由 [[{ $key }]] 表組成的列表
table-row-not-a-table = 每個 { $key } 都必須是一個表
table-value-is-a-list = 值不能是列表
table-unknown-key-hint = 這個表可以用的名稱有：{ $keys }
