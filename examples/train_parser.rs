//! Trains dossier's dependency parser on a CoNLL-U treebank and writes the model.
//!
//! ```text
//! cargo run --release --example train_parser -- TRAIN.conllu [DEV.conllu] [-o models/parser.bin] [--epochs N] [--seed N] [--prune X]
//! ```
//!
//! The words are tagged by the built-in tagger first, so the parser learns from the tags it
//! will see at run time. The built-in model was made with
//! `cargo run --release --example train_parser -- ../shared/data/ud-ewt/en_ewt-ud-train.conllu ../shared/data/ud-ewt/en_ewt-ud-dev.conllu`.
//! Training is deterministic: the same data, tagger and settings give the same bytes.
//! `--seed N` changes the shuffle between passes: models trained with a few seeds show how much
//! of a difference between two settings is noise (on EWT dev, about half a point of LAS).

use std::process::ExitCode;
use std::time::Instant;

use dossier::parser::Parser;
use dossier::parser::train::{TrainConfig, attachment_scores, train};
use dossier::tagger::Tagger;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    let mut out = String::from("models/parser.bin");
    let mut cfg = TrainConfig::default();
    while let Some(a) = args.next() {
        let mut num = |d: f64| args.next().and_then(|v| v.parse::<f64>().ok()).unwrap_or(d);
        match a.as_str() {
            "-o" => out = args.next().unwrap_or(out),
            "--epochs" => cfg.epochs = num(cfg.epochs as f64) as usize,
            "--seed" => cfg.seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(cfg.seed),
            "--prune" => cfg.prune = num(cfg.prune as f64) as f32,
            "--explore" => cfg.explore_p = num(cfg.explore_p),
            "--max-transition-features" => {
                cfg.max_transition_features = num(cfg.max_transition_features as f64) as usize
            }
            "--max-label-features" => cfg.max_label_features = num(cfg.max_label_features as f64) as usize,
            "--jackknife" => cfg.jackknife = num(cfg.jackknife as f64) as usize,
            "--shortcut-min-count" => cfg.shortcut_min_count = num(cfg.shortcut_min_count as f64) as usize,
            "--shortcut-min-share" => cfg.shortcut_min_share = num(cfg.shortcut_min_share),
            "--vocab-min-count" => cfg.vocab_min_count = num(cfg.vocab_min_count as f64) as usize,
            _ => files.push(a),
        }
    }
    let Some(train_path) = files.first() else {
        eprintln!(
            "usage: train_parser TRAIN.conllu [DEV.conllu] [-o OUT] [--epochs N] [--seed N] [--prune X] [--explore P] [--shortcut-min-count N] [--shortcut-min-share X] [--vocab-min-count N]"
        );
        return ExitCode::from(2);
    };
    let Some(tagger) = Tagger::builtin() else {
        eprintln!("error: the parser trains on the built-in tagger's tags; build with the `builtin` feature");
        return ExitCode::from(2);
    };
    let load = |p: &str| dossier::conllu::read(p).map_err(|e| eprintln!("error: {e}")).ok();
    let Some(train_set) = load(train_path) else { return ExitCode::from(2) };
    let dev = match files.get(1) {
        Some(p) => match load(p) {
            Some(d) => Some(d),
            None => return ExitCode::from(2),
        },
        None => None,
    };
    let t = Instant::now();
    let bytes =
        train(&train_set, dev.as_deref(), tagger, &cfg, |line| eprintln!("{line} ({:.0?})", t.elapsed()));
    eprintln!("trained in {:.1?}; model {} bytes", t.elapsed(), bytes.len());
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("error: cannot write {out}: {e}");
        return ExitCode::from(1);
    }
    if let (Some(dev), Ok(parser)) = (dev, Parser::from_bytes(&bytes)) {
        let s = attachment_scores(&parser, tagger, &dev);
        eprintln!("dev UAS {:.4} LAS {:.4} over {} words", s.uas, s.las, s.tokens);
    }
    eprintln!("wrote {out}");
    ExitCode::SUCCESS
}
