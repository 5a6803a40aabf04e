# stdportal 的繁體中文提示：命令列。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 命令列

init-created = 已在 { $dir } 建立新網站。
init-next = 預覽網站：  stdportal serve --root { $dir }
    然後在瀏覽器裡開啟 http://127.0.0.1:{ $port }/（每次儲存檔案，頁面會自動更新；這個連接埠被佔用時，serve 會顯示實際的位址）
build-done = 已把 { $pages } 個頁面（{ $files } 個檔案）以簡繁兩種文字產生到 { $output }，耗時 { $ms } 毫秒（繁體轉換方案：{ $profile }）。
build-failed = 產生因 { $count } 個問題而停止；輸出資料夾中原來的網站保持不變。
check-does-not-build = 網站無法產生：請先改正上面的問題。
check-external-links = 外部連結（只列出，不造訪）：
scheduled-pages = { $count } 個頁面定時發布，到日期才會產生（要提前預覽，請執行 stdportal serve --future）：
scheduled-page = { $date }發布
check-external-on-pages = { $url }（{ $page } 和另外 { $more } 個頁面）
check-summary = 檢查了 { $pages } 個頁面和 { $links } 個連結：{ $problems } 個問題，{ $external } 個外部連結，中文裡有 { $marks } 個半形標點。
check-punctuation-fixed = 中文裡的半形標點，發布時已改為全形（[typography] punctuation = true）；在原始檔裡也寫成全形，原始檔就和頁面一致了：
check-punctuation-kept = 中文裡的半形標點，按原樣發布；在 config.toml 裡設定 [typography] punctuation = true 可以把它們改成全形：
check-punctuation-file = { $file }：{ $marks } 個標點
check-source-warnings = 來源檔案提醒（網站已經產生；請逐條檢視）：
check-source-notes = 來源檔案說明（讀取時略去或改動的內容）：
gov-summary = 政府網站普查規則按 { $date } 計算：{ $failed ->
        [0] 全部合格
       *[other] { $failed } 項不合格
    }。
gov-date-bad = --date 的「{ $value }」不是日期
gov-date-bad-hint = 請寫成年-月-日，例如 --date 2025-02-01
