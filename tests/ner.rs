//! The learned entity model: names no list holds, found from context; a watchlist above the
//! model; a model of the user's own, trained, saved and loaded; corrupt model files.

use crate::{dump, extract};
use std::path::PathBuf;
use std::sync::LazyLock;

use dossier::matcher::{Entry, Gazetteer};
use dossier::ner::NerModel;
use dossier::ner::train::{Corpus, TrainConfig, train};
use dossier::{Config, Document, Entity, Extractor, Label, Mention, NerMode};

static FUSED: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static RULES: LazyLock<Extractor> = LazyLock::new(|| with_mode(NerMode::Rules));

fn with_mode(mode: NerMode) -> Extractor {
    Extractor::builder().config(Config::new().ner(mode)).build().expect("extractor")
}

/// The entity and mention whose text is exactly `surface`, if any.
fn find_mention<'d>(doc: &'d Document<'_>, surface: &str) -> Option<(&'d Entity, &'d Mention)> {
    doc.entities()
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .find(|(_, m)| doc.slice(m.span) == surface)
}

fn mention<'d>(doc: &'d Document<'_>, surface: &str) -> (&'d Entity, &'d Mention) {
    find_mention(doc, surface).unwrap_or_else(|| panic!("no mention {surface:?} in\n{}", dump(doc)))
}

/// A fresh directory of this process's own under the system's temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

// 1. An unknown company.

#[test]
fn unknown_company_is_found_from_context() {
    // "Vantrell" is in no built-in list.
    let text = "Shares in Vantrell Holdings fell 4% after the company said demand for its pumps had \
                slowed. Analysts expect Vantrell to cut jobs.";
    let doc = extract(&FUSED, text);
    let (full, m) = mention(&doc, "Vantrell Holdings");
    assert_eq!((full.label, full.kb_id.as_deref()), (Label::Org, None), "{}", dump(&doc));
    assert!(m.source.contains("model"), "{}", m.source);
    // The short name later on: only the model finds it.
    let (short, m) = mention(&doc, "Vantrell");
    assert_eq!(short.label, Label::Org, "{}", dump(&doc));
    assert_eq!(m.source, "model:ner");

    // The rules alone find the full name (an organisation word, "Holdings"), but not with the
    // model's agreement, and not the short name.
    let doc = extract(&RULES, text);
    let (full, m) = mention(&doc, "Vantrell Holdings");
    assert_eq!(full.label, Label::Org, "{}", dump(&doc));
    assert!(m.source.starts_with("rule:") && !m.source.contains("model"), "{}", m.source);
    assert!(find_mention(&doc, "Vantrell").is_none(), "{}", dump(&doc));
}

#[test]
fn unknown_bare_company_name_after_shares_is_an_organisation() {
    let text = "Shares in Vantrell fell 4% after the company said demand for its pumps had slowed.";
    let doc = extract(&FUSED, text);
    assert_eq!(mention(&doc, "Vantrell").0.label, Label::Org, "{}", dump(&doc));
    let text = "Vantrell shares fell 4% on Tuesday after the company cut its profit forecast.";
    let doc = extract(&FUSED, text);
    assert_eq!(mention(&doc, "Vantrell").0.label, Label::Org, "{}", dump(&doc));
}

/// A name that ends like a competition's or a prize's is an event, also after a given name:
/// "Davis Cup" is no person called Davis, in a headline as in a sentence.
#[test]
fn a_name_ending_in_cup_or_awards_is_no_person() {
    for (text, name) in [
        ("Parmar ruled out of Davis Cup tie", "Davis Cup"),
        ("Britain will play Israel in the Davis Cup next month, the captain said.", "Davis Cup"),
        ("Morgan Prize winner named", "Morgan Prize"),
    ] {
        let doc = extract(&FUSED, text);
        let found = find_mention(&doc, name).map(|(e, _)| e.label);
        assert_ne!(found, Some(Label::Person), "{text:?}\n{}", dump(&doc));
        assert!(
            !doc.entities().iter().any(|e| e.label == Label::Person && e.name.contains("Cup")),
            "{}",
            dump(&doc)
        );
    }
}

// 2. Unknown people in a results line.

