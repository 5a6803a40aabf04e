# stdportal's messages in English: progress on a terminal, and what the JSON events add.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## The stages of the work, each a line on the terminal while it runs

progress-read = Reading
progress-render = Rendering pages (both scripts)
progress-index = Search index
progress-publish = Publishing
progress-check = Checking pages
progress-count-files = { $done }/{ $total } files
progress-count-pages = { $done }/{ $total } pages
# $seconds: a number, with a tenth under ten seconds.
progress-took = { $seconds } s
progress-left = about { $seconds } s left

## check --message-format json: a half-width mark as a note ($before, $after: the text around it)

check-punctuation-changed = published full-width: { $before } → { $after }
check-punctuation-would-change = published as written; full-width it would read { $before } → { $after }
