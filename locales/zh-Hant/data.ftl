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
data-city-hint = 是不是“{ $near }”？本網站的城市有：{ $cities }；或者把這個城市加到 { $places } 裡
data-unknown-indicator-near = 是不是“{ $near }”？請用 { $places } 裡 { $city } 的指標 id
data-unknown-indicator-hint = 請用 { $places } 裡 { $city } 的指標 id
data-unknown-indicator = 城市“{ $city }”沒有指標“{ $id }”

## 頁面與資料之間的引用

page-unknown-city = 沒有“{ $city }”這個城市
page-related-missing-near = 是不是“{ $near }”？請寫另一個頁面的頁面網址名（它的檔名去掉 .md，或者它寫的 頁面網址名 = …）
page-related-missing-hint = 請寫另一個頁面的頁面網址名（它的檔名去掉 .md，或者它寫的 頁面網址名 = …）
page-related-missing = 相關頁面“{ $slug }”不存在
page-lineage-missing = 這裡寫的文件“{ $slug }”不存在
superseded-but-in-force = 這個頁面寫了替代文件，卻沒有說明自己已經不再有效
superseded-but-in-force-hint = 請加上 有效性 = "已廢止"（或 "已失效"）；如果文件仍然有效，請刪掉替代文件這個項目
lineage-names-itself = 這個頁面把自己（“{ $slug }”）寫成了替代文件或被修改文件
lineage-names-itself-hint = 請寫另一個文件的頁面網址名：它的檔名去掉 .md，或者它寫的頁面網址名
data-source-not-a-page = 來源檔案“{ $document }”不是本網站的頁面
data-source-not-a-page-hint = 請寫給出這個數字的頁面的頁面網址名（檔名去掉 .md）
data-plan-not-a-page = 規劃“{ $plan }”不是本網站的頁面
data-plan-not-a-page-hint = 請寫規劃頁面的頁面網址名（檔名去掉 .md）
page-template-missing = 範本“{ $template }”不存在
page-template-missing-hint = 請用主題裡的範本（page.html、section.html 等），或者把它加到 templates/ 裡

## 資料表的列

data-city-id-not-url = 城市 id“{ $id }”不能用在網址裡
data-indicator-id-not-url = 指標 id“{ $id }”不能用在網址裡
data-id-not-url-hint = 請用英文字母、數字和短橫線，例如 rizhao 或 pass-rate-2020
data-quote-without-document = 來源原文需要註明它出自哪個檔案
data-quote-without-document-hint = 請加上 source_document（給出這段原文的頁面的頁面網址名）
data-comparator-hint = 請寫 >=（不低於）、<=（不高於）或 =（達到）
data-baseline-incomplete = 基線需要同時有值和年份
data-baseline-incomplete-hint = 請把基線值和基線年份都填上，或者都空著
data-target-no-year = 目標沒有年份
data-target-no-year-hint = 請加上目標的完成年份，例如 target_year = 2020
data-target-before-baseline = 目標年份 { $target } 早於基線年份 { $baseline }
data-target-before-baseline-hint = 請檢查這兩個年份；目標年份必須在基線年份之後
data-date-missing = 缺少日期
data-date-missing-hint = 請寫年份或日期，例如 2021 或 2021-10
data-date-hint = 請寫年份或日期，例如 2021、2021-10 或 2021年10月
data-city-twice = 城市 id“{ $id }”用了兩次
data-indicator-twice = 城市“{ $city }”的指標 id“{ $id }”用了兩次
# $first 和 $second 是這兩列，寫成 檔案:行號。
data-observation-twice = 城市“{ $city }”的指標“{ $indicator }”在 { $date } 有兩條觀測值：{ $first } 和 { $second }
data-observation-twice-hint = 請只保留一條：刪掉另一列或改正它的日期（否則哪一條算數要看列的先後）

## data/ 裡的檔案

