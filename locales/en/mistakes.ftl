# stdportal's messages in English: input-method mistakes and TOML errors.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Input-method mistakes in TOML and CSV

mistake-double-quotes = { $key ->
        [none] Chinese quotes “” are used here: use plain quotes ""
       *[other] { $key } is written with Chinese quotes “”: use plain quotes ""
    }
mistake-single-quotes = { $key ->
        [none] Chinese quotes ‘’ are used here: use plain quotes ""
       *[other] { $key } is written with Chinese quotes ‘’: use plain quotes ""
    }
mistake-closed-with-chinese-quote = { $key ->
        [none] this text starts with a plain quote " but ends with a Chinese quote ”: end it with a plain quote "
       *[other] { $key } starts with a plain quote " but ends with a Chinese quote ”: end it with a plain quote "
    }
mistake-equals = { $key ->
        [none] a full-width equals sign ＝ is used here: use a plain =
       *[other] { $key } is followed by a full-width equals sign ＝: use a plain =
    }
mistake-colon = { $key ->
        [none] a Chinese colon ： is used here: write key = value with a plain =
       *[other] { $key } is followed by a Chinese colon ：: write { $key } = … with a plain =
    }
mistake-comma = { $key ->
        [none] a Chinese comma ， separates the items here: use a plain comma ,
       *[other] the items of { $key } are separated by a Chinese comma ，: use a plain comma ,
    }
mistake-brackets = { $key ->
        [none] full-width brackets ［］ are used here: use plain brackets [ ]
       *[other] { $key } is written with full-width brackets ［］: use plain brackets [ ]
    }
mistake-csv-comma = the values of this line are separated by Chinese commas ，: use plain commas ,
mistake-hash = a full-width ＃ starts this comment: use a plain #
mistake-space = { $key ->
        [none] there is a full-width space here: use a plain space or remove it
       *[other] there is a full-width space after { $key }: use a plain space or remove it
    }
mistake-bom = { $key ->
        [none] there is an invisible byte-order mark (U+FEFF) here, probably pasted in: delete it (move the cursor here and press Delete)
       *[other] there is an invisible byte-order mark (U+FEFF) in { $key }, probably pasted in: delete it
    }
mistake-no-break-space = { $key ->
        [none] there is a no-break space here (U+00A0, pasted from a web page or Word): type an ordinary space or delete it
       *[other] there is a no-break space (U+00A0, pasted from a web page or Word) after { $key }: type an ordinary space or delete it
    }
mistake-date-form = { $key } = { $written }: a date is written with dashes, { $key } = { $fix }
mistake-inner-quotes = the English quotes " inside the text of { $key } end the text early: write the quotes inside as Chinese quotes, { $fix }

## The TOML parser's errors, said plainly

toml-duplicate-key = this key is written twice
toml-duplicate-key-hint = keep one of the two lines
toml-unknown-field = there is no field "{ $field }" here
toml-unknown-field-hint = the fields are: { $fields }
toml-missing-field = the field "{ $field }" is missing
toml-missing-field-hint = add a line { $field } = …
toml-unknown-value = "{ $value }" is not one of the values this field takes
toml-unknown-value-hint = write one of: { $values }
toml-wrong-type = this should be { $expected }, not { $found }
toml-not-a-count = this should be a whole number, 0 or more, not { $value }
toml-integer-range = this should be a whole number from { $min } to { $max }, not { $value }
toml-whole-number-hint = write the digits alone, without quotes or a decimal point, e.g. 10
toml-unquoted-string = this text is not in quotes
toml-unquoted-string-hint = put text in plain double quotes, e.g. title = "关于……的通知"
toml-no-equals = there is no = after this key
toml-no-equals-hint = write each line as key = value, e.g. title = "…"
toml-unclosed-string = the quotes of this text are not closed on its line
toml-unclosed-string-hint = end the text with a plain " on the same line (for text over several lines use """ … """)
toml-missing-comma = a comma is missing between two items of this list
toml-missing-comma-hint = separate the items with plain commas, e.g. ["a", "b"]
toml-unclosed-array = this list is not closed
toml-unclosed-array-hint = end the list with ], e.g. ["a", "b"]
toml-unclosed-table = this table name is not closed
toml-unclosed-table-hint = write the table name in brackets on one line, e.g. [footer]
toml-extra-text = there is more on this line after the value
toml-extra-text-hint = write one key = value a line; put a comment after #
toml-bad-key = this key has characters a key cannot have
toml-bad-key-hint = keys are letters, digits, _ and -; put other text in quotes, e.g. "名称" = "…"
toml-bad-escape = a backslash \ in this text starts an escape that does not exist
toml-bad-escape-hint = write a backslash as \\, or put the text in single quotes '…'
toml-bad-date = this date is not a date TOML can read
toml-bad-date-hint = write a date as 2024-03-20 (two digits for the month and the day), or in quotes as "2024年3月20日"
toml-bad-number = this number is not written as TOML reads numbers
toml-bad-number-hint = write digits with a plain . for decimals, e.g. 97.5; no leading 0, no thousands separator (or put the value in quotes: "13,375")
toml-missing-value = there is no value after the =
toml-extra-comma = there is a comma too many here
toml-extra-comma-hint = delete the comma (in a { "{" } … { "}" } table there is none after the last item)
toml-extra-equals = there is one = too many on this line
toml-other = { $detail }
value-kind-text = text in quotes
value-kind-integer = a whole number
value-kind-number = a number
value-kind-boolean = true or false
value-kind-list = a list in brackets [ ]
value-kind-table = a table
value-kind-date = a date
value-kind-with-value = { $kind } ({ $value })
