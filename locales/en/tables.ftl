# stdportal's messages in English: reading CSV, TOML and workbook tables.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Rows and columns of a table

table-value-missing = the value "{ $name }" is missing
table-value-missing-hint = fill in { $name } for this row
table-not-a-year = "{ $text }" is not a year between { $first } and { $last }
table-not-a-year-hint = write a year like 2020 (a month or a day is not taken here)
table-unknown-column = unknown column "{ $header }"
table-unknown-column-hint = the columns of this table are: { $columns }
# A column with its Chinese headers, in the list of unknown-column-hint: id (编号, 指标编号)
table-column-with-headers = { $column } ({ $headers })
table-column-twice = the column "{ $header }" appears twice
table-same-column = the columns "{ $first }" and "{ $second }" are the same column ({ $column })
table-same-column-hint = keep one of them

## CSV files

table-bom-header-start = the column name "{ $text }" starts with an invisible byte-order mark (U+FEFF)
table-bom-header-inside = the column name "{ $text }" has an invisible byte-order mark (U+FEFF) after "{ $before }"
table-bom-value-start = the value "{ $text }" starts with an invisible byte-order mark (U+FEFF)
table-bom-value-inside = the value "{ $text }" has an invisible byte-order mark (U+FEFF) after "{ $before }"
table-bom-hint = a byte-order mark starts a file saved as "CSV UTF-8"; inside a file it usually comes from pasting two files together. Delete the value and type it again
table-unclosed-quote = a value opened with a double quote is never closed
table-unclosed-quote-hint = add the closing " (a quote inside a value is written twice: "")
table-header-repeated = this line repeats the header as if two files were pasted together
table-header-repeated-after-bom = this line repeats the header, after an invisible byte-order mark (U+FEFF), as if two files were pasted together
table-header-repeated-hint = delete this line, and check that the rows after it belong in this file
table-row-length = this row has { $values ->
        [one] { $values } value
       *[other] { $values } values
    } but the header has { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    }
table-row-length-hint = check for a missing or extra comma; a value containing a comma must be in double quotes
# $error is the CSV reader's own description, in English.
table-csv-unreadable = this CSV row cannot be read: { $error }
table-csv-unreadable-hint = check that every double quote that opens a value also closes it

## The encoding of a CSV file ($encoding and $other are UTF-8 or GB18030)

table-utf16 = the file is saved as UTF-16
table-utf16-hint = save it from Excel as "CSV UTF-8" or plain "CSV"
table-mixed-encodings = the file mixes two encodings: this line is { $other } (it reads "{ $text }"), the rest of the file is { $encoding }
table-mixed-encodings-bom = the file mixes two encodings: this line is { $other } (it reads "{ $text }"), the file starts with a UTF-8 byte-order mark
table-mixed-encodings-hint = rows from files saved in different encodings were probably pasted together; retype this line by hand, then save the whole file as "CSV UTF-8"
table-mixed-encodings-lines-hint = rows from files saved in different encodings were probably pasted together; retype the { $other } lines ({ $lines }) by hand, then save the whole file as "CSV UTF-8"
# Line numbers: 3, 5, 9, 11, 12 and 4 more
table-line-list-more = { $lines } and { $more } more
table-neither-encoding = this line is neither UTF-8 nor GB18030 text
table-neither-encoding-hint = the file may be damaged or saved in another encoding (such as Big5); open it in Excel/WPS and save the whole file as "CSV UTF-8"
table-neither-encoding-lines-hint = the file may be damaged or saved in another encoding (such as Big5); open it in Excel/WPS and save the whole file as "CSV UTF-8" (lines { $lines } cannot be read)
table-encoding-unclear = cannot tell whether the file is UTF-8 or GB18030: this line reads "{ $utf8 }" in UTF-8 and "{ $gb18030 }" in GB18030
table-encoding-unclear-hint = save the file from Excel/WPS as "CSV UTF-8" (its byte-order mark says which)
table-not-in-encoding = the file is not { $encoding } text
table-not-in-encoding-hint = save it from Excel/WPS as "CSV UTF-8"

## Numbers

table-not-a-number = "{ $text }" is not a number
table-not-a-number-hint = write digits only, e.g. 432 or 97.5 (a thousands separator or a trailing % is fine)
table-other-digits = "{ $text }" is not a number: it is written with the digits of another script
table-other-digits-hint = write the digits 0–9: { $meant }
table-decimal-comma = "{ $text }" is not a number: a comma separates thousands only before exactly three digits
table-decimal-comma-hint = decimal comma? write { $meant }; thousands are written 13,375 or 13375
table-bad-grouping = "{ $text }" is not a number: its separators do not split it into thousands
table-bad-grouping-hint = a thousands separator comes before each group of exactly three digits, as in 1,234,567; or write the digits alone (1234567) and use a point for decimals (93.2)
table-out-of-range = "{ $text }" is out of range: a figure must be smaller than 1,000,000,000,000,000 (10^15)
table-out-of-range-hint = check for a typo or a value pasted into the wrong column; for a very large amount use a larger unit (亿元 rather than 元)

