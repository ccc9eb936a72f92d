//! Throws odd inputs at `extract`: it must never panic and every span must map back.

use dossier::Extractor;

fn run(text: &str) {
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    serde_json::to_string(&doc.with_tokens()).expect("serialises");
}

#[test]
fn odd_inputs_never_panic() {
    let big = "a".repeat(1 << 20);
    let cases: Vec<String> = vec![
        String::new(),
        " \t\n\r\n  \n".into(),
        big,
        "x.".repeat(50_000),
        "!?.,;:--...…“”‘’()[]{}".repeat(100),
        "First line.\r\nSecond line.\r\n\r\nThird\r\n".into(),
        "👩‍👩‍👧‍👦 family 🇵🇰 flag 👍🏽 ok. 🙂".into(),
        "قال مسؤول باكستاني إن وكالة المخابرات المركزية. שלום עולם.".into(),
        "\u{0}\u{1}\u{7}abc\u{0}def\u{1b}[31m red\u{7f}.".into(),
        "\u{301}\u{302} lone marks \u{301}".into(),
        "\u{200d}\u{200b}\u{feff}zero\u{200b}width\u{2028}line\u{2029}para".into(),
        "U.S.".into(),
        "'".into(),
        "-".repeat(1000),
        "@".repeat(100) + "#" + &"#".repeat(100) + "://" + "www.",
        "a@b a@b.c @ # #1 http:// https://x ftp://".into(),
        "Mr. Mr. Mr. U.S. U.S.".into(),
        "\n\n\n".into(),
        "e\u{301}cole caf\u{e9} NA\u{308}IVE".into(),
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛".into(),
    ];
    for c in &cases {
        run(c);
    }
}

#[test]
fn pseudo_random_inputs_never_panic() {
    // A fixed xorshift generator over a palette of awkward characters: deterministic, no crates.
    let palette: Vec<char> = "aZ9 .,'\"’-–—\n\r\t@#:/()U.S.é\u{301}\u{200d}👍🏽ب🇵\u{0}•…".chars().collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut next = || rng.next();
    for _ in 0..2000 {
        let len = (next() % 60) as usize;
        let s: String = (0..len).map(|_| palette[(next() % palette.len() as u64) as usize]).collect();
        run(&s);
    }
}

#[test]
fn pseudo_random_word_salads_never_panic() {
    // Words that exercise every stage: titles, particles, names, acronyms, dates, punctuation,
    // headline casing, possessives.
    let words = [
        "The",
        "the",
        "de",
        "bin",
        "al",
        "of",
        "Mr.",
        "Adm.",
        "Director",
        "General",
        "CIA",
        "ISI",
        "NATO",
        "Leon",
        "Panetta",
        "Pakistan",
        "Pakistani",
        "'s",
        "'",
        ",",
        ".",
        "said",
        "Monday",
        "May",
        "5",
        "2008",
        "in",
        "Punjab-based",
        "Lashkar-e-Taiba",
        "Ltd.",
        "Corp",
        "RIVER",
        "WHO",
        "IT",
        "--",
        "(",
        ")",
        "\"",
        "Officials",
        "Say",
        "Front",
        "J.",
        "U.S.",
        "\n",
        "\n\n",
        "•",
        "Reading",
        "who",
        "is",
        "a",
        "contractor",
    ];
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut next = || rng.next();
    let ex = dossier::Extractor::new();
    for _ in 0..1500 {
        let len = (next() % 40) as usize;
        let text: String =
            (0..len).map(|_| words[(next() % words.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
        let doc = ex.extract(&text);
        crate::check_document(&text, &doc);
        for r in doc.roles() {
            for id in [r.person, r.title, r.org].into_iter().flatten() {
                assert!(doc.entity(id).is_some());
            }
        }
    }
}

/// A fixed xorshift generator: deterministic inputs, no crates.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
