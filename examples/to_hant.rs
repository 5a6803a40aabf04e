//! Converts Simplified text on standard input to Traditional (OpenCC s2twp by default, or the
//! profile named as the first argument), for translators writing `locales/zh-Hant/`:
//! `cargo run --example to_hant < locales/zh-Hans/data.ftl`. Review the output: Taiwan
//! vocabulary (s2twp) is what the Traditional catalogue uses (建置, 資料夾, 檔案).

use std::io::Read;

use stdportal::script::dictionary::SiteDictionary;
use stdportal::script::{Converter, Script, TraditionalProfile};

fn main() {
    let profile = match std::env::args().nth(1).as_deref() {
        Some("s2t") => TraditionalProfile::S2t,
        Some("s2tw") => TraditionalProfile::S2tw,
        Some("s2hk") => TraditionalProfile::S2hk,
        _ => TraditionalProfile::S2twp,
    };
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("standard input is UTF-8 text");
    let converter = Converter::new(profile, &SiteDictionary::default());
    print!("{}", converter.convert(Script::Hant, &text));
}
