//! Roles from the common title constructions of news, on sentences written for these tests:
//! who holds which post, in which organisation, and what is not a post at all (forms of address).

use crate::extract;

/// The roles of a text as (person, title, organisation), by the entities' canonical names, each
/// mentioned part as written when its entity has no name.
fn roles(text: &str) -> Vec<(String, String, String)> {
    let ex = dossier::Extractor::new();
    let doc = extract(&ex, text);
    let name = |id: Option<dossier::EntityId>| {
        id.and_then(|i| doc.entity(i)).map_or(String::new(), |e| e.name.clone())
    };
    doc.roles().iter().map(|r| (name(r.person), name(r.title), name(r.org))).collect()
}

/// Asserts that `text` gives a role of `person` as `title` (case-insensitive), in an organisation
/// whose name contains `org` ("" for none).
#[track_caller]
fn has_role(text: &str, person: &str, title: &str, org: &str) {
    let got = roles(text);
    let ok = got.iter().any(|(p, t, o)| {
        p == person
            && t.eq_ignore_ascii_case(title)
            && if org.is_empty() { o.is_empty() } else { o.contains(org) }
    });
    assert!(ok, "{text:?}: wanted ({person}, {title}, {org:?}), got {got:?}");
}

#[test]
fn the_organisation_before_the_title() {
    has_role(
        "UKIP spokesman Mark Croucher said the party would appeal.",
        "Mark Croucher",
        "spokesman",
        "Independence",
    );
    has_role(
        "Yukos spokesman Alexander Shadrin declined to comment.",
        "Alexander Shadrin",
        "spokesman",
        "Yukos",
    );
    has_role(
        "CIA Director Leon Panetta flew to Islamabad.",
        "Leon Panetta",
        "director",
        "Central Intelligence",
    );
    has_role("A Conservative MP, Tim Yeo, criticised the decision.", "Tim Yeo", "MP", "Conservative");
}

#[test]
fn the_organisation_through_its_possessive_and_a_portfolio() {
    has_role(
        "Labour's health spokesman John Smith attacked the plan.",
        "John Smith",
        "health spokesman",
        "Labour",
    );
    has_role(
        "The Conservatives' home affairs spokesman David Davis attacked the bill.",
        "David Davis",
        "home affairs spokesman",
        "Conservative",
    );
    has_role(
        "Amnesty International's director Kate Allen said the report was damning.",
        "Kate Allen",
        "director",
        "Amnesty",
    );
}

#[test]
fn appositions_in_both_orders() {
    has_role(
        "Kate Allen, director of Amnesty International, said the report was damning.",
        "Kate Allen",
        "director",
        "Amnesty",
    );
    has_role(
        "The director of Amnesty International, Kate Allen, said the report was damning.",
        "Kate Allen",
        "director",
        "Amnesty",
    );
    has_role(
        "Raymond Davis, a CIA contractor, shot two men in Lahore.",
        "Raymond Davis",
        "contractor",
        "Central Intelligence",
    );
    has_role(
        "Michael Howard, who is the Conservative Party's leader, spoke in Bristol.",
        "Michael Howard",
        "leader",
        "Conservative",
    );
}

#[test]
fn the_organisation_after_the_title() {
    has_role(
        "Dr Carl Gavin, managing director of Microsoft, said the game worked.",
        "Carl Gavin",
        "managing director",
        "Microsoft",
    );
    has_role(
        "Jane Smith, a researcher at Amnesty International, wrote the report.",
        "Jane Smith",
        "researcher",
        "Amnesty",
    );
    has_role(
        "Adm. Mike Mullen, the Chairman of the Joint Chiefs of Staff, met him.",
        "Mike Mullen",
        "chairman",
        "Joint Chiefs",
    );
}

#[test]
fn titles_of_sport_business_and_parliament() {
    has_role(
        "They were indicted along with personal trainer Greg Anderson.",
        "Greg Anderson",
        "personal trainer",
        "",
    );
    has_role("He worked with athletics coach Remy Korchemny for years.", "Remy Korchemny", "coach", "");
    has_role("It came after the departure of MEP Robert Kilroy-Silk.", "Robert Kilroy-Silk", "MEP", "");
    has_role("Statements were taken from founder Victor Conte on Monday.", "Victor Conte", "founder", "");
}

#[test]
fn a_title_after_a_form_of_address_still_finds_its_person() {
    has_role("Club manager Sir Alex Ferguson backed the supporters' group.", "Alex Ferguson", "manager", "");
}

