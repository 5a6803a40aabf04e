# stdportal 的繁體中文提示：config.toml。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## config.toml

config-unreadable = 無法讀取網站設定：{ $error }
config-unreadable-hint = 請在存放 config.toml 的資料夾裡執行 stdportal，或者用 --root 指定網站資料夾
config-theme-bad = theme = "{ $theme }" 不是 themes/ 裡的資料夾名：{ $problem }
config-theme-bad-hint = 請寫 themes/ 裡一個資料夾的名字，例如 theme = "default"
base-url-hint = 請這樣寫：base_url = "{ $example }"
base-url-option-hint = 請給出網站的公開網址，例如 --base-url { $example }
base-url-empty = base_url 是空的：它應當是網站的公開網址，例如 { $example }
base-url-spaces = base_url "{ $url }" 裡有空格或控制字元
base-url-scheme = base_url "{ $url }" 必須以 http:// 或 https:// 開頭
base-url-no-host = base_url "{ $url }" 缺少網域名稱
base-url-invalid = base_url "{ $url }" 不是有效的網址：{ $error }
base-url-user = base_url "{ $url }" 不能包含使用者名稱或密碼
base-url-query = base_url "{ $url }" 不能包含“?”或“#”：它是網站頁面的起始地址，頁面路徑會接在它後面
base-url-empty-folder = base_url "{ $url }" 的路徑裡有空的資料夾名（“//”）
favicon-empty = favicon = "{ $favicon }" 是空的
favicon-not-inside = favicon = "{ $favicon }" 不是網站裡的路徑：請寫相對於網站根目錄的路徑
favicon-bad-folder = favicon = "{ $favicon }" 裡有空的、“.”或“..”資料夾名
favicon-bad-characters = favicon = "{ $favicon }" 裡有空格或路徑不能包含的字元
favicon-hint = 請寫 static/ 裡一個檔案的路徑，例如 favicon = "favicon.svg"

footer-link-bad = { $key } = "{ $value }" 不是網址
footer-link-hint = 請寫以 https://（或 http://）開頭的網址
footer-mark-bad = gov_mark = "{ $value }" 不是本站裡的路徑
footer-mark-hint = 把黨政機關網站標識圖片放進 static/，寫出它的路徑，例如 gov_mark = "img/conac.png"
