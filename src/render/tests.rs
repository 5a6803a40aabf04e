//! Loading templates: loops, positions of Tera's errors, the default theme.

use super::loops::{include_cycles, macro_calls, macro_cycles};
use super::*;

#[test]
fn include_loops_are_found() {
    let mut sources = BTreeMap::new();
    let add = |s: &mut BTreeMap<String, (PathBuf, String)>, name: &str, text: &str| {
        s.insert(
            name.to_string(),
            (PathBuf::from(format!("templates/{name}")), text.to_string()),
        );
    };
    add(&mut sources, "a.html", "x\n{% include \"b.html\" %}");
    add(
        &mut sources,
        "b.html",
        "{%- include [\"c.html\", \"a.html\"] ignore missing -%}",
    );
    add(&mut sources, "c.html", "leaf");
    add(&mut sources, "self.html", "{% include \"self.html\" %}");
    let errors = include_cycles(&sources);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].message.contains("a.html → b.html → a.html"));
    assert_eq!(errors[0].line, Some(2));
    assert!(errors[1].message.contains("self.html → self.html"));
    add(&mut sources, "self.html", "{% include \"c.html\" %}");
    assert!(include_cycles(&sources).len() == 1);
}

fn sources(templates: &[(&str, &str)]) -> BTreeMap<String, (PathBuf, String)> {
    templates
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                (PathBuf::from(format!("templates/{name}")), text.to_string()),
            )
        })
        .collect()
}

#[test]
fn extends_loops_are_found_with_include_loops() {
    let errors = include_cycles(&sources(&[
        ("a.html", "{% extends \"b.html\" %}"),
        ("b.html", "x\n{%- extends \"a.html\" -%}"),
        ("c.html", "{% extends \"d.html\" %}"),
        ("d.html", "<p>\n{% include \"c.html\" %}</p>"),
        (
            "e.html",
            "{# {% include \"e.html\" %} #}{% raw %}{% include \"e.html\" %}{% endraw %}",
        ),
    ]));
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "templates include or extend each other in a loop: a.html → b.html → a.html",
            "templates include or extend each other in a loop: c.html → d.html → c.html",
        ]
    );
    assert_eq!(errors[0].line, Some(1));
}

#[test]
fn macro_loops_are_found_within_and_across_files() {
    let templates = sources(&[
        (
            "tree.html",
            "{% macro tree(node) %}\n<li>{{ node.name }}\n{% for c in node.children %}{{ self::tree(node=c) }}{% endfor %}</li>\n{% endmacro tree %}",
        ),
        (
            "pair.html",
            "{%- macro a() -%}{{ self::b() }}{%- endmacro a -%}\n{% macro b() %}\n  {% set x = self :: a () %}{% endmacro %}",
        ),
        (
            "one.html",
            "{% import \"two.html\" as two %}\n{% macro x() %}\n{{ two::y() }}{% endmacro %}",
        ),
        (
            "two.html",
            "{% import \"one.html\" as first %}{% macro y() %}{{ \"first::x()\" }}{{ first::x(a=\"self::z()\") }}{% endmacro %}",
        ),
        (
            "fine.html",
            "{% import \"tree.html\" as t %}{% macro list(p) %}{{ self::item(p=p) }}{% endmacro %}\
             {% macro item(p) %}{{ p }}{% endmacro %}{{ self::list(p=1) }}{{ t::tree(node=1) }}\
             {# {% macro c() %}{{ self::c() }}{% endmacro %} #}",
        ),
    ]);
    let errors = macro_cycles(&templates);
    let found: Vec<(String, Option<usize>, Option<usize>, &str)> = errors
        .iter()
        .map(|e| {
            (
                e.file.display().to_string(),
                e.line,
                e.column,
                e.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "templates/one.html".to_string(),
                Some(3),
                Some(4),
                "macros call each other in a loop: one.html::x → two.html::y → one.html::x"
            ),
            (
                "templates/pair.html".to_string(),
                Some(1),
                Some(21),
                "macros in pair.html call each other in a loop: a → b → a"
            ),
            (
                "templates/tree.html".to_string(),
                Some(3),
                Some(32),
                "the macro tree in tree.html calls itself: tree → tree"
            ),
        ]
    );
    assert!(errors[0]
        .hint
        .as_deref()
        .unwrap()
        .contains("must not call itself"));
}

#[test]
fn the_default_theme_has_no_loops() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
    let mut templates = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            let name = entry
                .path()
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            templates.push((name, std::fs::read_to_string(entry.path()).unwrap()));
        }
    }
    let refs: Vec<(&str, &str)> = templates
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let all = sources(&refs);
    assert!(include_cycles(&all).is_empty());
    assert!(macro_cycles(&all).is_empty());
    // The theme's macros are seen: the table calls the status macro.
    let calls = macro_calls("macros.html", &all["macros.html"].1);
    assert!(calls.iter().any(|((_, m), c)| m == "indicator_table"
        && c.iter()
            .any(|((t, n), _)| t == "macros.html" && n == "status")));
}

#[test]
fn tera_positions_are_found() {
    assert_eq!(
        parse_tera_line("Failed to parse 'a.html'\n --> 3:12\n  |"),
        Some((3, 12))
    );
    assert_eq!(parse_tera_line("no position"), None);
}

#[test]
fn the_default_theme_renders_each_page_once_for_both_scripts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates = super::load(root, "default").unwrap_or_else(|e| panic!("{e:?}"));
    assert!(
        templates.script_neutral,
        "a template of the default theme does more with lang, root, canonical or alternate \
         than print them: every page is rendered twice (see render/neutral.rs)"
    );
}
