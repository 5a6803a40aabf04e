# stdportal's messages in English: data tables and their cross-checks.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Data tables

data-field-column = column "{ $name }"
data-field-key = key "{ $name }"
data-in-sheet-column = in sheet "{ $sheet }", column { $letters } "{ $name }": { $message }
data-in-sheet = in sheet "{ $sheet }": { $message }
data-in-field = in { $field }: { $message }

## Data cross-checks

data-city-hint-none = add the city to data/cities (this site has no city yet)
data-city-hint = did you mean "{ $near }"? The cities of this site are: { $cities }; or add the city to { $places }
data-unknown-indicator-near = did you mean "{ $near }"? Use the id of an indicator of { $city } in { $places }
data-unknown-indicator-hint = use the id of an indicator of { $city } in { $places }
data-unknown-indicator = unknown indicator "{ $id }" of the city "{ $city }"

## References between pages and data

page-unknown-city = unknown city "{ $city }"
page-related-missing-near = did you mean "{ $near }"? Use the slug of another page (its file name without .md, or its slug = …)
page-related-missing-hint = use the slug of another page (its file name without .md, or its slug = …)
page-related-missing = related page "{ $slug }" does not exist
page-lineage-missing = the document "{ $slug }" named here does not exist
superseded-but-in-force = this page names the documents that replace it (superseded_by) but does not say it is no longer in force
superseded-but-in-force-hint = add validity = "已废止" (or "已失效"); or, if the document is still in force, remove superseded_by
lineage-names-itself = the page names itself ("{ $slug }") as replacing or amended
lineage-names-itself-hint = name the other document: its file name without .md, or its slug
data-source-not-a-page = the source document "{ $document }" is not a page of the site
data-source-not-a-page-hint = use the slug of the page that states the figure
data-plan-not-a-page = the plan "{ $plan }" is not a page of the site
data-plan-not-a-page-hint = use the slug of the plan's page
page-template-missing = the template "{ $template }" does not exist
page-template-missing-hint = use a template of the theme (page.html, section.html, …) or add it to templates/

## Rows of the data tables

data-city-id-not-url = the city id "{ $id }" cannot be used in a URL
data-indicator-id-not-url = the indicator id "{ $id }" cannot be used in a URL
data-id-not-url-hint = use ASCII letters, digits and dashes, e.g. rizhao or pass-rate-2020
data-quote-without-document = a source quote needs the document it comes from
data-quote-without-document-hint = add source_document (the slug of the page that states it)
data-comparator-hint = write >= (at least), <= (at most) or = (exactly)
data-baseline-incomplete = a baseline needs both a value and a year
data-baseline-incomplete-hint = fill in both baseline value and year, or leave both empty
data-target-no-year = the target has no year
data-target-no-year-hint = add the year the target is due, e.g. target_year = 2020
data-target-before-baseline = the target year { $target } is before the baseline year { $baseline }
data-target-before-baseline-hint = check the two years; the target must come after the baseline
data-date-missing = the date is missing
data-date-missing-hint = write the year or date, e.g. 2021 or 2021-10
data-date-hint = write the year or date, e.g. 2021, 2021-10 or 2021年10月
data-city-twice = the city id "{ $id }" is used twice
data-indicator-twice = the indicator id "{ $id }" is used twice for the city "{ $city }"
# $first and $second are the two rows, as file:line.
data-observation-twice = the indicator "{ $indicator }" of the city "{ $city }" has two observations for { $date }: { $first } and { $second }
data-observation-twice-hint = keep one: delete the other row or correct its date (which one counts would depend on the order of the rows)

## The files of data/

data-unknown-file = stdportal does not know this data file
data-unknown-file-hint = data tables are named cities, indicators, observations or achievements (e.g. data/indicators.csv or data/indicators/rizhao.toml); a workbook with another name holds them on sheets named after them
data-sheet-not-a-table = the sheet "{ $sheet }" is not named after a table
data-sheet-not-a-table-hint = name each sheet after the table it holds: cities (城市), indicators (指标), observations (观测) or achievements (成果); or name the workbook after its one table, e.g. data/observations.xlsx
data-table-twice = { $files } hold the same data twice
# Two files (or, in turn, a list of them and one more) in data-table-twice.
data-files-and = { $first } and { $second }
data-table-twice-hint = keep one of them and delete the other (a CSV saved from a workbook holds the same rows as the workbook)

## Values from a closed set: a page's kind and validity, a target's comparator
# $what is kind, validity or comparator; $choices a list of choice-name or choice-name-also,
# joined with choice-separator and choice-or.

choice-unknown = "{ $wanted }" is not a { $what ->
        [forecast] forecast mark
       *[other] { $what }
    }: write one of { $choices }
choice-near = "{ $wanted }" is not a { $what ->
        [forecast] forecast mark
       *[other] { $what }
    }: did you mean { $near }? The choices are { $choices }
choice-ambiguous = "{ $wanted }" is not a { $what ->
        [forecast] forecast mark
       *[other] { $what }
    }: it could be { $choices }; write the one you mean
choice-name = "{ $name }"
choice-name-also = "{ $name }" ({ $also })
choice-separator = {", "}
choice-or = { $rest } or { $last }

## Figures, dates, sheets and copies (issue 23)

data-decimals-invalid = "{ $text }" is not a number of decimals (a whole number from 0 to { $max })
data-decimals-invalid-hint = write how many decimals the target's figures are shown with, e.g. 1 for 96.8; leave it empty to show each figure as it is written
data-forecast-hint = write 是 (yes) for a forecast, or leave it empty for a measured value
data-date-in-future = the date { $date } is after today ({ $today }): a measured value cannot be from the future
data-date-in-future-hint = correct the date (a typo in the year?); if the value is a forecast, write 是 in a column 预测 (forecast) of this row
data-achievement-in-future = the date { $date } is after today ({ $today }): an achievement is counted as of a day that has come
data-achievement-in-future-hint = correct the date (a typo in the year?)
data-file-copy = { $copy } is a copy of { $original }: only { $original } is read
data-file-copy-hint = delete the copy or move it out of data/ (if you edited the copy, save it under the original's name first)
data-sheet-hidden = the sheet "{ $sheet }" is { $how ->
        [very-hidden] very hidden (shown only through a macro)
       *[hidden] hidden
    }: its rows are not published
data-sheet-hidden-hint = { $how ->
        [very-hidden] to publish its rows, make the sheet visible again (Visual Basic editor: Visible = xlSheetVisible)
       *[hidden] to publish its rows, unhide the sheet (right-click a sheet tab, Unhide)
    }; to keep them unpublished, nothing needs doing
data-city-name-twice = "{ $name }" is the name of more than one city: { $cities }
data-city-name-twice-hint = write the city's id instead of its name
# A place data comes from, for a hint: a file, or a sheet of a workbook.
data-place-sheet = { $file } (sheet "{ $sheet }")
data-place-separator = {", "}
