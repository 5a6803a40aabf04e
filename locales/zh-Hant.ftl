# stdportal 的繁體中文提示。每條提示在 en.ftl 和 zh-Hant.ftl 裡也有，佔位符相同
# （src/i18n/tests.rs 裡的測試會檢查）。

## 問題的顯示方式

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: 錯誤：第 { $line } 行第 { $column } 欄：{ $message }
diagnostic-at-line = { $file }:{ $line }: 錯誤：第 { $line } 行：{ $message }
diagnostic-in-file = { $file }: 錯誤：{ $message }
diagnostic-hint = 提示：{ $hint }

## 常見的系統錯誤

io-not-found = 找不到這個檔案或資料夾
io-permission-denied = 沒有權限
io-already-exists = 已經存在
io-invalid-data = 檔案不是有效的 UTF-8 文字

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

## 命令列

init-created = 已在 { $dir } 建立新網站。
init-next = 建置它：  stdportal build --root { $dir }
build-done = 已把 { $pages } 個頁面（{ $files } 個檔案）以簡繁兩種文字建置到 { $output }，耗時 { $ms } 毫秒（繁體轉換方案：{ $profile }）。
build-failed = 建置因 { $count } 個問題而停止；輸出資料夾中原來的網站保持不變。
check-does-not-build = 網站無法建置：請先改正上面的問題。
check-external-links = 外部連結（只列出，不造訪）：
check-summary = 檢查了 { $pages } 個頁面和 { $links } 個連結：{ $problems } 個問題，{ $external } 個外部連結，中文裡有 { $marks } 個半形標點。
check-punctuation-fixed = 中文裡的半形標點，發布時已改為全形（[typography] punctuation = true）；在原始檔裡也寫成全形，原始檔就和頁面一致了：
check-punctuation-kept = 中文裡的半形標點，按原樣發布；在 config.toml 裡設定 [typography] punctuation = true 可以把它們改成全形：
check-punctuation-file = { $file }：{ $marks } 個標點

## Finding the site's files

file-unreadable = 無法讀取：{ $error }
link-outside-site = 這個連結指向網站以外的 { $target }
link-outside-site-hint = 請把檔案複製到網站裡，不要用連結
link-dangling = 這個連結指向的檔案不存在
link-dangling-hint = 請刪除這個連結，或者恢復它指向的檔案
folder-unreadable = 無法讀取這個資料夾：{ $error }
folder-link-outside-site = 這是指向網站以外的 { $target } 的連結：stdportal 只讀取和發布網站裡的檔案
folder-link-outside-site-hint = 請把資料夾複製到網站裡，不要用連結

## Output paths and addresses

path-empty = 它是空的
path-empty-segment = 其中有空的部分（連著兩個斜線，或者以斜線開頭）
path-dot-segment = 其中有“.”或“..”部分，會指到所在資料夾以外
path-hidden = “{ $part }”以點開頭，大多數伺服器會把它隱藏
path-backslash = 其中有反斜線
path-url-character = 其中有“{ $character }”，它在網址裡另有含義
path-invisible = 其中有看不見的字元 { $code }
path-too-long = 其中一部分長 { $bytes } 位元組（最多 { $max } 位元組）
path-windows-name = “{ $name }”是 Windows 保留給裝置的名字
path-no-letters = 其中沒有可以組成網址的字母、漢字或數字

## Pages

content-missing = 沒有 content 資料夾
content-missing-hint = 請建立 content/ 資料夾，把 Markdown 頁面放進去（stdportal init 會產生一個範例）
page-empty-title = 頁面的標題是空的
page-empty-title-hint = 請在前置資訊裡寫上 title = "…"
file-utf16 = 檔案儲存成了 UTF-16 編碼
file-utf16-hint = 請另存為 UTF-8 編碼（記事本：另存為 → 編碼：UTF-8）
file-binary = 這不是文字檔案
file-binary-hint = 請把不是 Markdown 頁面的檔案移出 content/（圖片放在 static/ 裡）
file-not-utf8 = 檔案不是有效的 UTF-8 編碼
file-not-utf8-hint = 請把檔案另存為 UTF-8 編碼（它可能儲存成了 GBK/GB18030）
page-same-url = 這個頁面的網址 /{ $path } 和 { $other } 相同
page-same-url-hint = 請在其中一個頁面的前置資訊裡換一個 slug
page-same-slug = { $other } 也用了 slug "{ $slug }"，related 指向它時會分不清是哪一個
page-same-slug-hint = 請給其中一個換一個 slug

## Front matter fields that become addresses

