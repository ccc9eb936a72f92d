//! References on sentences written for these tests: pronouns, descriptions and first persons in
//! quotations linked to the entity they stand for, and the ones that must stay unlinked.

use crate::extract;

/// The entity (by name) that the `nth` (from 0) whole-word occurrence of `word` in `text` is a
/// reference mention of, if any.
fn linked(text: &str, word: &str, nth: usize) -> Option<String> {
    let ex = dossier::Extractor::new();
    let doc = extract(&ex, text);
    let start = doc.tokens().iter().filter(|t| t.text() == word).nth(nth).map(|t| t.span().start)?;
    doc.entities()
        .iter()
        .find(|e| {
            e.mentions.iter().any(|m| {
                m.source.starts_with("rule:reference:") && m.span.end > start && m.span.start <= start
            })
        })
        .map(|e| e.name.clone())
}

#[track_caller]
fn links(text: &str, word: &str, nth: usize, name: &str) {
    let got = linked(text, word, nth);
    assert!(
        got.as_deref().is_some_and(|g| g.contains(name)),
        "{text:?}: {word:?} #{nth} should be {name}, got {got:?}"
    );
}

#[track_caller]
fn unlinked(text: &str, word: &str, nth: usize) {
    let got = linked(text, word, nth);
    assert!(got.is_none(), "{text:?}: {word:?} #{nth} should stay unlinked, got {got:?}");
}

#[test]
fn he_and_she_are_the_person_of_their_sex_nearby() {
    links("Leon Panetta flew to Islamabad. He met the army chief.", "He", 0, "Panetta");
    links("Kate Allen wrote the report. She said it was damning.", "She", 0, "Kate Allen");
    links("Mr Lebedev denied the charges. He said he could not understand them.", "He", 0, "Lebedev");
    links("Mr Lebedev denied the charges. He said he could not understand them.", "he", 0, "Lebedev");
    links("John Smith resigned on Monday after his party lost.", "his", 0, "John Smith");
    links("Mary Jones met Tony Blair. She told him nothing.", "She", 0, "Mary Jones");
    links("Mary Jones met Tony Blair. She told him nothing.", "him", 0, "Tony Blair");
    links("Tony Blair met Mary Jones. He told her nothing.", "her", 0, "Mary Jones");
    links("Chelsea sacked Adrian Mutu after he failed a drugs test.", "he", 0, "Mutu");
    links("Mrs Thatcher arrived late. She apologised.", "She", 0, "Thatcher");
}

#[test]
fn reported_speech_names_its_speaker() {
    links("Tony Blair said he would fight a third term.", "he", 0, "Tony Blair");
    links("Gordon Brown told MPs that he had no plans to raise taxes.", "he", 0, "Gordon Brown");
    links("Yukos said it would appeal against the ruling.", "it", 0, "Yukos");
    links("Microsoft said it had fixed the flaw.", "it", 0, "Microsoft");
}

/// "Mr Raynsford said he ...": the parser makes the form of address the verb's subject; the
/// speaker is still the person the name after it names, though two other men are about.
#[test]
fn reported_speech_after_a_form_of_address_names_its_speaker() {
    let text = "Gordon Brown met Nick Raynsford and John Prescott on Monday. Mr Raynsford said he had held frank talks with ministers.";
    links(text, "he", 0, "Nick Raynsford");
    let text = "Tony Blair and David McLetchie spoke. Mr McLetchie said he has taken advice from officials.";
    links(text, "he", 0, "David McLetchie");
}

/// A pronoun subject of a clause that hangs on another ("as he lost", "hinted she will") is
/// that clause's subject, named before it, though another person of that sex is about.
#[test]
fn a_subordinate_clause_pronoun_is_its_main_clause_subject() {
    links(
        "Andy Roddick and Rafael Nadal met in Madrid. Nadal looked tired as he lost the first set.",
        "he",
        0,
        "Rafael Nadal",
    );
    links(
        "Paula Radcliffe praised Jolanda Ceplak. Ceplak has hinted she will not run this year.",
        "she",
        0,
        "Jolanda Ceplak",
    );
    links(
        "Tony Blair criticised Michael Howard. Mr Howard was angry when he heard the speech.",
        "he",
        0,
        "Michael Howard",
    );
    // Through a clause without a subject of its own: "needs to review ... after he kicked".
    links(
        "Coach Mike Ruddock says lock Danny Grewcock needs to review his actions after he kicked Dwayne Peel.",
        "he",
        0,
        "Danny Grewcock",
    );
}

