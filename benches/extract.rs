//! The whole `extract` (tokenise, tag, match, resolve, roles, parse, triples) on the news corpus,
//! one thread, document by document, in MB/s and words per second; and the same with the entity
//! model off (`rules`), measured in the same run, so the model's cost is a ratio of two
//! neighbouring figures. Counts are asserted so a speed-up cannot hide lost entities.
//! Run: `cargo bench --bench extract` (corpus: `DOSSIER_CORPUS`).

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

mod corpus;

fn bench(c: &mut Criterion) {
    let (docs, source) = corpus::documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let ex = dossier::Extractor::new();
    let entities: usize = docs.iter().map(|d| ex.extract(d).entities().len()).sum();
    eprintln!(
        "corpus: {source}: {} documents, {bytes} bytes, {words} words, {entities} entities",
        docs.len()
    );

    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| ex.extract(black_box(d)).entities().len()).sum();
            assert_eq!(n, entities);
            n
        })
    });
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("words", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| ex.extract(black_box(d)).entities().len()).sum();
            assert_eq!(n, entities);
            n
        })
    });
    let rules = dossier::Extractor::builder()
        .config(dossier::Config::new().ner(dossier::NerMode::Rules))
        .build()
        .expect("the default configuration builds");
    let rule_entities: usize = docs.iter().map(|d| rules.extract(d).entities().len()).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes_rules_only", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| rules.extract(black_box(d)).entities().len()).sum();
            assert_eq!(n, rule_entities);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
