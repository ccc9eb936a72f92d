//! Any UTF-8 text through extractors with the settings that change the pipeline's shape: tiny
//! sentence and document limits (the splitting and truncation paths), each entity mode, and no
//! parse. The first byte picks the extractor; the rest is the text.
#![no_main]

use std::sync::LazyLock;

use dossier::{Config, Extractor, NerMode};
use libfuzzer_sys::fuzz_target;

static EXTRACTORS: LazyLock<Vec<Extractor>> = LazyLock::new(|| {
    let configs = [
        Config::new().max_sentence_tokens(1),
        Config::new().max_sentence_tokens(3),
        Config::new().max_document_bytes(1),
        Config::new().max_document_bytes(40).max_sentence_tokens(5),
        Config::new().ner(NerMode::Rules),
        Config::new().ner(NerMode::Model),
        Config::new().parse(false),
        Config::new().ner(NerMode::Model).max_sentence_tokens(2).parse(false),
    ];
    configs.into_iter().map(|c| Extractor::builder().config(c).build().expect("valid settings")).collect()
});

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    if let Ok(text) = std::str::from_utf8(rest) {
        let extractor = &EXTRACTORS[pick as usize % EXTRACTORS.len()];
        dossier_fuzz::extract_and_check(extractor, text);
    }
});
