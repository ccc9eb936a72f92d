//! A table of tricky tokenisation and sentence cases.

use dossier::Extractor;

fn tokens(text: &str) -> Vec<String> {
    Extractor::new().extract(text).tokens().iter().map(|t| t.text().to_string()).collect()
}

fn sentences(text: &str) -> Vec<String> {
    let doc = Extractor::new().extract(text);
    doc.sentences().iter().map(|s| doc.slice(s.span()).to_string()).collect()
}

macro_rules! tok {
    ($($name:ident: $text:expr => [$($t:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { assert_eq!(tokens($text), vec![$($t.to_string()),*], "{:?}", $text); })*
    };
}

macro_rules! sent {
    ($($name:ident: $text:expr => [$($t:expr),* $(,)?];)*) => {
        $(#[test] fn $name() { assert_eq!(sentences($text), vec![$($t.to_string()),*], "{:?}", $text); })*
    };
}

tok! {
    tok_us_official: "a U.S. official" => ["a", "U.S.", "official"];
    tok_uk: "the U.K. government" => ["the", "U.K.", "government"];
    tok_titles: "Adm. Mike Mullen and Gen. Ray Odierno" => ["Adm.", "Mike", "Mullen", "and", "Gen.", "Ray", "Odierno"];
    tok_lt_col: "Lt. Col. Ann Smith" => ["Lt.", "Col.", "Ann", "Smith"];
    tok_dr_mrs: "Dr. Lee and Mrs. Khan" => ["Dr.", "Lee", "and", "Mrs.", "Khan"];
    tok_sen: "Sen. John McCain" => ["Sen.", "John", "McCain"];
    tok_months: "on Jan. 5 and Feb. 6" => ["on", "Jan.", "5", "and", "Feb.", "6"];
    tok_corp: "Acme Corp. and Widget Inc." => ["Acme", "Corp.", "and", "Widget", "Inc."];
    tok_no: "No. 10 Downing Street" => ["No.", "10", "Downing", "Street"];
    tok_initials: "J. R. R. Tolkien" => ["J.", "R.", "R.", "Tolkien"];
    tok_hasnt: "hasn't" => ["has", "n't"];
    tok_doesnt_curly: "doesn’t" => ["does", "n’t"];
    tok_possessive: "Pakistan's" => ["Pakistan", "'s"];
    tok_plural_possessive: "Davis' actions" => ["Davis", "'", "actions"];
    tok_ll: "we'll go" => ["we", "'ll", "go"];
    tok_inter_services: "Inter-Services Intelligence" => ["Inter-Services", "Intelligence"];
    tok_let: "Lashkar-e-Taiba" => ["Lashkar-e-Taiba"];
    tok_give_and_take: "The give-and-take occurred" => ["The", "give-and-take", "occurred"];
    tok_punjab_based: "the Punjab-based group" => ["the", "Punjab-based", "group"];
    tok_numbers: "2,000 people, 3.5 percent" => ["2,000", "people", ",", "3.5", "percent"];
    tok_minute: "a 25-minute talk" => ["a", "25-minute", "talk"];
    tok_dash_double: "Davis was -- although" => ["Davis", "was", "--", "although"];
    tok_dash_en: "claim – and then" => ["claim", "–", "and", "then"];
    tok_dash_em: "claim—and then" => ["claim", "—", "and", "then"];
    tok_quotes: "\"show of strength\"" => ["\"", "show", "of", "strength", "\""];
    tok_curly_quotes: "“framework”" => ["“", "framework", "”"];
    tok_single_quotes: "'Considering'" => ["'", "Considering", "'"];
    tok_ellipsis: "Like... this…" => ["Like", "...", "this", "…"];
    tok_url: "at https://abcnews.go.com/Blotter/story?id=1 today" => ["at", "https://abcnews.go.com/Blotter/story?id=1", "today"];
    tok_email: "write to tips@example.com." => ["write", "to", "tips@example.com", "."];
    tok_handle: "Follow @BrianRoss" => ["Follow", "@BrianRoss"];
    tok_hashtag: "#Pakistan news" => ["#Pakistan", "news"];
    tok_money: "$5.2 million" => ["$", "5.2", "million"];
    tok_percent: "45%" => ["45", "%"];
    tok_cannot: "cannot" => ["can", "not"];
    tok_sentence_end: "It ended." => ["It", "ended", "."];
}

sent! {
    sent_us_official: "A U.S. official said it. Then he left." => ["A U.S. official said it.", "Then he left."];
    sent_adm: "He met Adm. Mike Mullen. They talked." => ["He met Adm. Mike Mullen.", "They talked."];
    sent_us_end: "He works in the U.S. The CIA knows." => ["He works in the U.S.", "The CIA knows."];
    sent_us_name: "U.S. President Obama spoke." => ["U.S. President Obama spoke."];
    sent_quote_after: "He said \"no.\" Then he left." => ["He said \"no.\"", "Then he left."];
    sent_paren: "(It was late.) We left." => ["(It was late.)", "We left."];
    sent_question_lower: "\"Why?\" he asked." => ["\"Why?\" he asked."];
    sent_headline: "Headline With No Stop\n\nThe body begins here." => ["Headline With No Stop", "The body begins here."];
    sent_heading_mid: "First paragraph ends.\n\nA Heading: 'In Quotes'\n\nNext paragraph." =>
        ["First paragraph ends.", "A Heading: 'In Quotes'", "Next paragraph."];
    sent_furniture: "Last sentence.\n\n  • 1\n  • |\n  • 2\nJoin the Discussion\nblog comments powered by Disqus" =>
        ["Last sentence.", "• 1", "• |", "• 2", "Join the Discussion", "blog comments powered by Disqus"];
    sent_wrapped: "The minister said on Tuesday that the agency would\nrelease the report soon." =>
        ["The minister said on Tuesday that the agency would\nrelease the report soon."];
    sent_crlf: "One.\r\nTwo.\r\n\r\nThree" => ["One.", "Two.", "Three"];
    sent_exclaim: "Stop! Now." => ["Stop!", "Now."];
    sent_decimal: "It rose 3.5 percent. Then fell." => ["It rose 3.5 percent.", "Then fell."];
}

#[test]
fn hyphenated_parts_are_findable() {
    let doc = Extractor::new().extract("the Punjab-based terror group Lashkar-e-Taiba");
    let t = &doc.tokens()[1];
    assert!(t.is_hyphenated());
    let parts: Vec<_> = t.parts().collect();
    assert_eq!(parts[0].0, "Punjab");
    assert_eq!(&doc.text()[parts[0].1.range()], "Punjab");
    assert_eq!(parts[1].0, "based");
    assert_eq!(&doc.text()[parts[1].1.range()], "based");
}

#[test]
fn token_flags_and_norm() {
    let doc = Extractor::new().extract("CIA’s Panetta said 2,000");
    let t = doc.tokens();
    assert!(t[0].is_all_caps() && t[0].is_capitalized());
    assert_eq!(t[1].norm(), "'s");
    assert_eq!(t[1].text(), "’s");
    assert!(t[2].is_capitalized() && !t[2].is_all_caps());
    assert!(t[3].is_lowercase());
    assert_eq!(t[4].kind(), dossier::text::TokenKind::Number);
    assert_eq!(t[2].shape(), "Xxxxx");
    assert_eq!(t[4].shape(), "d,ddd");
}
