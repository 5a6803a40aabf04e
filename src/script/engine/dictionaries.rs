//! OpenCC's dictionary files, embedded in the binary (`assets/opencc/`), and how they are read.

/// One of OpenCC's dictionary files, as shipped in `assets/opencc/`.
pub struct DictionaryFile {
    /// The file's name without `.txt` (`STPhrases`).
    pub name: &'static str,
    /// Its text as shipped: `#` comment lines, then per line a phrase, a tab and its conversions
    /// (space-separated).
    pub text: &'static str,
}

macro_rules! dictionary_file {
    ($name:literal) => {
        DictionaryFile {
            name: $name,
            text: include_str!(concat!("../../../assets/opencc/", $name, ".txt")),
        }
    };
}

pub(super) const ST_PHRASES: DictionaryFile = dictionary_file!("STPhrases");
pub(crate) const ST_CHARACTERS: DictionaryFile = dictionary_file!("STCharacters");
pub(crate) const TS_PHRASES: DictionaryFile = dictionary_file!("TSPhrases");
pub(super) const TS_CHARACTERS: DictionaryFile = dictionary_file!("TSCharacters");
pub(super) const TW_VARIANTS: DictionaryFile = dictionary_file!("TWVariants");
pub(super) const TW_PHRASES: DictionaryFile = dictionary_file!("TWPhrases");
pub(super) const HK_VARIANTS: DictionaryFile = dictionary_file!("HKVariants");
pub(super) const TW_PHRASES_REV: DictionaryFile = dictionary_file!("TWPhrasesRev");
pub(super) const TW_VARIANTS_REV_PHRASES: DictionaryFile = dictionary_file!("TWVariantsRevPhrases");
pub(super) const TW_VARIANTS_REV: DictionaryFile = dictionary_file!("TWVariantsRev");

/// Every dictionary file the profiles use.
pub const DICTIONARY_FILES: [DictionaryFile; 10] = [
    ST_PHRASES,
    ST_CHARACTERS,
    TS_PHRASES,
    TS_CHARACTERS,
    TW_VARIANTS,
    TW_PHRASES,
    HK_VARIANTS,
    TW_PHRASES_REV,
    TW_VARIANTS_REV_PHRASES,
    TW_VARIANTS_REV,
];

/// The entries of one dictionary file: key and first value, in file order, as
/// `ferrous-opencc-compiler` keeps them (see the module documentation). A key given twice
/// appears twice; the later one wins.
pub fn parse_dictionary(text: &str) -> impl Iterator<Item = (&str, &str)> + '_ {
    // Lines as `BufRead::lines` cuts them: at `\n`, dropping `\r` only just before a `\n`.
    let lines = text
        .split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => line,
        });
    lines.filter_map(|line| {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let (key, values) = line.split_once('\t')?;
        if values.contains('\t') || key.is_empty() || values.split(' ').any(str::is_empty) {
            return None;
        }
        let first = values.split(' ').next()?;
        Some((key, first))
    })
}
