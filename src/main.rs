//! The `stdportal` command: build, check, init and serve. Only argument handling lives here.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use stdportal::error::{Diagnostic, Diagnostics};
use stdportal::i18n::{self, Lang};
use stdportal::output::{PublishOptions, Publisher};
use stdportal::report::events::{self, DiagnosticEvent, Event, Severity};
use stdportal::report::progress::{self, Stage};
use stdportal::report::{Exit, Format};
use stdportal::site::{BuildOptions, Site};
use stdportal::t;

/// Like `println!`, but a closed stdout (`stdportal build | head -1`) is not an error: what
/// the command did is done (the site is published), only its report has no reader.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `eprintln!`, without the panic on a closed stderr.
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

// The derive is the one description of the arguments; their help text is in the catalogues
// (locales/<language>/help.ftl), set by `localized_command` in the language of the messages.
#[derive(Parser)]
#[command(name = "stdportal", version)]
struct Cli {
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// As cargo names it; `--format` is the short name.
    #[arg(long, global = true, alias = "format", value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

impl From<MessageFormat> for Format {
    fn from(format: MessageFormat) -> Format {
        match format {
            MessageFormat::Human => Format::Human,
            MessageFormat::Json => Format::Json,
        }
    }
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
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
        #[arg(long)]
        timings: bool,
        #[arg(long)]
        no_search: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        in_place: bool,
        #[arg(long)]
        no_sync: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
        #[arg(long)]
        gov: bool,
        #[arg(long, requires = "gov", value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    Init {
        dir: PathBuf,
    },
    Import {
        source: PathBuf,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        to: Option<PathBuf>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        force: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = stdportal::serve::DEFAULT_PORT)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        future: bool,
    },
}

/// The language the command line asks for: the value of the first `--lang X` or `--lang=X`
/// before a `--` (wherever it is, as clap takes a global flag), if it is one clap will accept.
/// Known before clap parses, so that its help and errors can be in that language.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => return args.next().flatten().and_then(|v| parse_lang(v).ok()),
            Some(arg) => {
                if let Some(value) = arg.strip_prefix("--lang=") {
                    return parse_lang(value).ok();
                }
            }
            None => {}
        }
    }
    None
}

/// Whether the command line asks for JSON messages (`--message-format json`, `--format=json`
/// …), known before clap parses, so that a usage error is a JSON event too.
fn json_in_args(args: &[OsString]) -> bool {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    let mut json = false;
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some("--message-format" | "--format") => json = args.next().flatten() == Some("json"),
            Some(arg) => {
                if let Some(value) = arg
                    .strip_prefix("--message-format=")
                    .or_else(|| arg.strip_prefix("--format="))
                {
                    json = value == "json";
                }
            }
            None => {}
        }
    }
    json
}

/// The command line of [`Cli`] with every description, heading and help text in the current
/// language (clap's usage line and error messages stay as clap writes them).
fn localized_command() -> clap::Command {
    let mut command = Cli::command()
        .about(t!("help-about"))
        // As clap would name it from the program's path, before `build` names the subcommands.
        .bin_name("stdportal");
    // Adds clap's own `--help`, `--version` and `help` to every command, so they can be given
    // words too.
    command.build();
    localize(command)
}

fn localize(mut command: clap::Command) -> clap::Command {
    let name = command.get_name().to_string();
    let template = help_template(&command);
    command = command.help_template(template);
    command = command.mut_args(|arg| {
        let default = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(",");
        match argument_help(&name, arg.get_id().as_str(), default) {
            // The default is in the text, in the language's words.
            Some(help) => arg.help(help).hide_default_value(true),
            None => arg,
        }
    });
    if name != "help" {
        command = command.mut_subcommands(|sub| {
            let sub = match command_about(sub.get_name()) {
                Some(about) => sub.about(about),
                None => sub,
            };
            localize(sub)
        });
    }
    command
}