## Workbooks (.xlsx, .xls, .ods)

# $error is the workbook reader's own description, in English.
table-workbook-unreadable = this workbook cannot be read: { $error }
table-workbook-unreadable-hint = open it in Excel or WPS and save it again as a workbook (.xlsx), or save the sheet as "CSV UTF-8"
table-sheet-unreadable = the sheet "{ $sheet }" of this workbook cannot be read: { $error }
table-value-without-header = this value is in a column without a header
table-value-without-header-hint = give the column a header in the first row, or move the value into its column
table-cell-duration = the cell holds a length of time ({ $duration }), not a date or a number
table-cell-error = the cell shows the error { $error }
table-cell-error-hint = correct the formula or type the value; stdportal reads what a cell shows
table-cell-percent-unread = the cell shows its stored fraction as a percentage, but its number format could not be read: the figure to publish is not certain
table-cell-percent-unread-hint = give the cell the Percent format (Format Cells → Percent) and save again, or type the figure itself (97 for 97%) and write % in the unit column

## Workbooks: what is not read (SECURITY.md lists the limits)

table-workbook-file-limit = this workbook is { $size } MB: a workbook of more than { $limit } MB is not read
table-workbook-split-hint = keep only the portal's tables in the workbook (delete other sheets, pictures and empty rows below the table), or split a large table into several files in a folder named after it, such as data/observations/2023.xlsx and data/observations/2024.xlsx
table-workbook-unpacked-limit = this workbook unpacks to { $size } MB: a workbook that unpacks to more than { $limit } MB is not read
table-workbook-part-limit = the part "{ $part }" of this workbook unpacks to { $size } MB: a part of more than { $limit } MB is not read
table-workbook-parts-limit = this workbook is made of { $count } parts: more than { $limit } is not read
table-workbook-ratio-limit = the part "{ $part }" of this workbook unpacks to { $ratio } times its stored size: a spreadsheet program packs at most about { $limit } times, so this is not read
table-workbook-damaged-hint = this file was not saved by Excel, WPS or LibreOffice as it is, or it was made to exhaust the computer's memory; open the original in Excel or WPS and save it again, or ask whoever sent it for a new copy
table-workbook-cells-limit = with the sheet "{ $sheet }", this workbook holds more than { $limit } cells with a value: more are not read
table-sheet-range-limit = the sheet "{ $sheet }" reaches from { $from } to { $to } ({ $cells } cells): a sheet reaching over more than { $limit } cells is not read
table-sheet-range-limit-hint = is there a stray value at { $to }, far from the table? delete the rows below the table and the columns right of it (select them, right-click, Delete) and save; or split a large table into several files in a folder named after it
table-workbook-expanded-limit = { $what ->
        [formats] the cell formats of this workbook
        [texts] the texts of this workbook
        [repeats] the repeated rows, cells and spaces of this workbook
        [ranges] the sheets of this workbook, filled in from their first to their last cell,
       *[rereads] reading its parts again and again, this workbook
    } would take { $size } MB of memory: more than { $limit } MB is not read
table-workbook-expanded-limit-hint = { $what ->
        [formats] the workbook has very many different cell formats: select all cells, clear their formats (Home → Clear → Clear Formats) and save
        [repeats] delete the empty rows and columns after the table (a format applied to whole rows or columns repeats them) and save
       *[other] open it in Excel or WPS and save it again as .xlsx; keep only the portal's tables in it
    }
table-workbook-password = this workbook is protected by a password, and its cells cannot be read without it
table-workbook-password-hint = save a copy without password (in Excel: File → Info → Protect Workbook → Encrypt with Password, empty the password; in WPS: File → Document Encryption) and put that copy in data/
table-workbook-not-a-workbook = this file is named .{ $extension } but it is not a workbook: { $looks ->
        [empty] it is empty
        [markup] it is a web page or XML (some systems "export to Excel" as a web page)
        [text] it is text (a CSV or a table saved as text under a workbook's name?)
       *[other] its content is neither an Excel, WPS nor OpenDocument workbook
    }
table-workbook-not-a-workbook-hint = { $looks ->
        [text] if it is a CSV, rename it to .csv; otherwise open it in Excel or WPS and save it as a workbook (.xlsx)
       *[other] open it in Excel or WPS and save it as a workbook (.xlsx), or save the sheet as "CSV UTF-8"
    }
table-workbook-duplicate-parts = this workbook holds two parts of one name, which readers may read differently
table-workbook-reader-failed = the workbook reader stopped on this file: it is damaged in a way the reader does not expect

## TOML tables

table-toml-bom = an invisible byte-order mark (U+FEFF) is here
table-unknown-row-key-hint = write each row as a [[{ $key }]] table
table-rows-not-a-list = "{ $key }" must be a list of [[{ $key }]] tables
table-row-not-a-table = each { $key } must be a table
table-value-is-a-list = a value cannot be a list
table-unknown-key = unknown key "{ $name }"
table-unknown-key-hint = the keys of this table are: { $keys }
