//! Trains dossier's part-of-speech tagger on a CoNLL-U treebank and writes the model.
//!
//! ```text
//! cargo run --release --example train_tagger -- TRAIN.conllu [DEV.conllu] [-o models/tagger.bin] [--epochs N] [--seed N]
//! ```
//!
//! The built-in model was made with
//! `cargo run --release --example train_tagger -- ../shared/data/ud-ewt/en_ewt-ud-train.conllu ../shared/data/ud-ewt/en_ewt-ud-dev.conllu`.
//! Training is deterministic: the same data and settings give the same bytes. `--seed N`
//! changes the shuffle between passes, to tell a real difference between two settings from
//! the spread of one setting's trainings (on EWT dev, about 0.1 point of UPOS).

use std::process::ExitCode;
use std::time::Instant;

use dossier::tagger::train::{TrainConfig, train, upos_accuracy};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    let mut out = String::from("models/tagger.bin");
    let mut cfg = TrainConfig::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" => out = args.next().unwrap_or(out),
            "--epochs" => cfg.epochs = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.epochs),
            "--seed" => cfg.seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.seed),
            "--prune" => cfg.prune = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.prune),
            "--dict-share" => {
                cfg.tagdict_min_share =
                    args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.tagdict_min_share)
            }
            "--dict-count" => {
                cfg.tagdict_min_count =
                    args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.tagdict_min_count)
            }
            "--min-class-count" => {
                cfg.min_class_count = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.min_class_count)
            }
            _ => files.push(a),
        }
    }
    let Some(train_path) = files.first() else {
        eprintln!(
            "usage: train_tagger TRAIN.conllu [DEV.conllu] [-o OUT] [--epochs N] [--seed N] [--prune X]"
        );
        return ExitCode::from(2);
    };
    let load = |p: &str| match dossier::conllu::read(p) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    };
    let Some(train_set) = load(train_path) else { return ExitCode::from(2) };
    let dev = match files.get(1) {
        Some(p) => match load(p) {
            Some(d) => Some(d),
            None => return ExitCode::from(2),
        },
        None => None,
    };
    let t = Instant::now();
    let bytes = train(&train_set, dev.as_deref(), &cfg, |line| eprintln!("{line} ({:.0?})", t.elapsed()));
    eprintln!("trained in {:.1?}; model {} bytes", t.elapsed(), bytes.len());
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    if let (Some(dev), Ok(tagger)) = (dev, dossier::tagger::Tagger::from_bytes(&bytes)) {
        eprintln!("dev UPOS accuracy {:.4}", upos_accuracy(&tagger, &dev));
    }
    eprintln!("wrote {out}");
    ExitCode::SUCCESS
}
