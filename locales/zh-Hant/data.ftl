# stdportal 的繁體中文提示：資料表及其交叉檢查。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 資料表

data-field-column = “{ $name }”欄
data-field-key = “{ $name }”項
data-in-sheet-column = 工作表“{ $sheet }”的 { $letters } 欄“{ $name }”：{ $message }
data-in-sheet = 工作表“{ $sheet }”：{ $message }
data-in-field = { $field }：{ $message }

## 資料交叉檢查

data-city-hint-none = 請把這個城市加到 data/cities 裡（網站裡還沒有城市）
data-city-hint = 是不是“{ $near }”？本網站的城市有：{ $cities }；或者把這個城市加到 data/cities 裡
data-unknown-indicator-near = 是不是“{ $near }”？請用 data/indicators 裡 { $city } 的指標 id
data-unknown-indicator-hint = 請用 data/indicators 裡 { $city } 的指標 id
data-unknown-indicator = 城市“{ $city }”沒有指標“{ $id }”

## 頁面與資料之間的引用

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
