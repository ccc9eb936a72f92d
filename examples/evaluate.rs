//! Measures dossier against annotated data.
//!
//! ```text
//! cargo run --release --example evaluate -- seed [GOLD.json [ARTICLE.txt]] [--json]
//! ```
//!
//! * `pos FILE.conllu [--train TRAIN.conllu] [--json]`: tags the gold tokens and reports UPOS
//!   accuracy, accuracy on words not seen in the training file (default
//!   `$DOSSIER_SHARED/data/ud-ewt/en_ewt-ud-train.conllu`), and lemma accuracy on VERB, AUX and
//!   NOUN tokens (by gold tag), overall and for each of the three.
//! * `conll FILE [--out FILE] [--json]`: named-entity scores on a CoNLL file (CoNLL-2003,
//!   WikiGold: any number of columns, the token first and the tag last, IOB1 or IOB2,
//!   `-DOCSTART-` between documents). Each document's text is rebuilt from its tokens (spaces
//!   between tokens, blank lines between sentences) and run through `extract`; PERSON, ORG, PLACE
//!   and NORP map to PER, ORG, LOC and MISC, the rest to O; scores are exact-chunk precision,
//!   recall and F1 as conlleval computes them. `--out` writes `token gold predicted` lines.
//! * `parse FILE.conllu [--model PARSER.bin] [--json]`: tags the gold tokens with the built-in
//!   tagger, parses them (with the built-in parser or the model given) and reports UAS and LAS
//!   over every word, punctuation included, as in the CoNLL 2018 shared task.
//! * `seed`: scores one article against a gold file in the format of `../shared/gold/seed.json`
//!   (entities with labels and mentions, roles, triples, and strings that must not be entities).
//!   Without paths it uses `$DOSSIER_SHARED/gold/seed.json` and the article it names, where
//!   `DOSSIER_SHARED` defaults to `../shared`.

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
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
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
    let doc = Extractor::new().extract(&text);

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
    let name_of = |id: Option<dossier::EntityId>| id.and_then(|i| doc.entity(i)).map(|e| e.name.clone());
    for r in gold["roles"].as_array().into_iter().flatten() {
        let required = r["required"].as_bool().unwrap_or(false);
        let person = find_entity(&doc, Label::Person, r["person"].as_str().unwrap_or(""), &[]);
        let hit = doc.roles().iter().any(|role| {
            let p_ok = person.is_some_and(|p| role.person == Some(p.id));
            let t_ok = name_of(role.title).is_some_and(|t| key(&t) == key(r["title"].as_str().unwrap_or("")));
            let o_ok = match r["org"].as_str() {
                None => true,
                Some(o) => name_of(role.org).is_some_and(|n| key(&n) == key(o)),
            };
            p_ok && t_ok && o_ok
        });
        if required {
            role_req += 1;
            role_hits += hit as usize;
        }
        roles_report.push(json!({"role": r, "found": hit}));
    }

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
    });
    if json_out {
        let full = json!({"summary": summary, "entities": report, "roles": roles_report, "violations": bad});
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
                    "lemma {:>16} gold {}/{} pred {}/{} -> {:?} want {:?}",
                    w.form,
                    w.upos,
                    w.xpos,
                    t.upos,
                    t.xpos.as_str(),
                    l,
                    w.lemma
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
    let mut top: Vec<_> = confusion.into_iter().collect();
    top.sort_by_key(|e| std::cmp::Reverse(e.1));
    let out = json!({
        "file": file,
        "tokens": n,
        "upos_accuracy": right as f64 / n.max(1) as f64,
        "unseen_tokens": unseen,
        "unseen_upos_accuracy": if unseen > 0 { json!(unseen_right as f64 / unseen as f64) } else { Value::Null },
        "lemma_tokens": ln,
        "lemma_accuracy": lr as f64 / ln.max(1) as f64,
        "lemma_accuracy_gold_tags_by_upos": rates(&lem_gold),
        "lemma_accuracy_by_predicted_upos": rates(&lem_pred),
        "lemma_accuracy_by_upos": lem.iter().map(|(k, (a, b))| (k.to_string(), json!(*b as f64 / (*a).max(1) as f64))).collect::<serde_json::Map<_, _>>(),
        "top_confusions": top.iter().take(8).map(|((g, p), c)| json!({"gold": g, "predicted": p, "count": c})).collect::<Vec<_>>(),
    });
    if json_out {
        println!("{}", serde_json::to_string(&out).unwrap_or_default());
    } else {
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    }
    Ok(())
}

/// One CoNLL document: sentences of (token, gold tag in IOB2).
struct ConllDoc {
    sentences: Vec<Vec<(String, String)>>,
}

