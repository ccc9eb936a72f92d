//! The `extract` example program, run as a user runs it: options, watchlists, exit codes, a
//! closed pipe in every format, limits and error records in batch mode.
//!
//! Cargo gives integration tests the path of a package's binaries (`CARGO_BIN_EXE_<name>`) but
//! not of its examples, so [`extract_bin`] asks Cargo for it, as the `escargot` crate does (and
//! `trycmd`, which uses it): `cargo build --example extract --message-format=json` in the target
//! directory this test binary was built in. Under `cargo test` the example is already built
//! (Cargo builds examples along with tests), so this is a no-op check that takes a fraction of a
//! second; under `cargo test --test integration` it builds the example first. Without Cargo
//! (the test binary run by hand) it falls back to `examples/extract` beside the test binary.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The path of the built `extract` example.
pub fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(build_example)
}

fn build_example() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/integration-<hash>
    let profile_dir =
        exe.parent().and_then(Path::parent).expect("the test binary is in target/<profile>/deps");
    let fallback = profile_dir.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["build", "--quiet", "--example", "extract", "--message-format=json-render-diagnostics"])
        .arg("--manifest-path")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    // Default features, as `cargo test` builds the example; a test build without the built-in
    // data asks for an example without it too. (Other features are left to Cargo: naming them
    // here would go stale as features are added.)
    if !cfg!(feature = "builtin") {
        cmd.arg("--no-default-features");
    }
    if let (Some(target), Some(name)) = (profile_dir.parent(), profile_dir.file_name()) {
        if name == "debug" || name == "release" {
            cmd.arg("--target-dir").arg(target);
        }
    }
    let output = cmd.stderr(Stdio::inherit()).output();
    let built = output.ok().filter(|o| o.status.success()).and_then(|o| {
        String::from_utf8_lossy(&o.stdout).lines().find_map(|line| {
            let msg: serde_json::Value = serde_json::from_str(line).ok()?;
            let target = &msg["target"];
            let is_it = msg["reason"] == "compiler-artifact"
                && target["name"] == "extract"
                && target["kind"].as_array().is_some_and(|k| k.iter().any(|k| k == "example"));
            is_it.then(|| msg["executable"].as_str().map(PathBuf::from)).flatten()
        })
    });
    match built {
        Some(path) => path,
        None if fallback.exists() => fallback,
        None => panic!("cannot build the extract example, and {} does not exist", fallback.display()),
    }
}

/// Runs `extract` with these arguments and standard input, to the end.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("extract starts");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // extract may stop reading early (an error): a broken pipe here is fine.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("extract runs");
    writer.join().expect("the writer thread");
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh directory for one test's files, removed when the test ends (pass or fail).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("dossier-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    Scratch(dir)
}

fn write(dir: &Path, name: &str, data: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, data).expect("a scratch file");
    path.display().to_string()
}

fn assert_no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "a panic: {err}");
    assert_ne!(out.status.code(), Some(101), "exit code 101 is a panic: {err}");
}

const FORMATS: [&str; 10] =
    ["table", "json", "jsonl", "conllu", "carb", "html", "dot", "conll", "csv-entities", "csv-triples"];

