# stdportal 的繁體中文提示：stdportal check。
# 每條提示在 en/ 和 zh-Hans/ 裡同名的檔案中也有，佔位符相同（src/i18n/tests.rs 裡的測試會檢查）。

## check

check-outside-base-path = 網站路徑 { $base_path } 以外：{ $path }
check-danger = 產生的頁面裡：{ $what }
check-danger-from = 產生的頁面裡：{ $what }（來自 { $source }）
check-danger-from-line = 產生的頁面裡：{ $what }（來自 { $source } 第 { $line } 行）
check-link-outside = 連結“{ $link }”指向{ $reason }
check-link-outside-hint = 站內連結請以網站路徑開頭，或者寫成相對於本頁的地址
check-link-missing = 連結“{ $link }”指向的頁面不存在
check-link-missing-hint = 請改正地址，或者建立它指向的頁面
check-anchor-missing = 連結“{ $link }”指向錨點 #{ $anchor }，但 { $file } 裡沒有這個錨點
check-anchor-missing-hint = 錨點由標題文字產生：請檢查標題的寫法
check-id-twice = { $page } 裡有兩個元素的 id 都是“{ $id }”：指向 #{ $id } 的連結和查找它的指令碼只會找到第一個
check-id-twice-hint = 請給其中一個換一個 id：改掉頁面 HTML 裡寫的 id，或者改一下標題的文字（主題用的 id，例如 main，在每個頁面上都已經佔用）
check-image-no-alt = 圖片“{ $src }”沒有替代文字
check-image-no-alt-hint = 請為看不到圖片的讀者描述它：![描述](圖片.png)
check-related-not-linked = 頁面沒有連結到它的相關檔案 { $other }
check-related-not-linked-hint = 頁面範本必須顯示 page.related
check-only-in-script = { $message }（只在{ $script }頁面上）
check-also-on-pages = { $message }；另外 { $count } 個頁面也一樣：{ $pages }{ $more ->
        [0] {""}
       *[other] 等
    }
