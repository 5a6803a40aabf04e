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
data-city-hint = 是不是“{ $near }”？本网站的城市有：{ $cities }；或者把这个城市加到 { $places } 里
data-unknown-indicator-near = 是不是“{ $near }”？请用 { $places } 里 { $city } 的指标 id
data-unknown-indicator-hint = 请用 { $places } 里 { $city } 的指标 id
data-unknown-indicator = 城市“{ $city }”没有指标“{ $id }”

## 页面与数据之间的引用

page-unknown-city = 没有“{ $city }”这个城市
page-related-missing-near = 是不是“{ $near }”？请写另一个页面的页面地址名（它的文件名去掉 .md，或者它写的 页面地址名 = …）
page-related-missing-hint = 请写另一个页面的页面地址名（它的文件名去掉 .md，或者它写的 页面地址名 = …）
page-related-missing = 相关页面“{ $slug }”不存在
page-lineage-missing = 这里写的文件“{ $slug }”不存在
superseded-but-in-force = 这个页面写了替代文件，却没有说明自己已经不再有效
superseded-but-in-force-hint = 请加上 有效性 = "已废止"（或 "已失效"）；如果文件仍然有效，请删掉替代文件这一项
lineage-names-itself = 这个页面把自己（“{ $slug }”）写成了替代文件或被修改文件
lineage-names-itself-hint = 请写另一个文件的页面地址名：它的文件名去掉 .md，或者它写的页面地址名
data-source-not-a-page = 来源文件“{ $document }”不是本网站的页面
data-source-not-a-page-hint = 请写给出这个数字的页面的页面地址名（文件名去掉 .md）
data-plan-not-a-page = 规划“{ $plan }”不是本网站的页面
data-plan-not-a-page-hint = 请写规划页面的页面地址名（文件名去掉 .md）
page-template-missing = 模板“{ $template }”不存在
page-template-missing-hint = 请用主题里的模板（page.html、section.html 等），或者把它加到 templates/ 里

## 数据表的行

data-city-id-not-url = 城市 id“{ $id }”不能用在网址里
data-indicator-id-not-url = 指标 id“{ $id }”不能用在网址里
data-id-not-url-hint = 请用英文字母、数字和短横线，例如 rizhao 或 pass-rate-2020
data-quote-without-document = 来源原文需要注明它出自哪个文件
data-quote-without-document-hint = 请加上 source_document（给出这段原文的页面的页面地址名）
data-comparator-hint = 请写 >=（不低于）、<=（不高于）或 =（达到）
data-baseline-incomplete = 基线需要同时有值和年份
data-baseline-incomplete-hint = 请把基线值和基线年份都填上，或者都空着
data-target-no-year = 目标没有年份
data-target-no-year-hint = 请加上目标的完成年份，例如 target_year = 2020
data-target-before-baseline = 目标年份 { $target } 早于基线年份 { $baseline }
data-target-before-baseline-hint = 请检查这两个年份；目标年份必须在基线年份之后
data-date-missing = 缺少日期
data-date-missing-hint = 请写年份或日期，例如 2021 或 2021-10
data-date-hint = 请写年份或日期，例如 2021、2021-10 或 2021年10月
data-city-twice = 城市 id“{ $id }”用了两次
data-indicator-twice = 城市“{ $city }”的指标 id“{ $id }”用了两次
# $first 和 $second 是这两行，写成 文件:行号。
data-observation-twice = 城市“{ $city }”的指标“{ $indicator }”在 { $date } 有两条观测值：{ $first } 和 { $second }
data-observation-twice-hint = 请只保留一条：删掉另一行或改正它的日期（否则哪一条算数要看行的先后）

## data/ 里的文件

data-unknown-file = stdportal 不认识这个数据文件
data-unknown-file-hint = 数据表的名字是 cities、indicators、observations 或 achievements（例如 data/indicators.csv 或 data/indicators/rizhao.toml）；别的名字的工作簿把数据表放在以表名命名的工作表里
data-sheet-not-a-table = 工作表“{ $sheet }”的名字不是数据表的名字
data-sheet-not-a-table-hint = 请用工作表所存的数据表给它命名：城市（cities）、指标（indicators）、观测（observations）或成果（achievements）；或者用工作簿唯一的数据表给工作簿命名，例如 data/observations.xlsx
data-table-twice = { $files } 保存了同一份数据
# data-table-twice 里的两个文件（或者依次是一串文件和另一个文件）。
data-files-and = { $first } 和 { $second }
data-table-twice-hint = 请保留其中一个，删掉另一个（从工作簿另存的 CSV 和工作簿里的行是一样的）

## 取值有限的项：页面的 kind（文件类别）和 validity（效力状态），目标的比较方式
# $what 是 kind、validity 或 comparator；$choices 是用 choice-separator 和 choice-or 连起来的
# choice-name 或 choice-name-also。

choice-unknown = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件类别
        [validity] 效力状态
        [comparator] 比较方式
        [forecast] 预测标记
       *[other] { $what }
    }，请写其中之一：{ $choices }
choice-near = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件类别
        [validity] 效力状态
        [comparator] 比较方式
        [forecast] 预测标记
       *[other] { $what }
    }。是不是{ $near }？可以写：{ $choices }
choice-ambiguous = “{ $wanted }”不是可用的{ $what ->
        [kind] 文件类别
        [validity] 效力状态
        [comparator] 比较方式
        [forecast] 预测标记
       *[other] { $what }
    }：它可能是{ $choices }，请写出你指的那一个
choice-name = “{ $name }”
choice-name-also = “{ $name }”（{ $also }）
choice-separator = 、
choice-or = { $rest }或{ $last }

## 数字、日期、工作表和副本（第 23 号问题）

data-decimals-invalid = “{ $text }”不是小数位数（应为 0 到 { $max } 的整数）
data-decimals-invalid-hint = 请写这个指标的数字显示几位小数，例如 96.8 写 1；不写则每个数字按原样显示
data-forecast-hint = 预测值请写“是”，实际监测值请留空
data-date-in-future = 日期 { $date } 晚于今天（{ $today }）：实际监测值不可能来自将来
data-date-in-future-hint = 请改正日期（年份是不是打错了？）；如果这是预测值，请在这一行的“预测”列写“是”
data-achievement-in-future = 日期 { $date } 晚于今天（{ $today }）：成果只能统计到已经过去的日子
data-achievement-in-future-hint = 请改正日期（年份是不是打错了？）
data-file-copy = { $copy } 是 { $original } 的副本：只读取 { $original }
data-file-copy-hint = 请删除副本，或者把它移出 data 文件夹（如果改的是副本，请先把它另存为原文件的名字）
data-sheet-hidden = 工作表“{ $sheet }”{ $how ->
        [very-hidden] 被深度隐藏了（只能通过宏显示）
       *[hidden] 被隐藏了
    }：它的行不会发布
data-sheet-hidden-hint = { $how ->
        [very-hidden] 要发布这些行，请让工作表重新显示（在 Visual Basic 编辑器里把 Visible 设为 xlSheetVisible）
       *[hidden] 要发布这些行，请取消隐藏这个工作表（右键单击工作表标签，选“取消隐藏”）
    }；不想发布就不用管它
data-city-name-twice = “{ $name }”是不止一个城市的名称：{ $cities }
data-city-name-twice-hint = 请写城市的编号，不要写名称
# 提示里数据所在的位置：一个文件，或者工作簿里的一个工作表。
data-place-sheet = { $file }（工作表“{ $sheet }”）
data-place-separator = 、
