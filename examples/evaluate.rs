//! Measures dossier against annotated data.
//!
//! ```text
//! cargo run --release --example evaluate -- seed [GOLD.json [ARTICLE.txt]] [--model NER.bin] [--json]
//! ```
//!
//! * `pos FILE.conllu [--train TRAIN.conllu] [--json]`: tags the gold tokens and reports UPOS
//!   accuracy, accuracy on words not seen in the training file (default
//!   `$DOSSIER_SHARED/data/ud-ewt/en_ewt-ud-train.conllu`), and lemma accuracy on VERB, AUX and
//!   NOUN tokens (by gold tag), overall and for each of the three, and over every token (the
//!   CoNLL 2018 shared task's "Lemmas", which published systems report).
//! * `news-tags FILE [--errors N] [--json]`: Penn-tag agreement with the POS column of a
//!   CoNLL-2003 file (Reuters news; those tags are a tagger's, so this is agreement, not
//!   accuracy), over words (punctuation left out) and over verbs, with the commonest
//!   disagreements; `--errors N` prints N verb disagreements in context.
//! * `conll FILE [--out FILE] [--json]`: named-entity scores on a CoNLL file (CoNLL-2003,
//!   WikiGold: any number of columns, the token first and the tag last, IOB1 or IOB2,
//!   `-DOCSTART-` between documents). Each document's text is rebuilt from its tokens (spaces
//!   between tokens, blank lines between sentences) and run through `extract`; PERSON, ORG, PLACE
//!   and NORP map to PER, ORG, LOC and MISC, the rest to O; scores are exact-chunk precision,
//!   recall and F1 as conlleval computes them. `--out` writes `token gold predicted` lines.
//! * `parse FILE.conllu [--model PARSER.bin] [--json]`: tags the gold tokens with the built-in
//!   tagger, parses them (with the built-in parser or the model given) and reports UAS and LAS
//!   over every word, punctuation included, as in the CoNLL 2018 shared task.
//! * `carb GOLD.tsv SYSTEM.tsv [--json]`: the CaRB Open IE metric as its paper and scorer
//!   define it (binarised tuples, token-level precision and recall of matched tuples,
//!   precision-recall curve over confidence thresholds): best F1 and AUC. SYSTEM is what
//!   `extract --format carb` prints.
//! * `seed`: scores one article against a gold file in the format of `../shared/gold/seed.json`
//!   (entities with labels and mentions, roles, triples, and strings that must not be entities).
//!   Without paths it uses `$DOSSIER_SHARED/gold/seed.json` and the article it names, where
//!   `DOSSIER_SHARED` defaults to `../shared`. `--model` runs it with another entity model.
//! * `startup`: the default extractor's cold build, its first extraction and peak memory.
//! * `sources BEFORE.jsonl AFTER.jsonl [--gazetteers DIR] [--before-gazetteers DIR] [--sample N]
//!   [--seed S]`: entity counts by label and source kind (built-in list, rule, model) in two
//!   outputs of `extract --format jsonl` on the same documents, before and after a change; each
//!   built-in entry is traced to its list through the gazetteer directory of its version. With
//!   `--sample`, N entities drawn with the seed from those an entry new in AFTER's lists made,
//!   each with its context, for reading by hand.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::process::ExitCode;

use dossier::{Document, Extractor, Label};
use serde_json::{Value, json};

fn shared_dir() -> std::path::PathBuf {
    std::env::var_os("DOSSIER_SHARED").map(Into::into).unwrap_or_else(|| "../shared".into())
}

fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Lower-cases and drops a possessive, so "Davis'" and "Davis" compare equal.
fn key(s: &str) -> String {
    let s = s.trim().trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’']);
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn mention_texts<'d>(doc: &'d Document<'_>, e: &'d dossier::Entity) -> Vec<&'d str> {
    e.mentions.iter().map(|m| doc.slice(m.span)).collect()
}

/// The entity that best stands for a gold entity: same label, sharing a mention or the name.
fn find_entity<'d>(
    doc: &'d Document<'_>,
    label: Label,
    name: &str,
    mentions: &[String],
) -> Option<&'d dossier::Entity> {
    let wanted: Vec<String> = mentions.iter().map(|m| key(m)).chain([key(name)]).collect();
    doc.entities_of(label)
        .map(|e| {
            let texts: Vec<String> = mention_texts(doc, e).iter().map(|t| key(t)).collect();
            let shared = wanted.iter().filter(|w| texts.contains(w) || key(&e.name) == **w).count();
            (shared, e)
        })
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, e)| (*n, usize::MAX - e.id.index()))
        .map(|(_, e)| e)
}