#[test]
fn it_and_they_for_the_one_organisation() {
    links("Yukos has filed for bankruptcy. Its chief executive fled.", "Its", 0, "Yukos");
    links("Microsoft released a patch. It fixes twelve flaws.", "It", 0, "Microsoft");
    links("Labour has broken its promise on immigration.", "its", 0, "Labour");
    links("Labour have changed the policy. They said it was time.", "They", 0, "Labour");
}

#[test]
fn descriptions_fit_their_organisation() {
    links(
        "The Central Intelligence Agency declined to comment. The agency said its officers were safe.",
        "agency",
        0,
        "Central Intelligence Agency",
    );
    links(
        "Christopher Wray spoke for the Federal Bureau of Investigation. Wray said the bureau would not disclose names.",
        "bureau",
        0,
        "Federal Bureau of Investigation",
    );
}

#[test]
fn first_persons_in_quotations_are_their_speaker() {
    links("\"I am quite confident,\" said Claxton.", "I", 0, "Claxton");
    links("\"We will appeal,\" Yukos said.", "We", 0, "Yukos");
    links("Kate Allen said: \"I am appalled.\"", "I", 0, "Kate Allen");
    links("\"I did not see it coming,\" said Dr Carl Gavin, the managing director.", "I", 0, "Carl Gavin");
    links("Dominik Hrbaty was delighted. \"I would like to thank my team,\" he said.", "my", 0, "Hrbaty");
    links(
        "\"I am quite confident,\" said Claxton.\n\n\"But I take each race as it comes.\"",
        "I",
        1,
        "Claxton",
    );
}

/// "We" spoken by someone the text places in an organisation is the organisation; "I" stays
/// the speaker; a person's "we" with no organisation known is left unlinked.
#[test]
fn we_of_a_speaker_with_a_post_is_their_organisation() {
    let after = "\"We did not see anyone else doing it, and I was surprised,\" said Dr Carl Gavin, \
                 chief executive of Ryanair.";
    links(after, "We", 0, "Ryanair");
    links(after, "I", 0, "Carl Gavin");
    let before = "Yukos chief executive Steven Theede said: \"It gives us a kind of life after death.\"";
    links(before, "us", 0, "Yukos");
    links(
        "\"Our industry is in crisis,\" said Ulrich Schulte-Strathaus, secretary general of the \
         Association of European Airlines.",
        "Our",
        0,
        "Association of European Airlines",
    );
    // The speaker's post given earlier in the text.
    links(
        "Amnesty International director Kate Allen visited the camp on Monday. The camp holds more \
         than four thousand people who fled the fighting in the north last year.\n\n\"We are \
         appalled by what we saw,\" said Ms Allen.",
        "We",
        0,
        "Amnesty International",
    );
    // A speaker named only by a post in an organisation: "we" is the organisation, "I" no one
    // named.
    let spokesman = "A spokesman for Ryanair said: \"We have cancelled the flights and I regret it.\"";
    links(spokesman, "We", 0, "Ryanair");
    unlinked(spokesman, "I", 0);
    links(
        "\"We will not comment,\" an official at the European Commission said.",
        "We",
        0,
        "European Commission",
    );
    // The organisation's name or possessive before the post.
    links("\"We expect to resist the charges,\" said a Vodafone spokesman.", "We", 0, "Vodafone");
    links(
        "A Ryanair spokeswoman said: \"We have cancelled the flights and I regret it.\"",
        "We",
        0,
        "Ryanair",
    );
    // A hearer named before "website" is not the speaker's organisation.
    unlinked(
        "\"We are working on devices,\" Jonas Guest, vice president for entertainment at Nokia, \
         told the BBC News website.",
        "We",
        0,
    );
    // No organisation known: "we" is some group the speaker is part of, never the speaker.
    unlinked("\"We will fight on,\" said John Smith.", "We", 0);
    links("\"I will fight on,\" said John Smith.", "I", 0, "John Smith");
}

/// A coach's or a player's "we" is their side, named by a club or by a country before the post
/// or the position ("Wales coach", "Chelsea striker"); a past post names no side, and a place
/// before another kind of post is not the speaker's group.
#[test]
fn we_of_a_coach_or_player_is_their_side() {
    links(
        "Wales coach Mike Ruddock was pleased. \"We created more chances,\" said Ruddock.",
        "We",
        0,
        "Wales",
    );
    links("Chelsea striker Didier Drogba said: \"We have had a good year.\"", "We", 0, "Chelsea");
    links(
        "Electoral Commission boss Sam Younger said: \"We know that young people are bored.\"",
        "We",
        0,
        "Electoral Commission",
    );
    unlinked("Former England captain Lawrence Dallaglio said: \"We played well on Sunday.\"", "We", 0);
    unlinked("London Mayor Ken Livingstone said: \"We will build more homes.\"", "We", 0);
}