#[test]
fn unknown_players_in_a_results_line_are_people() {
    let text = "Tennis: Men's singles, second round: Kovrenko (Ukraine) beat Daskalov (Bulgaria) \
                6-4 3-6 7-5; Marvić (Croatia) beat Lindqvart (Sweden) 6-2 6-1.";
    let doc = extract(&FUSED, text);
    for name in ["Kovrenko", "Daskalov", "Marvić"] {
        let (e, m) = mention(&doc, name);
        assert_eq!((e.label, e.kb_id.as_deref()), (Label::Person, None), "{name}\n{}", dump(&doc));
        assert_eq!(m.source, "model:ner");
    }
    for country in ["Ukraine", "Bulgaria", "Croatia"] {
        assert_eq!(mention(&doc, country).0.label, Label::Place, "{}", dump(&doc));
    }
    // The rules know none of these names.
    let doc = extract(&RULES, text);
    assert!(doc.entities_of(Label::Person).next().is_none(), "{}", dump(&doc));
}

// 3. A watchlist above the model.

#[test]
fn watchlist_entry_overrides_the_model() {
    let text = "Harper Quill said on Monday that it would close two plants. Harper Quill employs 900 \
                people in Ohio.";
    // On its own, the model reads the name as a person's.
    let model_only = with_mode(NerMode::Model);
    let doc = extract(&model_only, text);
    let (e, m) = mention(&doc, "Harper Quill");
    assert_eq!(e.label, Label::Person, "{}", dump(&doc));
    assert!(m.source.contains("model"), "{}", m.source);

    // The watchlist says it is a company; it wins in every mode.
    for mode in [NerMode::Fused, NerMode::Model, NerMode::Rules] {
        let g =
            Gazetteer::builder("mine").entry(Entry::new("w:hq", Label::Org, "Harper Quill")).build().unwrap();
        let ex = Extractor::builder().config(Config::new().ner(mode)).gazetteer(g).build().unwrap();
        let doc = extract(&ex, text);
        let e = doc.entities().iter().find(|e| e.name == "Harper Quill").expect("Harper Quill");
        assert_eq!((e.label, e.kb_id.as_deref()), (Label::Org, Some("w:hq")), "{mode:?}\n{}", dump(&doc));
        // Its two names (and "it", a reference to it).
        let names: Vec<_> = e.mentions.iter().filter(|m| !m.is_reference()).collect();
        assert_eq!(names.len(), 2, "{mode:?}\n{}", dump(&doc));
        for m in names {
            assert_eq!(m.source, "gazetteer:mine:w:hq", "{mode:?}");
        }
        assert!(!doc.entities().iter().any(|e| e.label == Label::Person), "{mode:?}\n{}", dump(&doc));
    }
}

// 3b. Two names joined by a possessive.

#[test]
fn a_possessive_after_a_known_name_joins_two_names() {
    // The model reads each "X's Y" as one organisation; the rules know the place before it.
    let text = "Oil prices rose on London's International Petroleum Exchange. Talks with Ireland's \
                Ryanair failed.";
    let doc = extract(&FUSED, text);
    for (place, org) in [("London", "International Petroleum Exchange"), ("Ireland", "Ryanair")] {
        assert_eq!(mention(&doc, place).0.label, Label::Place, "{}", dump(&doc));
        let (e, m) = mention(&doc, org);
        assert_eq!(e.label, Label::Org, "{}", dump(&doc));
        assert!(m.source.contains("model"), "{}", m.source);
    }
    let joined = doc.entities().iter().flat_map(|e| &e.mentions).find(|m| doc.slice(m.span).contains("'s"));
    assert!(joined.is_none(), "{}", dump(&doc));
    // A name with a possessive inside it, known whole, stays whole.
    let doc = extract(&FUSED, "The European People's Party won the most seats.");
    assert_eq!(mention(&doc, "European People's Party").0.label, Label::Org, "{}", dump(&doc));
}

// 4. A model of one's own.

