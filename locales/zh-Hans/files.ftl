# stdportal 的简体中文提示：查找网站文件。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 查找网站文件

file-unreadable = 无法读取：{ $error }
link-outside-site = 这个链接指向网站以外的 { $target }
link-outside-site-hint = 请把文件复制到网站里，不要用链接
link-dangling = 这个链接指向的文件不存在
link-dangling-hint = 请删除这个链接，或者恢复它指向的文件
folder-unreadable = 无法读取这个文件夹：{ $error }
folder-link-outside-site = 这是指向网站以外的 { $target } 的链接：stdportal 只读取和发布网站里的文件
folder-link-outside-site-hint = 请把文件夹复制到网站里，不要用链接
folder-unreadable-hint = 请检查你是否有权限打开和读取这个文件夹，或者把它移出网站

## 读取网站里的文件（src/read.rs）

read-not-a-file = 这不是普通文件，而是{ $what ->
        [fifo] 命名管道（FIFO）
        [device] 设备
        [socket] 套接字
        [folder] 文件夹
       *[other] 特殊文件
    }：stdportal 只读取普通文件，这样生成网站时不会一直等待管道，也不会无休止地读取设备
read-link-not-a-file = 这个链接指向 { $target }，它不是普通文件，而是{ $what ->
        [fifo] 命名管道（FIFO）
        [device] 设备
        [socket] 套接字
        [folder] 文件夹
       *[other] 特殊文件
    }：stdportal 只读取普通文件
read-not-a-file-hint = 请在这里放入文件本身，或者删除它
read-too-large = 这个文件有 { $size }，超过了 stdportal 读取{ $kind ->
        [page] 页面
        [table] 数据表
        [workbook] 工作簿
        [settings] 配置文件、模板或界面文字文件
        [word] Word 文件
       *[static] 静态文件
    }的上限 { $limit }
read-too-large-hint = { $kind ->
        [page] 请把它拆成几个页面
        [table] 请把这张表拆成几个文件，放在以表名命名的文件夹里（data/observations/2024.csv、data/observations/2025.csv）
        [workbook] 请把它拆成几个工作簿，放在以表名命名的文件夹里（data/observations/2024.xlsx、data/observations/2025.xlsx）
        [settings] 没有人会手写这么大的文件：请检查是不是放错了文件
        [word] 请压缩其中的图片（在 Word 里：压缩图片），或者把文件拆成几个
       *[static] 这么大的文件请放到文件服务器上，再在页面里链接它
    }
read-link-loop = 这个链接绕成了一个圈（经过其他链接又指回自己），找不到任何文件
read-link-loop-hint = 请删除这个链接，或者让它指向一个文件
read-link-chain = 这个链接指向另一个链接，那个又指向另一个，连续超过 40 个：系统不再继续跟随
read-link-chain-hint = 请让链接直接指向文件
read-link-hidden = 这个链接指向网站里的隐藏文件 { $target }（它或路径上的文件夹名称以点开头，例如 .git/）：stdportal 从不读取或发布这类文件
read-link-hidden-hint = 请把需要发布的内容复制到网站里不隐藏的文件夹，不要用链接
read-name-not-text = 名称“{ $name }”不是能读的文字（它是用别的编码保存的，� 表示无法识别的部分），不能成为网址的一部分
read-name-not-text-hint = 请重新命名，例如在文件管理器里，用中文或拉丁字母、数字和 -
read-replaced = 读取这个文件时，它被替换了（换成了链接或其他类型的文件）
read-replaced-hint = 请等网站的文件不再变化后重新生成
