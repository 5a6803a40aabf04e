//! The `stdportal` command: build, check, init and serve. Only argument handling lives here.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use clap::{Parser, Subcommand};

use stdportal::error::Diagnostics;
use stdportal::i18n::{self, Lang};
use stdportal::output::{PublishOptions, Publisher};
use stdportal::site::{BuildOptions, Site};
use stdportal::t;

#[derive(Parser)]
#[command(
    name = "stdportal",
    version,
    about = "Build a bilingual (Simplified/Traditional Chinese) standardization portal"
)]
struct Cli {
    /// The language of messages: zh-Hans, zh-Hant or en [default: from STDPORTAL_LANG, then
    /// the locale (LC_ALL, LC_MESSAGES, LANG)].
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    match text.parse() {
        Ok(lang)
            if Lang::ALL
                .iter()
                .any(|l| l.tag().eq_ignore_ascii_case(text.trim())) =>
        {
            Ok(lang)
        }
        _ => Err("zh-Hans, zh-Hant or en".to_string()),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (both scripts).
    Build {
        /// The site's folder (where config.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Use this public address instead of base_url from config.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Print the time spent in each stage and the peak memory.
        #[arg(long)]
        timings: bool,
        /// Skip the search index (faster; the search page finds nothing).
        #[arg(long)]
        no_search: bool,
        /// Build into an output folder that holds files stdportal did not write: they are
        /// kept, and those at the new site's own paths are replaced.
        #[arg(long)]
        force: bool,
        /// Move changed files into the output folder one by one instead of swapping the whole
        /// folder (automatic when the output is a mount point, e.g. a Docker volume).
        #[arg(long)]
        in_place: bool,
    },
    /// Build in memory and check every internal link and #anchor, related documents and alt text.
    Check {
        /// The site's folder (where config.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new, working site in DIR: config, one city, one page and the default theme.
    Init {
        /// The folder to create (it must not exist or be empty).
        dir: PathBuf,
    },
    /// Build the site in memory, serve it with live reload and rebuild it on every change.
    Serve {
        /// The site's folder (where config.toml is).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on; if it is taken, the next free one (0: any free port).
        #[arg(long, default_value_t = stdportal::serve::DEFAULT_PORT)]
        port: u16,
        /// The address to listen on; 0.0.0.0 exposes the site to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    i18n::set_language(lang);
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            timings,
            no_search,
            force,
            in_place,
        } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            build(
                BuildOptions {
                    root,
                    base_url,
                    drafts,
                    search: !no_search,
                },
                &output,
                PublishOptions { force, in_place },
                timings,
            )
        }
        Command::Check { root, drafts } => check(BuildOptions {
            root,
            base_url: None,
            drafts,
            search: false,
        }),
        Command::Init { dir } => match stdportal::init::scaffold(&dir) {
            Ok(()) => {
                println!("{}", t!("init-created", dir = dir.display()));
                println!("{}", t!("init-next", dir = dir.display()));
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("{problem}");
                ExitCode::FAILURE
            }
        },
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
        } => match stdportal::serve::run(stdportal::serve::ServeOptions {
            root,
            port,
            bind,
            open,
            drafts,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(problem) => {
                eprintln!("{problem}");
                ExitCode::FAILURE
            }
        },
    }
}

fn build(
    options: BuildOptions,
    output: &std::path::Path,
    publish: PublishOptions,
    timings: bool,
) -> ExitCode {
    let started = Instant::now();
    // The output is taken (and locked) before the sources are read, so that of two builds one
    // after the other, the later one publishes the sources as they are by then.
    let result = Publisher::open(&options.root, output, publish)
        .map_err(Diagnostics::from)
        .and_then(|publisher| {
            let opened = started.elapsed();
            let site = Site::load(&options)?;
            site.timings().record("open_output", opened);
            site.timings().record("load", started.elapsed() - opened);
            let pages = AtomicUsize::new(0);
            let written = Instant::now();
            site.render_into(&|file| {
                if file.path.ends_with(".html") {
                    pages.fetch_add(1, Ordering::Relaxed);
                }
                publisher.put(file)
            })?;
            let files = publisher.len();
            site.timings().stage("commit", || publisher.commit())?;
            site.timings().record("render_and_write", written.elapsed());
            Ok((site, pages.into_inner(), files))
        });
    match result {
        Ok((site, pages, files)) => {
            println!(
                "{}",
                t!(
                    "build-done",
                    pages = pages,
                    files = files,
                    output = output.display(),
                    ms = started.elapsed().as_millis().to_string(),
                    profile = site.converter().profile().name()
                )
            );
            if timings {
                println!("{}", site.timings());
            }
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            report(&diagnostics);
            ExitCode::FAILURE
        }
    }
}

fn check(options: BuildOptions) -> ExitCode {
    let result = Site::load(&options).and_then(|site| {
        let files = site.render_all()?;
        Ok(stdportal::check::check(&site, &files))
    });
    let report = match result {
        Ok(report) => report,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!("\n{}", t!("check-does-not-build"));
            return ExitCode::FAILURE;
        }
    };
    if !report.external.is_empty() {
        println!("{}", t!("check-external-links"));
        for (page, url) in &report.external {
            println!("  {page}: {url}");
        }
    }
    print_punctuation(&report.punctuation, report.punctuation_on);
    for problem in &report.problems {
        eprintln!("{problem}");
    }
    println!(
        "{}",
        t!(
            "check-summary",
            pages = report.pages_checked,
            links = report.links_checked,
            problems = report.problems.len(),
            external = report.external.len(),
            marks = report.punctuation.len()
        )
    );
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The typography pass's changes, by file: notes for the editor, not problems (the build
/// publishes the full-width marks whatever the source says, unless the pass is off).
fn print_punctuation(fixes: &[stdportal::check::PunctuationFix], on: bool) {
    if fixes.is_empty() {
        return;
    }
    if on {
        println!("{}", t!("check-punctuation-fixed"));
    } else {
        println!("{}", t!("check-punctuation-kept"));
    }
    let mut start = 0;
    while start < fixes.len() {
        let file = &fixes[start].file;
        let end = start
            + fixes[start..]
                .iter()
                .take_while(|f| &f.file == file)
                .count();
        let n = end - start;
        println!(
            "  {}",
            t!("check-punctuation-file", file = file.display(), marks = n)
        );
        for fix in &fixes[start..end] {
            println!(
                "    {}:{}: {} → {}",
                file.display(),
                fix.line,
                fix.before,
                fix.after
            );
        }
        start = end;
    }
}

fn report(diagnostics: &Diagnostics) {
    eprintln!("{diagnostics}");
    eprintln!("\n{}", t!("build-failed", count = diagnostics.len()));
}

/// With a file-size limit (`ulimit -f`), the system kills a process that writes past it with
/// SIGXFSZ, without a word. Ignored, the write fails instead and the build says what happened
/// (and leaves the previous site as it was).
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
