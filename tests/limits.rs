//! Limits on absurd input: the document size (`Config::max_document_bytes`) and token pattern
//! files (line length, pattern length, regex size, backtracking).

use dossier::matcher::{Pattern, parse_patterns};
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

fn pattern_error(data: &str) -> String {
    parse_patterns("user.jsonl", data).map(|_| ()).expect_err("the pattern file must be refused").to_string()
}

#[test]
fn a_ten_megabyte_pattern_line_is_refused_with_file_and_line() {
    let huge = format!(
        "{{\"id\": \"big\", \"label\": \"ORG\", \"pattern\": [{{\"LOWER\": {{\"IN\": [{}]}}}}]}}",
        vec!["\"x\""; 10 << 20 >> 2].join(",")
    );
    assert!(huge.len() > 10 << 20);
    let data = format!("{{\"label\": \"ORG\", \"pattern\": \"fine\"}}\n{huge}\n");
    let e = pattern_error(&data);
    assert!(e.starts_with("user.jsonl:2: "), "{e}");
    assert!(e.contains("more than the limit"), "{e}");
}

#[test]
fn a_pattern_with_too_many_tokens_is_refused() {
    let tokens = vec![r#"{"LOWER": "a"}"#; 1000].join(",");
    let e = pattern_error(&format!("\n{{\"id\": \"long\", \"label\": \"ORG\", \"pattern\": [{tokens}]}}"));
    assert!(e.starts_with("user.jsonl:2: pattern \"long\": the pattern has 1000 tokens"), "{e}");
    let words = vec!["a"; 1000].join(" ");
    let e = pattern_error(&format!("{{\"id\": \"words\", \"label\": \"ORG\", \"pattern\": \"{words}\"}}"));
    assert!(e.contains("the pattern has 1000 tokens"), "{e}");
    // A million tokens is refused for its line length before anything is built.
    let million = vec!["{}"; 1_000_000].join(",");
    let e = pattern_error(&format!("{{\"id\": \"m\", \"label\": \"ORG\", \"pattern\": [{million}]}}"));
    assert!(e.starts_with("user.jsonl:1: "), "{e}");
}

#[test]
fn a_regex_too_large_to_compile_is_refused() {
    for (regex, why) in [
        (r"(?:\\w{100}){100}", "exceeds size limit"),
        (r"a{1000}{1000}", "exceeds size limit"),
        (&format!("{}a{}", "(".repeat(200), ")".repeat(200)), "maximum number of nested"),
        (&"a".repeat(20_000), "the REGEX is 20000 bytes long"),
    ] {
        let line =
            format!(r#"{{"id": "re", "label": "ORG", "pattern": [{{"TEXT": {{"REGEX": "{regex}"}}}}]}}"#);
        let e = pattern_error(&line);
        assert!(e.starts_with("user.jsonl:1: pattern \"re\": "), "{e}");
        assert!(e.contains(why), "{regex}: {e}");
    }
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let line = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = pattern_error(&line);
    assert!(e.starts_with("user.jsonl:1: "), "{e}");
}

#[test]
fn quantifiers_that_could_explode_are_bounded() {
    // 200 tokens that each match any number of words, then one that never matches: without a
    // bound, a 400-word sentence would backtrack through astronomically many splits.
    let mut tokens = vec![r#"{"OP": "*"}"#; 200];
    tokens.push(r#"{"IS_DIGIT": true, "LENGTH": 7}"#);
    let line = format!(r#"{{"id": "boom", "label": "ORG", "pattern": [{}]}}"#, tokens.join(","));
    let pattern = Pattern::parse_json(&line).expect("a valid, if silly, pattern");
    let ex = Extractor::builder().pattern(pattern).build().unwrap();
    let text = vec!["word"; 400].join(" ") + ".";
    let doc = ex.extract(&text);
    crate::check_document(&text, &doc);
    assert!(doc.entities().iter().all(|e| e.label != dossier::Label::Org));
    // A range quantifier takes numbers up to 65,535 and no more.
    let e = pattern_error(r#"{"id": "r", "label": "ORG", "pattern": [{"LOWER": "a", "OP": "{2,70000}"}]}"#);
    assert!(e.contains("unknown OP"), "{e}");
}