fn seed(args: &[String]) -> Result<(), String> {
    let json_out = args.iter().any(|a| a == "--json");
    let mut model = None;
    let mut paths: Vec<&String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--model" => model = Some(it.next().ok_or("--model needs a file")?),
            s if s.starts_with("--") => {}
            _ => paths.push(a),
        }
    }
    let shared = shared_dir();
    let gold_path = paths.first().map(Into::into).unwrap_or_else(|| shared.join("gold/seed.json"));
    let gold: Value =
        serde_json::from_str(&read(&gold_path)?).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let article_path = match paths.get(1) {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let rel = gold["article"].as_str().ok_or("gold file names no article")?;
            gold_path.parent().and_then(|p| p.parent()).unwrap_or(&shared).join(rel)
        }
    };
    let text = read(&article_path)?;
    let extractor = match model {
        Some(m) => Extractor::builder().ner_model(m).build().map_err(|e| e.to_string())?,
        None => Extractor::new(),
    };
    let doc = extractor.extract(&text);

    let mut report = Vec::new();
    let (mut req, mut found, mut folded) = (0, 0, 0);
    let mut by_label: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for g in gold["entities"].as_array().ok_or("no entities in gold")? {
        let label = Label::parse(g["label"].as_str().unwrap_or("")).ok_or("bad label in gold")?;
        let name = g["name"].as_str().unwrap_or("");
        let mentions: Vec<String> = g["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m.as_str().map(String::from))
            .collect();
        let required = g["required"].as_bool().unwrap_or(false);
        let e = find_entity(&doc, label, name, &mentions);
        let all_in = e.is_some_and(|e| {
            let texts: Vec<String> = mention_texts(&doc, e).iter().map(|t| key(t)).collect();
            mentions.iter().all(|m| texts.contains(&key(m)) || key(&e.name) == key(m))
        });
        if required {
            req += 1;
            found += e.is_some() as usize;
            folded += all_in as usize;
            let entry = by_label.entry(label.to_string()).or_default();
            entry.0 += 1;
            entry.1 += e.is_some() as usize;
        }
        report.push(json!({"label": label.as_str(), "name": name, "required": required,
            "found": e.map(|e| e.name.clone()), "all_mentions_in_one_entity": all_in}));
    }

    let mut role_hits = 0;
    let mut role_req = 0;
    let mut roles_report = Vec::new();
    for r in gold["roles"].as_array().into_iter().flatten() {
        let required = r["required"].as_bool().unwrap_or(false);
        let person = find_entity(&doc, Label::Person, r["person"].as_str().unwrap_or(""), &[]);
        let hit = doc.roles().iter().any(|role| {
            let p_ok = person.is_some_and(|p| role.person == Some(p.id));
            // The title and organisation as entities are: by canonical name or by a mention's
            // text ("UKIP" for the United Kingdom Independence Party), as entities are matched.
            let named = |id: Option<dossier::EntityId>, want: &str| {
                id.and_then(|i| doc.entity(i)).is_some_and(|e| {
                    key(&e.name) == key(want) || mention_texts(&doc, e).iter().any(|t| key(t) == key(want))
                })
            };
            let t_ok = named(role.title, r["title"].as_str().unwrap_or(""));
            let o_ok = match r["org"].as_str() {
                None => true,
                Some(o) => named(role.org, o),
            };
            p_ok && t_ok && o_ok
        });
        if required {
            role_req += 1;
            role_hits += hit as usize;
        }
        roles_report.push(json!({"role": r, "found": hit}));
    }

    // Triples: a gold triple is found when one of ours has its subject, predicate and object
    // (see `arg_matches` and `pred_matches`) and the same polarity.
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let contains_seq = |hay: &[String], needle: &[String]| {
        !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
    };
    // An entity is the gold one when its name or one of its mentions is the gold text, as for
    // entities and roles ("Manchester United FC" was mentioned as "Manchester United").
    let is_gold = |e: &dossier::Entity, gold_text: &str| {
        key(&e.name) == key(gold_text) || mention_texts(&doc, e).iter().any(|t| key(t) == key(gold_text))
    };
    let arg_matches = |a: &dossier::Argument, gold_text: &str| {
        let g = words(gold_text);
        let entity_ok = a.entity.and_then(|e| doc.entity(e)).is_some_and(|e| is_gold(e, gold_text));
        let ours = words(doc.slice(a.span));
        // The argument mentions the gold entity ("Davis' actions" mentions Raymond Davis).
        let mentions_it = doc
            .entities()
            .iter()
            .filter(|e| is_gold(e, gold_text))
            .any(|e| e.mentions.iter().any(|m| contains_seq(&ours, &words(doc.slice(m.span)))));
        entity_ok || mentions_it || contains_seq(&ours, &g)
    };
    let pred_matches = |lemma: &str, gold_pred: &str| {
        let g = gold_pred.to_lowercase();
        words(lemma).iter().any(|w| *w == g || (g.len() >= 5 && w.starts_with(&g)))
    };
    let (mut t_req, mut t_found, mut neg_req, mut neg_found) = (0, 0, 0, 0);
    let mut triples_report = Vec::new();
    for g in gold["triples"].as_array().into_iter().flatten() {
        let required = g["required"].as_bool().unwrap_or(false);
        let negated = g["negated"].as_bool().unwrap_or(false);
        let hit = doc.triples().iter().find(|t| {
            arg_matches(&t.subject, g["subject"].as_str().unwrap_or("\u{0}"))
                && pred_matches(&t.predicate.lemma, g["predicate"].as_str().unwrap_or("\u{0}"))
                && arg_matches(&t.object, g["object"].as_str().unwrap_or("\u{0}"))
                && t.negated == negated
        });
        if required {
            t_req += 1;
            t_found += hit.is_some() as usize;
            if negated {
                neg_req += 1;
                neg_found += hit.is_some() as usize;
            }
        }
        triples_report.push(json!({"triple": g, "found": hit.map(|t| format!(
            "{} · {} · {}", doc.slice(t.subject.span), t.predicate.lemma, doc.slice(t.object.span)
        ))}));
    }
    // No argument may be empty, a lone determiner or punctuation.
    let empty_args = doc
        .triples()
        .iter()
        .flat_map(|t| [&t.subject, &t.object])
        .filter(|a| {
            let w = words(doc.slice(a.span));
            w.is_empty()
                || (w.len() == 1
                    && matches!(
                        w[0].as_str(),
                        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "some"
                    ))
        })
        .count();

    let not: Vec<&str> =
        gold["not_entities"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let mut bad = Vec::new();
    for e in doc.entities() {
        for m in &e.mentions {
            let t = doc.slice(m.span);
            if not.contains(&t) {
                bad.push(json!({"text": t, "label": e.label.as_str(), "start": m.span.start}));
            }
        }
    }

    let summary = json!({
        "article": article_path.display().to_string(),
        "required_entities": req, "required_found": found, "required_all_mentions_folded": folded,
        "required_by_label": by_label.iter().map(|(k, (n, f))| (k.clone(), json!({"required": n, "found": f}))).collect::<serde_json::Map<_, _>>(),
        "required_roles": role_req, "required_roles_found": role_hits,
        "not_entities_violations": bad.len(),
        "required_triples": t_req, "required_triples_found": t_found,
        "required_negated_triples": neg_req, "required_negated_triples_found": neg_found,
        "triples": doc.triples().len(), "triples_with_empty_or_determiner_argument": empty_args,
    });
    if json_out {
        let full = json!({"summary": summary, "entities": report, "roles": roles_report, "triples": triples_report, "violations": bad});
        println!("{}", serde_json::to_string_pretty(&full).unwrap_or_default());
    } else {
        for r in &report {
            let mark = if r["found"].is_null() {
                "MISSING"
            } else if r["all_mentions_in_one_entity"] == true {
                "ok"
            } else {
                "partial"
            };
            println!(
                "{:8} {:6} {:40} req={}",
                mark,
                r["label"].as_str().unwrap_or(""),
                r["name"].as_str().unwrap_or(""),
                r["required"]
            );
        }
        for r in &roles_report {
            println!("{:8} role {}", if r["found"] == true { "ok" } else { "MISSING" }, r["role"]);
        }
        for t in &triples_report {
            let g = &t["triple"];
            println!(
                "{:8} triple {} · {} · {}{}{} -> {}",
                if t["found"].is_null() { "MISSING" } else { "ok" },
                g["subject"].as_str().unwrap_or(""),
                g["predicate"].as_str().unwrap_or(""),
                g["object"].as_str().unwrap_or(""),
                if g["negated"] == true { " (negated)" } else { "" },
                if g["required"] == true { "" } else { " (optional)" },
                t["found"].as_str().unwrap_or("-")
            );
        }
        for b in &bad {
            println!("VIOLATION not_entity mention {b}");
        }
        println!("{}", serde_json::to_string_pretty(&summary).unwrap_or_default());
    }
    Ok(())
}

/// Counts one lemma check under its tag when the tag is VERB, AUX or NOUN; returns whether it
/// was counted.
fn tally(
    counts: &mut std::collections::BTreeMap<&'static str, (usize, usize)>,
    upos: &str,
    right: bool,
) -> bool {
    let key = match upos {
        "VERB" => "VERB",
        "AUX" => "AUX",
        "NOUN" => "NOUN",
        _ => return false,
    };
    let e = counts.entry(key).or_default();
    e.0 += 1;
    e.1 += right as usize;
    true
}

fn pos(args: &[String]) -> Result<(), String> {
    use dossier::tagger::{Tagger, lemma::lemma_in_context};
    let json_out = args.iter().any(|a| a == "--json");
    let mut files = Vec::new();
    let mut train_path = shared_dir().join("data/ud-ewt/en_ewt-ud-train.conllu");
    let mut show_errors = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--errors" => show_errors = it.next().and_then(|v| v.parse().ok()).unwrap_or(50),
            "--train" => train_path = it.next().ok_or("--train needs a file")?.into(),
            _ => files.push(a.clone()),
        }
    }
    let file = files.first().ok_or("usage: evaluate pos FILE.conllu [--train TRAIN.conllu] [--json]")?;
    let gold = dossier::conllu::read(file)?;
    let seen: std::collections::HashSet<String> = match dossier::conllu::read(&train_path) {
        Ok(t) => t.iter().flat_map(|s| s.words.iter().map(|w| w.form.clone())).collect(),
        Err(e) => {
            eprintln!("warning: {e}; unseen-word accuracy not reported");
            Default::default()
        }
    };
    let tagger = Tagger::builtin().ok_or("no built-in tagger (build with the builtin feature)")?;
    let (mut n, mut right, mut unseen, mut unseen_right) = (0usize, 0usize, 0usize, 0usize);
    // Lemma accuracy over every token, predicted tags (the CoNLL 2018 shared task's "Lemmas").
    let mut lemma_all_right = 0usize;
    let mut xpos_right = 0usize;
    let mut xpos_confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let mut lem: std::collections::BTreeMap<&'static str, (usize, usize)> = Default::default();
    let mut lem_gold: std::collections::BTreeMap<&'static str, (usize, usize)> = Default::default();
    let mut lem_pred: std::collections::BTreeMap<&'static str, (usize, usize)> = Default::default();
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for s in &gold {
        let forms: Vec<String> = s.words.iter().map(|w| dossier::text::normalize_form(&w.form)).collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        let tags = tagger.tag(&refs);
        for (i, (t, w)) in tags.iter().zip(&s.words).enumerate() {
            n += 1;
            let ok = t.upos.as_str() == w.upos;
            right += ok as usize;
            if t.xpos.as_str() == w.xpos {
                xpos_right += 1;
            } else {
                *xpos_confusion.entry((w.xpos.clone(), t.xpos.as_str().to_string())).or_default() += 1;
            }
            if !ok {
                *confusion.entry((w.upos.clone(), t.upos.as_str().to_string())).or_default() += 1;
            }
            if !seen.is_empty() && !seen.contains(&w.form) {
                unseen += 1;
                unseen_right += ok as usize;
            }
            // Lemma accuracy three ways: by predicted tag, by gold tag with the gold tag given to
            // the lemmatiser (the lemmatiser alone), and by gold tag with the predicted tag (the
            // pipeline).
            let next_vbn = tags.get(i + 1).is_some_and(|n| n.xpos.as_str() == "VBN");
            let l = lemma_in_context(&w.form, *t, next_vbn);
            lemma_all_right += (l == w.lemma) as usize;
            tally(&mut lem_pred, t.upos.as_str(), l == w.lemma);
            let gold_tag = dossier::tagger::Tag {
                upos: dossier::tagger::Upos::parse(&w.upos),
                xpos: dossier::tagger::Xpos::new(&w.xpos),
            };
            let next_vbn_gold = s.words.get(i + 1).is_some_and(|n| n.xpos == "VBN");
            tally(&mut lem_gold, &w.upos, lemma_in_context(&w.form, gold_tag, next_vbn_gold) == w.lemma);
            if tally(&mut lem, &w.upos, l == w.lemma) && l != w.lemma && show_errors > 0 {
                show_errors -= 1;
                eprintln!(
                    "lemma {:>16} gold {}/{} pred {}/{} -> {:?} want {:?} in {}",
                    w.form,
                    w.upos,
                    w.xpos,
                    t.upos,
                    t.xpos.as_str(),
                    l,
                    w.lemma,
                    s.id
                );
            }
        }
    }
    let (ln, lr) = lem.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let rates = |m: &std::collections::BTreeMap<&str, (usize, usize)>| {
        let (n, r) = m.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let mut o: serde_json::Map<String, Value> =
            m.iter().map(|(k, (a, b))| (k.to_string(), json!(*b as f64 / (*a).max(1) as f64))).collect();
        o.insert("all".into(), json!(r as f64 / n.max(1) as f64));
        Value::Object(o)
    };
    let out = json!({
        "file": file,
        "tokens": n,
        "upos_accuracy": right as f64 / n.max(1) as f64,
        "xpos_accuracy": xpos_right as f64 / n.max(1) as f64,
        "unseen_tokens": unseen,
        "unseen_upos_accuracy": if unseen > 0 { json!(unseen_right as f64 / unseen as f64) } else { Value::Null },
        "lemma_tokens": ln,
        "lemma_accuracy": lr as f64 / ln.max(1) as f64,
        "lemma_accuracy_all_tokens": lemma_all_right as f64 / n.max(1) as f64,
        "lemma_accuracy_gold_tags_by_upos": rates(&lem_gold),
        "lemma_accuracy_by_predicted_upos": rates(&lem_pred),
        "lemma_accuracy_by_upos": lem.iter().map(|(k, (a, b))| (k.to_string(), json!(*b as f64 / (*a).max(1) as f64))).collect::<serde_json::Map<_, _>>(),
        "top_confusions": top_confusions(confusion, 8, "gold"),
        "top_xpos_confusions": top_confusions(xpos_confusion, 8, "gold"),
    });
    print_json(&out, json_out);
    Ok(())
}

