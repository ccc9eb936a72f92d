//! The tagger and lemmatiser through the public API, on sentences written for these tests.

use dossier::Extractor;
use dossier::tagger::{Tagger, Upos};

fn tagged(text: &str) -> Vec<(String, Upos, String)> {
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.tags().len(), doc.tokens().len());
    doc.tokens()
        .iter()
        .enumerate()
        .map(|(i, t)| (t.text().to_string(), doc.tags()[i].upos, doc.lemma(i).to_string()))
        .collect()
}

/// The Penn tag the whole extractor gives the first `word` of `text`.
fn xpos_of(text: &str, word: &str) -> String {
    let doc = Extractor::new().extract(text);
    let i = doc.tokens().iter().position(|t| t.text() == word).expect("word");
    doc.tags()[i].xpos.as_str().to_string()
}

fn expect_verb(text: &str, word: &str, lemma: &str) {
    let t = tagged(text);
    let (_, upos, l) = t.iter().find(|(w, _, _)| w == word).unwrap_or_else(|| panic!("{word} not in {text}"));
    assert_eq!(*upos, Upos::Verb, "{word} in {text:?}: {t:?}");
    assert_eq!(l, lemma, "{word} in {text:?}");
}

#[test]
fn news_verbs_are_verbs_with_their_lemma() {
    expect_verb("Three rockets slammed into a village near the border this morning.", "slammed", "slam");
    expect_verb("A contractor killed two men who were following him in Karachi.", "killed", "kill");
    expect_verb("The agency has refused to say how many officers it employs.", "refused", "refuse");
    expect_verb("The president criticized the raid in a speech to parliament.", "criticized", "criticize");
    expect_verb("The embassy lodged a formal complaint with the ministry.", "lodged", "lodge");
    expect_verb("The general pushed for a new agreement on border patrols.", "pushed", "push");
    expect_verb("Police said he had been investigating a smuggling ring.", "investigating", "investigate");
    expect_verb("The soldiers left the base before dawn.", "left", "leave");
}

#[test]
fn auxiliaries_nouns_and_clitics() {
    let t = tagged("The agencies weren't told, and officials hasn't agreed.");
    let get = |w: &str| t.iter().find(|(x, _, _)| x == w).cloned().unwrap();
    assert_eq!(get("agencies").2, "agency");
    assert_eq!(get("were").2, "be");
    assert_eq!(get("n't").2, "not");
    assert_eq!(get("has").2, "have");
    assert_eq!(get("officials").1, Upos::Noun);
}

#[test]
fn tagger_handles_odd_input() {
    let tagger = Tagger::builtin().expect("built-in tagger");
    assert!(tagger.tag(&[]).is_empty());
    let long: Vec<&str> = std::iter::repeat_n("word", 5000).collect();
    assert_eq!(tagger.tag(&long).len(), 5000);
    let odd = ["", "\u{0}", "👍🏽", "ب", "\u{301}", "U.S.", "--", "12:30"];
    assert_eq!(tagger.tag(&odd).len(), odd.len());
}

#[test]
fn tokens_json_has_tags_and_lemmas() {
    let doc = Extractor::new().extract("Missiles slammed into the house.");
    let v = serde_json::to_value(doc.with_tokens()).unwrap();
    let t = &v["tokens"][1];
    assert_eq!(t["text"], "slammed");
    assert_eq!(t["upos"], "VERB");
    assert_eq!(t["xpos"], "VBD");
    assert_eq!(t["lemma"], "slam");
}

#[test]
fn bad_model_bytes_are_an_error() {
    assert!(Tagger::from_bytes(b"nope").is_err());
    assert!(Tagger::from_bytes(b"DSTAG01\0\x05\0\0\0").is_err());
}