/// What a subcommand does, in the current language.
fn command_about(name: &str) -> Option<String> {
    Some(match name {
        "build" => t!("help-build"),
        "check" => t!("help-check"),
        "init" => t!("help-init"),
        "serve" => t!("help-serve"),
        "import" => t!("help-import"),
        "help" => t!("help-help-command"),
        _ => return None,
    })
}

/// The help text of the argument `id` of the command `command` in the current language, with
/// its `default` value in it if it has one.
fn argument_help(command: &str, id: &str, default: String) -> Option<String> {
    Some(match (command, id) {
        (_, "lang") => t!("help-lang"),
        (_, "message_format") => t!("help-message-format"),
        (_, "quiet") => t!("help-quiet"),
        (_, "help") => t!("help-help"),
        (_, "version") => t!("help-version"),
        (_, "root") => t!("help-root", default = default),
        (_, "drafts") => t!("help-drafts"),
        (_, "future") => t!("help-future"),
        ("build", "output") => t!("help-output"),
        ("build", "base_url") => t!("help-base-url"),
        ("build", "timings") => t!("help-timings"),
        ("build", "no_search") => t!("help-no-search"),
        ("build", "force") => t!("help-force"),
        ("build", "in_place") => t!("help-in-place"),
        ("build", "no_sync") => t!("help-no-sync"),
        ("init", "dir") => t!("help-dir"),
        ("check", "gov") => t!("help-gov"),
        ("check", "date") => t!("help-date"),
        ("import", "source") => t!("help-import-source"),
        ("import", "to") => t!("help-import-to"),
        ("import", "dry_run") => t!("help-import-dry-run"),
        ("import", "force") => t!("help-import-force"),
        ("serve", "port") => t!("help-port", default = default),
        ("serve", "bind") => t!("help-bind", default = default),
        ("serve", "open") => t!("help-open"),
        _ => return None,
    })
}

/// clap's help layout with the headings in the current language.
fn help_template(command: &clap::Command) -> String {
    let styles = command.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let heading = |text: String| format!("{header}{text}{header:#}");
    let usage_heading = t!("help-heading-usage");
    // `Usage: stdportal`, `用法：stdportal` (a full-width colon has its own space).
    let space = if usage_heading.ends_with(':') {
        " "
    } else {
        ""
    };
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{usage_heading}{usage:#}{space}{{usage}}"
    );
    let mut sections = Vec::new();
    if command.has_subcommands() {
        sections.push(format!(
            "{}\n{{subcommands}}",
            heading(t!("help-heading-commands"))
        ));
    }
    if command.get_positionals().next().is_some() {
        sections.push(format!(
            "{}\n{{positionals}}",
            heading(t!("help-heading-arguments"))
        ));
    }
    if command.get_arguments().any(|a| !a.is_positional()) {
        sections.push(format!(
            "{}\n{{options}}",
            heading(t!("help-heading-options"))
        ));
    }
    if !sections.is_empty() {
        template.push_str("\n\n");
        template.push_str(&sections.join("\n\n"));
    }
    template.push_str("{after-help}");
    template
}

fn main() -> ExitCode {
    ignore_file_size_signal();
    let started = Instant::now();
    let args: Vec<OsString> = std::env::args_os().collect();
    // Chosen before clap parses, so that the help is in the language too.
    let lang =
        lang_in_args(&args).unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    i18n::set_language(lang);
    let json = json_in_args(&args);
    let mut command = localized_command();
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|e| e.format(&mut command));
    let cli = match parsed {
        Ok(cli) => cli,
        // Help and the version are what was asked for, not errors.
        Err(e) if json && e.use_stderr() => return usage_error_as_json(&e, started),
        Err(e) => e.exit(),
    };
    if let Some(lang) = cli.lang {
        i18n::set_language(lang);
    }
    stdportal::report::set(cli.message_format.into(), cli.quiet);
    let name = match &cli.command {
        Command::Build { .. } => "build",
        Command::Check { .. } => "check",
        Command::Init { .. } => "init",
        Command::Serve { .. } => "serve",
        Command::Import { .. } => "import",
    };
    if stdportal::report::json() {
        events::emit(&Event::Start {
            command: name.into(),
            stdportal: env!("CARGO_PKG_VERSION").into(),
            lang: i18n::language().tag().into(),
        });
    }
    let exit = run(cli.command);
    if stdportal::report::json() {
        events::emit(&Event::Finished {
            command: Some(name.into()),
            exit_code: exit.code(),
            ms: events::ms(started.elapsed()),
        });
    }
    exit.into()
}

