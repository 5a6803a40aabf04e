# stdportal 的繁體中文提示：問題的顯示方式和常見錯誤。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 問題的顯示方式

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: 錯誤：第 { $line } 行第 { $column } 欄：{ $message }
diagnostic-at-line = { $file }:{ $line }: 錯誤：第 { $line } 行：{ $message }
diagnostic-in-file = { $file }: 錯誤：{ $message }
diagnostic-hint = 提示：{ $hint }
diagnostic-remark-at-line-column = { $file }:{ $line }:{ $column }: { $severity ->
        [warning] 提醒
       *[note] 說明
    }：第 { $line } 行第 { $column } 欄：{ $message }
diagnostic-remark-in-file = { $file }: { $severity ->
        [warning] 提醒
       *[note] 說明
    }：{ $message }
diagnostic-not-shown = { $file }：這個檔案還有 { $count } 個問題沒有顯示（只顯示前 { $shown } 個）
diagnostic-not-shown-hint = 請先改正上面的問題再重新產生：往往是同一個錯誤（一欄貼錯了位置、標題改了）在每一列重複出現

## 常見的系統錯誤

io-not-found = 找不到這個檔案或資料夾
io-permission-denied = 沒有權限
io-already-exists = 已經存在
io-invalid-data = 檔案不是有效的 UTF-8 文字
io-link-in-the-way = 路徑上有一個連結（或者該是資料夾的地方是個檔案），stdportal 從不順著輸出資料夾裡的連結操作
