//! Any text through the CoNLL-U reader (`dossier::conllu::parse`, what the tagger and parser
//! trainers and `evaluate` read): Ok or Err, never a panic. When it parses, each sentence's
//! words, rebuilt into text the way the evaluation does, go through the extractor.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let Ok(data) = std::str::from_utf8(data) else { return };
    let Ok(sentences) = dossier::conllu::parse(data) else { return };
    for s in &sentences {
        assert!(!s.words.is_empty(), "the reader returned a sentence without words");
        let mut text = String::new();
        for w in &s.words {
            text.push_str(&w.form);
            if !w.no_space_after {
                text.push(' ');
            }
        }
        dossier_fuzz::extract_and_check(&dossier_fuzz::EXTRACTOR, &text);
    }
});
