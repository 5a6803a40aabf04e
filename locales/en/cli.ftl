# stdportal's messages in English: the command line.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## The command line

init-created = Created a new site in { $dir }.
init-next = Preview it:  stdportal serve --root { $dir }
    then open http://127.0.0.1:{ $port }/ in a browser (each save updates the page; serve says the address if that port is taken)
build-done = Built { $pages } pages ({ $files } files) in both scripts into { $output } in { $ms } ms (Traditional profile: { $profile }).
build-failed = The build stopped with { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }; the previous site in the output folder was left as it was.
check-does-not-build = The site does not build: fix the problems above first.
check-external-links = External links (listed, not fetched):
scheduled-pages = { $count ->
        [one] One page is scheduled: it is published on its day, not before (preview it with stdportal serve --future):
       *[other] { $count } pages are scheduled: each is published on its day, not before (preview them with stdportal serve --future):
    }
scheduled-page = published on { $date }
check-external-on-pages = { $url } (on { $page } and { $more } more { $more ->
        [one] page
       *[other] pages
    })
check-summary = Checked { $pages } pages and { $links } links: { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    }, { $external ->
        [one] { $external } external link
       *[other] { $external } external links
    }, { $marks ->
        [one] { $marks } half-width punctuation mark
       *[other] { $marks } half-width punctuation marks
    } in Chinese text.
check-punctuation-fixed = Half-width punctuation in Chinese text, published full-width ([typography] punctuation = true); write these marks full-width in the source to make it read as the page does:
check-punctuation-kept = Half-width punctuation in Chinese text, published as written; [typography] punctuation = true in config.toml would make these marks full-width:
check-punctuation-file = { $file }: { $marks ->
        [one] { $marks } mark
       *[other] { $marks } marks
    }
check-source-warnings = Warnings about the sources (the site is built; look at each):
check-source-notes = Notes about the sources (what reading them left out or changed):
gov-summary = Government website inspection rules computed for { $date }: { $failed ->
        [0] all passed
        [one] { $failed } failure
       *[other] { $failed } failures
    }.
gov-date-bad = “{ $value }” given to --date is not a date
gov-date-bad-hint = Write it as year-month-day, such as --date 2025-02-01
