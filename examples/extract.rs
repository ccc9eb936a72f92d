//! Runs dossier on articles and prints what it found: the command-line program of the README.
//!
//! ```text
//! cargo run --release --example extract -- examples/article.txt
//! cargo run --release --example extract -- --format json --tokens - < article.txt
//! cargo run --release --example extract -- --input jsonl --jobs 2 docs.jsonl > out.jsonl
//! cargo install dossier --example extract     # then: extract --help
//! ```
//!
//! `extract --help` describes every option and format. The program never panics: every error
//! is a message naming the input and the cause, with one of the exit codes below, and a closed
//! standard output (`extract ... | head`) ends it quietly with status 0, as `grep` or `rg` do
//! in a pipeline that stops reading.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, ValueEnum};
use dossier::output::View;
use dossier::{Config, Document, Extractor, Label};

/// Success; also a standard output closed by its reader, and a batch with error records.
const EXIT_OK: u8 = 0;
/// An input could not be read, or is longer than `--max-document-bytes` (one document), or
/// standard output could not be written.
const EXIT_FAILURE: u8 = 1;
/// A usage error (clap's convention), or input that is not valid UTF-8 without `--lossy`.
const EXIT_USAGE: u8 = 2;
/// A `--gazetteer` or `--patterns` file cannot be read or has a bad line.
const EXIT_WATCHLIST: u8 = 3;

const AFTER_HELP: &str = "\
Batch mode (several inputs, a directory, --input jsonl or keyed-jsonl, or --format jsonl):
  documents are read lazily, extracted on --jobs threads and written in input order, one JSON
  line each with its \"id\" first. A document that cannot be read, or that is longer than
  --max-document-bytes, becomes {\"id\": ..., \"error\": ...} and the batch goes on; a summary,
  with the first errors, goes to standard error.

Exit codes:
  0  success (batch mode: every input line has an output line, error records included);
     also when standard output is closed early (extract ... | head)
  1  an input cannot be read or is too long (one document), or output cannot be written
  2  usage error; input not valid UTF-8 without --lossy (one document)
  3  a --gazetteer or --patterns file cannot be read or has a bad line (file:line: cause)";

/// Extracts people, organisations, places, titles and subject-verb-object triples from
/// English news.
#[derive(Parser, Debug)]
#[command(name = "extract", version, after_help = AFTER_HELP)]
struct Cli {
    /// Output format [default: table, or jsonl in batch mode]
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// Add every token (tags, lemma, head, dependency relation) to the JSON output
    #[arg(long)]
    tokens: bool,

    /// Show only entities with these labels, in every format (PERSON, ORG, PLACE, TITLE, NORP,
    /// DATE, MISC; comma-separated)
    #[arg(long, value_name = "LABEL,...", value_parser = parse_labels)]
    labels: Option<Labels>,

    /// Keep only the triples whose subject and object are both entities
    #[arg(long)]
    entities_only: bool,

    /// Decode input that is not valid UTF-8 with replacement characters (with a warning)
    /// instead of failing
    #[arg(long)]
    lossy: bool,

    /// How to read the inputs
    #[arg(long, value_enum, default_value_t = InputKind::Text, value_name = "KIND")]
    input: InputKind,

    /// Threads in batch mode [default: all cores]
    #[arg(long, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,

    /// A watchlist gazetteer (TSV: id, label, name, aliases, attributes; see
    /// gazetteers/README.md); may be repeated, earlier files win
    #[arg(long = "gazetteer", value_name = "FILE")]
    gazetteers: Vec<PathBuf>,

    /// Token patterns (JSON Lines in spaCy's EntityRuler format); may be repeated
    #[arg(long = "patterns", value_name = "FILE")]
    patterns: Vec<PathBuf>,

    /// How names are found: the entity model fused with the gazetteers and rules, the rules
    /// alone, or the model alone
    #[arg(long, value_enum, default_value_t = NerArg::Fused, value_name = "MODE")]
    ner: NerArg,

    /// An entity model of your own (trained by the train_ner example) instead of the built-in one
    #[arg(long, value_name = "FILE")]
    ner_model: Option<PathBuf>,

    /// The longest document accepted, in bytes (suffixes K, M, G for KiB, MiB, GiB); a longer
    /// one is an error (an error record in batch mode) [default: 64M]
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
    max_document_bytes: Option<usize>,

    /// Text files, directories of .txt files, JSONL files, or - for standard input
    #[arg(value_name = "FILE|DIR|-", required = true)]
    inputs: Vec<String>,
}

/// What `extract` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Entities grouped by label with their mentions, then roles, then triples
    Table,
    /// The document in dossier's JSON schema, pretty-printed (one line each in batch mode)
    Json,
    /// One JSON line per document, with its "id" first (batch mode)
    Jsonl,
    /// Tokens, lemmas, tags and the dependency parse in CoNLL-U, byte spans in MISC
    Conllu,
    /// One sentence per input line (tokenized, as Open IE benchmarks give them); one line per
    /// triple for the CaRB scorer: sentence, confidence, relation, arg1, arg2, adjuncts, and
    /// an attributed triple's context ("C: Analysts said") (tab-separated)
    Carb,
    /// A self-contained HTML page: entities highlighted by label, roles, triples, the entity
    /// graph as SVG
    Html,
    /// A Graphviz graph: entities as nodes, triples as labelled edges
    Dot,
    /// One "token tag lemma entity-IOB" line per token, CoNLL-2003 style
    Conll,
    /// The entities as CSV, with a header
    CsvEntities,
    /// The triples as CSV, with a header
    CsvTriples,
}

