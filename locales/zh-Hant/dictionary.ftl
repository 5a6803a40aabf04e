# stdportal 的繁體中文提示：網站詞典。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 網站詞典

dictionary-unreadable = 無法讀取詞表：{ $error }
dictionary-empty-phrase = 詞表裡有一條的詞語是空的
dictionary-synonym-empty = “{ $word }”的搜尋同義詞裡有“{ $synonym }”，其中沒有文字或數字，會符合所有頁面：請寫上詞語，或把它刪掉

## 轉換頁面的字形

html-not-converted = 無法轉換頁面的 HTML：{ $error }