#[test]
fn forms_of_address_are_not_roles() {
    for text in [
        "Mr Blair met Sir Menzies Campbell on Monday.",
        "Dame Judi Dench opened the theatre.",
        "Mrs Thatcher and Ms Harman never met.",
        "Dr Carl Gavin said the game worked.",
        "Miss Marple was not amused, said Mr Smith.",
    ] {
        let got = roles(text);
        assert!(
            got.iter().all(|(_, t, _)| !["mr", "mrs", "ms", "miss", "sir", "dame", "dr"]
                .contains(&t.to_lowercase().as_str())),
            "{text:?}: a form of address became a role: {got:?}"
        );
    }
}

#[test]
fn a_branch_named_by_its_place_belongs_to_its_organisation() {
    has_role(
        "Peter Nielson, who is UKIP Scotland chairman, suspended him.",
        "Peter Nielson",
        "chairman",
        "Independence",
    );
}

#[test]
fn qualifiers_and_portfolios_stay_in_the_title() {
    has_role("Former President Bill Clinton visited Dublin.", "Bill Clinton", "former president", "");
    has_role(
        "Shadow home secretary David Davis attacked the bill.",
        "David Davis",
        "shadow home secretary",
        "",
    );
    has_role("The acting president, Joseph Kabila, spoke on radio.", "Joseph Kabila", "acting president", "");
    has_role(
        "Labour's former health spokesman John Smith resigned.",
        "John Smith",
        "former health spokesman",
        "Labour",
    );
    has_role(
        "The Liberal Democrats' foreign affairs spokesman Menzies Campbell agreed.",
        "Menzies Campbell",
        "foreign affairs spokesman",
        "Liberal Democrat",
    );
    has_role("Deputy director general Ahmed Shuja met them.", "Ahmed Shuja", "deputy director general", "");
    // "Deputy" is a post of its own, and also the qualifier of the title after it: one role.
    let text = "The figure was revised, according to Bank of England deputy governor Rachel Lomax.";
    has_role(text, "Rachel Lomax", "deputy governor", "Bank of England");
    let got = roles(text);
    assert_eq!(got.len(), 1, "{got:?}");
    has_role("The deputy health minister Jane Doe resigned.", "Jane Doe", "deputy health minister", "");
    // "ex-" is "former", on the title's own word or on the word before it.
    has_role("Ex-Home Secretary David Blunkett spoke.", "David Blunkett", "former home secretary", "");
    has_role("Ex-foreign secretary Robin Cook spoke.", "Robin Cook", "former foreign secretary", "");
    has_role("The ex-Cabinet minister Helen Liddell spoke.", "Helen Liddell", "former cabinet minister", "");
    // A former post is not the post: the two are different titles.
    let got = roles("Prime Minister Tony Blair and former prime minister John Major met.");
    assert!(got.contains(&("Tony Blair".into(), "Prime Minister".into(), String::new())), "{got:?}");
    assert!(got.contains(&("John Major".into(), "Former Prime Minister".into(), String::new())), "{got:?}");
}

#[test]
fn more_constructions_of_news() {
    has_role(
        "Pakistan's foreign secretary Salman Bashir met the envoy.",
        "Salman Bashir",
        "foreign secretary",
        "Pakistan",
    );
    has_role("Yukos chief executive Steven Theede left Russia.", "Steven Theede", "chief executive", "Yukos");
    has_role(
        "Bernard Ebbers, WorldCom's former chief executive, was convicted.",
        "Bernard Ebbers",
        "former chief executive",
        "WorldCom",
    );
    has_role("Microsoft chairman Bill Gates unveiled the console.", "Bill Gates", "chairman", "Microsoft");
    has_role("The company's chief executive, John Smith, resigned.", "John Smith", "chief executive", "");
    has_role(
        "Liberal Democrat leader Charles Kennedy campaigned in Leeds.",
        "Charles Kennedy",
        "leader",
        "Liberal Democrat",
    );
    has_role("England head coach Andy Robinson named his squad.", "Andy Robinson", "head coach", "England");
    has_role(
        "Interior minister Aftab Sherpao said the border was closed.",
        "Aftab Sherpao",
        "interior minister",
        "",
    );
    has_role("Google co-founder Larry Page spoke at the conference.", "Larry Page", "co-founder", "Google");
    has_role("BBC economist Evan Davis explained the figures.", "Evan Davis", "economist", "BBC");
}

