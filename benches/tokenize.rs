//! Tokenising and sentence-splitting throughput, against plain UAX #29 word boundaries over the
//! same text as the baseline. Run: `cargo bench --bench tokenize`
//! (corpus: `DOSSIER_CORPUS`, see benches/corpus.rs).

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

mod corpus;

fn bench(c: &mut Criterion) {
    let (text, source) = corpus::load();
    let tokenizer = dossier::text::Tokenizer::new();
    let (tokens, sentences) = dossier::text::analyze(&text, &tokenizer, 400);
    let expected_tokens = tokens.len();
    let expected_sentences = sentences.len();
    let raw_words = text.split_word_bound_indices().filter(|(_, w)| !w.trim().is_empty()).count();
    eprintln!(
        "corpus: {source}: {} bytes, {expected_tokens} tokens, {expected_sentences} sentences, {raw_words} raw non-space segments",
        text.len()
    );
    // Our tokens differ from raw segments only by merges and splits, so the counts stay close.
    assert!(
        expected_tokens as f64 > 0.9 * raw_words as f64 && (expected_tokens as f64) < 1.1 * raw_words as f64
    );

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("raw_uax29_word_bounds", |b| {
        b.iter(|| {
            let n = black_box(&text).split_word_bound_indices().count();
            assert!(n >= raw_words);
            n
        })
    });
    g.bench_function("dossier_tokenize_and_split", |b| {
        b.iter(|| {
            let (t, s) = dossier::text::analyze(black_box(&text), &tokenizer, 400);
            assert_eq!(t.len(), expected_tokens);
            assert_eq!(s.len(), expected_sentences);
            (t.len(), s.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
