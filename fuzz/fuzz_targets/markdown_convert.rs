//! Markdown → HTML → script conversion: any text renders, converts to both scripts without a
//! panic, and conversion keeps the markup (the same tags in the same order).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stdportal::content::markdown::{render, MarkdownOptions};
use stdportal::script::html::convert_html;
use stdportal::script::{Converter, Script, SiteDictionary, TraditionalProfile};

fn converter() -> &'static Converter {
    static CONVERTER: OnceLock<Converter> = OnceLock::new();
    CONVERTER.get_or_init(|| Converter::new(TraditionalProfile::S2t, &SiteDictionary::default()))
}

fn tags(html: &str) -> Vec<&str> {
    html.split('<').skip(1).filter_map(|s| s.split([' ', '>']).next()).collect()
}

fuzz_target!(|text: &str| {
    for (allow_raw_html, punctuation) in [(false, false), (true, false), (false, true)] {
        let options = MarkdownOptions { allow_raw_html, punctuation };
        let rendered = render(text, &options, &|text| text.into());
        for script in Script::ALL {
            if let Ok(converted) = convert_html(converter(), script, &rendered.html) {
                if !allow_raw_html {
                    assert_eq!(tags(&converted), tags(&rendered.html));
                }
            }
        }
    }
});
