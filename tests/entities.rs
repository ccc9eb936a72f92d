//! Names, aliases, roles, dates and patterns, on texts written for these tests.

use dossier::matcher::Pattern;
use dossier::{Document, Extractor, Label};

fn find<'a>(doc: &'a Document<'_>, label: Label, name: &str) -> &'a dossier::Entity {
    doc.entities().iter().find(|e| e.label == label && e.name == name).unwrap_or_else(|| {
        panic!(
            "no {label} {name:?} in {:?}",
            doc.entities().iter().map(|e| (e.label, &e.name)).collect::<Vec<_>>()
        )
    })
}

fn mentions(doc: &Document<'_>, e: &dossier::Entity) -> Vec<String> {
    e.mentions.iter().map(|m| doc.slice(m.span).to_string()).collect()
}

#[test]
fn titles_names_and_roles() {
    let text = "FBI Director Christopher Wray met Interpol Secretary General Jurgen Stock in Lyon. \
                Wray said the bureau would help. Stock agreed.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    let wray = find(&doc, Label::Person, "Christopher Wray");
    assert_eq!(mentions(&doc, wray), ["Christopher Wray", "Wray"]);
    let stock = find(&doc, Label::Person, "Jurgen Stock");
    assert_eq!(mentions(&doc, stock), ["Jurgen Stock", "Stock"]);
    let fbi = find(&doc, Label::Org, "Federal Bureau of Investigation");
    let director = find(&doc, Label::Title, "Director");
    assert!(
        doc.roles()
            .iter()
            .any(|r| r.person == Some(wray.id) && r.title == Some(director.id) && r.org == Some(fbi.id))
    );
    let sg = find(&doc, Label::Title, "Secretary General");
    assert!(doc.roles().iter().any(|r| r.person == Some(stock.id) && r.title == Some(sg.id)));
}

#[test]
fn chained_titles_and_appositives() {
    let text = "The Chairman of the Joint Chiefs of Staff Adm. Mike Mullen arrived. \
                Ann Lee, a CIA contractor, was there.";
    let doc = Extractor::new().extract(text);
    let mullen = find(&doc, Label::Person, "Mike Mullen");
    let jcs = find(&doc, Label::Org, "Joint Chiefs of Staff");
    let chair = find(&doc, Label::Title, "Chairman");
    let adm = find(&doc, Label::Title, "Admiral");
    assert!(
        doc.roles()
            .iter()
            .any(|r| r.person == Some(mullen.id) && r.title == Some(chair.id) && r.org == Some(jcs.id))
    );
    assert!(
        doc.roles().iter().any(|r| r.person == Some(mullen.id) && r.title == Some(adm.id) && r.org.is_none())
    );
    let lee = find(&doc, Label::Person, "Ann Lee");
    let cia = find(&doc, Label::Org, "Central Intelligence Agency");
    assert!(
        doc.roles().iter().any(|r| r.person == Some(lee.id) && r.org == Some(cia.id)),
        "{:?}",
        doc.roles()
    );
}

#[test]
fn evidence_classifies_unknown_names() {
    let doc = Extractor::new().extract(
        "Officials from the Quetta Development Authority met Mr. Zarbadi Khel near the Kurram River. \
         The Hamdard Foundation Ltd. paid for it, Khel said.",
    );
    find(&doc, Label::Org, "Quetta Development Authority");
    let khel = find(&doc, Label::Person, "Zarbadi Khel");
    assert_eq!(khel.mentions.len(), 2);
    find(&doc, Label::Place, "Kurram River");
    find(&doc, Label::Org, "Hamdard Foundation Ltd.");
    // A sentence-initial ordinary word is not a name.
    assert!(!doc.entities().iter().any(|e| e.name == "Officials"));
}

