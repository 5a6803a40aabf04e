# stdportal 的繁體中文提示：尋找網站檔案。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## 尋找網站檔案

file-unreadable = 無法讀取：{ $error }
link-outside-site = 這個連結指向網站以外的 { $target }
link-outside-site-hint = 請把檔案複製到網站裡，不要用連結
link-dangling = 這個連結指向的檔案不存在
link-dangling-hint = 請刪除這個連結，或者恢復它指向的檔案
folder-unreadable = 無法讀取這個資料夾：{ $error }
folder-link-outside-site = 這是指向網站以外的 { $target } 的連結：stdportal 只讀取和發布網站裡的檔案
folder-link-outside-site-hint = 請把資料夾複製到網站裡，不要用連結
folder-unreadable-hint = 請檢查你是否有權限開啟和讀取這個資料夾，或者把它移出網站

## 讀取網站裡的檔案（src/read.rs）

read-not-a-file = 這不是一般檔案，而是{ $what ->
        [fifo] 具名管道（FIFO）
        [device] 裝置
        [socket] 通訊端
        [folder] 資料夾
       *[other] 特殊檔案
    }：stdportal 只讀取一般檔案，這樣產生網站時不會一直等待管道，也不會無止盡地讀取裝置
read-link-not-a-file = 這個連結指向 { $target }，它不是一般檔案，而是{ $what ->
        [fifo] 具名管道（FIFO）
        [device] 裝置
        [socket] 通訊端
        [folder] 資料夾
       *[other] 特殊檔案
    }：stdportal 只讀取一般檔案
read-not-a-file-hint = 請在這裡放入檔案本身，或者刪除它
read-too-large = 這個檔案有 { $size }，超過了 stdportal 讀取{ $kind ->
        [page] 頁面
        [table] 資料表
        [workbook] 活頁簿
        [settings] 設定檔、範本或介面文字檔案
        [word] Word 檔案
       *[static] 靜態檔案
    }的上限 { $limit }
read-too-large-hint = { $kind ->
        [page] 請把它拆成幾個頁面
        [table] 請把這張表拆成幾個檔案，放在以表名命名的資料夾裡（data/observations/2024.csv、data/observations/2025.csv）
        [workbook] 請把它拆成幾個活頁簿，放在以表名命名的資料夾裡（data/observations/2024.xlsx、data/observations/2025.xlsx）
        [settings] 沒有人會手寫這麼大的檔案：請檢查是不是放錯了檔案
        [word] 請壓縮其中的圖片（在 Word 裡：壓縮圖片），或者把檔案拆成幾個
       *[static] 這麼大的檔案請放到檔案伺服器上，再在頁面裡連結它
    }
read-link-loop = 這個連結繞成了一個圈（經過其他連結又指回自己），找不到任何檔案
read-link-loop-hint = 請刪除這個連結，或者讓它指向一個檔案
read-link-chain = 這個連結指向另一個連結，那個又指向另一個，連續超過 40 個：系統不再繼續跟隨
read-link-chain-hint = 請讓連結直接指向檔案
read-link-hidden = 這個連結指向網站裡的隱藏檔案 { $target }（它或路徑上的資料夾名稱以點開頭，例如 .git/）：stdportal 從不讀取或發布這類檔案
read-link-hidden-hint = 請把需要發布的內容複製到網站裡不隱藏的資料夾，不要用連結
read-name-not-text = 名稱“{ $name }”不是能讀的文字（它是用別的編碼儲存的，� 表示無法辨識的部分），不能成為網址的一部分
read-name-not-text-hint = 請重新命名，例如在檔案總管裡，用中文或拉丁字母、數字和 -
read-replaced = 讀取這個檔案時，它被替換了（換成了連結或其他類型的檔案）
read-replaced-hint = 請等網站的檔案不再變化後重新產生
