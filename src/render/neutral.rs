//! Whether a theme can render a page once for both scripts.
//!
//! A page's two scripts differ in their context only by a few values: `lang`, `root`,
//! `canonical` and the language switch's `alternate.lang`, `alternate.name` and
//! `alternate.path` (the text is converted afterwards, from the finished HTML). When every
//! template only prints those values as they are — `{{ root }}`, or passes `root=root` on to a
//! macro that does the same — a page can be rendered once with a marker for each value and the
//! markers filled in per script: Tera, the largest cost of a build, then runs once per page
//! instead of twice, and the bytes are the same.
//!
//! Anything else a template does with one of them (compares it, filters it, joins it to other
//! text, stores it with `set`, loops over it, or puts it inside a `{% filter %}` section) could
//! give a different page than the marker filled in afterwards: such a theme is rendered twice,
//! as before. `tests/it/properties.rs` holds both ways to the same bytes.

use tera::ast::{Expr, ExprVal, Node};
use tera::Tera;

/// The context values that differ between the two scripts, in the order of [`markers`].
pub(crate) const SCRIPT_VALUES: [&str; 6] = [
    "lang",
    "root",
    "canonical",
    "alternate.lang",
    "alternate.name",
    "alternate.path",
];

/// Starts a marker: a private-use character, then a letter naming the value, then [`END`].
const START: char = '\u{E010}';
const END: char = '\u{E011}';

/// The marker that stands for each of [`SCRIPT_VALUES`] in a page rendered once.
pub(crate) fn markers() -> [String; 6] {
    std::array::from_fn(|i| format!("{START}{}{END}", char::from(b'a' + i as u8)))
}

