//! Pages and sections read from `content/`.

mod bidi;
pub(crate) mod fields;
pub(crate) mod folders;
pub mod frontmatter;
mod keys;
pub mod links;
pub mod markdown;
pub(crate) mod names;
pub(crate) mod shortcodes;
pub(crate) mod word;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::date::PartialDate;
use crate::error::{Diagnostic, Diagnostics};
/// How a page's bytes become its text (for the fuzz target of front matter).
pub use crate::read::decode_utf8;
use crate::read::rel_to;
use crate::report::progress::{self, Stage};
use crate::t;
use folders::Folders;
pub use frontmatter::{DocumentKind, PageFrontMatter, SectionFrontMatter, SortBy, Validity};
use markdown::{Heading, MarkdownOptions};

/// A Markdown page, parsed and rendered to HTML (still in the script it was written in).
#[derive(Debug, Clone)]
pub struct Page {
    /// The file, relative to the site root (for messages): `content/policies/a.md`.
    pub file: PathBuf,
    pub(crate) meta: PageFrontMatter,
    pub(crate) slug: String,
    /// Path of the section it belongs to, relative to `content/`: `policies` (empty for the root).
    pub section: String,
    /// URL path relative to the script's root, ending with `/`: `policies/a/`.
    pub path: String,
    pub(crate) html: String,
    pub(crate) toc: Vec<Heading>,
    pub(crate) summary: String,
    pub(crate) word_count: usize,
    pub(crate) reading_minutes: usize,
    /// The Markdown source body, kept for checks that quote it and for shortcodes.
    pub raw: String,
    /// The file line the body starts on.
    pub body_line: usize,
    /// The shortcodes of the body, in order; `html` holds a marker for each
    /// (`shortcodes::marker`), replaced when the page is rendered.
    pub shortcodes: Vec<shortcodes::Call>,
    /// A hash of the file's bytes: whether the source changed since the last build.
    pub fingerprint: u64,
    /// The file lines of front matter values that name other things (a city, related pages),
    /// for messages about them.
    pub lines: fields::ReferenceLines,
    /// Files published once beside the page (in the default script's folder; the other
    /// script's page links to the same copy): its 下载原件 and the pictures of its Word file.
    pub files: Vec<PageFile>,
    /// Made from a Word file (`file` is the `.docx`): the body was written by the reader, so
    /// its lines are no place to send an editor to.
    pub from_word: bool,
    /// What reading the Word file said (what was left out, what could not be recognised),
    /// for `check` and `build` to tell the editor.
    pub notes: Vec<Note>,
    /// For a page written as a folder (`policies/x/index.md`, a page bundle): the folder,
    /// relative to `content/` (`policies/x`); its other files are published with the page.
    pub bundle: Option<String>,
    /// The links and images of the body, and the ids of its HTML (see [`links::collect`]).
    pub links: Vec<links::WrittenLink>,
    pub(crate) ids: Vec<String>,
    /// The addresses its links are published with (raw → raw), set when the site is checked
    /// (see `site/links.rs`); applied to `html` with [`links::rewrite`] when it is rendered.
    pub rewrites: Vec<(String, String)>,
    /// Its `attachments` (附件), resolved when the site is checked.
    pub attachments: Vec<links::Attachment>,
}

/// A file published beside its page.
#[derive(Debug, Clone)]
pub struct PageFile {
    /// Its name in the page's folder (a URL segment).
    pub name: String,
    pub(crate) bytes: std::sync::Arc<[u8]>,
    /// Offered on the page as 下载原件 (the Word or PDF file), not a picture of the text.
    pub original: bool,
}

/// A remark on a page's source that does not stop the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The editor must look (a 密级 line, a picture without alternative text); else said for
    /// the record (what was left out on purpose).
    pub warning: bool,
    /// The remark, with the page's file and, where known, its line.
    pub diagnostic: Diagnostic,
}

/// A section: a folder of `content/` with its `_index.md` (or without one: then a title from the
/// folder's name).
#[derive(Debug, Clone)]
pub struct Section {
    pub(crate) file: Option<PathBuf>,
    pub(crate) meta: SectionFrontMatter,
    /// Relative to `content/`: `policies`, or empty for the home page.
    pub dir: String,
    /// URL path relative to the script's root: `policies/` (empty for the home page).
    pub path: String,
    pub(crate) html: String,
    /// Indexes into `Content::pages`, in the section's order.
    pub pages: Vec<usize>,
    /// The links of its text, and the addresses they are published with (as a page's).
    pub links: Vec<links::WrittenLink>,
    pub(crate) rewrites: Vec<(String, String)>,
}

