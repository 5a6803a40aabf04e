# stdportal 的繁體中文提示：命令列說明（stdportal --help）。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 命令和各個子命令的作用

help-about = 產生簡繁雙語的標準化入口網站
help-build = 把網站產生到 public/ 資料夾（簡繁兩種文字）
help-check = 在記憶體中產生網站，檢查每個站內連結和 #錨點、相關文件和圖片的替代文字
help-init = 在 DIR 中建立一個可以直接使用的新網站：設定、一個城市、一個頁面和預設主題
help-serve = 在記憶體中產生網站並提供預覽，頁面即時重新載入，每次改動後重新產生
help-help-command = 顯示這個說明，或者指定子命令的說明

## 引數（$default：不寫這個引數時用的值）

help-message-format = 提示訊息的寫法：human（句子）或 json（每行一個 JSON 物件，寫到標準輸出，供程式讀取，見 docs/EVENTS.md）（預設：human）
help-quiet = 只說問題：不顯示進度，也不顯示總結
help-lang = 提示訊息的語言：zh-Hans、zh-Hant 或 en（預設：先看 STDPORTAL_LANG，再看語言環境變數 LC_ALL、LC_MESSAGES、LANG）
help-help = 顯示說明
help-version = 顯示版本
help-root = 網站資料夾，即存放 config.toml 的資料夾（預設：{ $default }）
help-drafts = 包括標記為 draft = true 的頁面
help-future = 包括日期在今天以後的頁面（定時發布的頁面），用來提前預覽
help-output = 輸出資料夾（預設：ROOT/public）
help-base-url = 用這個公開網址取代 config.toml 裡的 base_url
help-timings = 顯示每個階段花費的時間和記憶體峰值
help-no-search = 不產生搜尋索引（較快；搜尋頁面什麼也找不到）
help-force = 產生到存有其他檔案（不是 stdportal 寫入的）的輸出資料夾：這些檔案會保留，與新網站路徑相同的檔案會被取代
help-in-place = 把有變化的檔案逐一移入輸出資料夾，而不是整個替換資料夾（輸出資料夾是掛載點時自動這樣做，例如 Docker 磁碟區）
help-no-sync = 不等新網站寫入磁碟就替換上去：磁碟慢時更快，但斷電後輸出資料夾裡可能有空的或不完整的檔案（只用於隨時可以丟棄的預覽）
help-dir = 要建立的資料夾（必須不存在或者是空的）
help-port = 監聽的埠；被佔用時用下一個空閒的埠（0：任意空閒的埠）（預設：{ $default }）
help-bind = 監聽的位址；0.0.0.0 會讓網路上的其他電腦也能造訪網站（預設：{ $default }）
help-open = 在預設瀏覽器中開啟網站

## 說明裡的標題

help-heading-usage = 用法：
help-heading-commands = 命令：
help-heading-arguments = 引數：
help-heading-options = 選項：
help-import = 把一個 Word 檔案（.docx、.doc、.wps），或者一個資料夾裡的所有 Word 檔案，變成帶中繼資料的 Markdown 頁面，之後像其他頁面一樣編輯
help-import-source = Word 檔案，或者放著 Word 檔案的資料夾
help-import-to = 頁面放在 content/ 裡的哪個資料夾（預設：Word 檔案在 content/ 裡時放在它旁邊，否則放在 content/）
help-import-dry-run = 不寫入任何檔案：逐項說明在檔案裡辨識出了什麼，以及將會寫入哪些檔案
help-import-force = 覆寫已經存在的頁面（頁面裡修改過的內容會遺失）
help-gov = 再檢查全國政府網站普查會判為不合格的地方（首頁和欄目的更新、空欄目、頁尾、meta 標籤、年度報表）
help-date = 按這一天計算普查規則（年-月-日；預設今天）
