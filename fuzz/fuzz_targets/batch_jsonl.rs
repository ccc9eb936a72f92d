//! The JSONL batch input of `extract --input jsonl` / `--input keyed-jsonl`. The reader itself
//! lives in examples/extract.rs, not in the library, so this target does what it does with
//! public types: each line (after an optional `KEY<TAB>`) parsed into a `serde_json::Value`,
//! its `"text"` string (escapes, surrogate pairs, NULs and all) extracted and checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    for raw in data.split(|&b| b == b'\n') {
        // keyed-jsonl: KEY<TAB>JSON, the key ignored here.
        let body = match raw.iter().position(|&b| b == b'\t') {
            Some(i) if raw.first() != Some(&b'{') => &raw[i + 1..],
            _ => raw,
        };
        let line = String::from_utf8_lossy(body);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if let Some(text) = v.get("text").and_then(|t| t.as_str()) {
            dossier_fuzz::extract_and_check(&dossier_fuzz::EXTRACTOR, text);
        }
    }
});
