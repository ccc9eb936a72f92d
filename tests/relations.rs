//! The relation pass on short sentences: one construction each.

use dossier::{Document, Extractor, Triple};

fn doc(text: &str) -> Document<'_> {
    let d = Extractor::new().extract(text);
    crate::check_document(text, &d);
    for t in d.triples() {
        for a in [&t.subject, &t.object] {
            let s = d.slice(a.span);
            assert!(s.chars().any(char::is_alphanumeric), "empty argument {s:?} in {text:?}");
        }
        assert!((0.0..=1.0).contains(&t.confidence));
    }
    d
}

/// The triple whose predicate lemma is `lemma`, as (subject, object) strings.
fn find<'d>(d: &'d Document<'_>, lemma: &str) -> (&'d Triple, &'d str, &'d str) {
    let t = d
        .triples()
        .iter()
        .find(|t| t.predicate.lemma == lemma)
        .unwrap_or_else(|| panic!("no {lemma:?} triple in {:?}", lemmas(d)));
    (t, d.slice(t.subject.span), d.slice(t.object.span))
}

fn lemmas(d: &Document<'_>) -> Vec<String> {
    d.triples()
        .iter()
        .map(|t| format!("{} · {} · {}", d.slice(t.subject.span), t.predicate.lemma, d.slice(t.object.span)))
        .collect()
}

#[test]
fn active_clause() {
    let d = doc("The president criticized the raid.");
    let (t, s, o) = find(&d, "criticize");
    assert_eq!((s, o), ("The president", "the raid"));
    assert!(!t.negated && !t.passive);
    assert_eq!(t.predicate.text, "criticized");
}

#[test]
fn passive_with_agent_turns_active() {
    let d = doc("The ambassador was summoned by the foreign ministry.");
    let (t, s, o) = find(&d, "summon");
    assert_eq!((s, o), ("the foreign ministry", "The ambassador"));
    assert!(t.passive);
}

#[test]
fn negation_and_modals_are_in_the_verb_group() {
    let d = doc("The agency did not know the contractor.");
    let (t, s, o) = find(&d, "know");
    assert_eq!((s, o), ("The agency", "the contractor"));
    assert!(t.negated);
    assert_eq!(t.predicate.text, "did not know");
    let d = doc("The ministry will never accept the proposal.");
    let (t, ..) = find(&d, "accept");
    assert!(t.negated);
    let d = doc("The army could seize the bridge.");
    let (t, s, o) = find(&d, "seize");
    assert_eq!((s, o), ("The army", "the bridge"));
    assert!(!t.negated);
    assert_eq!(t.predicate.text, "could seize");
}

#[test]
fn infinitive_complements_join_the_relation() {
    let d = doc("Pakistan has refused to reveal the location.");
    let (t, s, o) = find(&d, "refuse to reveal");
    assert_eq!((s, o), ("Pakistan", "the location"));
    assert_eq!(t.predicate.text, "has refused to reveal");
}

#[test]
fn coordinated_subjects_give_one_triple_each() {
    let d = doc("The CIA and the ISI signed an agreement.");
    let subjects: Vec<&str> =
        d.triples().iter().filter(|t| t.predicate.lemma == "sign").map(|t| d.slice(t.subject.span)).collect();
    assert_eq!(subjects, ["The CIA", "the ISI"]);
    // Both are entities, so both triples link their subjects.
    assert!(d.triples().iter().filter(|t| t.predicate.lemma == "sign").all(|t| t.subject.entity.is_some()));
}

#[test]
fn relative_clause_subject_is_its_noun() {
    let d = doc("The gunmen killed two men who were working for the cartel.");
    let (_, s, o) = find(&d, "kill");
    // A relative clause that says which ones they were is part of the phrase.
    assert_eq!((s, o), ("The gunmen", "two men who were working for the cartel"));
    let (_, s, o) = find(&d, "work for");
    assert_eq!((s, o), ("two men", "the cartel"));
}

#[test]
fn prepositional_objects_and_copulas() {
    let d = doc("Six missiles slammed into a compound near the border.");
    let (_, s, o) = find(&d, "slam into");
    assert_eq!(s, "Six missiles");
    assert!(o.starts_with("a compound"), "{o}");
    let d = doc("The group was responsible for the attack.");
    let (t, s, o) = find(&d, "be responsible for");
    assert_eq!((s, o), ("The group", "the attack"));
    assert!(!t.passive);
}

#[test]
fn reported_speech_is_attributed() {
    let d = doc("Officials said the militants had crossed the border.");
    let (t, s, o) = find(&d, "cross");
    assert_eq!((s, o), ("the militants", "the border"));
    let who = t.attribution.as_ref().map(|a| d.slice(a.span));
    assert_eq!(who, Some("Officials"));
    let d = doc("The drones killed four fighters, according to local residents.");
    let (t, ..) = find(&d, "kill");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("local residents"));
    // The attribution is not part of the object.
    assert_eq!(d.slice(t.object.span), "four fighters");
}

#[test]
fn entity_to_entity_triples_can_be_selected() {
    let mut d = doc("The CIA briefed Pakistan. The weather stayed cold all week.");
    d.retain_triples(|t| t.subject.entity.is_some() && t.object.entity.is_some());
    assert_eq!(lemmas(&d), ["The CIA · brief · Pakistan"]);
}

#[test]
fn no_triples_without_a_parse() {
    let ex = Extractor::builder().config(dossier::Config::new().parse(false)).build().unwrap();
    assert!(ex.extract("The CIA briefed Pakistan.").triples().is_empty());
}

#[test]
fn pronouns_link_to_the_entity_they_stand_for() {
    let d = doc("The CIA said it would not share the list with Pakistan.");
    let (t, s, o) = find(&d, "share");
    assert_eq!((s, o), ("it", "the list"));
    assert!(t.negated);
    let cia = d.entities().iter().find(|e| e.name == "Central Intelligence Agency").map(|e| e.id);
    assert!(cia.is_some());
    assert_eq!(t.subject.entity, cia);
    // With two organisations in reach and no saying verb to go by, "it" stays unlinked.
    let d = doc("The CIA met the ISI. It was a short meeting about the list.");
    assert!(d.triples().iter().all(|t| d.slice(t.subject.span) != "It" || t.subject.entity.is_none()));
}

#[test]
fn light_verbs_take_their_preposition() {
    let d = doc("The champion will take part in the marathon.");
    let (t, s, o) = find(&d, "take part in");
    assert_eq!((s, o), ("The champion", "the marathon"));
    assert_eq!(t.predicate.text, "will take part in");
}

#[test]
fn a_reported_clause_is_the_whole_object() {
    let d = doc("The director said the team was delighted with the result.");
    let (_, s, o) = find(&d, "say");
    assert_eq!((s, o), ("The director", "the team was delighted with the result"));
}

/// For each (sentence, predicate lemma, subject, object, attribution): the triple is there,
/// with that attribution.
fn attributed(cases: &[(&str, &str, &str, &str, &str)]) {
    for &(text, lemma, subject, object, by) in cases {
        let d = doc(text);
        let (t, s, o) = find(&d, lemma);
        assert_eq!((s, o), (subject, object), "{text}");
        assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some(by), "{text}");
    }
}

#[test]
fn an_attribution_aside_does_not_take_the_clause_subject() {
    // The aside sits between a relative pronoun and its verb, between a subject and its
    // auxiliary, and in brackets.
    attributed(&[
        (
            "Police arrested two men who, according to witnesses, were carrying knives.",
            "carry",
            "two men",
            "knives",
            "witnesses",
        ),
        (
            "The company, according to its accounts, had lost four million dollars.",
            "lose",
            "The company",
            "four million dollars",
            "its accounts",
        ),
        (
            "The rebels (according to the army) had crossed the river.",
            "cross",
            "The rebels",
            "the river",
            "the army",
        ),
    ]);
}

#[test]
fn what_a_quotation_says_is_its_speakers() {
    // The attribution after the quotation, before it with a colon, with the name after the
    // verb, and for a second sentence of the same quotation.
    attributed(&[
        (
            "\"The smugglers have moved their boats to the north,\" the coastguard said.",
            "move",
            "The smugglers",
            "their boats",
            "the coastguard",
        ),
        (
            "Maria Lopez told reporters: \"We expect a decision soon.\"",
            "expect",
            "We",
            "a decision",
            "Maria Lopez",
        ),
        (
            "\"The council ignored our letters,\" said Anna Berg, a local resident.",
            "ignore",
            "The council",
            "our letters",
            "Anna Berg",
        ),
        (
            "The minister said: \"The army has closed the road. The villagers fear a new attack.\"",
            "fear",
            "The villagers",
            "a new attack",
            "The minister",
        ),
    ]);
    // Not a subject the parser finds inside the quotation.
    let d = doc("\"Their new album sold a million copies,\" Mr Hale said.");
    let (t, ..) = find(&d, "sell");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("Mr Hale"));
    // Words outside quotation marks are nobody's quotation.
    let d = doc("The army closed the road. The villagers fear a new attack.");
    let (t, ..) = find(&d, "fear");
    assert!(t.attribution.is_none());
}

#[test]
fn a_reported_clause_attributes_the_clauses_inside_it() {
    // A relative clause on a noun of the report, an adverbial clause in it, and a report the
    // parse hung on its own complement ("has said" read as an adverbial clause of "boost").
    attributed(&[
        (
            "Officials said that the bridge, which carries the main road, will close in June.",
            "carry",
            "the bridge",
            "the main road",
            "Officials",
        ),
        (
            "The police said the gang fled after the guards raised the alarm.",
            "raise",
            "the guards",
            "the alarm",
            "The police",
        ),
        (
            "Deutsche Boerse, the German stock exchange, has said it will raise its dividend by 27%.",
            "raise",
            "it",
            "its dividend",
            "Deutsche Boerse",
        ),
    ]);
    // The saying verb's own adverbial clause is not what it reports.
    let d = doc("Speaking after the match, the coach said the team had played well.");
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "speak" || t.attribution.is_none()));
    // "would" inside a quoted clause keeps its own sense ...
    let d = doc("\"If they had kicked their points they would have beaten France,\" he said.");
    let (t, ..) = find(&d, "beat");
    assert_ne!(t.modality, dossier::Modality::Asserted);
}

#[test]
fn a_reporting_aside_is_the_attribution_of_the_clause_it_interrupts() {
    attributed(&[
        ("The rebels, police said, had crossed the river.", "cross", "The rebels", "the river", "police"),
        (
            "The company, said a spokesman, had lost four million dollars.",
            "lose",
            "The company",
            "four million dollars",
            "a spokesman",
        ),
        // A saying clause that ends the sentence, before an apposition, is no aside.
        ("The bank will cut rates, says Jo Bloggs, an analyst.", "cut", "The bank", "rates", "Jo Bloggs"),
    ]);
}

#[test]
fn a_passive_without_agent_keeps_its_participle() {
    let d = doc("The group was founded in Lahore.");
    let (t, s, o) = find(&d, "be founded in");
    assert_eq!((s, o), ("The group", "Lahore"));
    assert!(t.passive);
    let d = doc("Two soldiers were killed by a roadside bomb.");
    let (t, s, o) = find(&d, "kill");
    assert_eq!((s, o), ("a roadside bomb", "Two soldiers"));
    assert!(t.passive);
}

#[test]
fn a_noun_phrase_right_after_a_participle_is_no_agent() {
    // Only "by" makes an agent: "Chief Justice" is what he was chosen as, not who chose him.
    let d = doc("In 1845, he was chosen Chief Justice of the court.");
    let (t, s, o) = find(&d, "be chosen");
    assert_eq!((s, o), ("he", "Chief Justice of the court"));
    assert!(t.passive);
    assert!(!t.predicate.text.contains("by"));
}

#[test]
fn a_time_owns_nothing() {
    let has = |text: &str| {
        let d = doc(text);
        d.triples()
            .iter()
            .filter(|t| t.predicate.lemma == "have")
            .map(|t| d.slice(t.subject.span).to_string())
            .collect::<Vec<_>>()
    };
    assert!(has("Last year's ceremony attracted the highest audience.").is_empty());
    assert!(has("Monday's attack killed ten people.").is_empty());
    assert_eq!(has("General Motors' Vauxhall will cut jobs."), ["General Motors"]);
}

#[test]
fn a_relative_pronoun_object_is_its_noun() {
    let d = doc("It is the strongest team that we have faced.");
    let (_, s, o) = find(&d, "face");
    assert_eq!((s, o), ("we", "the strongest team"));
    let d = doc("The report which the ministry published was false.");
    let (_, s, o) = find(&d, "publish");
    assert_eq!((s, o), ("the ministry", "The report"));
}

/// The modality of the triple whose predicate lemma is `lemma` in `text`.
fn modality(text: &str, lemma: &str) -> (dossier::Modality, bool) {
    let d = doc(text);
    let (t, ..) = find(&d, lemma);
    (t.modality, t.negated)
}

#[test]
fn plain_statements_and_the_future_are_asserted() {
    use dossier::Modality::Asserted;
    assert_eq!(modality("The bank cut 500 jobs in March.", "cut"), (Asserted, false));
    assert_eq!(modality("The bank will cut 500 jobs.", "cut"), (Asserted, false));
    // Ability is a fact about the subject.
    assert_eq!(modality("Foreign investors can buy the shares.", "buy"), (Asserted, false));
    assert_eq!(modality("He was able to buy the company.", "be able to buy"), (Asserted, false));
}

/// The going-to future is the future of its verb: asserted, and "go to" is no part of the
/// relation ("are going to sign and unveil": both verbs).
#[test]
fn the_going_to_future_is_its_verbs() {
    use dossier::Modality::Asserted;
    assert_eq!(modality("The bank is going to cut 500 jobs.", "cut"), (Asserted, false));
    assert_eq!(modality("The bank is not going to cut any jobs.", "cut"), (Asserted, true));
    let d = doc("They are going to sign and unveil a new striker.");
    find(&d, "sign");
    find(&d, "unveil");
}

/// "has yet to" says a thing has not been done: negated, not an obligation, and "have to" is
/// no part of the relation, also for a verb coordinated after it.
#[test]
fn has_yet_to_is_not_yet_done() {
    use dossier::Modality::Asserted;
    assert_eq!(modality("The government has yet to approve the merger.", "approve"), (Asserted, true));
    let d = doc("Chelsea have yet to deny or officially confirm the meeting.");
    assert!(find(&d, "deny").0.negated, "{:?}", lemmas(&d));
    assert!(find(&d, "confirm").0.negated, "{:?}", lemmas(&d));
}

/// "nor" and "neither" deny the clause they open, also with the auxiliary before the
/// subject, and the verb after "neither ... nor"; not a noun's "neither ... nor".
#[test]
fn nor_and_neither_deny_their_clause() {
    for (text, lemma, subject) in [
        ("The firm did not comment, nor did it confirm the figures.", "confirm", "it"),
        ("Neither does the budget include any cash.", "include", "the budget"),
        ("Nor will the bank disclose its losses.", "disclose", "the bank"),
        ("Nor was the deal approved by the board.", "approve", "the board"),
        ("He neither confirmed nor denied the report.", "confirm", "He"),
        ("He neither confirmed nor denied the report.", "deny", "He"),
    ] {
        let d = doc(text);
        let (t, s, _) = find(&d, lemma);
        assert!(t.negated, "{text:?}: {:?}", lemmas(&d));
        assert_eq!(s, subject, "{text:?}: {:?}", lemmas(&d));
    }
    let d = doc("Neither Smith nor Jones attended the meeting.");
    assert!(!find(&d, "attend").0.negated, "{:?}", lemmas(&d));
}

