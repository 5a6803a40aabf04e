# stdportal's messages in English: finding the site's files.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Finding the site's files

file-unreadable = cannot read: { $error }
link-outside-site = this link points outside the site, to { $target }
link-outside-site-hint = copy the file into the site instead of linking to it
link-dangling = this link points to a file that does not exist
link-dangling-hint = remove the link or restore the file it points to
folder-unreadable = cannot read this folder: { $error }
folder-link-outside-site = this is a link to { $target }, outside the site: stdportal reads and publishes only files inside the site
folder-link-outside-site-hint = copy the folder into the site instead of linking to it
folder-unreadable-hint = check that you may open and read this folder (its permissions), or move it out of the site

## Reading a file of the site (src/read.rs)

read-not-a-file = this is not an ordinary file but { $what ->
        [fifo] a named pipe (FIFO)
        [device] a device
        [socket] a socket
        [folder] a folder
       *[other] a special file
    }: stdportal reads only ordinary files, so that a build never waits on a pipe or reads a device without end
read-link-not-a-file = this link leads to { $target }, which is not an ordinary file but { $what ->
        [fifo] a named pipe (FIFO)
        [device] a device
        [socket] a socket
        [folder] a folder
       *[other] a special file
    }: stdportal reads only ordinary files
read-not-a-file-hint = put the file itself here, or remove this one
read-too-large = this file is { $size }, more than the { $limit } stdportal reads of { $kind ->
        [page] a page
        [table] a data table
        [workbook] a workbook
        [settings] a settings file, template or labels file
        [word] a Word file
       *[static] a static file
    }
read-too-large-hint = { $kind ->
        [page] split it into several pages
        [table] split the table into several files in a folder named after it (data/observations/2024.csv, data/observations/2025.csv)
        [workbook] split it into several workbooks in a folder named after the table (data/observations/2024.xlsx, data/observations/2025.xlsx)
        [settings] nobody writes a file this large by hand: check that it is the right file
        [word] save the pictures in it smaller (in Word: Compress Pictures), or split the document into several files
       *[static] put a file this large on a file server and link to it from a page
    }
read-link-loop = this link leads round in a loop (through other links back to itself) and reaches no file
read-link-loop-hint = remove the link, or point it to a file
read-link-chain = this link leads to another link, and that to another, more than 40 in a row: the system follows no more
read-link-chain-hint = point the link straight to the file
read-link-hidden = this link leads to { $target }, a hidden file of the site (its name or a folder on the way starts with a dot, like .git/): stdportal never reads or publishes those
read-link-hidden-hint = copy what should be published into a folder of the site that is not hidden, instead of linking to it
read-name-not-text = the name “{ $name }” is not readable text (it was saved in another encoding; � marks what cannot be read), so it cannot become part of a web address
read-name-not-text-hint = rename it, for example in the file manager, with Chinese or Latin letters, digits and -
read-replaced = this file was replaced while it was being read (a link or another kind of file was put in its place)
read-replaced-hint = build again once nothing is changing the site's files
