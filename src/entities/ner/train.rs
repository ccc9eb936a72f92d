//! Training the entity model: a structured averaged perceptron (Viterbi decoding) over the
//! features the model uses at run time, computed by the same extractor (tokenizer, tagger,
//! gazetteers, rules) that will run it. Deterministic: the same data, configuration and extractor give the same bytes.
//!
//! Corpora differ in what they annotate: the Universal NER and Broad Twitter corpora have no
//! MISC, so their other names are `O`. A label counts as annotated in a corpus when it has at
//! least [`TrainConfig::min_label_entities`] entities there; where the model predicts a label
//! the corpus does not annotate and the gold says `O`, nothing is learned from that token.

use std::collections::HashMap;

use super::features::TokenInfo;
use super::features::{MAX_STATIC, START, bilu, static_features, token_infos, transition_features};
use super::{Lattice, N_CLASSES, NerModel, NerSpan, class, class_names, spans_of};
use crate::Extractor;
use crate::conll;
use crate::hash::IdHash;
use crate::linear::Model;
use crate::linear::perceptron::{Weights, quantise, xorshift};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffle between passes (its lowest bit is ignored: 2 and 3 shuffle alike).
    pub seed: u64,
    /// Perceptrons trained, each on its own shuffle (seeds `seed`, `seed + 2`, ...), and
    /// averaged into the model.
    pub runs: usize,
    /// Averaged weights smaller than this (in perceptron units) are dropped.
    pub prune: f32,
    /// At most this many features are kept (those with the largest weights).
    pub max_features: usize,
    /// A label counts as annotated in a corpus with at least this many entities of it.
    pub min_label_entities: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            seed: 0x5eed_0e17_0000_0001,
            runs: 3,
            prune: 0.5,
            max_features: 400_000,
            min_label_entities: 20,
        }
    }
}

/// A named corpus of CoNLL documents (see [`crate::conll`]).
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The corpus's name, for the log.
    pub name: String,
    /// Its documents.
    pub docs: Vec<conll::Document>,
}

/// What training keeps of one sentence: per token, its static features and gold class.
struct Example {
    feats: Vec<u64>,
    starts: Vec<u32>,
    gold: Vec<usize>,
    /// The labels its corpus annotates (a bit per label of [`LABEL_NAMES`]).
    annotated: u8,
    /// The hashed infos of its tokens, for the dynamic features.
    infos: Vec<TokenInfo>,
}

/// The index of a CoNLL type in [`LABEL_NAMES`].
fn label_index(t: &str) -> Option<usize> {
    match t {
        "PER" | "PERSON" => Some(0),
        "ORG" | "ORGANIZATION" | "ORGANISATION" | "CORPORATION" | "GROUP" => Some(1),
        "LOC" | "LOCATION" | "GPE" => Some(2),
        "MISC" | "PRODUCT" | "CREATIVE-WORK" | "EVENT" => Some(3),
        _ => None,
    }
}

/// Counts of what preparing a corpus kept and dropped.
#[derive(Default)]
struct Prepared {
    examples: Vec<Example>,
    entities: usize,
    dropped: usize,
}

/// Runs the extractor's stages up to the model over every document and lays the gold entities
/// over dossier's own tokens (entities whose edges fall inside a token, or that cross one of
/// dossier's sentence ends, are dropped and counted).
fn prepare(extractor: &Extractor, corpus: &Corpus, min_label: usize) -> Prepared {
    let mut counts = [0usize; 4];
    for d in &corpus.docs {
        for s in &d.sentences {
            for (_, _, t) in s.entities() {
                if let Some(l) = label_index(&t) {
                    counts[l] += 1;
                }
            }
        }
    }
    let annotated = (0..4).filter(|&l| counts[l] >= min_label).fold(0u8, |m, l| m | 1 << l);
    let mut out = Prepared::default();
    for d in &corpus.docs {
        let (text, spans) = d.text();
        let input = extractor.entity_inputs(&text);
        let tokens = &input.tokens;
        let by_start: HashMap<usize, usize> =
            tokens.iter().enumerate().map(|(i, t)| (t.span().start, i)).collect();
        let by_end: HashMap<usize, usize> =
            tokens.iter().enumerate().map(|(i, t)| (t.span().end, i)).collect();
        let mut gold = vec![0usize; tokens.len()];
        for (s, sp) in d.sentences.iter().zip(&spans) {
            for (a, b, t) in s.entities() {
                let Some(l) = label_index(&t) else { continue };
                out.entities += 1;
                let (Some(&first), Some(&last)) = (by_start.get(&sp[a].0), by_end.get(&sp[b - 1].1)) else {
                    out.dropped += 1;
                    continue;
                };
                let sent = crate::entities::sentence_of(&input.sentences, first);
                if crate::entities::sentence_of(&input.sentences, last) != sent || last < first {
                    out.dropped += 1;
                    continue;
                }
                for (k, g) in gold.iter_mut().enumerate().take(last + 1).skip(first) {
                    *g = class(l, bilu(k, first, last + 1));
                }
            }
        }
        let infos = token_infos(tokens, &input.sentences, &input.tags, &input.evidence);
        let mut buf = Vec::with_capacity(MAX_STATIC);
        for s in &input.sentences {
            let r = s.tokens();
            let sinfos = infos[r.clone()].to_vec();
            let mut ex = Example {
                feats: Vec::new(),
                starts: vec![0],
                gold: gold[r.clone()].to_vec(),
                annotated,
                infos: sinfos,
            };
            for i in 0..r.len() {
                static_features(&ex.infos, i, &mut buf);
                ex.feats.extend_from_slice(&buf);
                ex.starts.push(ex.feats.len() as u32);
            }
            out.examples.push(ex);
        }
    }
    out
}