/// "by" how much is no agent: the passive keeps its order and the measure is an oblique; a
/// verb of rising or falling with it is no passive at all.
#[test]
fn a_measure_after_by_is_no_agent() {
    for (text, lemma, subject) in [
        ("The shares were cut by half.", "be cut by", "The shares"),
        ("Its value has been reduced by 3% this year.", "be reduced by", "Its value"),
        ("The bill was defeated by 12 votes.", "be defeated by", "The bill"),
        ("The budget was cut by pounds 5m.", "be cut by", "The budget"),
    ] {
        let d = doc(text);
        let (t, s, _) = find(&d, lemma);
        assert!(t.passive, "{text:?}: {:?}", lemmas(&d));
        assert_eq!(s, subject, "{text:?}: {:?}", lemmas(&d));
    }
    let d = doc("The company was bought by two investors.");
    assert_eq!(find(&d, "buy").1, "two investors", "{:?}", lemmas(&d));
    let text = "Retail sales dropped by 1% in December, official figures showed.";
    let d = doc(text);
    let (t, s, o) = find(&d, "drop by");
    assert!(!t.passive, "{:?}", lemmas(&d));
    assert_eq!((s, o), ("Retail sales", "1%"));
}

/// A participle that names a state, after "be" and with no agent, is an adjective, not a
/// passive; with an agent it is a passive.
#[test]
fn stative_participles_are_not_passives() {
    for (text, lemma) in [
        ("The company is based in London.", "be based in"),
        ("Most members were opposed to the plan.", "be opposed to"),
        ("The manager was delighted with the result.", "be delighted with"),
    ] {
        let d = doc(text);
        assert!(!find(&d, lemma).0.passive, "{text:?}: {:?}", lemmas(&d));
    }
    let d = doc("The manager was surprised by the decision.");
    assert!(find(&d, "surprise").0.passive, "{:?}", lemmas(&d));
}

#[test]
fn modal_verbs_and_hedges_make_a_statement_possible() {
    use dossier::Modality::Possible;
    assert_eq!(modality("The bank could cut 500 jobs.", "cut"), (Possible, false));
    assert_eq!(modality("The strike might delay the election.", "delay"), (Possible, false));
    assert_eq!(modality("The merger would create a giant.", "create"), (Possible, false));
    assert_eq!(modality("The company reportedly paid five million dollars.", "pay"), (Possible, false));
    assert_eq!(modality("He is likely to win the race.", "be likely to win"), (Possible, false));
    assert_eq!(
        modality("The plan is expected to cost two billion euros.", "be expected to cost"),
        (Possible, false)
    );
    assert_eq!(modality("The firm seems to have lost its way.", "seem to lose"), (Possible, false));
    assert_eq!(modality("It is possible that the firm will close the plant.", "close"), (Possible, false));
    assert_eq!(modality("The talks may not resolve the dispute.", "resolve"), (Possible, true));
    assert_eq!(modality("Hopefully the deal will end the dispute.", "end"), (Possible, false));
}

#[test]
fn reported_would_is_the_future_of_the_past() {
    let d = doc("The minister said the firm would cut 500 jobs.");
    let (t, ..) = find(&d, "cut");
    assert_eq!(t.modality, dossier::Modality::Asserted);
    assert!(t.attribution.is_some());
}

#[test]
fn obligation_is_necessary_and_keeps_its_negation() {
    use dossier::Modality::Necessary;
    assert_eq!(modality("Ministers should not allow the merger.", "allow"), (Necessary, true));
    assert_eq!(modality("The company has to repay the loan.", "have to repay"), (Necessary, false));
    assert_eq!(modality("Every driver must carry a licence.", "carry"), (Necessary, false));
    assert_eq!(modality("The council needs to find new money.", "need to find"), (Necessary, false));
}

#[test]
fn conditions_and_what_they_condition_are_conditional() {
    use dossier::Modality::{Asserted, Conditional};
    let text = "If the talks fail, the union will call a strike.";
    assert_eq!(modality(text, "call"), (Conditional, false));
    let text = "The bank will sell its stake unless the board approves the deal.";
    assert_eq!(modality(text, "approve"), (Conditional, false));
    assert_eq!(modality(text, "sell"), (Conditional, false));
    assert_eq!(
        modality("Unless the board agrees, the bank will sell its stake.", "sell"),
        (Conditional, false)
    );
    // "even if" concedes, it does not condition.
    assert_eq!(modality("Even if he loses the vote, he will keep his seat.", "keep"), (Asserted, false));
}

#[test]
fn questions_are_asked_not_stated() {
    use dossier::Modality::{Asserted, Question};
    assert_eq!(modality("Did the minister know about the deal?", "know about"), (Question, false));
    let text = "The reporter asked whether the firm would close the plant.";
    assert_eq!(modality(text, "close"), (Question, false));
    assert_eq!(modality(text, "ask"), (Asserted, false));
    let text = "\"Why should we pay for the damage?\" the farmer asked.";
    assert_eq!(modality(text, "pay for"), (Question, false));
    // What a question takes for granted stays asserted.
    assert_eq!(modality("Who sold the shares that the bank owned?", "own"), (Asserted, false));
}

#[test]
fn modality_is_in_the_json_and_the_relations() {
    let text = "The CIA could brief Pakistan.";
    let d = doc(text);
    let json = serde_json::to_value(&d).expect("serialises");
    assert_eq!(json["triples"][0]["modality"], "possible");
    let rels = d.relations();
    assert!(rels.iter().all(|r| r.modality == dossier::Modality::Possible), "{rels:?}");
}

/// Every triple of `text` as "subject · lemma · object".
fn all(text: &str) -> Vec<String> {
    lemmas(&doc(text))
}

#[test]
fn relative_clauses_without_a_relative_word_give_their_noun_as_object() {
    let t = all("He resigned from all the posts he held in his business empire.");
    assert!(t.contains(&"he · hold · all the posts".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("hold in")), "{t:?}");
    let t = all("The film she made in 1990 won an award.");
    assert!(t.contains(&"she · make · The film".to_string()), "{t:?}");
    assert!(t.contains(&"The film she made in 1990 · win · an award".to_string()), "{t:?}");
    // The noun of a time is no object ("the day he arrived"), and a reported clause after an
    // object stays a complement.
    let t = all("The day he arrived in Paris was cold.");
    assert!(!t.iter().any(|x| x.ends_with("· The day")), "{t:?}");
    let t = all("He told reporters he would stay.");
    assert!(!t.iter().any(|x| x.contains("stay · reporters")), "{t:?}");
}

#[test]
fn a_recipient_is_no_object() {
    let d = doc("The role won her an Oscar nomination.");
    let (t, s, o) = find(&d, "win");
    assert_eq!((s, o), ("The role", "an Oscar nomination"));
    assert!(t.adjuncts.iter().any(|a| d.slice(a.span) == "her"));
    assert_eq!(d.triples().iter().filter(|t| t.predicate.lemma == "win").count(), 1);
}

#[test]
fn empty_subjects_make_no_triple() {
    for text in [
        "It is just weeks before new regulations are introduced.",
        "It is time the world discovered the truth about the raid.",
        "What is clear from his statement is that he lied.",
        "I asked my mother if it was OK to be an actor.",
    ] {
        let t = all(text);
        assert!(
            !t.iter().any(|x| x.starts_with("It ·") || x.starts_with("it ·") || x.starts_with("What ·")),
            "{t:?}"
        );
    }
}

#[test]
fn not_only_adds_rather_than_denies() {
    let d = doc("The visitor would not just see the frescos but also the people.");
    let (t, ..) = find(&d, "see");
    assert!(!t.negated);
    // With no "but" or "also" to add, the adverb before a verb leaves the denial standing.
    for (text, verb) in [
        ("The government says children cannot simply be divided up like property.", "divided"),
        ("He will not just walk away from the deal.", "walk"),
    ] {
        let d = doc(text);
        let t = d.triples().iter().find(|t| t.predicate.text.contains(verb));
        assert!(t.is_some_and(|t| t.negated), "{:?}", lemmas(&d));
    }
}

#[test]
fn copulas_keep_be_and_comparisons_keep_their_degree() {
    let t = all("The five-month inquiry had been a complex one.");
    assert!(t.contains(&"The five-month inquiry · be · a complex one".to_string()), "{t:?}");
    let t = all("The fixed line was more reliable than a mobile handset.");
    assert!(t.contains(&"The fixed line · be more reliable than · a mobile handset".to_string()), "{t:?}");
}

#[test]
fn appositions_and_possessives_say_be_and_have_only_where_they_mean_it() {
    // A region says where a place is.
    let t = all("He played at the Alltel Stadium in Jacksonville, Florida, last night.");
    assert!(t.iter().any(|x| x.ends_with("· be in · Florida")), "{t:?}");
    // An aside in brackets and a list are no appositions.
    let t = all("The Commission must identify a solution for Digital Rights Management (DRM) schemes.");
    assert!(!t.iter().any(|x| x.contains("· be · DRM")), "{t:?}");
    let t = all("Replacements: A Titterrell (Sale), P Vickery (Gloucester), S Borthwick (Bath).");
    assert!(!t.iter().any(|x| x.contains("· be ·")), "{t:?}");
    // A description is one.
    let t = all("Leon Panetta, the CIA director, visited Islamabad.");
    assert!(t.contains(&"Leon Panetta · be · the CIA director".to_string()), "{t:?}");
    // A named owner has a named organisation or thing; an amount, an unnamed owner or a
    // common noun ("Mr Marr's assessment", "Ronaldo's low drive") says nothing had.
    let t = all("The network will double the world's total of digital screens.");
    assert!(!t.iter().any(|x| x.contains("· have ·")), "{t:?}");
    let t = all("General Motors' Vauxhall will cut jobs.");
    assert!(t.contains(&"General Motors · have · Vauxhall".to_string()), "{t:?}");
    for text in [
        "Mr Marr's assessment was that the plan would fail.",
        "Ronaldo's low drive gave Manchester United the lead.",
    ] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.contains("· have ·")), "{text}: {t:?}");
    }
    // A place's is in it; a name is what its description describes.
    let t = all("Pakistan's intelligence service denied the report.");
    assert!(t.contains(&"intelligence service · be in · Pakistan".to_string()), "{t:?}");
    // Its other things are its own, not in it; its people are neither.
    let t = all("Johnson wore London's bid slogan on her shorts.");
    assert!(!t.iter().any(|x| x.contains("· be in · London")), "{t:?}");
    let t = all("Britain's Greg Rusedski won the match.");
    assert!(!t.iter().any(|x| x.contains("· be in · Britain") || x.contains("Britain · have")), "{t:?}");
    let t = all("The bank filed charges against the branch's former manager, Christopher Drogoul.");
    assert!(t.contains(&"Christopher Drogoul · be · the branch's former manager".to_string()), "{t:?}");
    // Two people's names, or two organisations', side by side are a list, not one described
    // by the other: a team's line-up, a panel.
    for text in [
        "Chelsea: Cech, Ferreira, Carvalho, Terry, Gallas, Tiago, Makelele, Lampard, Cole, Drogba.",
        "Liverpool will travel to Burnley, Crystal Palace go to Sunderland, and Fulham face Watford.",
    ] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.contains("· be ·")), "{text}: {t:?}");
    }
    let t =
        all("The panel included actress Gillian Anderson, critic Roger Clarke and director Kevin McDonald.");
    assert!(!t.iter().any(|x| x.contains("Anderson · be") || x.contains("be · critic Roger")), "{t:?}");
}

#[test]
fn a_gerund_after_a_preposition_does_not_borrow_the_noun_as_its_subject() {
    let t = all("Roddick shrugs off the disappointment of losing the third-set tiebreak.");
    assert!(!t.iter().any(|x| x.starts_with("the disappointment · lose")), "{t:?}");
    let t = all("This should save investors from having to take their case to the ombudsman.");
    assert!(!t.iter().any(|x| x.starts_with("This · have to take")), "{t:?}");
    // Without a preposition, or after one with the clause's own subject, it does.
    let t = all("He left the party after losing the vote.");
    assert!(t.contains(&"He · lose · the vote".to_string()), "{t:?}");
    let t = all("Officials investigating the case found a gun.");
    assert!(t.contains(&"Officials · investigate · the case".to_string()), "{t:?}");
}

#[test]
fn times_and_quotations_are_not_objects() {
    let t = all("Scotland have struggled this decade.");
    assert!(!t.iter().any(|x| x.ends_with("· this decade")), "{t:?}");
    let t = all("\"I was confident,\" Mirza said after her second round win.");
    assert!(!t.iter().any(|x| x.contains("say after")), "{t:?}");
}

#[test]
fn hedging_verbs_and_nouns_make_their_clause_possible() {
    use dossier::Modality::Possible;
    assert_eq!(modality("Shareholders fear it would create a monopoly.", "create"), (Possible, false));
    let text = "His choice quashes speculation that he would stand against the minister.";
    assert_eq!(modality(text, "stand against"), (Possible, false));
    assert_eq!(
        modality("A key question was whether the category should cover every murder.", "cover").0,
        dossier::Modality::Question
    );
}

#[test]
fn the_words_before_a_name_say_what_the_person_is() {
    let t = all("Housing Minister Keith Hill said the plans were wrong.");
    assert!(t.contains(&"Keith Hill · be · Housing Minister".to_string()), "{t:?}");
    let t = all("Labour leader Tony Blair and Tory leader Michael Howard clashed on Monday.");
    assert!(t.contains(&"Tony Blair · be · Labour leader".to_string()), "{t:?}");
    assert!(t.contains(&"Michael Howard · be · Tory leader".to_string()), "{t:?}");
    // A form of address or an adjective alone describes nothing, nor do words that end in a
    // modifier ("the 508m tall TFC 101 Tower").
    for text in [
        "Sir Peter Blake designed the cover.",
        "The wealthy Lydia Carew met the king.",
        "Spaniard Costa will next face Croatian Ivan Ljubicic in the final.",
    ] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.contains("· be ·")), "{t:?}");
    }
}

#[test]
fn clauses_and_thoughts_have_no_prepositional_object() {
    let t = all("I think for some of these suspects it will not be the solution.");
    assert!(!t.iter().any(|x| x.contains("think for")), "{t:?}");
}

#[test]
fn a_reported_clause_keeps_its_subject() {
    let t = all("And he pledged childcare would be a centrepiece of the manifesto.");
    assert!(
        t.contains(&"he · pledge · childcare would be a centrepiece of the manifesto".to_string()),
        "{t:?}"
    );
    assert!(t.contains(&"childcare · be · a centrepiece of the manifesto".to_string()), "{t:?}");
    let t = all("The senator has suggested the security services could have been involved.");
    assert!(!t.iter().any(|x| x.ends_with("· the security services")), "{t:?}");
}

/// The same with the clause's own finite verb right after the object, which the parser reads
/// as a second complement or as a reduced relative on the noun: the noun is the clause's
/// subject. A verb right before another ("the price agreed was") is a reduced relative, and a
/// present-tense form before a noun is more likely a plural noun ("the bank loans unit").
#[test]
fn a_reported_clause_without_an_auxiliary_keeps_its_subject() {
    let t = all("The minister flatly denied the council sold the land to a developer.");
    assert!(t.contains(&"the council · sell · the land".to_string()), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("The minister · deny · the council sold")), "{t:?}");
    let t = all("The inspector said it appeared a burglar used a crowbar to open the door.");
    assert!(t.contains(&"a burglar · use · a crowbar".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with("appear · a burglar")), "{t:?}");
    let t = all("The firm reported higher profits boosted by its bank loans unit.");
    assert!(!t.iter().any(|x| x.contains("· loan ·")), "{t:?}");
}

/// A clause after an introductory phrase and a comma keeps its subject, and a noun after an
/// article is not read as a verb ("In a sign ... , rockets slammed into a base": not "rockets ·
/// sign · ...").
#[test]
fn subject_after_an_introductory_phrase() {
    let d = doc("In a sign the army has no intention of stopping the air campaign, at least six army \
         rockets slammed into a rebel base in Syria this morning.");
    let (_, s, o) = find(&d, "slam into");
    assert_eq!(s, "at least six army rockets");
    assert!(o.starts_with("a rebel base"), "{o:?}");
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "sign"), "{:?}", lemmas(&d));
}

