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
//! * Batch mode (several inputs, a directory, `--input jsonl` or `--format jsonl`): see
//!   `run_batch`; `--jobs N` sets the threads.
//! * `--format json`: the document in dossier's JSON schema, pretty-printed; with `--tokens`,
//!   every token with its tags, lemma, head (a token index) and dependency relation.
//! * `--format conllu`: tokens, lemmas, tags and the dependency parse in CoNLL-U.
//! * `--tokens`: include the tokens in JSON output.
//! * `--lossy`: decode input that is not valid UTF-8 with replacement characters (with a
//!   warning) instead of failing.

use std::io::Read;
use std::process::ExitCode;

use dossier::output::View;
use dossier::{Document, Extractor, Label};

const USAGE: &str =
    "usage: extract [--format table|json|jsonl|conllu|carb|html|dot|conll|csv-entities|csv-triples]
               [--tokens] [--labels PERSON,ORG,...] [--entities-only] [--lossy]
               [--input text|jsonl] [--jobs N] FILE|DIR|- ...";

struct Options {
    format: String,
    tokens: bool,
    lossy: bool,
    entities_only: bool,
    input: String,
    /// Every input given (batch mode when more than one, a directory, or JSONL).
    inputs: Vec<String>,
    jsonl_input: bool,
    jobs: usize,
    labels: Option<Vec<Label>>,
    /// Whether `--format` was given (batch mode defaults to jsonl).
    format_given: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        format: "table".into(),
        tokens: false,
        lossy: false,
        entities_only: false,
        input: String::new(),
        inputs: Vec::new(),
        jsonl_input: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        labels: None,
        format_given: false,
    };
    let mut args = std::env::args().skip(1);
    let mut inputs = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => {
                opts.format = args.next().ok_or("--format needs a value")?;
                opts.format_given = true;
            }
            s if s.starts_with("--format=") => {
                opts.format = s["--format=".len()..].to_string();
                opts.format_given = true;
            }
            "--tokens" => opts.tokens = true,
            "--lossy" => opts.lossy = true,
            "--entities-only" => opts.entities_only = true,
            "--labels" => {
                let list = args.next().ok_or("--labels needs a list such as PERSON,ORG")?;
                let labels = list
                    .split(',')
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| Label::parse(l).ok_or(format!("unknown label {l:?}")))
                    .collect::<Result<Vec<_>, _>>()?;
                opts.labels = Some(labels);
            }
            "--input" => match args.next().as_deref() {
                Some("jsonl") => opts.jsonl_input = true,
                Some("text") => opts.jsonl_input = false,
                other => return Err(format!("--input takes text or jsonl, not {other:?}")),
            },
            "--jobs" => {
                opts.jobs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--jobs needs a number")?
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => inputs.push(s.to_string()),
        }
    }
    const FORMATS: [&str; 10] =
        ["table", "json", "jsonl", "conllu", "carb", "html", "dot", "conll", "csv-entities", "csv-triples"];
    if !FORMATS.contains(&opts.format.as_str()) {
        return Err(format!("unknown format {:?} (expected one of {})", opts.format, FORMATS.join(", ")));
    }
    opts.input = inputs.first().cloned().ok_or("no input file given (use - for standard input)")?;
    opts.inputs = inputs;
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

/// The document through the `--labels` and `--entities-only` filters.
fn view_of<'d, 't>(doc: &'d Document<'t>, opts: &Options) -> View<'d, 't> {
    let view = View::new(doc).entities_only(opts.entities_only);
    match &opts.labels {
        Some(l) => view.labels(l),
        None => view,
    }
}

/// The document as one line of JSON; unfiltered documents keep the schema's field order.
fn json_string(view: &View<'_, '_>, opts: &Options) -> Result<String, serde_json::Error> {
    let doc = view.document();
    match (opts.labels.is_some() || opts.entities_only, opts.tokens) {
        (false, true) => serde_json::to_string(&doc.with_tokens()),
        (false, false) => serde_json::to_string(doc),
        (true, tokens) => filtered_json(view, tokens).map(|v| v.to_string()),
    }
}

/// The document as pretty-printed JSON.
fn json_pretty(view: &View<'_, '_>, opts: &Options) -> Result<String, serde_json::Error> {
    let doc = view.document();
    match (opts.labels.is_some() || opts.entities_only, opts.tokens) {
        (false, true) => serde_json::to_string_pretty(&doc.with_tokens()),
        (false, false) => serde_json::to_string_pretty(doc),
        (true, tokens) => filtered_json(view, tokens).and_then(|v| serde_json::to_string_pretty(&v)),
    }
}

