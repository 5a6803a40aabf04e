# stdportal's messages in English: the site dictionary.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## The site dictionary

dictionary-unreadable = cannot read the dictionary: { $error }
dictionary-empty-phrase = a dictionary entry has an empty phrase
dictionary-synonym-empty = the search synonyms of “{ $word }” include “{ $synonym }”, which has no letter, digit or character and would match every page: write a word there, or remove it

## Converting pages between the scripts

html-not-converted = the page's HTML could not be converted: { $error }