/// A bare time at the end of an argument says when, not what: it leaves the object ("slammed
/// into a base in Syria [this morning]", "announced his retirement [earlier this year]"), but
/// not a date ("on 5 May"), a rate ("pounds 100,000 a year") or a time that is had ("had a
/// busy summer").
#[test]
fn trailing_times_leave_arguments() {
    let d = doc("Rockets slammed into a rebel base in Syria this morning.");
    assert_eq!(find(&d, "slam into").2, "a rebel base in Syria");
    let d = doc("The champion announced his retirement earlier this year.");
    assert_eq!(find(&d, "announce").2, "his retirement");
    let d = doc("The election is expected on 5 May.");
    assert!(lemmas(&d).iter().any(|t| t.ends_with("5 May")), "{:?}", lemmas(&d));
    let d = doc("Ministers earn more than 100,000 pounds a year.");
    assert!(find(&d, "earn").2.ends_with("a year"), "{:?}", lemmas(&d));
    let d = doc("The striker had a busy summer.");
    assert_eq!(find(&d, "have").2, "a busy summer");
}

/// "Mr Brown" as an argument links to the person, whichever word the parser takes for its head.
#[test]
fn addressed_names_link_as_arguments() {
    let d = doc("Gordon Brown spoke first. Mr Brown introduced Dr Greenspan to the guests.");
    let t = d.triples().iter().find(|t| t.predicate.lemma == "introduce").expect("introduce");
    let e = t.subject.entity.and_then(|e| d.entity(e)).map(|e| e.name.clone());
    assert_eq!(e.as_deref(), Some("Gordon Brown"), "{:?}", lemmas(&d));
}

#[test]
fn an_object_before_an_infinitive_is_who_is_to_do_it() {
    // The object and its infinitive are one argument; the infinitive does not join the verb
    // group, which would make the subject the doer ("Blair · press to cut · its emissions").
    let d = doc("Tony Blair pressed the US to cut its emissions.");
    let (_, s, o) = find(&d, "press");
    assert_eq!((s, o), ("Tony Blair", "the US to cut its emissions"));
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "press to cut"), "{:?}", lemmas(&d));
    let d = doc("The coach asked his players to keep calm.");
    assert_eq!(find(&d, "ask").2, "his players to keep calm");
    // Where the labeller reads a purpose or a noun's modifier, after a verb that takes an
    // object and an infinitive.
    let d = doc("Ministers urged banks to lower their fees.");
    assert_eq!(find(&d, "urge").2, "banks to lower their fees");
    let d = doc("The firm expects profits to rise this year.");
    assert_eq!(find(&d, "expect").2, "profits to rise this year");
    // "for" and its infinitive.
    let d = doc("The union called for him to name the day.");
    assert_eq!(find(&d, "call for").2, "him to name the day");
    // With no object between them, the infinitive still joins the group.
    let d = doc("He refused to reveal the names.");
    assert_eq!(find(&d, "refuse to reveal").2, "the names");
}

#[test]
fn what_an_object_is_to_do_is_no_triple_of_the_subject() {
    // The labeller reads these infinitives as purposes; the subject does not do them.
    for (text, verb, subject) in [
        ("The deal allows players to take part.", "take", "The deal"),
        ("They persuaded the board to approve the merger.", "approve", "They"),
        ("The new law forces companies to publish their accounts.", "publish", "The new law"),
    ] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.starts_with(&format!("{subject} · {verb}"))), "{text}: {t:?}");
    }
    // An apposition of the object before the infinitive stays in the object.
    let d = doc("The charity is urging the regulator, Ofcom, to reduce the cost of the service.");
    assert_eq!(find(&d, "urge").2, "the regulator, Ofcom, to reduce the cost of the service");
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "reduce"), "{:?}", lemmas(&d));
    // A purpose after a verb that takes no doer stays the subject's.
    let t = all("We spent a lot of money to make it faster.");
    assert!(t.iter().any(|x| x.starts_with("We · make")), "{t:?}");
}

#[test]
fn a_reported_subject_set_off_by_an_aside_keeps_its_verb() {
    let t =
        all("The organisers hope that the new leader, Mahmoud Abbas, will use the opportunity for talks.");
    assert!(t.iter().any(|x| x.starts_with("the new leader · use · the opportunity")), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("The organisers · use")), "{t:?}");
    let t = all("It meant that Bangor, beaten 5-1 by Newry on the field, will take on Portadown.");
    assert!(t.iter().any(|x| x.starts_with("Bangor · take on · Portadown")), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("It · take")), "{t:?}");
}

#[test]
fn an_adjective_and_its_infinitive_are_one_predicate() {
    for (text, want) in [
        ("The firm is due to report its results on Monday.", "The firm · be due to report · its results"),
        ("His government was close to achieving a deal.", "His government · be close to achieve · a deal"),
        (
            "The Conservatives are committed to cutting public spending.",
            "The Conservatives · be committed to cut · public spending",
        ),
        // An "it" before such an adjective stands for something.
        ("It is also due to announce a replacement in July.", "It · be due to announce · a replacement"),
    ] {
        let t = all(text);
        assert!(t.iter().any(|x| x.starts_with(want)), "{text}: {t:?}");
    }
    // With nothing after the infinitive, the adjective's phrase takes it in.
    let d = doc("The survey warned that growth is set to slow.");
    assert!(d.triples().iter().any(|t| d.slice(t.object.span) == "set to slow"), "{:?}", lemmas(&d));
    // "easy to understand": the subject is what is understood, not who understands.
    let d = doc("The commission said the question was easy to understand.");
    assert!(d.triples().iter().any(|t| d.slice(t.object.span) == "easy to understand"), "{:?}", lemmas(&d));
    // The empty "it" of "it is hard to say" still says nothing.
    assert!(all("It is hard to say what happens next.").iter().all(|x| !x.starts_with("It ·")));
}

#[test]
fn what_a_verb_makes_its_object_is_in_the_object() {
    let d = doc("This makes the web a more hands-free experience.");
    assert_eq!(find(&d, "make").2, "the web a more hands-free experience");
    let d = doc("The new engine would make Aston Martin globally visible.");
    assert_eq!(find(&d, "make").2, "Aston Martin globally visible");
}

#[test]
fn a_singular_relative_clause_after_a_list_is_the_last_names() {
    let t = all("Fans cheered Keane and Joss Stone, who was voted best urban act.");
    assert!(t.iter().any(|x| x.starts_with("Joss Stone · be voted")), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("Keane · be voted")), "{t:?}");
    let t = all("Stuart Abbott, Jamie Noon and Henry Paul - who retains his place - are in the squad.");
    let retain: Vec<_> = t.iter().filter(|x| x.contains("retain")).collect();
    assert_eq!(retain, ["Henry Paul · retain · his place"], "{t:?}");
}

#[test]
fn who_or_which_after_a_noun_and_a_comma_opens_a_relative_clause() {
    let t = all("Police arrested Smith, who faces charges of fraud.");
    assert!(t.contains(&"Smith · face · charges of fraud".to_string()), "{t:?}");
    let t = all("Franz Ferdinand, who recently picked up five nominations, ended up in 15th place.");
    assert!(t.iter().any(|x| x.starts_with("Franz Ferdinand · pick up · five nominations")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("Franz Ferdinand · end up in · 15th place")), "{t:?}");
    // Not a time before the comma, nor a plural before a verb in the singular: the clause is
    // about something else.
    let t = all("The index fell to 94.2 from 95.5 in January, which could indicate a fall in spending.");
    assert!(!t.iter().any(|x| x.starts_with("January")), "{t:?}");
    let t = all(
        "He said the Tories would cut pounds 35bn from public services, which was the equivalent of sacking every doctor.",
    );
    assert!(!t.iter().any(|x| x.starts_with("public services")), "{t:?}");
}

#[test]
fn a_fronted_time_is_no_part_of_the_subject() {
    let d = doc("In recent months companies such as Adam Opel have slashed jobs.");
    assert_eq!(find(&d, "slash").1, "companies such as Adam Opel");
    // Every subject starts with its own words, never a preposition (but a number's "about").
    for text in [
        "In July a variant of the MyDoom virus slowed down searches on Google.",
        "About 400 workers lost their jobs at the plant in June.",
    ] {
        let d = doc(text);
        for t in d.triples() {
            let s = d.slice(t.subject.span);
            let first = s.split_whitespace().next().unwrap_or("");
            assert!(!["In", "in", "of", "from", "for", "by"].contains(&first), "{text}: {:?}", lemmas(&d));
        }
    }
}

#[test]
fn a_purpose_is_as_sure_as_its_verb() {
    let d = doc("Many of the flaws could be used by virus writers to take over computers remotely.");
    let (t, s, _) = find(&d, "take over");
    assert_eq!((s, t.modality), ("virus writers", dossier::Modality::Possible), "{:?}", lemmas(&d));
    let d = doc("Critics fear the tags could be used to monitor shoppers.");
    assert_eq!(find(&d, "monitor").0.modality, dossier::Modality::Possible, "{:?}", lemmas(&d));
    // A purpose of a plain statement is meant, not done: whether he saw her is not said.
    let d = doc("He went to London to see the Queen.");
    assert_eq!(find(&d, "see").0.modality, dossier::Modality::Possible, "{:?}", lemmas(&d));
}

#[test]
fn a_seeming_is_no_fact() {
    let d = doc("It looked for one glorious moment as if the Cabinet had decided to bury their differences.");
    assert_eq!(find(&d, "decide to bury").0.modality, dossier::Modality::Possible, "{:?}", lemmas(&d));
}

#[test]
fn a_form_of_address_before_a_name_is_no_part_of_the_title() {
    let t = all("Science Minister Lord Sainsbury has made a donation to the party.");
    assert!(t.contains(&"Lord Sainsbury · be · Science Minister".to_string()), "{t:?}");
}

#[test]
fn an_infinitive_completing_a_noun_stays_in_its_phrase() {
    let d = doc("The company announced a plan to sell its stake.");
    assert_eq!(find(&d, "announce").2, "a plan to sell its stake");
    // A purpose after a noun that takes no infinitive stays out.
    let d = doc("They sent troops to help the victims.");
    assert_eq!(find(&d, "send").2, "troops");
}

#[test]
fn a_quotation_said_is_the_whole_quotation() {
    let d = doc(
        "\"We answer this every campaign and, for the reasons I have given before, the answer is no,\" he said.",
    );
    assert_eq!(
        find(&d, "say").2,
        "We answer this every campaign and, for the reasons I have given before, the answer is no"
    );
}

#[test]
fn a_bare_plural_object_is_an_object_but_after_a_light_verb() {
    let d = doc("The judge may conduct hearings in January.");
    assert_eq!(find(&d, "conduct").2, "hearings");
    let d = doc("The leaders held talks with the president.");
    assert_eq!(find(&d, "hold talks with").2, "the president");
}

#[test]
fn an_argument_does_not_end_with_a_bare_preposition() {
    let d = doc(
        "The Tory co-chairman attacked Labour's six new pledges as \"vacuous\" and said Mr Blair was worried.",
    );
    assert_eq!(find(&d, "attack").2, "Labour's six new pledges");
    let d = doc("The US tycoon has approached the United board with \"detailed proposals\".");
    assert_eq!(find(&d, "approach").2, "the United board");
}

/// A name the parser hung on a participle set off by commas before the verb ("X, based at Y,
/// has spent") is the verb's subject.
#[test]
fn the_subject_before_a_participle_between_commas() {
    let d = doc(
        "Professor Angela MacFarlane, based at Bristol University, has spent several years researching games.",
    );
    let (_, s, o) = find(&d, "spend");
    assert!(s.ends_with("Angela MacFarlane"), "{s:?} in {:?}", lemmas(&d));
    assert_eq!(o, "several years");
}

/// Time is the object of verbs that spend it; elsewhere a bare time is when, not what.
#[test]
fn time_as_the_object_of_spending_verbs() {
    let d = doc("The process could take several months.");
    let (_, s, o) = find(&d, "take");
    assert_eq!((s, o), ("The process", "several months"));
    let d = doc("Congress will spend several months on the bill.");
    assert_eq!(find(&d, "spend").2, "several months");
    // "met last week": the week is when they met.
    let d = doc("The ministers met the envoy last week.");
    assert_eq!(find(&d, "meet").2, "the envoy");
}

/// A subject does not open with the subordinating conjunction of its clause, wherever the
/// parser hung it; "as many as" stays.
#[test]
fn no_subject_opens_with_a_subordinator() {
    for text in [
        "Although the Algeciras Conference temporarily solved the First Moroccan Crisis, it only worsened the tensions.",
        "Shares in AIB fell, while Bank of Ireland shares rose to a record high.",
    ] {
        let d = doc(text);
        for t in d.triples() {
            let s = d.slice(t.subject.span).to_lowercase();
            assert!(!s.starts_with("although ") && !s.starts_with("while "), "{s:?} in {:?}", lemmas(&d));
        }
    }
}

/// An apposition after a name that the parser reads as something else: the name as a vocative
/// ("Stephen McCartin, Mr. Hunt's attorney, said"), the description as a conjunct with no
/// coordinator ("follows Cashel Byron, a world champion boxer, as"). A true list keeps its
/// conjuncts.
#[test]
fn misread_appositions_after_a_name_are_appositions() {
    let d = doc("Stephen McCartin, Mr. Hunt's attorney, said his client welcomed the gamble.");
    let t = lemmas(&d);
    assert!(t.contains(&"Stephen McCartin · be · Mr. Hunt's attorney".to_string()), "{t:?}");
    assert!(t.contains(&"Stephen McCartin · say · his client welcomed the gamble".to_string()), "{t:?}");
    let d = doc("The novel follows Cashel Byron, a world champion boxer, as he tries to woo Lydia Carew.");
    let t = lemmas(&d);
    assert!(t.contains(&"Cashel Byron · be · a world champion boxer".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("follow · a world")), "{t:?}");
    let d = doc("The tourists visited Paris, the Louvre and the Orsay museum.");
    let t = lemmas(&d);
    assert!(!t.iter().any(|x| x.contains("· be ·")), "{t:?}");
}

/// A quotation with its reporting verb after it, and the speaker after the verb, which the
/// parser misreads (the verb hung on the quotation, the speaker as its complement or a
/// conjunct): the speaker is the subject, the quotation the object, the quotation's own
/// triples are attributed to the speaker, and a description after the name is no second
/// speaker. A comma that closes an apposition before "told" is no such inversion.
#[test]
fn a_reporting_verb_after_its_quotation_has_the_speaker_after_it_as_subject() {
    let d = doc("\"We think we can,\" said Anna Berg, a Nokia spokeswoman.");
    let (_, s, o) = find(&d, "say");
    assert_eq!((s, o), ("Anna Berg", "We think we can"), "{:?}", lemmas(&d));
    let (t, _, _) = find(&d, "think");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("Anna Berg"), "{:?}", lemmas(&d));
    let d = doc("Sales of the new phone were slow, said Ms Hart, an analyst at Acme.");
    let (_, s, o) = find(&d, "say");
    assert_eq!((s, o), ("Ms Hart", "Sales of the new phone were slow"), "{:?}", lemmas(&d));
    let d = doc("\"The best part was the price cut,\" said Joe Kemp, analyst at Acme.");
    let t = lemmas(&d);
    assert!(t.contains(&"Joe Kemp · say · The best part was the price cut".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("analyst")), "{t:?}");
    let d = doc("Richard Doherty, from the Example Lab, told the BBC news website that prices fell.");
    let (_, s, o) = find(&d, "tell");
    assert_eq!((s, o), ("Richard Doherty", "that prices fell"));
}

