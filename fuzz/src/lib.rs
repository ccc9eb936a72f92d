//! What every fuzz target checks of an extraction: the invariants DESIGN.md promises, written
//! as assertions so that libFuzzer reports a broken one as a crash with the input that broke
//! it.

use std::sync::LazyLock;

use dossier::{Argument, Document, Extractor, Span};

/// The default extractor (all the built-in data), built once per process: building it takes
/// a few hundred milliseconds, extracting from a short input well under one.
pub static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Loads the built-in data (lists, lexicons, models) before the first input, from each target's
/// `init`: under AddressSanitizer that takes seconds, which libFuzzer would otherwise charge to
/// the first input as a slow unit or, on a busy machine, a timeout.
pub fn init() {
    LazyLock::force(&EXTRACTOR);
}

/// Extracts with `extractor` and checks the result.
pub fn extract_and_check(extractor: &Extractor, text: &str) {
    let doc = extractor.extract(text);
    check_document(text, &doc, extractor.config().get_parse());
}

/// Checks every invariant of `doc`, the extraction of `text`. `parsed`: whether the extractor
/// was configured to parse (then every sentence must have its tree).
pub fn check_document(text: &str, doc: &Document<'_>, parsed: bool) {
    assert!(std::ptr::eq(doc.text(), text), "the document must borrow the text it was given");
    let analysed = doc.truncated().unwrap_or(text.len());
    assert!(analysed <= text.len() && text.is_char_boundary(analysed), "truncated at {analysed}");
    check_tokens(text, doc, analysed);
    check_sentences(text, doc);
    if parsed {
        check_trees(doc);
    }
    check_entities(text, doc);
    check_roles(doc);
    check_triples(text, doc);
    check_outputs(doc);
}

/// `span` lies on char boundaries of `text` (so slicing cannot panic).
fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(
        text.get(span.range()).is_some(),
        "{what}: span {span:?} is not on char boundaries of a text of {} bytes",
        text.len()
    );
}

fn check_tokens(text: &str, doc: &Document<'_>, analysed: usize) {
    let mut prev_end = 0;
    for (i, t) in doc.tokens().iter().enumerate() {
        let span = t.span();
        check_span(text, span, "token");
        assert_eq!(&text[span.range()], t.text(), "token {i}'s text must be its span's text");
        assert!(!t.text().is_empty(), "token {i} is empty");
        assert!(span.start >= prev_end, "token {i} overlaps the one before or is out of order");
        assert!(span.end <= analysed, "token {i} lies past the truncation point {analysed}");
        prev_end = span.end;
    }
    let tags = doc.tags().len();
    assert!(tags == 0 || tags == doc.tokens().len(), "{tags} tags for {} tokens", doc.tokens().len());
}

fn check_sentences(text: &str, doc: &Document<'_>) {
    let mut next = 0;
    for (n, s) in doc.sentences().iter().enumerate() {
        let r = s.tokens();
        assert_eq!(r.start, next, "sentence {n} must start where the one before ended");
        assert!(!r.is_empty(), "sentence {n} has no tokens");
        assert!(r.end <= doc.tokens().len(), "sentence {n}'s tokens {r:?} run past the end");
        next = r.end;
        check_span(text, s.span(), "sentence");
        let toks = doc.sentence_tokens(s);
        assert_eq!(s.span().start, toks[0].span().start, "sentence {n} must start at its first token");
        assert_eq!(s.span().end, toks[toks.len() - 1].span().end, "sentence {n} must end at its last token");
    }
    assert_eq!(next, doc.tokens().len(), "the sentences must cover every token");
}

/// Every sentence has exactly one tree: one root, every head a token of the same sentence,
/// and no cycles.
fn check_trees(doc: &Document<'_>) {
    assert!(doc.is_parsed(), "the extractor parses, but the document has no parse");
    for (n, s) in doc.sentences().iter().enumerate() {
        let r = s.tokens();
        let mut roots = 0;
        for i in r.clone() {
            assert!(doc.deprel(i).is_some(), "token {i} has no relation");
            match doc.head(i) {
                None => roots += 1,
                Some(h) => {
                    assert!(r.contains(&h), "token {i}'s head {h} is outside sentence {n} ({r:?})");
                    assert_ne!(h, i, "token {i} heads itself");
                }
            }
        }
        assert_eq!(roots, 1, "sentence {n} ({r:?}) has {roots} roots");
        // Walking up from any token reaches the root within as many steps as there are tokens.
        for i in r.clone() {
            let (mut at, mut steps) = (i, 0);
            while let Some(h) = doc.head(at) {
                at = h;
                steps += 1;
                assert!(steps <= r.len(), "a cycle through token {i} in sentence {n}");
            }
        }
    }
}