#[test]
fn word_score_cache_is_per_model_and_invisible() {
    // Two instances of one model, and a sentence tagged before and after the cache is warm,
    // must give the same tags: the cache only saves work.
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/tagger.bin")).unwrap();
    let a = Tagger::from_bytes(&bytes).unwrap();
    let b = Tagger::from_bytes(&bytes).unwrap();
    let words = ["The", "agency", "refused", "to", "reveal", "the", "targets", "."];
    let first = a.tag(&words);
    for _ in 0..3 {
        assert_eq!(a.tag(&words), first);
        assert_eq!(b.tag(&words), first);
    }
    assert_eq!(Tagger::builtin().unwrap().tag(&words), first);
}

/// After an article, a word is not a finite or bare verb, whatever its right context suggests
/// ("a sign the army has": "sign the" reads like a verb and its object).
#[test]
fn no_finite_verb_right_after_an_article() {
    let xpos = |text: &str, word: &str| -> String {
        let doc = Extractor::new().extract(text);
        let i = doc.tokens().iter().position(|t| t.text() == word).unwrap();
        doc.tags()[i].xpos.as_str().to_string()
    };
    for (text, word) in [
        ("In a sign the army has no intention of stopping the air campaign, rockets hit the base.", "sign"),
        ("It was a wanted poster, which had a logo printed at the bottom.", "wanted"),
        ("The call came late, and the search began at dawn.", "search"),
    ] {
        let x = xpos(text, word);
        assert!(!matches!(x.as_str(), "VB" | "VBP" | "VBZ" | "VBD"), "{word:?} tagged {x} in {text:?}");
    }
    // Not a rule against verbs after determiners in general: "that" may be a pronoun.
    assert_eq!(xpos("He said that helps.", "helps"), "VBZ");
}

/// A sentence does not open with a verb that a finite verb follows: "Shares" in "Shares fell"
/// is the subject. An imperative still opens its sentence.
#[test]
fn no_opening_verb_before_a_finite_verb() {
    let tags = |text: &str| -> Vec<String> {
        let doc = Extractor::new().extract(text);
        doc.tags().iter().map(|t| t.xpos.as_str().to_string()).collect()
    };
    for text in [
        "Shares fell 5% in early trading on Monday.",
        "Republicans want them to stay in place.",
        "Figures show a rise in sales.",
    ] {
        let t = tags(text);
        assert!(!matches!(t[0].as_str(), "VB" | "VBP" | "VBZ" | "VBD"), "{text:?}: {t:?}");
        assert!(t[1].starts_with("VB"), "{text:?}: {t:?}");
    }
    assert_eq!(tags("Search the house before dawn.")[0], "VB");
}

/// An apostrophe written onto a plural noun, before a word, is a possessive ending; one that a
/// space sets apart is not.
#[test]
fn a_plural_possessive_is_not_a_closing_quotation_mark() {
    let tag_of = |text: &str, word: &str, nth: usize| -> (String, Upos) {
        let doc = Extractor::new().extract(text);
        let i = doc.tokens().iter().enumerate().filter(|(_, t)| t.text() == word).nth(nth).expect("word").0;
        (doc.tags()[i].xpos.as_str().to_string(), doc.tags()[i].upos)
    };
    let text = "Dr Gavin thinks the game satisfies both teachers' need for learning outcomes.";
    assert_eq!(tag_of(text, "'", 0).0, "POS");
    assert_eq!(tag_of(text, "need", 0).1, Upos::Noun);
    assert_eq!(tag_of("Ryan Giggs' future at Old Trafford is unclear.", "'", 0).0, "POS");
    // A quotation mark with a space before it opens a quotation.
    assert_ne!(tag_of("The report said the US 'afflicted' the region.", "'", 0).0, "POS");
}