/// clap's error (its own words, in English) as a diagnostic, and the end, exit status 2.
fn usage_error_as_json(error: &clap::Error, started: Instant) -> ExitCode {
    let text = error.render().to_string();
    events::emit(&Event::Diagnostic(DiagnosticEvent::about_the_command(
        Severity::Error,
        text.trim_end(),
    )));
    events::emit(&Event::Finished {
        command: None,
        exit_code: Exit::UsageOrEnvironment.code(),
        ms: events::ms(started.elapsed()),
    });
    Exit::UsageOrEnvironment.into()
}

fn run(command: Command) -> Exit {
    match command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            future,
            timings,
            no_search,
            force,
            in_place,
            no_sync,
        } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            build(
                BuildOptions {
                    root,
                    base_url,
                    drafts,
                    future,
                    search: !no_search,
                },
                &output,
                PublishOptions {
                    force,
                    in_place,
                    no_sync,
                },
                timings,
            )
        }
        Command::Check {
            root,
            drafts,
            future,
            gov,
            date,
        } => {
            let gov = match (gov, date) {
                (false, _) => None,
                (true, None) => Some(stdportal::check::gov::today()),
                (true, Some(text)) => match stdportal::check::gov::day(&text) {
                    Some(date) => Some(date),
                    None => {
                        let problem = Diagnostic::new("--date", t!("gov-date-bad", value = text))
                            .hint(t!("gov-date-bad-hint"));
                        tell_problems(&problem.into(), Severity::Error);
                        return Exit::UsageOrEnvironment;
                    }
                },
            };
            check(
                BuildOptions {
                    root,
                    base_url: None,
                    drafts,
                    future,
                    search: false,
                },
                gov,
            )
        }
        Command::Init { dir } => init(&dir),
        Command::Import {
            source,
            root,
            to,
            dry_run,
            force,
        } => import(stdportal::import::ImportOptions {
            root,
            source,
            to,
            dry_run,
            force,
        }),
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
            future,
        } => match stdportal::serve::run(stdportal::serve::ServeOptions {
            root,
            port,
            bind,
            open,
            drafts,
            future,
        }) {
            Ok(()) => Exit::Ok,
            Err(problem) => {
                tell_problems(&problem.into(), Severity::Error);
                Exit::UsageOrEnvironment
            }
        },
    }
}

/// The pages left out until their day, each as a note at its file.
fn scheduled_notes(site: &Site) -> Vec<Diagnostic> {
    site.content()
        .scheduled
        .iter()
        .map(|s| {
            let date = site.labels().date(&s.date);
            Diagnostic::new(&s.file, t!("scheduled-page", date = date))
        })
        .collect()
}

/// The pages left out until their day: a list for the editor, or a note each.
fn tell_scheduled(notes: &[Diagnostic]) {
    if notes.is_empty() {
        return;
    }
    if stdportal::report::json() {
        for note in notes {
            events::emit(&Event::Diagnostic(DiagnosticEvent::of(
                note,
                Severity::Note,
            )));
        }
    } else if human_summary() {
        say!("{}", t!("scheduled-pages", count = notes.len()));
        for note in notes {
            say!("  {}: {}", note.file.display(), note.message);
        }
    }
}