/// A page left out of the site until its day comes: its `date` or `published` is after the
/// day of the build (see [`ReadOptions::publish_until`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    /// The Markdown file, as messages name it (`content/news/a.md`).
    pub file: PathBuf,
    pub(crate) slug: String,
    /// The later of its `date` and `published`.
    pub date: PartialDate,
}

/// Everything read from `content/`: the pages, the sections, the pages scheduled for later and the
/// other files.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The pages to publish (drafts only with `--drafts`; scheduled pages not), in file order.
    pub pages: Vec<Page>,
    /// Pages dated after the build's day, left out until then, in file order.
    pub scheduled: Vec<Scheduled>,
    /// By directory relative to `content/` (`""` is the home section).
    pub sections: BTreeMap<String, Section>,
    /// Slug → page, made by [`Content::index`].
    slugs: std::collections::HashMap<String, usize>,
    /// Every file of `content/` that is not Markdown: path relative to `content/` (with `/`,
    /// composed) → the file. Published when it is in a page's folder or a page links to it.
    pub files: BTreeMap<String, PathBuf>,
}

impl Content {
    /// The page with this slug (the first one, if two share it); `None` when there is none.
    pub fn page_by_slug(&self, slug: &str) -> Option<&Page> {
        self.index_of_slug(slug).map(|i| &self.pages[i])
    }

    /// The index of the page with this slug (the first one, if two share it).
    pub fn index_of_slug(&self, slug: &str) -> Option<usize> {
        self.slugs.get(slug).copied()
    }

    /// Indexes the pages by slug, after pages were added, removed or replaced.
    pub fn index(&mut self) {
        self.slugs.clear();
        for (i, page) in self.pages.iter().enumerate() {
            self.slugs.entry(page.slug.clone()).or_insert(i);
        }
    }
}

fn fingerprint(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

struct SourceFile {
    path: PathBuf,
    rel: PathBuf,
}

/// Reads every Markdown file under `root/content`, `prepare`s each page and section (the site
/// makes them Simplified), and checks them together. All problems are collected, not just the
/// first.
pub fn load(
    root: &Path,
    options: &ReadOptions,
    prepare: &dyn Prepare,
) -> Result<Content, Diagnostics> {
    let (content, diagnostics) = load_partial(root, options, prepare);
    diagnostics.into_result(content)
}

/// Like [`load`], but with problems keeps the pages that could be read, so that what refers to
/// them can still be checked in the same build.
pub fn load_partial(
    root: &Path,
    options: &ReadOptions,
    prepare: &dyn Prepare,
) -> (Content, Diagnostics) {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        let problem = Diagnostic::new(rel_to(root, &content_dir), t!("content-missing"))
            .hint(t!("content-missing-hint"));
        return (Content::default(), problem.into());
    }
    let (paths, problems) = crate::files::files_under(root, &content_dir, usize::MAX);
    let mut diagnostics = Diagnostics::from(problems);
    let mut content = Content {
        files: paths
            .iter()
            .filter(|p| p.extension().is_none_or(|e| e != "md"))
            .filter_map(|p| {
                let rel = p.strip_prefix(&content_dir).ok()?;
                Some((crate::output::path::nfc(&path_to_url(rel)), p.clone()))
            })
            .collect(),
        ..Content::default()
    };
    diagnostics.extend(content.read(root, &paths, options, prepare));
    diagnostics.extend(content.finish());
    (content, diagnostics)
}

/// How pages are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub(crate) include_drafts: bool,
    pub(crate) allow_raw_html: bool,
    /// `[typography] punctuation` in `config.toml`.
    pub punctuation: bool,
    /// The path of the site's root (`/`, `/bzh/`): the pictures of a Word page are published
    /// once beside it and shown by both scripts' pages at this absolute address.
    pub base_path: String,
    /// The last day whose pages are published: a page whose `date` or `published` is later is
    /// scheduled, left out until that day (Hugo's `buildFuture = false`). `None` publishes every
    /// page whatever its date (`--future`).
    pub publish_until: Option<chrono::NaiveDate>,
}

