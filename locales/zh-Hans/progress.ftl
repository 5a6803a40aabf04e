# stdportal 的简体中文提示：终端上的进度，以及 JSON 事件另有的提示。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 工作的各个阶段，进行时各占终端的一行

progress-read = 读取
progress-render = 生成页面并转换繁体
progress-index = 搜索索引
progress-publish = 发布
progress-check = 检查页面
progress-count-files = { $done }/{ $total } 个文件
progress-count-pages = { $done }/{ $total } 个页面
progress-took = { $seconds } 秒
progress-left = 还需约 { $seconds } 秒

## check --message-format json：一个半角标点作为提示

check-punctuation-changed = 发布时改为全角：{ $before } → { $after }
check-punctuation-would-change = 按原样发布；改为全角是 { $before } → { $after }