/// Problems: on stderr as sentences, or as diagnostic events.
fn tell_problems(problems: &Diagnostics, severity: Severity) {
    if stdportal::report::json() {
        events::emit_all(problems, severity);
    } else {
        tell!("{problems}");
    }
}

/// What a command did, for a person: nothing with `--quiet`, and nothing in JSON mode (where
/// the event says it).
fn human_summary() -> bool {
    !stdportal::report::quiet() && !stdportal::report::json()
}

fn init(dir: &std::path::Path) -> Exit {
    match stdportal::init::scaffold(dir) {
        Ok(()) => {
            let created = t!("init-created", dir = dir.display());
            if stdportal::report::json() {
                events::emit(&Event::Created {
                    dir: dir.display().to_string(),
                    message: created,
                });
            } else if human_summary() {
                say!("{created}");
                say!(
                    "{}",
                    t!(
                        "init-next",
                        dir = dir.display(),
                        port = stdportal::serve::DEFAULT_PORT
                    )
                );
            }
            Exit::Ok
        }
        // A folder that is not empty, or one that cannot be written.
        Err(problem) => {
            tell_problems(&problem.into(), Severity::Error);
            Exit::UsageOrEnvironment
        }
    }
}

fn import(options: stdportal::import::ImportOptions) -> Exit {
    use stdportal::import::{self, Failure};
    let watching = progress::watch();
    let result = import::import(&options);
    drop(watching);
    let (imported, problems) = match result {
        Ok(done) => done,
        Err(Failure::Usage(problems)) => {
            tell_problems(&problems, Severity::Error);
            return Exit::UsageOrEnvironment;
        }
    };
    for one in &imported {
        let source = one.source.display().to_string();
        let page = one.page.display().to_string();
        let message = if options.dry_run {
            t!("import-dry-run", source = source.as_str())
        } else {
            t!(
                "import-wrote",
                source = source.as_str(),
                page = page.as_str(),
                files = one.files.len()
            )
        };
        if stdportal::report::json() {
            if options.dry_run {
                for r in &one.recognised {
                    events::emit(&Event::Recognised {
                        source: source.clone(),
                        element: r.element.to_string(),
                        value: r.value.clone(),
                        paragraph: r.paragraph,
                        message: import::recognised_text(r),
                    });
                }
            }
            for (warning, note) in &one.notes {
                let severity = if *warning {
                    Severity::Warning
                } else {
                    Severity::Note
                };
                events::emit(&Event::Diagnostic(DiagnosticEvent::of(note, severity)));
            }
            events::emit(&Event::Imported {
                source,
                page,
                files: one.files.iter().map(|f| f.display().to_string()).collect(),
                dry_run: options.dry_run,
                message,
            });
            continue;
        }
        if options.dry_run {
            say!("{message}");
            for r in &one.recognised {
                say!("  {}", import::recognised_text(r));
            }
            for (warning, note) in &one.notes {
                say!("  {}", note.remark(*warning).replace('\n', "\n  "));
            }
            say!("{}", t!("import-would-write"));
            for file in &one.files {
                say!("  {}", file.display());
            }
        } else {
            // Warnings are not problems: --quiet leaves them out, as build does.
            let warnings = one.notes.iter().filter(|(w, _)| *w);
            for (warning, note) in warnings.filter(|_| !stdportal::report::quiet()) {
                tell!("{}", note.remark(*warning));
            }
            if human_summary() {
                say!("{message}");
            }
        }
    }
    if problems.is_empty() {
        return Exit::Ok;
    }
    tell_problems(&problems, Severity::Error);
    if !stdportal::report::json() {
        tell!("\n{}", t!("import-failed", count = problems.len()));
    }
    Exit::SiteProblems
}

