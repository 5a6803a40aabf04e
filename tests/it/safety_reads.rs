//! Every file of a site is read through one function (src/read.rs), in `build`, `check` and
//! `serve` alike: a link out of the site, a named pipe, a device, a socket, a loop of links, a
//! file over the limit of its kind and a name that is not text are refused, quickly, without
//! being read, naming the file; the previous `public/` stays as it was. Each case runs the real
//! binary with a memory limit and a deadline (support/bounded.rs), so a regression fails the
//! test instead of hanging the suite or filling the memory. serve.rs holds the same cases
//! while `serve` runs.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::bounded::run_bounded;
use crate::support::*;

/// A refusal reads nothing of the file: it is as quick as any build of the fixture.
const QUICK: Duration = Duration::from_secs(20);

/// A whole build of the basic fixture holds under 50 MB at its peak (debug binary); a
/// refusal that read `/dev/zero` up to the memory limit would hold close to a gigabyte.
const LITTLE_MEMORY: u64 = 256 << 20;

/// Makes a named pipe at `path` (as `mkfifo` does).
pub(crate) fn fifo(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let _ = std::fs::remove_file(path);
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Replaces `path` with a link to `target`.
pub(crate) fn link(target: impl AsRef<Path>, path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let _ = std::fs::remove_file(path);
    std::os::unix::fs::symlink(target, path).unwrap();
}

/// Makes `path` a file of `bytes` that takes no room on the disk (`truncate -s`).
pub(crate) fn sparse(path: &Path, bytes: u64) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let file = std::fs::File::create(path).unwrap();
    file.set_len(bytes).unwrap();
}

const GB: u64 = 1 << 30;

/// Builds the basic fixture, breaks it, and checks that `build` and `check` refuse it in time
/// and within the memory limit with exit 1 and every part of `expected`, that `build` says it
/// in Chinese with every part of `zh_hans`, and that `public/` is byte for byte as it was.
fn refused(break_it: impl FnOnce(&TestSite), expected: &[&str], zh_hans: &[&str]) -> String {
    let site = TestSite::basic();
    site.built();
    let public = tree(&site.public());
    break_it(&site);
    let mut message = String::new();
    for (args, parts) in [
        (vec!["build"], expected),
        (vec!["check"], expected),
        (vec!["build", "--lang", "zh-Hans"], zh_hans),
    ] {
        let run = run_bounded(site.command(&args));
        let said = assert_refused(&run.output, parts);
        assert!(run.took < QUICK, "{args:?} took {:?}:\n{said}", run.took);
        assert!(
            run.peak_memory < LITTLE_MEMORY,
            "{args:?} held {} MB:\n{said}",
            run.peak_memory >> 20
        );
        if args == ["build"] {
            message = said;
        }
    }
    assert_same_tree(&public, &tree(&site.public()), "a refused build");
    message
}

// ---- Pages ------------------------------------------------------------------------------------

#[test]
fn a_page_linked_to_dev_zero_is_refused_unread() {
    refused(
        |site| link("/dev/zero", &site.path("content/policies/zero.md")),
        &[
            "content/policies/zero.md: error: this link points outside the site, to /dev/zero",
            "help: copy the file into the site instead of linking to it",
        ],
        &["content/policies/zero.md: 错误：这个链接指向网站以外的 /dev/zero"],
    );
}

#[test]
fn a_page_that_is_a_named_pipe_is_refused_without_waiting() {
    refused(
        |site| fifo(&site.path("content/policies/pipe.md")),
        &[
            "content/policies/pipe.md: error: this is not an ordinary file but a named pipe (FIFO)",
            "help: put the file itself here, or remove this one",
        ],
        &[
            "content/policies/pipe.md: 错误：这不是普通文件，而是命名管道（FIFO）",
            "提示：请在这里放入文件本身，或者删除它",
        ],
    );
}