/// The transition features of token `i` after class `p` ([`N_CLASSES`] for the start).
fn transitions(ex: &Example, i: usize, p: usize) -> [u64; super::features::N_TRANSITION] {
    transition_features(&ex.infos, i, if p == N_CLASSES { START } else { p as u64 })
}

/// Labels one sentence with the training weights (the best sequence, as at run time).
fn decode(wts: &Weights, ex: &Example, lat: &mut Lattice, classes: &mut Vec<usize>) {
    let n = ex.gold.len();
    lat.reset(n);
    lat.clear_blocks();
    let mut scores = vec![0f32; N_CLASSES];
    for i in 0..n {
        wts.score(&ex.feats[ex.starts[i] as usize..ex.starts[i + 1] as usize], &mut scores);
        lat.emit_row(i).copy_from_slice(&scores);
        let (b, block) = lat.new_block();
        for (p, row) in block.iter_mut().enumerate() {
            wts.score(&transitions(ex, i, p), &mut scores);
            row.copy_from_slice(&scores);
        }
        lat.set_block(i, b);
    }
    lat.decode(classes, None);
}

/// The gold classes to learn from, given the prediction: where the model found a span of a
/// label the corpus does not annotate and the gold says "outside" all along it, the prediction
/// stands (there is nothing to learn there).
fn target(ex: &Example, pred: &[usize]) -> Vec<usize> {
    let mut gold = ex.gold.clone();
    let mut spans = Vec::new();
    spans_of(pred, &vec![0.0; pred.len()], 0, &mut spans);
    for s in spans {
        let l = super::LABELS.iter().position(|&x| x == s.label).unwrap_or(0);
        if ex.annotated & (1 << l) == 0 && ex.gold[s.first..s.end].iter().all(|&g| g == 0) {
            gold[s.first..s.end].copy_from_slice(&pred[s.first..s.end]);
        }
    }
    gold
}

