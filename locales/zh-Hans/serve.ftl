# stdportal 的简体中文提示：预览服务器及其浏览器提示层。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## serve

serve-not-a-folder = 这不是一个文件夹
serve-not-a-folder-hint = 请指定存放 config.toml 的文件夹：stdportal serve --root 文件夹
serve-cannot-start = 无法启动预览服务器
serve-built = 已在内存中生成 { $pages } 个页面（{ $files } 个文件），用时 { $ms } 毫秒。
serve-first-build-failed = 生成失败：改好以前每个页面都会显示这个错误；文件一有改动就会重新生成。
serve-no-ctrl-c = 无法接收 Ctrl-C
serve-serving = 预览地址 { $url }（按 Ctrl-C 停止）
serve-bind-warning = 注意：--bind { $bind } 会让这台电脑所在的所有网络都能访问预览。
serve-no-watch = 注意：无法监视网站文件（{ $error }），改动后不会自动重新生成。
serve-stopped-error = 预览服务器停止了
serve-stopped = 已停止。
serve-css-unchanged = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：没有样式表变化
serve-css-reloaded = { $what } 有改动，{ $ms } 毫秒内重新加载了样式表：{ $files }
serve-pages-changed = { $pages ->
        [0] 没有页面变化
       *[other] { $pages } 个页面有变化
    }
serve-other-files = （另有 { $files } 个其他文件）
serve-error-fixed = ；错误已改好
serve-rendered-again = { $routes ->
        [one] （只重新生成了这一页）
       *[other] （重新生成了 { $routes } 个页面）
    }
serve-rebuilt = { $what } 有改动，已在 { $ms } 毫秒内重新生成：{ $summary }
serve-rebuild-failed = { $what } 有改动，重新生成失败（用时 { $ms } 毫秒）；仍在提供上一次成功生成的网站。
serve-changed-nothing = 无
serve-changed-more = { $first } 等 { $more } 个文件
serve-cannot-listen = 无法在 { $address }:{ $port } 上监听
serve-cannot-listen-hint = 请用 --bind 换一个地址，或用 --port 换一个端口
serve-ports-taken = { $address } 上的端口 { $first } 到 { $last } 都被占用了
serve-ports-taken-hint = 请用 --port 换一个端口（0 表示由系统选择）

## serve 的浏览器提示层

overlay-title = 构建失败
overlay-note = 服务器仍提供上一次成功构建的页面。改好后这个提示会自动消失。
overlay-first-note = 网站还没有成功构建过。改好后这个页面会自动重新加载。
overlay-close = 关闭