/// "told reporters that sales rose": the parser reads the hearer with a relative clause whose
/// object is "that"; after a verb of telling, a "that" clause with a subject of its own is what
/// was told (the object), and the hearer is nobody's object.
#[test]
fn a_that_clause_after_a_verb_of_telling_is_what_was_told() {
    for (text, hearer, told) in [
        (
            "Richard Doherty told the BBC news website that prices fell.",
            "the BBC news website",
            "that prices fell",
        ),
        ("He told reporters that sales rose.", "reporters", "that sales rose"),
    ] {
        let d = doc(text);
        let t = lemmas(&d);
        let (_, _, o) = find(&d, "tell");
        assert_eq!(o, told, "{t:?}");
        assert!(!t.iter().any(|x| x.ends_with(hearer)), "{t:?}");
    }
}

/// A main "have" that the tagger reads as an auxiliary, with an object of its own, is the verb.
#[test]
fn a_main_have_tagged_as_an_auxiliary_is_the_verb() {
    let d = doc("The public have short memories.");
    let (t, s, o) = find(&d, "have");
    assert_eq!((s, o), ("The public", "short memories"));
    assert!(!t.negated);
}

/// An apposition is set off by a comma or a dash, or describes a name; a name split in two by
/// the parser, a form of address, or the subject after a fronted time, is none ("Credit
/// Suisse · be · First Boston", "Essex · be · Ms", "Friday · be · a group").
#[test]
fn appositions_need_a_comma_or_a_name_and_not_a_fronted_time() {
    for text in [
        "The bank hired Credit Suisse First Boston to advise it.",
        "He sang Mack the Knife at the show.",
        "On Friday, a group of Welsh councils visited Ms Essex to lobby for funds.",
        "Welsh councils visited Ms Essex to lobby for funds.",
    ] {
        let d = doc(text);
        assert!(!d.triples().iter().any(|t| t.predicate.lemma == "be"), "{text}: {:?}", lemmas(&d));
    }
    let d = doc("Mr Khodorkovsky, once Russia's richest man, is in prison.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("Mr Khodorkovsky", "Russia's richest man"));
    let d = doc("Last year, Euronext, the pan-European exchange, made an offer.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("Euronext", "the pan-European exchange"));
}

/// A gerund after "without" is denied: "left without paying the bill".
#[test]
fn a_gerund_after_without_is_negated() {
    let d = doc("They won the match without conceding a goal.");
    let (t, _, o) = find(&d, "concede");
    assert_eq!(o, "a goal");
    assert!(t.negated, "{:?}", lemmas(&d));
    let (t, _, _) = find(&d, "win");
    assert!(!t.negated);
}

/// What a verb makes its object is part of the object: "make the carmaker globally visible"
/// says something "make the carmaker" does not.
#[test]
fn an_object_keeps_its_complement() {
    let d = doc("The deal would make the little carmaker globally visible.");
    let (_, s, o) = find(&d, "make");
    assert_eq!((s, o), ("The deal", "the little carmaker globally visible"));
    let d = doc("Fierce competition is making it difficult for small firms to sell their goods.");
    let (_, _, o) = find(&d, "make");
    assert_eq!(o, "it difficult for small firms to sell their goods");
    // An "it" labelled an expletive, and the clause it stands for hung on the verb.
    let d = doc("I find it hard to believe that the rules were followed this time.");
    let t = lemmas(&d);
    assert!(
        t.contains(&"I · find · it hard to believe that the rules were followed this time".to_string()),
        "{t:?}"
    );
    assert_eq!(d.triples().iter().filter(|t| t.predicate.lemma == "find").count(), 1, "{t:?}");
    let d = doc("The minister made it clear he would not resign.");
    let (_, _, o) = find(&d, "make");
    assert_eq!(o, "it clear he would not resign");
}

/// What a negated verb of opinion reports is denied: "I do not think the fans can do anything"
/// says they cannot; a clause outside the quotation is not ("..., he told the BBC").
#[test]
fn a_negated_opinion_denies_what_it_reports() {
    let d = doc("I do not think the fans can do anything about it.");
    let (t, s, _) = find(&d, "do");
    assert_eq!(s, "the fans");
    assert!(t.negated, "{:?}", lemmas(&d));
    let d = doc("I think the fans can do something about it.");
    assert!(!find(&d, "do").0.negated);
}

/// What a verb of denial reports is its subject's "not so": "The company denied that it had
/// broken the law" gives "it · break · the law", negated and attributed to the company; a
/// denial denied ("did not deny that") asserts nothing either way and leaves the clause as
/// it reads.
#[test]
fn a_denial_negates_what_it_reports() {
    for text in [
        "The company denied that it had broken the law.",
        "Mr Smith has denied he broke the law.",
        "The minister denied reports that the company had broken the law.",
        "The minister rejected claims that the company had broken the law.",
    ] {
        let d = doc(text);
        let (t, _, o) = find(&d, "break");
        assert_eq!(o, "the law", "{text:?}: {:?}", lemmas(&d));
        assert!(t.negated, "{text:?}: {:?}", lemmas(&d));
        assert!(t.attribution.is_some(), "{text:?}");
        assert_eq!(t.modality, dossier::Modality::Asserted, "{text:?}");
    }
    let d = doc("She did not deny that the bank had lost money.");
    assert!(!find(&d, "lose").0.negated, "{:?}", lemmas(&d));
    let d = doc("\"We broke no law,\" the company denied.");
    assert!(!find(&d, "break").0.negated, "{:?}", lemmas(&d));
}

/// A clause opened by "after", "while", "before" or "if" is the verb's adverbial clause, even
/// where the parser hung it on the noun before it: its subject is the verb's subject, not
/// that noun.
#[test]
fn an_adverbial_clause_on_a_noun_takes_the_verbs_subject() {
    let d = doc("The striker needed treatment during the match after being hit by a bottle.");
    let (t, s, o) = find(&d, "hit");
    assert!(t.passive, "{:?}", lemmas(&d));
    assert_eq!((s, o), ("a bottle", "The striker"), "{:?}", lemmas(&d));
    let d = doc("The firm has seen a rise in profits while continuing to fight the bid.");
    let (_, s, o) = find(&d, "continue to fight");
    assert_eq!((s, o), ("The firm", "the bid"), "{:?}", lemmas(&d));
    // The clause of a noun predicate is that predicate's, not the saying verb's above it.
    let d = doc(
        "Tim Collins said last week it would be a \"huge boost\" to the party if Mr Hague returned to the front bench.",
    );
    assert_eq!(find(&d, "say").0.modality, dossier::Modality::Asserted, "{:?}", lemmas(&d));
    assert_eq!(find(&d, "be").0.modality, dossier::Modality::Conditional, "{:?}", lemmas(&d));
}

/// The time a verb of spending time spends is the gap of its relative clause: "the days
/// players spent with the team" (players · spend · days); "the first time" is when, not what.
#[test]
fn the_time_spent_fills_a_relative_clauses_gap() {
    let d = doc("He criticised the number of days players spent with the national team.");
    let (_, s, o) = find(&d, "spend");
    assert_eq!((s, o), ("players", "days"), "{:?}", lemmas(&d));
    let d = doc("The first time I served again was Sunday.");
    assert!(!d.triples().iter().any(|t| t.predicate.lemma == "serve"), "{:?}", lemmas(&d));
}

/// An "if" clause after a verb that asks or knows nothing is a condition, not an embedded
/// question nor an object: "The pact will work better if the rules are clear" gives "the rules
/// · be · clear" conditional, and the pact's own triple is conditional; "asked if" and
/// "learn if" still ask.
#[test]
fn an_if_clause_is_a_question_only_after_asking() {
    use dossier::Modality::{Conditional, Question};
    let d = doc("The plan can work if the two firms share the same goals.");
    assert_eq!(find(&d, "share").0.modality, Conditional, "{:?}", lemmas(&d));
    assert!(!d.triples().iter().any(|t| d.slice(t.object.span).starts_with("if")), "{:?}", lemmas(&d));
    let d = doc("The sprinters will learn if they face criminal charges this week.");
    assert_eq!(find(&d, "face").0.modality, Question, "{:?}", lemmas(&d));
    let d = doc("Reporters asked if the firm would cut jobs.");
    assert_eq!(find(&d, "cut").0.modality, Question, "{:?}", lemmas(&d));
}

/// "more than seven million copies" is one object, not "more" with an oblique after it.
#[test]
fn more_than_a_number_is_one_object() {
    let d = doc("The book has sold more than seven million copies worldwide.");
    let (_, _, o) = find(&d, "sell");
    assert!(o.starts_with("more than seven million copies"), "{:?}", lemmas(&d));
}

/// A day the parser read into the name after it ("On Wednesday Mr Blair ...") is left out of
/// the argument and out of the name's description; a month that starts a name stays.
#[test]
fn a_day_before_a_name_is_not_part_of_it() {
    let t = all("On Wednesday Mr Hale told reporters he would resign.");
    assert!(t.iter().any(|x| x.starts_with("Mr Hale · tell")), "{t:?}");
    let t = all("On Tuesday Foreign Secretary Jack Straw met the envoy.");
    assert!(!t.iter().any(|x| x.contains("Tuesday")), "{t:?}");
    let t = all("June Carter Cash sang with him.");
    assert!(t.iter().any(|x| x.starts_with("June Carter Cash · sing")), "{t:?}");
}

/// A second "object" that follows a possessive inside the first is the noun the possessive
/// belongs to: the first object's phrase runs on to it.
#[test]
fn an_object_after_a_possessive_is_part_of_the_first() {
    let d = doc(
        "Gazprom agreed to the deal, bringing a big chunk of Russia's profitable oil business back into state hands.",
    );
    let (_, _, o) = find(&d, "bring");
    assert_eq!(o, "a big chunk of Russia's profitable oil business");
}

/// A participle inside a noun phrase, after a possessive and before a bare noun, is no verb:
/// "his department's reported interest" reports nothing.
#[test]
fn a_participle_after_a_possessive_is_no_verb() {
    let t = all("The minister declined to be drawn on his department's reported interest in the deal.");
    assert!(!t.iter().any(|x| x.contains("· report ·")), "{t:?}");
}

/// A participle right after a possessive, hung on the possessor by the parser, is a word of
/// the possessed noun phrase: "Monday evening" opens nothing.
#[test]
fn a_participle_after_a_possessed_time_belongs_to_the_noun() {
    let d = doc("Monday evening's opening episode did attract a crowd of eccentrics.");
    let (_, s, _) = find(&d, "attract");
    assert_eq!(s, "Monday evening's opening episode");
    let t = all("Monday evening's opening episode did attract a crowd of eccentrics.");
    assert!(!t.iter().any(|x| x.contains("· open ·")), "{t:?}");
}

/// A participle hung on a time that is how long, or when, someone did it: that someone is its
/// subject, not the time. A time may still do what times do ("the weeks preceding the vote").
#[test]
fn a_participle_after_a_time_spent_is_done_by_the_spender() {
    for (text, lemma, subject) in [
        (
            "The farmers have spent the past three months trying to sell their land.",
            "try to sell",
            "The farmers",
        ),
        ("Investors wasted little time selling the shares.", "sell", "Investors"),
        ("She painted late into the night copying the old maps.", "copy", "She"),
        ("Prices rose in the weeks preceding the vote.", "precede", "the weeks"),
    ] {
        let d = doc(text);
        let (_, s, _) = find(&d, lemma);
        assert_eq!(s, subject, "{text}");
    }
}

/// A relative clause that says which thing is meant belongs to the argument ("the powers which
/// existing police authorities have"); one set off by a comma is an aside and stays out, as
/// does a relative word whose clause is not in the phrase.
#[test]
fn a_restrictive_relative_clause_is_part_of_its_noun_phrase() {
    let d = doc("The commissioner will have the powers which existing police authorities have.");
    let (_, _, o) = find(&d, "have");
    assert_eq!(o, "the powers which existing police authorities have");
    let d = doc("Police are keen to hear from anyone who may have seen the car.");
    let (_, _, o) = find(&d, "be keen to hear from");
    assert_eq!(o, "anyone who may have seen the car");
    let d = doc("Mr Ancram condemned the document, which cost about 2,500 pounds to print.");
    let (_, _, o) = find(&d, "condemn");
    assert_eq!(o, "the document");
}

/// After a verb that takes a doer and what it is to do ("prompt", "urge", "stop"), the object
/// is who does it, also in a clause further down ("prompting officials to look at
/// reorganising charges"); after other verbs an infinitive is a purpose and keeps the subject.
#[test]
fn the_object_of_a_control_verb_does_what_follows() {
    let d = doc(
        "Choking traffic jams in Beijing are prompting officials to look at reorganising car parking charges.",
    );
    let (_, s, _) = find(&d, "reorganise");
    assert_eq!(s, "officials");
    let d = doc("The new tools should stop them having to do searches twice.");
    let (_, _, o) = find(&d, "stop");
    assert_eq!(o, "them having to do searches twice");
}

/// A gerund that completes an adjective of wanting or fearing ("interested in guaranteeing
/// supplies", "close to picking up a medal") or a noun of intent ("plans for tackling abuse")
/// says what someone wants or plans, so no triple says it happens.
#[test]
fn a_wanted_or_planned_deed_is_no_fact() {
    for text in [
        "They are more interested in guaranteeing supplies.",
        "If she repeats that in Madrid she will be close to picking up a medal.",
        "Tony Blair said Labour would set out workable plans for tackling immigration abuse.",
    ] {
        let t = all(text);
        assert!(
            !t.iter()
                .any(|x| ["guarantee", "pick up", "tackle"].iter().any(|v| x.contains(&format!("· {v} ·")))),
            "{text}: {t:?}"
        );
    }
}

/// A saying verb in a relative clause ("the document, which the Foreign Office says has cost
/// ...") attributes nothing to the clause the relative clause hangs on.
#[test]
fn a_saying_verb_in_a_relative_clause_attributes_nothing_outside_it() {
    let text = "Mr Ancram condemned the document, which the Foreign Office says has cost about pounds 2,500 to design, print and deliver.";
    let d = doc(text);
    let (t, _, _) = find(&d, "condemn");
    assert!(t.attribution.is_none(), "{text}");
}

/// The purpose of a passive clause is its agent's: the agent does what it is used for.
#[test]
fn the_purpose_of_a_passive_is_its_agents() {
    let d = doc("Many of the flaws could be used by virus writers to take over computers remotely.");
    let (_, s, o) = find(&d, "take over");
    assert_eq!((s, o), ("virus writers", "computers"));
}

/// After "have", "see" and the like, a participle after the object is what happens to it, and
/// the object's argument keeps it.
#[test]
fn what_happens_to_an_object_stays_with_it() {
    let d = doc("Anyone visiting the website will have their computer infected by a virus.");
    let (_, _, o) = find(&d, "have");
    assert_eq!(o, "their computer infected by a virus");
}

/// A result after the beaten side ("beat Fiji 26-21") is the verb's, not the side's: the side
/// is the object, whole and alone, whichever of the two the parser hung on the other.
#[test]
fn a_score_is_no_part_of_the_beaten_side() {
    for (text, o) in [
        ("England beat Fiji 26-21 at Twickenham on Saturday.", "Fiji"),
        ("Wales beat Italy 38-8 in Rome.", "Italy"),
        ("Leicester beat Bath 21-12 on Sunday.", "Bath"),
        ("Daniela Hantuchova defeated Michaella Krajicek 6-4 6-2.", "Michaella Krajicek"),
    ] {
        let d = doc(text);
        let verb = if text.contains("defeated") { "defeat" } else { "beat" };
        let (_, _, obj) = find(&d, verb);
        assert_eq!(obj, o, "{text}: {:?}", all(text));
    }
}

/// A side after a preposition stays in its phrase: "went to Wales 13-12" names no object.
#[test]
fn a_side_after_a_preposition_is_no_object() {
    let text = "A thrilling Test at Cardiff Arms Park went to Wales 13-12.";
    assert!(!all(text).iter().any(|t| t.ends_with("· Wales")), "{:?}", all(text));
}

/// A capitalised bare noun after a verb is a name, not the noun of an idiom that takes the
/// preposition after it into the relation ("take part in"): "dissolve Parliament at the end".
#[test]
fn a_name_is_no_idiom_noun() {
    let d = doc("Mr Blair would dissolve Parliament at the end of that week.");
    let (_, _, o) = find(&d, "dissolve");
    assert_eq!(o, "Parliament");
    let d = doc("They took part in the race.");
    let (_, _, o) = find(&d, "take part in");
    assert_eq!(o, "the race");
}

/// A copular infinitive ("to be more informed", "to be inside the Lords") is the wanted or
/// needed state of its verb's subject, not a fact: the verb leads the predicate with its
/// negation and modality. After an object that is to be so, the verb's triple holds it.
#[test]
fn a_wanted_state_is_no_fact() {
    let t = all("People want to be more informed about party politics.");
    assert!(t.contains(&"People · want to be more informed about · party politics".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("· be more informed")), "{t:?}");
    let d = doc("Reformers needed to be inside the Lords.");
    let (x, _, o) = find(&d, "need to be inside");
    assert_eq!((o, x.modality), ("the Lords", dossier::Modality::Necessary));
    let d = doc("He did not want to be a burden.");
    let (x, _, _) = find(&d, "want to be");
    assert!(x.negated);
    let t = all("Anti-virus firms urged users to be wary of unexpected e-mail messages.");
    assert!(!t.iter().any(|x| x.starts_with("users ·")), "{t:?}");
}

/// A participle phrase that opens a report ("Speaking on BBC Radio 4, Mr Howard said ...") is
/// how the speaker spoke, not what was said; a clause right after a verb of saying or deciding
/// and a short adjunct ("had decided in November 2003 he would quit") is what was decided.
#[test]
fn report_clauses_are_read_as_reports() {
    let text = "Speaking on BBC Radio 4, Mr Howard said the plan would fail.";
    let t = all(text);
    assert!(!t.iter().any(|x| x.contains("say · Speaking")), "{t:?}");
    assert!(t.contains(&"Mr Howard · say · the plan would fail".to_string()), "{t:?}");
    let d = doc("Mr Peston said that Mr Blair had decided in November 2003 he would quit.");
    let (_, s, o) = find(&d, "decide");
    assert_eq!((s, o), ("Mr Blair", "he would quit"), "{:?}", lemmas(&d));
    // A gerund that is the subject of the report stays in it.
    let t = all("Putting off payments may lower a country's rating, analysts said.");
    assert!(t.iter().any(|x| x.starts_with("analysts · say · Putting off payments")), "{t:?}");
}

/// What is said, thought or told is the whole reported clause: not its subject taken for the
/// verb's object ("believes the rules allow parties to ring"), nor the hearer ("told reporters
/// he would stay"), who goes with the adjuncts.
#[test]
fn what_is_reported_is_the_whole_clause() {
    let d = doc("If the watchdog believes the rules allow parties to ring numbers, it will act.");
    let (_, _, o) = find(&d, "believe");
    assert_eq!(o, "the rules allow parties to ring numbers");
    let (_, s, _) = find(&d, "allow");
    assert_eq!(s, "the rules");
    for (text, what) in [
        ("He told reporters he would stay.", "he would stay"),
        ("She told the BBC she was happy.", "she was happy"),
        (
            "He told his party's spring conference the Tories must not be allowed to win.",
            "the Tories must not be allowed to win",
        ),
    ] {
        let d = doc(text);
        let (_, _, o) = find(&d, "tell");
        assert_eq!(o, what, "{text}");
    }
    // A thing told stays the object.
    let d = doc("He told the story to his friends.");
    let (_, _, o) = find(&d, "tell");
    assert!(o.starts_with("the story"), "{o}");
    // A nominal clause is not split: "the size ... was the most important factor".
    let d = doc("Fifty percent of Europeans said the size of a mobile was the most important factor.");
    let (_, _, o) = find(&d, "say");
    assert_eq!(o, "the size of a mobile was the most important factor");
}

/// An infinitive after a ranked noun ("the first star to be evicted", "the only company to
/// offer") or after "way" says which one it is: it stays in the argument. After other nouns it
/// may be a purpose and stays out.
#[test]
fn an_infinitive_after_a_ranked_noun_stays_in_its_phrase() {
    let d = doc("Jackie Stallone has become the first star to be evicted from the house.");
    let (_, _, o) = find(&d, "become");
    assert_eq!(o, "the first star to be evicted from the house");
    let d = doc("P2P is a good way to distribute content.");
    let (_, _, o) = find(&d, "be");
    assert_eq!(o, "a good way to distribute content");
    let d = doc("His firm is the only company to offer the service.");
    let (_, _, o) = find(&d, "be");
    assert_eq!(o, "the only company to offer the service");
}

/// A name right after its description with nothing between ("Leicester scrum-half Harry
/// Ellis") is the head of the argument, not an apposition to cut.
#[test]
fn a_name_after_its_description_stays_in_the_argument() {
    let d = doc("Leicester scrum-half Harry Ellis has been promoted from the academy.");
    let (_, s, _) = find(&d, "be promoted from");
    assert_eq!(s, "Leicester scrum-half Harry Ellis");
    // Set off by commas, it is an apposition.
    let d = doc("The coach, Harry Ellis, has been promoted from the academy.");
    let (_, s, _) = find(&d, "be promoted from");
    assert_eq!(s, "The coach");
}

/// After "make", "let", "help", "see", "hear" and the like, the object does what the bare
/// infinitive says: the governing verb's object runs to the infinitive's end, and the
/// infinitive's own triple has the object for its subject, not the governing verb's subject.
#[test]
fn bare_infinitive_after_an_object_is_the_objects_doing() {
    let d = doc("The ruling made the chemical company pay compensation to the families.");
    let (_, s, o) = find(&d, "make");
    assert_eq!((s, o), ("The ruling", "the chemical company pay compensation to the families"));
    let t = d.triples().iter().find(|t| t.predicate.lemma.starts_with("pay")).expect("a pay triple");
    assert_eq!(d.slice(t.subject.span), "the chemical company", "{:?}", lemmas(&d));
    assert_eq!(t.modality, dossier::Modality::Asserted);
    let d = doc("Guards watched the prisoners leave the camp.");
    let (_, s, _) = find(&d, "leave");
    assert_eq!(s, "the prisoners", "{:?}", lemmas(&d));
}

/// What an object is let do is a permission, not a fact; what it is not made or let do gets
/// no triple of its own; what it could be made to do is possible. "Let's" is no one let do
/// anything.
#[test]
fn bare_infinitive_takes_the_governing_verbs_certainty() {
    let d = doc("The new rules let the banks raise their fees.");
    let (t, s, _) = find(&d, "raise");
    assert_eq!(s, "the banks", "{:?}", lemmas(&d));
    assert_eq!(t.modality, dossier::Modality::Possible);
    let d = doc("The court did not let the firm sell its shares.");
    let (t, _, o) = find(&d, "let");
    assert!(t.negated && o.starts_with("the firm sell"), "{:?}", lemmas(&d));
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "sell"), "{:?}", lemmas(&d));
    let d = doc("The ruling could make the company pay the full cost.");
    let (t, s, _) = find(&d, "pay");
    assert_eq!(s, "the company");
    assert_eq!(t.modality, dossier::Modality::Possible);
    let d = doc("Let's hope the weather holds for the final.");
    assert!(d.triples().iter().all(|t| d.slice(t.subject.span) != "'s"), "{:?}", lemmas(&d));
}

