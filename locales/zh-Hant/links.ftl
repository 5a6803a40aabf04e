# stdportal 的繁體中文提示：頁面的連結、圖片和附件，以及寫成資料夾的頁面。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## links

link-missing = 連結“{ $link }”指向的“{ $target }”不存在：網站裡沒有這個頁面或檔案
link-image-missing = 圖片“{ $link }”不存在：網站裡沒有檔案“{ $target }”
link-missing-near = 最接近的是：{ $near }。連結頁面請寫 @/資料夾/頁面.md，頁面旁邊的檔案直接寫檔名，static 裡的檔案寫 /資料夾/檔案.pdf
link-missing-hint = 連結頁面請寫 @/資料夾/頁面.md，頁面旁邊的檔案直接寫檔名，static 裡的檔案寫 /資料夾/檔案.pdf
link-outside = 連結“{ $link }”指向了網站內容以外的地方
link-outside-hint = 連結只能指向網站裡的頁面和檔案：頁面寫 @/資料夾/頁面.md，檔案放在頁面旁邊或 static 資料夾裡
link-anchor-missing = 連結“{ $link }”指向 { $page } 的標題 #{ $anchor }，但那個頁面沒有這個標題
link-anchor-missing-here = 連結“{ $link }”指向的標題在本頁不存在
link-anchor-near = 標題的錨點由標題文字產生；那個頁面上最接近的是 #{ $near }
link-anchor-none = 標題的錨點由標題文字產生，那個頁面沒有標題：請直接連結到頁面
link-file-leads-out = content 裡的這個檔案是指向 content 以外檔案的連結，不會發布
link-file-leads-out-hint = 請把檔案本身複製到 content（或 static）裡，不要用連結
attachment-missing = 附件“{ $file }”不是網站裡的檔案（查找的是“{ $target }”）
attachment-missing-hint = 請把檔案放在頁面旁邊（頁面寫成資料夾：資料夾/index.md 和它的檔案）或 static 資料夾裡，再寫檔名、@/資料夾/檔案.pdf 或 /資料夾/檔案.pdf
attachment-missing-near = 最接近的是：{ $near }。請把檔案放在頁面旁邊或 static 資料夾裡，再寫檔名、@/資料夾/檔案.pdf 或 /資料夾/檔案.pdf
attachment-is-a-page = 附件“{ $file }”是一個頁面，不是檔案
attachment-is-a-page-hint = 附件是讀者下載的檔案（PDF、Word、Excel 等）；頁面請在正文裡連結，或者寫在 related 裡
page-inside-bundle = 這個頁面在資料夾 { $folder } 裡，而這個資料夾是頁面 { $page } 和它的檔案
page-inside-bundle-hint = 有 index.md 的資料夾是一個頁面：請把這個檔案移出去，或者把 index.md 改名，讓資料夾成為欄目
