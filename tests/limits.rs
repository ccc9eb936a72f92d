//! Limits on absurd input: the document size (`Config::max_document_bytes`).

use dossier::{Config, Extractor};

fn limited(n: usize) -> Extractor {
    Extractor::builder().config(Config::new().max_document_bytes(n)).build().expect("valid configuration")
}

#[test]
fn max_document_bytes_defaults_to_64_mib_and_must_be_positive() {
    assert_eq!(Config::new().get_max_document_bytes(), 64 << 20);
    assert_eq!(Config::new().max_document_bytes(10).get_max_document_bytes(), 10);
    let e = Extractor::builder().config(Config::new().max_document_bytes(0)).build().unwrap_err();
    assert!(e.to_string().contains("max_document_bytes"), "{e}");
}

#[test]
fn a_document_within_the_limit_is_not_truncated() {
    let text = "Ann Lee spoke in Paris.";
    let doc = limited(text.len()).extract(text);
    assert_eq!(doc.truncated(), None);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(!json.contains("truncated_at"), "{json}");
}

#[test]
fn an_over_long_document_is_analysed_up_to_a_sentence_boundary() {
    let text = "Ann Lee spoke in Paris. Bob Ray met CIA officials in Lahore on Monday. They left.";
    // The cut falls inside the second sentence: only the first is analysed.
    let doc = limited(40).extract(text);
    crate::check_document(text, &doc);
    assert_eq!(doc.truncated(), Some("Ann Lee spoke in Paris.".len()));
    assert_eq!(doc.text(), text, "the document keeps the whole text");
    assert_eq!(doc.sentences().len(), 1);
    assert!(doc.tokens().iter().all(|t| t.span().end <= 23));
    assert!(doc.entities().iter().any(|e| e.name == "Ann Lee"));
    assert!(!doc.entities().iter().any(|e| e.name.contains("Bob")));
    let json: serde_json::Value = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["truncated_at"], 23);
    // The same text with a limit past its end is whole.
    assert_eq!(limited(text.len()).extract(text).truncated(), None);
}

#[test]
fn one_over_long_sentence_is_cut_at_a_character_boundary() {
    // "é" is two bytes: a limit of 6 falls inside the third one.
    let text = "éééééééé no stop";
    let doc = limited(5).extract(text);
    crate::check_document(text, &doc);
    assert_eq!(doc.truncated(), Some(4));
    assert_eq!(doc.tokens().len(), 1);
    assert_eq!(doc.tokens()[0].text(), "éé");
    // A limit of 1 inside the first character analyses nothing, without panicking.
    let doc = limited(1).extract(text);
    crate::check_document(text, &doc);
    assert_eq!(doc.truncated(), Some(0));
    assert!(doc.tokens().is_empty());
}

#[test]
fn truncation_is_deterministic_and_never_panics_on_odd_input() {
    let texts = [
        "\n\n\n\n\n\n\n\n\n\n\nAnn.",
        "a.b.c.d.e.f.g.h.i.j.",
        "👍🏽👍🏽👍🏽👍🏽 . . . .",
        "U.S. U.S. U.S. U.S. U.S.",
    ];
    for text in texts {
        for n in 1..text.len() {
            let ex = limited(n);
            let doc = ex.extract(text);
            crate::check_document(text, &doc);
            let cut = doc.truncated().expect("over the limit");
            assert!(cut <= n && text.is_char_boundary(cut), "{text:?} at {n}: {cut}");
            let again = serde_json::to_string(&ex.extract(text)).unwrap();
            assert_eq!(serde_json::to_string(&doc).unwrap(), again);
        }
    }
}