/// What only a company has (shares, a stake, a board, shareholders) and where analysts work
/// make an unknown name an organisation, for the rules alone; a person beside such words stays
/// a person.
#[test]
fn business_contexts_make_unknown_names_organisations() {
    let rules =
        Extractor::builder().config(dossier::Config::new().ner(dossier::NerMode::Rules)).build().unwrap();
    for (text, name) in [
        ("Shares in Quorvane fell 4% on Monday.", "Quorvane"),
        ("The fund bought a stake in Belmondo Freight last year.", "Belmondo Freight"),
        ("Tarsevo shares rose after the results.", "Tarsevo"),
        ("Analysts at Keldermann Partridge expect a cut.", "Keldermann Partridge"),
        ("Ravenna Insight analyst Tom Pryce said demand was weak.", "Ravenna Insight"),
        ("Police searched the Kestrovia headquarters on Monday.", "Kestrovia"),
        ("The deal was made by games firm Lumivex Arcade last year.", "Lumivex Arcade"),
        ("It was bought by mobile operator Tarquil in 2003.", "Tarquil"),
    ] {
        let doc = rules.extract(text);
        let e = find(&doc, Label::Org, name);
        assert!(
            ["company", "employer", "kind-before"].iter().any(|w| e.mentions[0].source.contains(w)),
            "{text}: {:?}",
            e.mentions[0].source
        );
    }
    let doc = rules.extract("Ravenna Insight analyst Tom Pryce said demand was weak.");
    find(&doc, Label::Person, "Tom Pryce");
    // A name that says something is no company because shares follow the verb.
    let doc = rules.extract("Dr Ellery Vance told shareholders the plan had failed.");
    find(&doc, Label::Person, "Ellery Vance");
}

/// A hyphenated modifier before a name is not part of it, whatever the model reads: "Hong
/// Kong-based Zentravia Holdings" names a place and a company.
#[test]
fn a_hyphenated_modifier_is_not_part_of_the_name_after_it() {
    let text =
        "Investors praised Hong Kong-based Zentravia Holdings and the Lisbon-owned Quarrino Logistics.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    for e in doc.entities() {
        for m in &e.mentions {
            let s = doc.slice(m.span);
            assert!(!s.contains("-based") && !s.contains("-owned"), "{s:?} ({}) in {text:?}", e.label);
        }
    }
}

#[test]
fn acronym_aliases_fold() {
    let doc = Extractor::new()
        .extract("The Baloch Liberation Front claimed the attack. The BLF has done so before.");
    let blf = find(&doc, Label::Org, "Baloch Liberation Front");
    assert_eq!(mentions(&doc, blf), ["Baloch Liberation Front", "BLF"]);
}

#[test]
fn headlines_do_not_make_names_of_ordinary_words() {
    let doc = Extractor::new().extract("Officials Say Talks Will Continue After Deal\n\nThe talks went on.");
    assert!(
        doc.entities().iter().all(|e| e.label == Label::Date || e.label == Label::Title),
        "{:?}",
        doc.entities()
    );
}

#[test]
fn dates() {
    let doc = Extractor::new().extract(
        "On Monday, and again this morning, officials said the 2008 attack, on Nov. 26, 2008, was planned in March 2007. \
         About 2000 people died in the 1990s. May 5 was quiet. He may go.",
    );
    let dates: Vec<String> = doc
        .entities_of(Label::Date)
        .flat_map(|e| e.mentions.iter().map(|m| doc.slice(m.span).to_string()))
        .collect();
    for d in ["Monday", "this morning", "2008", "Nov. 26, 2008", "March 2007", "the 1990s", "May 5"] {
        assert!(dates.iter().any(|x| x == d), "{d} not in {dates:?}");
    }
    assert!(!dates.iter().any(|x| x.contains("2000")), "{dates:?}");
    assert!(!dates.iter().any(|x| x == "may"), "{dates:?}");
}

/// A comma after a month belongs to the date only when a year follows it: "in January, the
/// firm said" names "January", not "January,".
#[test]
fn a_comma_after_a_month_is_the_dates_only_before_a_year() {
    let doc = Extractor::new().extract(
        "Sales fell in January, the firm said. They rose in late March 12, and on May 5, 2004, too.",
    );
    let dates: Vec<String> = doc
        .entities_of(Label::Date)
        .flat_map(|e| e.mentions.iter().map(|m| doc.slice(m.span).to_string()))
        .collect();
    for d in ["January", "May 5, 2004"] {
        assert!(dates.iter().any(|x| x == d), "{d} not in {dates:?}");
    }
    assert!(dates.iter().all(|x| !x.ends_with(',')), "{dates:?}");
}

