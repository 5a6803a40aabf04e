# stdportal's messages in English: the preview server and its browser overlay.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## serve

serve-not-a-folder = this is not a folder
serve-not-a-folder-hint = pass the folder that holds config.toml: stdportal serve --root DIR
serve-cannot-start = cannot start the server
serve-built = Built { $pages } pages ({ $files } files) in memory in { $ms } ms.
serve-first-build-failed = The build failed: every page shows the error until it is fixed; the site is rebuilt as soon as a file changes.
serve-no-ctrl-c = cannot listen for Ctrl-C
serve-serving = Serving { $url } (Ctrl-C to stop)
serve-bind-warning = warning: --bind { $bind } exposes the site to every network this computer is on.
serve-no-watch = warning: cannot watch the site's files ({ $error }); changes will not be rebuilt.
serve-stopped-error = the server stopped
serve-stopped = Stopped.
serve-css-unchanged = Reloaded stylesheets in { $ms } ms after { $what } changed: none changed
serve-css-reloaded = Reloaded stylesheets in { $ms } ms after { $what } changed: { $files }
serve-pages-changed = { $pages ->
        [0] no pages changed
        [one] 1 page changed
       *[other] { $pages } pages changed
    }
serve-other-files = { $files ->
        [one] {" "}(and 1 other file)
       *[other] {" "}(and { $files } other files)
    }
serve-error-fixed = ; the error is fixed
serve-rendered-again = { $routes ->
        [one] {" "}(only that page rendered again)
       *[other] {" "}({ $routes } pages rendered again)
    }
serve-rebuilt = Rebuilt in { $ms } ms after { $what } changed: { $summary }
serve-rebuild-failed = Rebuild failed after { $ms } ms ({ $what } changed); still serving the last good build.
serve-changed-nothing = nothing
serve-changed-more = { $first } and { $more } more
serve-cannot-listen = cannot listen on { $address }:{ $port }
serve-cannot-listen-hint = choose another address with --bind ADDR or port with --port N
serve-ports-taken = ports { $first } to { $last } on { $address } are all taken
serve-ports-taken-hint = choose another port with --port N (0 lets the system choose)

## The browser overlay of serve

overlay-title = Build failed
overlay-note = The server still serves the last good build. This message goes away by itself once the problem is fixed.
overlay-first-note = The site has not built yet. This page reloads by itself once the problem is fixed.
overlay-close = Close