/// The day a page is published on, when that is after `until`: the later of its `date` and
/// `published` (a year or a month counts from its first day).
pub fn scheduled_date(meta: &PageFrontMatter, until: chrono::NaiveDate) -> Option<PartialDate> {
    let latest = meta.date.max(meta.published)?;
    (latest.first_day() > until).then_some(latest)
}

impl ReadOptions {
    /// How the Markdown of a page is rendered.
    pub fn markdown(&self) -> MarkdownOptions {
        MarkdownOptions {
            allow_raw_html: self.allow_raw_html,
            punctuation: self.punctuation,
        }
    }
}

/// What the site does to every page and section it reads (see [`load`]).
pub trait Prepare: Sync {
    /// A text of a page as it will be published: a page's length is counted on it, in the one
    /// pass that renders the page (a page written in Traditional is published in Simplified,
    /// where a phrase may be shorter: 最佳化 → 优化).
    /// `taiwan`: the page's source has Taiwan vocabulary (`source_variant`), so it is published
    /// through the Taiwan-phrase conversion (網際網路 → 互联网).
    fn as_published<'t>(&self, text: &'t str, taiwan: bool) -> std::borrow::Cow<'t, str>;
    /// Whether a page's text, its `source_variant` unset, reads as Taiwan vocabulary.
    fn reads_as_taiwan(&self, text: &str) -> bool;
    /// Done to every page and section once it is read.
    fn prepare(&self, parsed: &mut Parsed) -> Result<(), Diagnostic>;
}

/// A Markdown file, read.
pub enum Parsed {
    /// A Markdown page.
    Page(Box<Page>),
    /// A section's `_index.md`.
    Section(Box<Section>),
}

impl Content {
    /// Reads `paths` (absolute; Markdown files of `content/`) in parallel and adds their pages
    /// and sections, replacing what was read from the same files before. A path that no longer
    /// exists removes what came from it. Call [`Content::finish`] afterwards.
    pub fn read(
        &mut self,
        root: &Path,
        paths: &[PathBuf],
        options: &ReadOptions,
        prepare: &dyn Prepare,
    ) -> Diagnostics {
        let content_dir = root.join("content");
        // An edit to a file can change what the files of its name beside it are: a Word file
        // is the 下载原件 of a Markdown page of its name, else a page (with its sidecar).
        let mut paths: Vec<PathBuf> = paths.to_vec();
        // Each folder listed once: which names are beside a page, which files are still there.
        let folders = Folders::of(paths.iter().map(PathBuf::as_path));
        if !self.pages.is_empty() {
            let beside: Vec<PathBuf> = paths
                .iter()
                .flat_map(|p| word::siblings(p, &folders))
                .collect();
            paths.extend(beside);
            paths.sort();
            paths.dedup();
        }
        let files: Vec<SourceFile> = paths
            .iter()
            .filter(|p| {
                matches!(
                    word::what(p),
                    word::What::Markdown | word::What::Word | word::What::Pdf
                )
            })
            .map(|path| SourceFile {
                rel: path
                    .strip_prefix(&content_dir)
                    .unwrap_or(path)
                    .to_path_buf(),
                path: path.clone(),
            })
            .collect();
        progress::total(Stage::Read, files.len() as u64);
        let shown: Vec<PathBuf> = files.iter().map(|f| rel_to(root, &f.path)).collect();
        self.sections
            .retain(|_, s| s.file.as_ref().is_none_or(|f| !shown.contains(f)));
        // Pages stay in the order of their files (a full read gives them in that order), so
        // that an edit leaves every other page where it was. A Word file may have made several.
        if !self.pages.is_empty() {
            let gone: std::collections::HashSet<&PathBuf> = shown.iter().collect();
            self.pages.retain(|p| !gone.contains(&p.file));
        }
        self.scheduled.retain(|s| !shown.contains(&s.file));
        let parsed: Vec<Result<Vec<Parsed>, Diagnostic>> = files
            .par_iter()
            // Gone: what came from it is removed. Anything else is read, and refused there
            // when it is no ordinary file inside the site.
            .filter(|f| folders.is_not_folder(&f.path))
            .map(|f| {
                let parsed = parse_source(root, f, options, prepare, &folders).and_then(|all| {
                    all.into_iter()
                        .map(|mut parsed| {
                            prepare.prepare(&mut parsed)?;
                            Ok(parsed)
                        })
                        .collect()
                });
                progress::advance(Stage::Read, 1);
                parsed
            })
            .collect();
        let mut diagnostics = Diagnostics::default();
        let mut pages = Vec::with_capacity(parsed.len());
        for result in parsed {
            match result {
                Ok(all) => {
                    for parsed in all {
                        match parsed {
                            Parsed::Page(page) => {
                                self.publish_or_schedule(*page, options, &mut pages)
                            }
                            Parsed::Section(section) => {
                                self.sections.insert(section.dir.clone(), *section);
                            }
                        }
                    }
                }
                Err(d) => diagnostics.push(d),
            }
        }
        if self.pages.is_empty() {
            // Already in order when read from a walk of the folder: this sort only checks.
            pages.sort_by(|a, b| a.file.cmp(&b.file));
            self.pages = pages;
        } else {
            for page in pages {
                let i = self
                    .pages
                    .binary_search_by(|p| p.file.cmp(&page.file))
                    .unwrap_or_else(|i| i);
                self.pages.insert(i, page);
            }
        }
        diagnostics
    }

