### stdportal import：把 Word 文件变成 Markdown 页面。

import-to-outside = 这个文件夹不在 { $content } 里：页面必须放在网站的内容文件夹里
import-to-outside-hint = 请给 --to 一个 content/ 里的文件夹，例如 --to content/policies
import-exists = 这个文件已经存在：import 不会覆盖页面，它可能已经修改过
import-exists-hint = 如果要从 Word 文件重新生成，请加上 --force 再运行一次（页面里修改过的内容会丢失），或者用 --to 导入到别的文件夹
import-not-word = 这不是 Word 文件（.docx、.docm、.doc 或 .wps）
import-not-word-hint = 请给出一个 Word 文件，或者一个放着 Word 文件的文件夹
import-no-word-files = 这个文件夹里没有 Word 文件（.docx、.docm、.doc 或 .wps）
import-write-failed = 无法写入：{ $error }
import-as-written = { $value }（原文写作 { $original }）
import-genre = { $genre } → 页面类型 { $kind }
import-attachment = { $label } { $title }（{ $length } 字）
import-picture = { $name }（替换文字：“{ $alt }”）
import-element = { $element ->
        [title] 标题
        [genre] 文种
       *[other] { $element }
    }：{ $value }
import-element-at = 第 { $paragraph } 段：{ $element ->
        [copy_number] 份号（不发布）
        [secrecy] 密级（不发布）
        [urgency] 紧急程度（不发布）
        [issuer] 发文机关
        [doc_number] 发文字号
        [signer] 签发人
        [title] 标题
        [recipients] 主送机关
        [attachment_list] 附件说明
        [signature] 发文机关署名
        [written] 成文日期
        [remark] 附注
        [copy_to] 抄送机关
        [printed_by] 印发机关
        [printed_on] 印发日期
        [attachment_section] 附件，作为页面的一节
        [attachment_page] 附件，单独成页
        [picture] 图片
       *[other] { $element }
    }：{ $value }
import-dry-run = { $source } —— 识别出的内容（不写入任何文件）：
import-would-write = 将会写入：
import-wrote = { $source } → { $page }（写入了 { $files } 个文件）
import-failed = 有 { $count } 个 Word 文件没能导入。