/// The `k` commonest (expected, predicted) pairs, commonest first, as objects naming the
/// expected tag `expected`.
fn top_confusions(
    m: std::collections::BTreeMap<(String, String), usize>,
    k: usize,
    expected: &str,
) -> Vec<Value> {
    let mut top: Vec<_> = m.into_iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.1));
    top.into_iter().take(k).map(|((g, p), c)| json!({expected: g, "predicted": p, "count": c})).collect()
}

/// Prints a report: on one line with `--json`, indented otherwise.
fn print_json(v: &Value, one_line: bool) {
    let text = if one_line { serde_json::to_string(v) } else { serde_json::to_string_pretty(v) };
    println!("{}", text.unwrap_or_default());
}

/// Penn-tag agreement with the part-of-speech column of a CoNLL-2003 file (`token POS chunk
/// NER`): Reuters news, where the treebank is web text. Those tags were themselves assigned by
/// a tagger, so this is agreement, not accuracy; it shows how the tagger does on news verbs
/// (past tense against participle, verb against noun), which the treebank has few of.
/// Punctuation is left out (its tags follow other conventions there).
fn news_tags(args: &[String]) -> Result<(), String> {
    use dossier::tagger::Tagger;
    let json_out = args.iter().any(|a| a == "--json");
    let (mut file, mut show_errors) = (None, 0usize);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--errors" => show_errors = it.next().and_then(|v| v.parse().ok()).unwrap_or(50),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or(
        "usage: evaluate news-tags FILE [--errors N] [--json] (a CoNLL-2003 file: token POS chunk NER)",
    )?;
    let data = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let mut sentences: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    for (n, line) in data.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        match cols.as_slice() {
            [] | ["-DOCSTART-", ..] => sentences.push(Vec::new()),
            [token, tag, ..] => {
                if let Some(s) = sentences.last_mut() {
                    s.push((token, tag));
                }
            }
            _ => return Err(format!("{file}:{}: expected a token and a tag", n + 1)),
        }
    }
    sentences.retain(|s| !s.is_empty());
    let tagger = Tagger::builtin().ok_or("no built-in tagger (build with the builtin feature)")?;
    let (mut words, mut agree, mut verbs, mut verbs_agree) = (0usize, 0usize, 0usize, 0usize);
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for s in &sentences {
        let forms: Vec<String> = s.iter().map(|(w, _)| dossier::text::normalize_form(w)).collect();
        let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
        for (i, (t, (word, want))) in tagger.tag(&refs).iter().zip(s).enumerate() {
            // Punctuation tags follow other conventions ("(" against "-LRB-"); left out.
            if !want.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            // The treebank tags prepositional "to" IN, as the Penn Treebank does not.
            let ok = t.xpos.as_str() == *want || (*want == "TO" && word.eq_ignore_ascii_case("to"));
            words += 1;
            agree += ok as usize;
            if want.starts_with("VB") {
                verbs += 1;
                verbs_agree += ok as usize;
            }
            if !ok {
                *confusion.entry((want.to_string(), t.xpos.as_str().to_string())).or_default() += 1;
                if show_errors > 0 && want.starts_with("VB") {
                    show_errors -= 1;
                    let context: Vec<&str> =
                        s[i.saturating_sub(5)..(i + 4).min(s.len())].iter().map(|p| p.0).collect();
                    eprintln!("{word:>14} {want} -> {} in: {}", t.xpos.as_str(), context.join(" "));
                }
            }
        }
    }
    let out = json!({
        "file": file,
        "words": words,
        "xpos_agreement": agree as f64 / words.max(1) as f64,
        "verb_tokens": verbs,
        "verb_xpos_agreement": verbs_agree as f64 / verbs.max(1) as f64,
        "top_disagreements": top_confusions(confusion, 12, "reference"),
    });
    print_json(&out, json_out);
    Ok(())
}