    /// A page read: kept for publishing, left out as a draft, or scheduled for its day.
    fn publish_or_schedule(&mut self, page: Page, options: &ReadOptions, pages: &mut Vec<Page>) {
        let scheduled = options
            .publish_until
            .and_then(|until| scheduled_date(&page.meta, until));
        if page.meta.draft && !options.include_drafts {
            // A draft is not published, whatever its date.
        } else if let Some(date) = scheduled {
            let at = self
                .scheduled
                .binary_search_by(|s| s.file.cmp(&page.file))
                .unwrap_or_else(|i| i);
            self.scheduled.insert(
                at,
                Scheduled {
                    file: page.file.clone(),
                    slug: page.slug.clone(),
                    date,
                },
            );
        } else {
            pages.push(page);
        }
    }

    /// Adds a section for every folder without an `_index.md`, checks that URLs and slugs are
    /// unique, sorts each section's pages and indexes the slugs. The same after a full read and
    /// after reading a few files again.
    pub fn finish(&mut self) -> Diagnostics {
        self.sections.retain(|_, s| s.file.is_some());
        add_implicit_sections(self);
        let mut diagnostics = Diagnostics::default();
        check_unique_paths(self, &mut diagnostics);
        check_bundles(self, &mut diagnostics);
        sort_sections(self);
        self.index();
        diagnostics
    }
}

/// What a file of `content/` makes: a Markdown page or section, the pages of a Word file, or
/// nothing (a Word or PDF file beside a page of its name is that page's 下载原件).
fn parse_source(
    root: &Path,
    file: &SourceFile,
    options: &ReadOptions,
    prepare: &dyn Prepare,
    folders: &Folders,
) -> Result<Vec<Parsed>, Diagnostic> {
    match word::what(&file.path) {
        word::What::Markdown => {
            let mut parsed = parse_file(root, file, &options.markdown(), prepare)?;
            if let Parsed::Page(page) = &mut parsed {
                page.files = word::originals(root, &file.path, folders)?;
                // A new 下载原件 is an edit of the page (serve publishes it again).
                for original in &page.files {
                    page.fingerprint = fingerprint(
                        &[&page.fingerprint.to_le_bytes()[..], &original.bytes[..]].concat(),
                    );
                }
            }
            Ok(vec![parsed])
        }
        // A Word file in a page's folder is one of its files, published with it.
        word::What::Word
            if word::has_markdown_page(&file.path, folders) || in_page_folder(file) =>
        {
            Ok(Vec::new())
        }
        word::What::Word => word::parse(root, file, options, prepare),
        // A PDF is a page's 下载原件, a file it links to or an attachment: which, the site
        // knows once every page is read (`site/links.rs`).
        word::What::Pdf | word::What::Sidecar | word::What::Other => Ok(Vec::new()),
    }
}