/// The "that" clause of a noun of saying, knowing or fearing is the noun's content and stays
/// in the argument ("the fact" alone says nothing); the clause keeps its own triple.
#[test]
fn content_clause_of_a_noun_stays_in_the_argument() {
    let d = doc("He ignored the fact that he was born in India.");
    let (_, s, o) = find(&d, "ignore");
    assert_eq!((s, o), ("He", "the fact that he was born in India"));
    assert!(d.triples().iter().any(|t| t.predicate.lemma.starts_with("be born")), "{:?}", lemmas(&d));
    let d = doc("Officials rejected claims that the money had been stolen.");
    let (_, _, o) = find(&d, "reject");
    assert_eq!(o, "claims that the money had been stolen");
}

/// An embedded question's clause with a bare question word for its object says nothing on its
/// own ("the company · would do · what"); the question stays the object of its verb.
#[test]
fn bare_question_word_object_gives_no_triple() {
    let d = doc("He explained what the company would do next.");
    assert!(
        d.triples().iter().all(|t| !d.slice(t.object.span).eq_ignore_ascii_case("what")),
        "{:?}",
        lemmas(&d)
    );
    let (_, _, o) = find(&d, "explain");
    assert_eq!(o, "what the company would do next");
}

/// "make it" before where it got to is one relation ("made it into the final squad");
/// "made it clear to" is not.
#[test]
fn make_it_to_is_one_relation() {
    let d = doc("The film made it into the final list of nominees.");
    let (_, s, o) = find(&d, "make it into");
    assert_eq!((s, o), ("The film", "the final list of nominees"));
    let d = doc("He made it clear to the board that he would stay.");
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "make it to"), "{:?}", lemmas(&d));
}

/// A clause without "that" after a verb of ensuring or suggesting, whose verb the parser hung
/// elsewhere (as an adverbial, an infinitive, or on the verb of saying above), is the verb's
/// object and the noun before it the clause's subject: "ensure · that websites" and "suggest ·
/// head teachers" said nothing.
#[test]
fn a_clause_object_keeps_its_verb() {
    let d = doc("Special hardware takes over to block the traffic and ensure that websites stay up.");
    let (_, _, o) = find(&d, "ensure");
    assert_eq!(o, "that websites stay up", "{:?}", lemmas(&d));
    let d = doc("The plan would ensure that large shops in Wales remain closed on Boxing Day.");
    let (_, _, o) = find(&d, "ensure");
    assert_eq!(o, "that large shops in Wales remain closed on Boxing Day", "{:?}", lemmas(&d));
    let t = d.triples().iter().find(|t| t.predicate.lemma.contains("close")).expect("a close triple");
    assert_eq!(d.slice(t.subject.span), "large shops in Wales", "{:?}", lemmas(&d));
    let d = doc(
        "Lady Jones said the proposals seemed to suggest head teachers should be told what to teach by a single minister.",
    );
    let (_, _, o) = find(&d, "seem to suggest");
    assert_eq!(o, "head teachers should be told what to teach by a single minister", "{:?}", lemmas(&d));
    let (_, _, o) = find(&d, "say");
    assert!(o.starts_with("the proposals seemed"), "{:?}", lemmas(&d));
}

/// A quoted fragment without a verb after the attribution goes on with the quotation before
/// it ('"...," he said, "about one MP3 file."'): the speaker said the quotation, not the
/// fragment alone.
#[test]
fn a_quoted_afterthought_is_not_a_second_thing_said() {
    let cases = [
        (
            "\"Each visitor will download three to four songs per day,\" she said, \"about one CD.\"",
            "Each visitor will download three to four songs per day",
        ),
        (
            "\"The new engine will burn ten litres per hour,\" he said, \"roughly one full tank.\"",
            "The new engine will burn ten litres per hour",
        ),
    ];
    for (text, what) in cases {
        let d = doc(text);
        let said: Vec<&str> = d
            .triples()
            .iter()
            .filter(|t| t.predicate.lemma == "say")
            .map(|t| d.slice(t.object.span))
            .collect();
        assert_eq!(said, [what], "{:?}", lemmas(&d));
    }
}

/// The question mark after a quotation is the quotation's, not the saying's: 'Wenger said:
/// "You don't think ..., do you?"' asserts that he said it; the quoted words are the question.
/// A saying asked about ("Did she say ...?") stays a question.
#[test]
fn a_quoted_question_leaves_the_saying_asserted() {
    let d = doc("Mr Jones said: \"You don't think I would sell the club for just one bad season, do you?\"");
    let (t, _, _) = find(&d, "say");
    assert_eq!(t.modality, dossier::Modality::Asserted, "{:?}", lemmas(&d));
    let (t, _, _) = find(&d, "think");
    assert_eq!(t.modality, dossier::Modality::Question, "{:?}", lemmas(&d));
    let d = doc("Did she say he would come?");
    let (t, _, _) = find(&d, "say");
    assert_eq!(t.modality, dossier::Modality::Question, "{:?}", lemmas(&d));
}

/// An adverb particle between a verb and its oblique's preposition is part of the verb:
/// "came in at" is not "came at", "hit back at" not "hit at".
#[test]
fn a_particle_before_a_preposition_stays_with_its_verb() {
    let d = doc("Quarterly profits came in at 5.2 billion dollars.");
    let (t, _, o) = find(&d, "come in at");
    assert_eq!((t.predicate.lemma.as_str(), o), ("come in at", "5.2 billion dollars"), "{:?}", lemmas(&d));
    let d = doc("Fraudsters tried to cash in on the goodwill of donors.");
    assert!(d.triples().iter().any(|t| t.predicate.lemma.ends_with("cash in on")), "{:?}", lemmas(&d));
}

/// An amount written "pounds 800m" stays whole in its argument, and so does a noun phrase with
/// a bracketed aside in its middle ("a dollars 676m (pounds 352m) loss").
#[test]
fn amounts_and_bracketed_asides_stay_in_their_argument() {
    let d = doc("Critics will oppose any formal pounds 800m takeover bid from the tycoon.");
    let (_, s, o) = find(&d, "oppose");
    assert_eq!((s, o), ("Critics", "any formal pounds 800m takeover bid from the tycoon"));
    let d = doc("Shareholders lost about dollars 180bn when the firm collapsed.");
    let (_, _, o) = find(&d, "lose about");
    assert_eq!(o, "dollars 180bn");
    let d = doc("Marsh posted a dollars 676m (pounds 352m) loss for the year.");
    let (_, _, o) = find(&d, "post");
    assert!(o.starts_with("a dollars 676m (pounds 352m) loss"), "{o:?}");
    let d = doc("The firm sold its Canadian (and Mexican) units to Ford.");
    let (_, _, o) = find(&d, "sell");
    assert_eq!(o, "its Canadian (and Mexican) units");
}