/// A tiny training corpus in CoNLL IOB2: invented names in a few news-like frames, the word
/// "Quarnish" always MISC.
fn tiny_corpus() -> String {
    let people = [("Talia", "Varnen"), ("Oskar", "Helmby"), ("Renata", "Dulsko"), ("Amir", "Qorbani")];
    let orgs = [("Brenwick", "Group"), ("Saltmere", "Holdings"), ("Olvane", "Systems")];
    let places = ["Kestrava", "Port Ellin", "Dunmarra"];
    let mut out = String::from("-DOCSTART- O\n\n");
    let mut sentence = |words: &[(&str, &str)]| {
        for (w, t) in words {
            for (k, part) in w.split(' ').enumerate() {
                let tag = match (*t, k) {
                    ("O", _) => "O".to_string(),
                    (t, 0) => format!("B-{t}"),
                    (t, _) => format!("I-{t}"),
                };
                out.push_str(&format!("{part} {tag}\n"));
            }
        }
        out.push('\n');
    };
    for (i, (given, family)) in people.iter().enumerate() {
        let (org, suffix) = orgs[i % orgs.len()];
        let place = places[i % places.len()];
        let full = format!("{given} {family}");
        let company = format!("{org} {suffix}");
        sentence(&[(&full, "PER"), ("met officials in", "O"), (place, "LOC"), ("on Monday .", "O")]);
        sentence(&[("Shares in", "O"), (&company, "ORG"), ("rose after the results .", "O")]);
        sentence(&[
            (family, "PER"),
            ("said the", "O"),
            ("Quarnish", "MISC"),
            ("festival would go ahead .", "O"),
        ]);
        sentence(&[
            ("The", "O"),
            ("Quarnish", "MISC"),
            ("community in", "O"),
            (place, "LOC"),
            ("grew .", "O"),
        ]);
        sentence(&[(&company, "ORG"), ("hired", "O"), (&full, "PER"), ("as chief executive .", "O")]);
        sentence(&[("Police in", "O"), (place, "LOC"), ("said", "O"), (&full, "PER"), ("was unhurt .", "O")]);
        sentence(&[
            ("Many", "O"),
            ("Quarnish", "MISC"),
            ("speakers live near", "O"),
            (place, "LOC"),
            (".", "O"),
        ]);
        sentence(&[(org, "ORG"), ("said profits fell .", "O")]);
        sentence(&[("It is cold in", "O"), (place, "LOC"), ("today .", "O")]);
    }
    out
}

fn tiny_config() -> TrainConfig {
    TrainConfig { epochs: 4, min_label_entities: 1, ..TrainConfig::default() }
}

