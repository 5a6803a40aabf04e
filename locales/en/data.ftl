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
data-city-hint = did you mean "{ $near }"? The cities of this site are: { $cities }; or add the city to data/cities
data-unknown-indicator-near = did you mean "{ $near }"? Use the id of an indicator of { $city } in data/indicators
data-unknown-indicator-hint = use the id of an indicator of { $city } in data/indicators
data-unknown-indicator = unknown indicator "{ $id }" of the city "{ $city }"

## References between pages and data

page-unknown-city = unknown city "{ $city }"
page-related-missing-near = did you mean "{ $near }"? Use the slug of another page (its file name without .md, or its slug = …)
page-related-missing-hint = use the slug of another page (its file name without .md, or its slug = …)
page-related-missing = related page "{ $slug }" does not exist
data-source-not-a-page = the source document "{ $document }" is not a page of the site
data-source-not-a-page-hint = use the slug of the page that states the figure
data-plan-not-a-page = the plan "{ $plan }" is not a page of the site
data-plan-not-a-page-hint = use the slug of the plan's page
page-template-missing = the template "{ $template }" does not exist
page-template-missing-hint = use a template of the theme (page.html, section.html, …) or add it to templates/
