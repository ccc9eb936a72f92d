//! Runs dossier on one article and prints what it found.
//!
//! ```text
//! cargo run --release --example extract -- examples/article.txt
//! cargo run --release --example extract -- --format json --tokens - < article.txt
//! ```
//!
//! Options:
//! * `--format table` (default): entities grouped by label with their mentions, then roles,
//!   then triples.
//! * `--format json`: the document in dossier's JSON schema, pretty-printed; with `--tokens`,
//!   every token with its tags, lemma, head (a token index) and dependency relation.
//! * `--format conllu`: tokens, lemmas, tags and the dependency parse in CoNLL-U.
//! * `--tokens`: include the tokens in JSON output.
//! * `--lossy`: decode input that is not valid UTF-8 with replacement characters (with a
//!   warning) instead of failing.

use std::io::Read;
use std::process::ExitCode;

use dossier::{Document, Extractor, Label};

const USAGE: &str =
    "usage: extract [--format table|json|conllu|carb] [--tokens] [--entities-only] [--lossy] FILE|-";

struct Options {
    format: String,
    tokens: bool,
    lossy: bool,
    entities_only: bool,
    input: String,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        format: "table".into(),
        tokens: false,
        lossy: false,
        entities_only: false,
        input: String::new(),
    };
    let mut args = std::env::args().skip(1);
    let mut input = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => opts.format = args.next().ok_or("--format needs a value")?,
            s if s.starts_with("--format=") => opts.format = s["--format=".len()..].to_string(),
            "--tokens" => opts.tokens = true,
            "--lossy" => opts.lossy = true,
            "--entities-only" => opts.entities_only = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err("give one input file".into());
                }
            }
        }
    }
    if !matches!(opts.format.as_str(), "table" | "json" | "conllu" | "carb") {
        return Err(format!("unknown format {:?} (expected table, json, conllu or carb)", opts.format));
    }
    opts.input = input.ok_or("no input file given (use - for standard input)")?;
    Ok(opts)
}

fn read_input(opts: &Options) -> Result<String, (String, u8)> {
    let mut bytes = Vec::new();
    if opts.input == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| (format!("cannot read standard input: {e}"), 1))?;
    } else {
        bytes = std::fs::read(&opts.input).map_err(|e| (format!("cannot read {}: {e}", opts.input), 1))?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if opts.lossy => {
            eprintln!(
                "warning: {} is not valid UTF-8 (first bad byte at offset {}); decoding lossily",
                opts.input,
                e.utf8_error().valid_up_to()
            );
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        Err(e) => Err((
            format!(
                "{} is not valid UTF-8 (first bad byte at offset {}); use --lossy to decode it anyway",
                opts.input,
                e.utf8_error().valid_up_to()
            ),
            2,
        )),
    }
}

fn print_table(doc: &Document<'_>) {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    println!(
        "{} sentences, {} tokens, {} entities",
        doc.sentences().len(),
        doc.tokens().len(),
        doc.entities().len()
    );
    for label in Label::ALL {
        let mut ents = doc.entities_of(label).peekable();
        if ents.peek().is_none() {
            continue;
        }
        println!("\n{label}");
        for e in ents {
            let mut mentions: Vec<String> = e.mentions.iter().map(|m| one_line(doc.slice(m.span))).collect();
            mentions.dedup();
            let kb = e.kb_id.as_deref().map(|k| format!(" [{k}]")).unwrap_or_default();
            println!("  {:<36}{kb}  {}", e.name, mentions.join(" | "));
        }
    }
    let name = |id: Option<dossier::EntityId>| {
        id.and_then(|i| doc.entity(i)).map(|e| e.name.as_str()).unwrap_or("-").to_string()
    };
    if !doc.roles().is_empty() {
        println!("\nROLES");
        for r in doc.roles() {
            println!("  {} | {} | {}", name(r.person), name(r.title), name(r.org));
        }
    }
    if !doc.triples().is_empty() {
        println!("\nTRIPLES");
        for t in doc.triples() {
            let flags = format!(
                "{}{}",
                if t.negated { " [negated]" } else { "" },
                if t.passive { " [passive]" } else { "" }
            );
            println!(
                "  {} · {} · {}{flags}",
                one_line(doc.slice(t.subject.span)),
                t.predicate.lemma,
                one_line(doc.slice(t.object.span))
            );
        }
    }
}

/// One sentence per input line; one line per triple:
/// `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>adjunct...]`, the sentence as
/// read. Arguments come in the sentence's own order (a passive's patient first, its relation
/// ending in "by"), which is how Open IE benchmarks write them.
fn print_carb(extractor: &Extractor, text: &str, entities_only: bool) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let doc = extractor.extract(line);
        for t in doc.triples() {
            if entities_only && (t.subject.entity.is_none() || t.object.entity.is_none()) {
                continue;
            }
            let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
            let (subject, object) = (clean(doc.slice(t.subject.span)), clean(doc.slice(t.object.span)));
            let agentive = t.passive && !t.predicate.lemma.starts_with("be ");
            let (arg1, rel, arg2) = if agentive {
                (object, format!("{} by", t.predicate.text), subject)
            } else {
                (subject, t.predicate.text.clone(), object)
            };
            let _ = write!(out, "{line}\t{:.3}\t{}\t{arg1}\t{arg2}", t.confidence, clean(&rel));
            for a in &t.adjuncts {
                let _ = write!(out, "\t{}", clean(doc.slice(a.span)));
            }
            let _ = writeln!(out);
        }
    }
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("error: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if msg.is_empty() { 0 } else { 2 });
        }
    };
    let text = match read_input(&opts) {
        Ok(t) => t,
        Err((msg, code)) => {
            eprintln!("error: {msg}");
            return ExitCode::from(code);
        }
    };
    let extractor = Extractor::new();
    if opts.format == "carb" {
        print_carb(&extractor, &text, opts.entities_only);
        return ExitCode::SUCCESS;
    }
    let mut doc = extractor.extract(&text);
    if opts.entities_only {
        doc.retain_triples(|t| t.subject.entity.is_some() && t.object.entity.is_some());
    }
    match opts.format.as_str() {
        "json" => {
            let out = if opts.tokens {
                serde_json::to_string_pretty(&doc.with_tokens())
            } else {
                serde_json::to_string_pretty(&doc)
            };
            match out {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("error: cannot serialise the document: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        "conllu" => print!("{}", doc.to_conllu()),
        _ => print_table(&doc),
    }
    ExitCode::SUCCESS
}