fn conll_label(l: Label) -> Option<&'static str> {
    match l {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Place => Some("LOC"),
        Label::Norp | Label::Misc => Some("MISC"),
        _ => None,
    }
}

fn conll(args: &[String]) -> Result<(), String> {
    let json_out = args.iter().any(|a| a == "--json");
    let mut out_path = None;
    let mut files = Vec::new();
    let mut mode = dossier::NerMode::Fused;
    let mut model = None;
    let mut only: Option<Vec<String>> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--out" => out_path = Some(it.next().ok_or("--out needs a file")?.clone()),
            "--model" => model = Some(it.next().ok_or("--model needs a file")?.clone()),
            "--labels" => {
                only = Some(
                    it.next()
                        .ok_or("--labels needs a list such as PER,ORG,LOC")?
                        .split(',')
                        .map(String::from)
                        .collect(),
                )
            }
            "--ner" => {
                mode = match it.next().map(String::as_str) {
                    Some("rules") => dossier::NerMode::Rules,
                    Some("model") => dossier::NerMode::Model,
                    Some("fused") => dossier::NerMode::Fused,
                    _ => return Err("--ner takes rules, model or fused".into()),
                }
            }
            _ => files.push(a.clone()),
        }
    }
    let file = files
        .first()
        .ok_or("usage: evaluate conll FILE [--ner rules|model|fused] [--model NER.bin] [--labels PER,ORG,LOC] [--out FILE] [--json]")?;
    let docs = dossier::conll::read(file).map_err(|e| e.to_string())?;
    let mut builder = Extractor::builder();
    builder.config(dossier::Config::new().ner(mode));
    if let Some(m) = &model {
        builder.ner_model(m);
    }
    let extractor = builder.build().map_err(|e| e.to_string())?;
    let keep = |t: &str| only.as_ref().is_none_or(|o| o.iter().any(|x| x == t));
    let mut counts: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    let mut out = String::new();
    let (mut n_tokens, mut bytes) = (0usize, 0usize);
    let t0 = std::time::Instant::now();
    for d in &docs {
        let (text, spans) = d.text();
        bytes += text.len();
        let doc = extractor.extract(&text);
        // Byte -> predicted tag: mentions are laid over the gold tokens they overlap.
        let mut mentions: Vec<(usize, usize, &'static str)> = Vec::new();
        for e in doc.entities() {
            if let Some(l) = conll_label(e.label) {
                for m in e.mentions.iter().filter(|m| !m.is_reference()) {
                    mentions.push((m.span.start, m.span.end, l));
                }
            }
        }
        mentions.sort();
        for (s, sp) in d.sentences.iter().zip(&spans) {
            n_tokens += s.tokens.len();
            let mut pred = vec!["O".to_string(); s.tokens.len()];
            let mut last: Option<(usize, usize)> = None;
            for (k, &(a, b)) in sp.iter().enumerate() {
                let hit = mentions.iter().find(|(ms, me, _)| *ms < b && a < *me);
                if let Some(&(ms, me, l)) = hit {
                    let cont = last == Some((ms, me));
                    pred[k] = format!("{}-{l}", if cont { "I" } else { "B" });
                    last = Some((ms, me));
                } else {
                    last = None;
                }
            }
            let gc: Vec<_> = s.entities().into_iter().filter(|c| keep(&c.2)).collect();
            let pc: Vec<_> = dossier::conll::chunks(&pred).into_iter().filter(|c| keep(&c.2)).collect();
            for c in &gc {
                counts.entry(c.2.clone()).or_default().1 += 1;
                if pc.contains(c) {
                    counts.entry(c.2.clone()).or_default().2 += 1;
                }
            }
            for c in &pc {
                counts.entry(c.2.clone()).or_default().0 += 1;
            }
            if out_path.is_some() {
                for (k, (tok, g)) in s.tokens.iter().zip(&s.tags).enumerate() {
                    out.push_str(&format!("{tok} {g} {}\n", pred[k]));
                }
                out.push('\n');
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    if let Some(p) = out_path {
        std::fs::write(&p, out).map_err(|e| format!("cannot write {p}: {e}"))?;
    }
    let prf = |(p, g, c): (usize, usize, usize)| {
        let pr = if p > 0 { c as f64 / p as f64 } else { 0.0 };
        let rc = if g > 0 { c as f64 / g as f64 } else { 0.0 };
        let f = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        (pr, rc, f)
    };
    let total = counts.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let (p, r, f) = prf(total);
    let mut per = serde_json::Map::new();
    for (k, v) in &counts {
        let (p, r, f) = prf(*v);
        per.insert(
            k.clone(),
            json!({"precision": p, "recall": r, "f1": f, "predicted": v.0, "gold": v.1, "correct": v.2}),
        );
    }
    let res = json!({"file": file, "documents": docs.len(), "tokens": n_tokens, "precision": p, "recall": r, "f1": f,
        "per_type": per, "seconds": secs, "mb_per_s": bytes as f64 / 1e6 / secs});
    if json_out {
        println!("{}", serde_json::to_string(&res).unwrap_or_default());
    } else {
        println!(
            "processed {n_tokens} tokens in {} documents; {:.1} MB/s",
            docs.len(),
            bytes as f64 / 1e6 / secs
        );
        println!("{:6} {:>9} {:>9} {:>9} {:>7} {:>7}", "type", "precision", "recall", "F1", "pred", "gold");
        for (k, v) in &counts {
            let (p, r, f) = prf(*v);
            println!("{k:6} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7}", p, r, f, v.0, v.1);
        }
        println!("{:6} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7}", "ALL", p, r, f, total.0, total.1);
    }
    Ok(())
}

fn parse(args: &[String]) -> Result<(), String> {
    use dossier::parser::{Parser, train::attachment_scores};
    let json_out = args.iter().any(|a| a == "--json");
    let mut files = Vec::new();
    let mut model = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--model" => model = Some(it.next().ok_or("--model needs a file")?.clone()),
            _ => files.push(a.clone()),
        }
    }
    let file = files.first().ok_or("usage: evaluate parse FILE.conllu [--model PARSER.bin] [--json]")?;
    let gold = dossier::conllu::read(file)?;
    let tagger =
        dossier::tagger::Tagger::builtin().ok_or("no built-in tagger (build with the builtin feature)")?;
    let loaded;
    let parser = match model {
        Some(m) => {
            let bytes = std::fs::read(&m).map_err(|e| format!("{m}: {e}"))?;
            loaded = Parser::from_bytes(&bytes).map_err(|e| format!("{m}: {e}"))?;
            &loaded
        }
        None => Parser::builtin().ok_or("no built-in parser (build with the builtin feature)")?,
    };
    let t = std::time::Instant::now();
    let s = attachment_scores(parser, tagger, &gold);
    let secs = t.elapsed().as_secs_f64();
    if json_out {
        println!("{}", json!({"file": file, "tokens": s.tokens, "uas": s.uas, "las": s.las}));
    } else {
        println!("{file}: {} words (gold tokens, predicted tags, punctuation included)", s.tokens);
        println!("UAS {:.4}  LAS {:.4}", s.uas, s.las);
        println!("tagged and parsed in {secs:.2} s ({:.0} words/s)", s.tokens as f64 / secs);
    }
    Ok(())
}

/// One Open IE extraction: relation and arguments, as words.
struct Extraction {
    confidence: f64,
    rel: Vec<String>,
    args: Vec<Vec<String>>,
}

/// CaRB's sentence key: no spaces, no ASCII punctuation, PTB brackets unescaped.
fn carb_key(s: &str) -> String {
    let mut t = s.replace(' ', "");
    for (u, e) in
        [("(", "-LRB-"), (")", "-RRB-"), ("[", "-LSB-"), ("]", "-RSB-"), ("{", "-LCB-"), ("}", "-RCB-")]
    {
        t = t.replace(e, u);
    }
    t.chars().filter(|c| !c.is_ascii_punctuation()).collect()
}

/// Reads `sentence<TAB>[confidence<TAB>]relation<TAB>arg1<TAB>arg2...` lines, grouped by
/// sentence key, in first-seen order.
fn read_extractions(path: &str, with_confidence: bool) -> Result<Vec<(String, Vec<Extraction>)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out: Vec<(String, Vec<Extraction>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let first_arg = if with_confidence { 3 } else { 2 };
        if cols.len() < first_arg + 1 {
            return Err(format!(
                "{path}:{}: expected at least {} tab-separated columns",
                n + 1,
                first_arg + 1
            ));
        }
        let confidence = if with_confidence {
            cols[1]
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("{path}:{}: bad confidence {:?}", n + 1, cols[1]))?
        } else {
            1.0
        };
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let ex = Extraction {
            confidence,
            rel: words(cols[first_arg - 1]),
            args: cols[first_arg..].iter().map(|a| words(a)).collect(),
        };
        let k = carb_key(cols[0]);
        let i = *index.entry(k.clone()).or_insert_with(|| {
            out.push((k, Vec::new()));
            out.len() - 1
        });
        out[i].1.push(ex);
    }
    Ok(out)
}

