//! The dependency parser: well-formed trees for any input, and the constructions news
//! sentences lean on (subjects and objects of active, perfect, progressive and relative
//! clauses, prepositional objects, appositions before a name).

use dossier::parser::Parser;
use dossier::tagger::Tagger;
use dossier::{Document, Extractor};

fn parse(text: &str) -> Document<'_> {
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    assert!(doc.is_parsed());
    doc
}

fn index(doc: &Document<'_>, word: &str) -> usize {
    doc.tokens().iter().position(|t| t.text() == word).unwrap_or_else(|| panic!("no token {word:?}"))
}

/// The token span of the subtree under token `i`.
fn subtree(doc: &Document<'_>, i: usize) -> String {
    let n = doc.tokens().len();
    let inside = |mut j: usize| loop {
        if j == i {
            return true;
        }
        match doc.head(j) {
            Some(h) => j = h,
            None => return false,
        }
    };
    let members: Vec<usize> = (0..n).filter(|&j| inside(j)).collect();
    let (a, b) = (members[0], *members.last().unwrap());
    doc.tokens()[a..=b].iter().map(|t| t.text()).collect::<Vec<_>>().join(" ")
}

/// The dependents of `verb` whose relation starts with `rel`, as subtree strings.
fn args(doc: &Document<'_>, verb: &str, rel: &str) -> Vec<String> {
    let v = index(doc, verb);
    (0..doc.tokens().len())
        .filter(|&j| doc.head(j) == Some(v) && doc.deprel(j).is_some_and(|r| r.as_str().starts_with(rel)))
        .map(|j| subtree(doc, j))
        .collect()
}

/// The dependents of `verb` whose relation starts with `rel`, as their own words.
fn deps<'d>(doc: &'d Document<'_>, verb: &str, rel: &str) -> Vec<&'d str> {
    let v = index(doc, verb);
    (0..doc.tokens().len())
        .filter(|&j| doc.head(j) == Some(v) && doc.deprel(j).is_some_and(|r| r.as_str().starts_with(rel)))
        .map(|j| doc.tokens()[j].text())
        .collect()
}

#[test]
fn subject_and_object_of_a_simple_clause() {
    let doc = parse("The president criticized the raid in parliament.");
    assert_eq!(args(&doc, "criticized", "nsubj"), ["The president"]);
    // "in parliament" may hang on the verb or on "raid": both readings exist.
    assert_eq!(deps(&doc, "criticized", "obj"), ["raid"]);
}

#[test]
fn subject_after_a_long_participial_apposition() {
    let doc = parse(
        "The rockets, fired by two unmanned aircraft launched from Qatar, killed Syrian and Iraqi fighters.",
    );
    let subj = args(&doc, "killed", "nsubj");
    assert_eq!(subj.len(), 1);
    assert!(subj[0].starts_with("The rockets"), "{subj:?}");
    assert_eq!(args(&doc, "killed", "obj"), ["Syrian and Iraqi fighters"]);
}

#[test]
fn prepositional_object_of_a_motion_verb() {
    let doc =
        parse("At least four American missiles slammed into a militant compound in Yemen this morning.");
    assert_eq!(args(&doc, "slammed", "nsubj"), ["At least four American missiles"]);
    let obl = args(&doc, "slammed", "obl");
    assert!(obl.iter().any(|o| o.starts_with("into a militant compound")), "{obl:?}");
}

#[test]
fn past_perfect_in_reported_speech() {
    let doc = parse("The ministry said the ambassador had lodged a formal complaint with the French envoy.");
    assert_eq!(args(&doc, "lodged", "nsubj"), ["the ambassador"]);
    assert_eq!(deps(&doc, "lodged", "obj"), ["complaint"]);
    assert_eq!(args(&doc, "lodged", "aux"), ["had"]);
    assert_eq!(args(&doc, "said", "ccomp").len(), 1);
}

#[test]
fn progressive_and_perfect_complements() {
    let doc = parse("Police said Smith had been investigating the smuggling ring.");
    assert_eq!(args(&doc, "investigating", "nsubj"), ["Smith"]);
    assert_eq!(args(&doc, "investigating", "obj"), ["the smuggling ring"]);
    let doc = parse("The agency believed Jones had crossed a red line.");
    assert_eq!(args(&doc, "crossed", "nsubj"), ["Jones"]);
    assert_eq!(args(&doc, "crossed", "obj"), ["a red line"]);
}

#[test]
fn relative_clause_hangs_on_its_noun() {
    let doc = parse("The gunmen killed two men who were working for the cartel.");
    assert_eq!(args(&doc, "killed", "nsubj"), ["The gunmen"]);
    let obj = args(&doc, "killed", "obj");
    assert_eq!(obj, ["two men who were working for the cartel"]);
    let men = index(&doc, "men");
    assert_eq!(doc.head(index(&doc, "working")), Some(men));
    assert_eq!(doc.deprel(index(&doc, "working")).unwrap().as_str(), "acl:relcl");
}

