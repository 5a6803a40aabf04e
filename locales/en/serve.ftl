# stdportal's messages in English: the preview server and its browser overlay.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## serve

serve-not-a-folder = this is not a folder
serve-not-a-folder-hint = pass the folder that holds config.toml: stdportal serve --root DIR
serve-cannot-start = cannot start the server: { $error }
serve-built = Built { $pages } pages ({ $files } files) in memory in { $ms } ms.
serve-first-build-failed = The build failed: every page shows the error until it is fixed; the site is rebuilt as soon as a file changes.
serve-no-ctrl-c = cannot listen for Ctrl-C: { $error }
serve-serving = Serving { $url } (Ctrl-C to stop)
serve-bind-warning = warning: --bind { $bind } exposes the site to every network this computer is on.
serve-no-watch = warning: cannot watch the site's files ({ $error }); changes will not be rebuilt.
serve-stopped-error = the server stopped: { $error }
serve-stopped = Stopped.
serve-css-unchanged = Reloaded stylesheets in { $ms } ms after { $what } changed: none changed
serve-css-reloaded = Reloaded stylesheets in { $ms } ms after { $what } changed: { $files }
# $pages: pages changed; $others: other files changed; $fixed: yes when the previous build
# had failed; $routes: how many pages were rendered again, or none when all were.
serve-rebuilt = Rebuilt in { $ms } ms after { $what } changed: { $pages ->
        [0] no pages changed
        [one] 1 page changed
       *[other] { $pages } pages changed
    }{ $others ->
        [0] {""}
        [one] {" "}(and 1 other file)
       *[other] {" "}(and { $others } other files)
    }{ $fixed ->
        [yes] ; the error is fixed
       *[no] {""}
    }{ $routes ->
        [none] {""}
        [one] {" "}(only that page rendered again)
       *[other] {" "}({ $routes } pages rendered again)
    }
serve-rebuild-failed = Rebuild failed after { $ms } ms ({ $what } changed); still serving the last good build.
serve-rebuild-refused = Rebuild failed after { $ms } ms ({ $what } changed): a file was refused, so no page is served until it is fixed.
serve-changed-nothing = nothing
serve-changed-more = { $first } and { $more } more
serve-cannot-listen = cannot listen on { $address }:{ $port }: { $error }
serve-cannot-listen-hint = choose another address with --bind ADDR or port with --port N
serve-ports-taken = ports { $first } to { $last } on { $address } are all taken
serve-ports-taken-hint = choose another port with --port N (0 lets the system choose)
# $why is serve-connection-limit-reached or serve-cannot-accept.
serve-connection-limit-reached = the connection limit is reached
serve-cannot-accept = cannot accept a connection ({ $error })
serve-connections-kept = warning: { $why }: at most { $max } connections are kept open, and the ones idle longest are closed to make room for new ones (logged once).
serve-connections-kept-limit = warning: { $why }: at most { $max } connections are kept open (the open-file limit is { $files }), and the ones idle longest are closed to make room for new ones (logged once).
serve-streams-capped = warning: { $max } pages are listening for live reload, the most kept: the one listening longest stops to make room for a new one, and listens again by itself (logged once).
serve-refused-more-hosts = Refused more requests for other hosts (no longer logged).
# $addresses is serve-addresses or serve-addresses-exposed.
serve-refused-host = Refused a request for host "{ $host }": the preview answers only at { $addresses } (a guard against DNS rebinding).
serve-address-separator = {", "}
serve-addresses = { $urls } or { $last }
serve-addresses-exposed = { $urls } or any IP address of this computer (port { $port })
serve-panic-unknown-cause = unknown cause
serve-build-panicked = internal error: the build panicked: { $cause }
serve-build-panicked-hint = this is a bug in stdportal; the server keeps serving the last good build
serve-no-watcher-thread = cannot start the watcher thread: { $error }
serve-watch-error = warning: watching the site's files: { $error }
serve-cannot-watch = warning: cannot watch { $path }: { $error }

## The browser overlay of serve

overlay-title = Build failed
overlay-note = The server still serves the last good build. This message goes away by itself once the problem is fixed.
overlay-first-note = The site has not built yet. This page reloads by itself once the problem is fixed.
overlay-withheld-note = A file was refused, so no page of the last good build is shown: it might show what the file held before. This page reloads by itself once the problem is fixed.
overlay-close = Close

## What serve answers a browser itself (plain text, and the page for a missing address)

serve-too-many-connections = 503 Service Unavailable: the preview has too many connections open.
serve-two-host-headers = 400 Bad Request: the request has more than one Host header.
serve-no-host-header = 400 Bad Request: an HTTP/1.1 request must have a Host header.
serve-refused-host-page =
    403 Forbidden: this stdportal preview does not answer for the host "{ $host }".
    Open it at { $addresses }.
    Other names are refused to protect the preview against DNS rebinding.
serve-not-found-title = Page not found
serve-not-found-home = Back to the home page