#[test]
fn a_page_linked_to_a_named_pipe_in_the_site_names_both() {
    refused(
        |site| {
            fifo(&site.path("inbox"));
            link("../../inbox", &site.path("content/policies/inbox.md"));
        },
        &["content/policies/inbox.md: error: this link leads to inbox, which is not an ordinary file but a named pipe (FIFO)"],
        &["content/policies/inbox.md: 错误：这个链接指向 inbox，它不是普通文件，而是命名管道（FIFO）"],
    );
}

#[test]
fn a_page_linked_to_a_named_pipe_outside_the_site_is_refused_unopened() {
    let outside = tempfile::tempdir().unwrap();
    let pipe = outside.path().join("pipe");
    fifo(&pipe);
    let target = pipe.canonicalize().unwrap();
    refused(
        |site| link(&pipe, &site.path("content/policies/pipe.md")),
        &[&format!(
            "content/policies/pipe.md: error: this link points outside the site, to {}",
            target.display()
        )],
        &["content/policies/pipe.md: 错误：这个链接指向网站以外的"],
    );
}

#[test]
fn a_page_over_the_limit_is_refused() {
    refused(
        |site| {
            let body = "标准化".repeat(33 * 1024 * 1024 / 9 + 1);
            site.page("policies/long.md", &format!("+++\ntitle = \"长\"\n+++\n{body}"));
        },
        &[
            "content/policies/long.md: error: this file is 33.0 MB, more than the 32 MB stdportal reads of a page",
            "help: split it into several pages",
        ],
        &["content/policies/long.md: 错误：这个文件有 33.0 MB，超过了 stdportal 读取页面的上限 32 MB"],
    );
}

#[test]
fn a_sparse_ten_gigabyte_page_is_refused_before_it_is_read() {
    refused(
        |site| sparse(&site.path("content/policies/huge.md"), 10 * GB),
        &["content/policies/huge.md: error: this file is 10.0 GB, more than the 32 MB stdportal reads of a page"],
        &["这个文件有 10.0 GB，超过了 stdportal 读取页面的上限 32 MB", "提示：请把它拆成几个页面"],
    );
}

#[test]
fn a_loop_of_links_is_said_to_be_a_loop() {
    refused(
        |site| {
            link("b.md", &site.path("content/policies/a.md"));
            link("a.md", &site.path("content/policies/b.md"));
        },
        &[
            "content/policies/a.md: error: this link leads round in a loop",
            "content/policies/b.md: error: this link leads round in a loop",
            "help: remove the link, or point it to a file",
        ],
        &["content/policies/a.md: 错误：这个链接绕成了一个圈"],
    );
}

