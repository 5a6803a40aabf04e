# stdportal 的简体中文提示：预览服务器及其浏览器提示层。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## serve

serve-not-a-folder = 这不是一个文件夹
serve-not-a-folder-hint = 请指定存放 config.toml 的文件夹：stdportal serve --root 文件夹
serve-cannot-start = 无法启动预览服务器：{ $error }
serve-built = 已在内存中生成 { $pages } 个页面（{ $files } 个文件），用时 { $ms } 毫秒。
serve-first-build-failed = 生成失败：改好以前每个页面都会显示这个错误；文件一有改动就会重新生成。
serve-no-ctrl-c = 无法接收 Ctrl-C：{ $error }
serve-serving = 预览地址 { $url }（按 Ctrl-C 停止）
serve-bind-warning = 注意：--bind { $bind } 会让这台电脑所在的所有网络都能访问预览。
serve-no-watch = 注意：无法监视网站文件（{ $error }），改动后不会自动重新生成。
serve-stopped-error = 预览服务器停止了：{ $error }
serve-stopped = 已停止。
serve-css-unchanged = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：没有样式表变化
serve-css-reloaded = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：{ $files }
# $pages：有变化的页面数；$others：有变化的其他文件数；$fixed：上一次生成失败时为 yes；
# $routes：重新生成的页面数，全部重新生成时为 none。
serve-rebuilt = { $what } 有改动，已在 { $ms } 毫秒内重新生成：{ $pages ->
        [0] 没有页面变化
       *[other] { $pages } 个页面有变化
    }{ $others ->
        [0] {""}
       *[other] （另有 { $others } 个其他文件）
    }{ $fixed ->
        [yes] ；错误已改好
       *[no] {""}
    }{ $routes ->
        [none] {""}
        [1] （只重新生成了这一页）
       *[other] （重新生成了 { $routes } 个页面）
    }
serve-rebuild-failed = { $what } 有改动，重新生成失败（用时 { $ms } 毫秒）；仍在提供上一次成功生成的网站。
serve-rebuild-refused = { $what } 有改动，重新生成失败（用时 { $ms } 毫秒）：有文件被拒绝读取，改好以前不提供任何页面。
serve-changed-nothing = 无
serve-changed-more = { $first } 等 { $more } 个文件
serve-cannot-listen = 无法在 { $address }:{ $port } 上监听：{ $error }
serve-cannot-listen-hint = 请用 --bind 换一个地址，或用 --port 换一个端口
serve-ports-taken = { $address } 上的端口 { $first } 到 { $last } 都被占用了
serve-ports-taken-hint = 请用 --port 换一个端口（0 表示由系统选择）
# $why 是 serve-connection-limit-reached 或 serve-cannot-accept。
serve-connection-limit-reached = 已达到连接数上限
serve-cannot-accept = 无法接受连接（{ $error }）
serve-connections-kept = 注意：{ $why }：最多保持 { $max } 个连接，空闲最久的连接会被关闭，为新连接腾出位置（此提示只显示一次）。
serve-connections-kept-limit = 注意：{ $why }：最多保持 { $max } 个连接（打开文件数上限为 { $files }），空闲最久的连接会被关闭，为新连接腾出位置（此提示只显示一次）。
serve-streams-capped = 注意：已有 { $max } 个页面在等待实时刷新，这是上限：等待最久的页面会停止等待，为新页面腾出位置，之后它会自动重新连接（此提示只显示一次）。
serve-refused-more-hosts = 又拒绝了一些访问其他主机名的请求（不再逐个记录）。
# $addresses 是 serve-addresses 或 serve-addresses-exposed。
serve-refused-host = 拒绝了访问主机名“{ $host }”的请求：预览只在 { $addresses } 响应（为防止 DNS 重绑定攻击）。
serve-address-separator = 、
serve-addresses = { $urls } 或 { $last }
serve-addresses-exposed = { $urls } 或这台电脑的任何 IP 地址（端口 { $port }）
serve-panic-unknown-cause = 原因不明
serve-build-panicked = 内部错误：生成网站时程序崩溃（panic）：{ $cause }
serve-build-panicked-hint = 这是 stdportal 的程序错误；预览服务器会继续提供上一次成功生成的网站
serve-no-watcher-thread = 无法启动监视线程：{ $error }
serve-watch-error = 注意：监视网站文件时出错：{ $error }
serve-cannot-watch = 注意：无法监视 { $path }：{ $error }

## serve 的浏览器提示层

overlay-title = 生成失败
overlay-note = 服务器仍提供上一次成功生成的页面。改好后这个提示会自动消失。
overlay-first-note = 网站还没有成功生成过。改好后这个页面会自动重新加载。
overlay-withheld-note = 有文件被拒绝读取，所以不再显示上一次成功生成的页面（其中可能有这个文件以前的内容）。改好后这个页面会自动重新加载。
overlay-close = 关闭

## serve 自己回复浏览器的内容（纯文本，以及找不到地址时的页面）

serve-too-many-connections = 503 Service Unavailable：预览服务器打开的连接太多，请稍后再试。
serve-two-host-headers = 400 Bad Request：请求里有不止一个 Host 头。
serve-no-host-header = 400 Bad Request：HTTP/1.1 请求必须有 Host 头。
serve-refused-host-page =
    403 Forbidden：这个 stdportal 预览不响应主机名“{ $host }”。
    请访问 { $addresses }。
    为防止 DNS 重绑定攻击，其他主机名都会被拒绝。
serve-not-found-title = 页面未找到
serve-not-found-home = 返回首页
