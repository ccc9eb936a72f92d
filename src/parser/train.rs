//! Training the parser: arc-hybrid transitions with a dynamic oracle and exploration, and an
//! arc labeller, both averaged perceptrons. Deterministic for a given seed.
//!
//! Used by `examples/train_parser.rs`; exposed so that anyone can retrain on their own CoNLL-U
//! data with exactly the features the parser uses at run time.

use super::features::{
    LEFT, N_LABEL, N_TRANSITION, RIGHT, SHIFT, State, TRANSITION_NAMES, Words, label_features,
    transition_features,
};
use super::{Children, Parser, label_hash, label_top_down};
use crate::conllu;
use crate::linear::Model;
use crate::linear::perceptron::{Weights, argmax_f, xorshift};
use crate::tagger::train::word_form;
use crate::tagger::{Tag, Tagger};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffle and of exploration.
    pub seed: u64,
    /// Averaged weights smaller than this (in perceptron units) are dropped from the model.
    pub prune: f32,
    /// From this pass on, the parser follows its own (possibly wrong) prediction ...
    pub explore_from: usize,
    /// ... this share of the time, and learns to recover from its mistakes.
    pub explore_p: f64,
    /// Tag the training data by jackknifing: split it in this many parts and tag each with a
    /// tagger trained on the others, so the parser learns from tags as noisy as at run time
    /// (0 or 1: tag it with the given tagger, which has seen it).
    pub jackknife: usize,
    /// At most this many transition features are kept (the strongest): a smaller table means
    /// fewer cache and TLB misses, which is what parsing time is made of.
    pub max_transition_features: usize,
    /// At most this many label features are kept.
    pub max_label_features: usize,
    /// An arc whose (dependent tag, head tag, direction) was seen at least this many times in
    /// training ...
    pub shortcut_min_count: usize,
    /// ... with one label at least this share of the time gets that label without scoring
    /// ("DET" left of "NOUN" is "det"): labelling is a large share of parsing time, and these
    /// arcs are most of the easy ones.
    pub shortcut_min_share: f64,
    /// Words seen fewer times than this in training share one "unknown word" in every feature.
    /// At run time a word the model cannot know then costs no lookups that would miss every
    /// cache (its features are one shared key, not fresh ones absent from the model). At 1 (only
    /// unseen words) scores are exactly those without a vocabulary; at 2 the rare words' features
    /// are learnt together, which moved EWT dev LAS +0.002 and test -0.003 and was not kept.
    pub vocab_min_count: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 15,
            seed: 0x9a45_0e11_7bd3_0002,
            prune: 0.5,
            explore_from: 1,
            explore_p: 0.9,
            jackknife: 5,
            max_transition_features: 700_000,
            max_label_features: 90_000,
            shortcut_min_count: 30,
            shortcut_min_share: 0.95,
            vocab_min_count: 1,
        }
    }
}

/// A treebank sentence ready for training: words, predicted tags, gold heads (`n` for the
/// root) and gold label numbers.
struct Prepared {
    forms: Vec<String>,
    tags: Vec<u16>,
    heads: Vec<u32>,
    labels: Vec<usize>,
}

fn tag_name(t: &Tag) -> String {
    format!("{} {}", t.upos.as_str(), t.xpos.as_str())
}

/// The gold heads of a CoNLL-U sentence, `n` standing for the root. Heads out of range (a
/// malformed file) become the root.
fn gold_heads(s: &conllu::Sentence) -> Vec<u32> {
    let n = s.words.len();
    s.words.iter().map(|w| if w.head == 0 || w.head > n { n as u32 } else { (w.head - 1) as u32 }).collect()
}

