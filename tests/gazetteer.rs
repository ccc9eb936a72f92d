//! Built-in lists and user gazetteers, through the public API.

use dossier::matcher::{Entry, Gazetteer};
use dossier::{Extractor, Label};

fn entities(ex: &Extractor, text: &str) -> Vec<(Label, String, Vec<String>)> {
    let doc = ex.extract(text);
    crate::check_document(text, &doc);
    doc.entities()
        .iter()
        .map(|e| {
            (e.label, e.name.clone(), e.mentions.iter().map(|m| doc.slice(m.span).to_string()).collect())
        })
        .collect()
}

fn has(ents: &[(Label, String, Vec<String>)], label: Label, name: &str) -> bool {
    ents.iter().any(|(l, n, _)| *l == label && n == name)
}

#[test]
fn builtin_entities_found_with_canonical_names() {
    let ex = Extractor::new();
    let text = "CIA officers met ISI officials in Lahore, in the Punjab province of Pakistan. \
                The Taliban and al Qaeda were discussed by Pakistani and Afghan envoys.";
    let e = entities(&ex, text);
    assert!(has(&e, Label::Org, "Central Intelligence Agency"), "{e:?}");
    assert!(has(&e, Label::Org, "Inter-Services Intelligence"), "{e:?}");
    assert!(has(&e, Label::Org, "Taliban"), "{e:?}");
    assert!(has(&e, Label::Org, "al Qaeda"), "{e:?}");
    assert!(has(&e, Label::Place, "Lahore"), "{e:?}");
    assert!(has(&e, Label::Place, "Pakistan"), "{e:?}");
    assert!(has(&e, Label::Norp, "Pakistani"), "{e:?}");
    assert!(has(&e, Label::Norp, "Afghan"), "{e:?}");
    // Punjab resolves to Pakistan's province because the text names Pakistan.
    let doc = ex.extract(text);
    let punjab = doc.entities().iter().find(|e| e.name == "Punjab").expect("Punjab");
    assert_eq!(punjab.kb_id.as_deref(), Some("geonames-admin1:PK.04"));
}

#[test]
fn acronyms_fold_into_their_long_form() {
    let ex = Extractor::new();
    let text = "The Central Intelligence Agency said the CIA would not comment.";
    let e = entities(&ex, text);
    let cia: Vec<_> = e.iter().filter(|(l, _, _)| *l == Label::Org).collect();
    assert_eq!(cia.len(), 1, "{e:?}");
    assert_eq!(cia[0].2, ["Central Intelligence Agency", "CIA"]);
}

#[test]
fn nationalities_link_to_their_country() {
    let doc = Extractor::new().extract("Pakistanis and a Pakistani official.");
    let e = doc.entities().iter().find(|e| e.label == Label::Norp).expect("NORP");
    assert_eq!(e.name, "Pakistani");
    assert_eq!(e.mentions.len(), 2);
    assert_eq!(e.country.as_deref(), Some("geonames:1168579"));
}

#[test]
fn common_word_places_need_support() {
    let ex = Extractor::new();
    let e = entities(&ex, "Reading is fun. The best of times. She had a nice time.");
    assert!(!e.iter().any(|(l, _, _)| *l == Label::Place), "{e:?}");
    let e = entities(&ex, "He grew up in Reading and moved to Bath.");
    assert!(has(&e, Label::Place, "Reading"), "{e:?}");
    assert!(has(&e, Label::Place, "Bath"), "{e:?}");
}

#[test]
fn substrings_and_case() {
    let ex = Extractor::new();
    let e = entities(&ex, "Parisian cafes. let it be. the who. a Punjab-based group.");
    assert!(!has(&e, Label::Place, "Paris"), "{e:?}");
    assert!(!e.iter().any(|(l, _, _)| *l == Label::Org), "{e:?}");
    assert!(has(&e, Label::Place, "Punjab"), "{e:?}");
}

#[test]
fn titles() {
    let ex = Extractor::new();
    let e = entities(&ex, "CIA Director Leon Panetta met the prime minister and Adm. Mike Mullen.");
    assert!(has(&e, Label::Title, "Director"), "{e:?}");
    assert!(has(&e, Label::Title, "Prime Minister"), "{e:?}");
    assert!(has(&e, Label::Title, "Admiral"), "{e:?}");
    // A one-word title with no name, capital or organisation beside it is just a word.
    let e = entities(&ex, "the general public and a private company");
    assert!(!e.iter().any(|(l, _, _)| *l == Label::Title), "{e:?}");
}

