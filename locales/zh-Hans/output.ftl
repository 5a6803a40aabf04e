# stdportal 的简体中文提示：输出路径和网址。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 输出路径和网址

path-empty = 它是空的
path-empty-segment = 其中有空的部分（连着两个斜杠，或者以斜杠开头）
path-dot-segment = 其中有“.”或“..”部分，会指到所在文件夹以外
path-hidden = “{ $part }”以点开头，大多数服务器会把它隐藏
path-backslash = 其中有反斜杠
path-url-character = 其中有“{ $character }”，它在网址里另有含义
path-invisible = 其中有看不见的字符 { $code }
path-too-long = 其中一部分长 { $bytes } 字节（最多 { $max } 字节）
path-windows-name = “{ $name }”是 Windows 保留给设备的名字
path-no-letters = 其中没有可以组成网址的字母、汉字或数字
