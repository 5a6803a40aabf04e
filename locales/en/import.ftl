### stdportal import: a Word file made into a Markdown page.

import-to-outside = this folder is not inside { $content }: a page must be in the site's content folder
import-to-outside-hint = give --to a folder of content/, for example --to content/policies
import-exists = this file exists already: import does not overwrite a page, which may have been edited since
import-exists-hint = to make it again from the Word file, run the command again with --force (what was edited in it is lost), or import into another folder with --to
import-not-word = this is not a Word file (.docx, .docm, .doc or .wps)
import-not-word-hint = give a Word file, or a folder of Word files
import-no-word-files = this folder has no Word files (.docx, .docm, .doc or .wps)
import-write-failed = could not be written: { $error }
import-as-written = { $value } (written { $original })
import-genre = { $genre } → kind { $kind }
import-attachment = { $label } { $title } ({ $length } characters)
import-picture = { $name } (alternative text: “{ $alt }”)
import-element = { $element ->
        [title] title
        [genre] 文种 (type of document)
       *[other] { $element }
    }: { $value }
import-element-at = paragraph { $paragraph }: { $element ->
        [copy_number] 份号 (copy number, not published)
        [secrecy] 密级 (classification, not published)
        [urgency] 紧急程度 (urgency, not published)
        [issuer] 发文机关 (issuing organ)
        [doc_number] 发文字号 (document number)
        [signer] 签发人 (signed by)
        [title] title
        [recipients] 主送机关 (addressed to)
        [attachment_list] 附件说明 (attachment listed)
        [signature] 署名 (signature)
        [written] 成文日期 (date written)
        [remark] 附注 (remark)
        [copy_to] 抄送机关 (copied to)
        [printed_by] 印发机关 (printed by)
        [printed_on] 印发日期 (printed on)
        [attachment_section] attachment, a section of the page
        [attachment_page] attachment, a page of its own
        [picture] picture
       *[other] { $element }
    }: { $value }
import-dry-run = { $source } — what was recognised (nothing is written):
import-would-write = Would write:
import-wrote = { $source } → { $page } ({ $files } files written)
import-failed = { $count } Word files could not be imported.
