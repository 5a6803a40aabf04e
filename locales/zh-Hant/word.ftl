# stdportal 的繁體中文提示：從 Word 檔案（.docx、.doc、.wps）讀取公文。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，預留位置相同。

## 不讀取的檔案

word-file-limit = 這個 Word 檔案有 { $size } MB：超過 { $limit } MB 的 Word 檔案不予讀取
word-part-limit = 這個 Word 檔案中的「{ $part }」部分解壓縮後有 { $size } MB：超過 { $limit } MB 的部分不予讀取
word-unpacked-limit = 這個 Word 檔案解壓縮後有 { $size } MB：Word 檔案最多讀取解壓縮後的 { $limit } MB
word-parts-limit = 這個 Word 檔案是由 { $count } 個部分組成的壓縮檔：Word 檔案的部分遠比這少，超過 { $limit } 個部分的檔案不予讀取
word-ratio-limit = 這個 Word 檔案中的「{ $part }」部分壓縮得比內容小 { $ratio } 倍：Word 最多壓縮幾十倍，壓縮超過 { $limit } 倍的部分不予讀取
word-elements-limit = 這個 Word 檔案中的「{ $part }」部分有超過 { $limit } 個 XML 元素，超出了讀取的上限
word-depth-limit = 這個 Word 檔案中的「{ $part }」部分的 XML 元素巢狀超過 { $limit } 層，超出了讀取的上限
word-smaller-hint = 請把檔案改小：在 Word 中選擇「檔案 ▸ 壓縮圖片」（WPS 中為「圖片壓縮」），或者把文件拆開，把較長的附件作為單獨的檔案發布
word-damaged-hint = 這個檔案不是 Word、WPS 或 LibreOffice 原樣儲存的，或者是為了耗盡電腦記憶體而做的：請用 Word 或 WPS 開啟，重新另存為 .docx
word-not-word = 這個 .{ $extension } 檔案不是 Word 文件：{ $looks ->
        [empty] 它是空的
        [pdf] 它是 PDF 檔案
        [rtf] 它是 RTF 文件
        [markup] 它是網頁（HTML）
        [text] 它是純文字
        [odt] 它是 OpenDocument 文字文件（.odt）
        [workbook] 它是試算表
        [presentation] 它是簡報
        [zip] 它是裝著其他檔案的壓縮檔
       *[other] 它的內容不是文書處理軟體儲存的格式
    }
word-not-word-hint = { $looks ->
        [pdf] PDF 檔案作為附件發布（放在 static/ 裡並加上連結）；要為它產生頁面，需要 Markdown 或 .docx 格式的正文：請在 WPS 或 Word 中開啟原文件，另存為 .docx
        [empty] 請在 Word 或 WPS 中重新儲存文件，儲存為 .docx
       *[other] 請用 Word、WPS 或 LibreOffice 開啟，另存為 Word 文件（.docx）
    }
word-legacy = 這個 .{ $extension } 檔案是{ $kind ->
        [doc] Word 97–2003 文件，這種格式不能直接讀取
       *[works] Microsoft Works 文件，這種格式不能直接讀取
    }
word-no-converter = 這個 .{ $extension } 檔案是{ $kind ->
        [doc] Word 97–2003 文件
       *[works] Microsoft Works 文件
    }，而用來轉換它的 LibreOffice 沒有安裝
word-legacy-hint = { $kind ->
        [doc] 請用 Word 或 WPS 開啟，另存為 Word 文件（.docx）（WPS：檔案 ▸ 另存為 ▸ Word 檔案 (*.docx)）；或者安裝 LibreOffice（soffice），產生網站時會自動轉換
       *[works] 請用 Word 或 LibreOffice 開啟，另存為 Word 文件（.docx）；或者安裝 LibreOffice（soffice），產生網站時會自動轉換
    }
word-conversion-failed = LibreOffice 無法把這個{ $kind ->
        [doc] Word 97–2003 文件
       *[works] Microsoft Works 文件
    }轉換為 .docx：{ $error }
word-password = 這個 Word 檔案設定了密碼，無法讀取其中的文字
word-password-hint = 請在 Word 或 WPS 中輸入密碼開啟，取消密碼（檔案 ▸ 資訊 ▸ 保護文件 ▸ 以密碼加密，清空密碼）後重新儲存
word-duplicate-parts = 這個 Word 檔案中有兩個同名的部分，不同的軟體會讀出不同的內容
word-no-document = 這個壓縮檔中沒有 Word 文件
word-no-document-hint = 請用 Word 或 WPS 開啟，另存為 Word 文件（.docx）
word-dtd = 這個 Word 檔案中的「{ $part }」部分宣告了帶實體的文件類型：Word 從不這樣寫，這種寫法能讓一個小檔案膨脹到耗盡電腦記憶體
word-unreadable = 無法讀取這個 Word 檔案：{ $error }
word-unreadable-part = 無法讀取這個 Word 檔案中的「{ $part }」部分：{ $error }
word-unreadable-hint = 請用 Word 或 WPS 開啟，重新另存為 Word 文件（.docx）

