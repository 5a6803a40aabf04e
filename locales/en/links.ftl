# stdportal's messages in English: links, images and attachments of pages, and pages as folders.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## links

link-missing = the link "{ $link }" leads to nothing: the site has no page or file "{ $target }"
link-image-missing = the image "{ $link }" is not there: the site has no file "{ $target }"
link-missing-near = the nearest there is: { $near }. Link to a page as @/folder/page.md, to a file beside the page by its name, or to a file of static/ as /folder/file.pdf
link-missing-hint = link to a page as @/folder/page.md, to a file beside the page by its name, or to a file of static/ as /folder/file.pdf
link-outside = the link "{ $link }" leads outside the site's content
link-outside-hint = a link stays inside the site: a page as @/folder/page.md, a file beside the page or in static/
link-anchor-missing = the link "{ $link }" leads to the heading #{ $anchor } of { $page }, which has no such heading
link-anchor-missing-here = the link "{ $link }" leads to a heading this page does not have
link-anchor-near = headings get their anchors from their text; the nearest on that page is #{ $near }
link-anchor-none = headings get their anchors from their text, and that page has none: link to the page itself
link-file-leads-out = this file of content/ is a link to a file outside content/, and is not published
link-file-leads-out-hint = copy the file itself into content/ (or static/) instead of linking to it
attachment-missing = the attachment "{ $file }" is not a file of the site (looked for "{ $target }")
attachment-missing-hint = put the file beside the page (a page as a folder: folder/index.md with its files) or in static/, and write its name, @/folder/file.pdf or /folder/file.pdf
attachment-missing-near = the nearest there is: { $near }. Put the file beside the page or in static/, and write its name, @/folder/file.pdf or /folder/file.pdf
attachment-is-a-page = the attachment "{ $file }" is a page, not a file
attachment-is-a-page-hint = attachments are files readers download (PDF, Word, Excel…); link to pages in the text or with related
page-inside-bundle = this page is inside the folder { $folder }, which is the page { $page } with its files
page-inside-bundle-hint = a folder with index.md is one page: move this file out of it, or rename index.md to make the folder a section
