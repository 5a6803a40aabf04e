# stdportal's messages in English: reading a 公文 from a Word file (.docx, .doc, .wps).

## Files that are not read

word-file-limit = this Word file is { $size } MB: a Word file of more than { $limit } MB is not read
word-part-limit = the part "{ $part }" of this Word file unpacks to { $size } MB: a part of more than { $limit } MB is not read
word-unpacked-limit = this Word file unpacks to { $size } MB: a Word file is read up to { $limit } MB unpacked
word-parts-limit = this Word file is a zip of { $count } parts: a Word file has far fewer, and one of more than { $limit } is not read
word-ratio-limit = the part "{ $part }" of this Word file is stored { $ratio } times smaller than its content: Word packs its parts at most a few dozen times, and a part packed more than { $limit } times is not read
word-elements-limit = the part "{ $part }" of this Word file has more than { $limit } XML elements, more than is read
word-depth-limit = the part "{ $part }" of this Word file nests XML elements more than { $limit } deep, more than is read
word-smaller-hint = make the file smaller: in Word, File ▸ Compress Pictures (or in WPS, 图片压缩), or split the document and publish its long attachments as files of their own
word-damaged-hint = this file was not saved by Word, WPS or LibreOffice as it is, or it was made to exhaust the computer's memory: open it in Word or WPS and save it again as .docx
# $looks is one of: empty, pdf, rtf, markup, text, odt, workbook, presentation, zip, other.
word-not-word = this .{ $extension } file is not a Word document: { $looks ->
        [empty] it is empty
        [pdf] it is a PDF
        [rtf] it is an RTF document
        [markup] it is a web page (HTML)
        [text] it is plain text
        [odt] it is an OpenDocument text (.odt)
        [workbook] it is a spreadsheet
        [presentation] it is a presentation
        [zip] it is a zip of other files
       *[other] its content is no format a word processor writes
    }
word-not-word-hint = { $looks ->
        [pdf] a PDF is published as an attachment (put it in static/ and link to it); a page for it needs its text as Markdown or as a .docx: in WPS or Word, open the original document and save it as .docx
        [empty] save the document again in Word or WPS, as .docx
       *[other] open it in Word, WPS or LibreOffice and save it as a Word document (.docx)
    }
# $kind is doc (Word 97–2003, which WPS also writes as .wps) or works (Microsoft Works).
word-legacy = this .{ $extension } file is { $kind ->
        [doc] a Word 97–2003 document, a format this reader does not read directly
       *[works] a Microsoft Works document, a format this reader does not read directly
    }
word-no-converter = this .{ $extension } file is { $kind ->
        [doc] a Word 97–2003 document
       *[works] a Microsoft Works document
    }, and LibreOffice, which converts it, is not installed
word-legacy-hint = { $kind ->
        [doc] open it in Word or WPS and save it as a Word document (.docx) (WPS: 文件 ▸ 另存为 ▸ Word 文件 (*.docx)); or install LibreOffice (soffice), which converts it when the site is built
       *[works] open it in Word or LibreOffice and save it as a Word document (.docx); or install LibreOffice (soffice), which converts it when the site is built
    }
# $error is LibreOffice's own account, in English.
word-conversion-failed = LibreOffice could not convert this { $kind ->
        [doc] Word 97–2003 document
       *[works] Microsoft Works document
    } to .docx: { $error }
word-password = this Word file is protected by a password, so its text cannot be read
word-password-hint = open it in Word or WPS with the password, remove the password (File ▸ Info ▸ Protect Document ▸ Encrypt with Password, and clear it), and save it again
word-duplicate-parts = this Word file holds two parts of the same name, which programs would read differently
word-no-document = this zip file holds no Word document
word-no-document-hint = open it in Word or WPS and save it as a Word document (.docx)
word-dtd = the part "{ $part }" of this Word file declares a document type with entities, which Word never writes and which can make a small file expand to exhaust the computer's memory
# $error is the reader's own description, in English.
word-unreadable = this Word file cannot be read: { $error }
word-unreadable-part = the part "{ $part }" of this Word file cannot be read: { $error }
word-unreadable-hint = open it in Word or WPS and save it again as a Word document (.docx)

## Notes on what was read