fn parse_file(
    root: &Path,
    file: &SourceFile,
    options: &MarkdownOptions,
    prepare: &dyn Prepare,
) -> Result<Parsed, Diagnostic> {
    let shown = rel_to(root, &file.path);
    let bytes = crate::read::source(root, &file.path, crate::read::Kind::Page)?;
    let text = decode_utf8(&shown, &bytes)?;
    let split = frontmatter::split(&shown, text)?;
    let folder = crate::output::path::nfc(&file.rel.parent().map(path_to_url).unwrap_or_default());
    fields::check_folders(&shown, &folder)?;
    let is_section = file.rel.file_name().is_some_and(|n| n == "_index.md");
    if is_section {
        let dir = folder;
        let meta: SectionFrontMatter = frontmatter::parse(&shown, &split)?;
        fields::refuse_zola_section_fields(&shown, &split, &meta)?;
        bidi::check_section(&shown, &split, &meta)?;
        fields::check_aliases(&shown, &split, &meta.aliases)?;
        let rendered = markdown::render(split.body, options, &published_by(prepare, false));
        markdown::unsafe_content(&shown, split.body, split.body_line, &rendered)?;
        let path = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let (links, _) = links::collect(
            &rendered.html,
            &links::Source {
                body: split.body,
                body_line: split.body_line,
                markdown: &rendered.links,
            },
        );
        return Ok(Parsed::Section(Box::new(Section {
            file: Some(shown),
            meta,
            dir,
            path,
            html: rendered.html,
            pages: Vec::new(),
            links,
            rewrites: Vec::new(),
        })));
    }
    let meta: PageFrontMatter = frontmatter::parse(&shown, &split)?;
    let page = page(
        &shown,
        &split,
        meta,
        split.body,
        options,
        prepare,
        fingerprint(&bytes),
    )?;
    Ok(Parsed::Page(Box::new(page)))
}

/// For a page written as a folder (`policies/x/index.md`, as Zola's and Hugo's page bundles):
/// the folder (`policies/x`), whose other files are the page's own; the page is `x` of
/// `policies`.
fn bundle_of(rel: &Path) -> Option<String> {
    let folder = crate::output::path::nfc(&rel.parent().map(path_to_url).unwrap_or_default());
    (rel.file_name().is_some_and(|n| n == "index.md") && !folder.is_empty()).then_some(folder)
}

/// Whether `file` is beside the `index.md` of a page written as a folder.
fn in_page_folder(file: &SourceFile) -> bool {
    file.rel.parent().is_some_and(|p| !p.as_os_str().is_empty())
        && file.path.with_file_name("index.md").is_file()
}

/// A page's slug, its section's folder and its address (relative to the script's root):
/// the slug is the front matter's, else the file's name.
fn page_path(rel: &Path, meta: &PageFrontMatter) -> (String, String, String) {
    let folder = crate::output::path::nfc(&rel.parent().map(path_to_url).unwrap_or_default());
    let bundle = bundle_of(rel);
    let dir = match &bundle {
        Some(folder) => folder
            .rsplit_once('/')
            .map_or(String::new(), |(parent, _)| parent.to_string()),
        None => folder,
    };
    // macOS hands out file names decomposed (NFD); URLs use the composed form.
    let slug = crate::output::path::nfc(&match &meta.slug {
        Some(s) => s.clone(),
        None => match &bundle {
            Some(folder) => folder.rsplit('/').next().unwrap_or_default().to_string(),
            None => rel
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        },
    });
    let path = if dir.is_empty() {
        format!("{slug}/")
    } else {
        format!("{dir}/{slug}/")
    };
    (slug, dir, path)
}

