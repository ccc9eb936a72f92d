//! Any bytes, decoded the way `extract --lossy` decodes them, through the default extractor:
//! the same invariants as extract_utf8, on text full of U+FFFD.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    dossier_fuzz::extract_and_check(&dossier_fuzz::EXTRACTOR, &text);
});