#[test]
fn links_to_the_processs_own_files_are_outside_the_site() {
    let message = refused(
        |site| {
            link(
                "/proc/self/environ",
                &site.path("content/policies/environ.md"),
            );
            link("/dev/stdin", &site.path("content/policies/stdin.md"));
            link("/proc/self/cwd", &site.path("content/here"));
        },
        &[
            "content/policies/environ.md: error: this link points outside the site, to /proc/",
            "content/policies/stdin.md: error: this link points outside the site",
            "content/here: error: this is a link to",
        ],
        &["content/policies/environ.md: 错误：这个链接指向网站以外的 /proc/"],
    );
    assert!(!message.contains("PATH="), "{message}");
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_text_is_refused_never_published_with_a_replacement_character() {
    use std::os::unix::ffi::OsStrExt;
    // 你好.md and a folder 文件 saved in GBK, as an old Windows archive holds them.
    let page_name: &[u8] = b"\xc4\xe3\xba\xc3.md";
    let folder_name: &[u8] = b"\xce\xc4\xbc\xfe";
    let shown = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    let (page, folder) = (shown(page_name), shown(folder_name));
    assert!(page.contains('\u{fffd}') && folder.contains('\u{fffd}'));
    let message = refused(
        |site| {
            let name = |bytes: &[u8]| std::ffi::OsStr::from_bytes(bytes).to_os_string();
            let path = site.path("content/policies").join(name(page_name));
            write(&path, "+++\ntitle = \"你好\"\n+++\n正文\n");
            let dir = site.path("content").join(name(folder_name));
            write(&dir.join("a.md"), "+++\ntitle = \"甲\"\n+++\n正文\n");
            write(&dir.join("b.md"), "+++\ntitle = \"乙\"\n+++\n正文\n");
        },
        &[
            &format!("content/policies/{page}: error: the name “{page}” is not readable text"),
            &format!("content/{folder}: error: the name “{folder}” is not readable text"),
            "help: rename it, for example in the file manager",
        ],
        &[
            &format!("content/policies/{page}: 错误：名称“{page}”不是能读的文字"),
            "提示：请重新命名",
        ],
    );
    assert_eq!(
        message.matches("error:").count(),
        2,
        "one problem for the folder, not one per file in it:\n{message}"
    );
}

/// `chmod 000` stops everyone but root: as root (in CI), the build runs as `nobody` on a site
/// that `nobody` owns.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_one_problem_not_one_per_page_that_names_it() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let site = TestSite::basic();
    site.built();
    let public = tree(&site.public());
    // SAFETY: geteuid only reads the process's user id.
    let root_user = unsafe { libc::geteuid() } == 0;
    const NOBODY: u32 = 65534;
    if root_user {
        for entry in walkdir::WalkDir::new(site.root()) {
            let entry = entry.unwrap();
            std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY)).unwrap();
        }
    }
    let policies = site.path("content/policies");
    std::fs::set_permissions(&policies, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = |lang: &str| {
        let mut command = site.command(&["build", "--lang", lang]);
        if root_user {
            command.uid(NOBODY).gid(NOBODY);
        }
        run_bounded(command).output
    };
    let message = assert_refused(
        &run("en"),
        &[
            "content/policies: error: cannot read this folder: permission denied",
            "help: check that you may open and read this folder",
        ],
    );
    // The interpretation and the data name the plan of content/policies/: not reported again.
    assert_eq!(message.matches("error:").count(), 1, "{message}");
    assert_refused(
        &run("zh-Hans"),
        &["content/policies: 错误：无法读取这个文件夹：没有权限"],
    );
    std::fs::set_permissions(&policies, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_same_tree(&public, &tree(&site.public()), "a refused build");
}

// ---- Configuration, dictionary, data, theme ----------------------------------------------------

#[test]
fn config_toml_as_a_named_pipe_is_refused_without_waiting() {
    refused(
        |site| fifo(&site.path("config.toml")),
        &["config.toml: error: this is not an ordinary file but a named pipe (FIFO)"],
        &["config.toml: 错误：这不是普通文件，而是命名管道（FIFO）"],
    );
}

#[test]
fn config_toml_linked_to_dev_zero_is_refused_unread() {
    refused(
        |site| link("/dev/zero", &site.path("config.toml")),
        &["config.toml: error: this link points outside the site, to /dev/zero"],
        &["config.toml: 错误：这个链接指向网站以外的 /dev/zero"],
    );
}

#[test]
fn the_dictionary_as_a_named_pipe_or_linked_to_dev_zero_is_refused() {
    refused(
        |site| fifo(&site.path("data/dictionary.toml")),
        &["data/dictionary.toml: error: this is not an ordinary file but a named pipe (FIFO)"],
        &["data/dictionary.toml: 错误：这不是普通文件，而是命名管道（FIFO）"],
    );
    refused(
        |site| link("/dev/zero", &site.path("data/dictionary.toml")),
        &["data/dictionary.toml: error: this link points outside the site, to /dev/zero"],
        &["data/dictionary.toml: 错误：这个链接指向网站以外的 /dev/zero"],
    );
}

#[test]
fn a_data_table_as_a_named_pipe_linked_to_dev_zero_or_huge_is_refused() {
    let message = refused(
        |site| fifo(&site.path("data/observations.csv")),
        &["data/observations.csv: error: this is not an ordinary file but a named pipe (FIFO)"],
        &["data/observations.csv: 错误：这不是普通文件，而是命名管道（FIFO）"],
    );
    // The indicators whose observations could not be read are not reported as without any.
    assert_eq!(message.matches("error:").count(), 1, "{message}");
    refused(
        |site| link("/dev/zero", &site.path("data/observations.csv")),
        &["data/observations.csv: error: this link points outside the site, to /dev/zero"],
        &["data/observations.csv: 错误：这个链接指向网站以外的 /dev/zero"],
    );
    refused(
        |site| sparse(&site.path("data/observations.csv"), 10 * GB),
        &[
            "data/observations.csv: error: this file is 10.0 GB, more than the 64 MB stdportal reads of a data table",
            "help: split the table into several files in a folder named after it",
        ],
        &["data/observations.csv: 错误：这个文件有 10.0 GB，超过了 stdportal 读取数据表的上限 64 MB"],
    );
}

#[test]
fn a_workbook_over_the_limit_is_refused_before_it_is_unpacked() {
    refused(
        |site| sparse(&site.path("data/汇总.xlsx"), 60 << 20),
        &[
            "data/汇总.xlsx: error: this file is 60 MB, more than the 50 MB stdportal reads of a workbook",
            "help: split it into several workbooks",
        ],
        &["data/汇总.xlsx: 错误：这个文件有 60 MB，超过了 stdportal 读取工作簿的上限 50 MB"],
    );
}

#[test]
fn a_template_as_a_named_pipe_linked_to_dev_zero_or_huge_is_refused() {
    let page = "themes/default/templates/page.html";
    let message = refused(
        |site| fifo(&site.path(page)),
        &[&format!(
            "{page}: error: this is not an ordinary file but a named pipe (FIFO)"
        )],
        &[&format!(
            "{page}: 错误：这不是普通文件，而是命名管道（FIFO）"
        )],
    );
    assert_eq!(
        message.matches("error:").count(),
        1,
        "not also missing:\n{message}"
    );
    let message = refused(
        |site| link("/dev/zero", &site.path(page)),
        &[&format!(
            "{page}: error: this link points outside the site, to /dev/zero"
        )],
        &[&format!("{page}: 错误：这个链接指向网站以外的 /dev/zero")],
    );
    assert!(!message.contains("is missing"), "{message}");
    refused(
        |site| sparse(&site.path("templates/page.html"), 5 << 20),
        &[
            "templates/page.html: error: this file is 5 MB, more than the 4 MB stdportal reads of a settings file, template or labels file",
            "help: nobody writes a file this large by hand",
        ],
        &["templates/page.html: 错误：这个文件有 5 MB，超过了 stdportal 读取配置文件、模板或界面文字文件的上限 4 MB"],
    );
}

#[test]
fn a_labels_file_as_a_named_pipe_is_refused() {
    let labels = "themes/default/i18n/zh-Hans.toml";
    let message = refused(
        |site| fifo(&site.path(labels)),
        &[&format!(
            "{labels}: error: this is not an ordinary file but a named pipe (FIFO)"
        )],
        &[&format!(
            "{labels}: 错误：这不是普通文件，而是命名管道（FIFO）"
        )],
    );
    assert_eq!(message.matches("error:").count(), 1, "{message}");
}

#[test]
fn a_static_file_as_a_named_pipe_a_socket_linked_to_dev_zero_or_huge_is_refused() {
    refused(
        |site| fifo(&site.path("static/feed.xml")),
        &["static/feed.xml: error: this is not an ordinary file but a named pipe (FIFO)"],
        &["static/feed.xml: 错误：这不是普通文件，而是命名管道（FIFO）"],
    );
    refused(
        |site| {
            std::fs::create_dir_all(site.path("static")).unwrap();
            let socket = std::os::unix::net::UnixListener::bind(site.path("static/agent.sock"));
            drop(socket.unwrap()); // the socket file stays
        },
        &["static/agent.sock: error: this is not an ordinary file but a socket"],
        &["static/agent.sock: 错误：这不是普通文件，而是套接字"],
    );
    refused(
        |site| link("/dev/zero", &site.path("themes/default/static/modes.js")),
        &["themes/default/static/modes.js: error: this link points outside the site, to /dev/zero"],
        &["themes/default/static/modes.js: 错误：这个链接指向网站以外的 /dev/zero"],
    );
    refused(
        |site| {
            std::fs::create_dir_all(site.path("static")).unwrap();
            sparse(&site.path("static/video.mp4"), 10 * GB);
        },
        &[
            "static/video.mp4: error: this file is 10.0 GB, more than the 256 MB stdportal reads of a static file",
            "help: put a file this large on a file server and link to it from a page",
        ],
        &["static/video.mp4: 错误：这个文件有 10.0 GB，超过了 stdportal 读取静态文件的上限 256 MB"],
    );
}

/// A hard link is the file itself under another name, not a way out: made inside the site, it
/// is a file of the site and is read like one (a system that allows it lets only someone who
/// may read the file make one; Linux's `protected_hardlinks` also asks to own it).
#[test]
fn a_hard_link_is_a_file_of_the_site() {
    let site = TestSite::basic();
    let elsewhere = site.path("shared.md");
    write(&elsewhere, "+++\ntitle = \"共用\"\n+++\n共用的正文\n");
    std::fs::hard_link(&elsewhere, site.path("content/policies/shared.md")).unwrap();
    site.built();
    assert!(site
        .read("policies/shared/index.html")
        .contains("共用的正文"));
}

// ---- stdportal's own files beside and in the output --------------------------------------------

/// A link committed where the build keeps its lock (`.stdportal-public-lock`, beside
/// `public/`) had the build empty the file it led to and write its process id there: any file
/// the editor may write, `~/.bashrc` as well. The lock is opened without following a link.
#[test]
fn a_link_in_place_of_the_lock_file_is_removed_and_what_it_leads_to_is_untouched() {
    let outside = tempfile::tempdir().unwrap();
    let precious = outside.path().join("precious.txt");
    std::fs::write(&precious, "precious").unwrap();
    let site = TestSite::basic();
    site.built();
    let lock = site.path(".stdportal-public-lock");
    link(&precious, &lock);
    let run = run_bounded(site.command(&["build"]));
    assert_success(&run.output);
    assert!(
        stderr(&run.output).contains(".stdportal-public-lock was not what stdportal keeps there"),
        "{}",
        stderr(&run.output)
    );
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "precious");
    assert!(!lock.is_symlink());
    std::fs::remove_file(&lock).unwrap();
    fifo(&lock);
    let public = tree(&site.public());
    let run = run_bounded(site.command(&["build", "--lang", "zh-Hans"]));
    // The output folder's trouble, not the site's: exit status 2.
    assert_refused_output(&run.output, &[".stdportal-public-lock"]);
    assert_same_tree(&public, &tree(&site.public()), "a refused build");
}

