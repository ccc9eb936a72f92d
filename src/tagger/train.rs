//! Training the tagger: a greedy averaged perceptron, deterministic for a given seed.
//!
//! Used by `examples/train_tagger.rs`; exposed so that anyone can retrain on their own
//! CoNLL-U data with exactly the features the tagger uses at run time.

use std::collections::HashMap;

use super::features::{N_FEATURES, features, sentence_case, token_hashes};
use crate::conllu;
use crate::linear::Model;
use crate::linear::perceptron::{Weights, argmax_f, xorshift};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffle between passes.
    pub seed: u64,
    /// Averaged weights smaller than this (in perceptron units) are dropped from the model.
    pub prune: f32,
    /// A word goes to the tag dictionary when seen at least this often ...
    pub tagdict_min_count: usize,
    /// ... with one tag at least this share of the time.
    pub tagdict_min_share: f64,
    /// A "UPOS XPOS" combination seen fewer times than this in training is not a class of its
    /// own: its words are trained as the most frequent class with the same UPOS (else the same
    /// XPOS). Every class costs a score per token, and the rare combinations ("ADP NNP",
    /// "X VBD") are mostly annotation noise. 0 (the default, and the built-in model) keeps
    /// every combination. On EWT, 50 leaves 63 classes of 102 and makes the whole pipeline
    /// about 4% faster with the same UPOS accuracy (test 0.9525, dev 0.9490), but a parser
    /// retrained on its tags moved by up to half a point of LAS either way.
    pub min_class_count: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            seed: 0x5eed_1234_abcd_0001,
            prune: 0.5,
            tagdict_min_count: 20,
            tagdict_min_share: 0.995,
            min_class_count: 0,
        }
    }
}

/// The class name of a word: "UPOS XPOS".
pub(crate) fn class_name(w: &conllu::Word) -> String {
    format!("{} {}", w.upos, w.xpos)
}

/// The form the tagger sees: what dossier's tokenizer would put in `Token::norm` for this word.
pub(crate) fn word_form(form: &str) -> String {
    crate::text::normalize(form).into_owned()
}

/// Trains a model on `train` and returns its bytes (the format [`super::Tagger::from_bytes`]
/// reads). `log` receives one line per epoch (with dev accuracy when `dev` is given).
pub fn train(
    train: &[conllu::Sentence],
    dev: Option<&[conllu::Sentence]>,
    cfg: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Vec<u8> {
    // Classes, sorted for determinism; rare combinations fold into a frequent one.
    let fold = class_folding(train, cfg.min_class_count);
    let class_name = |w: &conllu::Word| fold(class_name(w));
    let mut classes: Vec<String> = train.iter().flat_map(|s| s.words.iter().map(class_name)).collect();
    classes.sort();
    classes.dedup();
    let class_id: HashMap<&str, u16> =
        classes.iter().enumerate().map(|(i, c)| (c.as_str(), i as u16)).collect();
    let n = classes.len();

    // Tag dictionary: frequent, (nearly) unambiguous words.
    let mut counts: HashMap<String, HashMap<u16, usize>> = HashMap::new();
    for s in train {
        for w in &s.words {
            *counts
                .entry(word_form(&w.form))
                .or_default()
                .entry(class_id[class_name(w).as_str()])
                .or_default() += 1;
        }
    }
    let mut tagdict: Vec<(String, u16)> = counts
        .iter()
        .filter_map(|(word, tags)| {
            let total: usize = tags.values().sum();
            let (&c, &k) = tags.iter().max_by_key(|(c, k)| (**k, std::cmp::Reverse(**c)))?;
            (total >= cfg.tagdict_min_count && k as f64 / total as f64 >= cfg.tagdict_min_share)
                .then(|| (word.clone(), c))
        })
        .collect();
    tagdict.sort();
    let dict: HashMap<&str, u16> = tagdict.iter().map(|(w, c)| (w.as_str(), *c)).collect();

    // Sentences as forms and gold classes.
    let prepared: Vec<(Vec<String>, Vec<u16>)> = train
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| word_form(&w.form)).collect(),
                s.words.iter().map(|w| class_id[class_name(w).as_str()]).collect(),
            )
        })
        .collect();

    let mut wts = Weights::new(n);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut now: u32 = 0;
    let mut feats = [0u64; N_FEATURES];
    let mut scores = vec![0f32; n];
    for epoch in 0..cfg.epochs {
        // Fisher-Yates with xorshift: the same seed gives the same model.
        for i in (1..order.len()).rev() {
            order.swap(i, (xorshift(&mut rng) % (i as u64 + 1)) as usize);
        }
        let (mut right, mut seen) = (0usize, 0usize);
        for &si in &order {
            let (forms, gold) = &prepared[si];
            let hashes: Vec<_> = forms.iter().enumerate().map(|(i, w)| token_hashes(w, i == 0)).collect();
            let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
            let case = sentence_case(&refs);
            let (mut prev, mut prev2) = (n as u16, n as u16 + 1);
            for i in 0..forms.len() {
                now += 1;
                let guess = match dict.get(forms[i].as_str()) {
                    Some(&c) => c,
                    None => {
                        features(&hashes, i, prev, prev2, case, &mut feats);
                        wts.score(&feats, &mut scores);
                        let g = argmax_f(&scores) as u16;
                        if g != gold[i] {
                            wts.update(&feats, gold[i] as usize, g as usize, now);
                        }
                        g
                    }
                };
                right += (guess == gold[i]) as usize;
                seen += 1;
                prev2 = prev;
                // Condition on the guess, as at run time.
                prev = guess;
            }
        }
        let mut line = format!(
            "epoch {}: train accuracy {:.4}, {} features",
            epoch + 1,
            right as f64 / seen.max(1) as f64,
            wts.len()
        );
        if let Some(dev) = dev {
            let bytes = finish(&wts, now, &classes, &tagdict, cfg.prune);
            if let Ok(t) = super::Tagger::from_bytes(&bytes) {
                line.push_str(&format!(", dev UPOS accuracy {:.4}", upos_accuracy(&t, dev)));
            }
        }
        log(&line);
    }
    finish(&wts, now, &classes, &tagdict, cfg.prune)
}