/// Trains a parser on `train`, tagging it with `tagger` (so the parser learns from the tags it
/// will see at run time), and returns the model's bytes (the format [`Parser::from_bytes`]
/// reads). `log` receives one line per pass, with dev scores when `dev` is given.
pub fn train(
    train: &[conllu::Sentence],
    dev: Option<&[conllu::Sentence]>,
    tagger: &Tagger,
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Vec<u8> {
    let predicted = jackknifed_tags(train, tagger, cfg.jackknife, &mut log);
    let mut tag_names: Vec<String> = predicted.iter().flatten().map(tag_name).collect();
    tag_names.sort();
    tag_names.dedup();
    let mut label_names: Vec<String> =
        train.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).filter(|l| l != "root").collect();
    label_names.sort();
    label_names.dedup();
    let closed: Vec<bool> = tag_names.iter().map(|t| super::features::is_closed_class(t)).collect();
    let punct: Vec<bool> = tag_names.iter().map(|t| t.starts_with("PUNCT ")).collect();
    let prepared: Vec<Prepared> = train
        .iter()
        .zip(&predicted)
        .map(|(s, tags)| Prepared {
            forms: s.words.iter().map(|w| word_form(&w.form)).collect(),
            tags: tags.iter().map(|t| tag_names.binary_search(&tag_name(t)).unwrap_or(0) as u16).collect(),
            heads: gold_heads(s),
            labels: s.words.iter().map(|w| label_names.binary_search(&w.deprel).unwrap_or(0)).collect(),
        })
        .collect();

    let shortcuts = label_shortcuts(&prepared, cfg);
    let vocab_list = vocabulary(&prepared, cfg.vocab_min_count);
    let vocab: super::features::Vocabulary = vocab_list.iter().copied().collect();
    log(&format!("{} words in the vocabulary", vocab.len()));
    log(&format!("{} label shortcuts", shortcuts.len()));
    let mut tw = Weights::new(3);
    let mut lw = Weights::new(label_names.len());
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = cfg.seed | 1;
    let (mut tnow, mut lnow) = (0u32, 0u32);
    let mut feats = [0u64; N_TRANSITION];
    let mut lfeats = [0u64; N_LABEL];
    let mut scores = [0f32; 3];
    let mut lscores = vec![0f32; label_names.len()];
    let label_hashes: Vec<u64> = (0..label_names.len()).map(label_hash).collect();
    let finish = |tw: &Weights, lw: &Weights, tnow: u32, lnow: u32| {
        let t = Model::write(
            &TRANSITION_NAMES.map(String::from),
            &[],
            &tw.averaged_quantised(tnow, cfg.prune, cfg.max_transition_features),
        );
        let l =
            Model::write(&label_names, &[], &lw.averaged_quantised(lnow, cfg.prune, cfg.max_label_features));
        Parser::write(&tag_names, &t, &l, &shortcuts, &vocab_list)
    };
    for epoch in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (xorshift(&mut rng) % (i as u64 + 1)) as usize);
        }
        let (mut right, mut steps, mut lright, mut lseen) = (0usize, 0usize, 0usize, 0usize);
        for &si in &order {
            let s = &prepared[si];
            let n = s.forms.len();
            let refs: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let x = Words::new(&refs, &s.tags, &closed, &punct, &vocab);
            let gold = &s.heads;
            let kids = Children::new(gold);
            // Transitions, with the dynamic oracle.
            let mut st = State::new(n);
            while !st.is_terminal() {
                tnow += 1;
                transition_features(&x, &st, &mut feats);
                tw.score(&feats, &mut scores);
                let valid = st.valid();
                let cost = costs(&st, gold, &kids);
                let min = (0..3).filter(|&t| valid[t]).map(|t| cost[t]).min().unwrap_or(0);
                let mut pred = usize::MAX;
                let mut best_gold = usize::MAX;
                for t in 0..3 {
                    if !valid[t] {
                        continue;
                    }
                    if pred == usize::MAX || scores[t] > scores[pred] {
                        pred = t;
                    }
                    if cost[t] == min && (best_gold == usize::MAX || scores[t] > scores[best_gold]) {
                        best_gold = t;
                    }
                }
                steps += 1;
                let next = if cost[pred] == min {
                    right += 1;
                    pred
                } else {
                    tw.update(&feats, best_gold, pred, tnow);
                    let explore = epoch >= cfg.explore_from
                        && (xorshift(&mut rng) % 1_000_000) as f64 / 1_000_000.0 < cfg.explore_p;
                    if explore { pred } else { best_gold }
                };
                st.apply(next);
            }
            // Labels, on the gold tree, top-down as at run time.
            label_top_down(&kids, n, &label_hashes, |ctx| {
                lnow += 1;
                let k = label_features(&x, n, ctx, &mut lfeats);
                lw.score(&lfeats[..k], &mut lscores);
                let guess = argmax_f(&lscores);
                let truth = s.labels[ctx.dep];
                if guess != truth {
                    lw.update(&lfeats[..k], truth, guess, lnow);
                } else {
                    lright += 1;
                }
                lseen += 1;
                guess
            });
        }
        let mut line = format!(
            "epoch {}: transitions right {:.4}, labels right {:.4}, {} + {} features",
            epoch + 1,
            right as f64 / steps.max(1) as f64,
            lright as f64 / lseen.max(1) as f64,
            tw.len(),
            lw.len()
        );
        if let Some(dev) = dev
            && let Ok(p) = Parser::from_bytes(&finish(&tw, &lw, tnow, lnow))
        {
            let sc = attachment_scores(&p, tagger, dev);
            line.push_str(&format!(", dev UAS {:.4} LAS {:.4}", sc.uas, sc.las));
        }
        log(&line);
    }
    finish(&tw, &lw, tnow, lnow)
}

/// The hashes ([`super::features::word_hash`]) of the words seen at least `min_count` times,
/// sorted.
fn vocabulary(data: &[Prepared], min_count: usize) -> Vec<u64> {
    let mut counts: std::collections::HashMap<u64, usize, crate::hash::IdHash> = Default::default();
    for s in data {
        for f in &s.forms {
            *counts.entry(super::features::word_hash(f)).or_default() += 1;
        }
    }
    let mut out: Vec<u64> = counts.into_iter().filter(|&(_, c)| c >= min_count).map(|(h, _)| h).collect();
    out.sort_unstable();
    out
}

