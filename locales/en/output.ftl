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

## What claims an address (a whole noun phrase: the messages below put it in their sentences)

output-claimant-this-page = this page
output-claimant-page = the page { $file }
output-claimant-in-file = { $what } ({ $file })
output-claimant-script-pages = the pages in { $script }
output-claimant-search-index = the search index
output-claimant-city-download = the achievements download of the city "{ $city }"
output-claimant-atom = the Atom feed
output-claimant-robots = robots.txt
output-claimant-sitemap = the sitemap
output-claimant-static = the static file
output-claimant-page-file = the file { $name } published beside this page (its 下载原件 or a picture of its Word file)
output-claimant-content-file = the file beside a page
output-claimant-alias = the alias "/{ $alias }"
output-claimant-cities = the built-in list of cities
output-claimant-city = the city "{ $city }"
output-claimant-indicator = the indicator "{ $indicator }" of "{ $city }"
output-claimant-dashboard = the built-in dashboard
output-claimant-topics = the built-in list of topics
output-claimant-taxonomy = the taxonomy "{ $taxonomy }"
output-claimant-taxonomy-terms = the list of terms of the taxonomy "{ $taxonomy }"
output-claimant-catalogue = the built-in catalogue (信息公开目录)
output-claimant-site-map = the built-in site map (网站地图)
output-claimant-search = the built-in search page
output-claimant-not-found = the built-in page for missing pages (404.html)
# The pages of a list: $which is "first" for its first page, "later" for page 2, 3 …
output-claimant-home = { $which ->
    [later] a page of the list of the home page
   *[first] the home page
}
output-claimant-section = { $which ->
    [later] a page of the list of the section
   *[first] the section
}
output-claimant-folder = { $which ->
    [later] a page of the list of the folder
   *[first] the folder
}
output-claimant-topic = { $which ->
    [later] a page of the list of the topic "{ $topic }"
   *[first] the topic "{ $topic }"
}
output-claimant-term = { $which ->
    [later] a page of the list of the term "{ $term }" of the taxonomy "{ $taxonomy }"
   *[first] the term "{ $term }" of the taxonomy "{ $taxonomy }"
}
output-claimant-issuer = { $which ->
    [later] a page of the list of the issuer "{ $issuer }"
   *[first] the issuer "{ $issuer }"
}
output-claimant-city-documents = { $which ->
    [later] a page of the list of the documents of the city "{ $city }"
   *[first] the documents of the city "{ $city }"
}
output-claimant-catalogue-list = { $which ->
    [later] a page of the list of the catalogue
   *[first] the catalogue
}

## What an editor can do about a clash

output-hint-page = give the page another slug (slug = "…" in its front matter) or move it to another folder
output-hint-alias = change or remove the alias
output-hint-city-id = change the city's id
output-hint-indicator-id = change the indicator's id
output-hint-static = rename or remove the static file; stdportal writes the other one itself
output-hint-page-file = rename the Word or PDF file, or the file that has the same address
output-hint-content-file = rename or move the file beside the page, or the page whose address it takes
output-hint-section = rename the section's folder
output-hint-folder = rename the folder
output-hint-topic = write the topic the same way on every page, or give it another name
output-hint-term = write the term the same way on every page, or rename the taxonomy
output-hint-issuer = write the issuer the same way on every page
output-hint-list = rename the page or folder that uses this address

## Two claims on one address

output-clash-same-address = { $first } and { $second }: both claim the address /{ $address }
output-clash-case = { $first } and { $second }: /{ $address } and /{ $other } differ only in upper and lower case or in how characters are encoded, which many servers store as one file
output-clash-reserved = { $first } and { $second }: /{ $path } is inside /{ $folder }/, which is kept for { $owner }
output-clash-folder = { $first } and { $second }: /{ $path } needs a folder /{ $file }/, but /{ $file } is a file
output-cannot-publish = { $what } cannot be published at /{ $path }: { $problem }
output-cannot-publish-hint = use letters, digits and dashes in names that become addresses

## The output folder

output-dangerous-hint = build into a folder of its own: leave out --output (the site goes to public/) or name a new folder
output-is-the-site = this is the site's own folder: a build there would mix the generated pages with config.toml, content/ and data/
output-holds-the-site = this folder holds the site itself ({ $site }), so the generated pages would be mixed with its sources
output-in-sources = this is inside { $folder }/, where the site's sources are: the generated pages would become sources of the next build
output-is-home = this is your home folder (or holds it)
output-not-a-folder = the output exists and is not a folder
output-not-a-folder-hint = remove it, or choose another output with --output DIR
output-unreadable = cannot read the output folder: { $error }
output-unreadable-hint = check that you may read and write it, or choose another with --output DIR
output-foreign = this folder already holds files that stdportal did not write ({ $files }), so it was left alone
output-foreign-hint = build into a new or empty folder; if it only holds an earlier build of this site, delete it first; or add --force to build into it anyway (its other files are kept)
# Between the names of a few files in a message (thesis.docx, photos/)
output-name-separator = { ", " }
output-foreign-in-the-way = the new site needs this place, but { $kind ->
    [folder] a folder
   *[file] a file
} is there that stdportal did not write
output-foreign-in-the-way-hint = move it out of the output folder (files to publish belong in static/)
output-foreign-in-the-way-force-hint = move it out of the output folder (files to publish belong in static/), or build with --force to replace it
output-waiting = Another stdportal build is writing { $output } (process { $process }); waiting for it to finish…
output-waiting-unknown = Another stdportal build is writing { $output }; waiting for it to finish…

## Writing the site

output-refused-file = stdportal refused to write this file: { $problem }
output-refused-file-hint = this is a bug in the theme or in stdportal: please report it
output-write-failed = cannot write the site: { $error }
output-write-permission-hint = check that you may write to this folder, or choose another with --output DIR
output-write-disk-full-hint = the disk is full: free some space and build again
output-write-too-large-hint = a file is larger than this system lets stdportal write (see `ulimit -f`): raise the limit and build again
output-write-other-hint = the previous site was left as it was; fix the problem and build again
# `stdportal check`: a problem in a page made by stdportal or the theme, not from a file of content/
output-generated-page = (generated page) { $page }

## Journal and bookkeeping entries that are not stdportal's

output-journal-skipped = { $journal }, line { $line }: not carried out, { $why }
output-journal-skipped-more = { $journal }: { $count } more lines not carried out
output-journal-why-link = “{ $path }” is a link or leads through one, and stdportal never follows links inside the output
output-journal-why-path = “{ $path }” is not a path stdportal writes
output-journal-why-not-file = “{ $path }” is not a file
output-journal-why-line = the line is neither a removal (“-”) nor a move (“+”)
output-journal-why-text = the line is not UTF-8 text
output-own-entry-replaced = { $path } was not what stdportal keeps there (it is a link, a pipe or another kind of entry), so it was removed; nothing it pointed to was touched
output-manifest-not-a-file = the list of published files ({ $path }) is a link, a folder or a pipe, not a file
output-manifest-not-a-file-hint = remove it; if the folder only holds an earlier build of this site, delete the folder too and build again
output-own-file-too-large = { $file } is larger than { $limit } MB: stdportal never writes one that large