/// A copular clause the parser hung on a noun as an apposition is read as the clause it is:
/// "Net profit was dollars 186m" (the noun before is the subject) and ", which is currently
/// dollars 94" (a relative clause on the noun).
#[test]
fn a_copular_clause_read_as_an_apposition_is_a_clause() {
    let d = doc("Net profit was dollars 186m in the quarter.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("Net profit", "dollars 186m in the quarter"));
    let d = doc("The rules limit payments to the minimum monthly salary, which is currently dollars 94.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("the minimum monthly salary", "dollars 94"));
}

/// What an object is to be belongs to the object ("expects the clash to be a fight": the
/// expectation is not the clash), as an infinitive of doing does; "to be honest" does not.
#[test]
fn an_object_keeps_what_it_is_to_be() {
    let d = doc("The manager expects the clash with Barcelona to be a fight to the finish.");
    let (_, s, o) = find(&d, "expect");
    assert_eq!((s, o), ("The manager", "the clash with Barcelona to be a fight to the finish"));
    let d = doc("Sony did not consider the console to be part of its offering.");
    let (t, _, o) = find(&d, "consider");
    assert_eq!(o, "the console to be part of its offering");
    assert!(t.negated);
    let d = doc("It haunted me to be honest.");
    let (_, _, o) = find(&d, "haunt");
    assert_eq!(o, "me");
}

#[test]
fn a_speaker_after_the_verb_keeps_the_description_as_an_apposition() {
    let d = doc("\"Prices will fall again in the spring,\" said Anna Kovac, the bank's senior economist.");
    let (_, s, o) = find(&d, "say");
    assert_eq!((s, o), ("Anna Kovac", "Prices will fall again in the spring"));
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("Anna Kovac", "the bank's senior economist"));
    assert!(
        d.triples()
            .iter()
            .all(|t| !d.slice(t.object.span).ends_with("economist") || t.predicate.lemma == "be")
    );
    // A clause that goes on after the speaker is more of the quotation, not a description.
    let d = doc("\"Sales are up,\" says Ms Lund, \"this is a good year for us.\"");
    let be: Vec<_> = d.triples().iter().filter(|t| t.predicate.lemma == "be").collect();
    assert!(be.iter().all(|t| d.slice(t.subject.span) != "Ms Lund"), "{:?}", lemmas(&d));
}

#[test]
fn a_reported_clause_is_not_split_into_its_predicates_conjuncts() {
    for (text, said) in [
        (
            "Most of the new jobs are in retail, farming and shipping, she said.",
            "Most of the new jobs are in retail, farming and shipping",
        ),
        (
            "The main risks were inflation, unemployment and debt, he said.",
            "The main risks were inflation, unemployment and debt",
        ),
        (
            "Officials said the main causes were heat, drought and wind.",
            "the main causes were heat, drought and wind",
        ),
        (
            "\"It was a fair result, but not a great one,\" said Ed Moss.",
            "It was a fair result, but not a great one",
        ),
    ] {
        let d = doc(text);
        let says: Vec<_> = d.triples().iter().filter(|t| t.predicate.lemma == "say").collect();
        assert_eq!(says.len(), 1, "{:?}", lemmas(&d));
        assert_eq!(d.slice(says[0].object.span), said);
    }
}

#[test]
fn a_concession_or_reason_is_not_under_the_hedge() {
    use dossier::Modality::{Asserted, Possible};
    let text = "Although Nintendo is aiming at younger players, it is likely that the two firms will compete for customers.";
    assert_eq!(modality(text, "aim at"), (Asserted, false));
    assert_eq!(modality(text, "compete for").0, Possible);
    let text = "The firm may close the plant because rivals have cut their prices.";
    assert_eq!(modality(text, "cut"), (Asserted, false));
    assert_eq!(modality(text, "close").0, Possible);
}

#[test]
fn a_participle_used_as_a_preposition_is_no_predicate() {
    for (text, not) in [
        ("The singer arrived in Paris on Friday following his show in Rome.", "follow"),
        ("Sales rose 4% in March, compared with 2% a year ago.", "compare"),
        ("Given that prices are rising, the bank may act.", "give"),
        ("It is a poor result, considering the money spent.", "consider"),
    ] {
        let d = doc(text);
        assert!(
            d.triples().iter().all(|t| t.predicate.lemma.split(' ').next() != Some(not)),
            "{:?}",
            lemmas(&d)
        );
    }
    // A gerund after its own preposition, and a participle with an auxiliary, are verbs.
    let d = doc("Users can download films by following a link to the files.");
    let (_, s, o) = find(&d, "follow");
    assert_eq!((s, o), ("Users", "a link to the files"));
    let d = doc("The minister was given the full legal advice.");
    find(&d, "be given");
}

#[test]
fn a_preposition_before_the_copula_is_not_the_predicates() {
    let d = doc("Of course, the new plan is a sensible one.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("the new plan", "a sensible one"));
    let d = doc("Sales are better than they have been for a decade.");
    assert!(d.triples().iter().any(|t| t.predicate.lemma == "be for"), "{:?}", lemmas(&d));
}

#[test]
fn a_partitive_subject_keeps_its_of_phrase() {
    let d = doc("Much of that trade passes through the port of Rotterdam.");
    let (_, s, _) = find(&d, "pass through");
    assert_eq!(s, "Much of that trade");
}

/// A predicative adjective with nothing to complete it is the object of its copula ("The
/// railways were separate"); the degree and manner words before it and the adjectives
/// coordinated with it stay with it, negation and modals stay in the relation. An adjective
/// that opens a clause of its own, or that a misparse gave a noun's dependents, gives none.
#[test]
fn a_bare_predicative_adjective_is_the_copulas_object() {
    let d = doc("The two railways were separate.");
    let (t, s, o) = find(&d, "be");
    assert_eq!((s, o, t.predicate.text.as_str()), ("The two railways", "separate", "were"));
    let d = doc("The minister was not very happy.");
    let (t, s, o) = find(&d, "be");
    assert_eq!((s, o), ("The minister", "very happy"));
    assert!(t.negated);
    let d = doc("The results could be more disappointing.");
    let (t, _, o) = find(&d, "be");
    assert_eq!((o, t.predicate.text.as_str()), ("more disappointing", "could be"));
    assert_eq!(t.modality, dossier::Modality::Possible);
    let d = doc("Modern computer networks are large, complex and fragile.");
    let (_, s, o) = find(&d, "be");
    assert_eq!((s, o), ("Modern computer networks", "large, complex and fragile"));
    // Completed by a preposition, the adjective stays in the relation.
    let d = doc("The group was responsible for the attack.");
    assert!(d.triples().iter().all(|t| t.predicate.lemma != "be"), "{:?}", lemmas(&d));
    // A clause of its own, or an empty subject: no triple.
    for text in ["The coach was sure that his team would win.", "It was unclear whether the bank would pay."]
    {
        let d = doc(text);
        assert!(d.triples().iter().all(|t| t.predicate.lemma != "be"), "{text}: {:?}", lemmas(&d));
    }
}

/// Two verbs sharing the object after the second share it though an adjunct opens the
/// sentence ("In arbitrage, traders buy and sell stocks"); an adjective's copula does not take
/// the object of a verb coordinated with it.
#[test]
fn coordinated_verbs_share_an_object_after_a_fronted_adjunct() {
    let d = doc("In the evening, traders buy and sell large amounts of stocks.");
    let (_, s, o) = find(&d, "buy");
    assert_eq!((s, o), ("traders", "large amounts of stocks"));
    let (_, s, o) = find(&d, "sell");
    assert_eq!((s, o), ("traders", "large amounts of stocks"));
}

/// An adverb inside the verb group stays in the relation as written ("has also denied", "were
/// probably stolen from"); the lemma leaves it out, and a connective ("however") stays out of
/// both.
#[test]
fn an_adverb_inside_the_verb_group_is_in_the_relation_text() {
    let d = doc("The company has also denied the claims.");
    let (t, s, o) = find(&d, "deny");
    assert_eq!((s, o, t.predicate.text.as_str()), ("The company", "the claims", "has also denied"));
    let d = doc("The paintings were probably stolen from the museum.");
    let (t, ..) = find(&d, "be stolen from");
    assert_eq!(t.predicate.text, "were probably stolen from");
    let d = doc("The company has however denied the claims.");
    let (t, ..) = find(&d, "deny");
    assert_eq!(t.predicate.text, "has denied");
}

/// A verb group with a finite "be", "have" or modal after another finite word is two clauses'
/// words run together by a misparse: no triple. A bare verb the tagger read as finite after a
/// modal or "do" ("could easily have lost", "Do so many Scots have") is one group.
#[test]
fn a_verb_group_of_two_clauses_gives_no_triple() {
    for text in [
        "\"The story of the console is it's not a gaming device as much as it is a music player,\" said one analyst.",
        "The club is currently listed is on the smaller share exchange.",
        "Mr Jones said the world would would monitor the situation.",
    ] {
        let d = doc(text);
        let texts: Vec<&str> = d.triples().iter().map(|t| t.predicate.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .all(|p| !["is 's not", "is currently listed is on", "would would monitor"].contains(p)),
            "{text}: {texts:?}"
        );
    }
    let d = doc("We could easily have lost the game.");
    let (_, s, o) = find(&d, "lose");
    assert_eq!((s, o), ("We", "the game"));
    let d = doc("They did have a good taste in music.");
    let (_, s, _) = find(&d, "have");
    assert_eq!(s, "They");
}

#[test]
fn a_verb_coordinated_with_an_infinitive_shares_its_group() {
    // What the first infinitive is wanted, planned or denied as, the second is too.
    let d = doc("The company wants to close two factories and cut 500 jobs.");
    let (t, s, o) = find(&d, "want to cut");
    assert_eq!((s, o), ("The company", "500 jobs"));
    assert_eq!(t.predicate.text, "wants to cut");
    let d = doc("The bank did not want to sell the shares or buy new ones.");
    let (t, s, o) = find(&d, "want to buy");
    assert_eq!((s, o), ("The bank", "new ones"));
    assert!(t.negated);
    let d = doc("Ministers may have to raise taxes and cut spending.");
    let (t, ..) = find(&d, "have to cut");
    assert_eq!(t.modality, dossier::Modality::Necessary);
    // A finite verb is coordinated with the group's first verb, not with the infinitive.
    let d = doc("The striker failed to score and gave the ball away.");
    assert!(d.triples().iter().all(|t| !t.predicate.lemma.starts_with("fail to give")), "{:?}", lemmas(&d));
}

#[test]
fn a_number_or_partitive_word_heads_its_of_phrase() {
    for (text, lemma, object) in [
        ("They have lost nine of their 14 matches.", "lose", "nine of their 14 matches"),
        ("The firm sold most of its shares.", "sell", "most of its shares"),
        ("He scored 20 of his 31 goals in the league.", "score", "20 of his 31 goals"),
    ] {
        let d = doc(text);
        let (t, _, o) = find(&d, lemma);
        assert_eq!(o, object, "{text}");
        assert_eq!(t.predicate.lemma, lemma, "{text}");
    }
}

#[test]
fn a_nominal_predicate_keeps_its_modifiers_in_itself_not_as_adjuncts() {
    for (text, object) in [
        ("The broadcaster is not part of the claim.", "part of the claim"),
        (
            "The bank is one of the biggest investors in the project.",
            "one of the biggest investors in the project",
        ),
        ("He is the future of the club.", "the future of the club"),
    ] {
        let d = doc(text);
        let t = d.triples().iter().find(|t| t.predicate.lemma == "be").unwrap_or_else(|| panic!("{text}"));
        assert_eq!(d.slice(t.object.span), object, "{text}");
        let adjuncts: Vec<&str> = t.adjuncts.iter().map(|a| d.slice(a.span)).collect();
        assert!(adjuncts.is_empty(), "{text}: {adjuncts:?}");
    }
}

#[test]
fn an_infinitive_completing_a_noun_of_choice_or_duty_stays_in_the_phrase() {
    for (text, lemma, object) in [
        (
            "The airline has the option to buy ten more aircraft.",
            "have",
            "the option to buy ten more aircraft",
        ),
        ("Parents have the choice to remove the programs.", "have", "the choice to remove the programs"),
        ("The opposition lacks the courage to cut spending.", "lack", "the courage to cut spending"),
    ] {
        let d = doc(text);
        let (_, _, o) = find(&d, lemma);
        assert_eq!(o, object, "{text}");
    }
    // A purpose after an ordinary noun is no part of it.
    let d = doc("The firm hired new staff to cut costs.");
    let (_, _, o) = find(&d, "hire");
    assert_eq!(o, "new staff");
}

/// Confidence ranks by where the clause is: the main clause's triple above the same triple
/// reported inside another clause, a bare participle's below both.
#[test]
fn main_clauses_are_surer_than_embedded_ones() {
    let conf = |text: &str, lemma: &str| find(&doc(text), lemma).0.confidence;
    let main = conf("The company bought the factory in March.", "buy");
    let reported = conf("Analysts said the company bought the factory in March.", "buy");
    let participle = conf("The mayor unveiled a statue overlooking the river.", "overlook");
    assert!(main > reported, "{main} vs {reported}");
    assert!(reported > participle, "{reported} vs {participle}");
    assert!(conf("The mayor unveiled a statue overlooking the river.", "unveil") > participle);
}

/// A subject whose modifier the parser ended early keeps the rest ("Shops all over [the UK]",
/// "The majority owner of ... [Yukos]", "A statue overlooking [the river]"); a past tense read
/// as a participle, a fronted time and a pronoun stay apart.
#[test]
fn a_second_subject_that_continues_the_first_is_part_of_it() {
    for (text, lemma, subject) in [
        ("Shops all over the UK reported strong sales.", "report", "Shops all over the UK"),
        (
            "The majority owner of the embattled oil firm Yukos has sued the Russian government.",
            "sue",
            "The majority owner of the embattled oil firm Yukos",
        ),
        (
            "A statue overlooking the river was unveiled on Monday.",
            "be unveiled on",
            "A statue overlooking the river",
        ),
        ("The research found very few women worked in the camera departments.", "work in", "very few women"),
        ("Three years after the crisis Turkey has dressed its economy.", "dress", "Turkey"),
    ] {
        let d = doc(text);
        let (_, s, _) = find(&d, lemma);
        assert_eq!(s, subject, "{text}: {:?}", lemmas(&d));
    }
}

/// A capitalised verb inside a sentence that is not in title case is a word of a title or a
/// name ("the Beatles numbers Drive My Car", "the Constitutional Affairs Select Committee") or
/// a hyphenated modifier ("Leicestershire-based"): no clause. A quotation's first word is not.
#[test]
fn a_capitalised_verb_inside_a_sentence_is_part_of_a_title() {
    for text in [
        "He opened the show with the Beatles numbers Drive My Car and Get Back.",
        "The Constitutional Affairs Select Committee met on Monday.",
        "The Markfield, Leicestershire-based company runs 142 quarries in the UK.",
        "The band's hits include Design For Life and If You Tolerate This, released in 1998.",
    ] {
        let t = all(text);
        assert!(
            !t.iter()
                .any(|x| ["· drive ·", "· select ·", "-bas", "· tolerate ·"].iter().any(|w| x.contains(w))),
            "{text}: {t:?}"
        );
    }
    let t = all("He said: \"Had they been ruthless, Wales could have won.\"");
    assert!(t.iter().any(|x| x.starts_with("they · be ·")), "{t:?}");
}

/// A form of address the parser made a subject of its own beside the name ("Ms Hodge said",
/// "Ms" read as a plural noun) is not the attribution of the quotation: the name is, linked to
/// its entity.
#[test]
fn a_form_of_address_alone_is_not_the_attribution() {
    let text = "Ms Hodge said: \"Foster carers must not be out of pocket when meeting the costs.\"";
    let d = doc(text);
    let (t, ..) = find(&d, "meet");
    let by = t.attribution.as_ref().expect("attributed");
    assert_eq!(d.slice(by.span), "Hodge", "{:?}", lemmas(&d));
    assert!(by.entity.is_some());
}

/// "by" a time is when a passive happens, not who does it: no agent turned subject.
#[test]
fn by_a_time_is_no_agent() {
    for (text, lemma) in [
        ("The deal must be signed by the end of the year.", "sign"),
        ("Nothing had been decided by the last minute of the match.", "decide"),
        ("The plan will be approved by Friday.", "approve"),
    ] {
        let d = doc(text);
        for t in d.triples().iter().filter(|t| t.predicate.lemma.starts_with(lemma)) {
            let s = d.slice(t.subject.span);
            assert!(!["end", "minute", "Friday"].iter().any(|w| s.contains(w)), "{text}: {:?}", lemmas(&d));
        }
    }
    // A real agent stays one, a name with a time after it too.
    let d = doc("The plan was approved by the board.");
    assert_eq!(find(&d, "approve").1, "the board");
    let d = doc("Research conducted by Amnesty International last year revealed abuses.");
    assert!(
        lemmas(&d).iter().any(|x| x.starts_with("Amnesty International") && x.contains("conduct")),
        "{:?}",
        lemmas(&d)
    );
}

/// A free relative ("what we have got") has no noun for its question word to stand for: no
/// "we · get · What", and no oblique taken for an object in its place ("what they want on
/// their phones" is no "they · want on · their phones"). A relative clause on a noun keeps it.
#[test]
fn a_free_relative_gives_no_triple_of_its_own() {
    for text in [
        "What we have got is a cynical case of recycling old laws.",
        "They can watch what they want on their phones.",
        "What we learned at the weekend is that the campaign will be dirty.",
    ] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.starts_with("we · ") || x.starts_with("they · want")), "{text}: {t:?}");
    }
    let t = all("The team that we faced on Sunday played well.");
    assert!(t.contains(&"we · face · The team".to_string()), "{t:?}");
}

