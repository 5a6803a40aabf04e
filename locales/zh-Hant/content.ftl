# stdportal 的繁體中文提示：頁面和前置元資料。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 頁面

content-missing = 沒有 content 資料夾
content-missing-hint = 請建立 content/ 資料夾，把 Markdown 頁面放進去（stdportal init 會產生一個範例）
page-empty-title = 頁面的標題是空的
page-empty-title-hint = 請在前置資訊裡寫上 title = "…"
field-unknown = 前置資訊裡沒有“{ $field }”這個項目
field-unknown-hint = 可以寫的項目：{ $fields }
field-unknown-near = 是不是“{ $near }”？可以寫的項目：{ $fields }
field-twice = “{ $second }”和“{ $first }”是同一個項目，寫了兩次
field-twice-hint = 請只保留其中一行
field-missing = 缺少{ $field }這個項目
field-missing-hint = 請加上一行 { $name } = "…"
field-list-separator = 、
file-utf16 = 檔案儲存成了 UTF-16 編碼
file-utf16-hint = 請另存為 UTF-8 編碼（記事本：另存為 → 編碼：UTF-8）
file-binary = 這不是文字檔案
file-binary-hint = 請把不是 Markdown 頁面的檔案移出 content/（圖片放在 static/ 裡）
file-not-utf8 = 檔案不是有效的 UTF-8 編碼
file-not-utf8-hint = 請把檔案另存為 UTF-8 編碼（它可能儲存成了 GBK/GB18030）
page-same-url = 這個頁面的網址 /{ $path } 和 { $other } 相同
page-same-url-hint = 請在其中一個頁面的前置資訊裡換一個頁面網址名（頁面網址名 = "…"）
page-same-slug = { $other } 也用了頁面網址名“{ $slug }”，相關文件指向它時會分不清是哪一個
page-same-slug-hint = 請給其中一個換一個頁面網址名

## 成為網址的前置元資料欄位

slug-contains = 其中有“{ $character }”
file-name-not-url = 檔名“{ $name }”不能用作網址的一部分：{ $problem }
file-name-not-url-hint = 請給檔案改名，或者在前置資訊裡寫 頁面網址名 = "…"（用字母、數字和短橫線，例如 rizhao-quality-plan）
slug-not-url = 頁面網址名“{ $slug }”不能用作網址的一部分：{ $problem }
slug-not-url-hint = 請用字母、數字和短橫線，例如 頁面網址名 = "rizhao-quality-plan"
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
zola-field = stdportal 不支援 Zola 的“{ $field }”這個項目
zola-page-render = 請刪除它：每個頁面都會發布（寫 draft = true 可以不發布）
zola-page-path = 請刪除它：頁面按所在資料夾和頁面網址名發布；可以設定 頁面網址名 = "…"，並用 舊網址 = ["/old/path/"] 保留舊網址
zola-section-render = 請刪除它：每個欄目都有自己的列表頁
zola-section-redirect = 請刪除它，並把這個欄目的舊地址寫進目標頁面或欄目的 aliases 裡
zola-section-transparent = 請刪除它：欄目只列出自己的頁面；讀者可以在資訊公開目錄裡按年份、機構和類別找到所有頁面
zola-section-paginate-path = 請刪除它：列表的分頁總是在 …/page/2/、…/page/3/
zola-section-anchor-links = 請刪除它：標題總會有一個可供連結指向的 id
zola-section-feeds = 請刪除它：網站有一個包含全部檔案的 Atom 訂閱（atom.xml）

## 前置元資料

front-matter-missing = 檔案開頭沒有前置資訊
front-matter-missing-hint = 檔案第一行寫 +++，接著寫 title = "…"，再寫一行 +++
front-matter-unclosed = 前置資訊沒有結束
front-matter-unclosed-hint = 請在前置資訊最後一行後面加一行 +++

## 日期

date-invalid = “{ $text }”不是日期：請寫成 2021、2021-10 或 2021-10-14（也可以寫 2021年10月14日）
date-dotted = “{ $text }”用了點或斜線分隔，日期請寫成 { $fix }
date-year-out-of-range = “{ $text }”不是日期：年份 { $year } 不在 { $first } 到 { $last } 之間

## 頁面不能發布的內容（指令碼，以及會執行程式碼或離開網路的地址）

# 頁面 HTML 裡的一個元素：<{ $element } { $attribute }="{ $url }">。
danger-url-script = <{ $element } { $attribute }="{ $url }"> 被開啟時會執行指令碼
danger-url-data = <{ $element } { $attribute }="{ $url }"> 把整個文件放在了地址裡（data:），瀏覽器可能把它當作單獨的頁面開啟
danger-url-file = <{ $element } { $attribute }="{ $url }"> 指向某人自己電腦上的檔案（file:），讀者打不開
danger-event-handler = <{ $element } { $attribute }=…> 是事件處理屬性，會在讀者的瀏覽器裡執行指令碼
danger-srcdoc = <iframe srcdoc=…> 裡裝著一個完整的頁面，可以執行指令碼
danger-script = <script> 元素會在讀者的瀏覽器裡執行
danger-script-hint = 請刪除它：頁面不執行寫在正文裡的指令碼（指令碼應當放在主題的範本和 static/ 裡）
danger-url-script-hint = 請改為連結到一個頁面（https://… 或本網站的路徑），或者刪除這個連結
danger-url-data-hint = 請把檔案放在 static/ 裡，用它的路徑連結；只有用 ![…](…) 或 <img src> 顯示的 PNG、JPEG、GIF、WebP、AVIF、BMP 和 ICO 圖片可以用 data:
danger-url-file-hint = 請把檔案放在 static/ 裡，用它在網站上的路徑連結
# Markdown 裡的連結或圖片：$kind 是“link”或“image”。
link-unsafe-script = { $kind ->
        [image] 圖片
       *[link] 連結
    }“{ $url }”被開啟時會執行指令碼
