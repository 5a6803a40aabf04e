# stdportal 的简体中文提示：数据表及其交叉检查。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 数据表

data-field-column = “{ $name }”列
data-field-key = “{ $name }”项
data-in-sheet-column = 工作表“{ $sheet }”的 { $letters } 列“{ $name }”：{ $message }
data-in-sheet = 工作表“{ $sheet }”：{ $message }
data-in-field = { $field }：{ $message }

## 数据交叉检查

data-city-hint-none = 请把这个城市加到 data/cities 里（网站里还没有城市）
data-city-hint = 是不是“{ $near }”？本网站的城市有：{ $cities }；或者把这个城市加到 data/cities 里
data-unknown-indicator-near = 是不是“{ $near }”？请用 data/indicators 里 { $city } 的指标 id
data-unknown-indicator-hint = 请用 data/indicators 里 { $city } 的指标 id
data-unknown-indicator = 城市“{ $city }”没有指标“{ $id }”

## 页面与数据之间的引用

page-unknown-city = 没有“{ $city }”这个城市
page-related-missing-near = 是不是“{ $near }”？请写另一个页面的 slug（它的文件名去掉 .md，或者它写的 slug = …）
page-related-missing-hint = 请写另一个页面的 slug（它的文件名去掉 .md，或者它写的 slug = …）
page-related-missing = 相关页面“{ $slug }”不存在
data-source-not-a-page = 来源文件“{ $document }”不是本网站的页面
data-source-not-a-page-hint = 请写给出这个数字的页面的 slug
data-plan-not-a-page = 规划“{ $plan }”不是本网站的页面
data-plan-not-a-page-hint = 请写规划页面的 slug
page-template-missing = 模板“{ $template }”不存在
page-template-missing-hint = 请用主题里的模板（page.html、section.html 等），或者把它加到 templates/ 里