#[test]
fn help_describes_every_option_and_format_and_version_is_the_crate_version() {
    let out = run(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for option in [
        "--format",
        "--tokens",
        "--labels",
        "--entities-only",
        "--lossy",
        "--input",
        "--jobs",
        "--gazetteer",
        "--patterns",
        "--max-document-bytes",
        "--help",
        "--version",
    ] {
        assert!(help.contains(option), "--help does not mention {option}");
    }
    for format in FORMATS.iter().chain(&["text", "keyed-jsonl"]) {
        // Each value with its description: "- csv-triples: The triples as CSV".
        assert!(help.contains(&format!("- {format}:")), "--help does not describe {format}");
    }
    assert!(help.contains("Exit codes:"), "{help}");
    let out = run(&["--version"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).trim(), format!("extract {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2_in_clap_style() {
    for (args, says) in [
        (&["--format", "bogus", "x.txt"][..], "invalid value 'bogus' for '--format <FORMAT>'"),
        (&[][..], "required arguments were not provided"),
        (&["--jobs", "0", "x.txt"][..], "--jobs <N>"),
        (&["--labels", "PERSON,WIZARD", "x.txt"][..], "unknown label \"WIZARD\""),
        (&["--max-document-bytes", "lots", "x.txt"][..], "not a number of bytes"),
        (&["--no-such-option", "x.txt"][..], "unexpected argument '--no-such-option'"),
        (&["--format", "table", "a.txt", "b.txt"][..], "batch mode"),
    ] {
        let out = run(args, b"");
        assert_no_panic(&out);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: ") && err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn watchlists_on_the_command_line_add_entities() {
    let dir = scratch("watch");
    let names = write(&dir, "names.tsv", "# a watchlist\nw:1\tPERSON\tZorblax Quux\tZ. Quux\tnote=test\n");
    let more = write(&dir, "more.tsv", "w:2\tORG\tBrindlewick Trust\n");
    let ops = write(
        &dir,
        "ops.jsonl",
        "{\"id\": \"op\", \"label\": \"ORG\", \"pattern\": [{\"LOWER\": \"operation\"}, {\"IS_TITLE\": true, \"OP\": \"+\"}]}\n",
    );
    let dates = write(
        &dir,
        "dates.jsonl",
        "{\"id\": \"fy\", \"label\": \"DATE\", \"pattern\": \"fiscal quarter nine\"}\n",
    );
    let article =
        "Zorblax Quux of the Brindlewick Trust planned Operation Glimmerfax Tide in fiscal quarter nine.";
    let doc = write(&dir, "article.txt", article);
    let entities = |args: &[&str]| -> Vec<(String, String, String)> {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let source = e["mentions"][0]["source"].as_str().unwrap_or("").to_string();
                (e["label"].as_str().unwrap().to_string(), e["name"].as_str().unwrap().to_string(), source)
            })
            .collect()
    };
    let plain = entities(&["--format", "json", &doc]);
    let has = |es: &[(String, String, String)], label: &str, name: &str| {
        es.iter().any(|(l, n, _)| l == label && n == name)
    };
    // Without the watchlists nothing comes from them (the entity model may still find the
    // person on its own).
    assert!(
        !plain.iter().any(|(_, _, source)| source.contains("w:1") || source == "pattern:op")
            && !has(&plain, "ORG", "Operation Glimmerfax Tide"),
        "{plain:?}"
    );
    let watched = entities(&[
        "--format",
        "json",
        "--gazetteer",
        &names,
        "--patterns",
        &ops,
        "--gazetteer",
        &more,
        "--patterns",
        &dates,
        &doc,
    ]);
    for (label, name) in [
        ("PERSON", "Zorblax Quux"),
        ("ORG", "Brindlewick Trust"),
        ("ORG", "Operation Glimmerfax Tide"),
        ("DATE", "fiscal quarter nine"),
    ] {
        assert!(has(&watched, label, name), "{label} {name} missing from {watched:?}");
    }
    let source = |name: &str| watched.iter().find(|(_, n, _)| n == name).unwrap().2.clone();
    assert_eq!(source("Zorblax Quux"), format!("gazetteer:{names}:w:1"));
    assert_eq!(source("Operation Glimmerfax Tide"), "pattern:op");
    // The watchlists work in batch mode as well.
    let jsonl = format!("{}\n", serde_json::json!({"id": 7, "text": article}));
    let out = run(&["--input", "jsonl", "--gazetteer", &names, "-"], jsonl.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("{\"id\":7,") && text(&out.stdout).contains("Zorblax Quux"));
}

#[test]
fn a_bad_watchlist_is_reported_with_file_line_and_cause_and_exit_code_3() {
    let dir = scratch("badwatch");
    let doc = write(&dir, "article.txt", "Nothing to see.");
    let good = write(&dir, "good.tsv", "w:1\tPERSON\tAnn Lee\n");
    let bad_label = write(&dir, "bad.tsv", "w:1\tPERSON\tAnn Lee\nw:2\tWIZARD\tMerlin\n");
    let bad_pattern = write(
        &dir,
        "bad.jsonl",
        "# comment\n{\"id\": \"ok\", \"label\": \"ORG\", \"pattern\": \"fine\"}\n{\"id\": \"p\", \"label\": \"ORG\", \"pattern\": [{\"LOWR\": \"x\"}]}\n",
    );
    let not_json = write(&dir, "notjson.jsonl", "\n\n{\"id\": \"q\", \"label\": ORG}\n");
    let missing = dir.join("missing.tsv").display().to_string();
    for (args, says) in [
        (
            vec!["--gazetteer", &good, "--gazetteer", &bad_label],
            format!("{bad_label}:2: unknown label \"WIZARD\""),
        ),
        (
            vec!["--patterns", &bad_pattern],
            format!("{bad_pattern}:3: pattern \"p\": unknown token attribute \"LOWR\""),
        ),
        (vec!["--patterns", &not_json], format!("{not_json}:3: ")),
        (vec!["--gazetteer", &missing], format!("cannot read {missing}: No such file or directory")),
        (vec!["--patterns", &missing], format!("cannot read {missing}: No such file or directory")),
    ] {
        for batch in [false, true] {
            let mut args = args.clone();
            if batch {
                args.extend(["--input", "jsonl"]);
            }
            args.push(&doc);
            let out = run(&args, b"");
            assert_no_panic(&out);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
            assert!(err.starts_with(&format!("error: {says}")), "{args:?}: {err}");
            assert!(out.stdout.is_empty());
        }
    }
}

/// Synthetic news-like lines with thousands of distinct names: every format's output runs to
/// hundreds of kilobytes (far past a pipe's 64 KiB buffer), so a reader that stops after one
/// line really closes the pipe while `extract` is still writing.
fn many_names(lines: usize) -> String {
    const SYL: [&str; 16] = [
        "ba", "ko", "ran", "te", "fi", "lu", "mo", "za", "ri", "del", "vin", "sor", "ga", "pe", "tun", "hal",
    ];
    let word = |i: usize| {
        let w: String = [SYL[i % 16], SYL[(i / 16) % 16], SYL[(i / 256) % 16]].concat();
        let mut cs = w.chars();
        cs.next().map(|c| c.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
    };
    const CITIES: [&str; 6] = ["Paris", "Lahore", "Berlin", "Madrid", "Chicago", "Tokyo"];
    (0..lines)
        .map(|i| {
            format!(
                "Mr. {} {} met officials of the {} Corporation in {} on Monday.\n",
                word(3 * i),
                word(3 * i + 1),
                word(3 * i + 2),
                CITIES[i % 6]
            )
        })
        .collect()
}

/// Runs `extract`, reads the first line of its output and closes the pipe, like `| head -n 1`.
fn first_line_then_close(args: &[&str]) -> (String, Output) {
    let mut child = Command::new(extract_bin())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("extract starts");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    reader.read_line(&mut line).expect("one line");
    drop(reader);
    let mut stderr = Vec::new();
    child.stderr.take().expect("stderr").read_to_end(&mut stderr).expect("stderr");
    let status = child.wait().expect("extract ends");
    (line, Output { status, stdout: Vec::new(), stderr })
}

#[test]
fn a_closed_pipe_ends_extract_quietly_in_every_format() {
    let dir = scratch("pipe");
    let text_in = many_names(1500);
    let file = write(&dir, "names.txt", &text_in);
    // The premise: each format's output is far larger than a pipe's buffer.
    let doc = dossier::Extractor::new().extract(&text_in);
    assert!(doc.entities().len() > 3000 && doc.triples().len() >= 1500);
    let view = dossier::output::View::new(&doc);
    for (format, size) in [
        ("json", serde_json::to_string_pretty(&doc).unwrap().len()),
        ("conllu", doc.to_conllu().len()),
        ("html", view.html().len()),
        ("dot", view.dot().len()),
        ("conll", view.conll().len()),
        ("csv-entities", view.entities_csv().len()),
        ("csv-triples", view.triples_csv().len()),
    ] {
        assert!(size > 100_000, "{format}: {size} bytes");
    }
    // (table prints a line of at least 36 characters per entity; carb a line with its sentence
    // per triple; jsonl below a line per document.)
    let jsonl: String = text_in
        .lines()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .chain(["not JSON\n".to_string()])
        .collect();
    let jsonl_file = write(&dir, "names.jsonl", jsonl);
    // Every format on the one big document (jsonl there is a single line: see below)...
    let mut runs: Vec<Vec<&str>> =
        FORMATS.iter().filter(|f| **f != "jsonl").map(|f| vec!["--format", f, &file]).collect();
    // ... and batch mode, a line per document, bad lines included.
    runs.push(vec!["--input", "jsonl", "--format", "jsonl", "--jobs", "2", &jsonl_file]);
    runs.push(vec!["--input", "jsonl", "--format", "json", "--jobs", "1", &jsonl_file]);
    for args in runs {
        let (line, out) = first_line_then_close(&args);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
        assert!(!line.is_empty(), "{args:?}: no first line");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error_naming_standard_output() {
    let full = std::fs::File::create("/dev/full");
    let Ok(full) = full else { return };
    let out = Command::new(extract_bin())
        .args(["--format", "conllu", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/article.txt")])
        .stdout(full)
        .output()
        .expect("extract runs");
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: cannot write to standard output: No space left"));
}

#[test]
fn input_errors_name_the_input_and_the_cause() {
    let dir = scratch("inputs");
    let missing = dir.join("missing.txt").display().to_string();
    let out = run(&[&missing], b"");
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("error: cannot read {missing}: No such file or directory (os error 2)\n")
    );
    let latin1 = write(&dir, "latin1.txt", b"Caf\xe9 owner Ann Lee spoke.");
    let out = run(&[&latin1], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .starts_with(&format!("error: {latin1} is not valid UTF-8 (first bad byte at offset 3)"))
    );
    let out = run(&["--lossy", "--format", "csv-entities", &latin1], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).starts_with(&format!("warning: {latin1} is not valid UTF-8")));
    assert!(text(&out.stdout).contains("Ann Lee"));
    // Standard input is named as such.
    let out = run(&["--max-document-bytes", "10", "-"], b"Ann Lee spoke at length.");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: standard input: the document is more than 10 bytes"));
}

#[test]
fn an_over_long_document_is_an_error_record_in_batch_mode() {
    let dir = scratch("long");
    let long = "Ann Lee spoke. ".repeat(20);
    let jsonl = [
        serde_json::json!({"id": "short", "text": "Ann Lee spoke in Paris."}).to_string(),
        serde_json::json!({"id": "long", "text": long}).to_string(),
        serde_json::json!({"id": 3, "text": "Bob Ray left."}).to_string(),
    ]
    .join("\n");
    let file = write(&dir, "docs.jsonl", jsonl + "\n");
    let out = run(&["--input", "jsonl", "--max-document-bytes", "100", &file], b"");
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON lines")).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "short");
    assert_eq!(lines[0]["schema"], 1);
    assert_eq!(lines[1]["id"], "long");
    let error = lines[1]["error"].as_str().expect("an error record");
    assert_eq!(
        error,
        format!(
            "{file}:2: the document is 300 bytes, more than --max-document-bytes allows (100); raise the limit or split it"
        )
    );
    assert!(lines[1].get("entities").is_none());
    assert_eq!(lines[2]["id"], 3);
    let err = text(&out.stderr);
    assert!(
        err.contains("3 documents (1 errors)")
            && err.contains(&format!("id long: {file}:2: the document is 300 bytes")),
        "{err}"
    );
    // Text files too (the id is the path), and the limit takes K, M and G.
    let short = write(&dir, "short.txt", "Ann Lee spoke.");
    let big = write(&dir, "big.txt", "Ann Lee spoke. ".repeat(100));
    let out = run(&["--max-document-bytes", "1K", &short, &big], b"");
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["id"], short.as_str());
    assert!(lines[0].get("error").is_none());
    assert_eq!(lines[1]["id"], big.as_str());
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("1500 bytes, more than --max-document-bytes allows (1024)")
    );
    // One document alone is an error with exit code 1.
    let out = run(&["--max-document-bytes", "1K", &big], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with(&format!("error: {big}: the document is 1500 bytes")));
}

#[test]
fn bad_lines_become_error_records_with_the_best_id_available() {
    let input: &[u8] = b"{\"id\": \"a\", \"text\": \"Ann Lee spoke.\"}\nnot json\n{\"id\": \"b\"}\n{\"id\": \"c\", \"text\": \"caf\xff\"}\n\n{\"text\": \"No id.\"}\n";
    // Plain JSONL from standard input: ids are "-:LINE" where the line has none.
    let out = run(&["--input", "jsonl", "-"], input);
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, ["a", "-:2", "b", "-:4", "-:6"]);
    // Keyed JSONL: the key stands in for a missing or unreadable id, and names the line.
    let keyed: Vec<u8> = input
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(i, _)| *i < 6)
        .flat_map(|(i, l)| {
            [format!("in.jsonl:{}\t", i + 1).into_bytes(), l.to_vec(), b"\n".to_vec()].concat()
        })
        .collect();
    let out = run(&["--input", "keyed-jsonl", "-"], &keyed);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&serde_json::Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, ["a", "in.jsonl:2", "b", "in.jsonl:4", "in.jsonl:6"]);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("in.jsonl:2: bad JSON"));
    assert_eq!(lines[2]["error"], "in.jsonl:3: no \"text\" string");
    assert!(lines[3]["error"].as_str().unwrap().starts_with("in.jsonl:4: not valid UTF-8"));
    assert_eq!(lines[4]["schema"], 1);
    let err = text(&out.stderr);
    assert!(err.contains("5 documents (3 errors)") && err.contains("the 3 errors"), "{err}");
}

