//! Extraction is linear in time and memory on hostile input: one `Extractor::extract` of each
//! input kind below at 1, 4 and 16 MiB, and the bench fails (panics, non-zero exit) when any
//! 16 MiB figure is more than 4.5 times its 4 MiB figure.
//!
//! Inputs, generated here from a fixed xorshift seed (no files):
//!
//! * `a-lower`: one line of random lower-case common words, no punctuation;
//! * `b-title`: one line of the same words in Title case, no punctuation;
//! * `c-sentence`: one "sentence" of a million tokens (words and commas, no full stop),
//!   repeated or cut to size;
//! * `d1-fifteen`: the fifteen words "Panetta Pasha Lahore CIA ISI Davis Pakistan the said
//!   officials Director General of in and" sampled word by word into one line;
//! * `d2-gaz-name`: "Inter-Services Intelligence " over and over (100,000 times is 2.7 MiB,
//!   between the 1 and 4 MiB rows);
//! * `e-nested`: `(["'` nested 1,000 to 4,000 deep around short phrases, then closed;
//! * `f-one-entity`: "Leon Panetta said the agency would act. Panetta met officials in Lahore
//!   on Tuesday. " repeated (100,000 times is 8.0 MiB);
//! * `g-user-data`: input `b-title` through an extractor with a user gazetteer of 10,000
//!   two-word names made of the same Title-case words and five permissive user patterns.
//!
//! How it is measured: criterion cannot run one 16 MiB extraction sensibly, so this is a plain
//! `main`. Peak memory (VmHWM) is per process and only grows, so every measurement is one
//! extraction in a fresh child process (this binary re-run with `__linear_child CASE KIB`). The
//! child builds its extractor, makes the input, warms the extractor up on the input's first
//! 64 KiB (lazy tables, per-thread caches), resets the peak (`5 > /proc/self/clear_refs`),
//! reads VmRSS, extracts the whole input once, and reads VmHWM: the difference is the memory
//! the extraction added, the input not counted. It reads the thread's time in user mode
//! (`/proc/thread-self/stat`, 10 ms ticks), its CPU time (`/proc/thread-self/schedstat`) and
//! the wall-clock time (`Instant`). Each case is measured at 1, 4 and 16 MiB, then again, and
//! the table keeps the lesser figures.
//!
//! Why these choices: on the 2-core machine this was written on, shared with other work, one
//! extraction's time varied by up to 25% from run to run, and for minutes at a time. Other
//! work only adds time (wall-clock time waits for a core, CPU time shares the caches and the
//! memory bus), so the least of a few is the steadier estimate, and every size gets the same
//! number of measurements, each a first extraction in its process, so that the least favours
//! no size. Each measurement line shows how many cores were busy meanwhile (the child itself
//! is one). The check is on user time and memory: the rest of the CPU time is the kernel's,
//! mostly zeroing fresh pages, which is linear in the memory (checked) but was seen to cost
//! nearly four times as much per page at 16 MiB as at 4 MiB while the machine was busy. A case
//! whose user time ratio is over the limit is measured again at 4 and 16 MiB, three times at
//! most, before the bench fails: a super-linear case stays over it (the two quadratic paths
//! this bench found took 11 and 20 times as long for four times the text), while a busy
//! machine can still fail a linear one. A linear pipeline measured 3.7 to 4.5 here rather than
//! 4: its hash tables and binary searches outgrow the caches.
//!
//! Run: `cargo bench --bench linear` (a few minutes); `cargo bench --bench linear -- e f` runs
//! only the cases whose names start with those letters. Without `--bench` (as in
//! `cargo test --benches`) it runs every case once at 256 KiB and checks nothing.

use std::process::Command;
use std::time::Instant;

/// The ratio of a 16 MiB figure to its 4 MiB figure above which the bench fails.
const LIMIT: f64 = 4.5;

const CASES: [&str; 8] = [
    "a-lower",
    "b-title",
    "c-sentence",
    "d1-fifteen",
    "d2-gaz-name",
    "e-nested",
    "f-one-entity",
    "g-user-data",
];

