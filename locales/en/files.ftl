# stdportal's messages in English: finding the site's files.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Finding the site's files

file-unreadable = cannot read: { $error }
link-outside-site = this link points outside the site, to { $target }
link-outside-site-hint = copy the file into the site instead of linking to it
link-dangling = this link points to a file that does not exist
link-dangling-hint = remove the link or restore the file it points to
folder-unreadable = cannot read this folder: { $error }
folder-link-outside-site = this is a link to { $target }, outside the site: stdportal reads and publishes only files inside the site
folder-link-outside-site-hint = copy the folder into the site instead of linking to it
