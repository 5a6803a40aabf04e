# stdportal's messages in English: stdportal init.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## stdportal init

init-folder-not-empty = this folder already exists and is not empty
init-folder-not-empty-hint = choose a new folder name: stdportal init my-portal
init-cannot-create-folder = cannot create the folder: { $error }
init-cannot-write = cannot write the file: { $error }
init-cannot-make-workbook = cannot make the workbook: { $error }