/// The (dependent tag, head tag, direction, label) combinations that fix the label (see
/// [`TrainConfig::shortcut_min_share`]), from the training tags (jackknifed, as noisy as at run
/// time) and gold trees. Punctuation and the root's arcs are labelled without the model anyway.
fn label_shortcuts(data: &[Prepared], cfg: &TrainConfig) -> Vec<(u16, u16, u8, u16)> {
    let mut seen: std::collections::BTreeMap<(u16, u16, u8), std::collections::BTreeMap<u16, usize>> =
        Default::default();
    for s in data {
        let n = s.forms.len();
        for (d, &h) in s.heads.iter().enumerate() {
            let h = h as usize;
            if h >= n {
                continue;
            }
            let key = (s.tags[d], s.tags[h], (d > h) as u8);
            *seen.entry(key).or_default().entry(s.labels[d] as u16).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for ((dep, head, dir), labels) in seen {
        let total: usize = labels.values().sum();
        // The most frequent label; ties go to the lower number (BTreeMap order).
        let (mut best, mut count) = (0u16, 0usize);
        for (&l, &c) in &labels {
            if c > count {
                (best, count) = (l, c);
            }
        }
        if total >= cfg.shortcut_min_count && count as f64 >= cfg.shortcut_min_share * total as f64 {
            out.push((dep, head, dir, best));
        }
    }
    out
}

/// The cost of each transition: how many gold arcs it makes unreachable (Goldberg and Nivre
/// 2013's arc-hybrid oracle). Exact for projective trees, a close bound for the others.
fn costs(st: &State, gold: &[u32], kids: &super::Children) -> [u32; 3] {
    let n = st.n;
    let b = st.b;
    let mut c = [0u32; 3];
    let s0 = st.stack.last().map(|&s| s as usize);
    let s1 = st.stack.len().checked_sub(2).map(|i| st.stack[i]);
    // Gold dependents of s0 still in the buffer are lost by either reduction.
    let lost_kids = s0.map_or(0, |s| {
        let k = &kids[s];
        (k.len() - k.partition_point(|&d| (d as usize) < b)) as u32
    });
    if let Some(s0) = s0 {
        let g = gold[s0] as usize;
        c[LEFT] = lost_kids + (g != b && (Some(g as u32) == s1 || g > b)) as u32;
        c[RIGHT] = lost_kids + (Some(g as u32) != s1 && g >= b) as u32;
    }
    if b < n {
        // Shifting b0 loses its gold dependents on the stack and a gold head under s0.
        let g = gold[b];
        let depth = st.stack.len();
        for (i, &d) in st.stack.iter().enumerate() {
            if gold[d as usize] as usize == b {
                c[SHIFT] += 1;
            }
            if d == g && i + 1 < depth {
                c[SHIFT] += 1;
            }
        }
    }
    c
}

/// The training sentences' tags, each from a tagger that has not seen it (see
/// [`TrainConfig::jackknife`]).
fn jackknifed_tags(
    train: &[conllu::Sentence],
    tagger: &Tagger,
    folds: usize,
    log: &mut impl FnMut(&str),
) -> Vec<Vec<Tag>> {
    if folds < 2 {
        return train.iter().map(|s| tag_sentence(tagger, s)).collect();
    }
    let mut out = vec![Vec::new(); train.len()];
    for f in 0..folds {
        let rest: Vec<conllu::Sentence> =
            train.iter().enumerate().filter(|(i, _)| i % folds != f).map(|(_, s)| s.clone()).collect();
        let bytes =
            crate::tagger::train::train(&rest, None, &crate::tagger::train::TrainConfig::default(), |_| {});
        let Ok(t) = Tagger::from_bytes(&bytes) else { continue };
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == f) {
            out[i] = tag_sentence(&t, s);
        }
        log(&format!("jackknife: tagged part {} of {folds}", f + 1));
    }
    out
}

/// Tags a treebank sentence's words with `tagger`.
fn tag_sentence(tagger: &Tagger, s: &conllu::Sentence) -> Vec<Tag> {
    let forms: Vec<String> = s.words.iter().map(|w| word_form(&w.form)).collect();
    let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
    tagger.tag(&refs)
}

/// Attachment scores.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// Words scored.
    pub tokens: usize,
    /// Share of words with the right head.
    pub uas: f64,
    /// Share of words with the right head and relation.
    pub las: f64,
}

/// Parses gold-tokenised sentences with tags from `tagger` and scores every word (punctuation
/// included, as in the CoNLL 2018 shared task).
pub fn attachment_scores(parser: &Parser, tagger: &Tagger, sents: &[conllu::Sentence]) -> Scores {
    let (mut u, mut l, mut all) = (0usize, 0usize, 0usize);
    for s in sents {
        let forms: Vec<String> = s.words.iter().map(|w| word_form(&w.form)).collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        let tags = tagger.tag(&refs);
        for (d, w) in parser.parse(&refs, &tags).iter().zip(&s.words) {
            let head = d.head.map_or(0, |h| h + 1);
            if head == w.head {
                u += 1;
                l += (d.rel.as_str() == w.deprel) as usize;
            }
            all += 1;
        }
    }
    let all_f = all.max(1) as f64;
    Scores { tokens: all, uas: u as f64 / all_f, las: l as f64 / all_f }
}