#[test]
fn title_and_name_before_a_verb_form_one_subject() {
    let doc = parse(
        "In March, CIA Director Leon Panetta met Pakistani Prime Minister Yousuf Raza Gilani in Islamabad.",
    );
    assert_eq!(args(&doc, "met", "nsubj"), ["CIA Director Leon Panetta"]);
    assert_eq!(deps(&doc, "met", "obj"), ["Gilani"]);
    assert!(args(&doc, "met", "obj")[0].starts_with("Pakistani Prime Minister Yousuf Raza Gilani"));
}

#[test]
fn title_and_name_form_one_subject() {
    let doc = parse("Senator John Miller visited the base in Kandahar.");
    assert_eq!(args(&doc, "visited", "nsubj"), ["Senator John Miller"]);
    assert_eq!(args(&doc, "visited", "obj"), ["the base in Kandahar"]);
}

#[test]
fn passive_subject_and_agent() {
    let doc = parse("The official was killed by a drone in 2003.");
    assert_eq!(args(&doc, "killed", "nsubj:pass"), ["The official"]);
    assert_eq!(args(&doc, "killed", "aux:pass"), ["was"]);
    let obl = args(&doc, "killed", "obl");
    assert!(obl.contains(&"by a drone".to_string()), "{obl:?}");
}

fn xorshift(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

#[test]
fn any_input_gives_one_tree() {
    let tagger = Tagger::builtin().unwrap();
    let parser = Parser::builtin().unwrap();
    let vocab = [
        "the", "of", "killed", "CIA", ",", ".", "(", "said", "and", "who", "Pakistan", "to", "has", "not",
        "2011", "\"", "'s", "a", "was", "by", "into", "—", "😀", "", " ", "x",
    ];
    let mut seed = 0x1234_5678_9abc_def1u64;
    for len in (1..40).chain([100, 399, 400, 1000]) {
        for _ in 0..8 {
            let words: Vec<&str> =
                (0..len).map(|_| vocab[(xorshift(&mut seed) % vocab.len() as u64) as usize]).collect();
            // Tags from the tagger, from nothing, and too few: all must give a tree.
            let tags = tagger.tag(&words);
            for tags in [&tags[..], &[], &tags[..len / 2]] {
                let tree = parser.parse(&words, tags);
                assert_eq!(tree.len(), len);
                let heads: Vec<Option<usize>> = tree.iter().map(|d| d.head).collect();
                crate::check_tree(&heads);
                for d in &tree {
                    assert!(!d.rel.as_str().is_empty());
                    assert_eq!(d.head.is_none(), d.rel.as_str() == "root");
                }
            }
        }
    }
    assert!(parser.parse(&[], &[]).is_empty());
}

#[test]
fn parsing_can_be_turned_off() {
    let ex = Extractor::builder().config(dossier::Config::new().parse(false)).build().unwrap();
    let doc = ex.extract("Drones killed two militants.");
    assert!(!doc.is_parsed());
    assert_eq!(doc.head(0), None);
    assert_eq!(doc.deprel(0), None);
}

#[test]
fn conllu_output_is_well_formed() {
    let text = "Drones killed two militants.\r\nThe\tCIA \"declined\" to comment!";
    let doc = parse(text);
    let out = doc.to_conllu();
    let blocks: Vec<&str> = out.split("\n\n").filter(|b| !b.trim().is_empty()).collect();
    assert_eq!(blocks.len(), doc.sentences().len());
    for b in blocks {
        let lines: Vec<&str> = b.lines().filter(|l| !l.starts_with('#')).collect();
        for (k, l) in lines.iter().enumerate() {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 10, "{l:?}");
            assert_eq!(cols[0], (k + 1).to_string());
            let head: usize = cols[6].parse().unwrap();
            assert!(head <= lines.len());
        }
    }
}

#[test]
fn bad_model_bytes_are_an_error() {
    for bytes in [&b""[..], b"DSPAR03\0", b"not a model at all", &[0xff; 64]] {
        assert!(Parser::from_bytes(bytes).is_err());
    }
}

#[test]
fn long_relation_names_are_cut_on_a_character_boundary() {
    let r = dossier::parser::Deprel::new(&"ä".repeat(10));
    assert_eq!(r.as_str(), "ä".repeat(7));
    assert_eq!(dossier::parser::Deprel::new("nsubj:pass").base(), "nsubj");
}

#[test]
fn an_attribution_aside_hangs_on_the_clause_it_interrupts() {
    let doc = parse("Police arrested two men who, according to witnesses, were carrying knives.");
    assert_eq!(deps(&doc, "carrying", "nsubj"), ["who"]);
    assert_eq!(deps(&doc, "carrying", "obl"), ["witnesses"]);
    assert_eq!(deps(&doc, "witnesses", "case"), ["according"]);
    assert_eq!(deps(&doc, "witnesses", "punct"), [",", ","]);
    // Where the aside ends a clause before a conjunction, it belongs to that clause.
    let doc = parse("Sales rose sharply, according to the report, but profits fell.");
    assert_eq!(deps(&doc, "rose", "obl"), ["report"]);
}