/// CaRB's tuple match on binarised tuples (arguments after the first joined): the share of
/// predicted words found in the gold tuple and of gold words found in the predicted one, part
/// by part; `(0, 0)` when the relations share no word. "be" matches any form of it.
fn carb_match(gold: &Extraction, pred: &Extraction) -> (f64, f64) {
    let binarise = |args: &[Vec<String>]| -> Vec<Vec<String>> {
        match args {
            [] => Vec::new(),
            [a] => vec![a.clone()],
            [a, rest @ ..] => vec![a.clone(), rest.concat()],
        }
    };
    let count = |gold_words: &[String], pred_words: &[String]| -> usize {
        let mut left: Vec<&String> = pred_words.iter().collect();
        let mut m = 0;
        for w in gold_words {
            if let Some(p) = left.iter().position(|x| *x == w) {
                left.remove(p);
                m += 1;
            }
        }
        m
    };
    let one = |g_args: &[Vec<String>], p_args: &[Vec<String>]| -> (f64, f64) {
        let (mut pn, mut pd, mut rn, mut rd) = (0usize, pred.rel.len(), 0usize, gold.rel.len());
        let mut m = count(&gold.rel, &pred.rel);
        let be = ["be", "is", "am", "are", "was", "were", "been", "being"];
        if pred.rel.iter().any(|w| w == "be") && gold.rel.iter().any(|w| be.contains(&w.as_str())) {
            // CaRB counts "be" once more against any gold form of it.
            let left_be =
                pred.rel.iter().filter(|w| *w == "be").count() > count(&gold.rel, &["be".to_string()]);
            if left_be {
                m += 1;
            }
        }
        if m == 0 {
            return (0.0, 0.0);
        }
        pn += m;
        rn += m;
        for (i, g) in g_args.iter().enumerate() {
            rd += g.len();
            let Some(p) = p_args.get(i) else {
                if i < 2 {
                    return (0.0, 0.0);
                }
                continue;
            };
            pd += p.len();
            let m = count(g, p);
            pn += m;
            rn += m;
        }
        let p = if pd == 0 { 0.0 } else { pn as f64 / pd as f64 };
        let r = if rd == 0 { 0.0 } else { rn as f64 / rd as f64 };
        (p, r)
    };
    let g_args = binarise(&gold.args);
    let p_args = binarise(&pred.args);
    let straight = one(&g_args, &p_args);
    // For "said"-type gold relations CaRB also tries the arguments swapped.
    let said = ["said", "told", "added", "adds", "says"];
    if gold.rel.iter().any(|w| said.iter().any(|s| w.contains(s))) && p_args.len() >= 2 {
        let swapped = one(&g_args, &[p_args[1].clone(), p_args[0].clone()]);
        if swapped > straight {
            return swapped;
        }
    }
    straight
}