slug-contains = 其中有“{ $character }”
file-name-not-url = 檔名“{ $name }”不能用作網址的一部分：{ $problem }
file-name-not-url-hint = 請給檔案改名，或者在前置資訊裡寫 slug = "…"（用字母、數字和短橫線，例如 rizhao-quality-plan）
slug-not-url = slug“{ $slug }”不能用作網址的一部分：{ $problem }
slug-not-url-hint = 請用字母、數字和短橫線，例如 slug = "rizhao-quality-plan"
folder-not-url = 資料夾名“{ $folder }”不能用作網址的一部分：{ $problem }
folder-not-url-hint = 請給資料夾改名（用字母、數字和短橫線）
topic-not-url = 主題“{ $topic }”無法變成網址：{ $problem }
topic-not-url-hint = 請用詞語命名主題，例如 topics = ["標準化", "質量提升"]
taxonomy-not-url = 分類“{ $taxonomy }”無法變成網址：{ $problem }
taxonomy-not-url-hint = 請用一個詞命名分類，例如在 [taxonomies] 下寫 tags = ["…"]
term-not-url = 分類“{ $taxonomy }”中的“{ $term }”無法變成網址：{ $problem }
term-not-url-hint = 請用詞語命名，例如 tags = ["標準化"]
issuer-not-url = 發布機構“{ $issuer }”無法變成網址：{ $problem }
issuer-not-url-hint = 請寫機構名稱，例如 issuer = "日照市市場監督管理局"
alias-bad-percent = 其中的 % 後面不是編碼字元
alias-home = 它是網站的首頁
alias-not-url = 舊地址“{ $alias }”不能用作本網站的地址：{ $problem }
alias-not-url-hint = 請從網站根目錄寫起舊地址，例如 aliases = ["/old/plan/"]
zola-field = stdportal 不支援 Zola 的“{ $field }”欄位
zola-page-render = 請刪除它：每個頁面都會發布（寫 draft = true 可以不發布）
zola-page-path = 請刪除它：頁面按所在資料夾和 slug 發布；可以設定 slug = "…"，並用 aliases = ["/old/path/"] 保留舊地址
zola-section-render = 請刪除它：每個欄目都有自己的列表頁
zola-section-redirect = 請刪除它，並把這個欄目的舊地址寫進目標頁面或欄目的 aliases 裡
zola-section-transparent = 請刪除它：欄目只列出自己的頁面；讀者可以在資訊公開目錄裡按年份、機構和類別找到所有頁面
zola-section-paginate-path = 請刪除它：列表的分頁總是在 …/page/2/、…/page/3/
zola-section-anchor-links = 請刪除它：標題總會有一個可供連結指向的 id
zola-section-feeds = 請刪除它：網站有一個包含全部檔案的 Atom 訂閱（atom.xml）

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
        [none] 這裡用了中文冒號：，請寫成 鍵 = 值，用英文等號 =
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

## TOML 解析錯誤的通俗說法

