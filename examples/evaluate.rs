//! Measures dossier against annotated data.
//!
//! ```text
//! cargo run --release --example evaluate -- seed [GOLD.json [ARTICLE.txt]] [--json]
//! ```
//!
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: evaluate seed [GOLD.json [ARTICLE.txt]] [--json]";
    let result = match args.first().map(String::as_str) {
        Some("seed") => seed(&args[1..]),
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
