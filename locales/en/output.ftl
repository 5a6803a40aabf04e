# stdportal's messages in English: output paths and addresses.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

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