/// Common English words: verbs, nouns, function words, a few that are also names or places.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "had",
    "they",
    "you",
    "were",
    "their",
    "one",
    "all",
    "we",
    "can",
    "her",
    "has",
    "there",
    "been",
    "if",
    "more",
    "when",
    "will",
    "would",
    "who",
    "so",
    "no",
    "said",
    "government",
    "officials",
    "agency",
    "minister",
    "president",
    "police",
    "city",
    "country",
    "people",
    "year",
    "week",
    "report",
    "security",
    "military",
    "court",
    "state",
    "party",
    "leader",
    "office",
    "army",
    "group",
    "company",
    "bank",
    "house",
    "market",
    "school",
    "river",
    "north",
    "south",
    "east",
    "west",
    "general",
    "director",
    "secretary",
    "council",
    "union",
    "national",
    "foreign",
    "intelligence",
    "service",
    "defence",
    "justice",
    "news",
    "time",
    "day",
    "man",
    "woman",
    "child",
    "world",
    "life",
    "hand",
    "part",
    "place",
    "case",
    "point",
    "number",
    "fact",
    "work",
    "week",
    "met",
    "told",
    "called",
    "asked",
    "took",
    "made",
    "went",
    "came",
    "gave",
    "found",
    "left",
    "kept",
    "held",
    "brought",
    "began",
    "showed",
    "heard",
    "ran",
    "moved",
    "lived",
    "believed",
    "wrote",
    "sat",
    "stood",
    "lost",
    "paid",
    "meet",
    "include",
    "continue",
    "set",
    "learn",
    "change",
    "lead",
    "understand",
    "watch",
    "follow",
    "stop",
    "create",
    "speak",
    "read",
    "allow",
    "add",
    "spend",
    "grow",
    "open",
    "walk",
    "win",
    "offer",
    "remember",
    "love",
    "consider",
    "appear",
    "buy",
    "wait",
    "serve",
    "die",
    "send",
    "expect",
    "build",
    "stay",
    "fall",
    "cut",
    "reach",
    "kill",
    "remain",
    "suggest",
    "raise",
    "pass",
    "sell",
    "require",
    "decide",
    "pull",
    "new",
    "good",
    "high",
    "old",
    "great",
    "big",
    "small",
    "large",
    "long",
    "young",
    "local",
    "early",
    "late",
    "hard",
    "major",
    "better",
    "economic",
    "strong",
    "possible",
    "whole",
    "free",
    "military",
    "true",
    "federal",
    "international",
    "full",
    "special",
    "easy",
    "clear",
    "recent",
    "certain",
    "personal",
    "open",
    "red",
    "difficult",
    "available",
    "likely",
    "short",
    "single",
    "medical",
    "current",
    "wrong",
    "private",
    "past",
    "final",
    "main",
    "green",
    "nice",
    "human",
];

const FIFTEEN: &str =
    "Panetta Pasha Lahore CIA ISI Davis Pakistan the said officials Director General of in and";
const GAZ_NAME: &str = "Inter-Services Intelligence ";
const ONE_ENTITY: &str =
    "Leon Panetta said the agency would act. Panetta met officials in Lahore on Tuesday. ";
/// Phrases inside the nesting of `e-nested`; some end a sentence deep inside it.
const PHRASES: &[&str] = &[
    "Panetta said",
    "the agency would act.",
    "officials in Lahore",
    "Davis met the ISI",
    "no comment",
    "Pakistan said it would not.",
];

/// The user patterns of `g-user-data`: runs of capitalised words, a regex with no literal
/// prefix to filter on, tokens covered by the user gazetteer, any tokens before a capital, and
/// a gazetteer name followed by capitals.
const PATTERNS: &str = r#"
{"id": "caps", "label": "ORG", "pattern": [{"IS_TITLE": true, "OP": "+"}]}
{"id": "caps-of", "label": "PLACE", "pattern": [{"TEXT": {"REGEX": "^[A-Z][a-z]+$"}, "OP": "+"}, {"LOWER": {"IN": ["of", "the", "and"]}, "OP": "?"}, {"IS_TITLE": true, "OP": "*"}]}
{"id": "user-names", "label": "PERSON", "pattern": [{"ENT": "PERSON", "OP": "+"}]}
{"id": "any-then-cap", "label": "MISC", "pattern": [{"OP": "{0,5}"}, {"IS_TITLE": true}]}
{"id": "name-then-caps", "label": "ORG", "pattern": [{"ENT": "PERSON"}, {"IS_ALPHA": true, "OP": "{1,8}"}, {"SHAPE": "Xxxxx", "OP": "?"}]}
"#;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