link-unsafe-data = { $kind ->
        [image] 圖片
       *[link] 連結
    }“{ $url }”把整個文件放在了地址裡（data:），瀏覽器可能把它當作單獨的頁面開啟
link-unsafe-file = { $kind ->
        [image] 圖片
       *[link] 連結
    }“{ $url }”指向某人自己電腦上的檔案（file:），讀者打不開
# $what 是上面 danger-… 或下面 raw-html-… 中的一句。
raw-html-danger = Markdown 裡的 HTML：{ $what }
# 不在允許清單裡的元素（src/content/markdown/allowlist.rs）；$why 是它的種類。
raw-html-element = { $why ->
        [base] <{ $element }> 會讓頁面上的所有連結和指令碼都指向另一個地址
        [meta] <{ $element }> 可能把讀者帶到別的網站，或者改變頁面的讀取方式
        [link] <{ $element }> 會從別處給頁面載入樣式表或其他檔案
        [style] <{ $element }> 會改變整個頁面的樣式，還能從別處載入檔案
        [embed] <{ $element }> 會在頁面裡嵌入另一個頁面或程式
        [form] <{ $element }> 是表單的一部分，頁面正文不發布表單
        [foreign] <{ $element }>（直接寫在頁面裡的 SVG 或 MathML）可能帶有不受檢查的指令碼和連結
        [media] <{ $element }> 會播放或選用不受檢查的檔案
       *[other] <{ $element }> 不是頁面發布的元素
    }
raw-html-element-hint = { $why ->
        [style] 請刪除它：頁面的樣式來自主題的樣式表（themes/…/static/style.css）
        [link] 請刪除它：頁面只載入主題的樣式表和指令碼
        [foreign] 請把圖形作為檔案放在 static/ 裡，用 <img src="/….svg" alt="…"> 顯示
        [media] 請把檔案放在 static/ 裡，用 <a href="/…"> 連結
       *[other] 請刪除它，或者改用頁面發布的元素來寫：{ $allowed }
    }
raw-html-attribute = { $why ->
        [style] <{ $element } { $attribute }=…> 不會發布：頁面的樣式來自主題的樣式表，而且 CSS 可以從別處載入檔案
       *[other] <{ $element } { $attribute }=…> 不是頁面發布的屬性
    }
raw-html-attribute-hint = 請刪除它；<{ $element }> 上可以寫的屬性有：{ $allowed }
raw-html-address = <{ $element } { $attribute }="{ $url }"> 不是頁面可以連結的地址
raw-html-address-hint = 請寫網址（https://…）、mailto: 或 tel:、本網站的路徑或 #錨點
raw-html-id-twice = id="{ $id }" 在這個頁面裡已經用過了，指向 #{ $id } 的連結只會到達第一個
raw-html-id-twice-hint = 請給每個元素一個不同的 id
raw-html-unreadable = 無法像瀏覽器那樣讀懂（一個元素寫在了它不能出現的地方，例如 <select><xmp>）
raw-html-unreadable-hint = 請把 HTML 寫得簡單一些：每個元素都在開啟它的那個元素裡面關閉
raw-html-too-deep = 同時開啟的元素超過 { $most } 個（層層巢狀，或者開啟後沒有關閉）：瀏覽器不會按原樣顯示巢狀這麼深的頁面
raw-html-too-deep-hint = 請關閉每一個開啟的元素（</div>、</span>…），並減少巢狀的層數
# $message 是這個檔案的第一個問題；$places 是其他問題的 行:欄。
unsafe-content-more = { $message }（這個檔案裡還有 { $count } 處，在 { $places }）

## 頁面上顯示的前置資訊文字

# $field 是前置資訊的名稱（title、description…）；$code 是那個字元（U+202E）。
text-bidi-control = { $field } = "…" 裡有一個看不見的文字方向控制字元（{ $code }），它會讓後面的文字在顯示的地方（瀏覽器分頁、頁面標題、列表和訂閱）顛倒過來
text-bidi-control-hint = 請刪除它：它看不見，可以刪除這一欄的那個字元（或者重新輸入這段文字）；頁面會自己決定文字的方向
content-pdf-not-a-page = 這個 PDF 檔案沒有發布：頁面由 Markdown（.md）或 Word（.docx）檔案產生，不能由 PDF 產生，也沒有頁面連結它或把它列為附件
content-pdf-not-a-page-hint = 如果要提供 PDF 下載，請在它旁邊放一個同名的頁面（a.pdf 旁邊放 a.md 或 a.docx：頁面會在“下載原件”裡列出它），或者在頁面裡連結它（[附件](a.pdf)），或者寫進頁面的附件（attachments）
content-debris-hint = 這是從 Word 貼上來的：發布的頁面裡已經去掉了；也可以在檔案裡刪除它，或者保留
