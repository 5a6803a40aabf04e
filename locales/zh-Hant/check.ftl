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

## check --gov：全國政府網站普查會判為不合格的地方

gov-home-stale = 首頁已有 { $days } 天沒有更新：全站最新的頁面是 { $page }（{ $newest }），超過了 2 週
gov-home-stale-hint = 普查要求首頁 2 週內有更新：發布新的文章；修改過的頁面請在前置資訊裡寫上 updated（更新日期）
gov-home-no-dates = 無法判斷首頁什麼時候更新過：網站裡沒有一個寫了日期的頁面
gov-home-no-dates-hint = 請在頁面的前置資訊裡寫上 date（發布日期）
gov-column-stale-news = 動態類欄目「{ $column }」已有 { $days } 天沒有更新（最新的是 { $page }，{ $newest }），超過了 2 週
gov-column-stale-news-hint = 普查要求動態、要聞類欄目 2 週內更新：發布新的動態；不再更新的欄目請撤下
gov-column-stale-notices = 通知公告、政策文件類欄目「{ $column }」已有 { $days } 天沒有更新（最新的是 { $page }，{ $newest }），超過了 6 個月
gov-column-stale-notices-hint = 普查要求通知公告、政策文件類欄目 6 個月內更新：發布新的文件；不再更新的欄目請撤下
gov-column-no-dates = 無法判斷欄目「{ $column }」什麼時候更新過：它的頁面都沒有寫日期
gov-column-empty = 欄目「{ $column }」是空的：沒有一個已發布的頁面
gov-column-empty-hint = 普查把空欄目算作不合格：在這個欄目的資料夾裡加上頁面，或者刪除這個欄目
gov-footer-item = { $key ->
        [sponsor] 主辦單位
        [contact] 聯絡方式
        [address] 地址
        [site_code] 網站識別碼
        [icp] ICP備案號
        [police_record] 公安備案號
        [copyright] 版權資訊
        [gov_mark] 黨政機關網站標識
        [report_errors_url] 「我為政府網站找錯」連結
       *[other] { $key }
    }
gov-footer-missing = 頁尾缺少{ $item }：config.toml 的 [footer] 裡沒有寫 { $key }
gov-footer-missing-hint = 請在 config.toml 的 [footer] 裡寫上 { $key } = "…"（見 docs/GUIDE.md 的「政府網站普查」）
gov-footer-not-shown = config.toml 裡寫了頁尾的{ $item }（{ $key }），但首頁上沒有顯示
gov-footer-not-shown-hint = 網站用的主題的頁尾沒有顯示 config.footer.{ $key }：請在主題的 base.html 頁尾裡加上它（預設主題有）
gov-site-code-bad = 網站識別碼「{ $value }」不是識別碼：識別碼是 10 位數字或字母
gov-site-code-bad-hint = 請把 config.toml 的 [footer] 裡 site_code 改成網站開辦時分配的識別碼（例如 3708000001），在全國政府網站資訊報送系統裡可以查到
gov-mark-no-link = 黨政機關網站標識沒有連結：config.toml 的 [footer] 裡沒有寫 gov_mark_url
gov-mark-no-link-hint = 標識應連結到網站的開辦註冊資訊頁面：請寫上 gov_mark_url = "https://bszs.conac.cn/…"
gov-tag-what = { $tag ->
        [SiteName] 網站名稱
        [SiteDomain] 網站網域
        [SiteIDCode] 網站識別碼
        [Url] 頁面位址
        [ColumnName] 欄目名稱
        [ArticleTitle] 文章標題
        [PubDate] 發布時間
        [ContentSource] 文章來源
       *[other] { $tag }
    }
gov-meta-missing = { $count } 個頁面缺少 meta 標籤 { $tag }（{ $what }）：{ $pages }{ $more ->
        [0] {""}
       *[other] 等
    }
gov-meta-missing-hint = { $tag ->
        [SiteIDCode] 請在 config.toml 的 [footer] 裡寫上 site_code（網站識別碼）
        [PubDate] 請在這些頁面的前置資訊裡寫上 date（發布日期）
        [ContentSource] 請在這些頁面的前置資訊裡寫上 source（來源）或 issuer（發文機關）
       *[other] 檢查工具從這個標籤讀取{ $what }：請在主題的範本裡加上它（預設主題有）
    }
gov-annual-report-missing = 首頁沒有連結到 { $year } 年的政府網站工作年度報表：按 { $date } 計算，1 月 31 日以後首頁應當有它的連結
gov-annual-report-missing-hint = 請在首頁（content/_index.md）加一個連結，連結文字寫「{ $year }年政府網站工作年度報表」，指向報表的頁面或位址
