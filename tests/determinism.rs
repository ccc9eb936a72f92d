//! Determinism as a property: for every generated input, the JSON of a document is the same
//! byte for byte whoever computes it: two runs, two extractors, another thread that has seen
//! other documents first (the tagger, lemmatiser and parser keep per-thread caches), and
//! `Extractor::extract_batch` on rayon's threads.
//!
//! `extract_batch` needs the `rayon` feature, which `cargo test` (default features, as .ci/run
//! runs it) would not turn on: Cargo.toml's dev-dependency on the crate itself with `rayon`
//! does, for test builds only. (The command line's batch mode, on 1 and 2 threads, is checked
//! in tests/cli.rs.)

use dossier::Extractor;

/// A fixed xorshift generator: reproducible inputs without a crate.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Documents drawn from the example article's sentences, shuffled and spliced with name-heavy
/// word salads and odd characters: 60 of them, from 0 to a few thousand bytes.
fn generated_documents() -> Vec<String> {
    let article = include_str!("../examples/article.txt");
    let sentences: Vec<&str> = article.split_inclusive(". ").collect();
    let words = [
        "Panetta",
        "Pasha",
        "Lahore",
        "CIA",
        "ISI",
        "Davis",
        "Pakistan",
        "the",
        "said",
        "officials",
        "Director",
        "General",
        "of",
        "in",
        "and",
        "Mr.",
        "U.S.",
        "Monday",
        "2011",
        "“",
        "”",
        "(",
        ")",
        ",",
        ".",
        "\n\n",
        "didn't",
        "Raymond",
        "was",
        "arrested",
        "by",
        "police",
        "é",
        "👍🏽",
    ];
    let mut rng = XorShift(0x5EED_D055_1E55_0001);
    (0..60)
        .map(|i| {
            let mut doc = String::new();
            for _ in 0..rng.below(8) {
                if rng.below(3) == 0 {
                    let n = 1 + rng.below(30);
                    let salad: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
                    doc.push_str(&salad.join(" "));
                    doc.push_str(". ");
                } else {
                    doc.push_str(sentences[rng.below(sentences.len())]);
                }
            }
            if i % 10 == 0 {
                doc.push_str(article);
            }
            doc
        })
        .collect()
}

fn json(ex: &Extractor, text: &str) -> String {
    serde_json::to_string(&ex.extract(text).with_tokens()).expect("serialises")
}

#[test]
fn the_same_input_gives_byte_identical_json_however_it_is_run() {
    let docs = generated_documents();
    let ex = Extractor::new();
    let first: Vec<String> = docs.iter().map(|d| json(&ex, d)).collect();
    // Again, same extractor, same thread: caches now warm.
    for (d, j) in docs.iter().zip(&first) {
        assert_eq!(&json(&ex, d), j, "a second run differs on {d:?}");
    }
    // A fresh extractor on another thread, the documents in reverse order (so each one meets
    // caches filled by different documents).
    let other = std::thread::spawn({
        let docs = docs.clone();
        move || {
            let ex = Extractor::new();
            docs.iter().rev().map(|d| json(&ex, d)).collect::<Vec<_>>()
        }
    })
    .join()
    .expect("the other thread");
    for ((d, j), k) in docs.iter().zip(&first).zip(other.iter().rev()) {
        assert_eq!(j, k, "another thread in another order differs on {d:?}");
    }
    // extract_batch, on rayon's threads (feature `rayon`, on for tests).
    let batch = ex.extract_batch(&docs);
    assert_eq!(batch.len(), docs.len());
    for ((d, doc), j) in docs.iter().zip(&batch).zip(&first) {
        assert_eq!(doc.text(), d.as_str());
        assert_eq!(&serde_json::to_string(&doc.with_tokens()).unwrap(), j, "extract_batch differs on {d:?}");
    }
    // And on a pool of one thread and of two.
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let batch = pool.install(|| ex.extract_batch(&docs));
        for (doc, j) in batch.iter().zip(&first) {
            assert_eq!(&serde_json::to_string(&doc.with_tokens()).unwrap(), j, "{threads} threads");
        }
    }
}