/// The CaRB metric (Bhardwaj et al. 2019): for every confidence threshold, recall is the sum
/// over gold tuples of the best recall of any kept prediction, precision the sum of precision
/// over a greedy one-to-one matching; reports the best F1 and the area under the
/// precision-recall curve.
fn carb(args: &[String]) -> Result<(), String> {
    let json_out = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [gold_path, sys_path] = files[..] else {
        return Err("usage: evaluate carb GOLD.tsv SYSTEM.tsv [--json]".into());
    };
    let gold = read_extractions(gold_path, false)?;
    let system: std::collections::HashMap<String, Vec<Extraction>> =
        read_extractions(sys_path, true)?.into_iter().collect();
    let mut thresholds: Vec<f64> = system.values().flatten().map(|e| e.confidence).collect();
    thresholds.sort_by(f64::total_cmp);
    thresholds.dedup();
    let nt = thresholds.len();
    let (mut p, mut pl, mut r, mut rl) = (vec![0.0; nt], vec![0.0; nt], vec![0.0; nt], vec![0.0; nt]);
    for (key, gold_ex) in &gold {
        let preds: &[Extraction] = system.get(key).map_or(&[], Vec::as_slice);
        let scores: Vec<Vec<(f64, f64)>> =
            gold_ex.iter().map(|g| preds.iter().map(|e| carb_match(g, e)).collect()).collect();
        let mut confs: Vec<f64> = preds.iter().map(|e| e.confidence).collect();
        confs.sort_by(f64::total_cmp);
        let mut prev = 0usize;
        for conf in confs {
            let c = thresholds.partition_point(|&t| t < conf);
            let kept: Vec<usize> = (0..preds.len()).filter(|&j| preds[j].confidence >= conf).collect();
            let recall: f64 =
                scores.iter().map(|row| kept.iter().map(|&j| row[j].1).fold(0.0, f64::max)).sum();
            // Greedy global matching on precision.
            let (mut used_rows, mut used_cols) = (vec![false; scores.len()], vec![false; preds.len()]);
            let mut precision = 0.0;
            for _ in 0..scores.len().min(kept.len()) {
                let mut best: Option<(usize, usize, f64)> = None;
                for (i, row) in scores.iter().enumerate() {
                    if used_rows[i] {
                        continue;
                    }
                    for &j in &kept {
                        if !used_cols[j] && best.is_none_or(|b| row[j].0 > b.2) {
                            best = Some((i, j, row[j].0));
                        }
                    }
                }
                let Some((i, j, s)) = best else { break };
                used_rows[i] = true;
                used_cols[j] = true;
                precision += s;
            }
            for k in prev..=c {
                p[k] += precision;
                pl[k] += kept.len() as f64;
                r[k] += recall;
                rl[k] += scores.len() as f64;
            }
            prev = c + 1;
        }
        for x in rl.iter_mut().skip(prev) {
            *x += scores.len() as f64;
        }
    }
    let prec: Vec<f64> = p.iter().zip(&pl).map(|(a, b)| if *b > 0.0 { a / b } else { 1.0 }).collect();
    let rec: Vec<f64> = r.iter().zip(&rl).map(|(a, b)| if *b > 0.0 { a / b } else { 0.0 }).collect();
    let f1 = |p: f64, r: f64| if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let best = (0..nt).max_by(|&a, &b| f1(prec[a], rec[a]).total_cmp(&f1(prec[b], rec[b])).then(b.cmp(&a)));
    let (bp, br, bf, bc) =
        best.map_or((0.0, 0.0, 0.0, 0.0), |i| (prec[i], rec[i], f1(prec[i], rec[i]), thresholds[i]));
    // Area under the curve, with the point (recall 0, precision 1) added, by trapezoids.
    let mut pts: Vec<(f64, f64)> = rec.iter().copied().zip(prec.iter().copied()).collect();
    pts.push((0.0, 1.0));
    let auc: f64 = pts.windows(2).map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0).sum::<f64>().abs();
    let n_sys: usize = system.values().map(Vec::len).sum();
    let n_gold: usize = gold.iter().map(|g| g.1.len()).sum();
    if json_out {
        println!(
            "{}",
            json!({"gold": gold_path, "system": sys_path, "gold_extractions": n_gold, "system_extractions": n_sys,
                   "best_f1": bf, "precision": bp, "recall": br, "threshold": bc, "auc": auc})
        );
    } else {
        println!(
            "{gold_path}: {n_gold} gold extractions in {} sentences; {sys_path}: {n_sys} extractions",
            gold.len()
        );
        println!("best F1 {bf:.4} (precision {bp:.4}, recall {br:.4}, at confidence >= {bc})  AUC {auc:.4}");
    }
    Ok(())
}