fn title(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map(|c| c.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
}

/// Cuts `s` to `size` bytes (every input is ASCII, so any byte is a character boundary).
fn cut(mut s: String, size: usize) -> String {
    assert!(s.is_ascii());
    s.truncate(size);
    s
}

/// Repeats `unit` to `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    cut(unit.repeat(size / unit.len() + 1), size)
}

/// Words from `next`, separated by single spaces, to `size` bytes.
fn words(size: usize, mut next: impl FnMut() -> String) -> String {
    let mut s = String::with_capacity(size + 64);
    while s.len() < size {
        s.push_str(&next());
        s.push(' ');
    }
    cut(s, size)
}

fn input(case: &str, size: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    match case {
        "a-lower" => words(size, || rng.pick(WORDS).to_string()),
        "b-title" | "g-user-data" => words(size, || title(rng.pick(WORDS))),
        "c-sentence" => {
            // A million tokens, about 6 MiB: cut for 1 and 4 MiB, repeated for 16.
            let mut s = String::new();
            for i in 0..1_000_000 {
                if i > 0 && rng.below(8) == 0 {
                    s.push(',');
                } else {
                    if i > 0 {
                        s.push(' ');
                    }
                    let w = rng.pick(WORDS);
                    if rng.below(5) == 0 { s.push_str(&title(w)) } else { s.push_str(w) }
                }
            }
            s.push(' ');
            repeat(&s, size)
        }
        "d1-fifteen" => {
            let fifteen: Vec<&str> = FIFTEEN.split(' ').collect();
            assert_eq!(fifteen.len(), 15);
            words(size, || rng.pick(&fifteen).to_string())
        }
        "d2-gaz-name" => repeat(GAZ_NAME, size),
        "e-nested" => {
            const OPEN: [char; 4] = ['(', '[', '"', '\''];
            const CLOSE: [char; 4] = [')', ']', '"', '\''];
            let mut s = String::with_capacity(size + 40_000);
            while s.len() < size {
                let depth = 1000 + rng.below(3001);
                for i in 0..depth {
                    s.push(OPEN[i % 4]);
                }
                s.push_str(rng.pick(PHRASES));
                for i in (0..depth).rev() {
                    s.push(CLOSE[i % 4]);
                }
                s.push(' ');
            }
            cut(s, size)
        }
        "f-one-entity" => repeat(ONE_ENTITY, size),
        _ => panic!("unknown case {case:?} (the cases are {CASES:?})"),
    }
}

/// The extractor of a case: the default one, or for `g-user-data` one with the user data.
fn extractor(case: &str) -> dossier::Extractor {
    if case != "g-user-data" {
        return dossier::Extractor::new();
    }
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut gaz = dossier::matcher::Gazetteer::builder("bench-names");
    let mut seen = std::collections::HashSet::new();
    while seen.len() < 10_000 {
        let name = format!("{} {}", title(rng.pick(WORDS)), title(rng.pick(WORDS)));
        if seen.insert(name.clone()) {
            let id = format!("n{}", seen.len());
            gaz.push(dossier::matcher::Entry::new(id, dossier::Label::Person, name));
        }
    }
    let gaz = gaz.build().expect("the synthetic gazetteer builds");
    let mut b = dossier::Extractor::builder();
    b.gazetteer(gaz);
    for p in dossier::matcher::parse_patterns("bench-patterns", PATTERNS).expect("the patterns parse") {
        b.pattern(p);
    }
    b.build().expect("the user data builds")
}

