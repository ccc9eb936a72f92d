//! The Rust side of the Python throughput benchmark (`python/bench/throughput.py`): extracts a
//! batch of articles as `Extractor::extract_batch` does, on a rayon pool, several times, and prints
//! one JSON line with the time of each run.
//!
//! ```sh
//! cargo run --release --example throughput -- DIR [--limit 1000] [--threads 2] [--repeat 5]
//! ```
//!
//! The files are the directory's `.txt` files in name order, the first `--limit` of them.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut limit, mut threads, mut repeat) = (None, 1000usize, 0usize, 5usize);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> usize {
            args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
                eprintln!("{name} needs a number");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--limit" => limit = num("--limit"),
            "--threads" => threads = num("--threads"),
            "--repeat" => repeat = num("--repeat").max(1),
            _ if dir.is_none() => dir = Some(a),
            _ => {
                eprintln!("usage: throughput DIR [--limit N] [--threads N] [--repeat N]");
                std::process::exit(2)
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: throughput DIR [--limit N] [--threads N] [--repeat N]");
        std::process::exit(2)
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            eprintln!("{dir}: {e}");
            std::process::exit(1)
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.truncate(limit);
    let texts: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
    let ex = dossier::Extractor::new();
    // One run to load every lazy table and warm the caches, as the Python side does.
    let warm = ex.extract(texts.first().map_or("", String::as_str));
    drop(warm);
    let mut seconds = Vec::new();
    for _ in 0..repeat {
        let t = Instant::now();
        // What `Extractor::extract_batch` does (feature `rayon`), written out so that the
        // example also builds where the crate's `rayon` feature is off.
        let docs: Vec<_> = pool.install(|| {
            use rayon::prelude::*;
            texts.par_iter().map(|t| ex.extract(t)).collect()
        });
        seconds.push(t.elapsed().as_secs_f64());
        assert_eq!(docs.len(), texts.len());
    }
    let list: Vec<String> = seconds.iter().map(|s| format!("{s:.4}")).collect();
    println!(
        "{{\"files\": {}, \"bytes\": {}, \"threads\": {}, \"seconds\": [{}]}}",
        texts.len(),
        bytes,
        pool.current_num_threads(),
        list.join(", ")
    );
}