word-at-paragraph = paragraph { $paragraph }: { $message }
word-at-paragraph-quoted = paragraph { $paragraph } (“{ $quote }”): { $message }
word-no-title = no title was found: a title is the centred line (or lines) after the document number, ending in the kind of document (通知, 意见, 办法 …)
word-no-title-hint = the page takes the file's title or its name instead; centre the title in Word, or give the page its title when it is imported
word-no-issuer = no issuing organ was found, neither above the document number nor as the signature above the date
word-no-issuer-hint = say which organ issued it when the page is imported
word-secrecy = the document is marked “{ $level }”: a classified document must not be published on a public website
word-secrecy-hint = publish it only once it has been declassified, and then remove the marking from the Word file
word-header-unrecognised = this line above the document number is none of the header's elements (copy number, classification, urgency, issuing organ, signer), and is left out of the text
word-header-unrecognised-hint = if it belongs to the text, move it below the title in Word; if it is the issuing organ's name, write it as “XX人民政府文件” or set it in red
word-no-date = no date of the document (成文日期) was found: it is a line of its own after the signature
word-no-date-hint = write it as 2021年10月12日 (or 二〇二一年十月十二日) on a line of its own after the issuing organ's name, or give the page its date when it is imported
word-urgency = the urgency “{ $urgency }” is not shown on the page unless you ask for it
word-copy-number = the copy number “{ $number }” is not shown on the page
word-tracked-changes = the document has changes that were never accepted or rejected ({ $insertions } insertions, { $deletions } deletions): the page shows the text as if every change were accepted
word-tracked-changes-hint = check the page against the document, or in Word (Review ▸ Accept ▸ Accept All Changes) or WPS (审阅 ▸ 接受所有修订) settle the changes and save it again
word-comments = { $count ->
        [one] the document's comment is not published
       *[other] the document's { $count } comments are not published
    }
word-hidden = { $count ->
        [one] 1 character of hidden text is not published
       *[other] { $count } characters of hidden text are not published
    }
word-hidden-hint = hidden text is invisible in Word unless formatting marks are shown; if it should be published, remove “Hidden” from its font settings
word-symbols = { $count ->
        [one] a symbol inserted from a symbol font (Insert ▸ Symbol) is left out
       *[other] { $count } symbols inserted from symbol fonts (Insert ▸ Symbol) are left out
    }
word-symbols-hint = type the character itself (✓, ●, ※) instead of inserting it from Wingdings or Symbol
word-toc = the table of contents is left out: its page numbers mean nothing on a web page, and the page lists its headings itself
word-object = a chart, diagram or embedded object is not read
word-object-hint = paste it into the document as a picture (Paste Special ▸ Picture), with alternative text, or publish its data as a table
word-external-picture = a picture is linked to “{ $address }” outside the file, and is neither fetched nor published
word-external-picture-hint = insert the picture into the document itself (Insert ▸ Pictures ▸ This Device) rather than linking to it
word-placeholder = a form field's placeholder text (“click here to enter text”) is left out
word-unsafe-link = a link to “{ $address }” is not published as a link (pages link only to web and mail addresses); its text stays
word-unsafe-link-hint = if it should be a link, make it one to a web address (https://…)
# $kind is one of: nbsp, soft-hyphen, zero-width, line-break, control, direction, object.
word-debris = { $kind ->
        [nbsp] { $count } non-breaking spaces became ordinary spaces
        [soft-hyphen] { $count } soft hyphens were removed
        [zero-width] { $count } invisible zero-width characters were removed
        [line-break] { $count } line breaks pasted as special characters became line breaks
        [control] { $count } control characters were removed
        [direction] { $count } invisible text direction marks were removed
       *[object] { $count } object placeholders were removed
    }
word-macros = the document holds macros (a .docm): they are neither run nor published
word-picture-missing = a picture's file “{ $part }” is missing from the Word file
word-picture-broken = a picture refers to a part that is not in the Word file
word-picture-format = a picture is in a format browsers do not show ({ $format }) and is not published
word-picture-hint = in Word or WPS, right-click the picture, save it as a PNG or JPEG file, and insert that file instead
word-picture-no-alt = the picture { $name } has no alternative text, which readers who cannot see it need
word-picture-no-alt-hint = in Word or WPS, right-click the picture ▸ Edit Alt Text (编辑替换文字) and describe what it shows