/// Exact-span precision, recall and F1 of the model alone on prepared examples, over the
/// labels each corpus annotates.
fn score(wts: &Weights, examples: &[Example]) -> (f64, f64, f64) {
    let (mut pred, mut gold, mut correct) = (0usize, 0usize, 0usize);
    let mut ps = Vec::new();
    let mut gs = Vec::new();
    let mut lat = Lattice::default();
    let mut classes = Vec::new();
    for ex in examples {
        decode(wts, ex, &mut lat, &mut classes);
        ps.clear();
        gs.clear();
        let zeros = vec![0f32; classes.len()];
        spans_of(&classes, &zeros, 0, &mut ps);
        spans_of(&ex.gold, &zeros, 0, &mut gs);
        let keep = |s: &NerSpan| {
            let l = super::LABELS.iter().position(|&x| x == s.label).unwrap_or(0);
            ex.annotated & (1 << l) != 0
        };
        let key = |s: &NerSpan| (s.first, s.end, s.label);
        let gold_keys: Vec<_> = gs.iter().filter(|s| keep(s)).map(key).collect();
        for p in ps.iter().filter(|s| keep(s)) {
            pred += 1;
            if gold_keys.contains(&key(p)) {
                correct += 1;
            }
        }
        gold += gold_keys.len();
    }
    let p = if pred > 0 { correct as f64 / pred as f64 } else { 0.0 };
    let r = if gold > 0 { correct as f64 / gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Trains an entity model on `train` with the features `extractor` computes (build it as you
/// will run it: the model learns how far to trust its gazetteers and rules) and returns the
/// model file's bytes ([`NerModel::from_bytes`] reads them). `dev` corpora are only scored,
/// after each pass; `log` receives one line per corpus and pass.
pub fn train(
    extractor: &Extractor,
    train: &[Corpus],
    dev: &[Corpus],
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Vec<u8> {
    let mut examples = Vec::new();
    for c in train {
        let p = prepare(extractor, c, cfg.min_label_entities);
        log(&format!(
            "train {}: {} sentences, {} entities, {} dropped (edges inside a token or across sentences)",
            c.name,
            p.examples.len(),
            p.entities,
            p.dropped
        ));
        examples.extend(p.examples);
    }
    let devs: Vec<(String, Vec<Example>)> = dev
        .iter()
        .map(|c| (c.name.clone(), prepare(extractor, c, cfg.min_label_entities).examples))
        .collect();
    // Several perceptrons, each on its own order of the examples, averaged into one model: a
    // single run's weights depend on the order it saw the examples in, enough to move dev F1
    // by a point either way; their mean does not.
    let runs = cfg.runs.max(1);
    let mut mean: HashMap<u64, Vec<f32>, IdHash> = HashMap::with_hasher(IdHash);
    for run in 0..runs {
        let seed = cfg.seed.wrapping_add(2 * run as u64);
        let (wts, now) = train_one(&examples, &devs, cfg.epochs, seed, &mut |line| {
            log(&format!("run {}/{runs} {line}", run + 1))
        });
        for (key, row) in wts.averaged(now) {
            let m = mean.entry(key).or_insert_with(|| vec![0.0; N_CLASSES]);
            for (m, w) in m.iter_mut().zip(row) {
                *m += w / runs as f32;
            }
        }
    }
    let feats = quantise(mean.into_iter(), cfg.prune, cfg.max_features);
    log(&format!("{} features after pruning", feats.len()));
    let bytes = Model::write(&class_names(), &[], &feats);
    NerModel::wrap(&bytes)
}

/// One averaged perceptron: `epochs` passes over `examples` in an order shuffled by `seed`
/// (its lowest bit is ignored), scored on `devs` after each. Returns the weights and the time
/// their average is taken at.
fn train_one(
    examples: &[Example],
    devs: &[(String, Vec<Example>)],
    epochs: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Weights, u32) {
    let mut wts = Weights::new(N_CLASSES);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed | 1;
    let mut now: u32 = 0;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (xorshift(&mut rng) % (i as u64 + 1)) as usize);
        }
        let (mut seen, mut wrong) = (0usize, 0usize);
        let mut lat = Lattice::default();
        let mut pred = Vec::new();
        for &k in &order {
            let ex = &examples[k];
            decode(&wts, ex, &mut lat, &mut pred);
            let gold = target(ex, &pred);
            seen += gold.len();
            if pred != gold {
                // A structured perceptron's step: the gold sequence's features up, the
                // predicted one's down, wherever the two differ.
                for i in 0..gold.len() {
                    let (gp, pp) = if i == 0 { (N_CLASSES, N_CLASSES) } else { (gold[i - 1], pred[i - 1]) };
                    if gold[i] != pred[i] {
                        wrong += 1;
                        let feats = &ex.feats[ex.starts[i] as usize..ex.starts[i + 1] as usize];
                        wts.add(feats, gold[i], 1.0, now);
                        wts.add(feats, pred[i], -1.0, now);
                    }
                    if gold[i] != pred[i] || gp != pp {
                        wts.add(&transitions(ex, i, gp), gold[i], 1.0, now);
                        wts.add(&transitions(ex, i, pp), pred[i], -1.0, now);
                    }
                }
            }
            now += 1;
        }
        log(&format!(
            "epoch {}: {:.4} of tokens wrong, {} features",
            epoch + 1,
            wrong as f64 / seen.max(1) as f64,
            wts.len()
        ));
        for (name, exs) in devs {
            let (p, r, f) = score(&wts, exs);
            log(&format!("  dev {name}: P {p:.4} R {r:.4} F1 {f:.4} (current weights, model alone)"));
        }
    }
    (wts, now)
}