/// Why a build or a check did not get through: the site's problems (exit 1), or not a site at
/// all, an output refused, the machine (exit 2).
fn failure(root: &std::path::Path, problems: Diagnostics, output: bool) -> (Diagnostics, Exit) {
    // No config.toml where the command looked: the folder given is not a site.
    let not_a_site = std::fs::symlink_metadata(root.join("config.toml")).is_err();
    let exit = if output || not_a_site {
        Exit::UsageOrEnvironment
    } else {
        Exit::SiteProblems
    };
    (problems, exit)
}

fn build(
    options: BuildOptions,
    output: &std::path::Path,
    publish: PublishOptions,
    timings: bool,
) -> Exit {
    let started = Instant::now();
    let watching = progress::watch();
    // A file the output could not take (a full disk, no permission): the machine's problem.
    let output_failed = AtomicBool::new(false);
    let output_problem = |e: Diagnostic| {
        output_failed.store(true, Ordering::Relaxed);
        e
    };
    // The output is taken (and locked) before the sources are read, so that of two builds one
    // after the other, the later one publishes the sources as they are by then.
    let result = Publisher::open(&options.root, output, publish)
        .map_err(|e| Diagnostics::from(output_problem(e)))
        .and_then(|publisher| {
            let opened = started.elapsed();
            let mut site = Site::load(&options)?;
            site.forget_sources();
            site.timings().record("open_output", opened);
            site.timings().record("load", started.elapsed() - opened);
            let pages = AtomicUsize::new(0);
            let written = Instant::now();
            site.render_into(&|file| {
                if file.path.ends_with(".html") {
                    pages.fetch_add(1, Ordering::Relaxed);
                }
                publisher.put(file).map_err(output_problem)
            })?;
            let files = publisher.len();
            let publishing = progress::stage(Stage::Publish);
            site.timings()
                .stage("commit", || publisher.commit())
                .map_err(output_problem)?;
            drop(publishing);
            site.timings().record("render_and_write", written.elapsed());
            Ok((site, pages.into_inner(), files))
        })
        .map_err(|problems| {
            failure(
                &options.root,
                problems,
                output_failed.load(Ordering::Relaxed),
            )
        });
    let ran = watching.finish();
    match result {
        Ok((site, pages, files)) => {
            tell_warnings(&site);
            // What the data left out on purpose (a hidden sheet): said, not a problem.
            let notes = &site.data().notes;
            if stdportal::report::json() {
                events::emit_all(notes, Severity::Note);
            } else if !stdportal::report::quiet() {
                for note in notes {
                    tell!("{}", note.remark(false));
                }
            }
            let done = t!(
                "build-done",
                pages = pages,
                files = files,
                output = output.display(),
                ms = started.elapsed().as_millis().to_string(),
                profile = site.converter().profile().name()
            );
            if stdportal::report::json() {
                if ran.has(Stage::Index) {
                    events::emit(&Event::SearchIndexReady {
                        ms: events::ms(started.elapsed()),
                    });
                }
                tell_scheduled(&scheduled_notes(&site));
                events::emit(&Event::Built {
                    pages,
                    files,
                    output: Some(output.display().to_string()),
                    profile: site.converter().profile().name().to_string(),
                    ms: events::ms(started.elapsed()),
                    timings: events::timings(site.timings()),
                    message: done,
                });
                return Exit::Ok;
            }
            tell_scheduled(&scheduled_notes(&site));
            if human_summary() {
                say!("{done}");
            }
            if timings {
                say!("{}", site.timings());
            }
            Exit::Ok
        }
        Err((diagnostics, exit)) => {
            let failed = t!("build-failed", count = diagnostics.len());
            tell_problems(&diagnostics, Severity::Error);
            if stdportal::report::json() {
                events::emit(&Event::BuildFailed {
                    problems: diagnostics.len(),
                    ms: events::ms(started.elapsed()),
                    message: failed,
                });
            } else {
                tell!("\n{failed}");
            }
            exit
        }
    }
}

