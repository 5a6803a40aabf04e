# stdportal 的繁體中文提示：尋找網站檔案。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 尋找網站檔案

file-unreadable = 無法讀取：{ $error }
link-outside-site = 這個連結指向網站以外的 { $target }
link-outside-site-hint = 請把檔案複製到網站裡，不要用連結
link-dangling = 這個連結指向的檔案不存在
link-dangling-hint = 請刪除這個連結，或者恢復它指向的檔案
folder-unreadable = 無法讀取這個資料夾：{ $error }
folder-link-outside-site = 這是指向網站以外的 { $target } 的連結：stdportal 只讀取和發布網站裡的檔案
folder-link-outside-site-hint = 請把資料夾複製到網站裡，不要用連結
