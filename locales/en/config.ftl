# stdportal's messages in English: config.toml.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

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
favicon-empty = favicon = "{ $favicon }" is empty
favicon-not-inside = favicon = "{ $favicon }" is not a path inside the site: write it relative to the site's root
favicon-bad-folder = favicon = "{ $favicon }" has an empty, "." or ".." folder name
favicon-bad-characters = favicon = "{ $favicon }" contains spaces or characters a path cannot hold
favicon-hint = write the path of a file in static/, e.g. favicon = "favicon.svg"

footer-link-bad = { $key } = "{ $value }" is not a web address
footer-link-hint = write an address starting with https:// (or http://)
footer-mark-bad = gov_mark = "{ $value }" is not a path inside the site
footer-mark-hint = put the 党政机关网站标识 image in static/ and write its path, e.g. gov_mark = "img/conac.png"
