# stdportal's messages in English: stdportal check.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## check

check-outside-base-path = outside the site's path { $base_path }: { $path }
check-danger = in the rendered page: { $what }
check-danger-from = in the rendered page: { $what } (from { $source })
check-danger-from-line = in the rendered page: { $what } (from { $source }, line { $line })
check-link-outside = the link "{ $link }" points { $reason }
check-link-outside-hint = start internal links with the site's path, or write them relative to the page
check-link-missing = the link "{ $link }" leads to a page that does not exist
check-link-missing-hint = correct the address, or create the page it points to
check-anchor-missing = the link "{ $link }" points to the anchor #{ $anchor }, which { $file } does not have
check-anchor-missing-hint = headings get anchors from their text: check the heading's spelling
check-id-twice = { $page } has two elements with id="{ $id }": a link to #{ $id } and a script that looks it up find the first only
check-id-twice-hint = give one of them another id: rename the id written in the page's HTML, or change a heading's text (the theme's ids, such as main, are taken on every page)
check-image-no-alt = the image "{ $src }" has no alt text
check-image-no-alt-hint = describe the image for readers who cannot see it: ![描述](图片.png)
check-related-not-linked = the page does not link to its related document { $other }
check-related-not-linked-hint = the page template must show page.related
check-only-in-script = { $message } (only on the { $script } page)
check-also-on-pages = { $message }; the same on { $count } more { $count ->
        [one] page
       *[other] pages
    }: { $pages }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }

## check --gov: what the national government website inspection (全国政府网站普查) would fail

gov-home-stale = The home page has not been updated for { $days } days: the newest page of the site is { $page } ({ $newest }), more than 2 weeks
gov-home-stale-hint = The inspection wants the home page updated within 2 weeks: publish a new page; for a page you changed, write updated (the date of the change) in its front matter
gov-home-no-dates = Cannot tell when the home page was updated: no page of the site has a date
gov-home-no-dates-hint = Write date (the publication date) in the pages' front matter
gov-column-stale-news = The news column “{ $column }” has not been updated for { $days } days (its newest page is { $page }, { $newest }), more than 2 weeks
gov-column-stale-news-hint = The inspection wants news columns updated within 2 weeks: publish news, or take down a column that is no longer kept
gov-column-stale-notices = The column of notices and policy documents “{ $column }” has not been updated for { $days } days (its newest page is { $page }, { $newest }), more than 6 months
gov-column-stale-notices-hint = The inspection wants columns of notices and policy documents updated within 6 months: publish a new document, or take down a column that is no longer kept
gov-column-no-dates = Cannot tell when the column “{ $column }” was updated: none of its pages has a date
gov-column-empty = The column “{ $column }” is empty: it has no published page
gov-column-empty-hint = The inspection fails empty columns: add pages to the column's folder, or remove the column
gov-footer-item = { $key ->
        [sponsor] sponsor (主办单位)
        [contact] contact (联系方式)
        [address] address (地址)
        [site_code] site identification code (网站标识码)
        [icp] ICP number (ICP备案号)
        [police_record] public-security number (公安备案号)
        [copyright] copyright line (版权信息)
        [gov_mark] government website mark (党政机关网站标识)
        [report_errors_url] link “我为政府网站找错”
       *[other] { $key }
    }
gov-footer-missing = The footer has no { $item }: [footer] in config.toml has no { $key }
gov-footer-missing-hint = Write { $key } = "…" under [footer] in config.toml (see “政府网站普查” in docs/GUIDE.md)
gov-footer-not-shown = The footer's { $item } ({ $key }) is set in config.toml but not shown on the home page
gov-footer-not-shown-hint = The site's theme does not show config.footer.{ $key } in its footer: add it to the footer of the theme's base.html (the default theme has it)
gov-site-code-bad = The site identification code “{ $value }” is not one: a code is 10 digits or letters
gov-site-code-bad-hint = Set site_code under [footer] in config.toml to the code issued when the site was registered (such as 3708000001); the national government website reporting system lists it
gov-mark-no-link = The government website mark has no link: [footer] in config.toml has no gov_mark_url
gov-mark-no-link-hint = The mark links to the site's registration page: write gov_mark_url = "https://bszs.conac.cn/…"
gov-tag-what = { $tag ->
        [SiteName] site name
        [SiteDomain] site domain
        [SiteIDCode] site identification code
        [Url] page address
        [ColumnName] column name
        [ArticleTitle] article title
        [PubDate] publication time
        [ContentSource] article source
       *[other] { $tag }
    }
gov-meta-missing = { $count ->
        [one] { $count } page lacks
       *[other] { $count } pages lack
    } the meta tag { $tag } ({ $what }): { $pages }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
gov-meta-missing-hint = { $tag ->
        [SiteIDCode] Write site_code (the site identification code) under [footer] in config.toml
        [PubDate] Write date (the publication date) in these pages' front matter
        [ContentSource] Write source or issuer in these pages' front matter
       *[other] Inspection tools read the { $what } from this tag: add it to the theme's templates (the default theme has it)
    }
gov-annual-report-missing = The home page does not link to the government website annual report (政府网站工作年度报表) of { $year }: computed for { $date }, after 31 January the home page links to it
gov-annual-report-missing-hint = Add a link to the home page (content/_index.md) whose text is “{ $year }年政府网站工作年度报表”, to the report's page or address