#[test]
fn user_patterns_are_honoured() {
    let p = Pattern::parse_json(
        r#"{"id": "op-name", "label": "ORG", "pattern": [{"LOWER": "operation"}, {"IS_TITLE": true, "OP": "+"}]}"#,
    )
    .unwrap();
    let ex = Extractor::builder().pattern(p).build().unwrap();
    let doc = ex.extract("They planned Operation Neptune Spear for months.");
    let e = find(&doc, Label::Org, "Operation Neptune Spear");
    assert_eq!(e.mentions[0].source, "pattern:op-name");
}

#[test]
fn bad_patterns_are_build_errors_naming_the_pattern() {
    let cases = [
        (
            r#"{"id": "a", "label": "DATE", "pattern": [{"COLOUR": "red"}]}"#,
            "pattern \"a\": unknown token attribute \"COLOUR\"",
        ),
        (
            r#"{"id": "b", "label": "THING", "pattern": [{"LOWER": "x"}]}"#,
            "pattern \"b\": unknown label \"THING\"",
        ),
        (
            r#"{"id": "c", "label": "DATE", "pattern": [{"LOWER": "x", "OP": "%"}]}"#,
            "pattern \"c\": unknown OP \"%\"",
        ),
        (
            r#"{"id": "d", "label": "DATE", "pattern": [{"TEXT": {"REGEX": "("}}]}"#,
            "pattern \"d\": TEXT: bad REGEX",
        ),
        (r#"{"id": "e", "label": "DATE", "pattern": []}"#, "pattern \"e\": the pattern can match nothing"),
        (
            r#"{"id": "f", "label": "DATE", "pattern": [{"LOWER": "x", "OP": "?"}]}"#,
            "pattern \"f\": the pattern can match nothing",
        ),
        (r#"{"id": "g", "label": "DATE""#, "not valid JSON"),
    ];
    for (src, want) in cases {
        let e = Pattern::parse_json(src).unwrap_err();
        assert!(e.to_string().contains(want), "{src}: {e}");
    }
    let dir = std::env::temp_dir().join(format!("dossier-pat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("p.jsonl");
    std::fs::write(&path, "# ok\n{\"id\": \"ok\", \"label\": \"ORG\", \"pattern\": \"acme\"}\n{\"id\": \"bad\", \"label\": \"ORG\", \"pattern\": [{\"SIZE\": 1}]}\n").unwrap();
    let e = Extractor::builder().patterns_path(&path).build().unwrap_err();
    assert!(e.to_string().contains("p.jsonl:3: pattern \"bad\": unknown token attribute \"SIZE\""), "{e}");
    assert_eq!(e.pattern_id(), Some("bad"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn teams_in_results_lines_are_organisations() {
    let doc = Extractor::new()
        .extract("Results on Saturday:\n\nChicago 5 Houston 3\n\nChicago is a city in Illinois.");
    let orgs: Vec<String> = doc
        .entities_of(Label::Org)
        .flat_map(|e| e.mentions.iter().map(|m| doc.slice(m.span).to_string()))
        .collect();
    assert!(orgs.contains(&"Chicago".to_string()) && orgs.contains(&"Houston".to_string()), "{orgs:?}");
    // In prose the same name is the city.
    let places: Vec<String> = doc
        .entities_of(Label::Place)
        .flat_map(|e| e.mentions.iter().map(|m| doc.slice(m.span).to_string()))
        .collect();
    assert!(places.contains(&"Chicago".to_string()), "{places:?}");
}

#[test]
fn continents_are_places_not_organisation_aliases() {
    let doc = Extractor::new().extract("Trade between Europe and Asia grew, the European Union said.");
    assert_eq!(find(&doc, Label::Place, "Europe").mentions.len(), 1);
    find(&doc, Label::Place, "Asia");
    find(&doc, Label::Org, "European Union");
}

#[test]
fn ordinary_words_are_not_company_suffixes() {
    let doc =
        Extractor::new().extract("FBI and Interpol Step Up Cooperation on Cybercrime\n\nThe talks began.");
    assert!(!doc.entities().iter().any(|e| e.name.contains("Step Up")), "{:?}", doc.entities());
}

#[test]
fn generic_words_and_pieces_of_names_are_not_entities() {
    let text = "Jane Foster appeared in the cult TV show Silver Lakes. She played a mill owner in Silver \
                Lakes, also in 1990, and Foster said TV had changed.";
    let doc = dossier::Extractor::new().extract(text);
    crate::check_document(text, &doc);
    // "TV" alone is the generic word, not an organisation.
    assert!(doc.entities().iter().all(|e| e.name != "TV"), "{:?}", doc.entities());
    // No entity is a lone piece of a longer capitalised name.
    for e in doc.entities() {
        for m in &e.mentions {
            let t = doc.slice(m.span);
            assert!(t != "Silver" && t != "Lakes", "{t} split off Silver Lakes");
        }
    }
}

/// "Mr Davis", "Davis" and "David Davis" are one person, whichever comes first; not "Mrs Davis"
/// when the given name is a man's, and not when two people share the surname.
#[test]
fn forms_of_address_and_earlier_surnames_fold() {
    let people = |text: &str| -> Vec<Vec<String>> {
        let doc = Extractor::new().extract(text);
        crate::check_document(text, &doc);
        doc.entities().iter().filter(|e| e.label == Label::Person).map(|e| mentions(&doc, e)).collect()
    };
    let got = people(
        "It is a big leap, said Chris Stening, the general manager. Mr Stening believes it will sell.",
    );
    assert!(got.iter().any(|m| m == &["Chris Stening", "Mr Stening"]), "{got:?}");
    let got = people(
        "Mogul Wilson backs band\n\nTony Wilson, the music mogul, is to launch a new label. Wilson said so.",
    );
    assert!(got.iter().any(|m| m.len() == 3 && m[1] == "Tony Wilson"), "{got:?}");
    let got = people("Mr Grayling spoke first. Later, Chris Grayling told MPs the plan was sound.");
    assert!(got.iter().any(|m| m == &["Mr Grayling", "Chris Grayling"]), "{got:?}");
    let got = people("Mrs Davis was at home. David Davis told reporters he would stand.");
    assert!(!got.iter().any(|m| m.len() == 2 && m.contains(&"Mrs Davis".to_string())), "{got:?}");
    let got = people("Mr Brown arrived late. Gordon Brown and Nick Brown spoke to the press.");
    assert!(got.iter().all(|m| !(m.contains(&"Mr Brown".to_string()) && m.len() > 1)), "{got:?}");
}

/// A name the document has read once is the same name where it is repeated without the evidence
/// around it; not a common word, and not a name two entities share.
#[test]
fn repeated_names_are_mentions_too() {
    let text = "Analysts at Jupiter Research said sales rose. Ian Fogg, Jupiter Research analyst, said so.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    let e = doc.entities().iter().find(|e| e.name == "Jupiter Research").expect("Jupiter Research");
    assert_eq!(mentions(&doc, e), ["Jupiter Research", "Jupiter Research"]);
    // A capitalised common word at a sentence's start is not the name read elsewhere.
    let text = "The Royal Bank of Scotland named a new chief. Royal visits were cancelled.";
    let doc = Extractor::new().extract(text);
    assert!(doc.entities().iter().all(|e| e.mentions.iter().all(|m| doc.slice(m.span) != "Royal")));
}

/// A common word that is a name ("Fiat", "Sky") opening a sentence is the name the document
/// writes twice inside sentences; once is not enough.
#[test]
fn a_common_word_name_written_twice_spreads_to_sentence_starts() {
    let text =
        "Shares in Fiat fell on Monday. Analysts said Fiat had lost money. Fiat owns a stake in Ferrari.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    let fiat = find(&doc, Label::Org, "FIAT");
    assert_eq!(mentions(&doc, fiat), ["Fiat", "Fiat", "Fiat"]);
    let text = "Shares in Fiat fell on Monday. Fiat owns a stake in Ferrari.";
    let doc = Extractor::new().extract(text);
    assert_eq!(mentions(&doc, find(&doc, Label::Org, "FIAT")), ["Fiat"]);
}

/// A possessive ending is not part of a name, and one word ending a longer organisation name of
/// the document is that organisation ("United" after "Manchester United").
#[test]
fn possessives_and_short_organisation_names() {
    let text = "Manchester United rejected the bid. Manchester United fans protested. Shareholders \
                United met. A proposal was received by David Gill, United's chief executive.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    assert!(doc.entities().iter().all(|e| e.mentions.iter().all(|m| !doc.slice(m.span).ends_with("'s"))));
    let man = doc.entities().iter().find(|e| e.name.starts_with("Manchester United")).expect("club");
    assert!(mentions(&doc, man).contains(&"United".to_string()), "{:?}", mentions(&doc, man));
    let gill = doc
        .roles()
        .iter()
        .find(|r| r.person.and_then(|p| doc.entity(p)).is_some_and(|p| p.name == "David Gill"));
    let org = gill.and_then(|r| r.org).and_then(|o| doc.entity(o)).map(|o| o.name.as_str());
    assert!(org.is_some_and(|o| o.starts_with("Manchester United")), "{org:?}");
}

/// An organisation's one-word name the model read once is a mention wherever the document
/// repeats it in capitals, where the model missed it ("closed the Dravex plant").
#[test]
fn a_one_word_organisation_repeats() {
    let text = "Shares in Dravex rose 5% after the Dravex board met.\n\nPolice closed the Dravex plant.";
    let doc = Extractor::new().extract(text);
    let at = text.rfind("Dravex").unwrap();
    let e = doc
        .entities()
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.span.start == at))
        .unwrap_or_else(|| panic!("no mention at the last Dravex: {:?}", doc.entities()));
    assert_eq!(e.label, Label::Org);
    let m = e.mentions.iter().find(|m| m.span.start == at).unwrap();
    assert_eq!(m.source, "rule:alias:repeat");
}

/// The plural of an abbreviation is a common noun, not a name, whatever the model reads.
#[test]
fn plural_abbreviations_are_not_names() {
    let doc = Extractor::new().extract("Sales of PCs rose 5% last year, while DJs and MPs said little.");
    let names: Vec<&str> = doc.entities().iter().map(|e| e.name.as_str()).collect();
    for w in ["PCs", "DJs", "MPs"] {
        assert!(!names.contains(&w), "{w} in {names:?}");
    }
}

#[test]
fn a_given_name_alone_is_the_one_person_seen_with_it() {
    let text = "The coach picked Harriet Jensen for the final. \"Harriet has been superb all season,\" \
                he said. Sir Gregory Plaskett watched from the stand. Sir Gregory said the team was ready.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    let jensen = find(&doc, Label::Person, "Harriet Jensen");
    assert!(mentions(&doc, jensen).contains(&"Harriet".to_string()), "{:?}", mentions(&doc, jensen));
    let plaskett = find(&doc, Label::Person, "Gregory Plaskett");
    assert!(mentions(&doc, plaskett).contains(&"Gregory".to_string()), "{:?}", mentions(&doc, plaskett));
    // Two people with that given name: the name alone is neither.
    let text = "Tom Ashby and Tom Whitlock both played. \"Tom was unlucky,\" the coach said.";
    let doc = Extractor::new().extract(text);
    for name in ["Tom Ashby", "Tom Whitlock"] {
        let e = find(&doc, Label::Person, name);
        assert_eq!(mentions(&doc, e), [name], "{name}");
    }
}

#[test]
fn a_known_organisation_or_place_after_a_form_of_address_is_a_person() {
    let text = "Lord Sainsbury gave money to Labour. Mr Kennedy said the plan was fair.";
    let doc = Extractor::new().extract(text);
    crate::check_document(text, &doc);
    let sainsbury = find(&doc, Label::Person, "Sainsbury");
    assert!(mentions(&doc, sainsbury).iter().any(|m| m.ends_with("Sainsbury")));
    assert!(doc.entities().iter().all(|e| e.label != Label::Org || !e.name.starts_with("Sainsbury")));
    assert!(doc.entities().iter().any(|e| e.label == Label::Person && e.name.ends_with("Kennedy")));
}
