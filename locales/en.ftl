# stdportal's messages in English. Every message is also in zh-Hans.ftl and zh-Hant.ftl, with
# the same placeholders (the tests in src/i18n/tests.rs say so).

## How a problem is shown

diagnostic-at-line-column = { $file }:{ $line }:{ $column }: error: { $message }
diagnostic-at-line = { $file }:{ $line }: error: { $message }
diagnostic-in-file = { $file }: error: { $message }
diagnostic-hint = help: { $hint }

## The system's words for common failures

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-invalid-data = the file is not valid UTF-8 text

## config.toml

config-unreadable = cannot read the site configuration: { $error }
config-unreadable-hint = run stdportal in the folder that holds config.toml, or pass --root DIR
config-theme-bad = theme = "{ $theme }" is not the name of a folder in themes/: { $problem }
config-theme-bad-hint = write the name of a folder in themes/, e.g. theme = "default"
base-url-hint = write it like base_url = "{ $example }"
base-url-option-hint = pass the site's public address, like --base-url { $example }
base-url-empty = base_url is empty: it must be the site's public address, like { $example }
base-url-spaces = base_url "{ $url }" contains spaces or control characters
base-url-scheme = base_url "{ $url }" must start with http:// or https://
base-url-no-host = base_url "{ $url }" has no host name
base-url-invalid = base_url "{ $url }" is not a valid address: { $error }
base-url-user = base_url "{ $url }" must not contain a user name or password
base-url-query = base_url "{ $url }" must not contain '?' or '#': it is where the site's pages start, and page paths are added to it
base-url-empty-folder = base_url "{ $url }" has an empty folder name ("//") in its path

## The command line

init-created = Created a new site in { $dir }.
init-next = Build it with:  stdportal build --root { $dir }
build-done = Built { $pages } pages ({ $files } files) in both scripts into { $output } in { $ms } ms (Traditional profile: { $profile }).
build-failed = The build stopped with { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }; the previous site in the output folder was left as it was.
check-does-not-build = The site does not build: fix the problems above first.
check-external-links = External links (listed, not fetched):
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

## Finding the site's files

file-unreadable = cannot read: { $error }
link-outside-site = this link points outside the site, to { $target }
link-outside-site-hint = copy the file into the site instead of linking to it
link-dangling = this link points to a file that does not exist
link-dangling-hint = remove the link or restore the file it points to
folder-unreadable = cannot read this folder: { $error }
folder-link-outside-site = this is a link to { $target }, outside the site: stdportal reads and publishes only files inside the site
folder-link-outside-site-hint = copy the folder into the site instead of linking to it

## Output paths and addresses

path-empty = it is empty
path-empty-segment = it has an empty part (two slashes in a row, or a slash at the start)
path-dot-segment = it has a part "." or "..", which would point outside its folder
path-hidden = the part "{ $part }" starts with a dot, which hides it on most servers
path-backslash = it contains a backslash
path-url-character = it contains "{ $character }", which has a meaning of its own in a web address
path-invisible = it contains the invisible character { $code }
path-too-long = a part of it is { $bytes } bytes long (at most { $max })
path-windows-name = "{ $name }" is a name Windows reserves for devices
path-no-letters = it has no letter, character or digit to make a web address from

## Pages

content-missing = there is no content folder
content-missing-hint = create content/ and put Markdown pages in it (stdportal init makes an example)
page-empty-title = the page has an empty title
page-empty-title-hint = give it a title = "…" in the front matter
file-utf16 = the file is saved as UTF-16
file-utf16-hint = save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)
file-binary = this is not a text file
file-binary-hint = move files that are not Markdown pages out of content/ (images belong in static/)
file-not-utf8 = the file is not valid UTF-8
file-not-utf8-hint = save the file as UTF-8 (it may have been saved as GBK/GB18030)
page-same-url = this page has the same URL /{ $path } as { $other }
page-same-url-hint = give one of them a different slug in its front matter
page-same-slug = the slug "{ $slug }" is also used by { $other }, so `related` links to it would be ambiguous
page-same-slug-hint = give one of them a different slug

## Front matter fields that become addresses