/// A free relative inside an argument is part of it: the argument does not end at "what".
#[test]
fn an_argument_keeps_its_free_relative() {
    let t = all("Speculation has been rife about what has triggered the stand-off.");
    assert!(t.iter().any(|x| x.ends_with("rife about what has triggered the stand-off")), "{t:?}");
    let t = all("Wales have rediscovered much of what made them a great rugby nation.");
    assert!(t.iter().any(|x| x.ends_with("much of what made them a great rugby nation")), "{t:?}");
}

/// A noun after a verb of saying or thinking, followed by a copula with no subject of its
/// own, is the subject of the reported clause, not the verb's object ("said the current
/// level of taxation was about right" gave "He · say · the current level of taxation").
#[test]
fn a_reported_copular_clause_takes_the_noun_before_it() {
    let t = all("He said the current level of taxation was about right.");
    assert!(t.contains(&"He · say · the current level of taxation was about right".to_string()), "{t:?}");
    let t =
        all("The manager claimed their display in the defeat against Bayern was the worst of the season.");
    assert!(t.iter().any(|x| x.starts_with("their display in the defeat against Bayern · be")), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with("claim · their display")), "{t:?}");
    // The noun that is a clause of its own already stays so.
    let t = all("He said the size was the most important factor.");
    assert!(t.contains(&"the size · be · the most important factor".to_string()), "{t:?}");
}

/// A quotation that opens inside an argument closes inside it.
#[test]
fn an_argument_keeps_the_closing_quotation_mark() {
    let t = all("He said the plan was \"a total disaster\".");
    assert!(t.contains(&"He · say · the plan was \"a total disaster\"".to_string()), "{t:?}");
    let t = all("She described the deal as \u{201c}a great step\u{201d} for the club.");
    assert!(!t.iter().any(|x| x.matches('\u{201c}').count() != x.matches('\u{201d}').count()), "{t:?}");
}

/// What an adjective of necessity or a verb of demanding puts in a clause ought to be, not
/// is; what one knows or remembers stays a fact whatever hedges the knowing.
#[test]
fn demands_and_necessities_are_necessary_and_known_facts_asserted() {
    use dossier::Modality::{Asserted, Necessary};
    let text = "It is important that retailers respect the age ratings.";
    assert_eq!(modality(text, "respect"), (Necessary, false));
    assert_eq!(modality("It is vital that the council finds new money.", "find"), (Necessary, false));
    assert_eq!(modality("The union demanded that the company pay the workers.", "pay"), (Necessary, false));
    assert_eq!(modality("The union demanded that the company pay the workers.", "demand"), (Asserted, false));
    assert_eq!(
        modality("Firms are required to publish their accounts.", "be required to publish"),
        (Necessary, false)
    );
    // What one was forced to do was done; an adjective that is no extraposition says nothing.
    assert_eq!(modality("He was forced to sell the house.", "be forced to sell"), (Asserted, false));
    let text = "Supercomputers are important for solving complex problems.";
    assert!(doc(text).triples().iter().all(|t| t.modality == Asserted), "{:?}", lemmas(&doc(text)));
    let text = "It is important to remember that the bill will take a decade.";
    assert_eq!(modality(text, "take"), (Asserted, false));
}

/// The subject after an opening prepositional phrase, which the parser made an apposition of
/// the phrase's noun, is the verb's subject; a description after it stays the subject's.
#[test]
fn a_subject_after_an_opening_phrase_is_no_apposition_of_it() {
    let t = all("In Argentina, the company's subsidiary, which was fined last year, has kept its licence.");
    assert!(t.iter().any(|x| x.starts_with("the company's subsidiary · keep · its licence")), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("Argentina · be")), "{t:?}");
    let t = all(
        "On Wednesday, Jacques Barrot, vice president of the commission, said that the changes were necessary.",
    );
    assert!(t.iter().any(|x| x.starts_with("Jacques Barrot · say · that the changes")), "{t:?}");
    // "Since" opening a clause inside another: the noun is the clause's subject.
    let t = all(
        "Since the first supercomputer, the Cray-1, was installed in 1976, speed has leaped 500,000 times.",
    );
    assert!(t.iter().any(|x| x.starts_with("the first supercomputer · be installed")), "{t:?}");
}

/// Two verbs share the object of the second only when nothing but the conjunction comes
/// between them: "buy and sell stocks", not "go back and have a look".
#[test]
fn coordinated_verbs_share_an_object_only_side_by_side() {
    let t = all("Traders buy and sell stocks.");
    assert!(t.contains(&"Traders · buy · stocks".to_string()), "{t:?}");
    let t = all("The character will put on or lose weight.");
    assert!(t.contains(&"The character · put on · weight".to_string()), "{t:?}");
    for text in ["I should go back and have a better look.", "They went home and watched the match."] {
        let t = all(text);
        assert!(!t.iter().any(|x| x.contains(" · go · ")), "{text}: {t:?}");
    }
}

/// A possessor the parser hung on the verb belongs to the noun after it: the subject is
/// "Norway's Lena Holt", not "Lena Holt"; a participle after "'s" modifies that noun.
#[test]
fn a_possessor_on_the_verb_goes_with_its_noun() {
    for (text, want) in [
        ("Norway's Lena Holt beat the defending champion in straight sets.", "Norway's Lena Holt · beat · "),
        ("Ireland's Kate Byrne won the final in Oslo.", "Ireland's Kate Byrne · win · the final"),
        ("Denmark's Arla bought the dairy in 2003.", "Denmark's Arla · buy · the dairy"),
    ] {
        let t = all(text);
        assert!(t.iter().any(|x| x.contains(want)), "{text}: {t:?}");
    }
}

/// A slash, hyphen or colon written inside a word is part of the argument: "the 9/11 attacks"
/// (not "11 attacks"), odds of "5/4", a time of "3:58.20".
#[test]
fn a_mark_inside_a_word_stays_in_the_argument() {
    let t = all("The airline blamed the 9/11 attacks for its losses.");
    assert!(t.iter().any(|x| x.starts_with("The airline · blame · the 9/11 attacks")), "{t:?}");
    let t = all("The bookmakers offered odds of 5/4 on the novel.");
    assert!(t.iter().any(|x| x.contains("odds of 5/4")), "{t:?}");
    let t = all("Kenyan runner Paul Kibet won in 3:58.20.");
    assert!(t.iter().any(|x| x.contains("3:58.20")), "{t:?}");
}

/// A noun joined by "and" to a verb's object is a second object even where the parser hung it
/// on the verb; not an oblique, a clause's subject, or a word inside a longer object.
#[test]
fn a_second_object_hung_on_the_verb_is_still_an_object() {
    let t = all("The minister criticised the council and the police for their silence.");
    assert!(t.iter().any(|x| x.starts_with("The minister · criticise · the council")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("The minister · criticise · the police")), "{t:?}");
    let t = all("Tory leader Michael Howard accused the prime minister and Mr Brown of squabbling.");
    assert!(t.iter().any(|x| x.starts_with("Tory leader Michael Howard · accuse · Mr Brown")), "{t:?}");
    let t = all("Sales have been showing strong growth and at the weekends it has been going mad.");
    assert!(!t.iter().any(|x| x.contains("the weekends")), "{t:?}");
}

/// A demonstrative "that" opening a clause is its subject ("That would be a disaster"); a
/// relative "that" still stands for its noun.
#[test]
fn a_demonstrative_that_is_a_subject() {
    let t = all("The club lost again. That would be a disaster for the manager.");
    assert!(t.iter().any(|x| x.starts_with("That · be · a disaster for the manager")), "{t:?}");
    let t = all("They lost, and that means the manager will go.");
    assert!(t.iter().any(|x| x.starts_with("that · mean · ")), "{t:?}");
    let t = all("The firm sells software that records every keystroke.");
    assert!(!t.iter().any(|x| x.starts_with("that ")), "{t:?}");
}

/// A name the parser split into a name and its apposition, with nothing between them, is one
/// argument: "Million Dollar Baby won", not "Million won".
#[test]
fn a_name_split_by_the_parser_is_one_argument() {
    let t = all("Million Dollar Baby won four Oscars on Sunday.");
    assert!(t.iter().any(|x| x.starts_with("Million Dollar Baby · win · four Oscars")), "{t:?}");
    let t = all("Critics said Million Dollar Baby deserved the award.");
    assert!(t.iter().any(|x| x.starts_with("Million Dollar Baby · deserve · the award")), "{t:?}");
}

/// A percentage and its "of" phrase opening a clause are the clause's subject.
#[test]
fn a_percentage_of_something_is_a_subject() {
    let t = all("About 60% of the staff will move to Paris.");
    assert!(t.iter().any(|x| x.starts_with("About 60% of the staff · move to · Paris")), "{t:?}");
    let t = all("Only 16% of women earn more than 50,000 pounds.");
    assert!(t.iter().any(|x| x.starts_with("Only 16% of women · earn · more than 50,000 pounds")), "{t:?}");
}

/// A gerund a preposition joins to its noun stays in the argument ("the concept of owning
/// music"); a gerund set off by a comma does not.
#[test]
fn a_noun_keeps_its_prepositional_gerund() {
    let t = all("Critics question whether the concept of owning music is even valid in the digital age.");
    assert!(
        t.iter().any(|x| x.starts_with("the concept of owning music · be valid in · the digital age")),
        "{t:?}"
    );
    let t = all("He has no chance of playing against Barcelona.");
    assert!(t.iter().any(|x| x.starts_with("He · have · no chance of playing against Barcelona")), "{t:?}");
    let t = all("The minister ruled out the possibility of cancelling the contract.");
    assert!(
        t.iter()
            .any(|x| x.starts_with("The minister · rule out · the possibility of cancelling the contract")),
        "{t:?}"
    );
}

/// What a verb of naming calls its object stays with it when quoted ("called the plans
/// \"dangerous\""), to the closing quotation mark.
#[test]
fn a_quoted_object_complement_stays_with_the_object() {
    let t = all("Plaid Cymru's spokesman Dai Lloyd called the announcement \"hugely disappointing\".");
    assert!(
        t.iter().any(|x| x.starts_with(
            "Plaid Cymru's spokesman Dai Lloyd · call · the announcement \"hugely disappointing\""
        )),
        "{t:?}"
    );
    let t = all("He called the film \"pornographic and sensational\".");
    assert!(
        t.iter().any(|x| x.starts_with("He · call · the film \"pornographic and sensational\"")),
        "{t:?}"
    );
}

/// A speaker's description before the name is part of the subject, not what the speaker said
/// ("Committee chairman Edward Leigh said: ..." gave "chairman Edward Leigh · say · Committee").
#[test]
fn a_description_before_a_speaker_is_part_of_the_subject() {
    let t = all("The film's executive producer Robbie Stamp said that the film would open in May.");
    assert!(
        t.iter().any(|x| x.starts_with("The film's executive producer Robbie Stamp · say · that the film")),
        "{t:?}"
    );
    assert!(!t.iter().any(|x| x.contains("say · The film's")), "{t:?}");
    let t = all(
        "\"We are pretty optimistic he is getting there,\" Wales' team physiotherapist Mark Davies said.",
    );
    assert!(!t.iter().any(|x| x.contains("say · Wales' team physiotherapist")), "{t:?}");
}

/// What a finding, a forecast or a view reports is its subject's ("economists calculated
/// that ..."), as reported speech is; inside a quotation it stays the speaker's.
#[test]
fn a_reported_finding_is_attributed() {
    let d = doc("A study by the university found that most viewers watch the show online.");
    let (t, s, _) = find(&d, "watch");
    assert_eq!(s, "most viewers");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("A study by the university"));
    let d = doc("The ministry estimated that the floods had destroyed 5,000 homes.");
    let (t, ..) = find(&d, "destroy");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("The ministry"));
    let d = doc("\"I hope the fans will stay behind the team,\" the manager said.");
    let (t, ..) = find(&d, "stay behind");
    assert_eq!(t.attribution.as_ref().map(|a| d.slice(a.span)), Some("the manager"));
}

/// Each adjunct (time, place, manner) a triple carries is another place to be wrong: in judged
/// news triples, those with none were right far more often. Confidence ranks them below the
/// same triple without.
#[test]
fn triples_with_adjuncts_rank_below_bare_ones() {
    let conf = |text: &str, lemma: &str| find(&doc(text), lemma).0.confidence;
    let bare = conf("The company sold the unit.", "sell");
    let one = conf("The company sold the unit in March.", "sell");
    let two = conf("The company sold the unit in March for a small sum.", "sell");
    assert!(bare > one && one > two, "{bare} {one} {two}");
}

/// A verb coordinated with the infinitive of an adjective ("was able to X and Y", "is likely to
/// X and Y") is as able or as likely as the first: the adjective's group comes first, with its
/// modality, or the second verb reads as done.
#[test]
fn a_verb_coordinated_under_an_adjective_shares_its_group() {
    use dossier::Modality::{Asserted, Possible};
    let d = doc("That night, the soldiers were able to reinforce the hotel and defeat several attacks.");
    let (t, s, o) = find(&d, "be able to defeat");
    assert_eq!((s, o), ("the soldiers", "several attacks"));
    assert_eq!(t.modality, Asserted);
    assert_eq!(
        modality("She is likely to win the seat and lead the party.", "be likely to lead"),
        (Possible, false)
    );
    assert_eq!(
        modality("He was not able to sign the deal or meet the buyers.", "be able to meet"),
        (Asserted, true)
    );
}

/// What opens a sentence before its subject (a time, a place, a prepositional phrase) goes
/// with every verb that shares that subject, and a sentence the parser rooted in that phrase
/// is read from its verb.
#[test]
fn a_fronted_adjunct_goes_with_every_verb_sharing_the_subject() {
    let adjuncts = |text: &str, lemma: &str| -> Vec<String> {
        let d = doc(text);
        let (t, ..) = find(&d, lemma);
        t.adjuncts.iter().map(|a| d.slice(a.span).to_string()).collect()
    };
    assert_eq!(adjuncts("On Monday, the firm cut 200 jobs and closed two plants.", "close"), ["On Monday"]);
    assert_eq!(
        adjuncts("In 1845, the lawyer was chosen chief justice of the court.", "be chosen"),
        ["In 1845"]
    );
    // Not a clause before the comma, nor a relative's "in which".
    let d = doc("For the second leg we have a good referee, and we should talk about the game.");
    assert!(d.triples().iter().all(|t| t.adjuncts.iter().all(|a| !d.slice(a.span).contains("referee"))));
    let d = doc("They faced attacks in which websites are bombarded by requests and rendered useless.");
    let (t, ..) = find(&d, "render");
    assert!(t.adjuncts.iter().all(|a| !d.slice(a.span).contains("which")));
}

