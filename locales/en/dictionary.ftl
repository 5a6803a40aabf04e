# stdportal's messages in English: the site dictionary.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## The site dictionary

dictionary-unreadable = cannot read the dictionary: { $error }
dictionary-empty-phrase = a dictionary entry has an empty phrase

## Converting pages between the scripts

html-not-converted = the page's HTML could not be converted: { $error }
