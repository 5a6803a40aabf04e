//! The template contract: what each template receives. `docs/TEMPLATES.md` documents every
//! variable and field; [`Site::template_contexts`] gives what the templates really receive, and
//! the test below holds the two together, both ways: a variable the code adds without a line in
//! the document fails it, and so does a line for a variable that no longer exists.

use std::collections::BTreeSet;

use super::{RouteKey, Site};
use crate::error::Diagnostic;
use crate::shortcodes;

/// Objects whose keys are the site's own (`labels`, `extra` tables): documented as `name.*`.
const OPEN_OBJECTS: [&str; 3] = ["labels", "extra", "config.extra"];

impl Site {
    /// What each template receives, in the default script: the context of the first route that
    /// uses it (a page with a shortcode gives the shortcode's). `docs/TEMPLATES.md` documents
    /// these, and a test holds the two together.
    pub fn template_contexts(&self) -> Result<Vec<(String, tera::Value)>, Diagnostic> {
        let views = self.views();
        let reader = views.reader();
        let mut contexts: Vec<(String, tera::Value)> = Vec::new();
        for key in self.route_keys() {
            let mut route = self.route(&reader, &key)?;
            super::context::Shared::default().lend(self, &reader, &mut route);
            if let RouteKey::Page(i) = key {
                let page = &self.content.pages[i];
                if let Some(call) = page.shortcodes.first() {
                    let name = format!("shortcodes/{}.html", call.name);
                    if !contexts.iter().any(|(t, _)| *t == name) {
                        let context = shortcodes::context(call, &self.labels, &|path| {
                            reader.indicator_at(path)
                        });
                        contexts.push((name, context.into_json()));
                    }
                }
            }
            if contexts.iter().any(|(t, _)| *t == route.template) {
                continue;
            }
            let values = self.script_values(&route, self.config.default_script);
            self.script_context(&mut route, &values);
            contexts.push((route.template.clone(), route.context.into_json()));
        }
        // A site whose pages use no shortcode: what `{{ indicator(…) }}` would receive.
        let shortcode = "shortcodes/indicator.html";
        if let (false, Some(first)) = (
            contexts.iter().any(|(t, _)| t == shortcode),
            self.data.indicators.first(),
        ) {
            let call = crate::content::shortcodes::Call {
                name: "indicator".into(),
                args: [("city", &first.city), ("id", &first.id)]
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
                start: 0,
                end: 0,
            };
            let context =
                shortcodes::context(&call, &self.labels, &|path| reader.indicator_at(path));
            contexts.push((shortcode.to_string(), context.into_json()));
        }
        Ok(contexts)
    }
}

/// The variables and fields of a context as the document names them: `page`, `page.title`,
/// `section.pages[].title` (two levels; a site's own tables as `labels.*`).
pub fn contract_paths(context: &tera::Value) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    let Some(top) = context.as_object() else {
        return paths;
    };
    for (name, value) in top {
        paths.insert(name.clone());
        if OPEN_OBJECTS.contains(&name.as_str()) {
            paths.insert(format!("{name}.*"));
            continue;
        }
        let (prefix, fields) = match value {
            tera::Value::Object(fields) => (format!("{name}."), vec![fields]),
            tera::Value::Array(items) => (
                format!("{name}[]."),
                items.iter().filter_map(|i| i.as_object()).collect(),
            ),
            _ => continue,
        };
        for fields in fields {
            for field in fields.keys() {
                let nested = prefix.trim_end_matches('.');
                let path = format!("{prefix}{field}");
                if OPEN_OBJECTS.contains(&field.as_str())
                    || OPEN_OBJECTS.contains(&format!("{nested}.{field}").as_str())
                {
                    paths.insert(format!("{path}.*"));
                }
                paths.insert(path);
            }
        }
    }
    paths
}

/// The documented paths per template (`## template.html` headings, `` - `path` `` lines;
/// `## Every template` applies to all but shortcodes).
pub fn documented_paths(doc: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut sections: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in doc.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            sections.push((
                heading.trim().trim_matches('`').to_string(),
                BTreeSet::new(),
            ));
        } else if let Some(rest) = line.strip_prefix("- `") {
            if let (Some((path, _)), Some((_, paths))) = (rest.split_once('`'), sections.last_mut())
            {
                paths.insert(path.to_string());
            }
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(root: &std::path::Path) -> Site {
        Site::load(&super::super::BuildOptions {
            root: root.to_path_buf(),
            base_url: None,
            drafts: false,
            future: false,
            search: false,
        })
        .unwrap()
    }

    fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    /// Every template of the default theme, built from the example portal and from the Zola
    /// fixture (taxonomies, which the example has none of), against `docs/TEMPLATES.md`.
    #[test]
    fn every_variable_a_template_receives_is_documented_and_nothing_else() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = load(repo);
        let zola = tempfile::tempdir().unwrap();
        copy_dir(&repo.join("tests/fixtures/zola"), zola.path());
        copy_dir(&repo.join("themes"), &zola.path().join("themes"));
        let mut contexts = site.template_contexts().unwrap();
        for (template, context) in load(zola.path()).template_contexts().unwrap() {
            if !contexts.iter().any(|(t, _)| *t == template) {
                contexts.push((template, context));
            }
        }
        let doc = std::fs::read_to_string(repo.join("docs/TEMPLATES.md")).unwrap();
        let documented = documented_paths(&doc);
        let every: BTreeSet<String> = documented
            .iter()
            .find(|(t, _)| t == "Every template")
            .map(|(_, p)| p.clone())
            .unwrap_or_default();
        let mut problems = Vec::new();
        let paginator = documented
            .iter()
            .find(|(t, _)| t == "The paginator")
            .map(|(_, p)| p.clone())
            .unwrap_or_default();
        for (template, context) in &contexts {
            let actual = contract_paths(context);
            let own = documented
                .iter()
                .find(|(t, _)| t == template)
                .map(|(_, p)| p.clone());
            let Some(own) = own else {
                problems.push(format!("{template} has no section in docs/TEMPLATES.md"));
                continue;
            };
            let mut expected: BTreeSet<String> = if template.starts_with("shortcodes/") {
                own
            } else {
                own.union(&every).cloned().collect()
            };
            if actual.contains("paginator") {
                expected.extend(paginator.iter().cloned());
                expected.insert("paginator".into());
            }
            for missing in actual.difference(&expected) {
                problems.push(format!(
                    "{template} receives `{missing}`, which is not documented"
                ));
            }
            // A list that is empty in this site cannot show its items' fields.
            let empty_list = |path: &str| {
                path.split_once("[].").is_some_and(|(list, _)| {
                    context
                        .get(list)
                        .and_then(|v| v.as_array())
                        .is_some_and(|a| a.is_empty())
                })
            };
            for gone in expected.difference(&actual).filter(|p| !empty_list(p)) {
                problems.push(format!(
                    "{template}: `{gone}` is documented but not received"
                ));
            }
        }
        for (template, _) in &documented {
            let shared = ["Every template", "The paginator"];
            if !shared.contains(&template.as_str()) && !contexts.iter().any(|(t, _)| t == template)
            {
                problems.push(format!(
                    "docs/TEMPLATES.md documents {template}, which no route renders"
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