/// The class each "UPOS XPOS" name of `train` is trained as (see
/// [`TrainConfig::min_class_count`]): itself when seen at least `min_count` times, else the
/// most frequent such class with the same UPOS, else with the same XPOS, else the most frequent
/// class. Ties go to the name that sorts first.
fn class_folding(train: &[conllu::Sentence], min_count: usize) -> impl Fn(String) -> String {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in train.iter().flat_map(|s| &s.words) {
        *counts.entry(class_name(w)).or_default() += 1;
    }
    let mut kept: Vec<(usize, String)> =
        counts.iter().filter(|&(_, &k)| k >= min_count).map(|(c, &k)| (k, c.clone())).collect();
    // Most frequent first, then by name: the first match below is the target.
    kept.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let part = |c: &str, i: usize| c.split(' ').nth(i).unwrap_or("").to_string();
    let mut map: HashMap<String, String> = HashMap::new();
    for c in counts.keys().filter(|c| counts[*c] < min_count) {
        let target = [0, 1]
            .iter()
            .find_map(|&i| kept.iter().find(|(_, k)| part(k, i) == part(c, i)))
            .or(kept.first())
            .map_or_else(|| c.clone(), |(_, k)| k.clone());
        map.insert(c.clone(), target);
    }
    move |c: String| map.get(&c).cloned().unwrap_or(c)
}

/// Averages, prunes and quantises the weights into the model format.
fn finish(wts: &Weights, now: u32, classes: &[String], tagdict: &[(String, u16)], prune: f32) -> Vec<u8> {
    Model::write(classes, tagdict, &wts.averaged_quantised(now, prune, usize::MAX))
}

/// UPOS accuracy of a tagger on gold-tokenised sentences.
pub fn upos_accuracy(tagger: &super::Tagger, sents: &[conllu::Sentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in sents {
        let forms: Vec<String> = s.words.iter().map(|w| word_form(&w.form)).collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        for (t, w) in tagger.tag(&refs).iter().zip(&s.words) {
            right += (t.upos.as_str() == w.upos) as usize;
            all += 1;
        }
    }
    right as f64 / all.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A combination rarer than `min_class_count` is trained as the frequent class with its
    /// UPOS, so the model has no class of its own for it.
    #[test]
    fn rare_combinations_fold_into_a_frequent_class() {
        let mut text = String::new();
        for i in 0..6 {
            let (upos, xpos) = if i == 0 { ("NOUN", "GW") } else { ("NOUN", "NN") };
            text.push_str(&format!(
                "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog{i}\tdog\t{upos}\t{xpos}\t_\t0\troot\t_\t_\n\n"
            ));
        }
        let sents = conllu::parse(&text).expect("valid CoNLL-U");
        let classes = |min_class_count| {
            let cfg = TrainConfig { epochs: 1, min_class_count, ..TrainConfig::default() };
            Model::from_bytes(&train(&sents, None, &cfg, |_| {})).expect("model").classes
        };
        assert!(classes(0).contains(&"NOUN GW".to_string()));
        let folded = classes(2);
        assert!(!folded.contains(&"NOUN GW".to_string()), "{folded:?}");
        assert!(folded.contains(&"NOUN NN".to_string()));
    }
}