/// `--ner`: how names are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum NerArg {
    /// The entity model fused with the gazetteers and rules
    Fused,
    /// Gazetteers, patterns and rules only
    Rules,
    /// The entity model's names only
    Model,
}

/// How the inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputKind {
    /// Each input is one document (a directory stands for its .txt files)
    Text,
    /// One {"id": ..., "text": ...} per line (batch mode)
    Jsonl,
    /// KEY<TAB>{"id": ..., "text": ...} per line: KEY names the line in error messages and is
    /// the id of a record that has none or cannot be read (batch mode; the Spark recipe's)
    KeyedJsonl,
}

/// The `--labels` list.
#[derive(Clone, Debug)]
struct Labels(Vec<Label>);

fn parse_labels(list: &str) -> Result<Labels, String> {
    list.split(',')
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            Label::parse(l).ok_or_else(|| {
                let known: Vec<String> = Label::ALL.iter().map(|l| l.to_string()).collect();
                format!("unknown label {l:?} (expected some of {})", known.join(", "))
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Labels)
}

/// A number of bytes, with an optional binary suffix: `1000`, `64K`, `64M`, `1G`.
fn parse_bytes(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: usize =
        digits.parse().map_err(|_| format!("{s:?} is not a number of bytes (such as 5000, 64K or 64M)"))?;
    let n = n.checked_mul(1 << shift).ok_or_else(|| format!("{s} is too large"))?;
    if n == 0 {
        return Err("must be at least 1".into());
    }
    Ok(n)
}

/// The settings every stage below reads.
struct Options {
    format: Format,
    tokens: bool,
    lossy: bool,
    entities_only: bool,
    input: InputKind,
    inputs: Vec<String>,
    jobs: usize,
    labels: Option<Vec<Label>>,
    max_bytes: usize,
}

/// Why the program stops early.
enum Failure {
    /// Standard output was closed by its reader: end quietly.
    ClosedPipe,
    /// A message (naming the input and the cause) and an exit code.
    Error(String, u8),
}

/// A failed write to standard output.
fn write_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::Error(format!("cannot write to standard output: {e}"), EXIT_FAILURE)
    }
}

/// Writes a line to standard error, ignoring failure (a closed stderr is no reason to panic).
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

/// An error and its chain of causes, as one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let m = c.to_string();
        if !s.ends_with(&m) {
            s.push_str(": ");
            s.push_str(&m);
        }
        cause = c.source();
    }
    s
}

/// The extractor, with the watchlists and the document limit.
fn build_extractor(cli: &Cli, max_bytes: usize) -> Result<Extractor, Failure> {
    let mut builder = Extractor::builder();
    let ner = match cli.ner {
        NerArg::Fused => dossier::NerMode::Fused,
        NerArg::Rules => dossier::NerMode::Rules,
        NerArg::Model => dossier::NerMode::Model,
    };
    builder.config(Config::new().max_document_bytes(max_bytes).ner(ner));
    if let Some(m) = &cli.ner_model {
        builder.ner_model(m);
    }
    for g in &cli.gazetteers {
        builder.gazetteer_path(g);
    }
    for p in &cli.patterns {
        builder.patterns_path(p);
    }
    builder.build().map_err(|e| Failure::Error(chain(&e), EXIT_WATCHLIST))
}

