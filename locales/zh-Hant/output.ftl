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