/// Reads a CoNLL NER file: the first column is the token, the last the tag (IOB1 or IOB2);
/// `-DOCSTART-` lines separate documents and blank lines sentences.
fn read_conll(path: &str) -> Result<Vec<ConllDoc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut docs = vec![ConllDoc { sentences: Vec::new() }];
    let mut cur: Vec<(String, String)> = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !cur.is_empty() {
                docs.last_mut().unwrap().sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                docs.last_mut().unwrap().sentences.push(std::mem::take(&mut cur));
            }
            if !docs.last().unwrap().sentences.is_empty() {
                docs.push(ConllDoc { sentences: Vec::new() });
            }
            continue;
        }
        if cols.len() < 2 {
            return Err(format!("{path}:{}: expected a token and a tag", n + 1));
        }
        cur.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
    }
    if !cur.is_empty() {
        docs.last_mut().unwrap().sentences.push(cur);
    }
    docs.retain(|d| !d.sentences.is_empty());
    for d in &mut docs {
        for s in &mut d.sentences {
            to_iob2(s);
        }
    }
    Ok(docs)
}

/// Rewrites IOB1 tags as IOB2 (a chunk always starts with B-); IOB2 input is unchanged.
fn to_iob2(s: &mut [(String, String)]) {
    let mut prev = String::from("O");
    for (_, tag) in s.iter_mut() {
        if let Some(t) = tag.strip_prefix("I-") {
            let continues = prev.len() > 2 && &prev[2..] == t;
            if !continues {
                *tag = format!("B-{t}");
            }
        }
        prev = tag.clone();
    }
}

/// The chunks (start, end, type) of an IOB2 sequence.
fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if let Some(t) = tags[i].strip_prefix("B-").or_else(|| tags[i].strip_prefix("I-")) {
            let mut j = i + 1;
            while j < tags.len() && tags[j].strip_prefix("I-") == Some(t) {
                j += 1;
            }
            out.push((i, j, t.to_string()));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn conll_label(l: Label) -> Option<&'static str> {
    match l {
        Label::Person => Some("PER"),
        Label::Org => Some("ORG"),
        Label::Place => Some("LOC"),
        Label::Norp => Some("MISC"),
        _ => None,
    }
}

fn conll(args: &[String]) -> Result<(), String> {
    let json_out = args.iter().any(|a| a == "--json");
    let mut out_path = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--out" => out_path = Some(it.next().ok_or("--out needs a file")?.clone()),
            _ => files.push(a.clone()),
        }
    }
    let file = files.first().ok_or("usage: evaluate conll FILE [--out FILE] [--json]")?;
    let docs = read_conll(file)?;
    let extractor = Extractor::new();
    let mut counts: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    let mut out = String::new();
    let (mut n_tokens, mut bytes) = (0usize, 0usize);
    let t0 = std::time::Instant::now();
    for d in &docs {
        // Rebuild the document: tokens joined by spaces, sentences by blank lines.
        let mut text = String::new();
        let mut spans: Vec<Vec<(usize, usize)>> = Vec::new();
        for s in &d.sentences {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut sp = Vec::new();
            for (k, (tok, _)) in s.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                sp.push((text.len(), text.len() + tok.len()));
                text.push_str(tok);
            }
            spans.push(sp);
        }
        bytes += text.len();
        let doc = extractor.extract(&text);
        // Byte -> predicted tag: mentions are laid over the gold tokens they overlap.
        let mut mentions: Vec<(usize, usize, &'static str)> = Vec::new();
        for e in doc.entities() {
            if let Some(l) = conll_label(e.label) {
                for m in &e.mentions {
                    mentions.push((m.span.start, m.span.end, l));
                }
            }
        }
        mentions.sort();
        for (s, sp) in d.sentences.iter().zip(&spans) {
            n_tokens += s.len();
            let mut pred = vec!["O".to_string(); s.len()];
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
            let gold: Vec<String> = s.iter().map(|(_, t)| t.clone()).collect();
            let gc = chunks(&gold);
            let pc = chunks(&pred);
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
                for (k, (tok, g)) in s.iter().enumerate() {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evaluate seed [GOLD.json [ARTICLE.txt]] [--json]\n       evaluate pos FILE.conllu [--train TRAIN.conllu] [--json]\n       evaluate conll FILE [--out FILE] [--json]\n       evaluate parse FILE.conllu [--model PARSER.bin] [--json]";
    let result = match args.first().map(String::as_str) {
        Some("seed") => seed(&args[1..]),
        Some("pos") => pos(&args[1..]),
        Some("conll") => conll(&args[1..]),
        Some("parse") => parse(&args[1..]),
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
