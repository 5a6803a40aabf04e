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