/// A `kB` field of /proc/self/status.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status is readable");
    status
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?.strip_prefix(':')?.trim().strip_suffix("kB")?.trim().parse().ok()
        })
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// This thread's CPU time in seconds: in all, and in user mode.
fn cpu_times() -> (f64, f64) {
    let all = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .expect("/proc/thread-self/schedstat is readable");
    // utime is the 14th field of stat, the 12th after the command name's closing parenthesis,
    // in clock ticks of 1/100 s (USER_HZ).
    let user = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| s.rsplit_once(')')?.1.split_whitespace().nth(11)?.parse::<u64>().ok())
        .expect("/proc/thread-self/stat is readable");
    (all as f64 / 1e9, user as f64 / 100.0)
}

/// What one extraction measured.
#[derive(Clone, Copy)]
struct Figures {
    /// Seconds: wall-clock, CPU, CPU in user mode.
    wall: f64,
    cpu: f64,
    user: f64,
    /// KiB the extraction added to the peak resident set.
    kib: u64,
    tokens: usize,
    entities: usize,
}

impl Figures {
    /// The lesser of two measurements, figure by figure.
    fn min(self, o: Figures) -> Figures {
        Figures {
            wall: self.wall.min(o.wall),
            cpu: self.cpu.min(o.cpu),
            user: self.user.min(o.user),
            kib: self.kib.min(o.kib),
            ..self
        }
    }

    fn show(&self, case: &str, kib: usize, busy: f64) {
        eprintln!(
            "{case:>13} {:>7}: {:>6.2} s wall, {:>6.2} s CPU, {:>6.2} s user, {:>7.1} MiB added, {} tokens, {} entities; {busy:.1} cores busy",
            if kib % 1024 == 0 { format!("{} MiB", kib / 1024) } else { format!("{kib} KiB") },
            self.wall,
            self.cpu,
            self.user,
            self.kib as f64 / 1024.0,
            self.tokens,
            self.entities
        );
    }
}

/// The child: one case at one size, one timed extraction. Prints its figures.
fn child(case: &str, kib: usize) {
    let ex = extractor(case);
    let text = input(case, kib * 1024);
    assert_eq!(text.len(), kib * 1024);
    let warm = &text[..text.len().min(64 * 1024)];
    std::hint::black_box(ex.extract(warm).entities().len());
    // Resets VmHWM to the present RSS (Linux 4.0 and later).
    if std::fs::write("/proc/self/clear_refs", "5").is_err() {
        eprintln!("warning: cannot reset VmHWM; the memory figure is a lower bound");
    }
    let before = status_kb("VmRSS");
    let (t0, (c0, u0)) = (Instant::now(), cpu_times());
    let doc = ex.extract(std::hint::black_box(&text));
    let (wall, (c1, u1)) = (t0.elapsed().as_secs_f64(), cpu_times());
    let added = status_kb("VmHWM").saturating_sub(before);
    assert!(doc.truncated().is_none(), "{case} at {kib} KiB was truncated");
    let (tokens, entities) = (doc.tokens().len(), doc.entities().len());
    println!("RESULT {wall} {} {} {added} {tokens} {entities}", c1 - c0, u1 - u0);
}

/// The machine's busy and total CPU time so far, in ticks, and its number of cores
/// (`/proc/stat`): to show how much other work ran beside a measurement.
fn machine_ticks() -> (u64, u64, usize) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let cores = stat.lines().filter(|l| l.starts_with("cpu") && !l.starts_with("cpu ")).count();
    let ticks: Vec<u64> = stat
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("cpu "))
        .map(|l| l.split_whitespace().filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_default();
    let total: u64 = ticks.iter().take(8).sum();
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    let idle = ticks.get(3).copied().unwrap_or(0) + ticks.get(4).copied().unwrap_or(0);
    (total - idle, total, cores)
}