/// A page from its front matter (`meta`, read from `split`) and its Markdown `body`: the
/// fields checked, the body rendered. `shown` is the file it came from.
fn page(
    shown: &Path,
    split: &frontmatter::Split<'_>,
    mut meta: PageFrontMatter,
    body: &str,
    options: &MarkdownOptions,
    prepare: &dyn Prepare,
    fingerprint: u64,
) -> Result<Page, Diagnostic> {
    let shown = shown.to_path_buf();
    let shown = &shown;
    let rel = shown.strip_prefix("content").unwrap_or(shown);
    fields::refuse_zola_page_fields(shown, split, &meta)?;
    let (slug, dir, path) = page_path(rel, &meta);
    fields::check_folders(shown, &dir)?;
    fields::check_slug(shown, split, &slug, meta.slug.is_none())?;
    fields::taxonomies(shown, split, &mut meta)?;
    fields::check_aliases(shown, split, &meta.aliases)?;
    fields::check_issuer(shown, split, meta.issuer.as_deref())?;
    bidi::check_page(shown, split, &meta)?;
    if meta.title.trim().is_empty() {
        return Err(Diagnostic::new(shown, t!("page-empty-title"))
            .at_line(split.front_matter_line)
            .hint(t!("page-empty-title-hint")));
    }
    let body_line = split.body_line;
    // Text pasted from Word brings characters nobody sees (non-breaking and zero-width spaces,
    // soft hyphens, U+000B): published without them, each line's said by `check`.
    let cleaned;
    let mut notes = Vec::new();
    let body = if body
        .chars()
        .any(|c| crate::docx::clean::Debris::of(c).is_some())
    {
        let (text, removed) = crate::docx::clean::clean_markdown(body);
        notes = debris_notes(shown, &removed, body_line);
        cleaned = text;
        cleaned.as_str()
    } else {
        body
    };
    // Shortcodes are rendered with the page (they show live data); here they are found,
    // checked for their form and replaced by markers the page's HTML keeps.
    let shortcodes = shortcodes::find_calls(body).map_err(|(offset, message)| {
        Diagnostic::new(shown, message).at_offset(body, offset, body_line)
    })?;
    let marked = shortcodes::mark(body, &shortcodes);
    let mut options = *options;
    options.allow_raw_html |= meta.allow_raw_html;
    let options = &options;
    // The page's vocabulary is settled once, here: its length is counted on the text as the
    // conversion it takes publishes it, and the site converts it that way (simplify::page).
    if meta.source_variant.is_none() {
        meta.source_variant = Some(if prepare.reads_as_taiwan(&marked) {
            frontmatter::SourceVariant::Taiwan
        } else {
            frontmatter::SourceVariant::Mainland
        });
    }
    let taiwan = meta.source_variant == Some(frontmatter::SourceVariant::Taiwan);
    let rendered = markdown::render(&marked, options, &published_by(prepare, taiwan));
    markdown::unsafe_content(shown, &marked, body_line, &rendered)?;
    let summary = meta.description.clone().unwrap_or(rendered.summary);
    // Offsets of the marked body, as the body was written.
    let written: Vec<(usize, String)> = rendered
        .links
        .iter()
        .map(|(offset, dest)| {
            (
                shortcodes::unmarked_offset(*offset, &shortcodes),
                dest.clone(),
            )
        })
        .collect();
    let (links, ids) = links::collect(
        &rendered.html,
        &links::Source {
            body,
            body_line: split.body_line,
            markdown: &written,
        },
    );
    Ok(Page {
        file: shown.clone(),
        bundle: bundle_of(rel),
        slug,
        section: dir,
        path,
        html: rendered.html,
        toc: rendered.toc,
        summary,
        word_count: rendered.word_count,
        reading_minutes: rendered.reading_minutes,
        raw: body.to_string(),
        body_line,
        shortcodes,
        fingerprint,
        lines: fields::ReferenceLines::of(split, &meta),
        meta,
        links,
        ids,
        rewrites: Vec::new(),
        attachments: Vec::new(),
        files: Vec::new(),
        from_word: false,
        notes,
    })
}

/// One note a line for the Word debris taken out of a page's body, each kind with its count,
/// at the column of the first.
fn debris_notes(
    shown: &Path,
    removed: &[crate::docx::clean::Removal],
    body_line: usize,
) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let mut at = 0;
    while at < removed.len() {
        let line = removed[at].line;
        let end = at + removed[at..].iter().take_while(|r| r.line == line).count();
        let mut kinds: Vec<(crate::docx::clean::Debris, usize, usize)> = Vec::new();
        for r in &removed[at..end] {
            match kinds.iter_mut().find(|(d, _, _)| *d == r.what) {
                Some(kind) => kind.1 += 1,
                None => kinds.push((r.what, 1, r.column)),
            }
        }
        for (what, count, column) in kinds {
            notes.push(Note {
                warning: false,
                diagnostic: Diagnostic::new(
                    shown,
                    t!("word-debris", kind = what.id(), count = count),
                )
                .at(line + body_line - 1, column)
                .hint(t!("content-debris-hint")),
            });
        }
        at = end;
    }
    notes
}

/// [`Prepare::as_published`] as a function of a text (a closure cannot say that its result
/// borrows from its argument).
fn published_by(
    prepare: &dyn Prepare,
    taiwan: bool,
) -> impl Fn(&str) -> std::borrow::Cow<'_, str> + '_ {
    move |text| prepare.as_published(text, taiwan)
}

fn add_implicit_sections(content: &mut Content) {
    let mut dirs: std::collections::BTreeSet<&str> =
        content.pages.iter().map(|p| p.section.as_str()).collect();
    dirs.insert("");
    let missing: Vec<String> = dirs
        .into_iter()
        .filter(|dir| !content.sections.contains_key(*dir))
        .map(str::to_string)
        .collect();
    for dir in missing {
        content
            .sections
            .entry(dir.clone())
            .or_insert_with(|| Section {
                file: None,
                meta: SectionFrontMatter {
                    title: dir.rsplit('/').next().unwrap_or_default().to_string(),
                    ..Default::default()
                },
                path: if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                },
                dir,
                html: String::new(),
                pages: Vec::new(),
                links: Vec::new(),
                rewrites: Vec::new(),
            });
    }
}