/// After the object of a verb of accusing, charging, blaming or praising, a gerund is what
/// the object did (or is said to have done), not the subject: "accused Microsoft of abusing"
/// is no "critics · abuse"; an accusation is not stated as fact.
#[test]
fn the_object_of_an_accusation_does_what_its_gerund_says() {
    use dossier::Modality::{Asserted, Possible};
    let d = doc("Critics accused the minister of hiding the report.");
    let (t, s, o) = find(&d, "hide");
    assert_eq!((s, o), ("the minister", "the report"));
    assert_eq!(t.modality, Possible);
    let (_, s, o) = find(&d, "accuse");
    assert_eq!((s, o), ("Critics", "the minister"));
    let d = doc("The firm blamed the union for causing the delays.");
    let (_, s, _) = find(&d, "cause");
    assert_eq!(s, "the union");
    let d = doc("The court convicted Smith of stealing the car.");
    let (t, s, _) = find(&d, "steal");
    assert_eq!((s, t.modality), ("Smith", Asserted));
    // Not after other verbs: "won the race by running" is the winner's running.
    let d = doc("The coach beat the champion by playing the long game.");
    let (_, s, _) = find(&d, "play");
    assert_eq!(s, "The coach");
    // A finite verb coordinated with the gerund is the accuser's.
    let d = doc("The manager accused the striker of cheating and was fined by the league.");
    let (_, s, _) = find(&d, "fine");
    assert_eq!(s, "the league");
    let (t, ..) = find(&d, "fine");
    assert_eq!(d.slice(t.object.span), "The manager");
}

/// A gerund-participle right after its noun says which thing it is and stays in the argument
/// ("groups challenging the plans"); one set off by a comma, a speaker's "saying", or
/// "following" does not.
#[test]
fn a_participle_after_its_noun_stays_in_the_argument() {
    let d = doc("Groups challenging the plans include three local councils.");
    let (_, s, _) = find(&d, "include");
    assert_eq!(s, "Groups challenging the plans");
    let d = doc("The survey found many people working in the sector.");
    let (_, _, o) = find(&d, "find");
    assert_eq!(o, "many people working in the sector");
    let d = doc("The chairman resigned from the board following the share deal.");
    let (_, _, o) = find(&d, "resign from");
    assert_eq!(o, "the board");
}

/// A passive or a verb of change with nothing after it is completed by the phrase put before
/// its subject ("After the battle, the rebellions were crushed"); not by an idiom ("In
/// addition", "For example"), nor for a verb whose content is elsewhere.
#[test]
fn a_fronted_phrase_completes_a_passive_with_nothing_after_it() {
    let d = doc("After the battle, the rebellions were crushed.");
    let (_, s, o) = find(&d, "be crushed after");
    assert_eq!((s, o), ("the rebellions", "the battle"));
    let d = doc("In December the trade surplus grew.");
    let (_, s, o) = find(&d, "grow in");
    assert_eq!((s, o), ("the trade surplus", "December"));
    for (text, fronted) in [
        ("In addition, the fees were paid.", "addition"),
        ("As a result, I feel tired.", "a result"),
        ("In 2003, he was found guilty.", "2003"),
    ] {
        let d = doc(text);
        assert!(d.triples().iter().all(|t| d.slice(t.object.span) != fronted), "{text}: {:?}", lemmas(&d));
    }
}

/// A name after a preposition keeps its description ("sent to Prime Minister Tony Blair":
/// Tony Blair · be · Prime Minister); the preposition is no part of it.
#[test]
fn a_described_name_after_a_preposition_is_described() {
    for (text, name, description) in [
        ("The letter was sent to Prime Minister Tony Blair.", "Tony Blair", "Prime Minister"),
        ("The prize went to French director Luc Besson.", "Luc Besson", "French director"),
        ("Bond apologized to former US Attorney Todd Graves.", "Todd Graves", "former US Attorney"),
    ] {
        let d = doc(text);
        assert!(
            d.triples().iter().any(|t| t.predicate.lemma == "be"
                && d.slice(t.subject.span) == name
                && d.slice(t.object.span) == description),
            "{text}: {:?}",
            lemmas(&d)
        );
    }
}

/// "is to" before a verb is part of its group: what is planned ("BMW is to recall the cars")
/// and what an aim or a task is ("Their aim is to win the title": the aim wins nothing).
#[test]
fn is_to_stays_in_the_verb_group() {
    let d = doc("Their aim is to win the title.");
    let (_, s, o) = find(&d, "be to win");
    assert_eq!((s, o), ("Their aim", "the title"));
    let d = doc("BMW is to recall all the cars.");
    let (_, s, _) = find(&d, "be to recall");
    assert_eq!(s, "BMW");
    let d = doc("The plan is to be ready by June.");
    assert!(d.triples().iter().any(|t| t.predicate.lemma.starts_with("be to be")), "{:?}", lemmas(&d));
    let d = doc("The three shows are to be replaced by a new programme.");
    let (t, s, o) = find(&d, "be to replace");
    assert_eq!((s, o, t.passive), ("a new programme", "The three shows", true));
}

/// A word quoted inside a phrase stays in it ('part of an "evolving" process'), but not a
/// quotation mark of a quotation that opened before the phrase; and a time is no object of a
/// verb whose clause is its object ("revealed on Sunday that ...").
#[test]
fn a_quoted_word_inside_a_phrase_stays_and_a_time_is_no_second_object() {
    let d = doc("The firm said the plans were part of an \"evolving\" process.");
    assert!(
        d.triples().iter().any(|t| d.slice(t.object.span) == "part of an \"evolving\" process"),
        "{:?}",
        lemmas(&d)
    );
    let d = doc("He called them \"good friends\" of the club.");
    assert!(d.triples().iter().all(|t| !d.slice(t.object.span).starts_with("friends\"")), "{:?}", lemmas(&d));
    let d = doc("The club revealed on Sunday that it had received a proposal.");
    assert!(d.triples().iter().all(|t| d.slice(t.object.span) != "Sunday"), "{:?}", lemmas(&d));
}

#[test]
fn a_subject_does_not_open_with_its_clause_word() {
    // The parser hung the clause's "when" or "where" on the subject's noun.
    for (text, verb) in [
        (
            "Mittal Steel was formed last year when Mr Mittal's LNM Holdings merged with Dutch firm Ispat.",
            "merge",
        ),
        (
            "He will visit the resort of Phuket, where British families are still searching for relatives.",
            "search",
        ),
    ] {
        let t = all(text);
        let x = t.iter().find(|x| x.contains(&format!("· {verb}"))).unwrap_or_else(|| panic!("{t:?}"));
        assert!(!x.starts_with("when") && !x.starts_with("where"), "{t:?}");
    }
}

#[test]
fn coordinated_names_after_a_preposition_are_each_an_object() {
    let t = all("Sharapova battled past Lindsay Davenport and Serena Williams to take the title.");
    assert!(t.iter().any(|x| x.starts_with("Sharapova · battle past · Lindsay Davenport")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("Sharapova · battle past · Serena Williams")), "{t:?}");
    // "Between" takes its names together.
    let t = all("The talks took place between Britain and France.");
    assert!(!t.iter().any(|x| x.ends_with("· France")), "{t:?}");
}

#[test]
fn a_purpose_is_possible_and_an_even_if_clause_conditional() {
    use dossier::Modality::{Asserted, Conditional, Possible};
    assert_eq!(
        modality("Mr Blair will travel to key cities to deliver the party's message.", "deliver").0,
        Possible
    );
    assert_eq!(
        modality("The government needs new factories in order to create new jobs.", "create").0,
        Possible
    );
    // What came next is no purpose.
    assert_eq!(modality("Mr Cunningham went on to become the party's chairman.", "become").0, Asserted);
    // An "even if" clause is a supposition; the clause it grants is not.
    let text = "Owners can play each other even if only one of them owns a copy of the game.";
    assert_eq!(modality(text, "own").0, Conditional);
    assert_eq!(modality(text, "play").0, Asserted);
    // A condition outranks the purpose inside it.
    assert_eq!(
        modality(
            "If Mr Bradshaw is setting his dogs to chase wild animals then he is hunting them.",
            "chase"
        )
        .0,
        Conditional
    );
}

#[test]
fn the_noun_before_for_to_or_called_on_to_does_the_infinitive() {
    for (text, expected) in [
        ("A spokesman for UKIP called on Mr Hockney to quit the London Assembly.", "Mr Hockney · quit"),
        ("This could make it easy for teachers to adapt parts of the game.", "teachers · adapt"),
        ("Investors are waiting for the court to decide the case.", "the court · decide"),
    ] {
        let t = all(text);
        assert!(t.iter().any(|x| x.starts_with(expected)), "{text}: {t:?}");
    }
}

#[test]
fn no_apposition_of_a_day_a_misread_verb_or_a_prepositional_phrase() {
    for text in [
        "The new iPod went on sale Tuesday.",
        "The book is set to be made into a film starring Tom Hanks.",
        "He meets Mariano Puerta, who followed up his win over top seed Carlos Moya by overcoming Felix Mantilla.",
    ] {
        let t = all(text);
        assert!(
            !t.iter().any(|x| x.starts_with("Tuesday ·")
                || x.contains("film starring ·")
                || x.ends_with("starring")),
            "{t:?}"
        );
        assert!(!t.iter().any(|x| x.starts_with("over ")), "{t:?}");
    }
    // A description of a name still is one.
    let t = all("He meets Mariano Puerta, who beat top seed Carlos Moya.");
    assert!(t.contains(&"Carlos Moya · be · top seed".to_string()), "{t:?}");
}

/// "..., which" right after a noun is that noun's relative clause, also where the parser hung it
/// on an adjective or a verb before the noun ("smaller than Allied Domecq, which has ...").
#[test]
fn a_relative_clause_after_a_comma_is_its_noun_s() {
    let d = doc(
        "In terms of sales, Boral is about 5% smaller than Hanson Cement, which has a turnover of 2bn dollars.",
    );
    let (_, s, o) = find(&d, "have");
    assert_eq!((s, o), ("Hanson Cement", "a turnover of 2bn dollars"));
}

/// A verb coordinated with one before it, with no subject or auxiliary of its own, shares that
/// verb's auxiliaries: its voice ("were made ... and broken") and its modal ("should monitor
/// ... and publish"); not a participle with an object of its own ("was fooled and awarded a
/// penalty" is active).
#[test]
fn coordinated_verbs_share_voice_and_modality() {
    let d = doc("The two promises were made in March and broken in May.");
    let (t, s, _) = find(&d, "be broken in");
    assert!(t.passive);
    assert_eq!(s, "The two promises");
    let d = doc("The report said councils should monitor the schemes and publish the figures.");
    let (t, s, o) = find(&d, "publish");
    assert_eq!((s, o), ("councils", "the figures"));
    assert_eq!(t.modality, dossier::Modality::Necessary);
    let d = doc("The referee was fooled and awarded a penalty to Wales.");
    let (t, s, o) = find(&d, "award");
    assert_eq!((s, o), ("The referee", "a penalty to Wales"));
    assert!(!t.passive);
}

/// "'s" before a participle that takes an object or a clause with its own subject is "has":
/// active, no hedge ("he's always said he wants ..."); "it's said that", "he's expected to"
/// stay passives.
#[test]
fn a_contracted_has_before_a_participle_is_active() {
    let d = doc("Mr Hill said: \"He's always put the fans first.\"");
    let (t, s, o) = find(&d, "put");
    assert_eq!((s, o), ("He", "the fans"));
    assert!(!t.passive);
    let d = doc("\"I get on well with the manager - he's always said he wants me to stay.\"");
    let (t, ..) = find(&d, "want");
    assert_eq!(t.modality, dossier::Modality::Asserted);
}

/// A person named after a possessive heads the phrase: the subject is the person, linked to
/// them, not the club or country before the "'s".
#[test]
fn the_person_after_a_possessive_is_the_subject() {
    for (text, lemma, person) in [
        ("Celtic's Neil Lennon admits Rangers are favourites.", "admit", "Neil Lennon"),
        ("Chelsea's Frank Lampard scored twice against Arsenal.", "score against", "Frank Lampard"),
    ] {
        let d = doc(text);
        let (t, s, _) = find(&d, lemma);
        assert!(s.ends_with(person), "{text:?}: {:?}", lemmas(&d));
        let e = t.subject.entity.and_then(|id| d.entities().iter().find(|e| e.id == id));
        assert_eq!(e.map(|e| e.name.as_str()), Some(person), "{text:?}");
    }
}

/// No "be" triple from a headline's label before a colon ("Profile: David Blunkett"), nor from
/// the subject of the clause after a comma that the parser took for an apposition ("... by the
/// legal system, MPs have said"); a name and its post before "said" stay one.
#[test]
fn labels_and_clause_subjects_are_no_appositions() {
    let t = all("Obituary: Dame Alicia Markova");
    assert!(!t.iter().any(|x| x.contains(" · be · ")), "{t:?}");
    let t = all("Divorced parents are often disadvantaged by the legal system, MPs have said.");
    assert!(!t.iter().any(|x| x.contains("MPs · be") || x.contains("· be · MPs")), "{t:?}");
    let t = all("Howard Archer, economist at Global Insight said the bank may well raise rates.");
    assert!(t.contains(&"Howard Archer · be · economist at Global Insight".to_string()), "{t:?}");
}

/// A line-up's bare surnames, comma after comma, are a list, not appositions ("Mawson,
/// Travis, Mkandawire, James"); a place in its region still gives "be in".
#[test]
fn a_line_up_of_surnames_is_no_apposition() {
    let t = all("Mawson, Travis, Mkandawire, James, Robinson, Stanley, Hyde.");
    assert!(!t.iter().any(|x| x.contains(" · be · ")), "{t:?}");
    let t = all("He grew up in Paris, Texas.");
    assert!(t.iter().any(|x| x.contains("Paris · be in · Texas")), "{t:?}");
}

/// A place's institution is in it ("Japan's Finance Ministry"), but a description by rank
/// places nothing ("the Netherlands' largest bank", "the UK's highest court").
#[test]
fn a_ranked_description_is_not_placed() {
    let t = all("ABN Amro, the Netherlands' largest bank, cut 2,000 jobs.");
    assert!(!t.iter().any(|x| x.contains("largest bank · be in")), "{t:?}");
    let t = all("Officials at Japan's Finance Ministry said the yen was too strong.");
    assert!(t.iter().any(|x| x.contains("Finance Ministry · be in · Japan")), "{t:?}");
}

/// What a denied degree did not reach is negated, not a purpose: "not big enough to trouble",
/// "but not enough to make up the difference"; "It is not enough for X to V" says nothing of
/// whether X does.
#[test]
fn not_enough_to_denies_the_infinitive() {
    use dossier::Modality::Asserted;
    assert_eq!(
        modality("New business has been attracted, but not enough to make up the difference.", "make up"),
        (Asserted, true)
    );
    let d = doc("It is not enough for the military to investigate behind closed doors.");
    assert!(
        d.triples().iter().all(|t| !(t.negated && t.predicate.lemma.starts_with("investigate"))),
        "{:?}",
        lemmas(&d)
    );
}

/// Who is to do what a plan or a bid is for is the plan's owner, named before it, not the
/// subject of the clause that mentions the plan; and it is only meant, not done: "The
/// minister criticised the bank's attempt to buy the insurer" gives "the bank · buy · the
/// insurer", possible. A possessive pronoun leaves the clause's subject ("launched his
/// campaign to win votes").
#[test]
fn a_plans_owner_is_who_is_to_do_it() {
    use dossier::Modality::Possible;
    let d = doc("The minister criticised the bank's attempt to buy the insurer.");
    let (t, s, o) = find(&d, "buy");
    assert_eq!((s, o, t.modality), ("the bank", "the insurer", Possible), "{:?}", lemmas(&d));
    let d = doc("The opposition leader pointed to Labour plans to raise the pension.");
    let (t, s, _) = find(&d, "raise");
    assert_eq!((s, t.modality), ("Labour", Possible), "{:?}", lemmas(&d));
    let d = doc("Mr Kennedy launched his campaign to win votes in the north.");
    assert_eq!(find(&d, "win").1, "Mr Kennedy", "{:?}", lemmas(&d));
}
