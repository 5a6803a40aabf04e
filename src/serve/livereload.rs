//! The live-reload script and the pages `serve` makes itself (the error page).
//!
//! The script is inserted into HTML as it is served, so `build` output never contains it.

use std::sync::OnceLock;

use crate::i18n::{text_in, Lang};

/// Where pages listen for rebuilds (Server-Sent Events).
pub(super) const EVENTS_PATH: &str = "/__stdportal/events";

const SCRIPT: &str = include_str!("livereload.js");

/// The overlay's words for a page in one script: in that script when the editor's language is
/// Chinese, in English when it is English.
fn overlay_lang(hant: bool) -> Lang {
    match crate::i18n::language() {
        Lang::En => Lang::En,
        _ if hant => Lang::ZhHant,
        _ => Lang::ZhHans,
    }
}

/// The script with the overlay's words of both scripts in it (made once: the language is set
/// before serve starts).
fn script() -> &'static str {
    static SCRIPT_TEXT: OnceLock<String> = OnceLock::new();
    SCRIPT_TEXT.get_or_init(|| {
        let words = |hant: bool| {
            let lang = overlay_lang(hant);
            serde_json::json!({
                "title": text_in(lang, "overlay-title", &[]),
                "note": text_in(lang, "overlay-note", &[]),
                "close": text_in(lang, "overlay-close", &[]),
            })
            .to_string()
        };
        SCRIPT
            .replace("__STDPORTAL_TEXT_HANT__", &words(true))
            .replace("__STDPORTAL_TEXT_HANS__", &words(false))
            // `</script` inside would end the element early.
            .replace("</script", "<\\/script")
    })
}

/// The `<script>` element for a page made from the output files `deps` (`*`: any change) in the
/// build `build_id`.
pub(super) fn script_tag(deps: &[&str], build_id: &str) -> String {
    format!(
        "<script data-stdportal-paths=\"{}\" data-stdportal-build=\"{}\">\n{}</script>\n",
        crate::escape::html(&deps.join(" ")),
        crate::escape::html(build_id),
        script()
    )
}

/// `html` with `tag` inserted before its last `</body>` (or at the end if it has none).
pub(super) fn inject(html: &[u8], tag: &str) -> Vec<u8> {
    let at = rfind_ignore_case(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// The page served for every URL while no build has succeeded yet, or since a rebuild refused
/// a file (`withheld`): the same overlay the script shows, already in the HTML so it is
/// readable without JavaScript.
pub(super) fn error_page(message: &str, hant: bool, withheld: bool, build_id: &str) -> String {
    let words = overlay_lang(hant);
    let lang = if hant { "zh-Hant" } else { "zh-Hans" };
    let title = crate::escape::html(&text_in(words, "overlay-title", &[]));
    let note = if withheld {
        text_in(words, "overlay-withheld-note", &[])
    } else {
        text_in(words, "overlay-first-note", &[])
    };
    let note = crate::escape::html(&note);
    let close = crate::escape::html(&text_in(words, "overlay-close", &[]));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} - stdportal</title>\n\
</head>\n<body style=\"margin:0;font:1rem/1.6 system-ui,sans-serif;background:#eee\">\n\
<div id=\"__stdportal-overlay\" role=\"alertdialog\" aria-modal=\"true\" \
aria-labelledby=\"__stdportal-overlay-title\" aria-describedby=\"__stdportal-overlay-message\" \
style=\"padding:5vh 1rem\">\n<div style=\"max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;\
border-top:.4rem solid #b3261e;padding:1rem 1.5rem\">\n\
<h1 id=\"__stdportal-overlay-title\" style=\"margin:0 0 .5rem;color:#b3261e;font-size:1.4rem\">{title}</h1>\n\
<pre id=\"__stdportal-overlay-message\" style=\"white-space:pre-wrap;overflow-wrap:anywhere;\
background:#f6f6f6;padding:.75rem;margin:0 0 .75rem;font:.9rem/1.5 ui-monospace,monospace\">{message}</pre>\n\
<p style=\"margin:0 0 .75rem\">{note}</p>\n\
<button type=\"button\" style=\"font:inherit;padding:.3rem 1rem\">{close}</button>\n</div>\n</div>\n{script}</body>\n</html>\n",
        message = crate::escape::html(message),
        script = script_tag(&["*"], build_id),
    )
}

/// A plain 404 page for a site that has no `404.html` of its own, in the script of the URL.
pub(super) fn plain_not_found(hant: bool) -> String {
    let words = overlay_lang(hant);
    let title = crate::escape::html(&text_in(words, "serve-not-found-title", &[]));
    let home = crate::escape::html(&text_in(words, "serve-not-found-home", &[]));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n\
<body style=\"font:1rem/1.6 system-ui,sans-serif;max-width:40rem;margin:10vh auto;padding:0 1rem;color:#1a1a1a\">\n\
<h1>{title}</h1>\n<p><a href=\"/\">{home}</a></p>\n</body>\n</html>\n",
        lang = words.tag(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let html = b"<html><body><p>a</p></BODY></html>";
        let out = String::from_utf8(inject(html, "<script>x</script>")).unwrap();
        assert_eq!(out, "<html><body><p>a</p><script>x</script></BODY></html>");
        let out = String::from_utf8(inject(b"<p>no body", "<s>")).unwrap();
        assert_eq!(out, "<p>no body<s>");
    }

    #[test]
    fn the_script_tag_carries_its_dependencies_escaped() {
        let tag = script_tag(&["a/index.html", "x\"<y"], "n-1");
        assert!(tag.starts_with(
            "<script data-stdportal-paths=\"a/index.html x&quot;&lt;y\" data-stdportal-build=\"n-1\">"
        ));
        assert!(tag.contains("EventSource"));
        assert_eq!(tag.matches("</script").count(), 1);
    }

    #[test]
    fn the_error_page_shows_the_message_escaped_in_the_pages_script() {
        let page = error_page("content/a.md:3:1: error: <bad>", false, false, "n-0");
        assert!(page.contains("<html lang=\"zh-Hans\">"));
        assert!(page.contains("role=\"alertdialog\""));
        assert!(page.contains("Build failed"), "the library speaks English");
        assert!(page.contains("content/a.md:3:1: error: &lt;bad&gt;"));
        let page = error_page("x", true, false, "n-0");
        assert!(page.contains("<html lang=\"zh-Hant\">") && page.contains("Build failed"));
    }

    #[test]
    fn the_plain_404_page_is_in_the_words_and_language_of_the_messages() {
        let page = plain_not_found(false);
        assert!(
            page.contains("<html lang=\"en\">"),
            "the library speaks English"
        );
        assert!(page.contains("<title>Page not found</title>"));
        assert!(page.contains("<a href=\"/\">Back to the home page</a>"));
    }
}
