# stdportal's messages in English: the theme: labels, templates and shortcodes.
# Every message here is also in the file of the same name in zh-Hans/ and zh-Hant/, with the same
# placeholders (the tests in src/i18n/tests.rs say so).

## Labels (the theme's i18n/zh-Hans.toml and the site's)

labels-file-missing = the theme "{ $theme }" has no labels file { $file }
labels-file-missing-hint = copy themes/default/{ $file } into the theme (stdportal init writes it) and change the texts you want
labels-file-extra = stdportal reads only { $file } here, not { $name }
labels-file-extra-hant-hint = Traditional pages show the labels of { $file } converted like the rest of the page; to change how a phrase is converted, add it to [to_hant] in data/dictionary.toml, and remove this file
labels-file-extra-hint = write the labels in { $file } and remove this file
labels-not-utf8 = the labels file is not valid UTF-8
labels-not-utf8-hint = save it as UTF-8
labels-syntax-hint = check the TOML syntax: key = "text", one per line
labels-level-not-text = every level in standard_levels must be a string
labels-level-not-text-hint = write the levels in quotes: ["国际", "国家", …]
labels-levels-not-list = standard_levels must be a list of levels
labels-levels-not-list-hint = write standard_levels = ["国际", "国家", …]
# $example is the line of the default theme's file that sets the label, or "none".
label-missing = the label { $key } is missing
label-missing-hint = { $example ->
        [none] add it to { $file }
       *[other] add it to { $file }, e.g. { $example } as in the default theme
    }
label-missing-site-hint = { $example ->
        [none] add it to { $file } (or to the site's { $site_file })
       *[other] add it to { $file } (or to the site's { $site_file }), e.g. { $example } as in the default theme
    }
label-not-text = the label { $name } must be a string
label-not-text-hint = write { $name } = "…"
label-unknown = there is no label named { $name }
label-unknown-close-hint = did you mean { $close }? The keys are those of themes/default/{ $file }
label-unknown-hint = use the keys of themes/default/{ $file }
label-template-unknown = the template { $template } uses labels.{ $label }, which is not a label
# A label's placeholders as one noun phrase, each written with its braces, e.g. {year}.
label-placeholder-list = { $count ->
        [1] { $first }
        [2] { $first } and { $second }
       *[other] { $first }, { $second } and { $third }
    }
label-no-placeholders-hint = { $name } has no placeholders; write { "{{" } and { "}}" } for a brace
label-placeholders-hint = { $name } shows { $placeholders }; write { "{{" } and { "}}" } for a brace
label-unclosed-brace = the label { $name } has a { "{" } that is not closed
label-stray-brace = the label { $name } has a { "}" } that closes nothing
label-unknown-placeholder = the label { $name } has no placeholder { $placeholder }
label-unknown-placeholder-shows = the label { $name } has no placeholder { $placeholder }: it shows { $placeholders }
label-unused-placeholders = the label { $name } does not show { $placeholders }
label-unused-placeholders-hint = { $example ->
        [none] { $name } must show { $placeholders }, e.g. as in the default theme
       *[other] { $name } must show { $placeholders }, e.g. { $example }
    }

## Templates

theme-missing = the theme "{ $theme }" is not in themes/{ $theme }/
theme-missing-hint = set theme = "default" or copy a theme into the themes folder
template-not-utf8 = the template is not valid UTF-8
template-missing = the template { $template } is missing
template-missing-hint = restore it from the default theme, or put your own in templates/
# $detail is Tera's own message, in English, which names the template already; $template is the
# template it concerns, or "none" when that is not known.
template-error = { $template ->
        [none] { $detail }
       *[other] { $detail }
    }
template-error-hint = fix the template; `stdportal build` reports the first template problem it meets
# $cycle: the templates, each followed by the one it includes: a.html → b.html → a.html
template-include-loop = templates include or extend each other in a loop: { $cycle }
template-include-loop-hint = remove one of the includes (or extends); a template must not include itself
macro-calls-itself = the macro { $name } in { $template } calls itself: { $cycle }
macros-loop-in-file = macros in { $template } call each other in a loop: { $cycle }
macros-loop = macros call each other in a loop: { $cycle }
macro-loop-hint = a macro must not call itself, directly or through other macros: Tera has no depth limit and the build would crash; write the levels out instead

## Shortcodes in pages

shortcode-unclosed = a shortcode opened with { "{{" } is not closed with { "}}" }
shortcode-bad = "{ $call }" is not a shortcode: write { "{{" } indicator(city="rizhao", id="…") { "}}" }
shortcode-unknown = there is no shortcode named "{ $name }" (no template { $template })
shortcode-no-indicator = there is no indicator "{ $id }" for the city "{ $city }" in { $places }
shortcode-indicator-args = the indicator shortcode needs city="…" and id="…"
