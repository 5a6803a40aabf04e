# stdportal 的简体中文提示：命令行帮助（stdportal --help）。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。