/// A sentence with no finite verb gets one: the past tense or third person after its subject
/// noun that the tagger took for a participle, a noun or an adjective. Lists and headings keep
/// theirs, and a participle with an auxiliary or an agent stays one.
#[test]
fn a_sentence_without_a_finite_verb_gets_its_verb() {
    for (text, word, want) in [
        ("The Bank of England raised interest rates five times last year.", "raised", "VBD"),
        ("Germany's economy shrank 0.2% in the last three months of 2004.", "shrank", "VBD"),
        ("In Thailand, tourism accounts for about 6% of the economy.", "accounts", "VBZ"),
        ("Online journals also raised doubts about the documents.", "raised", "VBD"),
    ] {
        assert_eq!(xpos_of(text, word), want, "{text:?}");
    }
    // A word that can only be a past tense is one, verb or no verb elsewhere.
    assert_eq!(xpos_of("While the firm grew, its rival shrank.", "shrank"), "VBD");
    assert_eq!(xpos_of("Subs not used: Hamann, Harrison, Smith.", "used"), "VBN");
    assert_ne!(xpos_of("An entry-level machine designed by a team in Leeds.", "designed"), "VBD");
}

/// What a closing attribution reports is a sentence of its own and has a finite verb of its
/// own, which the attribution's verb does not stand for; an opening phrase before a comma is
/// no such clause. Nor does a relative clause's verb stand for its main clause's.
#[test]
fn a_clause_before_a_closing_attribution_gets_its_verb() {
    for (text, word) in [
        ("Gross domestic product (GDP) rose by 1.7% last year, the statistical office said.", "rose"),
        ("Its two-day takings represented 1.1 million cinema admissions, the magazine said.", "represented"),
        (
            "Average monthly earnings rose by 4.3% in the year to December, said the statistics office.",
            "rose",
        ),
    ] {
        assert_eq!(xpos_of(text, word), "VBD", "{text:?}");
    }
    assert_eq!(
        xpos_of("According to official figures, US firms added only 146,000 jobs in January.", "added"),
        "VBD"
    );
    // A main clause before a relative clause, which has the sentence's only finite verb.
    let text = "Hosted by a radio group, the ceremony featured performances from Usher and Mary J Blige, who won awards.";
    assert_eq!(xpos_of(text, "featured"), "VBD");
}

/// The BBC's text writes "£800m" as "pounds 800m": the currency's name stands where the sign
/// would, and is tagged as the sign is; a number with a scale on it beside a currency, or with
/// a decimal point or a scale other than "m", is a cardinal number. A whole number of metres
/// (an event's name in sport) is left to the model.
#[test]
fn currency_names_before_amounts_are_signs_and_amounts_are_numbers() {
    let s = "The firm will oppose any formal pounds 800m takeover bid, worth dollars 1.13bn.";
    assert_eq!(xpos_of(s, "pounds"), "$");
    assert_eq!(xpos_of(s, "800m"), "CD");
    assert_eq!(xpos_of(s, "dollars"), "$");
    assert_eq!(xpos_of(s, "1.13bn"), "CD");
    assert_eq!(xpos_of("The show was watched by 11.9m viewers.", "11.9m"), "CD");
    assert_eq!(xpos_of("Profits rose to 506m euros last year.", "506m"), "CD");
    // Not a currency before a number: the plural noun it is.
    assert_eq!(xpos_of("He lost ten pounds in a month.", "pounds"), "NNS");
}

/// A verb read as a participle that has no participle reading is a past tense ("rose", not
/// "risen"), unless an auxiliary stands before it, where the lexicon may miss the participle
/// ("to have lied").
#[test]
fn a_past_tense_with_no_participle_reading_is_no_participle() {
    assert_eq!(xpos_of("Shipments of mobile phones rose by almost 9% between 2002 and 2003.", "rose"), "VBD");
    assert_eq!(xpos_of("Sales of digital cameras rose by almost 15% between 2001 and 2002.", "rose"), "VBD");
    assert_eq!(xpos_of("Staff are said to have lied about their rank.", "lied"), "VBN");
}

#[test]
fn a_participle_after_a_perfect_auxiliary_is_one() {
    // The model read "won" as a preposition or an adverb here.
    for text in [
        "The book has already won the Orange Prize for fiction.",
        "Jamie Foxx and Hilary Swank have won the Screen Actors Guild Awards.",
        "The company is reported to have won the contract.",
    ] {
        assert_eq!(xpos_of(text, "won"), "VBN", "{text}");
        expect_verb(text, "won", "win");
    }
}