fn check(options: BuildOptions, gov: Option<chrono::NaiveDate>) -> Exit {
    let started = Instant::now();
    let watching = progress::watch();
    let result = Site::load(&options).and_then(|site| {
        let files = site.render_all()?;
        let mut report = stdportal::check::check(&site, &files);
        let gov = gov.map(|date| stdportal::check::gov::check(&site, &files, date));
        if let Some(gov) = &gov {
            report.problems.extend(gov.findings.iter().cloned());
        }
        Ok((report, scheduled_notes(&site), gov))
    });
    drop(watching);
    let (report, scheduled, gov) = match result {
        Ok(done) => done,
        Err(problems) => {
            let (diagnostics, exit) = failure(&options.root, problems, false);
            let does_not_build = t!("check-does-not-build");
            tell_problems(&diagnostics, Severity::Error);
            if stdportal::report::json() {
                events::emit(&Event::BuildFailed {
                    problems: diagnostics.len(),
                    ms: events::ms(started.elapsed()),
                    message: does_not_build,
                });
            } else {
                tell!("\n{does_not_build}");
            }
            return exit;
        }
    };
    let summary = t!(
        "check-summary",
        pages = report.pages_checked,
        links = report.links_checked,
        problems = report.problems.len(),
        external = report.external.len(),
        marks = report.punctuation.len()
    );
    if stdportal::report::json() {
        for (url, pages) in &report.external {
            for page in pages {
                events::emit(&Event::ExternalLink {
                    page: page.clone(),
                    url: url.clone(),
                });
            }
        }
        for fix in &report.punctuation {
            events::emit(&Event::Diagnostic(punctuation_note(
                fix,
                report.punctuation_on,
            )));
        }
        for (warning, note) in &report.notes {
            let severity = if *warning {
                Severity::Warning
            } else {
                Severity::Note
            };
            events::emit(&Event::Diagnostic(DiagnosticEvent::of(note, severity)));
        }
        tell_scheduled(&scheduled);
        events::emit_all(&report.problems, Severity::Error);
        if let Some(gov) = &gov {
            events::emit(&Event::GovChecked {
                date: gov.date.to_string(),
                rules: stdportal::check::gov::RULES,
                failed: gov.findings.len(),
                message: gov_summary(gov),
            });
        }
        events::emit(&Event::Checked {
            pages: report.pages_checked,
            links: report.links_checked,
            problems: report.problems.len(),
            external: report.external.len(),
            marks: report.punctuation.len(),
            ms: events::ms(started.elapsed()),
            message: summary,
        });
    } else {
        if human_summary() && !report.external.is_empty() {
            say!("{}", t!("check-external-links"));
            // Each address once, with where it is: a footer link is on every page.
            for (url, pages) in &report.external {
                let mut pages = pages.iter();
                let first = pages.next().map(String::as_str).unwrap_or_default();
                match pages.len() {
                    0 => say!("  {first}: {url}"),
                    more => say!(
                        "  {}",
                        t!(
                            "check-external-on-pages",
                            url = url,
                            page = first,
                            more = more
                        )
                    ),
                }
            }
        }
        if human_summary() {
            print_punctuation(&report.punctuation, report.punctuation_on);
            print_notes(&report.notes);
        }
        tell_scheduled(&scheduled);
        for problem in &report.problems {
            tell!("{problem}");
        }
        if human_summary() {
            if let Some(gov) = &gov {
                say!("{}", gov_summary(gov));
            }
            say!("{summary}");
        }
    }
    if report.problems.is_empty() {
        Exit::Ok
    } else {
        Exit::SiteProblems
    }
}

/// The sentence of `check --gov`: the day it computed for and how many rules failed.
fn gov_summary(gov: &stdportal::check::gov::GovReport) -> String {
    t!(
        "gov-summary",
        date = gov.date.to_string(),
        failed = gov.findings.len()
    )
}

