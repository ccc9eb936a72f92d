//! Any text through the CoNLL NER reader (`dossier::conll::parse`, what `train_ner` and
//! `evaluate conll` read): Ok or Err, never a panic. When it parses, every tag is IOB2, every
//! chunk lies inside its sentence, `Document::text`'s spans map back to the tokens, and the
//! rebuilt text goes through the extractor.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let Ok(data) = std::str::from_utf8(data) else { return };
    let Ok(docs) = dossier::conll::parse("fuzz.conll", data) else { return };
    for d in &docs {
        assert!(!d.sentences.is_empty(), "the reader returned a document without sentences");
        for s in &d.sentences {
            assert_eq!(s.tokens.len(), s.tags.len(), "one tag per token");
            assert!(!s.tokens.is_empty(), "the reader returned an empty sentence");
            for t in &s.tags {
                assert!(t == "O" || t.starts_with("B-") || t.starts_with("I-"), "not IOB2: {t:?}");
            }
            for (a, b, kind) in s.entities() {
                assert!(a < b && b <= s.tokens.len(), "chunk {a}..{b} in {} tokens", s.tokens.len());
                assert!(!kind.is_empty());
            }
        }
        let (text, spans) = d.text();
        assert_eq!(spans.len(), d.sentences.len());
        for (s, sp) in d.sentences.iter().zip(&spans) {
            for (tok, &(a, b)) in s.tokens.iter().zip(sp) {
                assert_eq!(text.get(a..b), Some(tok.as_str()), "span {a}..{b} of token {tok:?}");
            }
        }
        dossier_fuzz::extract_and_check(&dossier_fuzz::EXTRACTOR, &text);
    }
});