/// `html` with each marker replaced by its value (`values` in the order of
/// [`SCRIPT_VALUES`]). Anything else, a lone private-use character of a page's text included,
/// stays as it is.
pub(crate) fn fill(html: &str, values: &[&str; 6]) -> String {
    let mut out = String::with_capacity(html.len() + 512);
    let mut bytes = [0; 4];
    let start: &str = START.encode_utf8(&mut bytes);
    let mut rest = html;
    while let Some(at) = memchr::memmem::find(rest.as_bytes(), start.as_bytes()) {
        let after = &rest[at + start.len()..];
        let which = after
            .bytes()
            .next()
            .and_then(|b| b.checked_sub(b'a'))
            .map(usize::from)
            .filter(|&i| i < values.len() && after[1..].starts_with(END));
        match which {
            Some(i) => {
                out.push_str(&rest[..at]);
                out.push_str(values[i]);
                rest = &after[1 + END.len_utf8()..];
            }
            None => {
                out.push_str(&rest[..at + start.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether every template of `tera` a page is rendered with uses the script values only by
/// printing them as they are. Shortcode templates have their own context (see
/// `crate::shortcodes`) and count only when a template includes one.
pub(crate) fn is_script_neutral(tera: &Tera) -> bool {
    let mut included = Vec::new();
    for template in tera.templates.values() {
        includes(&template.ast, &mut included);
        for m in template.macros.values() {
            includes(&m.body, &mut included);
        }
    }
    tera.templates
        .iter()
        .filter(|(name, _)| !name.starts_with("shortcodes/") || included.contains(name))
        .all(|(_, template)| {
            nodes_neutral(&template.ast, true)
                && template.macros.values().all(|m| {
                    m.args.values().flatten().all(expr_free) && nodes_neutral(&m.body, true)
                })
        })
}

/// The names of the templates `nodes` include.
fn includes<'a>(nodes: &'a [Node], found: &mut Vec<&'a String>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => found.extend(names),
            Node::MacroDefinition(_, m, _) => includes(&m.body, found),
            Node::FilterSection(_, section, _) => includes(&section.body, found),
            Node::Block(_, block, _) => includes(&block.body, found),
            Node::Forloop(_, forloop, _) => {
                includes(&forloop.body, found);
                if let Some(body) = &forloop.empty_body {
                    includes(body, found);
                }
            }
            Node::If(conditions, _) => {
                for (_, _, body) in &conditions.conditions {
                    includes(body, found);
                }
                if let Some((_, body)) = &conditions.otherwise {
                    includes(body, found);
                }
            }
            _ => {}
        }
    }
}

/// Whether a name reaches one of the script values (or the whole context).
fn names_script_value(ident: &str) -> bool {
    let first = ident.split(['.', '[']).next().unwrap_or(ident);
    matches!(first, "lang" | "root" | "canonical" | "alternate") || first == "__tera_context"
}

/// `{{ root }}`: a script value printed as it is.
fn printed_as_is(expr: &Expr) -> bool {
    matches!(&expr.val, ExprVal::Ident(name) if SCRIPT_VALUES.contains(&name.as_str()))
        && expr.filters.is_empty()
        && !expr.negated
}

/// Whether an expression does not read any script value (a macro argument `root=root` passes
/// one on to a parameter of the same name, whose own uses are checked in the macro).
fn expr_free(expr: &Expr) -> bool {
    value_free(&expr.val) && expr.filters.iter().all(|f| f.args.values().all(expr_free))
}

fn value_free(value: &ExprVal) -> bool {
    match value {
        ExprVal::Ident(name) => !names_script_value(name),
        ExprVal::Math(m) => expr_free(&m.lhs) && expr_free(&m.rhs),
        ExprVal::Logic(l) => expr_free(&l.lhs) && expr_free(&l.rhs),
        ExprVal::Test(t) => !names_script_value(&t.ident) && t.args.iter().all(expr_free),
        ExprVal::MacroCall(call) => call.args.iter().all(|(param, arg)| {
            expr_free(arg)
                || (printed_as_is(arg) && matches!(&arg.val, ExprVal::Ident(n) if n == param))
        }),
        ExprVal::FunctionCall(f) => f.args.values().all(expr_free),
        ExprVal::Array(items) => items.iter().all(expr_free),
        ExprVal::StringConcat(concat) => concat.values.iter().all(value_free),
        ExprVal::In(i) => expr_free(&i.lhs) && expr_free(&i.rhs),
        ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => true,
    }
}

/// Whether nodes use the script values only by printing them (`may_print` is false inside a
/// `{% filter %}` section, whose filter would change the printed marker, not the value).
fn nodes_neutral(nodes: &[Node], may_print: bool) -> bool {
    nodes.iter().all(|node| match node {
        Node::VariableBlock(_, expr) => (may_print && printed_as_is(expr)) || expr_free(expr),
        Node::MacroDefinition(_, m, _) => {
            m.args.values().flatten().all(expr_free) && nodes_neutral(&m.body, may_print)
        }
        Node::Set(_, set) => expr_free(&set.value),
        Node::FilterSection(_, section, _) => {
            section.filter.args.values().all(expr_free) && nodes_neutral(&section.body, false)
        }
        Node::Block(_, block, _) => nodes_neutral(&block.body, may_print),
        Node::Forloop(_, forloop, _) => {
            expr_free(&forloop.container)
                && nodes_neutral(&forloop.body, may_print)
                && forloop
                    .empty_body
                    .as_ref()
                    .is_none_or(|body| nodes_neutral(body, may_print))
        }
        Node::If(conditions, _) => {
            conditions
                .conditions
                .iter()
                .all(|(_, test, body)| expr_free(test) && nodes_neutral(body, may_print))
                && conditions
                    .otherwise
                    .as_ref()
                    .is_none_or(|(_, body)| nodes_neutral(body, may_print))
        }
        Node::Super
        | Node::Text(_)
        | Node::Extends(..)
        | Node::Include(..)
        | Node::ImportMacro(..)
        | Node::Raw(..)
        | Node::Break(_)
        | Node::Continue(_)
        | Node::Comment(..) => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn neutral(templates: &[(&str, &str)]) -> bool {
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.to_vec()).unwrap();
        is_script_neutral(&tera)
    }

    #[test]
    fn printing_a_value_or_passing_it_on_is_neutral() {
        assert!(neutral(&[
            (
                "m.html",
                "{% macro list(root) %}<a href=\"{{ root }}x/\">{% endmacro %}"
            ),
            (
                "p.html",
                "{% import \"m.html\" as m %}<html lang=\"{{ lang }}\"><a href=\"{{ root }}\" \
                 hreflang=\"{{ alternate.lang }}\">{{ alternate.name }}</a>{{ canonical }}\
                 {% for x in items %}{{ root }}{{ x }}{% endfor %}{{ m::list(root=root) }}",
            ),
        ]));
    }

    #[test]
    fn anything_else_done_with_a_value_is_not() {
        for template in [
            "{% if lang == \"zh-Hant\" %}繁{% endif %}",
            "{{ root | upper }}",
            "{{ root ~ \"x/\" }}",
            "{% set r = root %}{{ r }}",
            "{% for c in root %}{{ c }}{% endfor %}",
            "{% filter upper %}{{ root }}{% endfilter %}",
            "{{ alternate }}",
            "{{ not lang }}",
            "{% if lang is defined %}x{% endif %}",
            "{{ __tera_context }}",
            "{{ lang | length }}",
            "{% import \"m.html\" as m %}{{ m::list(path=root) }}",
        ] {
            let templates = [
                ("m.html", "{% macro list(path) %}{{ path }}{% endmacro %}"),
                ("p.html", template),
            ];
            assert!(!neutral(&templates), "{template}");
        }
        // A shortcode template included by a page's template counts.
        assert!(!neutral(&[
            ("shortcodes/x.html", "{{ root | default(value='') }}"),
            ("p.html", "{% include \"shortcodes/x.html\" %}"),
        ]));
        assert!(neutral(&[
            ("shortcodes/x.html", "{{ root | default(value='') }}"),
            ("p.html", "{{ root }}"),
        ]));
        // In a macro's own body too.
        assert!(!neutral(&[(
            "m.html",
            "{% macro list(root) %}{% if root == \"/\" %}x{% endif %}{% endmacro %}"
        )]));
    }

    #[test]
    fn markers_are_filled_and_other_private_use_text_is_kept() {
        let m = markers();
        let html = format!(
            "<a href=\"{}x/\" lang=\"{}\">\u{E010}a \u{E010}z\u{E011} \u{E010}",
            m[1], m[0]
        );
        let values = ["zh-Hant", "/bzh/zh-hant/", "c", "d", "e", "f"];
        assert_eq!(
            fill(&html, &values),
            "<a href=\"/bzh/zh-hant/x/\" lang=\"zh-Hant\">\u{E010}a \u{E010}z\u{E011} \u{E010}"
        );
        assert_eq!(fill("no markers", &values), "no markers");
    }
}