/// What reading the sources said (a Word file's notes, Word debris taken out of a page):
/// warnings first, then notes, each under its heading.
fn print_notes(notes: &[(bool, Diagnostic)]) {
    for (warnings, heading) in [
        (true, t!("check-source-warnings")),
        (false, t!("check-source-notes")),
    ] {
        let mut these = notes.iter().filter(|(w, _)| *w == warnings).peekable();
        if these.peek().is_none() {
            continue;
        }
        say!("{heading}");
        for (_, note) in these {
            say!("  {}", note.remark(warnings).replace('\n', "\n  "));
        }
    }
}

/// The warnings of a build's sources (a Word file's): on stderr, or as warning events.
fn tell_warnings(site: &Site) {
    let warnings: Vec<&Diagnostic> = site
        .content()
        .pages
        .iter()
        .flat_map(|p| &p.notes)
        .filter(|n| n.warning)
        .map(|n| &n.diagnostic)
        .collect();
    let mut said: Vec<&Diagnostic> = Vec::new();
    for warning in warnings {
        // A long attachment's page carries its file's notes too.
        if said.contains(&warning) {
            continue;
        }
        said.push(warning);
        if stdportal::report::json() {
            events::emit(&Event::Diagnostic(DiagnosticEvent::of(
                warning,
                Severity::Warning,
            )));
        } else if !stdportal::report::quiet() {
            tell!("{}", warning.remark(true));
        }
    }
}

/// A mark the typography pass changes, as a note at its line.
fn punctuation_note(fix: &stdportal::check::PunctuationFix, on: bool) -> DiagnosticEvent {
    let (before, after) = (fix.before.as_str(), fix.after.as_str());
    let message = if on {
        t!("check-punctuation-changed", before = before, after = after)
    } else {
        t!(
            "check-punctuation-would-change",
            before = before,
            after = after
        )
    };
    let note = Diagnostic::new(&fix.file, message).at_line(fix.line);
    DiagnosticEvent::of(&note, Severity::Note)
}

/// The typography pass's changes, by file: notes for the editor, not problems (the build
/// publishes the full-width marks whatever the source says, unless the pass is off).
fn print_punctuation(fixes: &[stdportal::check::PunctuationFix], on: bool) {
    if fixes.is_empty() {
        return;
    }
    if on {
        say!("{}", t!("check-punctuation-fixed"));
    } else {
        say!("{}", t!("check-punctuation-kept"));
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
        say!(
            "  {}",
            t!("check-punctuation-file", file = file.display(), marks = n)
        );
        for fix in &fixes[start..end] {
            say!(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("stdportal")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_is_found_before_clap_parses() {
        let found = |list: &[&str]| lang_in_args(&args(list));
        assert_eq!(found(&["--lang", "zh-Hant", "--help"]), Some(Lang::ZhHant));
        assert_eq!(found(&["build", "--help", "--lang=en"]), Some(Lang::En));
        assert_eq!(found(&["build", "--lang", "ZH-hans"]), Some(Lang::ZhHans));
        // What clap will refuse leaves the choice to the environment.
        assert_eq!(found(&["build", "--lang", "fr"]), None);
        assert_eq!(found(&["build", "--lang"]), None);
        assert_eq!(found(&["init", "--", "--lang=en"]), None);
        assert_eq!(found(&["build"]), None);
    }

    /// A subcommand or argument added to the derive without words in help.ftl fails here.
    #[test]
    fn every_command_and_argument_has_words_in_every_language() {
        fn check(command: &clap::Command, lang: Lang) {
            if command.get_name() == "help" {
                return;
            }
            assert!(
                command.get_about().is_some(),
                "{lang}: `{}` says nothing about itself",
                command.get_name()
            );
            for arg in command.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "{lang}: {} of `{}` has no help",
                    arg.get_id(),
                    command.get_name()
                );
            }
            for sub in command.get_subcommands() {
                check(sub, lang);
            }
        }
        for lang in Lang::ALL {
            i18n::set_language(lang);
            check(&localized_command(), lang);
        }
        i18n::set_language(Lang::En);
    }
}
