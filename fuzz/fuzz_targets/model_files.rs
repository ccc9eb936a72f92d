//! Any bytes as a model file: the entity model (`NerModel::from_bytes`, what `--ner-model` and
//! `ExtractorBuilder::ner_model` read), the tagger's and the parser's. Each must give Ok or
//! Err, never panic and never allocate without bound (run with `-rss_limit_mb=2048`; under
//! AddressSanitizer libFuzzer also fails any single allocation above that). A model that loads
//! must then work: tag, parse and extract without panicking.
#![no_main]

use dossier::Extractor;
use dossier::ner::NerModel;
use dossier::parser::Parser;
use dossier::tagger::Tagger;
use libfuzzer_sys::fuzz_target;

const WORDS: [&str; 8] = ["CIA", "Director", "Leon", "Panetta", "met", "him", "in", "Lahore"];

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    if let Ok(model) = NerModel::from_bytes(data) {
        let _ = model.classes();
        let extractor = Extractor::builder().ner(model).build().expect("a loaded model builds");
        dossier_fuzz::extract_and_check(&extractor, "CIA Director Leon Panetta met Gen. Kayani in Lahore.");
    }
    let tagger = Tagger::from_bytes(data);
    let tags = match &tagger {
        Ok(t) => t.tag(&WORDS),
        // The parser needs tags; the built-in tagger's will do.
        Err(_) => Tagger::builtin().expect("the builtin feature is on").tag(&WORDS),
    };
    assert_eq!(tags.len(), WORDS.len());
    if let Ok(parser) = Parser::from_bytes(data) {
        let deps = parser.parse(&WORDS, &tags);
        assert_eq!(deps.len(), WORDS.len());
        for d in &deps {
            assert!(d.head.is_none_or(|h| h < WORDS.len()), "head {:?} out of range", d.head);
        }
        let _ = parser.relations();
    }
});
