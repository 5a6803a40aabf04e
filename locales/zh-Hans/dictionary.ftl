# stdportal 的简体中文提示：网站词典。
# 每条提示在 en/ 和 zh-Hant/ 里同名的文件中也有，占位符相同（src/i18n/tests.rs 里的测试会检查）。

## 网站词典

dictionary-unreadable = 无法读取词表：{ $error }
dictionary-empty-phrase = 词表里有一条的词语是空的
dictionary-synonym-empty = “{ $word }”的搜索同义词里有“{ $synonym }”，其中没有文字或数字，会匹配所有页面：请写上词语，或把它删掉

## 转换页面的字形

html-not-converted = 无法转换页面的 HTML：{ $error }