/// A quotation with no attribution that opens a paragraph right after a sentence in which a
/// person says or thinks something is that person's; not after a sentence that only tells of
/// someone, nor after a sentence that is itself a quotation.
#[test]
fn a_quotation_after_a_paraphrase_is_the_paraphrased_persons() {
    let text = "Arsene Wenger insists he still trusts the young keeper.\n\n\"If you look at my record, \
                you will see that I have been patient with players.\"";
    links(text, "I", 0, "Arsene Wenger");
    links(text, "my", 0, "Arsene Wenger");
    let believes = "Maurice Greene believes he lost the race in the semi-final.\n\n\"I should have won \
                    the race but I was saving energy.\"";
    links(believes, "I", 0, "Maurice Greene");
    unlinked("Arsene Wenger arrived in London on Monday.\n\n\"I have been patient with players.\"", "I", 0);
    // The quotation must open its sentence.
    unlinked("Arsene Wenger insists he trusts the keeper. Fans say \"I want a change.\"", "I", 0);
}

#[test]
fn what_must_stay_unlinked() {
    // The speaker of reported speech is an unnamed person: "he" is that person.
    unlinked(
        "Reports say Tony Blair will call an early election. A spokesman said he had no idea where the reports came from.",
        "he",
        0,
    );
    // Inside a quotation whose speaker is a pronoun, "he" is someone the speaker speaks of.
    let quoted =
        "John Adams runs the betting shop. \"She told us she knew he had been to a casting,\" he said.";
    unlinked(quoted, "he", 0);
    links(quoted, "he", 1, "John Adams");
    // Pleonastic "it".
    unlinked("Yukos filed for bankruptcy. It is unlikely that the court will agree.", "It", 0);
    unlinked("Yukos filed for bankruptcy. It was raining in Moscow.", "It", 0);
    unlinked("Microsoft released a patch. It seems the flaw was old.", "It", 0);
    // Two men: the subject of neither sentence is settled for "him".
    unlinked("Tony Blair met Gordon Brown and Jack Straw. The talks helped him.", "him", 0);
    // The sex does not fit the one person named.
    unlinked("John Smith arrived. She was late.", "She", 0);
    // No person before it at all.
    unlinked("The meeting ended. He left early.", "He", 0);
    // Too far back: a person named three sentences before.
    unlinked(
        "John Smith arrived. The rain stopped. The sun came out. The crowd cheered. He smiled.",
        "He",
        0,
    );
    // People between the organisation and "they".
    unlinked("Chelsea sacked Adrian Mutu. The fans were angry and they protested.", "they", 0);
    // A quotation with no attribution and no quotation before it.
    unlinked("\"I am quite confident.\" The race starts on Monday.", "I", 0);
    // "the company" with no company about.
    unlinked("Tony Blair visited Leeds. The company was closed.", "company", 0);
    // Two organisations as subjects: "it" is not settled.
    unlinked("Yukos and Gazprom met in Moscow. It wants damages.", "It", 0);
}

#[test]
fn more_links_and_more_that_stay_unlinked() {
    links("Kate Allen said her group would appeal.", "her", 0, "Kate Allen");
    links("Gordon Brown rose to speak. He said the economy was strong.", "He", 0, "Gordon Brown");
    links("Tony Blair met Gordon Brown on Monday. He said the talks went well.", "He", 0, "Tony Blair");
    // The speaker of a quotation is not the "he" inside it.
    unlinked("\"He is a great player,\" said John Smith.", "He", 0);
    // An unnamed speaker: the first person stays unlinked, not given to an organisation nearby.
    unlinked("Yukos filed for bankruptcy. \"We are delighted,\" said a spokesman for the court.", "We", 0);
    // A later subject in the sentence could be either man.
    unlinked("Tony Blair met Gordon Brown, and the talks ended when he left.", "he", 0);
}