/// The process's peak resident memory in MB (Linux `VmHWM`), if known.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The lists of a gazetteer directory: each entry id (without a `#...` suffix) mapped to the
/// stem of the `.tsv` file that holds it.
fn list_ids(dir: &str) -> Result<HashMap<String, String>, String> {
    let mut ids = HashMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{dir}: {e}"))?;
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        if path.extension().is_none_or(|x| x != "tsv") {
            continue;
        }
        let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(id), Some(label)) = (cols.next(), cols.next()) else { continue };
            // Only entry files: an id, then a label in capitals.
            if label.is_empty() || !label.bytes().all(|b| b.is_ascii_uppercase()) {
                break;
            }
            let id = id.split('#').next().unwrap_or(id);
            ids.entry(id.to_string()).or_insert_with(|| stem.clone());
        }
    }
    Ok(ids)
}

/// The source kinds of one mention's source string: `gazetteer:<list>` for a built-in entry
/// (the list found through `ids`), `rule:<kind>`, `model`, and so on.
fn source_kinds(source: &str, ids: &HashMap<String, String>) -> Vec<String> {
    source_parts(source)
        .map(|part| {
            if let Some(id) = part.strip_prefix("gazetteer:builtin:") {
                let id = id.split('#').next().unwrap_or(id);
                format!("gazetteer:{}", ids.get(id).map_or("?", String::as_str))
            } else if part.starts_with("model") {
                "model".to_string()
            } else {
                // `rule:name:PERSON(surname+said)` -> `rule:name`
                let head = part.split('(').next().unwrap_or(part);
                head.splitn(3, ':').take(2).collect::<Vec<_>>().join(":")
            }
        })
        .collect()
}

