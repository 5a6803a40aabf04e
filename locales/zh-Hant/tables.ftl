# stdportal 的繁體中文提示：讀取 CSV、TOML 表格和活頁簿。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。
