//! Progress on a terminal: drawn when stderr is one (a pseudo-terminal through `script`, from
//! util-linux, which every Debian and most Linux systems have), cleared before the summary
//! line; absent in a pipe, with `--quiet` and in CI.

use std::process::Command;

use crate::support::*;

/// `args` quoted for the shell `script -c` runs them with.
fn shell_words(args: &[&str]) -> String {
    args.iter()
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a person would see: the command run on a pseudo-terminal (stdout and stderr both on
/// it), everything it wrote there.
fn on_a_terminal(site: &TestSite, args: &[&str], configure: impl FnOnce(&mut Command)) -> String {
    let mut words = vec![stdportal_binary()];
    words.extend_from_slice(args);
    let root = site.root().to_str().unwrap().to_string();
    words.extend(["--root", &root]);
    let mut command = Command::new("script");
    command
        .args(["-qec", &shell_words(&words), "/dev/null"])
        .env_remove("CI")
        .env("TERM", "xterm-256color");
    configure(&mut command);
    let output = command
        .output()
        .expect("script (util-linux) runs the command on a pseudo-terminal");
    assert!(output.status.success(), "{}", stdout(&output));
    stdout(&output)
}

/// The text after the last "clear the line" (what stays on the screen at the end).
fn last_line(screen: &str) -> &str {
    let end = screen.rfind("\x1b[2K").map_or(0, |at| at + 4);
    &screen[end..]
}

#[test]
fn progress_is_drawn_on_a_terminal_and_cleared_before_the_summary() {
    let site = TestSite::basic();
    let screen = on_a_terminal(&site, &["build", "--no-search"], |_| {});
    for stage in ["Reading", "Rendering pages (both scripts)", "Publishing"] {
        assert!(
            screen.contains(stage),
            "no {stage:?} on the terminal:\n{screen:?}"
        );
    }
    // A count of pages, and the time.
    assert!(
        screen.contains(" pages") && screen.contains(" s"),
        "{screen:?}"
    );
    // Cleared: the summary line is what is left, alone on its line.
    let left = last_line(&screen);
    assert!(left.starts_with("Built "), "{left:?}");
    assert!(!left.contains("Reading") && !left.contains('━'), "{left:?}");

    // In the editor's language.
    let screen = on_a_terminal(
        &site,
        &["build", "--no-search", "--lang", "zh-Hant"],
        |_| {},
    );
    assert!(
        screen.contains("讀取") && screen.contains("產生頁面並轉換繁體"),
        "{screen:?}"
    );
    assert!(last_line(&screen).starts_with("已把 "), "{screen:?}");

    // check draws its own stage.
    let screen = on_a_terminal(&site, &["check"], |_| {});
    assert!(screen.contains("Checking pages"), "{screen:?}");
    let left = last_line(&screen);
    assert!(!left.contains("Checking pages"), "{left:?}");
    let summary = left.trim_end().lines().last().unwrap_or_default();
    assert!(summary.starts_with("Checked "), "{left:?}");
}

#[test]
fn no_progress_in_a_pipe_with_quiet_or_in_ci() {
    let site = TestSite::basic();
    // A pipe: stdout has the summary line only, stderr nothing.
    let output = site.build(&[]);
    assert_success(&output);
    assert_eq!(stderr(&output), "");
    assert!(stdout(&output).starts_with("Built ") && stdout(&output).lines().count() == 1);
    // Only stderr matters: stdout a terminal, stderr a pipe, nothing is drawn.
    let screen = on_a_terminal(&site, &["build", "--no-search"], |_| {});
    assert!(screen.contains("Reading"));
    let words = shell_words(&[
        stdportal_binary(),
        "build",
        "--no-search",
        "--root",
        site.root().to_str().unwrap(),
    ]);
    let output = Command::new("script")
        .args(["-qec", &format!("{words} 2>/dev/null"), "/dev/null"])
        .env_remove("CI")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert!(!stdout(&output).contains("Reading"), "{}", stdout(&output));
    assert!(stdout(&output).contains("Built "));
    // --quiet, CI and a dumb terminal draw nothing either.
    for (args, env) in [
        (vec!["build", "--no-search", "--quiet"], None),
        (vec!["build", "--no-search"], Some(("CI", "true"))),
        (vec!["build", "--no-search"], Some(("TERM", "dumb"))),
    ] {
        let screen = on_a_terminal(&site, &args, |command| {
            if let Some((name, value)) = env {
                command.env(name, value);
            }
        });
        assert!(!screen.contains("Reading"), "{args:?} {env:?}: {screen:?}");
    }
}
