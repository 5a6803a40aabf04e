# stdportal's messages in English: the help of the command line (stdportal --help).
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## What the command and its subcommands do

help-about = Build a bilingual (Simplified/Traditional Chinese) standardization portal
help-build = Build the site into public/ (both scripts)
help-check = Build in memory and check every internal link and #anchor, related documents and alt text
help-init = Create a new, working site in DIR: config, one city, one page and the default theme
help-serve = Build the site in memory, serve it with live reload and rebuild it on every change
help-help-command = Print this message or the help of the given subcommand(s)

## The arguments ($default: the value used when the argument is not given)

help-message-format = How messages are written: human (sentences) or json (one JSON object a line on stdout, for programs: docs/EVENTS.md) [default: human]
help-quiet = Say only problems: no progress, no summary
help-lang = The language of messages: zh-Hans, zh-Hant or en [default: from STDPORTAL_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG)]
help-help = Print help
help-version = Print version
help-root = The site's folder (where config.toml is) [default: { $default }]
help-drafts = Include pages marked draft = true
help-future = Include pages dated after today (scheduled pages), to preview them
help-output = Where to write the site [default: ROOT/public]
help-base-url = Use this public address instead of base_url from config.toml
help-timings = Print the time spent in each stage and the peak memory
help-no-search = Skip the search index (faster; the search page finds nothing)
help-force = Build into an output folder that holds files stdportal did not write: they are kept, and those at the new site's own paths are replaced
help-in-place = Move changed files into the output folder one by one instead of swapping the whole folder (automatic when the output is a mount point, e.g. a Docker volume)
help-no-sync = Do not wait for the new site to reach the disk before putting it in place: faster on a slow disk, but after a power cut the output may hold empty or torn files (for throwaway previews)
help-dir = The folder to create (it must not exist or be empty)
help-port = The port to listen on; if it is taken, the next free one (0: any free port) [default: { $default }]
help-bind = The address to listen on; 0.0.0.0 exposes the site to the network [default: { $default }]
help-open = Open the site in the default browser

## The headings of the help

help-heading-usage = Usage:
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-import = Make a Word file (.docx, .doc, .wps), or every one in a folder, into a Markdown page with its metadata, to edit like any other page
help-import-source = The Word file, or a folder of Word files
help-import-to = The folder of content/ the page goes to (default: the Word file's own when it is in content/, else content/)
help-import-dry-run = Write nothing: say what was recognised in the document, element by element, and what would be written
help-import-force = Overwrite a page that exists (what was edited in it is lost)
help-gov = Also check what the national government website inspection would fail (home page and column updates, empty columns, footer, meta tags, annual report)
help-date = Compute the inspection rules for this day (year-month-day; today by default)