toml-duplicate-key = 這個鍵寫了兩次
toml-duplicate-key-hint = 請只保留其中一行
toml-unknown-field = 這裡沒有“{ $field }”這個欄位
toml-unknown-field-hint = 可以用的欄位有：{ $fields }
toml-missing-field = 缺少“{ $field }”欄位
toml-missing-field-hint = 請加上一行 { $field } = …
toml-unknown-value = “{ $value }”不是這個欄位可以取的值
toml-unknown-value-hint = 請寫其中之一：{ $values }
toml-wrong-type = 這裡應當是{ $expected }，而不是{ $found }
toml-unquoted-string = 這段文字沒有加引號
toml-unquoted-string-hint = 文字要放在英文雙引號裡，例如 title = "關於……的通知"
toml-no-equals = 這個鍵後面沒有等號 =
toml-no-equals-hint = 每行寫成 鍵 = 值，例如 title = "…"
toml-unclosed-string = 這段文字的引號在本行沒有閉合
toml-unclosed-string-hint = 請在同一行用英文引號 " 結束（多行文字請用 """ … """）
toml-missing-comma = 列表的兩項之間缺少逗號
toml-missing-comma-hint = 各項之間用英文逗號分隔，例如 ["a", "b"]
toml-unclosed-array = 這個列表沒有閉合
toml-unclosed-array-hint = 請用 ] 結束列表，例如 ["a", "b"]
toml-unclosed-table = 這個表名沒有閉合
toml-unclosed-table-hint = 表名要在一行裡寫在方括號中，例如 [footer]
toml-extra-text = 這一行在值的後面還有多餘的內容
toml-extra-text-hint = 每行只寫一個 鍵 = 值；註解寫在 # 後面
toml-bad-key = 這個鍵裡有不能用於鍵名的字元
toml-bad-key-hint = 鍵名只能用字母、數字、_ 和 -；其他文字請加引號，例如 "名稱" = "…"
toml-bad-escape = 文字裡的反斜線 \ 開始了一個不存在的轉義
toml-bad-escape-hint = 反斜線請寫成 \\，或者把文字放在單引號 '…' 裡
value-kind-text = 加引號的文字
value-kind-integer = 整數
value-kind-number = 數字
value-kind-boolean = true 或 false
value-kind-list = 方括號 [ ] 裡的列表
value-kind-table = 表
value-kind-date = 日期
value-kind-with-value = { $kind }（{ $value }）

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

## check

check-outside-base-path = 網站路徑 { $base_path } 以外：{ $path }
check-danger = 產生的頁面裡：{ $what }
check-danger-from = 產生的頁面裡：{ $what }（來自 { $source }）
check-danger-from-line = 產生的頁面裡：{ $what }（來自 { $source } 第 { $line } 行）
check-link-outside = 連結“{ $link }”指向{ $reason }
check-link-outside-hint = 站內連結請以網站路徑開頭，或者寫成相對於本頁的地址
check-link-missing = 連結“{ $link }”指向的頁面不存在
check-link-missing-hint = 請改正地址，或者建立它指向的頁面
check-anchor-missing = 連結“{ $link }”指向錨點 #{ $anchor }，但 { $file } 裡沒有這個錨點
check-anchor-missing-hint = 錨點由標題文字產生：請檢查標題的寫法
check-image-no-alt = 圖片“{ $src }”沒有替代文字
check-image-no-alt-hint = 請為看不到圖片的讀者描述它：![描述](圖片.png)
check-related-not-linked = 頁面沒有連結到它的相關檔案 { $other }
check-related-not-linked-hint = 頁面範本必須顯示 page.related

## Data tables

data-field-column = “{ $name }”欄
data-field-key = “{ $name }”項
data-in-sheet-column = 工作表“{ $sheet }”的 { $letters } 欄“{ $name }”：{ $message }
data-in-sheet = 工作表“{ $sheet }”：{ $message }
data-in-field = { $field }：{ $message }

## Data cross-checks

data-city-hint-none = 請把這個城市加到 data/cities 裡（網站裡還沒有城市）
data-city-hint = 是不是“{ $near }”？本網站的城市有：{ $cities }；或者把這個城市加到 data/cities 裡
data-unknown-indicator-near = 是不是“{ $near }”？請用 data/indicators 裡 { $city } 的指標 id
data-unknown-indicator-hint = 請用 data/indicators 裡 { $city } 的指標 id
data-unknown-indicator = 城市“{ $city }”沒有指標“{ $id }”

## References between pages and data

page-unknown-city = 沒有“{ $city }”這個城市
page-related-missing-near = 是不是“{ $near }”？請寫另一個頁面的 slug（它的檔名去掉 .md，或者它寫的 slug = …）
page-related-missing-hint = 請寫另一個頁面的 slug（它的檔名去掉 .md，或者它寫的 slug = …）
page-related-missing = 相關頁面“{ $slug }”不存在
data-source-not-a-page = 來源檔案“{ $document }”不是本網站的頁面
data-source-not-a-page-hint = 請寫給出這個數字的頁面的 slug
data-plan-not-a-page = 規劃“{ $plan }”不是本網站的頁面
data-plan-not-a-page-hint = 請寫規劃頁面的 slug
page-template-missing = 範本“{ $template }”不存在
page-template-missing-hint = 請用主題裡的範本（page.html、section.html 等），或者把它加到 templates/ 裡

## Front matter

front-matter-missing = 檔案開頭沒有前置資訊
front-matter-missing-hint = 檔案第一行寫 +++，接著寫 title = "…"，再寫一行 +++
front-matter-unclosed = 前置資訊沒有結束
front-matter-unclosed-hint = 請在前置資訊最後一行後面加一行 +++

## The browser overlay of serve

overlay-title = 建置失敗
overlay-note = 伺服器仍提供上一次成功建置的頁面。改好後這個提示會自動消失。
overlay-first-note = 網站還沒有成功建置過。改好後這個頁面會自動重新載入。
overlay-close = 關閉

## The site dictionary

dictionary-unreadable = 無法讀取詞表：{ $error }
dictionary-empty-phrase = 詞表裡有一條的詞語是空的
