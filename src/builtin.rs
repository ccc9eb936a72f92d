//! The built-in data, embedded by the `dossier-gazetteers` crate (feature `builtin`) and parsed
//! on first use.
//!
//! Without the feature every table is empty, so the crate still builds and runs with only the
//! data a user adds.

use std::sync::LazyLock;

use crate::matcher::{Gazetteer, gazetteer::parse_tsv};

macro_rules! data {
    ($name:ident) => {
        #[cfg(feature = "builtin")]
        pub(crate) const $name: &str = dossier_gazetteers::$name;
        #[cfg(not(feature = "builtin"))]
        pub(crate) const $name: &str = "";
    };
}

data!(PLACE);
data!(ORG);
data!(NORP);
data!(TITLE);
data!(PARTY);
data!(UNIVERSITY);
data!(CLUB);
data!(CONGRESS);
data!(NEWS_ORG);
data!(COMPANY);
data!(GIVEN_NAMES);
data!(SURNAMES);
data!(NAME_PARTS);
data!(ORG_WORDS);
data!(PLACE_WORDS);
data!(COMMON_WORDS);
data!(LEMMAS);
data!(LEMMA_TIES);
data!(PATTERNS);
data!(CLUSTERS);
data!(NLP4J);

/// The files of the built-in gazetteer, with the names errors would carry.
pub(crate) const GAZETTEER_FILES: [(&str, &str); 10] = [
    ("gazetteers/place.tsv", PLACE),
    ("gazetteers/org.tsv", ORG),
    ("gazetteers/norp.tsv", NORP),
    ("gazetteers/title.tsv", TITLE),
    ("gazetteers/party.tsv", PARTY),
    ("gazetteers/university.tsv", UNIVERSITY),
    ("gazetteers/club.tsv", CLUB),
    ("gazetteers/congress.tsv", CONGRESS),
    ("gazetteers/news_org.tsv", NEWS_ORG),
    ("gazetteers/company.tsv", COMPANY),
];

/// Builds the built-in gazetteer from the embedded files.
pub(crate) fn build_gazetteer() -> Result<Gazetteer, crate::BuildError> {
    let mut b = Gazetteer::builder("builtin");
    for (name, data) in GAZETTEER_FILES {
        parse_tsv(name, data, &mut b);
    }
    b.build()
}

/// The built-in patterns, parsed once on first use.
pub(crate) static PATTERNS_PARSED: LazyLock<Vec<crate::matcher::Pattern>> = LazyLock::new(|| {
    crate::matcher::parse_patterns("gazetteers/patterns.jsonl", PATTERNS)
        .expect("the built-in patterns are valid (checked by a test)")
});

/// The built-in gazetteer, built once on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| build_gazetteer().expect("the built-in gazetteer is valid (checked by a test)"));

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use super::*;

    #[test]
    fn builtin_gazetteer_builds() {
        let g = build_gazetteer().unwrap();
        assert!(g.len() > 40_000);
    }

    /// Every generated list is sorted (by its name column, as build.py writes it) and has unique
    /// ids, so reruns of the generator give byte-identical files and diffs stay readable.
    #[test]
    fn builtin_gazetteers_are_sorted_and_unique() {
        for (name, data) in GAZETTEER_FILES {
            let rows: Vec<Vec<&str>> =
                data.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
            let mut ids = std::collections::HashSet::new();
            for r in &rows {
                assert_eq!(r.len(), 5, "{name}: {r:?}");
                assert!(ids.insert(r[0]), "{name}: duplicate id {}", r[0]);
            }
            let keys: Vec<(String, String)> =
                rows.iter().map(|r| (r[2].to_lowercase(), r.join("\t"))).collect();
            assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{name} is not sorted");
        }
        for (name, data) in
            [("given_names", GIVEN_NAMES), ("surnames", SURNAMES), ("common_words", COMMON_WORDS)]
        {
            let lines: Vec<&str> = data.lines().filter(|l| !l.starts_with('#')).collect();
            assert!(lines.windows(2).all(|w| w[0] < w[1]), "{name} is not sorted and unique");
        }
    }

    /// The sizes the gazetteer issue asks for.
    #[test]
    fn builtin_list_sizes() {
        let count = |d: &str| d.lines().filter(|l| !l.starts_with('#')).count();
        let norp_forms: usize = NORP
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| 1 + l.split('\t').nth(3).map_or(0, |a| a.split('|').filter(|x| !x.is_empty()).count()))
            .sum();
        assert!(count(PLACE) >= 30_000, "places: {}", count(PLACE));
        assert!(count(ORG) >= 500, "orgs: {}", count(ORG));
        assert!(count(TITLE) >= 200, "titles: {}", count(TITLE));
        assert!(count(NORP) >= 200, "nationality entries: {}", count(NORP));
        assert!(norp_forms >= 400, "nationality forms: {norp_forms}");
    }
}

#[cfg(all(test, feature = "builtin"))]
mod pattern_tests {
    #[test]
    fn builtin_patterns_parse() {
        let p = crate::matcher::parse_patterns("gazetteers/patterns.jsonl", super::PATTERNS).unwrap();
        assert!(p.len() >= 10);
    }
}
