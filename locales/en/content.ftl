# stdportal's messages in English: pages and front matter.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Pages

content-missing = there is no content folder
content-missing-hint = create content/ and put Markdown pages in it (stdportal init makes an example)
page-empty-title = the page has an empty title
page-empty-title-hint = give it a title = "…" in the front matter
field-unknown = there is no field "{ $field }" in front matter
field-unknown-hint = the fields are: { $fields }
field-unknown-near = did you mean { $near }? The fields are: { $fields }
field-twice = "{ $second }" and "{ $first }" are the same field, written twice
field-twice-hint = keep one of the two lines
field-missing = the field { $field } is missing
field-missing-hint = add a line { $name } = "…"
field-list-separator = {", "}
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

## Front matter

front-matter-missing = the file does not start with front matter
front-matter-missing-hint = start the file with a line "+++", then title = "…", then another "+++" line
front-matter-unclosed = the front matter is not closed
front-matter-unclosed-hint = add a line "+++" after the last front matter line

## Dates

date-invalid = "{ $text }" is not a date: write 2021, 2021-10 or 2021-10-14 (or 2021年10月14日)
date-dotted = "{ $text }" is written with dots or slashes: write it { $fix }
date-year-out-of-range = "{ $text }" is not a date: the year { $year } is not between { $first } and { $last }

## What a page must not publish (scripts, and addresses that run code or leave the web)

# An element of the page's HTML: <{ $element } { $attribute }="{ $url }">.
danger-url-script = <{ $element } { $attribute }="{ $url }"> would run a script when it is followed
danger-url-data = <{ $element } { $attribute }="{ $url }"> holds a whole document in the address (data:), which a browser may open as a page of its own
danger-url-file = <{ $element } { $attribute }="{ $url }"> points to a file on someone's own computer (file:), which no reader can open
danger-event-handler = <{ $element } { $attribute }=…> is an event handler, which runs a script in the reader's browser
danger-srcdoc = <iframe srcdoc=…> holds a page of its own, which can run scripts
danger-script = a <script> element would run in the reader's browser
danger-script-hint = remove it: pages do not run scripts written in their content (scripts belong in the theme's templates and static/)
danger-url-script-hint = link to a page instead (https://… or a path on this site), or remove the link
danger-url-data-hint = put the file in static/ and link to it by its path; data: is allowed only for PNG, JPEG, GIF, WebP, AVIF, BMP and ICO images shown with ![…](…) or <img src>
danger-url-file-hint = put the file in static/ and link to it by its path on the site
# A Markdown link or image: $kind is "link" or "image".
link-unsafe-script = the { $kind ->
        [image] image
       *[link] link
    } "{ $url }" would run a script when it is followed
link-unsafe-data = the { $kind ->
        [image] image
       *[link] link
    } "{ $url }" holds a whole document in the address (data:), which a browser may open as a page of its own
link-unsafe-file = the { $kind ->
        [image] image
       *[link] link
    } "{ $url }" points to a file on someone's own computer (file:), which no reader can open
# $what is one of the danger-… or raw-html-… sentences.
raw-html-danger = the raw HTML { $what }
# An element outside the allow-list (src/content/markdown/allowlist.rs); $why is its kind.
raw-html-element = { $why ->
        [base] <{ $element }> would send every link and script of the page to another address
        [meta] <{ $element }> could send the reader to another site or change how the page is read
        [link] <{ $element }> would load a stylesheet or another file from elsewhere into the page
        [style] <{ $element }> would restyle the whole page, and can load files from elsewhere
        [embed] <{ $element }> would embed another page or program in this one
        [form] <{ $element }> is part of a form, which the text of a page does not publish
        [foreign] <{ $element }> (SVG or MathML written into the page) can hold scripts and links that are not checked
        [media] <{ $element }> plays or picks files that are not checked
       *[other] <{ $element }> is not an element pages publish
    }
raw-html-element-hint = { $why ->
        [style] remove it: pages take their look from the theme's stylesheet (themes/…/static/style.css)
        [link] remove it: a page loads only the theme's stylesheet and scripts
        [foreign] put the drawing in static/ as a file and show it with <img src="/….svg" alt="…">
        [media] put the file in static/ and link to it with <a href="/…">
       *[other] remove it, or write the same with the elements pages publish: { $allowed }
    }
raw-html-attribute = { $why ->
        [style] <{ $element } { $attribute }=…> is not published: pages take their look from the theme's stylesheet, and CSS can load files from elsewhere
       *[other] <{ $element } { $attribute }=…> is not an attribute pages publish
    }
raw-html-attribute-hint = remove it; on <{ $element }> pages publish { $allowed }
raw-html-address = <{ $element } { $attribute }="{ $url }"> is not an address pages link to
raw-html-address-hint = write a web address (https://…), mailto: or tel:, a path on this site or an #anchor
raw-html-id-twice = id="{ $id }" is already used in this page, so a link to #{ $id } leads to the first only
raw-html-id-twice-hint = give each element an id of its own
raw-html-unreadable = cannot be read the way a browser reads it (an element opened where it cannot be, such as <select><xmp>)
raw-html-unreadable-hint = write simpler HTML: close each element inside the element it was opened in
raw-html-too-deep = has more than { $most } elements open at once (nested, or never closed): no browser shows a page that deep as written
raw-html-too-deep-hint = close each element you open (</div>, </span>…), and nest fewer of them
# $message is the first problem of the file; $places are the others' line:column.
unsafe-content-more = { $message } (and { $count } more in this file, at { $places })

## Front matter text shown on pages

# $field is the front matter key (title, description…); $code the character (U+202E).
text-bidi-control = { $field } = "…" holds an invisible direction control ({ $code }), which turns the text after it around wherever it is shown: the browser tab, the page heading, lists and feeds
text-bidi-control-hint = delete it: it cannot be seen, so delete the character at this column (or type the text again); pages set the direction of their text themselves
content-pdf-not-a-page = this PDF is not published: a page is made from a Markdown (.md) or Word (.docx) file, not from a PDF, and no page links to it or lists it in attachments
content-pdf-not-a-page-hint = to offer the PDF for download, put a page of the same name beside it (a.md or a.docx beside a.pdf: the page shows it under 下载原件), link to it from a page ([附件](a.pdf)), or list it in a page's attachments
content-debris-hint = pasted from Word: the page is published without it; delete it in the file too, or leave it