#[test]
fn watchlist_tsv_is_honoured_and_wins() {
    let dir = std::env::temp_dir().join(format!("dossier-watch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("watch.tsv");
    std::fs::write(
        &path,
        "# my watchlist\nw:1\tPERSON\tRaymond Davis\tRay Davis|R. A. Davis\nw:2\tORG\tAcme Front\n",
    )
    .unwrap();
    let ex = Extractor::builder().gazetteer_path(&path).build().unwrap();
    let doc = ex.extract("Ray Davis met the Acme Front. Raymond Davis left.");
    let davis = doc.entities().iter().find(|e| e.kb_id.as_deref() == Some("w:1")).expect("watchlist person");
    assert_eq!(davis.label, Label::Person);
    assert_eq!(davis.name, "Raymond Davis");
    assert_eq!(davis.mentions.len(), 2);
    assert!(davis.mentions[0].source.contains("w:1"));
    assert!(doc.entities().iter().any(|e| e.name == "Acme Front" && e.label == Label::Org));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn watchlist_built_in_code_wins_over_builtin() {
    let g = Gazetteer::builder("mine")
        .entry(Entry::new("x:1", Label::Person, "Jordan Smith").alias("Jordan"))
        .build()
        .unwrap();
    let ex = Extractor::builder().gazetteer(g).build().unwrap();
    let doc = ex.extract("Jordan said so.");
    assert_eq!(doc.entities()[0].label, Label::Person);
}

#[test]
fn bad_gazetteer_files_get_clear_errors() {
    let dir = std::env::temp_dir().join(format!("dossier-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("cols.tsv", "a\tPERSON\n", "cols.tsv:1: expected at least 3 tab-separated columns"),
        ("label.tsv", "a\tPERSONA\tX\n", "label.tsv:1: unknown label \"PERSONA\""),
        ("empty.tsv", "a\tPERSON\t\n", "empty.tsv:1: empty name"),
        ("bom.tsv", "\u{feff}a\tPERSON\tX\n", "bom.tsv:1: the file starts with a UTF-8 byte-order mark"),
        ("crlf.tsv", "a\tPERSON\tX\r\nb\tORG\tY\r\n", "crlf.tsv:1: CRLF line ending"),
        ("dup.tsv", "a\tPERSON\tX\n\na\tORG\tY\n", "dup.tsv:3: duplicate id \"a\" (first used on line 1)"),
        ("of.tsv", "a\tORG\tX\t\tof=zz\n", "of.tsv:1: of=\"zz\" names no entry"),
        ("self.tsv", "a\tORG\tX\t\tof=a\n", "self.tsv:1: entry \"a\" is declared a form of itself"),
    ];
    for (name, data, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap();
        let err = Extractor::builder().gazetteer_path(&path).build().unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(want), "{name}: {msg}");
        assert!(err.file().is_some_and(|f| f.ends_with(name)));
        assert!(err.line().is_some());
    }
    // Absurd lines: a surface too long to match in linear time, a line of megabytes.
    let long_name = vec!["Word"; 40].join(" ");
    let huge = "x".repeat(10_000_000);
    let absurd = [
        ("long.tsv", format!("a\tORG\tAcme\nb\tORG\t{long_name}\n"), "long.tsv:2: a surface of 40 words"),
        ("huge.tsv", format!("a\tORG\tAcme\t{huge}\n"), "huge.tsv:1: a line of 10000011 bytes"),
    ];
    for (name, data, want) in absurd {
        let path = dir.join(name);
        std::fs::write(&path, data).unwrap();
        let msg = Extractor::builder().gazetteer_path(&path).build().unwrap_err().to_string();
        assert!(msg.contains(want), "{name}: {msg}");
    }
    let mut many = Entry::new("m:1", Label::Org, "Acme");
    for i in 0..1_001 {
        many = many.alias(format!("Acme {i}"));
    }
    let err = Gazetteer::builder("mine").entry(many).build().unwrap_err().to_string();
    assert!(err.contains("has 1001 aliases"), "{err}");
    let missing = Extractor::builder().gazetteer_path(dir.join("nope.tsv")).build().unwrap_err();
    assert!(missing.to_string().contains("nope.tsv"), "{missing}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn longest_surface_whose_case_fits() {
    let g = Gazetteer::builder("mine")
        .entry(Entry::new("b:1", Label::Org, "Bank of England"))
        .entry(Entry::new("b:2", Label::Org, "Bank"))
        .entry(Entry::new("b:3", Label::Org, "England Bank of Commerce"))
        .build()
        .unwrap();
    let doc = Extractor::new()
        .extract("The Bank of england lent. The Bank of England lent. England Bank of Commerce.");
    let found: Vec<&str> = g.find(doc.tokens(), doc.sentences()).iter().map(|m| doc.slice(m.span)).collect();
    // "Bank of england" fails the case check, so the shorter "Bank" gets its turn; a beginning
    // that is no surface ("England Bank of") never matches.
    assert_eq!(found, ["Bank", "Bank of England", "England Bank of Commerce"]);
}

#[test]
fn short_forms_fold_into_their_entry() {
    let g = Gazetteer::from_tsv(
        "parties.tsv",
        "p:1\tORG\tConservative Party\n\
         p:1#adj\tORG\tTory\tTories\tweak=1;of=p:1\n",
    )
    .unwrap();
    let m = g.entry(1).unwrap();
    assert!(m.is_weak());
    assert_eq!(m.of().map(|e| e.id()), Some("p:1"));
    assert_eq!(g.entry(0).unwrap().of().map(|e| e.id()), None);
}

/// A name with a plural possessive is found written without its apostrophe as well.
#[test]
fn a_plural_possessive_matches_without_its_apostrophe() {
    let g = Gazetteer::builder("mine")
        .entry(Entry::new("u:1", Label::Org, "Amalgamated Lamplighters' Union"))
        .build()
        .unwrap();
    let ex = Extractor::builder().gazetteer(g).build().unwrap();
    for text in [
        "The Amalgamated Lamplighters' Union called a strike.",
        "The Amalgamated Lamplighters Union called a strike.",
    ] {
        let e = entities(&ex, text);
        assert!(has(&e, Label::Org, "Amalgamated Lamplighters' Union"), "{text:?}: {e:?}");
    }
}

#[test]
fn a_list_of_one_word_names_matches() {
    // Every entry one word: the list has no sequences of several words at all.
    let g = Gazetteer::from_tsv("watch.tsv", "z:1\tORG\tZorblax\n").unwrap();
    let ex = Extractor::builder().gazetteer(g).build().unwrap();
    let doc = ex.extract("Analysts said Zorblax would grow.");
    let e = doc.entities().iter().find(|e| e.name == "Zorblax").expect("the watchlist's name");
    assert_eq!(e.label, Label::Org);
    assert!(e.mentions[0].source.contains("user") || e.kb_id.as_deref() == Some("z:1"), "{:?}", e);
}