/// The document's JSON with only the entities, roles and triples the view shows (entity ids
/// stay those of the whole document).
fn filtered_json(view: &View<'_, '_>, tokens: bool) -> Result<serde_json::Value, serde_json::Error> {
    let doc = view.document();
    let mut v = if tokens { serde_json::to_value(doc.with_tokens())? } else { serde_json::to_value(doc)? };
    let shown =
        |id: &serde_json::Value| id.as_u64().is_none_or(|i| view.shows_entity(dossier::EntityId(i as u32)));
    if let Some(ents) = v.get_mut("entities").and_then(|e| e.as_array_mut()) {
        ents.retain(|e| shown(&e["id"]));
    }
    if let Some(roles) = v.get_mut("roles").and_then(|e| e.as_array_mut()) {
        roles.retain(|r| shown(&r["person"]) && shown(&r["org"]) && shown(&r["title"]));
    }
    if let Some(ts) = v.get_mut("triples").and_then(|e| e.as_array_mut()) {
        let keep: Vec<bool> = doc.triples().iter().map(|t| view.shows_triple(t)).collect();
        let mut k = keep.iter();
        ts.retain(|_| *k.next().unwrap_or(&true));
    }
    Ok(v)
}

fn print_table(view: &View<'_, '_>) {
    let doc = view.document();
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    println!(
        "{} sentences, {} tokens, {} entities",
        doc.sentences().len(),
        doc.tokens().len(),
        doc.entities().len()
    );
    for label in Label::ALL {
        let mut ents = doc.entities_of(label).filter(|e| view.shows_entity(e.id)).peekable();
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
    if view.triples().next().is_some() {
        println!("\nTRIPLES");
        for t in view.triples() {
            let said = t.attribution.as_ref().map(|a| format!(" [per {}]", one_line(doc.slice(a.span))));
            let flags = format!(
                "{}{}{}",
                if t.negated { " [negated]" } else { "" },
                if t.passive { " [passive]" } else { "" },
                said.unwrap_or_default()
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
fn print_carb(extractor: &Extractor, text: &str, opts: &Options) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let doc = extractor.extract(line);
        let view = view_of(&doc, opts);
        for t in view.triples() {
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

/// One document of a batch: its id, and its text or why it has none.
struct Item {
    id: serde_json::Value,
    text: Result<String, String>,
}

/// The documents of a batch, read lazily: JSONL lines from files or standard input, or text
/// files (a directory stands for its `.txt` files, sorted).
fn batch_items(opts: &Options) -> Box<dyn Iterator<Item = Item>> {
    use std::io::BufRead;
    let mut paths = Vec::new();
    for p in &opts.inputs {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let mut files: Vec<String> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| p.display().to_string())
                .collect();
            files.sort();
            paths.extend(files);
        } else {
            paths.push(p.clone());
        }
    }
    if opts.jsonl_input {
        let lossy = opts.lossy;
        Box::new(paths.into_iter().flat_map(move |p| {
            let reader: Box<dyn BufRead> = if p == "-" {
                Box::new(std::io::BufReader::new(std::io::stdin()))
            } else {
                match std::fs::File::open(&p) {
                    Ok(f) => Box::new(std::io::BufReader::new(f)),
                    Err(e) => {
                        let err = Item { id: p.clone().into(), text: Err(format!("cannot read {p}: {e}")) };
                        return Box::new(std::iter::once(err)) as Box<dyn Iterator<Item = Item>>;
                    }
                }
            };
            let name = p.clone();
            Box::new(reader.split(b'\n').enumerate().filter_map(move |(n, line)| {
                let at = format!("{name}:{}", n + 1);
                let line = match line {
                    Ok(l) => l,
                    Err(e) => return Some(Item { id: at.into(), text: Err(format!("read error: {e}")) }),
                };
                let line = if lossy {
                    String::from_utf8_lossy(&line).into_owned()
                } else {
                    match String::from_utf8(line) {
                        Ok(l) => l,
                        Err(_) => return Some(Item { id: at.into(), text: Err("not valid UTF-8".into()) }),
                    }
                };
                if line.trim().is_empty() {
                    return None;
                }
                let v: serde_json::Value = match serde_json::from_str(line.trim_end_matches('\r')) {
                    Ok(v) => v,
                    Err(e) => return Some(Item { id: at.into(), text: Err(format!("bad JSON: {e}")) }),
                };
                let id = v.get("id").cloned().unwrap_or_else(|| at.clone().into());
                match v.get("text").and_then(|t| t.as_str()) {
                    Some(t) => Some(Item { id, text: Ok(t.to_string()) }),
                    None => Some(Item { id, text: Err(format!("{at}: no \"text\" string")) }),
                }
            })) as Box<dyn Iterator<Item = Item>>
        }))
    } else {
        let lossy = opts.lossy;
        Box::new(paths.into_iter().map(move |p| {
            let text = std::fs::read(&p).map_err(|e| format!("cannot read {p}: {e}")).and_then(|b| {
                if lossy {
                    Ok(String::from_utf8_lossy(&b).into_owned())
                } else {
                    String::from_utf8(b).map_err(|_| format!("{p} is not valid UTF-8 (use --lossy)"))
                }
            });
            Item { id: p.into(), text }
        }))
    }
}

/// Batch mode: documents in chunks, each chunk extracted on `--jobs` threads, results written
/// in input order as JSON lines (`--format jsonl`, the default here). Memory is bounded by the
/// chunk size, whatever the input's. A document that cannot be read gets an error record and
/// the batch goes on. A summary goes to standard error.
fn run_batch(opts: &Options) -> Result<(), String> {
    use std::io::Write;
    let extractor = Extractor::new();
    let jobs = opts.jobs.max(1);
    let chunk = 64 * jobs;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    let started = std::time::Instant::now();
    let (mut docs, mut bytes, mut entities, mut triples, mut errors) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut items = batch_items(opts);
    // A progress line when a person is watching (stderr is a terminal), nothing in pipelines.
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} documents {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    loop {
        let batch: Vec<Item> = items.by_ref().take(chunk).collect();
        if batch.is_empty() {
            break;
        }
        let per = batch.len().div_ceil(jobs);
        // rayon keeps the order of an indexed parallel iterator when collecting.
        let lines: Vec<(String, usize, usize)> = pool.install(|| {
            use rayon::prelude::*;
            batch.par_iter().with_min_len(per.min(8)).map(|item| batch_line(&extractor, item, opts)).collect()
        });
        for (item, (line, e, t)) in batch.iter().zip(lines) {
            docs += 1;
            match &item.text {
                Ok(text) => bytes += text.len(),
                Err(_) => errors += 1,
            }
            entities += e;
            triples += t;
            writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
        }
        if let Some(bar) = &progress {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_position(docs as u64);
            bar.set_message(format!("{:.1} MB, {:.2} MB/s", bytes as f64 / 1e6, bytes as f64 / 1e6 / secs));
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{docs} documents ({errors} errors), {:.2} MB in {secs:.2} s: {:.2} MB/s on {jobs} threads; {entities} entities, {triples} triples",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}

/// One output line of a batch, with the document's entity and triple counts.
fn batch_line(ex: &Extractor, item: &Item, opts: &Options) -> (String, usize, usize) {
    let id = serde_json::to_string(&item.id).unwrap_or_else(|_| "null".into());
    let text = match &item.text {
        Ok(t) => t,
        Err(e) => {
            let err = serde_json::to_string(e).unwrap_or_default();
            return (format!("{{\"id\":{id},\"error\":{err}}}"), 0, 0);
        }
    };
    let doc = ex.extract(text);
    let view = view_of(&doc, opts);
    let body = json_string(&view, opts).unwrap_or_else(|_| "{}".into());
    let counts = (doc.entities().iter().filter(|e| view.shows_entity(e.id)).count(), view.triples().count());
    // The document's JSON object, with the id as its first field.
    let line = format!("{{\"id\":{id},{}", body.strip_prefix('{').unwrap_or("}"));
    (line, counts.0, counts.1)
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
    let batch = opts.format == "jsonl"
        || opts.jsonl_input
        || opts.inputs.len() > 1
        || std::path::Path::new(&opts.input).is_dir();
    if batch {
        // Batch mode writes JSON lines unless told otherwise.
        let mut opts = opts;
        if !opts.format_given {
            opts.format = "jsonl".into();
        }
        let opts = &opts;
        if !matches!(opts.format.as_str(), "json" | "jsonl") {
            eprintln!("error: batch mode writes JSON lines (--format jsonl), not {}", opts.format);
            return ExitCode::from(2);
        }
        return match run_batch(opts) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        };
    }
    let text = match read_input(&opts) {
        Ok(t) => t,
        Err((msg, code)) => {
            eprintln!("error: {msg}");
            return ExitCode::from(code);
        }
    };
    let extractor = Extractor::new();
    if opts.format == "carb" {
        print_carb(&extractor, &text, &opts);
        return ExitCode::SUCCESS;
    }
    let doc = extractor.extract(&text);
    let view = view_of(&doc, &opts);
    match opts.format.as_str() {
        "json" => match json_pretty(&view, &opts) {
            Ok(v) => println!("{v}"),
            Err(e) => {
                eprintln!("error: cannot serialise the document: {e}");
                return ExitCode::from(1);
            }
        },
        "conllu" => print!("{}", doc.to_conllu()),
        "html" => print!("{}", view.html()),
        "dot" => print!("{}", view.dot()),
        "conll" => print!("{}", view.conll()),
        "csv-entities" => print!("{}", view.entities_csv()),
        "csv-triples" => print!("{}", view.triples_csv()),
        _ => print_table(&view),
    }
    ExitCode::SUCCESS
}