fn run_child(case: &str, kib: usize) -> Figures {
    let (busy0, total0, cores) = machine_ticks();
    let exe = std::env::current_exe().expect("the bench knows its own path");
    let out = Command::new(exe)
        .args(["__linear_child", case, &kib.to_string()])
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("the child process starts");
    assert!(out.status.success(), "the child for {case} at {kib} KiB failed: {}", out.status);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .unwrap_or_else(|| panic!("the child for {case} at {kib} KiB printed no result: {stdout}"));
    let f: Vec<&str> = line.split(' ').collect();
    let f = Figures {
        wall: f[0].parse().expect("a time"),
        cpu: f[1].parse().expect("a time"),
        user: f[2].parse().expect("a time"),
        kib: f[3].parse().expect("a size"),
        tokens: f[4].parse().expect("a count"),
        entities: f[5].parse().expect("a count"),
    };
    let (busy1, total1, _) = machine_ticks();
    f.show(case, kib, (busy1 - busy0) as f64 / (total1 - total0).max(1) as f64 * cores as f64);
    f
}

/// The 16/4 MiB ratios of user time, memory, CPU time and wall-clock time.
fn ratios(f: &[Figures]) -> [f64; 4] {
    [f[2].user / f[1].user, f[2].kib as f64 / f[1].kib as f64, f[2].cpu / f[1].cpu, f[2].wall / f[1].wall]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("__linear_child") {
        return child(&args[1], args[2].parse().expect("a size in KiB"));
    }
    let bench = args.iter().any(|a| a == "--bench");
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let cases: Vec<&str> = CASES
        .iter()
        .copied()
        .filter(|c| filters.is_empty() || filters.iter().any(|f| c.starts_with(f.as_str())))
        .collect();
    let sizes: &[usize] = if bench { &[1024, 4096, 16384] } else { &[256] };
    let rounds = if bench { 2 } else { 1 };

    let start = Instant::now();
    let mut rows = Vec::new();
    for case in &cases {
        let mut f: Vec<Figures> = sizes.iter().map(|&kib| run_child(case, kib)).collect();
        for _ in 1..rounds {
            for (k, &kib) in sizes.iter().enumerate() {
                f[k] = f[k].min(run_child(case, kib));
            }
        }
        // A ratio over the limit is measured again, 4 and 16 MiB, three times at most: a
        // super-linear case stays over it, one slowed by other work on the machine may not.
        let mut n = rounds;
        while bench && ratios(&f)[0] > LIMIT && n < rounds + 3 {
            n += 1;
            eprintln!("{case}: user time ratio {:.2}, measuring 4 and 16 MiB again", ratios(&f)[0]);
            for k in 1..3 {
                f[k] = f[k].min(run_child(case, sizes[k]));
            }
        }
        rows.push((case, f, n));
    }
    let total = start.elapsed().as_secs_f64();
    if !bench {
        eprintln!("smoke run ({total:.1} s): pass --bench (cargo bench) for the measurement");
        return;
    }

    println!();
    println!(
        "| input | user time 1 / 4 / 16 MiB (s) | 16/4 | memory added 1 / 4 / 16 MiB (MiB) | 16/4 | CPU 16/4 | wall 16/4 |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut failures = Vec::new();
    for (case, f, n) in &rows {
        let [u, m, c, w] = ratios(f);
        let mib = |x: u64| x as f64 / 1024.0;
        let note = if *n > rounds { format!(" ({n} measurements)") } else { String::new() };
        println!(
            "| {case} | {:.2} / {:.2} / {:.2} | {u:.2}{note} | {:.0} / {:.0} / {:.0} | {m:.2} | {c:.2} | {w:.2} |",
            f[0].user,
            f[1].user,
            f[2].user,
            mib(f[0].kib),
            mib(f[1].kib),
            mib(f[2].kib),
        );
        if u > LIMIT {
            failures.push(format!("{case}: 16 MiB took {u:.2}x the user time of 4 MiB"));
        }
        if m > LIMIT {
            failures.push(format!("{case}: 16 MiB added {m:.2}x the memory of 4 MiB"));
        }
    }
    println!();
    println!("total {total:.0} s");
    assert!(failures.is_empty(), "super-linear (16 MiB over {LIMIT}x 4 MiB):\n{}", failures.join("\n"));
}
