# stdportal 的繁體中文提示：終端機上的進度，以及 JSON 事件另有的提示。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 工作的各個階段，進行時各佔終端機的一行

progress-read = 讀取
progress-render = 產生頁面並轉換繁體
progress-index = 搜尋索引
progress-publish = 發布
progress-check = 檢查頁面
progress-count-files = { $done }/{ $total } 個檔案
progress-count-pages = { $done }/{ $total } 個頁面
progress-took = { $seconds } 秒
progress-left = 還需約 { $seconds } 秒

## check --message-format json：一個半形標點作為提示

check-punctuation-changed = 發布時改為全形：{ $before } → { $after }
check-punctuation-would-change = 按原樣發布；改為全形是 { $before } → { $after }
