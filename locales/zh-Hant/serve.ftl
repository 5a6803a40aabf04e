# stdportal 的繁體中文提示：預覽伺服器及其瀏覽器提示層。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## serve

serve-not-a-folder = 這不是一個資料夾
serve-not-a-folder-hint = 請指定存放 config.toml 的資料夾：stdportal serve --root 資料夾
serve-cannot-start = 無法啟動預覽伺服器
serve-built = 已在記憶體中產生 { $pages } 個頁面（{ $files } 個檔案），耗時 { $ms } 毫秒。
serve-first-build-failed = 產生失敗：改好以前每個頁面都會顯示這個錯誤；檔案一有改動就會重新產生。
serve-no-ctrl-c = 無法接收 Ctrl-C
serve-serving = 預覽地址 { $url }（按 Ctrl-C 停止）
serve-bind-warning = 注意：--bind { $bind } 會讓這臺電腦所在的所有網路都能造訪預覽。
serve-no-watch = 注意：無法監視網站檔案（{ $error }），改動後不會自動重新產生。
serve-stopped-error = 預覽伺服器停止了
serve-stopped = 已停止。
serve-css-unchanged = { $what } 有改動，{ $ms } 毫秒內重新載入了樣式表：沒有樣式表變化
serve-css-reloaded = { $what } 有改動，{ $ms } 毫秒內重新載入了樣式表：{ $files }
serve-pages-changed = { $pages ->
        [0] 沒有頁面變化
       *[other] { $pages } 個頁面有變化
    }
serve-other-files = （另有 { $files } 個其他檔案）
serve-error-fixed = ；錯誤已改好
serve-rendered-again = { $routes ->
        [one] （只重新產生了這一頁）
       *[other] （重新產生了 { $routes } 個頁面）
    }
serve-rebuilt = { $what } 有改動，已在 { $ms } 毫秒內重新產生：{ $summary }
serve-rebuild-failed = { $what } 有改動，重新產生失敗（耗時 { $ms } 毫秒）；仍在提供上一次成功產生的網站。
serve-changed-nothing = 無
serve-changed-more = { $first } 等 { $more } 個檔案
serve-cannot-listen = 無法在 { $address }:{ $port } 上監聽
serve-cannot-listen-hint = 請用 --bind 換一個地址，或用 --port 換一個埠
serve-ports-taken = { $address } 上的埠 { $first } 到 { $last } 都被佔用了
serve-ports-taken-hint = 請用 --port 換一個埠（0 表示由系統選擇）

## serve 的瀏覽器提示層

overlay-title = 建置失敗
overlay-note = 伺服器仍提供上一次成功建置的頁面。改好後這個提示會自動消失。
overlay-first-note = 網站還沒有成功建置過。改好後這個頁面會自動重新載入。
overlay-close = 關閉
