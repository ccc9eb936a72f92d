//! Any text as a token-pattern JSONL file (`--patterns`, parsed by the same
//! `matcher::parse_patterns` that `ExtractorBuilder::patterns_path` uses): Ok or Err, never a
//! panic. When it parses, building an extractor with the patterns is Ok or Err, and when that
//! builds, extraction keeps every invariant.
#![no_main]

use dossier::Extractor;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "CIA Director Leon Panetta met Gen. Ashfaq Kayani in Islamabad on Monday, \
    officials said. \"We did not agree,\" he told the BBC (in 2011). 42 people were killed by \
    the U.S. drone strike at 3 p.m.";

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let Ok(jsonl) = std::str::from_utf8(data) else { return };
    let Ok(patterns) = dossier::matcher::parse_patterns("fuzz.jsonl", jsonl) else { return };
    for p in &patterns {
        let _ = (p.id(), p.label());
    }
    let mut builder = Extractor::builder();
    for p in patterns {
        builder.pattern(p);
    }
    let Ok(extractor) = builder.build() else { return };
    dossier_fuzz::extract_and_check(&extractor, TEXT);
    dossier_fuzz::extract_and_check(&extractor, jsonl);
});
