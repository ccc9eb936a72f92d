//! Parsing speed (tokens per second, one thread, tags given) and model load time.
//! Run: `cargo bench --bench parser` (corpus: `DOSSIER_CORPUS`, see benches/corpus.rs).

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use dossier::parser::Parser;
use dossier::tagger::Tagger;

mod corpus;

fn bench(c: &mut Criterion) {
    let (text, source) = corpus::load();
    let ex = dossier::Extractor::builder().builtin(false).build().unwrap();
    let doc = ex.extract(&text);
    let sents: Vec<Vec<&str>> =
        doc.sentences().iter().map(|s| doc.sentence_tokens(s).iter().map(|t| t.norm()).collect()).collect();
    let n_tokens: usize = sents.iter().map(Vec::len).sum();
    eprintln!("corpus: {source}: {n_tokens} tokens in {} sentences", sents.len());
    let tagger = Tagger::builtin().expect("built-in tagger");
    let parser = Parser::builtin().expect("built-in parser");
    let tagged: Vec<_> = sents.iter().map(|s| (s, tagger.tag(s))).collect();
    let roots = |p: &Parser| -> usize {
        tagged.iter().map(|(s, t)| p.parse(black_box(s), t).iter().filter(|d| d.head.is_none()).count()).sum()
    };
    // Every sentence has exactly one root.
    assert_eq!(roots(parser), sents.iter().filter(|s| !s.is_empty()).count());

    let mut g = c.benchmark_group("parser");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(10);
    g.bench_function("parse_tokens", |b| b.iter(|| roots(parser)));
    g.bench_function("tag_and_parse_tokens", |b| {
        b.iter(|| {
            sents
                .iter()
                .map(|s| {
                    parser.parse(black_box(s), &tagger.tag(s)).iter().filter(|d| d.head.is_none()).count()
                })
                .sum::<usize>()
        })
    });
    g.finish();

    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/parser.bin")).unwrap();
    eprintln!("model file: {} bytes", bytes.len());
    let mut g = c.benchmark_group("parser_load");
    g.sample_size(10);
    g.bench_function("load_model", |b| b.iter(|| Parser::from_bytes(black_box(&bytes)).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