## 讀取時的說明

word-at-paragraph = 第 { $paragraph } 段：{ $message }
word-at-paragraph-quoted = 第 { $paragraph } 段（「{ $quote }」）：{ $message }
word-no-title = 沒有找到標題：標題是發文字號下面置中的一行（或幾行），以文種結尾（通知、意見、辦法……）
word-no-title-hint = 頁面會改用檔案屬性中的標題或檔名；請在 Word 中把標題置中，或在匯入時填寫頁面標題
word-no-issuer = 沒有找到發文機關：發文字號上面沒有發文機關標誌，成文日期上面也沒有發文機關署名
word-no-issuer-hint = 請在匯入時填寫發文機關
word-secrecy = 這份文件標有「{ $level }」：涉密文件不得在公開網站上發布
word-secrecy-hint = 請在文件解密後再發布，並先刪除 Word 檔案中的密級標誌
word-header-unrecognised = 發文字號上面的這一行不是版頭的任何要素（份號、密級、緊急程度、發文機關標誌、簽發人），沒有放進正文
word-header-unrecognised-hint = 如果它屬於正文，請在 Word 中把它移到標題下面；如果它是發文機關名稱，請寫成「××人民政府文件」或設為紅色
word-no-date = 沒有找到成文日期：成文日期是發文機關署名下面單獨的一行
word-no-date-hint = 請在發文機關署名下面單獨一行寫成 2021年10月12日（或 二〇二一年十月十二日），或在匯入時填寫頁面的日期
word-urgency = 緊急程度「{ $urgency }」不在頁面上顯示，除非另行指定
word-copy-number = 份號「{ $number }」不在頁面上顯示
word-tracked-changes = 這份文件有沒有接受也沒有拒絕的修訂（插入 { $insertions } 處，刪除 { $deletions } 處）：頁面按全部接受修訂後的文字顯示
word-tracked-changes-hint = 請對照文件核對頁面，或在 WPS（審閱 ▸ 接受所有修訂）或 Word（校閱 ▸ 接受 ▸ 接受所有變更）中處理完修訂後重新儲存
word-comments = 文件中的 { $count } 則註解不予發布
word-hidden = 有 { $count } 個字的隱藏文字不予發布
word-hidden-hint = 隱藏文字在 Word 中不顯示編輯標記時是看不見的；如果應該發布，請在字型設定中取消「隱藏」
word-symbols = 有 { $count } 個從符號字型插入的符號（插入 ▸ 符號）沒有讀取
word-symbols-hint = 請直接輸入這個字元（✓、●、※），不要從 Wingdings 或 Symbol 字型插入
word-toc = 目錄沒有讀取：目錄中的頁碼在網頁上沒有意義，頁面會自己列出各級標題
word-object = 圖表、SmartArt 圖形或內嵌物件沒有讀取
word-object-hint = 請把它作為圖片貼進文件（選擇性貼上 ▸ 圖片）並填寫替代文字，或者把其中的資料作為表格發布
word-external-picture = 有一張圖片連結到檔案外的「{ $address }」，既不下載也不發布
word-external-picture-hint = 請把圖片插入到文件裡（插入 ▸ 圖片 ▸ 此裝置），不要只插入連結
word-placeholder = 內容控制項中的提示文字（「按一下這裡以輸入文字」）沒有讀取
word-unsafe-link = 指向「{ $address }」的連結不作為連結發布（頁面只連結到網址和電子郵件地址），文字保留
word-unsafe-link-hint = 如果需要連結，請改為連結到網址（https://…）
word-debris = { $kind ->
        [nbsp] { $count } 個不分行空格改成了普通空格
        [soft-hyphen] 刪除了 { $count } 個選擇性連字號
        [zero-width] 刪除了 { $count } 個看不見的零寬字元
        [line-break] { $count } 個以特殊字元貼上的換行符號改成了換行
        [control] 刪除了 { $count } 個控制字元
        [direction] 刪除了 { $count } 個看不見的文字方向標記
       *[object] 刪除了 { $count } 個物件預留位置
    }
word-macros = 這份文件含有巨集（.docm）：巨集既不執行也不發布
word-picture-missing = Word 檔案中缺少圖片檔案「{ $part }」
word-picture-broken = 有一張圖片指向 Word 檔案中不存在的部分
word-picture-format = 有一張圖片的格式（{ $format }）瀏覽器不能顯示，沒有發布
word-picture-hint = 請在 Word 或 WPS 中按右鍵點選圖片，另存為 PNG 或 JPEG 檔案，再插入這個檔案
word-picture-no-alt = 圖片 { $name } 沒有替代文字，看不見圖片的讀者需要它
word-picture-no-alt-hint = 請在 Word 或 WPS 中按右鍵點選圖片 ▸ 編輯替代文字，寫明圖片的內容
