# stdportal's messages in English: how a problem is shown, and common failures.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## How a problem is shown

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: error: { $message }
diagnostic-at-line = { $file }:{ $line }: error: { $message }
diagnostic-in-file = { $file }: error: { $message }
diagnostic-hint = help: { $hint }
diagnostic-remark-at-line-column = { $file }:{ $line }:{ $column }: { $severity ->
        [warning] warning
       *[note] note
    }: { $message }
diagnostic-remark-in-file = { $file }: { $severity ->
        [warning] warning
       *[note] note
    }: { $message }
diagnostic-not-shown = { $file }: { $count } more problems in this file are not shown (only the first { $shown } are)
diagnostic-not-shown-hint = fix the problems above and build again: often one mistake (a column pasted in the wrong place, a changed header) repeats on every row

## The system's words for common failures

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-invalid-data = the file is not valid UTF-8 text
io-link-in-the-way = a link (or a file where a folder should be) is in the way, and stdportal never follows links inside the output