/// Further back than the sentence before: the one person of that sex named in the three
/// sentences before, when nobody else is spoken of since (an unnamed "spokesman", a title, a
/// name not recognised) and the pronoun is not in a quotation.
#[test]
fn he_further_back_when_nobody_else_is_about() {
    let base = "Chris Stening, the firm's general manager, said the network was ready. The service \
                costs less than a DVD rental. Prices fell sharply in the spring.";
    links(&format!("{base} He said the launch went well."), "He", 0, "Chris Stening");
    unlinked(&format!("{base} A spokesman was cautious. He said the launch went well."), "He", 0);
    unlinked(&format!("{base} The minister was cautious. He said the launch went well."), "He", 0);
    unlinked(&format!("{base} \"He said the launch went well,\" a source added."), "He", 0);
    // Two men: the nearest is no surer than the other.
    unlinked(
        "Chris Stening met Tom Hardwick. The service costs less than a DVD rental. Prices fell \
         sharply in the spring. He said the launch went well.",
        "He",
        0,
    );
    // Four sentences back is too far.
    unlinked(&format!("{base} Sales rose. He said the launch went well."), "He", 0);
}

/// A post is an organisation's: "its vice-president" and "club manager" before a title name the
/// organisation just spoken of, and the role takes it.
#[test]
fn its_and_descriptions_before_a_title() {
    let text = "Agents raided Balco founder Victor Conte. The judge questioned the company's founder \
                Victor Conte and its vice-president James Valente.";
    links(text, "its", 0, "Balco");
    links(
        "Manchester United rejected the offer. The club manager Sir Alex Ferguson backed the fans.",
        "club",
        0,
        "Manchester United",
    );
    // A post needs an organisation: with none about, "its" before a title stays unlinked.
    unlinked("The judge questioned its vice-president James Valente.", "its", 0);
}

/// "the judge", "the chancellor": the one person the text has given that title.
#[test]
fn a_title_as_a_description_is_who_holds_it() {
    links(
        "Texas Judge Letitia Clark ruled on Monday. In her ruling, the judge criticised the government.",
        "judge",
        0,
        "Letitia Clark",
    );
    links(
        "Gordon Brown, the chancellor, spoke first. Later the chancellor said taxes would not rise.",
        "chancellor",
        1,
        "Gordon Brown",
    );
    // Two holders, a longer title, a title before a name: no link.
    unlinked("Judge Ann Reid and Judge Mary Cole heard the case. The judge said it was closed.", "judge", 0);
    unlinked("Deputy Prime Minister John Prescott spoke. The prime minister was abroad.", "prime", 0);
    unlinked("Judge Ann Reid heard the case. Then the judge Mary Cole spoke.", "judge", 0);
}

#[test]
fn a_subject_before_the_pronoun_in_its_clause_is_who_it_is() {
    // A team or a place between them does not make it ambiguous.
    links("Lee Bowyer put Newcastle ahead when he fed Stephen Carr on the right.", "he", 0, "Lee Bowyer");
    // Two men in the window, one of them the subject of the pronoun's own sentence.
    let text = "Kostas Kenteris' lawyer has called for the charges to be dropped. \
                Gregory Ioannidis has submitted evidence to a tribunal which he claims proves the case.";
    links(text, "he", 0, "Gregory Ioannidis");
    // Not a "she" for someone whose name says no sex: the woman may be one no name gives.
    let text = "Ravi Anand said Noor was being sent back to Oslo, from which she holds a passport.";
    unlinked(text, "she", 0);
}

#[test]
fn an_object_pronoun_is_not_its_own_verbs_subject() {
    let text = "Ryan Giggs had thought of retiring. The winger said how manager Sir Alex Ferguson talked him \
                into staying.";
    assert_ne!(linked(text, "him", 0).as_deref(), Some("Alex Ferguson"));
    links(text, "him", 0, "Giggs");
}

#[test]
fn reported_speech_settles_a_persons_sex() {
    // "he" said of Dale Ramsey settles that he is a man: a later "she" is someone else.
    let text = "Singer Dale Ramsey claimed he had never met the accuser. \
                The accuser waited two years because she was negotiating.";
    unlinked(text, "she", 0);
}

#[test]
fn the_first_person_of_a_quotation_after_other_attributions() {
    // A form of address the parser takes for the subject.
    let text = "Mr Peston told BBC News: \"My view is that they are not close. \"I think it shows.\"";
    links(text, "I", 0, "Peston");
    // Verbs of saying beyond "say".
    links("\"I caught his eye before that,\" Neil Healey recalled.", "I", 0, "Neil Healey");
    links("\"I'll sell to anyone if I have to!\" Tom Tansley joked.", "I", 0, "Tom Tansley");
    // A name and a colon.
    links(
        "After the game, coach Kevin Keegan: \"I thought we were the better side.\"",
        "I",
        0,
        "Kevin Keegan",
    );
}

