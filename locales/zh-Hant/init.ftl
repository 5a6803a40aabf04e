# stdportal 的繁體中文提示：stdportal init。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## stdportal init

init-folder-not-empty = 這個資料夾已經存在，而且不是空的
init-folder-not-empty-hint = 請換一個新的資料夾名稱：stdportal init my-portal
init-cannot-create-folder = 無法建立資料夾：{ $error }
init-cannot-write = 無法寫入檔案：{ $error }
init-cannot-make-workbook = 無法產生範例活頁簿：{ $error }
