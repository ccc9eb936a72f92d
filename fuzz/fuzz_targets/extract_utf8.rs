//! Any UTF-8 text through the default extractor: it must not panic, and the document must keep
//! every invariant (spans on char boundaries and equal to their text, one tree per sentence,
//! triple arguments inside their sentence, JSON that parses back).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    // Not UTF-8: extract_lossy covers those inputs.
    if let Ok(text) = std::str::from_utf8(data) {
        dossier_fuzz::extract_and_check(&dossier_fuzz::EXTRACTOR, text);
    }
});
