# stdportal 的简体中文提示：从 Word 文件（.docx、.doc、.wps）读取公文。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同。

## 不读取的文件

word-file-limit = 这个 Word 文件有 { $size } MB：超过 { $limit } MB 的 Word 文件不予读取
word-part-limit = 这个 Word 文件中的“{ $part }”部分解压后有 { $size } MB：超过 { $limit } MB 的部分不予读取
word-unpacked-limit = 这个 Word 文件解压后有 { $size } MB：Word 文件最多读取解压后的 { $limit } MB
word-parts-limit = 这个 Word 文件是由 { $count } 个部分组成的压缩包：Word 文件的部分远比这少，超过 { $limit } 个部分的文件不予读取
word-ratio-limit = 这个 Word 文件中的“{ $part }”部分压缩得比内容小 { $ratio } 倍：Word 最多压缩几十倍，压缩超过 { $limit } 倍的部分不予读取
word-elements-limit = 这个 Word 文件中的“{ $part }”部分有超过 { $limit } 个 XML 元素，超出了读取的上限
word-depth-limit = 这个 Word 文件中的“{ $part }”部分的 XML 元素嵌套超过 { $limit } 层，超出了读取的上限
word-smaller-hint = 请把文件改小：在 Word 中选择“文件 ▸ 压缩图片”（WPS 中为“图片压缩”），或者把文档拆开，把较长的附件作为单独的文件发布
word-damaged-hint = 这个文件不是 Word、WPS 或 LibreOffice 原样保存的，或者是为了耗尽计算机内存而做的：请用 Word 或 WPS 打开，重新另存为 .docx
word-not-word = 这个 .{ $extension } 文件不是 Word 文档：{ $looks ->
        [empty] 它是空的
        [pdf] 它是 PDF 文件
        [rtf] 它是 RTF 文档
        [markup] 它是网页（HTML）
        [text] 它是纯文本
        [odt] 它是 OpenDocument 文本（.odt）
        [workbook] 它是电子表格
        [presentation] 它是演示文稿
        [zip] 它是装着其他文件的压缩包
       *[other] 它的内容不是文字处理软件保存的格式
    }
word-not-word-hint = { $looks ->
        [pdf] PDF 文件作为附件发布（放在 static/ 里并加上链接）；要为它生成页面，需要 Markdown 或 .docx 格式的正文：请在 WPS 或 Word 中打开原文档，另存为 .docx
        [empty] 请在 Word 或 WPS 中重新保存文档，保存为 .docx
       *[other] 请用 Word、WPS 或 LibreOffice 打开，另存为 Word 文档（.docx）
    }
word-legacy = 这个 .{ $extension } 文件是{ $kind ->
        [doc] Word 97–2003 文档，这种格式不能直接读取
       *[works] Microsoft Works 文档，这种格式不能直接读取
    }
word-no-converter = 这个 .{ $extension } 文件是{ $kind ->
        [doc] Word 97–2003 文档
       *[works] Microsoft Works 文档
    }，而用来转换它的 LibreOffice 没有安装
word-legacy-hint = { $kind ->
        [doc] 请用 Word 或 WPS 打开，另存为 Word 文档（.docx）（WPS：文件 ▸ 另存为 ▸ Word 文件 (*.docx)）；或者安装 LibreOffice（soffice），生成网站时会自动转换
       *[works] 请用 Word 或 LibreOffice 打开，另存为 Word 文档（.docx）；或者安装 LibreOffice（soffice），生成网站时会自动转换
    }
word-conversion-failed = LibreOffice 无法把这个{ $kind ->
        [doc] Word 97–2003 文档
       *[works] Microsoft Works 文档
    }转换为 .docx：{ $error }
word-password = 这个 Word 文件设置了密码，无法读取其中的文字
word-password-hint = 请在 Word 或 WPS 中输入密码打开，取消密码（文件 ▸ 信息 ▸ 保护文档 ▸ 用密码进行加密，清空密码）后重新保存
word-duplicate-parts = 这个 Word 文件中有两个同名的部分，不同的软件会读出不同的内容
word-no-document = 这个压缩文件中没有 Word 文档
word-no-document-hint = 请用 Word 或 WPS 打开，另存为 Word 文档（.docx）
word-dtd = 这个 Word 文件中的“{ $part }”部分声明了带实体的文档类型：Word 从不这样写，这种写法能让一个小文件膨胀到耗尽计算机内存
word-unreadable = 无法读取这个 Word 文件：{ $error }
word-unreadable-part = 无法读取这个 Word 文件中的“{ $part }”部分：{ $error }
word-unreadable-hint = 请用 Word 或 WPS 打开，重新另存为 Word 文档（.docx）

