//! Integration tests through the public API only, built as one binary.

mod api;
mod cli;
mod determinism;
mod entities;
mod gazetteer;
mod limits;
mod lists;
mod ner;
mod odd_inputs;
mod output;
mod parser;
mod references;
mod relations;
mod roles;
mod tagger;
mod tokenization;

/// Extracts `text` and checks the document's invariants ([`check_document`]).
pub fn extract<'t>(ex: &dossier::Extractor, text: &'t str) -> dossier::Document<'t> {
    let doc = ex.extract(text);
    check_document(text, &doc);
    doc
}

/// Every entity as (label, name, kb_id, [mention text @ start [source]]), for failure messages.
pub fn dump(doc: &dossier::Document<'_>) -> String {
    let rows: Vec<String> = doc
        .entities()
        .iter()
        .map(|e| {
            let ms: Vec<String> = e
                .mentions
                .iter()
                .map(|m| format!("{}@{} [{}]", doc.slice(m.span), m.span.start, m.source))
                .collect();
            format!("{} {:?} {:?} {}", e.label, e.name, e.kb_id, ms.join(", "))
        })
        .collect();
    rows.join("\n")
}

/// Checks every invariant a document promises about its spans.
pub fn check_document(text: &str, doc: &dossier::Document<'_>) {
    let mut prev_end = 0;
    for t in doc.tokens() {
        let r = t.span().range();
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} not on char boundaries"
        );
        assert_eq!(&text[r], t.text());
        assert!(!t.text().is_empty());
        assert!(t.span().start >= prev_end, "tokens overlap or are out of order");
        prev_end = t.span().end;
    }
    let mut next_token = 0;
    for s in doc.sentences() {
        assert_eq!(s.tokens().start, next_token, "sentences must cover every token in order");
        assert!(!s.tokens().is_empty());
        next_token = s.tokens().end;
        let toks = doc.sentence_tokens(s);
        assert_eq!(s.span().start, toks[0].span().start);
        assert_eq!(s.span().end, toks[toks.len() - 1].span().end);
        assert!(text.get(s.span().range()).is_some());
    }
    assert_eq!(next_token, doc.tokens().len());
    if doc.is_parsed() {
        for s in doc.sentences() {
            let r = s.tokens();
            let heads: Vec<Option<usize>> = r.clone().map(|i| doc.head(i).map(|h| h - r.start)).collect();
            check_tree(&heads);
        }
    }
    for e in doc.entities() {
        for m in &e.mentions {
            assert!(text.get(m.span.range()).is_some(), "mention span off char boundaries");
        }
    }
}

/// Checks that `heads` (sentence-relative, `None` for the root) form one tree: exactly one root,
/// every head in range, no cycles.
pub fn check_tree(heads: &[Option<usize>]) {
    if heads.is_empty() {
        return;
    }
    assert_eq!(heads.iter().filter(|h| h.is_none()).count(), 1, "exactly one root: {heads:?}");
    for (i, h) in heads.iter().enumerate() {
        if let Some(h) = h {
            assert!(*h < heads.len() && *h != i, "head {h} of {i} out of range: {heads:?}");
        }
        // Walking up from any word reaches the root within n steps.
        let (mut at, mut steps) = (i, 0);
        while let Some(h) = heads[at] {
            at = h;
            steps += 1;
            assert!(steps <= heads.len(), "cycle through {i}: {heads:?}");
        }
    }
}
