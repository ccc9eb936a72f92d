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

// Inputs the fuzz targets (fuzz/, `scripts/fuzz.sh`) found crashing, one test apiece.

/// fuzz target `model_files`: a 16-byte parser model claiming 3,490,316,369 tags made
/// `Parser::from_bytes` allocate 3.5 GB (twice) before reading any of them.
#[test]
fn regression_parser_model_huge_tag_count() {
    let input = b"DSPAR03\0\x51\x00\x0a\xd0\xf5\x06\x00\x00";
    let err = dossier::parser::Parser::from_bytes(input).unwrap_err();
    assert!(err.contains("at most"), "{err}");
    // A count within the bound but past the bytes left is refused as well.
    let err = dossier::parser::Parser::from_bytes(b"DSPAR03\0\x00\x04\x00\x00\x00\x00").unwrap_err();
    assert!(err.contains("truncated"), "{err}");
}

/// fuzz target `model_files`: a 4 KB tagger model of 2,000 empty class names made
/// `Tagger::from_bytes` ask for a 32 GB table of tag-pair scores and abort the process.
#[test]
fn regression_tagger_model_too_many_classes() {
    // Magic, 2,000 classes (u32), 2,000 empty names (u16 lengths), no tag dictionary, no weights.
    let input = [b"DSTAG02\0\xd0\x07\x00\x00".as_slice(), &[0; 2 * 2000 + 8]].concat();
    let err = dossier::tagger::Tagger::from_bytes(&input).unwrap_err();
    assert!(err.contains("at most"), "{err}");
}

/// fuzz target `model_files`: a tagger model of one class and one feature made a weight table
/// of one slot, full, so looking up any other feature went round it for ever (in
/// `Tagger::from_bytes` itself, which scores every tag pair).
#[test]
fn regression_linear_model_full_table() {
    // Magic, 1 class named "", no tag dictionary, 1 feature (fingerprint 0x08fc0000, no weights).
    let input = b"DSTAG02\0\x01\0\0\0\0\0\0\0\0\0\x01\0\0\0\0\0\xfc\x08\0";
    let tagger = dossier::tagger::Tagger::from_bytes(input).expect("a well-formed model");
    assert_eq!(tagger.tag(&["Drones", "struck", "."]).len(), 3);
}

/// fuzz target `extract_utf8` (a 30-minute run): a token of numeral letters whose value went
/// below zero ("ivm") made the lemmatiser's Roman-numeral test overflow its sum (a panic where
/// overflow is checked).
#[test]
fn regression_roman_numeral_overflow() {
    let ex = dossier::Extractor::new();
    let input = "We will not be ers from \x22We\x013333333333333333333333333333333333333333333333\x0eill not#be intimidated(D-N.M.)kstanosentei:*\x12 r";
    let _ = ex.extract(input);
    for t in ["Chapter ivm was read.", "mmmmmmmmmmmmmmmmmmmmmmmmm ivm xm dm", "See part IVM of 2004."] {
        let _ = ex.extract(t);
    }
}
