//! Trains dossier's entity model.
//!
//! ```text
//! cargo run --release --example train_ner -- [-o OUT.bin] [--dev FILE]... [--epochs N] [--seed N] [--runs N] [TRAIN_FILE...]
//! ```
//!
//! Each file is CoNLL-style NER data (token in the first column, tag in the last, IOB1, IOB2 or
//! BIOES, `-DOCSTART-` between documents; see `dossier::conll`). Without training files it
//! trains the built-in model: the train splits of the five corpora in
//! `$DOSSIER_SHARED/data/ner/` (UNER English EWT, GUM, Broad Twitter Corpus, WNUT-17, SEC
//! filings; `DOSSIER_SHARED` defaults to `../shared`), scored after each pass on their dev
//! splits. Training is deterministic: the same data, settings and dossier give the same bytes.
//! With the defaults (`--runs 3`: three perceptrons on their own shuffles, averaged) it
//! reproduces the shipped `gazetteers/ner.bin` byte for byte at the commit that last changed
//! it: the model's features include what the tokenizer, tagger, lists and rules find, so a
//! change to those trains the model again (`scripts/check_ner_model.sh` checks; see
//! `gazetteers/README.md`).
//!
//! Load the result with `Extractor::builder().ner_model("OUT.bin")`.

use std::process::ExitCode;

use dossier::ner::train::{Corpus, TrainConfig, train};

const CORPORA: [&str; 5] = ["uner-ewt", "gum", "btc", "wnut17", "sec"];

fn corpus(path: &str) -> Result<Corpus, String> {
    let docs = dossier::conll::read(path).map_err(|e| e.to_string())?;
    Ok(Corpus { name: path.to_string(), docs })
}

fn run() -> Result<(), String> {
    let mut out = String::from("gazetteers/ner.bin");
    let mut cfg = TrainConfig::default();
    let (mut train_files, mut dev_files) = (Vec::new(), Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" | "--out" => out = args.next().ok_or("-o needs a file")?,
            "--dev" => dev_files.push(args.next().ok_or("--dev needs a file")?),
            "--epochs" => {
                cfg.epochs = args.next().and_then(|v| v.parse().ok()).ok_or("--epochs needs a number")?
            }
            "--seed" => cfg.seed = args.next().and_then(|v| v.parse().ok()).ok_or("--seed needs a number")?,
            "--runs" => cfg.runs = args.next().and_then(|v| v.parse().ok()).ok_or("--runs needs a number")?,
            "--max-features" => {
                cfg.max_features =
                    args.next().and_then(|v| v.parse().ok()).ok_or("--max-features needs a number")?
            }
            "-h" | "--help" => {
                println!(
                    "usage: train_ner [-o OUT.bin] [--dev FILE]... [--epochs N] [--seed N] [--runs N] [--max-features N] [TRAIN_FILE...]"
                );
                return Ok(());
            }
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => train_files.push(a),
        }
    }
    if train_files.is_empty() {
        let shared = std::env::var("DOSSIER_SHARED").unwrap_or_else(|_| "../shared".into());
        for c in CORPORA {
            train_files.push(format!("{shared}/data/ner/{c}/train.txt"));
            let dev = format!("{shared}/data/ner/{c}/dev.txt");
            if std::path::Path::new(&dev).exists() {
                dev_files.push(dev);
            }
        }
    }
    let train_set = train_files.iter().map(|p| corpus(p)).collect::<Result<Vec<_>, _>>()?;
    let dev_set = dev_files.iter().map(|p| corpus(p)).collect::<Result<Vec<_>, _>>()?;
    // The model learns how far to trust the extractor's gazetteers and rules, so train with
    // the extractor it will run in: the built-in data.
    let extractor = dossier::Extractor::new();
    let t0 = std::time::Instant::now();
    let bytes = train(&extractor, &train_set, &dev_set, &cfg, |line| eprintln!("{line}"));
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes in {:.1} s", bytes.len(), t0.elapsed().as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