/// Reads at most `max + 1` bytes of `reader`, so that an over-long input never fills memory.
fn read_limited(reader: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1) as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_long(name: &str, len: usize, max: usize, exact: bool) -> String {
    let size = if exact { format!("{len} bytes") } else { format!("more than {max} bytes") };
    format!(
        "{name}: the document is {size}, more than --max-document-bytes allows ({max}); raise the limit or split it"
    )
}

/// The one document of single-document mode.
fn read_input(opts: &Options) -> Result<String, Failure> {
    let name = &opts.inputs[0];
    let shown = if name == "-" { "standard input" } else { name.as_str() };
    let bytes = if name == "-" {
        read_limited(std::io::stdin().lock(), opts.max_bytes)
    } else {
        std::fs::File::open(name).and_then(|f| read_limited(f, opts.max_bytes))
    }
    .map_err(|e| Failure::Error(format!("cannot read {shown}: {e}"), EXIT_FAILURE))?;
    if bytes.len() > opts.max_bytes {
        let exact = std::fs::metadata(name).ok().filter(|_| name != "-").map(|m| m.len() as usize);
        let msg = too_long(shown, exact.unwrap_or(bytes.len()), opts.max_bytes, exact.is_some());
        return Err(Failure::Error(msg, EXIT_FAILURE));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if opts.lossy => {
            say(&format!(
                "warning: {shown} is not valid UTF-8 (first bad byte at offset {}); decoding lossily",
                e.utf8_error().valid_up_to()
            ));
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        Err(e) => Err(Failure::Error(
            format!(
                "{shown} is not valid UTF-8 (first bad byte at offset {}); use --lossy to decode it anyway",
                e.utf8_error().valid_up_to()
            ),
            EXIT_USAGE,
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

fn print_table(out: &mut dyn Write, view: &View<'_, '_>) -> std::io::Result<()> {
    let doc = view.document();
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(
        out,
        "{} sentences, {} tokens, {} entities",
        doc.sentences().len(),
        doc.tokens().len(),
        doc.entities().len()
    )?;
    for label in Label::ALL {
        let mut ents = doc.entities_of(label).filter(|e| view.shows_entity(e.id)).peekable();
        if ents.peek().is_none() {
            continue;
        }
        writeln!(out, "\n{label}")?;
        for e in ents {
            let mut mentions: Vec<String> = e.mentions.iter().map(|m| one_line(doc.slice(m.span))).collect();
            mentions.dedup();
            let kb = e.kb_id.as_deref().map(|k| format!(" [{k}]")).unwrap_or_default();
            writeln!(out, "  {:<36}{kb}  {}", e.name, mentions.join(" | "))?;
        }
    }
    let name = |id: Option<dossier::EntityId>| {
        id.and_then(|i| doc.entity(i)).map(|e| e.name.as_str()).unwrap_or("-").to_string()
    };
    if !doc.roles().is_empty() {
        writeln!(out, "\nROLES")?;
        for r in doc.roles() {
            writeln!(out, "  {} | {} | {}", name(r.person), name(r.title), name(r.org))?;
        }
    }
    if view.triples().next().is_some() {
        writeln!(out, "\nTRIPLES")?;
        for t in view.triples() {
            let said = t.attribution.as_ref().map(|a| format!(" [per {}]", one_line(doc.slice(a.span))));
            let modality = match t.modality {
                dossier::Modality::Asserted => String::new(),
                m => format!(" [{m}]"),
            };
            let flags = format!(
                "{}{modality}{}{}",
                if t.negated { " [negated]" } else { "" },
                if t.passive { " [passive]" } else { "" },
                said.unwrap_or_default()
            );
            writeln!(
                out,
                "  {} · {} · {}{flags}",
                one_line(doc.slice(t.subject.span)),
                t.predicate.lemma,
                one_line(doc.slice(t.object.span))
            )?;
        }
    }
    Ok(())
}

/// One sentence per input line; one line per triple:
/// `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>adjunct...][<TAB>C: context]`,
/// the sentence as read. Arguments come in the sentence's own order (a passive's patient first,
/// its relation ending in "by"), which is how Open IE benchmarks write them. A triple that is
/// attributed (someone's claim, forecast or finding) ends with its context in CaRB's own
/// notation: "C: " and the speaker and verb of the triple that reports it ("C: Analysts
/// said").
///
/// Open IE benchmarks give their sentences tokenized, with words split where running text
/// keeps them whole ("State - owned", "could n't", "Courtaulds ' moves", "1\/2"). The
/// extractor reads running text, so each line is first put back together
/// ([`detokenize`]); the arguments are printed as the line's own tokens, which is what the
/// scorer compares.
fn print_carb(out: &mut dyn Write, extractor: &Extractor, text: &str, opts: &Options) -> std::io::Result<()> {
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let (plain, map) = detokenize(line);
        let doc = extractor.extract(&plain);
        let view = view_of(&doc, opts);
        // A span of the plain text, as the same words of the line.
        let original = |span: dossier::Span| -> &str {
            if span.start >= span.end {
                return "";
            }
            let (a, b) = (map[span.start], map[span.end - 1] + 1);
            let b = (b..=line.len()).find(|&k| line.is_char_boundary(k)).unwrap_or(line.len());
            line.get(a..b).unwrap_or("")
        };
        for t in view.triples() {
            let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
            let (subject, object) = (clean(original(t.subject.span)), clean(original(t.object.span)));
            // (A passive turned active by its agent has no "be" left, but for a leading "be to":
            // "be to succeed" from "are to be succeeded by".)
            let lemma = &t.predicate.lemma;
            let agentive = t.passive && !lemma.strip_prefix("be to ").unwrap_or(lemma).starts_with("be ");
            // The relation's words as the line has them: a word joined at a hyphen is split
            // again where the line split it.
            let words: Vec<String> = t
                .predicate
                .text
                .split(' ')
                .map(|w| {
                    let split = w.replace('-', " - ");
                    if w.contains('-') && !line.split(' ').any(|x| x == w) && line.contains(&split) {
                        split
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            let predicate = words.join(" ");
            let (arg1, rel, arg2) = if agentive {
                (object, format!("{predicate} by"), subject)
            } else {
                (subject, predicate, object)
            };
            write!(out, "{line}\t{:.3}\t{}\t{arg1}\t{arg2}", t.confidence, clean(&rel))?;
            for a in &t.adjuncts {
                write!(out, "\t{}", clean(original(a.span)))?;
            }
            // Who says so, as the benchmarks write a context ("C: First Security said"): the
            // attribution, with the verb of the triple that reports this one.
            if let Some(a) = &t.attribution {
                let reporting = view.triples().find(|u| {
                    u.subject.span == a.span
                        && u.object.span.start <= t.predicate.span.start
                        && t.predicate.span.end <= u.object.span.end
                });
                if let Some(u) = reporting {
                    write!(out, "\tC: {} {}", clean(original(a.span)), clean(&u.predicate.text))?;
                }
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Running text from a tokenized sentence, with the byte of the sentence each of its bytes
/// came from: a hyphen between two words joins them ("State - owned" -> "State-owned"), a
/// clitic joins the word before it ("could n't", "Hunt 's"), an apostrophe after a plural joins
/// it ("Courtaulds ' moves") unless a single quotation opened before, and an escaped slash
/// ("1\/2") loses its backslash. Everything else is kept as it is.
fn detokenize(line: &str) -> (String, Vec<usize>) {
    let words: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut plain = String::with_capacity(line.len());
    let mut map = Vec::with_capacity(line.len());
    let mut single_open = false;
    let mut glue_next = false;
    for (i, &(start, w)) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| words[j].1);
        let next = words.get(i + 1).map(|x| x.1);
        let hyphen = w == "-"
            && word_char(prev.and_then(|p| p.chars().last()))
            && word_char(next.and_then(|n| n.chars().next()));
        let clitic =
            matches!(w.to_ascii_lowercase().as_str(), "n't" | "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m")
                && prev.is_some();
        let plural_owner = w == "'"
            && !single_open
            && prev.is_some_and(|p| p.ends_with(['s', 'S']))
            && word_char(next.and_then(|n| n.chars().next()));
        if w == "`" {
            single_open = true;
        }
        if !(plain.is_empty() || hyphen || clitic || plural_owner || glue_next) {
            plain.push(' ');
            map.push(start.saturating_sub(1));
        }
        glue_next = hyphen;
        let mut chars = w.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(|&(_, d)| d == '/') {
                continue;
            }
            plain.push(c);
            map.extend(std::iter::repeat_n(start + k, c.len_utf8()));
        }
    }
    (plain, map)
}

/// Single-document mode: one input, any format.
fn run_single(opts: &Options, extractor: &Extractor) -> Result<(), Failure> {
    let text = read_input(opts)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let out: &mut dyn Write = &mut out;
    if opts.format == Format::Carb {
        print_carb(out, extractor, &text, opts).map_err(write_failure)?;
        return out.flush().map_err(write_failure);
    }
    let doc = extractor.extract(&text);
    let view = view_of(&doc, opts);
    let written = match opts.format {
        Format::Json | Format::Jsonl => {
            let json = json_pretty(&view, opts).map_err(|e| {
                Failure::Error(
                    format!("cannot serialise the document of {}: {e}", opts.inputs[0]),
                    EXIT_FAILURE,
                )
            })?;
            writeln!(out, "{json}")
        }
        Format::Conllu => out.write_all(doc.to_conllu().as_bytes()),
        Format::Html => out.write_all(view.html().as_bytes()),
        Format::Dot => out.write_all(view.dot().as_bytes()),
        Format::Conll => out.write_all(view.conll().as_bytes()),
        Format::CsvEntities => out.write_all(view.entities_csv().as_bytes()),
        Format::CsvTriples => out.write_all(view.triples_csv().as_bytes()),
        Format::Table | Format::Carb => print_table(out, &view),
    };
    written.and_then(|()| out.flush()).map_err(write_failure)
}

/// One document of a batch: its id, and its text or why it has none (a message that names
/// the input and the cause).
struct Item {
    id: serde_json::Value,
    text: Result<String, String>,
}

/// The inputs with each directory replaced by its `.txt` files, sorted.
fn expand_inputs(inputs: &[String]) -> Vec<String> {
    let mut paths = Vec::new();
    for p in inputs {
        let path = Path::new(p);
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
    paths
}

/// The documents of a batch, read lazily: JSONL lines from files or standard input, or text
/// files (a directory stands for its `.txt` files, sorted).
fn batch_items(opts: &Options) -> Box<dyn Iterator<Item = Item>> {
    let paths = expand_inputs(&opts.inputs);
    let (lossy, max) = (opts.lossy, opts.max_bytes);
    if opts.input == InputKind::Text {
        return Box::new(paths.into_iter().map(move |p| text_item(p, lossy, max)));
    }
    let keyed = opts.input == InputKind::KeyedJsonl;
    Box::new(paths.into_iter().flat_map(move |p| -> Box<dyn Iterator<Item = Item>> {
        let reader: Box<dyn BufRead> = if p == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(&p) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    let err = Item { id: p.clone().into(), text: Err(format!("cannot read {p}: {e}")) };
                    return Box::new(std::iter::once(err));
                }
            }
        };
        Box::new(JsonlItems { name: p, reader: Some(reader), line: 0, keyed, lossy, max })
    }))
}

/// A text file (or standard input) as one document of a batch.
fn text_item(p: String, lossy: bool, max: usize) -> Item {
    let shown = if p == "-" { "standard input".to_string() } else { p.clone() };
    let bytes = if p == "-" {
        read_limited(std::io::stdin().lock(), max)
    } else {
        std::fs::File::open(&p).and_then(|f| read_limited(f, max))
    };
    let text = match bytes {
        Err(e) => Err(format!("cannot read {shown}: {e}")),
        Ok(b) if b.len() > max => {
            let exact = std::fs::metadata(&p).ok().filter(|_| p != "-").map(|m| m.len() as usize);
            Err(too_long(&shown, exact.unwrap_or(b.len()), max, exact.is_some()))
        }
        Ok(b) if lossy => Ok(String::from_utf8_lossy(&b).into_owned()),
        Ok(b) => String::from_utf8(b).map_err(|e| {
            format!(
                "{shown} is not valid UTF-8 (first bad byte at offset {}); use --lossy to decode it anyway",
                e.utf8_error().valid_up_to()
            )
        }),
    };
    Item { id: p.into(), text }
}

/// The documents of one JSONL input, a line at a time. A line is read into memory only up to
/// a cap (six times `--max-document-bytes`, room for JSON's escapes, plus 1 MiB); the rest of
/// a longer line is skipped and the line becomes an error record.
struct JsonlItems {
    name: String,
    /// `None` once the input is exhausted or failed.
    reader: Option<Box<dyn BufRead>>,
    line: usize,
    keyed: bool,
    lossy: bool,
    max: usize,
}

impl Iterator for JsonlItems {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let cap = self.max.saturating_mul(6).saturating_add(1 << 20);
        loop {
            let reader = self.reader.as_mut()?;
            self.line += 1;
            let at = format!("{}:{}", self.name, self.line);
            let mut buf = Vec::new();
            match read_line_capped(reader, &mut buf, cap) {
                Ok(None) => {
                    self.reader = None;
                    return None;
                }
                Ok(Some(overflow)) => {
                    if let Some(item) = self.item(at, buf, overflow, cap) {
                        return Some(item);
                    }
                }
                Err(e) => {
                    // A read error ends this input: reading on could repeat it for ever.
                    self.reader = None;
                    return Some(Item { id: at.clone().into(), text: Err(format!("cannot read {at}: {e}")) });
                }
            }
        }
    }
}

impl JsonlItems {
    /// The item of one line (`None` for a blank line).
    fn item(&self, at: String, buf: Vec<u8>, overflow: bool, cap: usize) -> Option<Item> {
        // A keyed line is KEY<TAB>JSON; the key names the line and stands in for a missing id.
        let (place, body) = if self.keyed {
            match memchr_tab(&buf) {
                Some(i) => (String::from_utf8_lossy(&buf[..i]).into_owned(), &buf[i + 1..]),
                None if buf.iter().all(u8::is_ascii_whitespace) => return None,
                None => {
                    let msg = format!("{at}: no key (a keyed line is KEY<TAB>JSON)");
                    return Some(Item { id: at.into(), text: Err(msg) });
                }
            }
        } else {
            (at, &buf[..])
        };
        let err = |msg: String| Some(Item { id: place.clone().into(), text: Err(format!("{place}: {msg}")) });
        if overflow {
            return err(format!(
                "the line is longer than {cap} bytes, more than a document within --max-document-bytes ({}) can take",
                self.max
            ));
        }
        let line = match std::str::from_utf8(body) {
            Ok(l) => std::borrow::Cow::Borrowed(l),
            Err(_) if self.lossy => String::from_utf8_lossy(body),
            Err(e) => {
                return err(format!(
                    "not valid UTF-8 (first bad byte at offset {} of the line); use --lossy to decode it anyway",
                    e.valid_up_to()
                ));
            }
        };
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => return err(format!("bad JSON: {e}")),
        };
        let id = v.get("id").filter(|i| !i.is_null()).cloned().unwrap_or_else(|| place.clone().into());
        let text = match v.get("text").and_then(|t| t.as_str()) {
            None => Err(format!("{place}: no \"text\" string")),
            Some(t) if t.len() > self.max => Err(too_long(&place, t.len(), self.max, true)),
            Some(t) => Ok(t.to_string()),
        };
        Some(Item { id, text })
    }
}

fn memchr_tab(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\t')
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap` bytes and skipping the
/// rest. `None` at the end of the input; otherwise whether the line was longer than `cap`.
fn read_line_capped(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> std::io::Result<Option<bool>> {
    let (mut any, mut overflow) = (false, false);
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(any.then_some(overflow));
        }
        any = true;
        let (part, used, done) = match chunk.iter().position(|&c| c == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        let room = cap.saturating_sub(buf.len());
        if part.len() > room {
            overflow = true;
        }
        buf.extend_from_slice(&part[..part.len().min(room)]);
        r.consume(used);
        if done {
            return Ok(Some(overflow));
        }
    }
}

/// How many failed documents the summary shows.
const ERRORS_SHOWN: usize = 5;

/// Batch mode: documents in chunks, each chunk extracted on `--jobs` threads, results written
/// in input order as JSON lines. Memory is bounded by the chunk size, whatever the input's. A
/// document that cannot be read, or is too long, gets an error record and the batch goes on. A
/// summary, with the first errors, goes to standard error.
fn run_batch(opts: &Options, extractor: &Extractor) -> Result<(), Failure> {
    let jobs = opts.jobs.max(1);
    let chunk = 64 * jobs;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Failure::Error(format!("cannot start {jobs} threads: {e}"), EXIT_FAILURE))?;
    let started = std::time::Instant::now();
    let (mut docs, mut bytes, mut entities, mut triples) = (0usize, 0usize, 0usize, 0usize);
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut error_count = 0usize;
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
            batch.par_iter().with_min_len(per.min(8)).map(|item| batch_line(extractor, item, opts)).collect()
        });
        for (item, (line, e, t)) in batch.iter().zip(lines) {
            docs += 1;
            match &item.text {
                Ok(text) => bytes += text.len(),
                Err(msg) => {
                    error_count += 1;
                    if errors.len() < ERRORS_SHOWN {
                        let id = item.id.as_str().map_or_else(|| item.id.to_string(), str::to_string);
                        errors.push((id, msg.clone()));
                    }
                }
            }
            entities += e;
            triples += t;
            writeln!(out, "{line}").map_err(write_failure)?;
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
    out.flush().map_err(write_failure)?;
    let secs = started.elapsed().as_secs_f64();
    say(&format!(
        "{docs} documents ({error_count} errors), {:.2} MB in {secs:.2} s: {:.2} MB/s on {jobs} threads; {entities} entities, {triples} triples",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    ));
    if error_count > 0 {
        let shown = if error_count > errors.len() {
            format!("the first {} of {error_count} errors", errors.len())
        } else if error_count == 1 {
            "the error".to_string()
        } else {
            format!("the {error_count} errors")
        };
        say(&format!("{shown} (each also an {{\"id\": ..., \"error\": ...}} line of the output):"));
        for (id, msg) in &errors {
            // Messages start with the input's name, often the id itself.
            if msg.starts_with(id.as_str()) {
                say(&format!("  {msg}"));
            } else {
                say(&format!("  id {id}: {msg}"));
            }
        }
    }
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
    let body = match json_string(&view, opts) {
        Ok(b) => b,
        Err(e) => {
            let err =
                serde_json::to_string(&format!("cannot serialise the document: {e}")).unwrap_or_default();
            return (format!("{{\"id\":{id},\"error\":{err}}}"), 0, 0);
        }
    };
    let counts = (doc.entities().iter().filter(|e| view.shows_entity(e.id)).count(), view.triples().count());
    // The document's JSON object, with the id as its first field.
    let line = format!("{{\"id\":{id},{}", body.strip_prefix('{').unwrap_or("}"));
    (line, counts.0, counts.1)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let max_bytes = cli.max_document_bytes.unwrap_or(Config::DEFAULT_MAX_DOCUMENT_BYTES);
    let batch = cli.format == Some(Format::Jsonl)
        || cli.input != InputKind::Text
        || cli.inputs.len() > 1
        || Path::new(&cli.inputs[0]).is_dir();
    let format = cli.format.unwrap_or(if batch { Format::Jsonl } else { Format::Table });
    if batch && !matches!(format, Format::Json | Format::Jsonl) {
        let msg = format!(
            "batch mode (several inputs, a directory or JSONL input) writes JSON lines (--format jsonl), not {}",
            format.to_possible_value().map_or_else(|| format!("{format:?}"), |v| v.get_name().to_string())
        );
        Cli::command().error(clap::error::ErrorKind::ArgumentConflict, msg).exit();
    }
    let extractor = build_extractor(&cli, max_bytes)?;
    let opts = Options {
        format,
        tokens: cli.tokens,
        lossy: cli.lossy,
        entities_only: cli.entities_only,
        input: cli.input,
        jobs: cli
            .jobs
            .map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get()),
        labels: cli.labels.map(|l| l.0),
        max_bytes,
        inputs: cli.inputs,
    };
    if batch { run_batch(&opts, &extractor) } else { run_single(&opts, &extractor) }
}

fn main() -> ExitCode {
    // Usage errors, --help and --version exit here, in clap's manner (status 2 for errors).
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) | Err(Failure::ClosedPipe) => ExitCode::from(EXIT_OK),
        Err(Failure::Error(msg, code)) => {
            say(&format!("error: {msg}"));
            ExitCode::from(code)
        }
    }
}
