### stdportal import：把 Word 檔案變成 Markdown 頁面。

import-to-outside = 這個資料夾不在 { $content } 裡：頁面必須放在網站的內容資料夾裡
import-to-outside-hint = 請給 --to 一個 content/ 裡的資料夾，例如 --to content/policies
import-exists = 這個檔案已經存在：import 不會覆寫頁面，它可能已經修改過
import-exists-hint = 如果要從 Word 檔案重新產生，請加上 --force 再執行一次（頁面裡修改過的內容會遺失），或者用 --to 匯入到別的資料夾
import-not-word = 這不是 Word 檔案（.docx、.docm、.doc 或 .wps）
import-not-word-hint = 請給出一個 Word 檔案，或者一個放著 Word 檔案的資料夾
import-no-word-files = 這個資料夾裡沒有 Word 檔案（.docx、.docm、.doc 或 .wps）
import-write-failed = 無法寫入：{ $error }
import-as-written = { $value }（原文寫作 { $original }）
import-genre = { $genre } → 頁面類型 { $kind }
import-attachment = { $label } { $title }（{ $length } 字）
import-picture = { $name }（替代文字：“{ $alt }”）
import-element = { $element ->
        [title] 標題
        [genre] 文種
       *[other] { $element }
    }：{ $value }
import-element-at = 第 { $paragraph } 段：{ $element ->
        [copy_number] 份號（不發布）
        [secrecy] 密級（不發布）
        [urgency] 緊急程度（不發布）
        [issuer] 發文機關
        [doc_number] 發文字號
        [signer] 簽發人
        [title] 標題
        [recipients] 主送機關
        [attachment_list] 附件說明
        [signature] 發文機關署名
        [written] 成文日期
        [remark] 附註
        [copy_to] 抄送機關
        [printed_by] 印發機關
        [printed_on] 印發日期
        [attachment_section] 附件，作為頁面的一節
        [attachment_page] 附件，單獨成頁
        [picture] 圖片
       *[other] { $element }
    }：{ $value }
import-dry-run = { $source } —— 辨識出的內容（不寫入任何檔案）：
import-would-write = 將會寫入：
import-wrote = { $source } → { $page }（寫入了 { $files } 個檔案）
import-failed = 有 { $count } 個 Word 檔案沒能匯入。