data-unknown-file = stdportal 不認識這個資料檔案
data-unknown-file-hint = 資料表的名字是 cities、indicators、observations 或 achievements（例如 data/indicators.csv 或 data/indicators/rizhao.toml）；別的名字的活頁簿把資料表放在以表名命名的工作表裡
data-sheet-not-a-table = 工作表“{ $sheet }”的名字不是資料表的名字
data-sheet-not-a-table-hint = 請用工作表所存的資料表給它命名：城市（cities）、指標（indicators）、觀測（observations）或成果（achievements）；或者用活頁簿唯一的資料表給活頁簿命名，例如 data/observations.xlsx
data-table-twice = { $files } 儲存了同一份資料
# data-table-twice 裡的兩個檔案（或者依次是一串檔案和另一個檔案）。
data-files-and = { $first } 和 { $second }
data-table-twice-hint = 請保留其中一個，刪掉另一個（從活頁簿另存的 CSV 和活頁簿裡的列是一樣的）

## 取值有限的項：頁面的 kind（文件類別）和 validity（效力狀態），目標的比較方式
# $what 是 kind、validity 或 comparator；$choices 是用 choice-separator 和 choice-or 連起來的
# choice-name 或 choice-name-also。

choice-unknown = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件類別
        [validity] 效力狀態
        [comparator] 比較方式
        [forecast] 預測標記
       *[other] { $what }
    }，請寫其中之一：{ $choices }
choice-near = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件類別
        [validity] 效力狀態
        [comparator] 比較方式
        [forecast] 預測標記
       *[other] { $what }
    }。是不是{ $near }？可以寫：{ $choices }
choice-ambiguous = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件類別
        [validity] 效力狀態
        [comparator] 比較方式
        [forecast] 預測標記
       *[other] { $what }
    }：它可能是{ $choices }，請寫出你指的那一個
choice-name = “{ $name }”
choice-name-also = “{ $name }”（{ $also }）
choice-separator = 、
choice-or = { $rest }或{ $last }

## 數字、日期、工作表和副本（第 23 號問題）

data-decimals-invalid = “{ $text }”不是小數位數（應為 0 到 { $max } 的整數）
data-decimals-invalid-hint = 請寫這個指標的數字顯示幾位小數，例如 96.8 寫 1；不寫則每個數字按原樣顯示
data-forecast-hint = 預測值請寫“是”，實際監測值請留空
data-date-in-future = 日期 { $date } 晚於今天（{ $today }）：實際監測值不可能來自將來
data-date-in-future-hint = 請改正日期（年份是不是打錯了？）；如果這是預測值，請在這一列的“預測”欄寫“是”
data-achievement-in-future = 日期 { $date } 晚於今天（{ $today }）：成果只能統計到已經過去的日子
data-achievement-in-future-hint = 請改正日期（年份是不是打錯了？）
data-file-copy = { $copy } 是 { $original } 的副本：只讀取 { $original }
data-file-copy-hint = 請刪除副本，或者把它移出 data 資料夾（如果改的是副本，請先把它另存為原檔案的名字）
data-sheet-hidden = 工作表“{ $sheet }”{ $how ->
        [very-hidden] 被深度隱藏了（只能透過巨集顯示）
       *[hidden] 被隱藏了
    }：它的列不會發布
data-sheet-hidden-hint = { $how ->
        [very-hidden] 要發布這些列，請讓工作表重新顯示（在 Visual Basic 編輯器裡把 Visible 設為 xlSheetVisible）
       *[hidden] 要發布這些列，請取消隱藏這個工作表（右鍵按一下工作表索引標籤，選“取消隱藏”）
    }；不想發布就不用管它
data-city-name-twice = “{ $name }”是不止一個城市的名稱：{ $cities }
data-city-name-twice-hint = 請寫城市的編號，不要寫名稱
# 提示裡資料所在的位置：一個檔案，或者活頁簿裡的一個工作表。
data-place-sheet = { $file }（工作表“{ $sheet }”）
data-place-separator = 、