#[test]
fn the_outputs_manifest_as_a_pipe_or_linked_to_dev_zero_is_refused() {
    let site = TestSite::basic();
    site.built();
    let manifest = site.public().join(".stdportal-manifest");
    for make in [fifo as fn(&Path), |p: &Path| link("/dev/zero", p)] {
        make(&manifest);
        let public = tree(&site.public());
        let run = run_bounded(site.command(&["build"]));
        assert_refused_output(
            &run.output,
            &[".stdportal-manifest) is a link, a folder or a pipe, not a file"],
        );
        assert!(run.peak_memory < LITTLE_MEMORY);
        assert_same_tree(&public, &tree(&site.public()), "a refused build");
    }
}

/// A link committed in place of a folder stdportal keeps beside the output had the build
/// move the old site into the folder it led to and empty that folder: a link to `~` as
/// `.stdportal-public-trash` removed everything in the home folder. Such a link is not
/// stdportal's: the build removes the link alone, says so, and builds.
#[test]
fn a_link_in_place_of_stdportals_own_folders_is_removed_and_what_it_leads_to_is_untouched() {
    let victim = tempfile::tempdir().unwrap();
    write(&victim.path().join("docs/thesis.txt"), "important");
    let site = TestSite::basic();
    site.built();
    for folder in ["trash", "next", "old"] {
        let name = format!(".stdportal-public-{folder}");
        link(victim.path(), &site.path(&name));
        let run = run_bounded(site.command(&["build"]));
        assert_success(&run.output);
        assert!(!site.path(&name).is_symlink(), "{folder}: the link is left");
        let left: Vec<_> = walkdir::WalkDir::new(victim.path())
            .into_iter()
            .map(|e| e.unwrap().path().to_path_buf())
            .collect();
        assert_eq!(left.len(), 3, "{folder}: {left:?}");
        assert_eq!(
            std::fs::read_to_string(victim.path().join("docs/thesis.txt")).unwrap(),
            "important"
        );
    }
    site.built();
}