## 读取时的说明

word-at-paragraph = 第 { $paragraph } 段：{ $message }
word-at-paragraph-quoted = 第 { $paragraph } 段（“{ $quote }”）：{ $message }
word-no-title = 没有找到标题：标题是发文字号下面居中的一行（或几行），以文种结尾（通知、意见、办法……）
word-no-title-hint = 页面会改用文件属性中的标题或文件名；请在 Word 中把标题居中，或在导入时填写页面标题
word-no-issuer = 没有找到发文机关：发文字号上面没有发文机关标志，成文日期上面也没有发文机关署名
word-no-issuer-hint = 请在导入时填写发文机关
word-secrecy = 这份文件标有“{ $level }”：涉密文件不得在公开网站上发布
word-secrecy-hint = 请在文件解密后再发布，并先删除 Word 文件中的密级标志
word-header-unrecognised = 发文字号上面的这一行不是版头的任何要素（份号、密级、紧急程度、发文机关标志、签发人），没有放进正文
word-header-unrecognised-hint = 如果它属于正文，请在 Word 中把它移到标题下面；如果它是发文机关名称，请写成“××人民政府文件”或设为红色
word-no-date = 没有找到成文日期：成文日期是发文机关署名下面单独的一行
word-no-date-hint = 请在发文机关署名下面单独一行写成 2021年10月12日（或 二〇二一年十月十二日），或在导入时填写页面的日期
word-urgency = 紧急程度“{ $urgency }”不在页面上显示，除非另行指定
word-copy-number = 份号“{ $number }”不在页面上显示
word-tracked-changes = 这份文件有没有接受也没有拒绝的修订（插入 { $insertions } 处，删除 { $deletions } 处）：页面按全部接受修订后的文字显示
word-tracked-changes-hint = 请对照文件核对页面，或在 WPS（审阅 ▸ 接受所有修订）或 Word（审阅 ▸ 接受 ▸ 接受所有修订）中处理完修订后重新保存
word-comments = 文件中的 { $count } 条批注不予发布
word-hidden = 有 { $count } 个字的隐藏文字不予发布
word-hidden-hint = 隐藏文字在 Word 中不显示编辑标记时是看不见的；如果应该发布，请在字体设置中取消“隐藏”
word-symbols = 有 { $count } 个从符号字体插入的符号（插入 ▸ 符号）没有读取
word-symbols-hint = 请直接输入这个字符（✓、●、※），不要从 Wingdings 或 Symbol 字体插入
word-toc = 目录没有读取：目录中的页码在网页上没有意义，页面会自己列出各级标题
word-object = 图表、SmartArt 图形或嵌入对象没有读取
word-object-hint = 请把它作为图片粘贴进文档（选择性粘贴 ▸ 图片）并填写替换文字，或者把其中的数据作为表格发布
word-external-picture = 有一张图片链接到文件外的“{ $address }”，既不下载也不发布
word-external-picture-hint = 请把图片插入到文档里（插入 ▸ 图片 ▸ 本地图片），不要只插入链接
word-placeholder = 内容控件中的提示文字（“单击此处输入文字”）没有读取
word-unsafe-link = 指向“{ $address }”的链接不作为链接发布（页面只链接到网址和电子邮件地址），文字保留
word-unsafe-link-hint = 如果需要链接，请改为链接到网址（https://…）
word-debris = { $kind ->
        [nbsp] { $count } 个不间断空格改成了普通空格
        [soft-hyphen] 删除了 { $count } 个可选连字符
        [zero-width] 删除了 { $count } 个看不见的零宽字符
        [line-break] { $count } 个以特殊字符粘贴的换行符改成了换行
        [control] 删除了 { $count } 个控制字符
        [direction] 删除了 { $count } 个看不见的文字方向标记
       *[object] 删除了 { $count } 个对象占位符
    }
word-macros = 这份文件含有宏（.docm）：宏既不运行也不发布
word-picture-missing = Word 文件中缺少图片文件“{ $part }”
word-picture-broken = 有一张图片指向 Word 文件中不存在的部分
word-picture-format = 有一张图片的格式（{ $format }）浏览器不能显示，没有发布
word-picture-hint = 请在 Word 或 WPS 中右击图片，另存为 PNG 或 JPEG 文件，再插入这个文件
word-picture-no-alt = 图片 { $name } 没有替换文字，看不见图片的读者需要它
word-picture-no-alt-hint = 请在 Word 或 WPS 中右击图片 ▸ 编辑替换文字，写明图片的内容
