# stdportal 的繁體中文提示：主題：介面文字、範本和短代碼。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 介面文字（主題的 i18n/zh-Hans.toml 和網站自己的）

labels-file-missing = 主題“{ $theme }”沒有介面文字檔案 { $file }
labels-file-missing-hint = 請把 themes/default/{ $file } 複製到這個主題裡（stdportal init 會寫出它），再修改想改的文字
labels-file-extra = stdportal 在這裡只讀取 { $file }，不讀取 { $name }
labels-file-extra-hant-hint = 繁體頁面顯示的是 { $file } 裡的介面文字，和頁面的其他內容一起轉換；要改變某個詞語的轉換方式，請把它加到 data/dictionary.toml 的 [to_hant] 裡，並刪除這個檔案
labels-file-extra-hint = 請把介面文字寫在 { $file } 裡，並刪除這個檔案
labels-not-utf8 = 介面文字檔案不是有效的 UTF-8 編碼
labels-not-utf8-hint = 請把它另存為 UTF-8 編碼
labels-syntax-hint = 請檢查 TOML 寫法：每行一條，寫成 名稱 = "文字"
labels-level-not-text = standard_levels 裡的每個級別都必須是加引號的文字
labels-level-not-text-hint = 請給各個級別加上英文引號：["國際", "國家", …]
labels-levels-not-list = standard_levels 必須是級別的列表
labels-levels-not-list-hint = 請這樣寫：standard_levels = ["國際", "國家", …]
# $example 是預設主題檔案裡設定這條介面文字的那一行，或者是“none”。
label-missing = 缺少介面文字 { $key }
label-missing-hint = { $example ->
        [none] 請把它加到 { $file } 裡
       *[other] 請把它加到 { $file } 裡，例如照預設主題寫 { $example }
    }
label-missing-site-hint = { $example ->
        [none] 請把它加到 { $file } 裡（或者加到網站的 { $site_file } 裡）
       *[other] 請把它加到 { $file } 裡（或者加到網站的 { $site_file } 裡），例如照預設主題寫 { $example }
    }
label-not-text = 介面文字 { $name } 必須是加引號的文字
label-not-text-hint = 請寫成 { $name } = "…"
label-unknown = 沒有名為 { $name } 的介面文字
label-unknown-close-hint = 是不是要寫 { $close }？可以用的名稱就是 themes/default/{ $file } 裡的那些
label-unknown-hint = 請用 themes/default/{ $file } 裡的名稱
label-template-unknown = 範本 { $template } 用了 labels.{ $label }，但沒有這條介面文字
# 一條介面文字的佔位符，作為一個名詞短語，每個都帶大括號，例如 {year}。
label-placeholder-list = { $count ->
        [1] { $first }
        [2] { $first } 和 { $second }
       *[other] { $first }、{ $second } 和 { $third }
    }
label-no-placeholders-hint = { $name } 沒有佔位符；要顯示大括號本身，請寫 { "{{" } 和 { "}}" }
label-placeholders-hint = { $name } 顯示 { $placeholders }；要顯示大括號本身，請寫 { "{{" } 和 { "}}" }
label-unclosed-brace = 介面文字 { $name } 裡有一個沒有閉合的 { "{" }
label-stray-brace = 介面文字 { $name } 裡有一個多餘的 { "}" }，前面沒有和它配對的 { "{" }
label-unknown-placeholder = 介面文字 { $name } 沒有佔位符 { $placeholder }
label-unknown-placeholder-shows = 介面文字 { $name } 沒有佔位符 { $placeholder }：它顯示的是 { $placeholders }
label-unused-placeholders = 介面文字 { $name } 沒有顯示 { $placeholders }
label-unused-placeholders-hint = { $example ->
        [none] { $name } 必須顯示 { $placeholders }，請參照預設主題
       *[other] { $name } 必須顯示 { $placeholders }，例如 { $example }
    }

## 範本

theme-missing = 主題“{ $theme }”不在 themes/{ $theme }/ 裡
theme-missing-hint = 請寫 theme = "default"，或者把主題複製到 themes 資料夾裡
template-not-utf8 = 範本不是有效的 UTF-8 編碼
template-missing = 缺少範本 { $template }
template-missing-hint = 請從預設主題恢復它，或者把自己的範本放在 templates/ 裡
# $detail 是 Tera 自己的英文說明；$template 是出錯的範本，不知道是哪個時為“none”。
template-error = { $template ->
        [none] 範本有錯誤（Tera 的說明）：{ $detail }
       *[other] 範本 { $template } 有錯誤（Tera 的說明）：{ $detail }
    }
template-error-hint = 請修改範本；stdportal build 每次只報告遇到的第一個範本問題
# $cycle：各個範本，每個後面是它包含的範本：a.html → b.html → a.html
template-include-loop = 範本互相包含或繼承，形成了迴圈：{ $cycle }
template-include-loop-hint = 請去掉其中一個 include（或 extends）；範本不能包含它自己
macro-calls-itself = { $template } 裡的巨集 { $name } 呼叫了它自己：{ $cycle }
macros-loop-in-file = { $template } 裡的巨集互相呼叫，形成了迴圈：{ $cycle }
macros-loop = 巨集互相呼叫，形成了迴圈：{ $cycle }
macro-loop-hint = 巨集不能直接或透過其他巨集呼叫它自己：Tera 沒有深度限制，產生會崩潰；請把各層分別寫出來

## 頁面裡的短代碼

shortcode-unclosed = 以 { "{{" } 開頭的短代碼沒有用 { "}}" } 結束
shortcode-bad = “{ $call }”不是短代碼：請這樣寫 { "{{" } indicator(city="rizhao", id="…") { "}}" }
shortcode-unknown = 沒有名為“{ $name }”的短代碼（沒有範本 { $template }）
shortcode-no-indicator = { $places } 裡沒有城市“{ $city }”的指標“{ $id }”
shortcode-indicator-args = indicator 短代碼需要寫 city="…" 和 id="…"