/// The walk skips hidden files and folders; a link to one (`static/x.txt` → `../.git/config`,
/// which may hold a token in a remote's address) is refused too.
#[test]
fn a_link_to_a_hidden_file_of_the_site_is_refused() {
    let message = refused(
        |site| {
            write(
                &site.path(".git/config"),
                "[remote \"origin\"]\n\turl = https://editor:TOKEN-5R@git.example/portal\n",
            );
            link("../.git/config", &site.path("static/git-config.txt"));
        },
        &["static/git-config.txt: error: this link leads to .git/config, a hidden file of the site"],
        &["static/git-config.txt: 错误：这个链接指向网站里的隐藏文件 .git/config"],
    );
    assert!(!message.contains("TOKEN-5R"));
}

/// A workbook is a zip archive: 7 MB of it unpacked to 1.9 GB, which calamine read for a
/// minute, past a gigabyte of memory. One whose parts say they unpack to more than the limits
/// is refused before anything is unpacked (and the zip reader unpacks no part past its stated
/// size, so the sizes cannot lie). Here a small workbook's directory says its sheet is 300 MB.
#[test]
fn a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_unpacked() {
    use crate::support::workbooks::{xlsx, SheetData, Value};
    let mut bytes = xlsx(&[SheetData {
        name: "观测",
        headers: &["城市", "指标", "日期", "实际值", "来源"],
        rows: vec![crate::support::workbooks::observation(
            Value::Text("2024-12-31"),
            Value::Number(1.0),
        )],
    }]);
    // The sheet's entry in the zip's central directory: its unpacked size is at byte 24.
    let name = b"xl/worksheets/sheet1.xml";
    let entry = (0..bytes.len() - 46 - name.len())
        .find(|&i| bytes[i..].starts_with(b"PK\x01\x02") && bytes[i + 46..].starts_with(name))
        .expect("the sheet's directory entry");
    bytes[entry + 24..entry + 28].copy_from_slice(&(300u32 << 20).to_le_bytes());
    refused(
        |site| {
            site.file("data/汇总.xlsx", &bytes);
        },
        &[
            "data/汇总.xlsx: error: the part \"xl/worksheets/sheet1.xml\" of this workbook unpacks to 300 MB: a part of more than 128 MB is not read",
        ],
        &["data/汇总.xlsx: 错误：这个工作簿的组成部分“xl/worksheets/sheet1.xml”解压后有 300 MB：超过 128 MB 的组成部分不读取"],
    );
}