/// The speaker named in the attribution's subject however the parse hangs it: behind a
/// relative clause or a title in apposition, before or after the verb; the subject of any
/// clause that ends in a colon; the subject of reported speech that a quotation sits inside.
/// Not a name after a preposition or in another clause, and a quotation inside someone's
/// reported speech is theirs, not the last speaker's.
#[test]
fn the_speaker_is_found_through_the_attributions_subject() {
    links(
        "Hollywood's honorary mayor, Johnny Grant, said: \"I do hereby proclaim this Godzilla Day.\"",
        "I",
        0,
        "Johnny Grant",
    );
    links(
        "Mr Pound, who is now married with two teenage children, said: \"I was a sailor but I wasn't dead.\"",
        "I",
        0,
        "Pound",
    );
    links(
        "Duncan Bell, who featured in the side which beat France 30-20 ten days ago, added: \"I recognise that I got \
         into the squad because of injuries.\"",
        "I",
        0,
        "Bell",
    );
    links(
        "Andy Roddick won easily. Joachim Johansson was more restrained in his assessment: \"I have to improve \
         my serve.\"",
        "I",
        0,
        "Johansson",
    );
    links(
        "Charles Kennedy said he had voted for the limit before but medical advances mean \"I don't know what \
         I would do now\".",
        "I",
        0,
        "Kennedy",
    );
    // The previous speaker's words stop where someone else's reported speech begins.
    let text = "\"It was a difficult decision,\" said Tony Blair. Charles Kennedy said he had voted for the \
                limit before but medical advances mean \"I don't know what I would do now\".";
    links(text, "I", 0, "Kennedy");
    // Not the man the spokesman speaks for, nor the man the sentence is about.
    unlinked("A spokesman for Mr Blair said: \"I will not comment.\"", "I", 0);
    unlinked("Speaking after meeting Mr Smith, an official said: \"I think the talks went well.\"", "I", 0);
}

/// A speaker's post read by the roles stage in constructions the attribution does not spell
/// out ("Jurgen Schrempp, DaimlerChrysler's chairman"; "Urs Holzle, Google vice-president")
/// gives their "we" its organisation.
#[test]
fn we_of_a_speaker_whose_role_names_an_organisation() {
    links(
        "\"The year shows that our strategy works well,\" said Jurgen Schrempp, DaimlerChrysler's chairman. \
         \"We will keep to it.\"",
        "We",
        0,
        "DaimlerChrysler",
    );
    links(
        "\"Search was always important,\" said Urs Holzle, Google vice-president of operations. \"We \
         trumpeted that in 1999.\"",
        "We",
        0,
        "Google",
    );
}

/// A person's epithet as a subject ("the 22-year-old", "the Tottenham striker", "the 1998 French
/// Open champion") is the one person named just before, when that person is the one the text
/// has named most; a pronoun after it carries on. Never a guess between two people, nor a
/// person named less often than another, nor a word that need not be a person ("the winner").
#[test]
fn epithets_are_the_person_just_named() {
    let defoe = "Jermain Defoe scored twice on Saturday. The 22-year-old said he was delighted.";
    links(defoe, "22-year-old", 0, "Defoe");
    links(defoe, "he", 0, "Defoe");
    links(
        "Jermain Defoe scored twice on Saturday. The Tottenham striker was delighted.",
        "striker",
        0,
        "Defoe",
    );
    let moya = "Carlos Moya will not play in the Davis Cup in November. The 1998 French Open champion is \
                determined to win a major title. \"I have set some tough goals,\" he said.";
    links(moya, "champion", 0, "Moya");
    links(moya, "he", 0, "Moya");
    links(moya, "I", 0, "Moya");
    unlinked(
        "Arsene Wenger praised Thierry Henry after the match. The striker said the team played well.",
        "striker",
        0,
    );
    unlinked("Jermain Defoe scored twice on Saturday. The winner came in the last minute.", "winner", 0);
    unlinked("Jermain Defoe scored twice on Saturday. The striker Robbie Keane also scored.", "striker", 0);
    unlinked(
        "Ozzy Osbourne tackled a burglar at his home. Police praised Osbourne on Monday. His wife Sharon said \
         her rings were taken. The singer said he was lucky.",
        "singer",
        0,
    );
}

/// A quotation after a saying participle with no subject of its own ("..., saying: "I ..."")
/// is the speech of the subject of the verb it hangs on.
#[test]
fn first_persons_after_a_saying_participle_are_the_main_subject() {
    let text = "Bishop Jane Moore criticised the plan, saying: \"I am opposed to it.\"";
    links(text, "I", 0, "Jane Moore");
}
