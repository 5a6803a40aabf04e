# stdportal 的繁體中文提示：輸出路徑和網址。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 輸出路徑和網址

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

## 佔用網址的是什麼（完整的名詞短語：下面的提示把它放進句子裡）

output-claimant-this-page = 這個頁面
output-claimant-page = 頁面“{ $file }”
output-claimant-in-file = { $what }（{ $file }）
output-claimant-script-pages = { $script }頁面
output-claimant-search-index = 搜尋索引
output-claimant-city-download = 城市“{ $city }”的成果下載檔案
output-claimant-atom = Atom 訂閱
output-claimant-robots = robots.txt 檔案
output-claimant-sitemap = 網站地圖（sitemap.xml）
output-claimant-static = 靜態檔案
output-claimant-page-file = 發布在這個頁面旁的檔案 { $name }（它的原件或 Word 檔案裡的圖片）
output-claimant-content-file = 頁面旁邊的檔案
output-claimant-alias = 舊地址“/{ $alias }”
output-claimant-cities = 內建的城市列表
output-claimant-city = 城市“{ $city }”
output-claimant-indicator = 城市“{ $city }”的指標“{ $indicator }”
output-claimant-dashboard = 內建的儀表板（目標進展總覽）
output-claimant-topics = 內建的主題列表
output-claimant-taxonomy = 分類“{ $taxonomy }”
output-claimant-taxonomy-terms = 分類“{ $taxonomy }”的詞條列表
output-claimant-catalogue = 內建的資訊公開目錄
output-claimant-site-map = 內建的網站地圖頁面
output-claimant-search = 內建的搜尋頁面
output-claimant-not-found = 內建的“頁面未找到”頁面（404.html）
# 列表的頁面：$which 為 "first" 時是列表的第一頁，為 "later" 時是第 2、3 …… 頁
output-claimant-home = { $which ->
    [later] 首頁列表中的一頁
   *[first] 首頁
}
output-claimant-section = { $which ->
    [later] 欄目列表中的一頁
   *[first] 欄目
}
output-claimant-folder = { $which ->
    [later] 資料夾列表中的一頁
   *[first] 資料夾
}
output-claimant-topic = { $which ->
    [later] 主題“{ $topic }”列表中的一頁
   *[first] 主題“{ $topic }”
}
output-claimant-term = { $which ->
    [later] 分類“{ $taxonomy }”中的“{ $term }”列表中的一頁
   *[first] 分類“{ $taxonomy }”中的“{ $term }”
}
output-claimant-issuer = { $which ->
    [later] 發布機構“{ $issuer }”列表中的一頁
   *[first] 發布機構“{ $issuer }”
}
output-claimant-city-documents = { $which ->
    [later] 城市“{ $city }”文件列表中的一頁
   *[first] 城市“{ $city }”的文件列表
}
output-claimant-catalogue-list = { $which ->
    [later] 資訊公開目錄列表中的一頁
   *[first] 資訊公開目錄
}

## 發生衝突時編輯可以怎麼做

output-hint-page = 請在頁面的前置資訊裡換一個頁面網址名（頁面網址名 = "…"），或者把它移到別的資料夾
output-hint-alias = 請修改或刪除這個舊地址
output-hint-city-id = 請修改城市的 id
output-hint-indicator-id = 請修改指標的 id
output-hint-static = 請給這個靜態檔案改名或刪除它；另一個檔案由 stdportal 自己產生
output-hint-page-file = 請給 Word 或 PDF 檔案改名，或者給網址相同的另一個檔案改名
output-hint-content-file = 請給頁面旁邊的這個檔案改名或移走，或者改掉佔用這個地址的頁面
output-hint-section = 請給欄目的資料夾改名
output-hint-folder = 請給資料夾改名
output-hint-topic = 請在每個頁面上用同樣的寫法寫這個主題，或者給它換個名字
output-hint-term = 請在每個頁面上用同樣的寫法寫這個詞條，或者給分類改名
output-hint-issuer = 請在每個頁面上用同樣的寫法寫發布機構
output-hint-list = 請給使用這個網址的頁面或資料夾改名

## 兩者佔用同一個網址

output-clash-same-address = { $first }和{ $second }都要佔用網址 /{ $address }
output-clash-case = { $first }和{ $second }衝突：網址 /{ $address } 和 /{ $other } 只有大小寫或字元編碼方式不同，許多伺服器會把它們存成同一個檔案
output-clash-reserved = { $first }和{ $second }衝突：/{ $path } 在 /{ $folder }/ 裡，這個資料夾專門留給{ $owner }
output-clash-folder = { $first }和{ $second }衝突：/{ $path } 需要一個資料夾 /{ $file }/，但 /{ $file } 是一個檔案
output-cannot-publish = { $what }無法發布在 /{ $path }：{ $problem }
output-cannot-publish-hint = 會成為網址的名字請只用字母、數字和短橫線