/// The parts of a source string joined by `+` outside parentheses.
fn source_parts(source: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in source.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '+' if depth == 0 => {
                parts.push(&source[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&source[start..]);
    parts.into_iter()
}

/// Entities of a batch JSONL file (`extract --format jsonl DIR`): (document id, entity).
fn read_batch(path: &str) -> Result<Vec<(String, Value)>, String> {
    let text = read(std::path::Path::new(path))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let doc = v["id"].as_str().unwrap_or("").to_string();
        for e in v["entities"].as_array().into_iter().flatten() {
            out.push((doc.clone(), e.clone()));
        }
    }
    Ok(out)
}

/// `evaluate sources`: entity counts by label and by source kind in two batch outputs (before
/// and after a change), and a random sample of the entities the lists new in AFTER created.
fn sources(args: &[String]) -> Result<(), String> {
    let mut files = Vec::new();
    let (mut gaz, mut before_gaz) = ("gazetteers".to_string(), None);
    let (mut sample, mut seed) = (0usize, 1u64);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--gazetteers" => gaz = value("--gazetteers")?,
            "--before-gazetteers" => before_gaz = Some(value("--before-gazetteers")?),
            "--sample" => sample = value("--sample")?.parse().map_err(|e| format!("--sample: {e}"))?,
            "--seed" => seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            _ => files.push(a.clone()),
        }
    }
    let [before, after] = files.as_slice() else {
        return Err("sources needs BEFORE.jsonl and AFTER.jsonl".into());
    };
    let after_ids = list_ids(&gaz)?;
    let before_ids = match &before_gaz {
        Some(d) => list_ids(d)?,
        None => after_ids.clone(),
    };
    // An entity's kinds: every source kind of any of its mentions.
    let kinds_of = |e: &Value, ids: &HashMap<String, String>| -> BTreeSet<String> {
        let mentions = e["mentions"].as_array().into_iter().flatten();
        mentions.flat_map(|m| source_kinds(m["source"].as_str().unwrap_or(""), ids)).collect()
    };
    let count = |ents: &[(String, Value)], ids: &HashMap<String, String>| {
        let mut by: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (_, e) in ents {
            let label = e["label"].as_str().unwrap_or("?").to_string();
            *by.entry((label.clone(), "(all)".into())).or_default() += 1;
            for k in kinds_of(e, ids) {
                *by.entry((label.clone(), k)).or_default() += 1;
            }
        }
        by
    };
    let (b, a) = (read_batch(before)?, read_batch(after)?);
    let (cb, ca) = (count(&b, &before_ids), count(&a, &after_ids));
    let keys: BTreeSet<_> = cb.keys().chain(ca.keys()).cloned().collect();
    println!("entities by label and source (an entity counts under every source of its mentions)");
    println!("{:<8} {:<28} {:>8} {:>8} {:>8}", "label", "source", "before", "after", "change");
    for k in &keys {
        let (x, y) = (cb.get(k).copied().unwrap_or(0), ca.get(k).copied().unwrap_or(0));
        println!("{:<8} {:<28} {x:>8} {y:>8} {:>+8}", k.0, k.1, y as i64 - x as i64);
    }
    println!("documents: {} entities before, {} after", b.len(), a.len());
    if sample == 0 {
        return Ok(());
    }
    // Entities one of whose mentions comes from an entry that is new in AFTER's lists.
    let new_entry = |e: &Value| {
        e["mentions"].as_array().into_iter().flatten().any(|m| {
            source_parts(m["source"].as_str().unwrap_or("")).any(|p| {
                p.strip_prefix("gazetteer:builtin:")
                    .map(|id| id.split('#').next().unwrap_or(id))
                    .is_some_and(|id| after_ids.contains_key(id) && !before_ids.contains_key(id))
            })
        })
    };
    let mut pool: Vec<&(String, Value)> = a.iter().filter(|(_, e)| new_entry(e)).collect();
    println!("\n{} entities from entries new in AFTER; a sample of {sample} (seed {seed}):", pool.len());
    // Fisher-Yates with a fixed-seed xorshift: the same sample on every machine.
    let mut state = seed.max(1);
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in (1..pool.len()).rev() {
        pool.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    for (n, (doc, e)) in pool.iter().take(sample).enumerate() {
        let m = &e["mentions"][0];
        let (start, end) =
            (m["start"].as_u64().unwrap_or(0) as usize, m["end"].as_u64().unwrap_or(0) as usize);
        let context = std::fs::read_to_string(doc).ok().map(|t| {
            let mut lo = start.saturating_sub(160).min(t.len());
            let mut hi = (end + 160).min(t.len());
            while !t.is_char_boundary(lo) {
                lo -= 1;
            }
            while !t.is_char_boundary(hi) {
                hi += 1;
            }
            let (pre, mid, post) =
                (&t[lo..start.min(hi)], &t[start.min(hi)..end.min(hi)], &t[end.min(hi)..hi]);
            format!("{pre}[[{mid}]]{post}").replace('\n', " ")
        });
        let srcs: BTreeSet<&str> =
            e["mentions"].as_array().into_iter().flatten().filter_map(|m| m["source"].as_str()).collect();
        println!(
            "{}\t{doc}\t{}\t{}\t{}\t{}\t{}",
            n + 1,
            e["label"].as_str().unwrap_or("?"),
            e["name"].as_str().unwrap_or("?"),
            e["mentions"].as_array().map_or(0, Vec::len),
            srcs.into_iter().collect::<Vec<_>>().join(" "),
            context.unwrap_or_default()
        );
    }
    Ok(())
}

/// Cold start of the default extractor in this fresh process: the build (every built-in list,
/// lexicon and model is loaded there), then a first short extraction, and the peak memory.
fn startup() -> Result<(), String> {
    let t0 = std::time::Instant::now();
    let ex = Extractor::new();
    let build = t0.elapsed();
    let t1 = std::time::Instant::now();
    let doc = ex.extract("CIA Director Leon Panetta met officials in Lahore on Monday.");
    let first = t1.elapsed();
    println!(
        "{}",
        json!({"build_ms": build.as_secs_f64() * 1e3, "first_extract_ms": first.as_secs_f64() * 1e3,
               "entities": doc.entities().len(), "peak_rss_mb": peak_rss_mb()})
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evaluate seed [GOLD.json [ARTICLE.txt]] [--model NER.bin] [--json]\n       evaluate pos FILE.conllu [--train TRAIN.conllu] [--json]\n       evaluate news-tags FILE [--errors N] [--json]\n       evaluate conll FILE [--ner rules|model|fused] [--model NER.bin] [--labels PER,ORG,LOC] [--out FILE] [--json]\n       evaluate parse FILE.conllu [--model PARSER.bin] [--json]\n       evaluate carb GOLD.tsv SYSTEM.tsv [--json]\n       evaluate startup\n       evaluate sources BEFORE.jsonl AFTER.jsonl [--gazetteers DIR] [--before-gazetteers DIR] [--sample N] [--seed S]";
    let result = match args.first().map(String::as_str) {
        Some("seed") => seed(&args[1..]),
        Some("pos") => pos(&args[1..]),
        Some("news-tags") => news_tags(&args[1..]),
        Some("conll") => conll(&args[1..]),
        Some("parse") => parse(&args[1..]),
        Some("carb") => carb(&args[1..]),
        Some("startup") => startup(),
        Some("sources") => sources(&args[1..]),
        _ => Err(usage.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