#[test]
fn no_role_that_says_less_than_the_text() {
    // A peer's form of address is not a post.
    for text in ["Lord Kinnock attacked the plan.", "Baroness Amos spoke for the government."] {
        let got = roles(text);
        assert!(
            got.iter().all(|(_, t, _)| !["lord", "baroness"].contains(&t.to_lowercase().as_str())),
            "{text:?}: {got:?}"
        );
    }
    // "Former Labour leader": the post is a former one; "Leader" of Labour would say he leads it.
    for text in
        ["Former Labour leader Neil Kinnock spoke in Cardiff.", "The ex-Labour leader agreed with him."]
    {
        let got = roles(text);
        assert!(got.iter().all(|(_, t, _)| t != "Leader"), "{text:?}: {got:?}");
    }
}

/// A title that could be an ordinary noun ("analyst", "researcher") is one in apposition to a
/// name or before "at"/"of" and a name no list knows; not before a day ("leading lady at
/// Sunday's awards") nor "for" a person ("best director for Alexander Payne").
#[test]
fn weak_titles_in_appositions() {
    has_role(
        "\"Sales will rise,\" said Ben Williamson, a researcher at Futurelab Institute.",
        "Ben Williamson",
        "Researcher",
        "Futurelab",
    );
    let r = roles("Paul Richards, an analyst at Numbury Securities, said the market would recover.");
    assert!(r.iter().any(|(p, t, _)| p == "Paul Richards" && t == "Analyst"), "{r:?}");
    let r = roles("The film won best director for Alexander Payne and leading lady at Sunday's awards.");
    assert!(r.iter().all(|(_, t, _)| t != "Director" && t != "Lady"), "{r:?}");
}

#[test]
fn the_organisation_after_the_name() {
    has_role(
        "Professor Angela MacFarlane, based at Bristol University, has studied games for years.",
        "Angela MacFarlane",
        "Professor",
        "Bristol University",
    );
    has_role(
        "\"Fares will fall,\" said analyst Ray Neidl at Calyon Securities.",
        "Ray Neidl",
        "analyst",
        "Calyon",
    );
    has_role(
        "Health analyst Tony Beddow, from the Welsh Institute for Health, called the targets impressive.",
        "Tony Beddow",
        "Health analyst",
        "Welsh Institute",
    );
    // An organisation's possession after the name is not where the person works.
    let got = roles("The unions met Deputy Prime Minister John Prescott at Labour's spring conference.");
    assert!(!got.iter().any(|(p, _, o)| p == "John Prescott" && o.contains("Labour")), "{got:?}");
}

/// A word the title lists hold that is a word of a name here is no title and gives no role:
/// after a form of address ("Mr Dean"), after a given name ("James Dean Bradfield"), a common first
/// name before a surname ("Don Cheadle", "Sir Bobby Robson"), or before an organisation's or
/// place's head word ("Regent Street", "Censor Board"). A title before a name, or after a
/// party's name, still is one.
#[test]
fn a_title_word_inside_a_name_is_no_title() {
    let titles = |text: &str| -> Vec<String> {
        let ex = dossier::Extractor::new();
        let doc = extract(&ex, text);
        doc.entities().iter().filter(|e| e.label == dossier::Label::Title).map(|e| e.name.clone()).collect()
    };
    for text in [
        "The chief engineer, Mr Dean, said the discs would last.",
        "Guitarist James Dean Bradfield will appear on the show.",
        "The lawyer Ms Khan said the ruling was wrong.",
        "The film's star Don Cheadle received a standing ovation.",
        "He played under Sir Bobby Robson at the club.",
        "Shops in Regent Street reported busy trading.",
        "The film was cleared by the Censor Board last week.",
    ] {
        let got = titles(text);
        assert!(
            got.iter().all(|t| !["Dean", "Khan", "Don", "Bobby", "Regent", "Censor"].contains(&t.as_str())),
            "{text:?}: {got:?}"
        );
        assert!(
            roles(text)
                .iter()
                .all(|(_, t, _)| !["Dean", "Khan", "Don", "Bobby", "Regent", "Censor"].contains(&t.as_str())),
            "{text:?}: {:?}",
            roles(text)
        );
    }
    has_role("Manager Brian Kerr was keen to praise the players.", "Brian Kerr", "manager", "");
    has_role("Flanker Colin Charvis is unlikely to play.", "Colin Charvis", "flanker", "");
}