fn check_unique_paths(content: &Content, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in &content.pages {
        if let Some(first) = seen.insert(&page.path, page) {
            diagnostics.push(
                Diagnostic::new(
                    &page.file,
                    t!(
                        "page-same-url",
                        path = &page.path,
                        other = first.file.display()
                    ),
                )
                .hint(t!("page-same-url-hint")),
            );
        }
    }
    let mut slugs: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in &content.pages {
        if let Some(first) = slugs.insert(&page.slug, page) {
            if first.path != page.path {
                diagnostics.push(
                    Diagnostic::new(
                        &page.file,
                        t!(
                            "page-same-slug",
                            slug = &page.slug,
                            other = first.file.display()
                        ),
                    )
                    .hint(t!("page-same-slug-hint")),
                );
            }
        }
    }
}

/// A page written as a folder (`x/index.md`) is one page: no other page or section in it.
fn check_bundles(content: &Content, diagnostics: &mut Diagnostics) {
    let bundles: BTreeMap<String, &Page> = content
        .pages
        .iter()
        .filter_map(|p| Some((format!("{}/", p.bundle.as_ref()?), p)))
        .collect();
    if bundles.is_empty() {
        return;
    }
    let files = content
        .pages
        .iter()
        .filter(|p| p.bundle.is_none())
        .map(|p| &p.file)
        .chain(content.sections.values().filter_map(|s| s.file.as_ref()));
    for file in files {
        let rel = file.strip_prefix("content").unwrap_or(file);
        let rel = path_to_url(rel);
        let inside = bundles
            .iter()
            .find(|(folder, _)| rel.starts_with(folder.as_str()));
        if let Some((folder, page)) = inside {
            diagnostics.push(
                Diagnostic::new(
                    file,
                    t!(
                        "page-inside-bundle",
                        folder = folder.trim_end_matches('/'),
                        page = page.file.display()
                    ),
                )
                .hint(t!("page-inside-bundle-hint")),
            );
        }
    }
}

fn sort_sections(content: &mut Content) {
    let pages = &content.pages;
    let mut by_section: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, page) in pages.iter().enumerate() {
        by_section.entry(page.section.as_str()).or_default().push(i);
    }
    for section in content.sections.values_mut() {
        let mut members = by_section.remove(section.dir.as_str()).unwrap_or_default();
        match section.meta.sort_by {
            SortBy::Date => members.sort_by(|&a, &b| {
                let (pa, pb) = (&pages[a], &pages[b]);
                sort_date(pb)
                    .cmp(&sort_date(pa))
                    .then_with(|| pa.meta.title.cmp(&pb.meta.title))
            }),
            SortBy::Weight => members.sort_by_key(|&i| {
                (
                    pages[i].meta.weight.unwrap_or(i64::MAX),
                    pages[i].meta.title.clone(),
                )
            }),
            SortBy::UpdateDate => members.sort_by(|&a, &b| {
                let updated = |p: &Page| p.meta.updated.or_else(|| sort_date(p));
                let (pa, pb) = (&pages[a], &pages[b]);
                updated(pb)
                    .cmp(&updated(pa))
                    .then_with(|| pa.meta.title.cmp(&pb.meta.title))
            }),
            SortBy::Title | SortBy::TitleBytes => {
                members.sort_by(|&a, &b| pages[a].meta.title.cmp(&pages[b].meta.title))
            }
            SortBy::Slug => members.sort_by(|&a, &b| pages[a].slug.cmp(&pages[b].slug)),
            SortBy::None => {}
        }
        if section.meta.paginate_reversed {
            members.reverse();
        }
        section.pages = members;
    }
}

/// The date a page sorts by: when it was posted, else when the document was published.
pub fn sort_date(page: &Page) -> Option<PartialDate> {
    page.meta.date.or(page.meta.published)
}

/// The date the catalogue files a document under: when the document was published, else
/// when it was posted.
pub fn catalogue_date(page: &Page) -> Option<PartialDate> {
    page.meta.published.or(page.meta.date)
}

fn path_to_url(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
