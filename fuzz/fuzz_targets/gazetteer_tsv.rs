//! Any text as a user gazetteer (the TSV of `--gazetteer`, parsed by the same
//! `Gazetteer::from_tsv` that `ExtractorBuilder::gazetteer_path` uses): Ok or Err, never a
//! panic. When it parses, an extractor with it must build, and extracting the gazetteer's own
//! text (its names are in it) must keep every invariant.
#![no_main]

use dossier::Extractor;
use dossier::matcher::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: dossier_fuzz::init(), |data: &[u8]| {
    let Ok(tsv) = std::str::from_utf8(data) else { return };
    let Ok(gazetteer) = Gazetteer::from_tsv("fuzz.tsv", tsv) else { return };
    for i in 0..gazetteer.len() {
        let e = gazetteer.entry(i).expect("every index below len() has an entry");
        let _ = (e.id(), e.name(), e.label(), e.kind_name(), e.country(), e.of());
    }
    let extractor = Extractor::builder().gazetteer(gazetteer).build().expect("a parsed gazetteer builds");
    // The TSV's own text holds every name and alias; a sentence around it checks them in context.
    let text = tsv.replace('\t', " ; ");
    dossier_fuzz::extract_and_check(&extractor, &text);
    dossier_fuzz::extract_and_check(&extractor, &format!("Officials said {text} met in Paris."));
});
