# stdportal 的简体中文提示：stdportal check。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## check

check-outside-base-path = 网站路径 { $base_path } 以外：{ $path }
check-danger = 生成的页面里：{ $what }
check-danger-from = 生成的页面里：{ $what }（来自 { $source }）
check-danger-from-line = 生成的页面里：{ $what }（来自 { $source } 第 { $line } 行）
check-link-outside = 链接“{ $link }”指向{ $reason }
check-link-outside-hint = 站内链接请以网站路径开头，或者写成相对于本页的地址
check-link-missing = 链接“{ $link }”指向的页面不存在
check-link-missing-hint = 请改正地址，或者建立它指向的页面
check-anchor-missing = 链接“{ $link }”指向锚点 #{ $anchor }，但 { $file } 里没有这个锚点
check-anchor-missing-hint = 锚点由标题文字生成：请检查标题的写法
check-id-twice = { $page } 里有两个元素的 id 都是“{ $id }”：指向 #{ $id } 的链接和查找它的脚本只会找到第一个
check-id-twice-hint = 请给其中一个换一个 id：改掉页面 HTML 里写的 id，或者改一下标题的文字（主题用的 id，例如 main，在每个页面上都已经占用）
check-image-no-alt = 图片“{ $src }”没有替代文字
check-image-no-alt-hint = 请为看不到图片的读者描述它：![描述](图片.png)
check-related-not-linked = 页面没有链接到它的相关文件 { $other }
check-related-not-linked-hint = 页面模板必须显示 page.related
check-only-in-script = { $message }（只在{ $script }页面上）
check-also-on-pages = { $message }；另外 { $count } 个页面也一样：{ $pages }{ $more ->
        [0] {""}
       *[other] 等
    }

## check --gov：全国政府网站普查会判为不合格的地方

gov-home-stale = 首页已有 { $days } 天没有更新：全站最新的页面是 { $page }（{ $newest }），超过了 2 周
gov-home-stale-hint = 普查要求首页 2 周内有更新：发布新的文章；修改过的页面请在前置信息里写上 updated（更新日期）
gov-home-no-dates = 无法判断首页什么时候更新过：网站里没有一个写了日期的页面
gov-home-no-dates-hint = 请在页面的前置信息里写上 date（发布日期）
gov-column-stale-news = 动态类栏目“{ $column }”已有 { $days } 天没有更新（最新的是 { $page }，{ $newest }），超过了 2 周
gov-column-stale-news-hint = 普查要求动态、要闻类栏目 2 周内更新：发布新的动态；不再更新的栏目请撤下
gov-column-stale-notices = 通知公告、政策文件类栏目“{ $column }”已有 { $days } 天没有更新（最新的是 { $page }，{ $newest }），超过了 6 个月
gov-column-stale-notices-hint = 普查要求通知公告、政策文件类栏目 6 个月内更新：发布新的文件；不再更新的栏目请撤下
gov-column-no-dates = 无法判断栏目“{ $column }”什么时候更新过：它的页面都没有写日期
gov-column-empty = 栏目“{ $column }”是空的：没有一个已发布的页面
gov-column-empty-hint = 普查把空栏目算作不合格：在这个栏目的文件夹里加上页面，或者删除这个栏目
gov-footer-item = { $key ->
        [sponsor] 主办单位
        [contact] 联系方式
        [address] 地址
        [site_code] 网站标识码
        [icp] ICP备案号
        [police_record] 公安备案号
        [copyright] 版权信息
        [gov_mark] 党政机关网站标识
        [report_errors_url] “我为政府网站找错”链接
       *[other] { $key }
    }
gov-footer-missing = 页脚缺少{ $item }：config.toml 的 [footer] 里没有写 { $key }
gov-footer-missing-hint = 请在 config.toml 的 [footer] 里写上 { $key } = "…"（见 docs/GUIDE.md 的“政府网站普查”）
gov-footer-not-shown = config.toml 里写了页脚的{ $item }（{ $key }），但首页上没有显示
gov-footer-not-shown-hint = 网站用的主题的页脚没有显示 config.footer.{ $key }：请在主题的 base.html 页脚里加上它（默认主题有）
gov-site-code-bad = 网站标识码“{ $value }”不是标识码：标识码是 10 位数字或字母
gov-site-code-bad-hint = 请把 config.toml 的 [footer] 里 site_code 改成网站开办时分配的标识码（例如 3708000001），在全国政府网站信息报送系统里可以查到
gov-mark-no-link = 党政机关网站标识没有链接：config.toml 的 [footer] 里没有写 gov_mark_url
gov-mark-no-link-hint = 标识应链接到网站的开办注册信息页面：请写上 gov_mark_url = "https://bszs.conac.cn/…"
gov-tag-what = { $tag ->
        [SiteName] 网站名称
        [SiteDomain] 网站域名
        [SiteIDCode] 网站标识码
        [Url] 页面地址
        [ColumnName] 栏目名称
        [ArticleTitle] 文章标题
        [PubDate] 发布时间
        [ContentSource] 文章来源
       *[other] { $tag }
    }
gov-meta-missing = { $count } 个页面缺少 meta 标签 { $tag }（{ $what }）：{ $pages }{ $more ->
        [0] {""}
       *[other] 等
    }
gov-meta-missing-hint = { $tag ->
        [SiteIDCode] 请在 config.toml 的 [footer] 里写上 site_code（网站标识码）
        [PubDate] 请在这些页面的前置信息里写上 date（发布日期）
        [ContentSource] 请在这些页面的前置信息里写上 source（来源）或 issuer（发文机关）
       *[other] 检查工具从这个标签读取{ $what }：请在主题的模板里加上它（默认主题有）
    }
gov-annual-report-missing = 首页没有链接到 { $year } 年的政府网站工作年度报表：按 { $date } 计算，1 月 31 日以后首页应当有它的链接
gov-annual-report-missing-hint = 请在首页（content/_index.md）加一个链接，链接文字写“{ $year }年政府网站工作年度报表”，指向报表的页面或地址
