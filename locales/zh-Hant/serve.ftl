# stdportal 的繁體中文提示：預覽伺服器及其瀏覽器提示層。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## serve

serve-not-a-folder = 這不是一個資料夾
serve-not-a-folder-hint = 請指定存放 config.toml 的資料夾：stdportal serve --root 資料夾
serve-cannot-start = 無法啟動預覽伺服器：{ $error }
serve-built = 已在記憶體中產生 { $pages } 個頁面（{ $files } 個檔案），耗時 { $ms } 毫秒。
serve-first-build-failed = 產生失敗：改好以前每個頁面都會顯示這個錯誤；檔案一有改動就會重新產生。
serve-no-ctrl-c = 無法接收 Ctrl-C：{ $error }
serve-serving = 預覽地址 { $url }（按 Ctrl-C 停止）
serve-bind-warning = 注意：--bind { $bind } 會讓這臺電腦所在的所有網路都能造訪預覽。
serve-no-watch = 注意：無法監視網站檔案（{ $error }），改動後不會自動重新產生。
serve-stopped-error = 預覽伺服器停止了：{ $error }
serve-stopped = 已停止。
serve-css-unchanged = { $what } 有改動，{ $ms } 毫秒內重新載入了樣式表：沒有樣式表變化
serve-css-reloaded = { $what } 有改動，{ $ms } 毫秒內重新載入了樣式表：{ $files }
# $pages：有變化的頁面數；$others：有變化的其他檔案數；$fixed：上一次產生失敗時為 yes；
# $routes：重新產生的頁面數，全部重新產生時為 none。
serve-rebuilt = { $what } 有改動，已在 { $ms } 毫秒內重新產生：{ $pages ->
        [0] 沒有頁面變化
       *[other] { $pages } 個頁面有變化
    }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 個其他檔案）
    }{ $fixed ->
        [yes] ；錯誤已改好
       *[no] {""}
    }{ $routes ->
        [none] {""}
        [1] （只重新產生了這一頁）
       *[other] （重新產生了 { $routes } 個頁面）
    }
serve-rebuild-failed = { $what } 有改動，重新產生失敗（耗時 { $ms } 毫秒）；仍在提供上一次成功產生的網站。
serve-rebuild-refused = { $what } 有改動，重新產生失敗（耗時 { $ms } 毫秒）：有檔案被拒絕讀取，改好以前不提供任何頁面。
serve-changed-nothing = 無
serve-changed-more = { $first } 等 { $more } 個檔案
serve-cannot-listen = 無法在 { $address }:{ $port } 上監聽：{ $error }
serve-cannot-listen-hint = 請用 --bind 換一個地址，或用 --port 換一個埠
serve-ports-taken = { $address } 上的埠 { $first } 到 { $last } 都被佔用了
serve-ports-taken-hint = 請用 --port 換一個埠（0 表示由系統選擇）
# $why 是 serve-connection-limit-reached 或 serve-cannot-accept。
serve-connection-limit-reached = 已達到連線數上限
serve-cannot-accept = 無法接受連線（{ $error }）
serve-connections-kept = 注意：{ $why }：最多保持 { $max } 個連線，閒置最久的連線會被關閉，為新連線騰出位置（此提示只顯示一次）。
serve-connections-kept-limit = 注意：{ $why }：最多保持 { $max } 個連線（開啟檔案數上限為 { $files }），閒置最久的連線會被關閉，為新連線騰出位置（此提示只顯示一次）。
serve-streams-capped = 注意：已有 { $max } 個頁面在等待即時重新整理，這是上限：等待最久的頁面會停止等待，為新頁面騰出位置，之後它會自動重新連線（此提示只顯示一次）。
serve-refused-more-hosts = 又拒絕了一些存取其他主機名稱的請求（不再逐一記錄）。
# $addresses 是 serve-addresses 或 serve-addresses-exposed。
serve-refused-host = 拒絕了存取主機名稱“{ $host }”的請求：預覽只在 { $addresses } 回應（為防止 DNS 重新綁定攻擊）。
serve-address-separator = 、
serve-addresses = { $urls } 或 { $last }
serve-addresses-exposed = { $urls } 或這臺電腦的任何 IP 位址（埠 { $port }）
serve-panic-unknown-cause = 原因不明
serve-build-panicked = 內部錯誤：產生網站時程式當機（panic）：{ $cause }
serve-build-panicked-hint = 這是 stdportal 的程式錯誤；預覽伺服器會繼續提供上一次成功產生的網站
serve-no-watcher-thread = 無法啟動監視執行緒：{ $error }
serve-watch-error = 注意：監視網站檔案時出錯：{ $error }
serve-cannot-watch = 注意：無法監視 { $path }：{ $error }

## serve 的瀏覽器提示層

overlay-title = 產生失敗
overlay-note = 伺服器仍提供上一次成功產生的頁面。改好後這個提示會自動消失。
overlay-first-note = 網站還沒有成功產生過。改好後這個頁面會自動重新載入。
overlay-withheld-note = 有檔案被拒絕讀取，所以不再顯示上一次成功產生的頁面（其中可能有這個檔案以前的內容）。改好後這個頁面會自動重新載入。
overlay-close = 關閉

## serve 自己回覆瀏覽器的內容（純文字，以及找不到地址時的頁面）

serve-too-many-connections = 503 Service Unavailable：預覽伺服器開啟的連線太多，請稍後再試。
serve-two-host-headers = 400 Bad Request：請求裡有不止一個 Host 標頭。
serve-no-host-header = 400 Bad Request：HTTP/1.1 請求必須有 Host 標頭。
serve-refused-host-page =
    403 Forbidden：這個 stdportal 預覽不回應主機名稱“{ $host }”。
    請造訪 { $addresses }。
    為防止 DNS 重新綁定攻擊，其他主機名稱都會被拒絕。
serve-not-found-title = 找不到頁面
serve-not-found-home = 返回首頁