#[test]
fn batch_output_is_byte_identical_across_runs_and_thread_counts() {
    let dir = scratch("determinism");
    let article =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/article.txt")).unwrap();
    let mut docs: Vec<String> = article.split_inclusive(". ").map(str::to_string).collect();
    docs.push(article.clone());
    docs.extend(many_names(40).lines().map(str::to_string));
    let jsonl: String = docs
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let file = write(&dir, "docs.jsonl", jsonl);
    let runs: Vec<Vec<u8>> = ["1", "2", "2"]
        .iter()
        .map(|jobs| {
            let out = run(&["--input", "jsonl", "--jobs", jobs, &file], b"");
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            out.stdout
        })
        .collect();
    assert_eq!(runs[0], runs[1], "--jobs 1 and --jobs 2 differ");
    assert_eq!(runs[1], runs[2], "two runs with --jobs 2 differ");
    // And each line is the library's JSON for that document, with the id first.
    let ex = dossier::Extractor::new();
    for (i, (line, doc)) in text(&runs[0]).lines().zip(&docs).enumerate() {
        let json = serde_json::to_string(&ex.extract(doc)).unwrap();
        assert_eq!(line, format!("{{\"id\":{i},{}", &json[1..]));
    }
}

/// The CaRB format reads tokenized sentences, as Open IE benchmarks give them: the words split
/// inside a word are read as one ("could n't", "year - to - date", "Courtaulds '", "1\\/2"),
/// and the arguments are printed in the line's own tokens.
#[test]
fn carb_output_reads_tokenized_sentences_and_keeps_their_tokens() {
    let input = "The board approved the company 's year - to - date results on Monday .\n\
                 Analysts said Courtaulds ' moves could boost the company 's value .\n\
                 Officials said the firm could n't pay its 4 1\\/2 % coupon .\n";
    let out = run(&["--format", "carb", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<Vec<String>> =
        text(&out.stdout).lines().map(|l| l.split('\t').map(str::to_string).collect()).collect();
    let has = |rel: &str, arg: &str| rows.iter().any(|r| r[2] == rel && r[3..].iter().any(|a| a == arg));
    assert!(has("approved", "the company 's year - to - date results"), "{rows:?}");
    assert!(has("could boost", "Courtaulds ' moves"), "{rows:?}");
    assert!(has("could n't pay", "its 4 1\\/2 % coupon"), "{rows:?}");
    // What is reported has who reports it as its context, as the benchmark writes one.
    assert!(has("could boost", "C: Analysts said"), "{rows:?}");
    // Every argument is a run of the line's own tokens (a context's speaker and verb too).
    for r in &rows {
        let line = format!(" {} ", r[0]);
        for a in r[3..].iter().filter(|a| !a.is_empty()) {
            let runs: Vec<&str> = match a.strip_prefix("C: ") {
                Some(context) => context.split(' ').collect(),
                None => vec![a.as_str()],
            };
            for a in runs {
                assert!(line.contains(&format!(" {a} ")), "{a:?} is not a run of tokens of {:?}", r[0]);
            }
        }
    }
}