fn check_entities(text: &str, doc: &Document<'_>) {
    let sentences = doc.sentences();
    for (k, e) in doc.entities().iter().enumerate() {
        assert_eq!(e.id.index(), k, "entity {k} has id {:?}", e.id);
        assert!(doc.entity(e.id).is_some());
        assert!(!e.mentions.is_empty(), "entity {k} has no mention");
        for m in &e.mentions {
            check_span(text, m.span, "mention");
            assert!(!m.span.is_empty(), "entity {k} has an empty mention");
            assert_eq!(doc.slice(m.span), &text[m.span.range()]);
            let s = sentences.get(m.sentence);
            assert!(s.is_some(), "entity {k}'s mention names sentence {} of {}", m.sentence, sentences.len());
            let s = s.unwrap().span();
            assert!(
                s.contains(m.span),
                "entity {k}'s mention {:?} {:?} lies outside its sentence {s:?}",
                m.span,
                &text[m.span.range()]
            );
        }
    }
}

fn check_roles(doc: &Document<'_>) {
    let n = doc.entities().len();
    for r in doc.roles() {
        for id in [r.person, r.title, r.org].into_iter().flatten() {
            assert!(id.index() < n, "role names entity {id:?} of {n}");
        }
        assert!(
            r.sentence < doc.sentences().len(),
            "role in sentence {} of {}",
            r.sentence,
            doc.sentences().len()
        );
    }
}

/// Every argument, the predicate, each adjunct and the attribution lie inside the triple's
/// sentence, and every entity they name exists.
fn check_triples(text: &str, doc: &Document<'_>) {
    let n = doc.entities().len();
    for (k, t) in doc.triples().iter().enumerate() {
        let s = doc.sentences().get(t.sentence);
        assert!(s.is_some(), "triple {k} names sentence {} of {}", t.sentence, doc.sentences().len());
        let s = s.unwrap().span();
        let inside = |span: Span, what: &str| {
            check_span(text, span, what);
            assert!(s.contains(span), "triple {k}'s {what} {span:?} lies outside its sentence {s:?}");
        };
        let arg = |a: &Argument, what: &str| {
            inside(a.span, what);
            if let Some(id) = a.entity {
                assert!(id.index() < n, "triple {k}'s {what} names entity {id:?} of {n}");
            }
        };
        arg(&t.subject, "subject");
        arg(&t.object, "object");
        inside(t.predicate.span, "predicate");
        for a in &t.adjuncts {
            arg(a, "adjunct");
        }
        if let Some(a) = &t.attribution {
            arg(a, "attribution");
        }
        assert!((0.0..=1.0).contains(&t.confidence), "triple {k}'s confidence {}", t.confidence);
    }
}

/// Every output format is written without panicking, and the JSON forms parse back.
fn check_outputs(doc: &Document<'_>) {
    for json in [serde_json::to_string(doc), serde_json::to_string(&doc.with_tokens())] {
        let json = json.expect("a document always serialises");
        let v: serde_json::Value = serde_json::from_str(&json).expect("the JSON output parses back");
        assert_eq!(v["schema"], dossier::SCHEMA_VERSION);
        assert_eq!(v["sentences"].as_array().map(Vec::len), Some(doc.sentences().len()));
        assert_eq!(v["entities"].as_array().map(Vec::len), Some(doc.entities().len()));
        assert_eq!(v["triples"].as_array().map(Vec::len), Some(doc.triples().len()));
    }
    for line in doc.to_conllu().lines() {
        if !line.is_empty() && !line.starts_with('#') {
            assert_eq!(line.split('\t').count(), 10, "a CoNLL-U line without ten columns: {line:?}");
        }
    }
    let view = dossier::output::View::new(doc);
    let _ = (view.entities_csv(), view.triples_csv(), view.conll(), view.dot(), view.html());
}
