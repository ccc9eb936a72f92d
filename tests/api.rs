use dossier::{Extractor, Label};

#[test]
fn default_extractor_builds() {
    let e = Extractor::new();
    assert_eq!(e.config().get_max_sentence_tokens(), 400);
}

#[test]
fn bad_config_is_an_error_naming_the_value() {
    let err = Extractor::builder().config(dossier::Config::new().max_sentence_tokens(0)).build().unwrap_err();
    assert!(err.to_string().contains("max_sentence_tokens"), "{err}");
    let err = Extractor::builder().abbreviation("Supt", true).build().unwrap_err();
    assert!(err.to_string().contains("\"Supt\""), "{err}");
}

#[test]
fn builder_stays_reusable() {
    let mut b = Extractor::builder();
    b.abbreviation("Supt.", true);
    let a = b.build().unwrap();
    let c = b.build().unwrap();
    assert_eq!(
        a.extract("Supt. Ann Lee left.").sentences().len(),
        c.extract("Supt. Ann Lee left.").sentences().len()
    );
}

#[test]
fn extractor_is_usable_from_many_threads() {
    let e = Extractor::new();
    let texts: Vec<String> =
        (0..8).map(|i| format!("Adm. Mike Mullen met {i} U.S. officials. The CIA did not agree.")).collect();
    std::thread::scope(|s| {
        for t in &texts {
            let e = &e;
            s.spawn(move || {
                let doc = e.extract(t);
                crate::check_document(t, &doc);
                assert_eq!(doc.sentences().len(), 2);
            });
        }
    });
    // Clones share the data and work on other threads too.
    let e2 = e.clone();
    std::thread::spawn(move || e2.extract("Panetta spoke.").tokens().len()).join().unwrap();
}

#[test]
fn json_has_the_fixed_schema() {
    let text = "CIA Director Leon Panetta met officials.\n\nThey agreed.";
    let doc = Extractor::new().extract(text);
    let v: serde_json::Value = serde_json::to_value(&doc).unwrap();
    assert_eq!(v["schema"], 1);
    for key in ["sentences", "entities", "roles", "triples"] {
        assert!(v[key].is_array(), "{key} missing");
    }
    let sents = v["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 2);
    assert_eq!(sents[1]["start"], text.find("They").unwrap());
    assert_eq!(sents[1]["end"], text.len());
    assert!(v.get("tokens").is_none());
    let with = serde_json::to_value(doc.with_tokens()).unwrap();
    let toks = with["tokens"].as_array().unwrap();
    assert_eq!(toks.len(), doc.tokens().len());
    assert_eq!(toks[0]["text"], "CIA");
    assert_eq!(toks.last().unwrap()["sentence"], 1);
}

#[test]
fn labels_round_trip() {
    for l in Label::ALL {
        assert_eq!(Label::parse(l.as_str()), Some(l));
        assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
    }
}