slug-contains = it contains "{ $character }"
file-name-not-url = the file name "{ $name }" cannot be part of a URL: { $problem }
file-name-not-url-hint = rename the file, or give the page slug = "…" in its front matter (letters, digits and dashes, e.g. rizhao-quality-plan)
slug-not-url = the slug "{ $slug }" cannot be part of a URL: { $problem }
slug-not-url-hint = use letters, digits and dashes, e.g. slug = "rizhao-quality-plan"
folder-not-url = the folder name "{ $folder }" cannot be part of a URL: { $problem }
folder-not-url-hint = rename the folder (letters, digits and dashes)
topic-not-url = the topic "{ $topic }" cannot be made into a URL: { $problem }
topic-not-url-hint = name topics with words, e.g. topics = ["标准化", "质量提升"]
taxonomy-not-url = the taxonomy "{ $taxonomy }" cannot be made into a URL: { $problem }
taxonomy-not-url-hint = name a taxonomy with a word, e.g. tags = ["…"] under [taxonomies]
term-not-url = the term "{ $term }" of the taxonomy "{ $taxonomy }" cannot be made into a URL: { $problem }
term-not-url-hint = name terms with words, e.g. tags = ["标准化"]
issuer-not-url = the issuer "{ $issuer }" cannot be made into a URL: { $problem }
issuer-not-url-hint = write the office's name, e.g. issuer = "日照市市场监督管理局"
alias-bad-percent = it has a % that does not start an encoded character
alias-home = it is the home page of the site
alias-not-url = the alias "{ $alias }" cannot be an address of this site: { $problem }
alias-not-url-hint = write the old address from the site root, e.g. aliases = ["/old/plan/"]
zola-field = stdportal does not support Zola's "{ $field }" field
zola-page-render = remove it: every page is published (draft = true keeps a page out)
zola-page-path = remove it: a page is published at its folder and slug; set slug = "…", and aliases = ["/old/path/"] to keep an old address working
zola-section-render = remove it: every section gets its list page
zola-section-redirect = remove it, and put the section's old address in the aliases of the page or section it should lead to
zola-section-transparent = remove it: a section lists its own pages; readers find all pages in the catalogue (信息公开目录) by year, office and kind
zola-section-paginate-path = remove it: pages of a list are always at …/page/2/, …/page/3/
zola-section-anchor-links = remove it: headings always get an id that links can point to
zola-section-feeds = remove it: the site has one Atom feed of all documents (atom.xml)

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
value-kind-text = text in quotes
value-kind-integer = a whole number
value-kind-number = a number
value-kind-boolean = true or false
value-kind-list = a list in brackets [ ]
value-kind-table = a table
value-kind-date = a date
value-kind-with-value = { $kind } ({ $value })

## serve

serve-not-a-folder = this is not a folder
serve-not-a-folder-hint = pass the folder that holds config.toml: stdportal serve --root DIR
serve-cannot-start = cannot start the server
serve-built = Built { $pages } pages ({ $files } files) in memory in { $ms } ms.
serve-first-build-failed = The build failed: every page shows the error until it is fixed; the site is rebuilt as soon as a file changes.
serve-no-ctrl-c = cannot listen for Ctrl-C
serve-serving = Serving { $url } (Ctrl-C to stop)
serve-bind-warning = warning: --bind { $bind } exposes the site to every network this computer is on.
serve-no-watch = warning: cannot watch the site's files ({ $error }); changes will not be rebuilt.
serve-stopped-error = the server stopped
serve-stopped = Stopped.
serve-css-unchanged = Reloaded stylesheets in { $ms } ms after { $what } changed: none changed
serve-css-reloaded = Reloaded stylesheets in { $ms } ms after { $what } changed: { $files }
serve-pages-changed = { $pages ->
        [0] no pages changed
        [one] 1 page changed
       *[other] { $pages } pages changed
    }
serve-other-files = { $files ->
        [one] {" "}(and 1 other file)
       *[other] {" "}(and { $files } other files)
    }
serve-error-fixed = ; the error is fixed
serve-rendered-again = { $routes ->
        [one] {" "}(only that page rendered again)
       *[other] {" "}({ $routes } pages rendered again)
    }
serve-rebuilt = Rebuilt in { $ms } ms after { $what } changed: { $summary }
serve-rebuild-failed = Rebuild failed after { $ms } ms ({ $what } changed); still serving the last good build.
serve-changed-nothing = nothing
serve-changed-more = { $first } and { $more } more
serve-cannot-listen = cannot listen on { $address }:{ $port }
serve-cannot-listen-hint = choose another address with --bind ADDR or port with --port N
serve-ports-taken = ports { $first } to { $last } on { $address } are all taken
serve-ports-taken-hint = choose another port with --port N (0 lets the system choose)

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
check-image-no-alt = the image "{ $src }" has no alt text
check-image-no-alt-hint = describe the image for readers who cannot see it: ![描述](图片.png)
check-related-not-linked = the page does not link to its related document { $other }
check-related-not-linked-hint = the page template must show page.related

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

## Front matter

front-matter-missing = the file does not start with front matter
front-matter-missing-hint = start the file with a line "+++", then title = "…", then another "+++" line
front-matter-unclosed = the front matter is not closed
front-matter-unclosed-hint = add a line "+++" after the last front matter line

## The browser overlay of serve

overlay-title = Build failed
overlay-note = The server still serves the last good build. This message goes away by itself once the problem is fixed.
overlay-first-note = The site has not built yet. This page reloads by itself once the problem is fixed.
overlay-close = Close

## The site dictionary

dictionary-unreadable = cannot read the dictionary: { $error }
dictionary-empty-phrase = a dictionary entry has an empty phrase
