# stdportal's messages in English: the help of the command line (stdportal --help).
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).
