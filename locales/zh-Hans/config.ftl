# stdportal 的简体中文提示：config.toml。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## config.toml

config-unreadable = 无法读取网站配置：{ $error }
config-unreadable-hint = 请在存放 config.toml 的文件夹里运行 stdportal，或者用 --root 指定网站文件夹
config-theme-bad = theme = "{ $theme }" 不是 themes/ 里的文件夹名：{ $problem }
config-theme-bad-hint = 请写 themes/ 里一个文件夹的名字，例如 theme = "default"
base-url-hint = 请这样写：base_url = "{ $example }"
base-url-option-hint = 请给出网站的公开网址，例如 --base-url { $example }
base-url-empty = base_url 是空的：它应当是网站的公开网址，例如 { $example }
base-url-spaces = base_url "{ $url }" 里有空格或控制字符
base-url-scheme = base_url "{ $url }" 必须以 http:// 或 https:// 开头
base-url-no-host = base_url "{ $url }" 缺少域名
base-url-invalid = base_url "{ $url }" 不是有效的网址：{ $error }
base-url-user = base_url "{ $url }" 不能包含用户名或密码
base-url-query = base_url "{ $url }" 不能包含“?”或“#”：它是网站页面的起始地址，页面路径会接在它后面
base-url-empty-folder = base_url "{ $url }" 的路径里有空的文件夹名（“//”）
favicon-empty = favicon = "{ $favicon }" 是空的
favicon-not-inside = favicon = "{ $favicon }" 不是网站里的路径：请写相对于网站根目录的路径
favicon-bad-folder = favicon = "{ $favicon }" 里有空的、“.”或“..”文件夹名
favicon-bad-characters = favicon = "{ $favicon }" 里有空格或路径不能包含的字符
favicon-hint = 请写 static/ 里一个文件的路径，例如 favicon = "favicon.svg"

footer-link-bad = { $key } = "{ $value }" 不是网址
footer-link-hint = 请写以 https://（或 http://）开头的网址
footer-mark-bad = gov_mark = "{ $value }" 不是本站里的路径
footer-mark-hint = 把党政机关网站标识图片放进 static/，写出它的路径，例如 gov_mark = "img/conac.png"
