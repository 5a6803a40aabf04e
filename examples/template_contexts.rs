//! Prints what each template receives, as the paths `docs/TEMPLATES.md` documents: one line per
//! variable and field (`page.title`, `section.pages[].title`), for the site at `--root DIR`.

fn main() {
    let root = std::env::args()
        .skip_while(|a| a != "--root")
        .nth(1)
        .unwrap_or_else(|| ".".into());
    let site = stdportal::site::Site::load(&stdportal::site::BuildOptions {
        root: root.into(),
        base_url: None,
        drafts: false,
        future: false,
        search: false,
    })
    .unwrap_or_else(|d| panic!("{d}"));
    for (template, context) in site.template_contexts().expect("contexts") {
        println!("## {template}");
        for path in stdportal::site::contract_paths(&context) {
            println!("{path}");
        }
    }
}