## 輸出資料夾

output-dangerous-hint = 請產生到一個單獨的資料夾：不寫 --output（網站會產生到 public/），或者指定一個新資料夾
output-is-the-site = 這是網站自己的資料夾：產生到這裡會把產生的頁面和 config.toml、content/、data/ 混在一起
output-holds-the-site = 這個資料夾包含網站本身（{ $site }），產生的頁面會和網站的來源檔案混在一起
output-in-sources = 這是在存放網站來源檔案的 { $folder }/ 裡面：產生的頁面會變成下一次產生的來源檔案
output-is-home = 這是你的個人資料夾（或者包含它）
output-not-a-folder = 輸出位置上已經有一個檔案，不是資料夾
output-not-a-folder-hint = 請刪除它，或者用 --output DIR 另選一個輸出資料夾
output-unreadable = 無法讀取輸出資料夾：{ $error }
output-unreadable-hint = 請確認你有權讀寫它，或者用 --output DIR 另選一個輸出資料夾
output-foreign = 這個資料夾裡已經有不是 stdportal 寫入的檔案（{ $files }），所以沒有動它
output-foreign-hint = 請產生到一個新的或空的資料夾；如果裡面只有這個網站以前產生的結果，請先刪除它；或者加上 --force 照樣產生到這裡（其中的其他檔案會保留）
# 提示裡列出幾個檔名時，名字之間的分隔符（thesis.docx、photos/）
output-name-separator = 、
output-foreign-in-the-way = 新網站要用這個位置，但這裡有一個不是 stdportal 寫入的{ $kind ->
    [folder] 資料夾
   *[file] 檔案
}
output-foreign-in-the-way-hint = 請把它移出輸出資料夾（要發布的檔案應放在 static/ 裡）
output-foreign-in-the-way-force-hint = 請把它移出輸出資料夾（要發布的檔案應放在 static/ 裡），或者用 --force 產生來替換它
output-waiting = 另一次 stdportal 產生正在寫入 { $output }（程序 { $process }），等它完成……
output-waiting-unknown = 另一次 stdportal 產生正在寫入 { $output }，等它完成……

## 寫入網站

output-refused-file = stdportal 拒絕寫入這個檔案：{ $problem }
output-refused-file-hint = 這是主題或 stdportal 的缺陷，請報告它
output-write-failed = 無法寫入網站：{ $error }
output-write-permission-hint = 請確認你有權寫入這個資料夾，或者用 --output DIR 另選一個輸出資料夾
output-write-disk-full-hint = 磁碟已滿：請騰出一些空間後重新產生
output-write-too-large-hint = 有個檔案超過了系統允許 stdportal 寫入的大小（見 `ulimit -f`）：請提高這個限制後重新產生
output-write-other-hint = 原來的網站保持不變；請解決問題後重新產生
# stdportal check：由 stdportal 或主題產生的頁面（不來自 content/ 裡的檔案）中的問題
output-generated-page = （產生的頁面）{ $page }

## 不是 stdportal 自己的發布紀錄和記帳檔案

output-journal-skipped = { $journal } 第 { $line } 行沒有執行：{ $why }
output-journal-skipped-more = { $journal }：另有 { $count } 行沒有執行
output-journal-why-link = 「{ $path }」是一個連結或經過連結，stdportal 從不順著輸出資料夾裡的連結操作
output-journal-why-path = 「{ $path }」不是 stdportal 會寫入的路徑
output-journal-why-not-file = 「{ $path }」不是檔案
output-journal-why-line = 這一行既不是刪除（「-」）也不是移入（「+」）
output-journal-why-text = 這一行不是 UTF-8 文字
output-own-entry-replaced = { $path } 不是 stdportal 放在那裡的東西（是連結、管道或別的類型），已把它刪除；它指向的內容沒有動
output-manifest-not-a-file = 已發布檔案的清單（{ $path }）是連結、資料夾或管道，不是檔案
output-manifest-not-a-file-hint = 請刪除它；如果這個資料夾裡只有這個網站以前產生的結果，也請刪除這個資料夾，然後重新產生
output-own-file-too-large = { $file } 超過 { $limit } MB：stdportal 從不寫這麼大的這種檔案