#[test]
fn user_trained_model_round_trip() {
    let dir = temp_dir("ner-train");
    let conll = dir.join("tiny.conll");
    std::fs::write(&conll, tiny_corpus()).unwrap();
    let docs = dossier::conll::read(&conll).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].sentences.len(), 36);
    let corpus = Corpus { name: "tiny".into(), docs };

    let trainer = Extractor::new();
    let mut log = Vec::new();
    let bytes =
        train(&trainer, std::slice::from_ref(&corpus), &[], &tiny_config(), |l| log.push(l.to_string()));
    assert!(log.iter().any(|l| l.starts_with("train tiny: 36 sentences")), "{log:?}");
    // Deterministic: the same data and settings give the same bytes.
    let again = train(&trainer, std::slice::from_ref(&corpus), &[], &tiny_config(), |_| {});
    assert!(bytes == again, "two trainings on the same data differ");
    assert_eq!(NerModel::from_bytes(&bytes).expect("the trained bytes load").classes(), 17);

    let path = dir.join("tiny-ner.bin");
    std::fs::write(&path, &bytes).unwrap();
    let text = "The Quarnish festival drew large crowds in Dunmarra on Monday.";
    let mine =
        Extractor::builder().config(Config::new().ner(NerMode::Model)).ner_model(&path).build().unwrap();
    let doc = extract(&mine, text);
    let (e, m) = mention(&doc, "Quarnish");
    assert_eq!(e.label, Label::Misc, "{}", dump(&doc));
    assert!(m.source.contains("model:ner"), "{}", m.source);
    // The built-in model does not read it so: the loaded model is the one used.
    let builtin = with_mode(NerMode::Model);
    let doc = extract(&builtin, text);
    assert!(find_mention(&doc, "Quarnish").is_none_or(|(e, _)| e.label != Label::Misc), "{}", dump(&doc));
    // The same model given in memory works the same.
    let in_memory = Extractor::builder()
        .config(Config::new().ner(NerMode::Model))
        .ner(NerModel::from_bytes(&bytes).unwrap())
        .build()
        .unwrap();
    assert_eq!(in_memory.extract(text).entities(), mine.extract(text).entities());
    // Fused (the default mode), the user's model still speaks.
    let fused = Extractor::builder().ner_model(&path).build().unwrap();
    let doc = extract(&fused, text);
    assert!(
        doc.entities().iter().flat_map(|e| &e.mentions).any(|m| m.source.contains("model")),
        "{}",
        dump(&doc)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Several perceptrons on their own shuffles, averaged: deterministic, and not the same as one.
#[test]
fn a_model_averaged_over_runs_is_deterministic_and_not_one_run() {
    let dir = temp_dir("ner-runs");
    let conll = dir.join("tiny.conll");
    std::fs::write(&conll, tiny_corpus()).unwrap();
    let corpus = Corpus { name: "tiny".into(), docs: dossier::conll::read(&conll).unwrap() };
    let trainer = Extractor::new();
    let with_runs = |runs| {
        let mut log = Vec::new();
        let cfg = TrainConfig { runs, ..tiny_config() };
        let bytes = train(&trainer, std::slice::from_ref(&corpus), &[], &cfg, |l| log.push(l.to_string()));
        (bytes, log)
    };
    let (one, _) = with_runs(1);
    let (three, log) = with_runs(3);
    assert!(log.iter().any(|l| l.starts_with("run 3/3 epoch 4")), "{log:?}");
    assert!(three == with_runs(3).0, "two trainings with the same runs differ");
    assert!(one != three, "three runs averaged gave one run's bytes");
    NerModel::from_bytes(&three).expect("the averaged model loads");
    std::fs::remove_dir_all(&dir).ok();
}

// 5. Corrupt model files.

#[test]
fn corrupt_model_files_are_build_errors_naming_file_and_cause() {
    let good = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/ner.bin")).unwrap();
    assert!(NerModel::from_bytes(&good).is_ok());
    // Deterministic noise.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let mut wrong_magic = good.clone();
    wrong_magic[..8].copy_from_slice(b"DSTAG02\0");
    let mut other_version = good.clone();
    other_version[8..12].copy_from_slice(&99u32.to_le_bytes());
    let mut trailing = good.clone();
    trailing.push(0);
    let mut garbage_body = good[..12].to_vec();
    garbage_body.extend_from_slice(&noise);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.bin", Vec::new(), "not a dossier entity model (bad magic)"),
        ("magic.bin", wrong_magic, "not a dossier entity model (bad magic)"),
        ("random.bin", noise.clone(), "not a dossier entity model (bad magic)"),
        ("half.bin", good[..good.len() / 2].to_vec(), "truncated model"),
        ("header.bin", good[..12].to_vec(), "truncated model"),
        ("cut.bin", good[..good.len() - 1].to_vec(), "truncated model"),
        ("version.bin", other_version, "an entity model for feature set 99"),
        ("trailing.bin", trailing, "trailing bytes after the model"),
        ("body.bin", garbage_body, "bad magic"),
    ];
    let dir = temp_dir("ner-corrupt");
    for (name, bytes, cause) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let shown = path.display().to_string();
        let err = Extractor::builder().ner_model(&path).build().expect_err(name);
        let msg = err.to_string();
        assert!(msg.starts_with(&format!("{shown}: ")), "{name}: {msg}");
        assert!(msg.contains(cause), "{name}: {msg}");
        assert_eq!(err.file(), Some(shown.as_str()), "{name}");
        assert!(NerModel::from_bytes(&bytes).is_err(), "{name}");
    }
    let missing = dir.join("missing.bin");
    let err = Extractor::builder().ner_model(&missing).build().expect_err("missing file");
    let msg = err.to_string();
    assert!(msg.contains("cannot read") && msg.contains(&missing.display().to_string()), "{msg}");
    assert!(std::error::Error::source(&err).is_some(), "the I/O error is kept as the source");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn model_with_absurd_counts_is_an_error() {
    let good = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/ner.bin")).unwrap();
    let mut bytes = good[..20].to_vec(); // entity header, inner magic
    bytes.extend_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    bytes.extend_from_slice(&[0; 64]);
    let dir = temp_dir("ner-absurd");
    let path = dir.join("absurd.bin");
    std::fs::write(&path, &bytes).unwrap();
    let err = Extractor::builder().ner_model(&path).build().expect_err("absurd counts");
    assert!(err.to_string().contains("absurd.bin"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
