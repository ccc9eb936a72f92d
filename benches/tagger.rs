//! Tagging speed (tokens per second, one thread) and model load time.
//! Run: `cargo bench --bench tagger` (corpus: `DOSSIER_CORPUS`, see benches/corpus.rs).

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
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
    let verbs =
        sents.iter().flat_map(|s| tagger.tag(s)).filter(|t| t.upos == dossier::tagger::Upos::Verb).count();

    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Elements(n_tokens as u64));
    g.sample_size(10);
    g.bench_function("tag_tokens", |b| {
        b.iter(|| {
            let mut v = 0;
            for s in &sents {
                v +=
                    tagger.tag(black_box(s)).iter().filter(|t| t.upos == dossier::tagger::Upos::Verb).count();
            }
            assert_eq!(v, verbs);
            v
        })
    });
    g.finish();

    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/tagger.bin")).unwrap();
    eprintln!("model file: {} bytes", bytes.len());
    let mut g = c.benchmark_group("tagger_load");
    g.sample_size(20);
    g.bench_function("load_model", |b| b.iter(|| Tagger::from_bytes(black_box(&bytes)).unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
