//! Gazetteer matcher throughput against raw Aho-Corasick (LeftmostLongest, same lower-cased
//! patterns, over the same lower-cased text), for the built-in gazetteer and for synthetic
//! gazetteers of 1,000, 100,000 and 1,000,000 two- and three-word names. Also prints build time
//! and memory at each size and the default Extractor's build time.
//! Run: `cargo bench --bench gazetteer` (corpus: `DOSSIER_CORPUS`, see benches/corpus.rs).

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use dossier::Label;
use dossier::matcher::{Entry, Gazetteer};

mod corpus;

/// Deterministic xorshift.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `n` distinct multi-word names built from the corpus's capitalised words, so some really occur.
fn synthetic_names(text: &str, n: usize) -> Vec<String> {
    let mut vocab: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    vocab.sort_unstable();
    vocab.dedup();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut seen = std::collections::HashSet::with_capacity(n);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let words = 2 + (rng.next() % 2) as usize;
        let name: Vec<&str> = (0..words).map(|_| vocab[(rng.next() % vocab.len() as u64) as usize]).collect();
        let name = name.join(" ");
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(c: &mut Criterion) {
    let (text, source) = corpus::load();
    let lower = text.to_lowercase();
    let ex = dossier::Extractor::builder().builtin(false).build().unwrap();
    let doc = ex.extract(&text);
    eprintln!("corpus: {source}: {} bytes, {} tokens", text.len(), doc.tokens().len());

    // The default Extractor's build time (first build parses the embedded lists and builds the
    // automaton; later builds share it), measured in a fresh process by bench `extractor_build`.
    let t = Instant::now();
    let _ = dossier::Extractor::new();
    eprintln!("default Extractor build (first, in this process): {:?}", t.elapsed());

    let mut sets: Vec<(String, Vec<Entry>)> = Vec::new();
    for n in [1_000usize, 100_000, 1_000_000] {
        let names = synthetic_names(&text, n);
        let entries = names
            .into_iter()
            .enumerate()
            .map(|(i, name)| Entry::new(format!("syn:{i}"), Label::Org, name))
            .collect();
        sets.push((format!("synthetic_{n}"), entries));
    }

    let mut g = c.benchmark_group("gazetteer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));

    // The built-in gazetteer, through the public API.
    {
        let t = Instant::now();
        let ex_builtin = dossier::Extractor::new();
        drop(ex_builtin);
        let _ = t;
    }
    let builtin_entries = builtin_entries();
    let mut all: Vec<(String, Vec<Entry>)> = vec![("builtin".into(), builtin_entries)];
    all.extend(sets);

    for (name, entries) in &all {
        let mut builder = Gazetteer::builder(name.clone());
        for e in entries {
            builder.push(e.clone());
        }
        let mut times = Vec::new();
        let mut gaz = None;
        for _ in 0..3 {
            let t = Instant::now();
            let built = builder.build().unwrap();
            times.push(t.elapsed());
            gaz = Some(built);
        }
        let gaz = gaz.unwrap();
        // Raw Aho-Corasick on the same lower-cased patterns.
        let mut patterns: Vec<String> = Vec::new();
        for e in entries {
            patterns.push(e.name().to_lowercase());
            patterns.extend(e.aliases().iter().map(|a| a.to_lowercase()));
        }
        patterns.sort_unstable();
        patterns.dedup();
        let t = Instant::now();
        let raw = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).unwrap();
        let raw_build = t.elapsed();
        let found = gaz.find(doc.tokens(), doc.sentences()).len();
        let raw_found = raw.find_iter(&lower).count();
        eprintln!(
            "{name}: {} entries, {} surfaces; build median {:?} (raw aho-corasick {:?}); memory {:.1} MB (raw automaton {:.1} MB); {} matches on token boundaries, {} raw matches",
            gaz.len(),
            gaz.surface_count(),
            median(times),
            raw_build,
            gaz.memory_usage() as f64 / 1e6,
            raw.memory_usage() as f64 / 1e6,
            found,
            raw_found
        );
        g.bench_with_input(BenchmarkId::new("raw_aho_corasick", name), &lower, |b, h| {
            b.iter(|| {
                let n = raw.find_iter(black_box(h.as_str())).count();
                assert_eq!(n, raw_found);
                n
            })
        });
        g.bench_with_input(BenchmarkId::new("dossier_gazetteer", name), &doc, |b, d| {
            b.iter(|| {
                let m = gaz.find(black_box(d.tokens()), d.sentences());
                assert_eq!(m.len(), found);
                m.len()
            })
        });
    }
    g.finish();
}

/// The built-in lists as entries (parsed from the files the crate embeds).
fn builtin_entries() -> Vec<Entry> {
    let mut out = Vec::new();
    // Every built-in list (the files of the built-in gazetteer).
    for file in [
        "place.tsv",
        "org.tsv",
        "norp.tsv",
        "title.tsv",
        "party.tsv",
        "university.tsv",
        "club.tsv",
        "congress.tsv",
        "news_org.tsv",
        "company.tsv",
    ] {
        let data =
            std::fs::read_to_string(format!("{}/gazetteers/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let c: Vec<&str> = line.split('\t').collect();
            let mut e = Entry::new(c[0], Label::parse(c[1]).unwrap(), c[2]);
            for a in c[3].split('|').filter(|a| !a.is_empty()) {
                e = e.alias(a);
            }
            for kv in c[4].split(';').filter(|a| !a.is_empty()) {
                let (k, v) = kv.split_once('=').unwrap();
                e = e.attr(k, v);
            }
            out.push(e);
        }
    }
    out
}

fn extractor_build(c: &mut Criterion) {
    // Time to a usable default Extractor when the process starts cold is measured once above;
    // here, the cost of building one more (the data is shared after the first).
    let mut g = c.benchmark_group("extractor");
    g.sample_size(20);
    g.bench_function("build_default_warm", |b| b.iter(dossier::Extractor::new));
    g.finish();
}

criterion_group!(benches, bench, extractor_build);
criterion_main!(benches);
