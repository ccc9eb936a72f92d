//! Repairs of the parse, in the relation pass's own copy of the tree: misparses that news
//! text leads the parser into and that would mislead the reading of clauses. The parse itself
//! is not changed.

use super::*;

/// Reads two misparses of relative clauses without a relative word, which news is full of, as
/// relative clauses (in the pass's own copy of the tree; the parse itself is not changed):
///
/// - "resigned from the posts [he held in his empire]" parsed as a complement of "resigned":
///   a clause with its own subject right after a noun of the verb, no object, no "that", on a
///   verb that reports nothing, hangs on that noun;
/// - "The film [she made in 1990] won an award" parsed with two subjects of "made" and "won"
///   as its complement: the first subject heads the relative clause and is the subject of
///   "won".
pub(super) fn repair_relatives(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let upos = |i: usize| x.tags[i].upos;
    let nominal = |i: usize| matches!(upos(i), Upos::Noun | Upos::Propn);
    let lemma = |i: usize| x.lemma_or_lower(i);
    // Per token: its first subject, its second subject, and whether it has an object, a mark or
    // a complement; filled in one pass.
    let mut subjects: Vec<[Option<u32>; 2]> = vec![[None; 2]; n];
    let mut has_obj = vec![false; n];
    let mut has_mark = vec![false; n];
    let mut complement: Vec<Option<u32>> = vec![None; n];
    let mut first_obj: Vec<Option<u32>> = vec![None; n];
    for d in 0..n {
        let h = heads[d] as usize;
        if h >= n {
            continue;
        }
        match rels[d] {
            "nsubj" => {
                let s = &mut subjects[h];
                if s[0].is_none() {
                    s[0] = Some(d as u32);
                } else if s[1].is_none() {
                    s[1] = Some(d as u32);
                }
            }
            "obj" | "iobj" | "ccomp" | "xcomp" => {
                has_obj[h] = true;
                if rels[d] == "obj" && first_obj[h].is_none() {
                    first_obj[h] = Some(d as u32);
                }
            }
            "mark" => has_mark[h] = true,
            _ => {}
        }
        if matches!(rels[d], "ccomp" | "parataxis" | "conj") && d > h && complement[h].is_none() {
            complement[h] = Some(d as u32);
        }
    }
    // The first token of a subject's phrase: the subject or its dependents right before it.
    let start = |heads: &[u32], s: usize| -> usize {
        let mut f = s;
        while f > 0 && heads[f - 1] as usize == s {
            f -= 1;
        }
        f
    };
    for c in 0..n {
        let v = heads[c] as usize;
        // 1. A complement that is a relative clause on the verb's noun.
        if rels[c] == "ccomp" && v < n && upos(c) == Upos::Verb && !has_mark[c] && !has_obj[c] {
            let Some(s) = subjects[c][0].map(|s| s as usize) else { continue };
            let f = start(heads, s);
            let Some(noun) = f.checked_sub(1) else { continue };
            if s < c
                && nominal(noun)
                && heads[noun] as usize == v
                && matches!(rels[noun], "obj" | "obl" | "iobj")
                && !REPORTING.contains(&lemma(v).as_ref())
                && !crate::lexicon::SAY.contains(&lemma(v).as_ref())
            {
                heads[c] = noun as u32;
                rels[c] = "acl:relcl";
            }
        }
    }
    // 3. A reported clause whose subject the parser took for the reporting verb's object: "he
    // pledged [childcare would be a centrepiece]", "has suggested [the security services could
    // have been involved]", "denied [Mr Brown made that quote]": the object, then right after
    // its phrase the clause's own auxiliary or copula, or its finite verb (perhaps after an
    // adverb), and no subject of its own. The clause is a sibling of the object, or hangs on it
    // as a reduced relative: "it appeared [a man used a ladder]" (a participle with an object
    // of its own is active, so not a reduced relative).
    let kids_of = crate::parser::Children::new(heads);
    let within = |heads: &[u32], t: usize, o: usize| reaches(heads, t, o, 8);
    for v in 0..n {
        let Some(o) = first_obj[v].map(|o| o as usize) else { continue };
        let lemma_v = lemma(v);
        if o < v
            || !(crate::lexicon::SAY.contains(&lemma_v.as_ref())
                || REPORTING.contains(&lemma_v.as_ref())
                || matches!(lemma_v.as_ref(), "pledge" | "accept" | "suggest" | "appear" | "seem"))
        {
            continue;
        }
        let xpos = |i: usize| x.tags[i].xpos.as_str();
        // A finite verb: past tense, or a participle with an object of its own; a present tense
        // form only before what opens an object ("transforms the lawsuit"), since a plural noun
        // the tagger read as one ("its car loans unit") is followed by anything but.
        let finite = |c: usize| match xpos(c) {
            "VBD" => true,
            "VBN" => kids_of[c].iter().any(|&k| k as usize > c && rels[k as usize] == "obj"),
            "VBZ" | "VBP" => {
                c + 1 < n && matches!(upos(c + 1), Upos::Det | Upos::Pron | Upos::Num | Upos::Adv | Upos::Adj)
            }
            _ => false,
        };
        let sibling = kids_of[v].iter().map(|&c| c as usize).find(|&c| {
            c > o
                && matches!(rels[c], "ccomp" | "parataxis" | "conj" | "xcomp" | "dep" | "advcl")
                && subjects[c][0].is_none()
                && !has_mark[c]
        });
        let reduced = || {
            kids_of[o].iter().map(|&c| c as usize).find(|&c| {
                c > o
                    && matches!(rels[c], "acl" | "acl:relcl")
                    && upos(c) == Upos::Verb
                    && finite(c)
                    && subjects[c][0].is_none()
                    && !has_mark[c]
                    && !kids_of[c].iter().any(|&k| k < c as u32 && rels[k as usize] == "aux:pass")
            })
        };
        let (c, on_object) = match sibling {
            Some(c) => (c, false),
            None => match reduced() {
                Some(c) => (c, true),
                None => continue,
            },
        };
        // The clause's first word after the object's phrase: its auxiliary or copula, or the
        // finite verb itself after nothing but adverbs of its own.
        let before = kids_of[c].iter().map(|&k| k as usize).filter(|&k| k > o && k < c);
        let f = before.clone().min().unwrap_or(c);
        // A verb right before another ("the price agreed was less") is a reduced relative.
        let next_finite = c + 1 < n && matches!(xpos(c + 1), "VBD" | "VBZ" | "VBP" | "MD");
        let opens = if !on_object && matches!(rels[f], "aux" | "cop" | "aux:pass") {
            true
        } else {
            // The finite verb itself, after nothing but adverbs of its own, and after an
            // object's phrase that is short and plain: no comma and no verb of its own.
            finite(c)
                && upos(c) == Upos::Verb
                && !next_finite
                && before.clone().all(|k| rels[k] == "advmod")
                && (f..c).all(|k| heads[k] as usize == c)
                && f - o <= 9
                && (o + 1..f).all(|k| x.tokens[k].text() != "," && upos(k) != Upos::Verb)
        };
        // The object's phrase ends right before (a clause on the object is not part of it).
        let phrase_ends = within(heads, f - 1, o) && !(on_object && within(heads, f - 1, c));
        if opens && phrase_ends {
            heads[o] = c as u32;
            rels[o] = "nsubj";
            heads[c] = v as u32;
            rels[c] = "ccomp";
        }
    }
    for v in 0..n {
        // 2. Two subjects side by side, and a complement verb with none of its own.
        let [Some(first), Some(second)] = subjects[v] else { continue };
        let (first, second) = (first as usize, second as usize);
        let Some(w) = complement[v].map(|w| w as usize) else { continue };
        if upos(v) == Upos::Verb
            && first < second
            && second < v
            && nominal(first)
            && start(heads, second) == first + 1
            && upos(w) == Upos::Verb
            && subjects[w][0].is_none()
            && !has_mark[w]
        {
            let (up, rel) = (heads[v], rels[v]);
            heads[w] = up;
            rels[w] = rel;
            heads[first] = w as u32;
            rels[first] = "nsubj";
            heads[v] = first as u32;
            rels[v] = "acl:relcl";
        }
    }
    // 4. A finite verb with no subject right after a comma and a noun phrase the parser hung on
    // an earlier word: "In a sign the CIA has no intention of stopping the drone campaign, at
    // least six CIA missiles slammed into a Taliban safe haven" (missiles taken as an oblique
    // of "stopping", "slammed" as a clause on "intention"). The noun phrase is the verb's
    // subject, and the verb a clause of its own.
    for v in 1..n {
        let noun = v - 1;
        let h = heads[noun] as usize;
        if upos(v) != Upos::Verb
            || !matches!(x.tags[v].xpos.as_bytes(), b"VBD" | b"VBZ" | b"VBP")
            || subjects[v][0].is_some()
            || matches!(rels[v], "conj" | "xcomp")
            || !nominal(noun)
            || h >= noun
            || !matches!(rels[noun], "obl" | "obl:unmarked" | "obj" | "nmod" | "nmod:unmarked")
        {
            continue;
        }
        // A noun with a preposition of its own is an oblique ("in a move branded a retreat").
        if kids_of[noun].iter().any(|&k| rels[k as usize] == "case") {
            continue;
        }
        let mut f = noun;
        while f > 0 && x.tokens[f - 1].text() != "," && within(heads, f - 1, noun) {
            f -= 1;
        }
        if f == 0 || x.tokens[f - 1].text() != "," || f - 1 <= h {
            continue;
        }
        // The verb must not hang below the noun (a cycle): its heads, a few steps up, must
        // reach the root without meeting the noun.
        let mut up = v;
        let mut clear = false;
        for _ in 0..64 {
            match heads[up] as usize {
                p if p >= n => {
                    clear = true;
                    break;
                }
                p if p == noun => break,
                p => up = p,
            }
        }
        if !clear {
            continue;
        }
        heads[noun] = v as u32;
        rels[noun] = "nsubj";
        if matches!(rels[v], "acl" | "acl:relcl" | "obl" | "nmod" | "dep" | "ccomp") {
            rels[v] = "parataxis";
        }
    }
}

/// Reads a quotation with its reporting verb after it, "...," said Mike Lake, a Yukos
/// spokesman, in the pass's own copy of the tree. The parser, which met few of these in its
/// training, hangs the verb on the quotation and the speaker on the verb as anything but its
/// subject, or takes a word of the quotation for the subject and the speaker for the object.
/// Where a reporting verb follows a comma, question mark or exclamation mark (and perhaps a
/// closing quotation mark) and a noun phrase follows it up to a comma or the sentence's end,
/// that phrase is the subject and the quotation's head its complement; a noun after the comma
/// that the speaker's name hung on ("Lake" as a compound of "spokesman") is its apposition.
pub(super) fn repair_inverted_quotes(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let upos = |i: usize| x.tags[i].upos;
    let text = |i: usize| x.tokens[i].text();
    let lemma = |i: usize| x.lemma_or_lower(i);
    let quote = |i: usize| matches!(text(i), "\"" | "'" | "\u{201d}" | "\u{2019}" | "\u{201c}" | "''");
    for sentence in x.sentences {
        let (s0, s1) = (sentence.tokens().start, sentence.tokens().end.min(n));
        // The verb has the quotation before it and the speaker after it.
        for v in s0 + 2..s1.saturating_sub(1) {
            // A finite verb right after a comma (or ? or !) and perhaps a closing quotation mark.
            if upos(v) != Upos::Verb || !matches!(x.tags[v].xpos.as_bytes(), b"VBD" | b"VBZ" | b"VBP") {
                continue;
            }
            let mut c = v - 1;
            let (mut separated, mut quoted) = (false, false);
            while c > s0 && v - c <= 2 && (quote(c) || matches!(text(c), "," | "?" | "!")) {
                separated |= matches!(text(c), "," | "?" | "!");
                quoted |= quote(c);
                c -= 1;
            }
            if !separated || quote(c) {
                continue;
            }
            // A reporting verb; "told" has its hearer after it, not its speaker.
            let lemma_v = lemma(v);
            if lemma_v == "tell" || !crate::lexicon::SAY.contains(&lemma_v.as_ref()) {
                continue;
            }
            // Without a quotation mark, a comma before the verb may close an apposition of
            // its subject ("Richard Doherty, from Panasonic, told ..."): only "say", "add" and
            // "write" with no subject before them are read as inverted.
            let subject_before = (s0..v).any(|k| heads[k] as usize == v && rels[k] == "nsubj");
            if !quoted
                && (!matches!(lemma_v.as_ref(), "say" | "add" | "write")
                    || subject_before
                    || upos(v + 1) != Upos::Propn)
            {
                continue;
            }
            // The speaker: up to a comma or the sentence's end, one phrase, a name or a noun.
            let e = (v + 1..s1).find(|&k| matches!(text(k), "," | "." | ";" | ":" | "?" | "!")).unwrap_or(s1);
            let outside = |k: usize, a: usize, b: usize| {
                let h = heads[k] as usize;
                h < a || h >= b
            };
            let tops: Vec<usize> = (v + 1..e).filter(|&k| outside(k, v + 1, e)).collect();
            let [h] = tops[..] else { continue };
            if !matches!(upos(h), Upos::Propn | Upos::Noun)
                || !matches!(upos(v + 1), Upos::Propn | Upos::Det | Upos::Noun | Upos::Adj)
                || (v + 1..e).any(|k| matches!(upos(k), Upos::Verb | Upos::Aux | Upos::Adp))
            {
                continue;
            }
            // Descriptions after the comma that the parser read as conjuncts of the name
            // ("said Lian Chia Liang, economist at JP Morgan"), where no coordinator joins them.
            let joined = (e..s1).any(|k| rels[k] == "cc" && heads[k] as usize > e);
            for k in e..s1 {
                if !joined && heads[k] as usize == h && rels[k] == "conj" {
                    rels[k] = "appos";
                }
            }
            // The verb's other complements after the speaker are pieces of the speaker's
            // description ("said Ben Wood, principal analyst at research firm Gartner"); a
            // noun with no subject or copula of its own right after the comma is the
            // speaker's apposition ("said Jacob Dreyer, the institute's chief economist").
            let describe = |heads: &mut [u32], rels: &mut [&str], inverted: bool| {
                for k in e..s1 {
                    if heads[k] as usize != v || !matches!(rels[k], "ccomp" | "obj" | "xcomp" | "iobj") {
                        continue;
                    }
                    let clause =
                        (e..s1).any(|d| heads[d] as usize == k && matches!(rels[d], "nsubj" | "cop"));
                    let first = (e + 1..=k).find(|&d| reaches(heads, d, k, 8)).unwrap_or(k);
                    if matches!(upos(k), Upos::Noun | Upos::Propn)
                        && !clause
                        && text(e) == ","
                        && first == e + 1
                    {
                        heads[k] = h as u32;
                        rels[k] = "appos";
                    } else if inverted {
                        rels[k] = "dep";
                    }
                }
            };
            if heads[h] as usize == v && rels[h] == "nsubj" {
                // (A clause there is more of the quotation: 'says Prof Reddy, "I know ...'.)
                describe(heads, rels, false);
                continue; // the speaker is already the subject
            }
            // The quotation's head: the one piece of it that is a clause.
            let pieces: Vec<usize> =
                (s0..=c).filter(|&k| outside(k, s0, c + 1) && upos(k) != Upos::Punct).collect();
            // A piece with a subject or copula of its own, else a finite verb.
            let with_subject =
                |k: usize| (s0..=c).any(|d| heads[d] as usize == k && matches!(rels[d], "nsubj" | "cop"));
            let finite = |k: usize| matches!(x.tags[k].xpos.as_bytes(), b"VBD" | b"VBZ" | b"VBP" | b"MD");
            let Some(&q) =
                pieces.iter().find(|&&k| with_subject(k)).or_else(|| pieces.iter().find(|&&k| finite(k)))
            else {
                continue;
            };
            let up = heads[q] as usize;
            // The quotation hangs on the verb, or heads the sentence (where the verb must take
            // its place); anything else is a parse this does not read.
            if up != v && up < n {
                continue;
            }
            let speaker_head = heads[h] as usize;
            if up != v {
                // The verb hangs inside the quotation: it takes the quotation's place.
                let vh = heads[v] as usize;
                if vh < s0 || vh > c {
                    continue;
                }
                heads[v] = heads[q];
                rels[v] = rels[q];
                heads[q] = v as u32;
            }
            rels[q] = "ccomp";
            // What the parser hung on the verb from inside the quotation (a subject, an
            // auxiliary, a negation) is the quotation's.
            for (k, hk) in heads.iter_mut().enumerate().take(c + 1).skip(s0) {
                if k != q && *hk as usize == v && upos(k) != Upos::Punct {
                    *hk = q as u32;
                }
            }
            heads[h] = v as u32;
            rels[h] = "nsubj";
            describe(heads, rels, true);
            // The description after the comma that the name hung on is its apposition.
            let above_verb = |heads: &[u32], t: usize| {
                let mut at = v;
                for _ in 0..64 {
                    match heads[at] as usize {
                        p if p == t => return true,
                        p if p >= n => return false,
                        p => at = p,
                    }
                }
                true
            };
            if speaker_head > e
                && speaker_head < s1
                && matches!(upos(speaker_head), Upos::Noun | Upos::Propn)
                && !above_verb(heads, speaker_head)
            {
                heads[speaker_head] = h as u32;
                rels[speaker_head] = "appos";
            }
        }
    }
}

/// Reads "told reporters that sales rose" as a verb with its hearer and a reported clause, in
/// the pass's own copy of the tree. The parser reads "reporters that sales rose" as a noun with
/// a relative clause whose object is "that", which then took the hearer for its own object
/// ("sales · rise · reporters"). After a verb of telling, a "that" opening a clause with a
/// subject of its own is the clause's mark, and the clause the verb's complement.
pub(super) fn repair_told_that(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    const TELL: [&str; 7] = ["tell", "warn", "assure", "inform", "remind", "convince", "persuade"];
    let n = heads.len();
    let lemma = |i: usize| x.lemma_or_lower(i);
    for t in 1..n {
        if !x.tokens[t].text().eq_ignore_ascii_case("that") || !matches!(rels[t], "obj" | "obl" | "mark") {
            continue;
        }
        // The clause "that" opens, on the noun before it, and the noun on a verb of telling.
        let c = heads[t] as usize;
        if c >= n || c <= t || rels[c] != "acl:relcl" {
            continue;
        }
        let noun = heads[c] as usize;
        if noun >= t || !matches!(rels.get(noun), Some(&("iobj" | "obj"))) {
            continue;
        }
        let v = heads[noun] as usize;
        if v >= n || v >= noun || !TELL.contains(&lemma(v).as_ref()) {
            continue;
        }
        // A subject of the clause's own, after "that".
        if !(t + 1..c).any(|k| heads[k] as usize == c && rels[k] == "nsubj") {
            continue;
        }
        heads[c] = v as u32;
        rels[c] = "ccomp";
        rels[t] = "mark";
        if rels[noun] == "iobj" && !x.sentence_of(v).any(|k| heads[k] as usize == v && rels[k] == "obj") {
            rels[noun] = "obj";
        }
    }
}

/// A clause that "nor" or "neither" opens with its auxiliary before the subject ("nor did
/// it confirm the figures", "Nor will the company say"), in the pass's own copy of the tree:
/// the parser read the auxiliary as the main verb, the subject as its object and the verb as
/// its complement. The verb heads the clause, with the auxiliary, the subject and the
/// conjunction on it; [`Ctx::is_negation`] then reads the conjunction as the clause's "not".
pub(super) fn repair_inverted_negations(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for c in 0..n.saturating_sub(3) {
        let a = c + 1;
        if !(x.tokens[c].text().eq_ignore_ascii_case("nor")
            || x.tokens[c].text().eq_ignore_ascii_case("neither"))
            || !(matches!(x.lemma_or_lower(a).as_ref(), "do" | "have" | "be")
                || x.tags[a].xpos.as_bytes() == b"MD")
        {
            continue;
        }
        // What heads the misread clause: the auxiliary, or the conjunction made the root.
        let top = if heads[c] as usize == a {
            a
        } else if heads[c] as usize == n && heads[a] as usize == c {
            c
        } else {
            continue;
        };
        let r = x.sentence_of(a);
        // The subject: a short noun phrase or pronoun, then perhaps an adverb, then the verb.
        let nominal = |k: usize| {
            matches!(
                x.tags[k].upos,
                Upos::Pron | Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num
            ) || x.tags[k].xpos.as_bytes() == b"POS"
        };
        let mut end = a + 1;
        while end < r.end && end < a + 7 && nominal(end) {
            end += 1;
        }
        let mut v = end;
        while v < r.end && x.tags[v].upos == Upos::Adv {
            v += 1;
        }
        if end == a + 1
            || v >= r.end
            || x.tags[v].upos != Upos::Verb
            || !(matches!(x.tags[v].xpos.as_bytes(), b"VB" | b"VBN" | b"VBG")
                // "Neither has the club commented", the participle tagged as a past tense.
                || (x.tags[v].xpos.as_bytes() == b"VBD" && x.tags[a].xpos.as_bytes() != b"MD" && x.lemma_or_lower(a) != "do"))
            || heads[v] as usize == v
        {
            continue;
        }
        // Already read right: the auxiliary on the verb.
        if heads[a] as usize == v {
            continue;
        }
        // The subject's head: the one word of the phrase whose head is outside it, on the
        // auxiliary or the verb.
        let outside: Vec<usize> =
            (a + 1..end).filter(|&k| !(a + 1..end).contains(&(heads[k] as usize))).collect();
        let [s] = outside[..] else { continue };
        if !matches!(heads[s] as usize, h if h == a || h == v) || !reaches(heads, v, a, 4) {
            continue;
        }
        let passive = x.lemma_or_lower(a) == "be" && x.tags[v].xpos.as_bytes() == b"VBN";
        heads[v] = heads[top];
        rels[v] = rels[top];
        for t in r.clone() {
            if (heads[t] as usize == a || heads[t] as usize == c) && t != v {
                heads[t] = v as u32;
            }
        }
        heads[c] = v as u32;
        heads[a] = v as u32;
        rels[a] = if passive { "aux:pass" } else { "aux" };
        heads[s] = v as u32;
        rels[s] = if passive { "nsubj:pass" } else { "nsubj" };
        rels[c] = "cc";
    }
}

/// Whether token `t` is `o` or hangs below it within `steps` heads (a head at or past the end of
/// `heads` is the root).
fn reaches(heads: &[u32], t: usize, o: usize, steps: usize) -> bool {
    let mut at = t;
    for _ in 0..steps {
        if at == o {
            return true;
        }
        match heads.get(at) {
            Some(&p) if (p as usize) < heads.len() => at = p as usize,
            _ => return false,
        }
    }
    false
}

/// The last token of the run after `t`, before `limit`, that hangs below `t` in the tree: where
/// `t`'s phrase ends on its right.
fn phrase_end(heads: &[u32], t: usize, limit: usize) -> usize {
    let mut end = t;
    while end + 1 < limit && reaches(heads, end + 1, t, 12) {
        end += 1;
    }
    end
}

/// Reads a second object of one verb that follows a possessive inside the first as the noun
/// the possessive belongs to, in the pass's own copy of the tree: "bringing [a large chunk of
/// Russia's very profitable oil business]" parsed with "chunk" and "business" as two objects.
/// The possessor hangs on the second noun, and that noun where the possessor hung.
pub(super) fn repair_possessed_objects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let under = |heads: &[u32], t: usize, o: usize| reaches(heads, t, o, 16);
    for o2 in 1..n {
        let v = heads[o2] as usize;
        if rels[o2] != "obj" || v >= n {
            continue;
        }
        // A verb's objects are in its sentence (the parse is per sentence).
        let from = x.sentence_of(o2).start;
        let Some(o1) = (from..o2).find(|&k| heads[k] as usize == v && rels[k] == "obj") else { continue };
        // The second object's phrase opens right after "'s" (or a bare apostrophe), whose
        // noun lies in the first object's phrase.
        let mut f = o2;
        while f > 0 && under(heads, f - 1, o2) {
            f -= 1;
        }
        let Some(pos) = f.checked_sub(1) else { continue };
        let p = heads[pos] as usize;
        if x.tags[pos].xpos.as_bytes() != b"POS"
            || rels[pos] != "case"
            || p >= n
            || p <= o1
            || !under(heads, p, o1)
        {
            continue;
        }
        heads[o2] = heads[p];
        rels[o2] = rels[p];
        heads[p] = o2 as u32;
        rels[p] = "nmod:poss";
    }
}

/// Reads a possessor that the parser hung on a verb as the possessor of the noun after it, in
/// the pass's own copy of the tree (a possessive belongs to a noun phrase, never to a verb):
/// "Argentina's Agustin Calleri beat Jiri Novak", "Interest in Jet's IPO has been fuelled". The
/// phrase after "'s" belongs to a noun hung on the same verb (its subject, object or oblique);
/// the possessor hangs on that noun, and the subject is "Argentina's Agustin Calleri", not
/// "Agustin Calleri". A participle right after "'s" is the noun's: [`participle_owned`].
pub(super) fn repair_verb_possessors(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let upos = |i: usize| x.tags[i].upos;
    let nominal = |i: usize| matches!(upos(i), Upos::Noun | Upos::Propn);
    for p in 0..n {
        let v = heads[p] as usize;
        if rels[p] != "nmod:poss" || v >= n || v <= p || !matches!(upos(v), Upos::Verb | Upos::Aux) {
            continue;
        }
        // The possessor's phrase, its "'s" or apostrophe last.
        let end = phrase_end(heads, p, v);
        if end == p || x.tags[end].xpos.as_bytes() != b"POS" {
            continue;
        }
        let f = end + 1;
        if f == v {
            participle_owned(x, heads, rels, p, v);
            continue;
        }
        if f > v {
            continue;
        }
        // The noun on the verb whose phrase the word after "'s" opens.
        let mut t = f;
        for _ in 0..8 {
            if heads[t] as usize == v || heads[t] as usize >= n {
                break;
            }
            t = heads[t] as usize;
        }
        if heads[t] as usize == v
            && t >= f
            && nominal(t)
            && matches!(rels[t], "nsubj" | "nsubj:pass" | "obj" | "iobj" | "obl" | "obl:unmarked")
            && (f..t).all(|k| reaches(heads, k, t, 8))
        {
            heads[p] = t as u32;
        }
    }
}

/// The second reading of [`repair_verb_possessors`]: the verb `v` comes right after the "'s"
/// of possessor `p`, as a participle with its object right after it ("The BBC's planned
/// interactive media player which will give ..."). The participle is the noun's modifier and
/// the noun takes the participle's place, with the possessor and a preposition the parser took
/// for the clause's mark ("on his firm's reported interest").
fn participle_owned(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str], p: usize, v: usize) {
    let n = heads.len();
    let upos = |i: usize| x.tags[i].upos;
    let nominal = |i: usize| matches!(upos(i), Upos::Noun | Upos::Propn);
    if !matches!(x.tags[v].xpos.as_bytes(), b"VBN" | b"VBG") {
        return;
    }
    // The participle's object, bare, right after it (its own modifiers between).
    let Some(o) = (v + 1..n.min(v + 6)).find(|&o| heads[o] as usize == v && rels[o] == "obj") else {
        return;
    };
    if !nominal(o) || !(v + 1..o).all(|k| heads[k] as usize == o && matches!(rels[k], "amod" | "compound")) {
        return;
    }
    let up = heads[v] as usize;
    // The participle's place: a preposition read as its mark makes the noun an oblique (of a
    // verb) or a modifier (of a noun); a clause's other functions are a noun's.
    let prep = (p..v).find(|&k| heads[k] as usize == v && rels[k] == "mark" && upos(k) == Upos::Adp);
    let rel = match (prep, rels[v]) {
        (Some(_), _) if up < n && nominal(up) => "nmod",
        (Some(_), _) => "obl",
        (None, r @ ("nsubj" | "obj" | "obl" | "nmod" | "appos" | "conj" | "root")) => r,
        (None, "csubj") => "nsubj",
        (None, "ccomp" | "xcomp") => "obj",
        // An opening "clause" before a verb with no subject is that verb's subject.
        (None, "advcl")
            if up < n
                && v < up
                && !x.sentence_of(v).any(|k| heads[k] as usize == up && rels[k].starts_with("nsubj")) =>
        {
            "nsubj"
        }
        _ => return,
    };
    if let Some(m) = prep {
        heads[m] = o as u32;
        rels[m] = "case";
    }
    let sentence = x.sentence_of(v);
    for k in sentence {
        if heads[k] as usize == v && k != o && (k < v || k > o) {
            heads[k] = o as u32;
        }
    }
    heads[o] = up as u32;
    rels[o] = rel;
    heads[v] = o as u32;
    rels[v] = "amod";
}

/// Reads a noun joined to a verb's object by "and" or "or" as the object's conjunct, where the
/// parser hung it on the verb ("She criticised [the government] and [the opposition]": with
/// "opposition" a conjunct of "criticised", the second object was lost), in the pass's own copy
/// of the tree. Only when the noun has no clause of its own (no subject, object, auxiliary,
/// copula or mark) and the object's phrase ends at the conjunction: "we got the goal - but one
/// slip and they were back", "hiding records of faults and then secretly repairing" stay as
/// they are.
pub(super) fn repair_object_conjuncts(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let upos = |i: usize| x.tags[i].upos;
    for s in x.sentences {
        let r = s.tokens();
        let r = r.start..r.end.min(heads.len());
        for c in r.clone() {
            let v = heads[c] as usize;
            if rels[c] != "conj"
                || !matches!(upos(c), Upos::Noun | Upos::Propn)
                || !r.contains(&v)
                || v >= c
                || upos(v) != Upos::Verb
            {
                continue;
            }
            let clause = r.clone().any(|k| {
                heads[k] as usize == c
                    && matches!(
                        rels[k].split(':').next(),
                        Some("nsubj" | "obj" | "aux" | "cop" | "mark" | "xcomp" | "ccomp")
                    )
            });
            // Nor an oblique ("and at the weekends it has been going mad"), nor the subject of
            // a clause of its own ("and O'Gara's pass sent Hickie over").
            let end = phrase_end(heads, c, r.end);
            let oblique = r.clone().any(|k| heads[k] as usize == c && rels[k] == "case");
            let subject = (end + 1 < r.end && matches!(upos(end + 1), Upos::Verb | Upos::Aux))
                || r.clone().any(|k| {
                    heads[k] as usize == c
                        && upos(k) == Upos::Verb
                        && rels[k] != "acl:relcl"
                        && r.clone().any(|d| heads[d] as usize == k && matches!(rels[d], "obj" | "iobj"))
                        && !r.clone().any(|d| heads[d] as usize == k && rels[d] == "mark")
                });
            // A gerund with no mark that the parser read as a clause is a modifier ("inherit
            // staff, manufacturing facilities and ...", "steal online banking passwords or ...").
            let gerund = x.tags[v].xpos.as_bytes() == b"VBG"
                && !matches!(rels[v], "root" | "xcomp" | "ccomp")
                && !r.clone().any(|k| heads[k] as usize == v && matches!(rels[k], "mark" | "aux"));
            if clause || oblique || subject || gerund {
                continue;
            }
            let Some(cc) = (v + 1..c).find(|&k| {
                heads[k] as usize == c && rels[k] == "cc" && matches!(x.tokens[k].text(), "and" | "or")
            }) else {
                continue;
            };
            let Some(o) = (v + 1..cc).rev().find(|&k| heads[k] as usize == v && rels[k] == "obj") else {
                continue;
            };
            // The object ends right before the conjunction (a comma between): a phrase with
            // more nouns in it ("records of faults and ...", "action against the UK or ...")
            // may be coordinated deeper down.
            let before = if x.tokens[cc - 1].text() == "," { cc - 1 } else { cc };
            if !(matches!(upos(o), Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron)
                && before == o + 1
                && (cc + 1..c).all(|k| reaches(heads, k, c, 12)))
            {
                continue;
            }
            heads[c] = o as u32;
            // An adverbial clause the parser hung on the noun is the verb's ("save money and
            // space by considering ...").
            for k in r.clone() {
                if heads[k] as usize == c && rels[k] == "advcl" {
                    heads[k] = v as u32;
                }
            }
        }
    }
}

/// Reads a participle right after a possessive, hung on the possessor as a reduced relative,
/// as the modifier of the noun after it that the possessive belongs to, in the pass's own copy
/// of the tree: "Monday evening's opening episode" parsed as "Monday evening" [opening
/// episode]. The noun takes the possessor's place; the possessor and the participle hang on it.
pub(super) fn repair_possessed_participles(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for v in 2..n {
        let h = heads[v] as usize;
        if !rels[v].starts_with("acl")
            || !matches!(x.tags[v].xpos.as_bytes(), b"VBG" | b"VBN")
            || h + 1 >= v
            || x.tags[v - 1].xpos.as_bytes() != b"POS"
            || heads[v - 1] as usize != h
        {
            continue;
        }
        // The possessed noun: the participle's object, bare, right after it (its own
        // modifiers between).
        let Some(o) = (v + 1..n.min(v + 8)).find(|&o| heads[o] as usize == v && rels[o] == "obj") else {
            continue;
        };
        if !(v + 1..o).all(|k| heads[k] as usize == o && matches!(rels[k], "amod" | "compound")) {
            continue;
        }
        heads[o] = heads[h];
        rels[o] = rels[h];
        heads[h] = o as u32;
        rels[h] = "nmod:poss";
        heads[v] = o as u32;
        rels[v] = "amod";
    }
}

/// Conjunctions that open an adverbial clause, never a noun's: "after", "while", "because".
const ADVERBIAL_MARKS: &[&str] = &[
    "after", "before", "while", "whilst", "because", "once", "although", "though", "unless", "until", "till",
    "whereas", "if",
];

/// Reads a clause opened by an adverbial conjunction that the parser hung on a noun ("needed
/// treatment during the match [after being hit by a missile]", "rejected a move to Birmingham
/// [after falling out with the manager]") as an adverbial clause of the verb that noun belongs
/// to: its subject is that verb's, not the noun ("a missile · hit · the match"). Only where the
/// conjunction opens the clause and the verb comes before it.
pub(super) fn repair_adverbial_marks(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let nominal = |i: usize| matches!(x.tags[i].upos, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num);
    for v in 1..n {
        if rels[v] != "acl" {
            continue;
        }
        let sentence = x.sentence_of(v);
        let first = sentence.clone().find(|&k| heads[k] as usize == v).unwrap_or(v);
        if first >= v
            || rels[first] != "mark"
            || !ADVERBIAL_MARKS.iter().any(|w| x.tokens[first].text().eq_ignore_ascii_case(w))
        {
            continue;
        }
        // Up to the head of the noun's clause: a verb, or a noun or adjective predicate with
        // its copula or subject ("it would be a huge boost to the party if ...").
        let clause_head =
            |h: usize| sentence.clone().any(|k| heads[k] as usize == h && matches!(rels[k], "cop" | "nsubj"));
        let mut h = heads[v] as usize;
        for _ in 0..6 {
            if h >= n || !nominal(h) || clause_head(h) {
                break;
            }
            h = heads[h] as usize;
        }
        if h < v
            && sentence.contains(&h)
            && (matches!(x.tags[h].upos, Upos::Verb | Upos::Aux | Upos::Adj) || clause_head(h))
        {
            heads[v] = h as u32;
            rels[v] = "advcl";
        }
    }
}

/// Reads an "if" clause the parser took for the complement of a verb that asks, knows, says or
/// thinks nothing ("The pact will work better if the rules are clear", "could leave PCs open
/// to attack if left unpatched") as the condition it is: an adverbial clause of that verb.
/// After a verb of asking or knowing it is an embedded question ("asked if", "to see if"); after
/// one of saying or thinking it is left to the clause it reports ("I think if I keep going ...
/// I will be okay").
pub(super) fn repair_if_complements(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    for c in 1..heads.len() {
        let h = heads[c] as usize;
        if rels[c] != "ccomp" || h >= c {
            continue;
        }
        let sentence = x.sentence_of(c);
        let first = sentence.clone().find(|&k| heads[k] as usize == c).unwrap_or(c);
        if first >= c
            || rels[first] != "mark"
            || !x.tokens[first].text().eq_ignore_ascii_case("if")
            || first.checked_sub(1).is_some_and(|b| {
                let w = x.tokens[b].text();
                w.eq_ignore_ascii_case("as") || w.eq_ignore_ascii_case("even")
            })
        {
            continue;
        }
        let lemma = x.lemma_or_lower(h);
        if ASKING.contains(&lemma.as_ref())
            || REPORTING.contains(&lemma.as_ref())
            || crate::lexicon::SAY.contains(&lemma.as_ref())
            || !matches!(x.tags[h].upos, Upos::Verb | Upos::Adj)
        {
            continue;
        }
        rels[c] = "advcl";
    }
}

/// Reads "more than seven million copies" as one object where the parser made "more" the
/// object and the counted noun an oblique with "than" ("The book has sold [more] than [seven
/// million copies]" gave "The book · sell · more"): the noun is the object, "more than" its
/// modifier. Also "less than", "fewer than".
pub(super) fn repair_more_than(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for m in 0..n.saturating_sub(2) {
        let v = heads[m] as usize;
        let word = x.tokens[m].text();
        if rels[m] != "obj"
            || !["more", "less", "fewer"].iter().any(|w| word.eq_ignore_ascii_case(w))
            || !x.tokens[m + 1].text().eq_ignore_ascii_case("than")
            || heads[m + 1] as usize == m
        {
            continue;
        }
        // The noun "than" marks, an oblique of the same verb, with only its own modifiers
        // between ("than [seven million] copies").
        let o = heads[m + 1] as usize;
        if o >= n
            || o <= m + 1
            || heads[o] as usize != v
            || !rels[o].starts_with("obl")
            || rels[m + 1] != "case"
            || !matches!(x.tags[o].upos, Upos::Noun | Upos::Propn | Upos::Num)
            || !(m + 2..o).all(|k| reaches(heads, k, o, 4))
        {
            continue;
        }
        heads[o] = v as u32;
        rels[o] = "obj";
        heads[m] = o as u32;
        rels[m] = "advmod";
        heads[m + 1] = m as u32;
        rels[m + 1] = "fixed";
    }
}

/// Reads two misparses of clauses that open or close a report, in the pass's own copy of the
/// tree:
///
/// - "Speaking on BBC Radio 4, Mr Howard said ..." parsed with the participle clause as what was
///   said: a participle without a subject that opens the sentence, closed by a comma before the
///   subject of the verb it hangs on, is an adverbial clause ("Moyes · said · Speaking
///   immediately after the game" was a triple);
/// - "had decided in November 2003 he would quit" parsed with the clause as an aside: a clause
///   with its own subject after a verb of saying or thinking, with no punctuation between them,
///   is its complement.
pub(super) fn repair_report_clauses(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let punct = |k: usize| x.tags[k].upos == Upos::Punct;
    for s in x.sentences {
        let r = s.tokens();
        // Dependents are looked for in the sentence only: the pass stays linear in the document.
        let subject = |heads: &[u32], rels: &[&str], k: usize| {
            r.clone().find(|&j| heads[j] as usize == k && rels[j].starts_with("nsubj"))
        };
        // An opening participle clause.
        if let Some(c) = r.clone().find(|&k| !punct(k)) {
            let v = heads[c] as usize;
            if rels[c] == "ccomp"
                && matches!(x.tags[c].xpos.as_bytes(), b"VBG" | b"VBN")
                && r.contains(&v)
                && c < v
                && subject(heads, rels, c).is_none()
            {
                let last = (c..v).rev().find(|&k| !punct(k) && reaches(heads, k, c, 32)).unwrap_or(c);
                // A participle phrase, not a clause of its own ("Putting off payments may lower
                // ratings, analysts said").
                let clause = (c..=last).any(|k| rels[k].starts_with("nsubj") || rels[k].starts_with("csubj"));
                // The subject's phrase opens right after the comma.
                let opens = |j: usize| (last + 2..=j).find(|&k| reaches(heads, k, j, 32)) == Some(last + 2);
                if !clause
                    && x.tokens.get(last + 1).is_some_and(|t| t.text() == ",")
                    && subject(heads, rels, v).is_some_and(|j| last + 1 < j && j < v && opens(j))
                {
                    rels[c] = "advcl";
                }
            }
        }
        // A bare complement read as the head of the clause it completes ("had decided in
        // November 2003 [he would quit]" parsed with "decided" as the complement of "quit"): a
        // verb of saying or thinking whose complement comes before it with no punctuation
        // between is the head; its clause hangs on it.
        for c in r.clone() {
            let v = heads[c] as usize;
            if !matches!(rels[c], "ccomp" | "advcl") || v >= n || c >= v || x.tags[v].upos != Upos::Verb {
                continue;
            }
            let lemma = x.lemma_or_lower(c);
            if x.tags[c].upos != Upos::Verb || !REPORTING.contains(&lemma.as_ref()) {
                continue;
            }
            // Read as an adverbial clause ("Deutsche Boerse has said [it will boost ...]" with
            // "said" hanging on "boost"): only a finite saying clause with a subject of its own
            // and no conjunction ("as he said", "when he said") is the head instead.
            if rels[c] == "advcl"
                && (subject(heads, rels, c).is_none()
                    || r.clone().any(|k| heads[k] as usize == c && rels[k] == "mark"))
            {
                continue;
            }
            let Some(sv) = subject(heads, rels, v) else { continue };
            let last = (c..sv).rev().find(|&k| reaches(heads, k, c, 32)).unwrap_or(c);
            if last + 1 == sv && !(c..sv).any(punct) {
                heads[c] = heads[v];
                rels[c] = rels[v];
                heads[v] = c as u32;
                rels[v] = "ccomp";
            }
        }
        // A bare complement read as an aside.
        for c in r.clone() {
            let v = heads[c] as usize;
            if rels[c] != "parataxis" || v >= c || x.tags[v].upos != Upos::Verb {
                continue;
            }
            let lemma = x.lemma_or_lower(v);
            let Some(sc) = subject(heads, rels, c) else { continue };
            let complemented =
                r.clone().any(|k| k != c && heads[k] as usize == v && matches!(rels[k], "ccomp" | "obj"));
            if !REPORTING.contains(&lemma.as_ref())
                || complemented
                || matches!(x.tags[sc].xpos.as_bytes(), b"WP" | b"WDT")
            {
                continue;
            }
            // The clause opens with its subject's phrase, and nothing but words lies between
            // the verb and it.
            let opens = (v + 1..=c).find(|&k| reaches(heads, k, c, 32)).unwrap_or(c);
            let subject_opens = (v + 1..=sc).find(|&k| reaches(heads, k, sc, 32)) == Some(opens);
            // Between them, a short adjunct of the verb at most ("decided in November 2003").
            let adjunct = |k: usize| {
                x.tags[k].upos != Upos::Verb
                    && matches!(
                        rels[k].split(':').next(),
                        Some(
                            "obl"
                                | "advmod"
                                | "nmod"
                                | "case"
                                | "det"
                                | "compound"
                                | "nummod"
                                | "amod"
                                | "flat"
                        )
                    )
            };
            if subject_opens && opens <= v + 6 && (v + 1..opens).all(adjunct) {
                rels[c] = "ccomp";
            }
        }
    }
}

/// Reads the subject of a reported clause that the parser made the reporting verb's object,
/// in the pass's own copy of the tree: "if the watchdog believes [the rules] allow parties to
/// ring", "I think [the problems] go deeper" gave "believes · the rules". After a verb of
/// saying or thinking, a noun object followed at once by a finite verb that has no subject and
/// no subordinating word, and that hangs on the same verb, is that verb's subject, and its
/// clause the complement. "told his party's conference the Tories must not be allowed" (the
/// hearer made the complement, the clause an adverbial) is read the same way: the hearer is
/// the object and the clause the complement.
pub(super) fn repair_reported_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    // Dependents before `c` in its sentence (from `start`): the pass stays linear.
    let finite = |heads: &[u32], rels: &[&str], start: usize, c: usize| {
        matches!(x.tags[c].xpos.as_bytes(), b"VBP" | b"VBZ" | b"VBD")
            || (x.tags[c].xpos.as_bytes() == b"VB"
                && !(start..c)
                    .any(|k| heads[k] as usize == c && (rels[k] == "mark" || rels[k].starts_with("aux"))))
            || (start..c).any(|k| {
                heads[k] as usize == c
                    && rels[k].starts_with("aux")
                    && matches!(x.tags[k].xpos.as_bytes(), b"MD" | b"VBP" | b"VBZ" | b"VBD")
            })
    };
    // The verb whose clause token `t` opens: `t` itself, or the verb it is an auxiliary of.
    let clause_of = |heads: &[u32], rels: &[&str], t: usize| {
        let c = if rels[t].starts_with("aux") || rels[t] == "cop" { heads[t] as usize } else { t };
        (c < n && c >= t && x.tags[c].upos == Upos::Verb).then_some(c)
    };
    for o in 0..n {
        let v = heads[o] as usize;
        if v >= n || v >= o || x.tags[v].upos != Upos::Verb || !matches!(rels[o], "obj" | "ccomp") {
            continue;
        }
        if !matches!(x.tags[o].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            continue;
        }
        let lemma = x.lemma_or_lower(v);
        if !REPORTING.contains(&lemma.as_ref()) && !THAT_CLAUSE_VERBS.contains(&lemma.as_ref()) {
            continue;
        }
        let r = x.sentence_of(o);
        // The object's phrase, and what comes right after it.
        let Some(last) = (o..r.end).take_while(|&k| reaches(heads, k, o, 32)).last() else { continue };
        // A pronoun in the object case is no clause's subject ("to prove him wrong came").
        if x.tags[o].upos == Upos::Pron
            && ["him", "them", "me", "us", "her", "whom"]
                .iter()
                .any(|w| x.tokens[o].text().eq_ignore_ascii_case(w))
        {
            continue;
        }
        // A nominal complement with a copula or a subject is a clause of its own ("said the
        // size was the most important factor").
        let clause =
            r.clone().any(|k| heads[k] as usize == o && (rels[k] == "cop" || rels[k].starts_with("nsubj")));
        if clause {
            continue;
        }
        // A copular clause right after the phrase, its predicate on this verb and without a
        // subject ("said [the current level of taxation] was about right", "claimed [their
        // display] was our worst performance"): the phrase is its subject.
        // Prepositional phrases between them that the parser hung on the verb belong to the
        // phrase ("claimed [their display in the 3-1 defeat] was").
        let mut after = last + 1;
        let mut phrases = Vec::new();
        while after < r.end && x.tags[after].upos == Upos::Adp && rels[after] == "case" {
            let p = heads[after] as usize;
            let Some(end) = (after..r.end).take_while(|&k| reaches(heads, k, p, 32)).last() else { break };
            if p >= n || heads[p] as usize != v || rels[p] != "obl" || end < p {
                break;
            }
            phrases.push(p);
            after = end + 1;
        }
        if let Some(c) = copular_rest(x, heads, rels, after, r.end).filter(|&c| {
            heads[c] as usize == v
                && matches!(rels[c], "obl" | "ccomp" | "advcl" | "parataxis" | "dep" | "conj" | "xcomp")
                && !r
                    .clone()
                    .any(|k| heads[k] as usize == c && (rels[k].starts_with("nsubj") || rels[k] == "mark"))
        }) {
            if rels[o] == "obj" || !TELLING.contains(&lemma.as_ref()) {
                rels[o] = "nsubj";
                heads[o] = c as u32;
                heads[c] = v as u32;
                rels[c] = "ccomp";
                for p in phrases {
                    heads[p] = o as u32;
                    rels[p] = "nmod";
                }
            }
            continue;
        }
        // The verb: the next one that hangs on this verb, or the one whose clause opens right
        // after the phrase though the parser hung it higher up ("the plans seemed to suggest
        // [chief constables] should be told", with "told" on "said").
        let hung = (last + 1..r.end).find(|&k| heads[k] as usize == v && x.tags[k].upos == Upos::Verb);
        let higher = (last + 1 < r.end).then(|| clause_of(heads, rels, last + 1)).flatten().filter(|&c| {
            let h = heads[c] as usize;
            h != v && h < n && reaches(heads, v, h, 32) && !reaches(heads, v, c, 32)
        });
        let Some(c) = hung.filter(|_| higher.is_none()).or(higher) else { continue };
        // A bare verb after the object is the object's own infinitive only after a verb
        // that takes one ("made them pay"); after "ensure" it is a clause ("ensure sites stay
        // up").
        let xcomp = rels[c] == "xcomp" && !BARE_INFINITIVE_VERBS.contains(&lemma.as_ref());
        if !(matches!(rels[c], "advcl" | "parataxis" | "dep" | "conj" | "ccomp") || xcomp)
            || (rels[c] == "ccomp" && heads[c] as usize == v)
            || !finite(heads, rels, r.start, c)
        {
            continue;
        }
        // A present tense right before a noun is more likely a plural noun ("its bank loans
        // unit").
        if matches!(x.tags[c].xpos.as_bytes(), b"VBZ" | b"VBP")
            && x.tags.get(c + 1).is_some_and(|t| matches!(t.xpos.as_bytes(), b"NN" | b"NNS"))
        {
            continue;
        }
        // Nothing between the phrase and the verb but the verb's own words, and none of them
        // a subordinating word or a noun outside an aside set off by a comma ("showed signs
        // of recovery even as airlines were teetering", "immigrants with skills the UK really
        // needs will be"; not "tactics, like making them cold, could").
        let opens = (last + 1..=c).find(|&k| reaches(heads, k, c, 32)).unwrap_or(c);
        let aside = (last + 1..c).find(|&j| x.tokens[j].text() == ",").unwrap_or(c);
        let subjects: Vec<usize> = (last + 1..c)
            .filter(|&j| heads[j] as usize == c && (rels[j].starts_with("nsubj") || rels[j] == "expl"))
            .collect();
        let subordinator = |k: usize| {
            k < aside
                && (rels[k] == "mark"
                    || matches!(x.tags[k].xpos.as_bytes(), b"WRB" | b"WDT" | b"WP")
                    || (matches!(x.tags[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                        && !subjects.iter().any(|&j| reaches(heads, k, j, 32))))
        };
        if opens != last + 1
            || matches!(x.tags[opens].upos, Upos::Adp | Upos::Sconj | Upos::Cconj)
            || (opens..c).any(subordinator)
        {
            continue;
        }
        let own = |rel: &str| r.clone().any(|k| heads[k] as usize == c && rels[k].starts_with(rel));
        let subject = r.clone().find(|&k| heads[k] as usize == c && rels[k].starts_with("nsubj"));
        if own("mark") || own("cc") {
            continue;
        }
        match (rels[o], subject) {
            ("obj", None) => {
                // "ensure that sites stay up": "that" read as the determiner of a plural or a
                // name opens the clause.
                let first = (r.start..o).find(|&k| reaches(heads, k, o, 32)).unwrap_or(o);
                if first == v + 1
                    && heads[first] as usize == o
                    && rels[first] == "det"
                    && x.tokens[first].text().eq_ignore_ascii_case("that")
                    && matches!(x.tags[o].xpos.as_bytes(), b"NNS" | b"NNPS" | b"NNP")
                {
                    heads[first] = c as u32;
                    rels[first] = "mark";
                }
                rels[o] = subject_rel(heads, rels, r.clone(), c);
                heads[o] = c as u32;
                heads[c] = v as u32;
                rels[c] = "ccomp";
            }
            ("ccomp", Some(sc))
                if sc > o
                    && heads[c] as usize == v
                    && TELLING.contains(&lemma.as_ref())
                    && !matches!(x.tags[sc].xpos.as_bytes(), b"WP" | b"WDT") =>
            {
                rels[o] = "iobj";
                rels[c] = "ccomp";
            }
            _ => {}
        }
    }
}

/// The predicate of a copular clause whose verb group opens at token `t` (before `end`): a
/// finite copula ("was", "is", "are") after any auxiliaries and adverbs of the same
/// predicate ("has been", "would not be"), the predicate a nominal or adjective after it.
fn copular_rest(x: &Input<'_, '_>, heads: &[u32], rels: &[&str], t: usize, end: usize) -> Option<usize> {
    let cop = (t..end.min(t + 4)).find(|&k| rels[k] == "cop")?;
    let c = heads[cop] as usize;
    let group = |k: usize| heads[k] as usize == c && (rels[k].starts_with("aux") || rels[k] == "advmod");
    let finite = (t..=cop).any(|k| matches!(x.tags[k].xpos.as_bytes(), b"MD" | b"VBD" | b"VBZ" | b"VBP"));
    (c > cop && c < end && (t..cop).all(group) && finite && x.tags[c].upos != Upos::Verb).then_some(c)
}

/// Reads the subject of a coordinated clause that the parser made the object of the clause
/// before, in the pass's own copy of the tree: "any evidence would be looked into [and Mr
/// Houston] may be interviewed" parsed with "Mr Houston" (and the "and") on "looked" and
/// "interviewed" without a subject. A noun that carries a conjunction but is no conjunct,
/// followed at once by a finite verb group with no subject, is that verb's subject, and the
/// verb is coordinated with the clause the noun hung on.
pub(super) fn repair_coordinated_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for o in 1..n {
        let v = heads[o] as usize;
        if v >= n
            || v >= o
            || x.tags[v].upos != Upos::Verb
            || !matches!(x.tags[o].upos, Upos::Noun | Upos::Propn)
            || !(rels[o].starts_with("obl") || rels[o] == "obj")
        {
            continue;
        }
        let r = x.sentence_of(o);
        let Some(cc) = (v + 1..o).find(|&k| heads[k] as usize == o && rels[k] == "cc") else { continue };
        // The noun's phrase, then the verb's group: auxiliaries first, one of them finite.
        let Some(last) = (o..r.end).take_while(|&k| k == o || reaches(heads, k, o, 16)).last() else {
            continue;
        };
        let first_aux = last + 1;
        if first_aux >= r.end {
            continue;
        }
        if !rels[first_aux].starts_with("aux")
            || !matches!(x.tags[first_aux].xpos.as_bytes(), b"MD" | b"VBZ" | b"VBP" | b"VBD")
        {
            continue;
        }
        let c = heads[first_aux] as usize;
        if c >= n
            || c <= first_aux
            || x.tags[c].upos != Upos::Verb
            || (first_aux..c).any(|k| heads[k] as usize != c)
            || r.clone().any(|k| heads[k] as usize == c && (rels[k].starts_with("nsubj") || rels[k] == "expl"))
            // The verb hangs where the clause before it does (on the same reporting verb), or
            // on that clause: the two are coordinated.
            || !(heads[c] == heads[v] || heads[c] as usize == v)
        {
            continue;
        }
        rels[o] = subject_rel(heads, rels, r.clone(), c);
        heads[o] = c as u32;
        heads[cc] = c as u32;
        heads[c] = v as u32;
        rels[c] = "conj";
    }
}

/// Reads a clause opened by "who" or "which" right after a noun and a comma as a relative
/// clause on that noun, in the pass's own copy of the tree: "legendary R&B star Bo Diddley, who
/// performed with Eric Clapton", "the production, which cost pounds 9m" parsed as a coordinated
/// or paratactic clause, an adverbial or a complement, whose relative word then stood for
/// nothing and the clause gave no triple, or as a relative clause on an adjective or a verb
/// before the noun ("smaller than Allied Domecq, which has ..." gave "smaller · have").
pub(super) fn repair_wh_relatives(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    // The dates' mentions, by start: looked up per candidate in logarithmic time (a scan of
    // every entity per candidate was quadratic in a long document).
    let mut dates: Vec<Span> = x
        .entities
        .iter()
        .filter(|e| e.label == Label::Date)
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    dates.sort_unstable_by_key(|d| (d.start, d.end));
    for w in 2..n {
        let c = heads[w] as usize;
        if c >= n
            || c <= w
            || !matches!(rels[w], "nsubj" | "nsubj:pass")
            || !(x.tokens[w].text().eq_ignore_ascii_case("who")
                || x.tokens[w].text().eq_ignore_ascii_case("which"))
            || x.tokens[w - 1].text() != ","
            || !(matches!(rels[c], "parataxis" | "conj" | "advcl" | "advcl:relcl" | "ccomp" | "dep")
                // A relative clause hung on a word that cannot be its antecedent: "9% smaller
                // than Allied Domecq, which has" on "smaller".
                || (rels[c] == "acl:relcl"
                    && (heads[c] as usize) < n
                    && matches!(x.tags[heads[c] as usize].upos, Upos::Adj | Upos::Verb | Upos::Adv)))
        {
            continue;
        }
        let noun = w - 2;
        let r = x.sentence_of(w);
        if !r.contains(&noun)
            || !matches!(x.tags[noun].upos, Upos::Noun | Upos::Propn)
            // The noun must not hang below the clause (the clause would hang below itself).
            || reaches(heads, noun, c, r.len())
        {
            continue;
        }
        // Not a time ("a share sale made last year, which cut"; "from 95.5 in January, which
        // could indicate": the clause is the sale's, or the sentence's), nor a plural before a
        // verb in the singular ("would cut pounds 35bn from public services, which was the
        // equivalent of ..." says it of the cut).
        let xpos = |k: usize| x.tags[k].xpos.as_bytes();
        let singular_verb = std::iter::once(c)
            .chain(
                r.clone()
                    .filter(|&k| heads[k] as usize == c && matches!(rels[k], "aux" | "aux:pass" | "cop")),
            )
            .filter(|&k| k > w)
            .min()
            .is_some_and(|k| xpos(k) == b"VBZ" || x.tokens[k].text().eq_ignore_ascii_case("was"));
        let span = x.tokens[noun].span();
        let i = dates.partition_point(|d| d.start <= span.start);
        let date = i > 0 && span.end <= dates[i - 1].end;
        if date
            || time_word(&x.lemma_or_lower(noun))
            || (singular_verb && matches!(xpos(noun), b"NNS" | b"NNPS"))
        {
            continue;
        }
        // A name of several words: its head, not its first word ("Bo Diddley" is on "Diddley").
        let head =
            if rels[noun] == "flat" && (heads[noun] as usize) < noun { heads[noun] as usize } else { noun };
        // The sentence's own verb after the comma that closes the clause, which the parser hung
        // on the clause ("Franz Ferdinand, who recently picked up five nominations, ended up
        // in 15th place" with the name as the root): the verb takes the name's place, with the
        // name as its subject. Where the name is not the root, the sentence is too tangled to
        // mend, and the clause stays as it was.
        let finite = |k: usize| {
            x.tags[k].upos == Upos::Verb
                && (matches!(xpos(k), b"VBZ" | b"VBP" | b"VBD")
                    || r.clone().any(|a| {
                        heads[a] as usize == k
                            && rels[a].starts_with("aux")
                            && matches!(xpos(a), b"MD" | b"VBZ" | b"VBP" | b"VBD")
                    }))
        };
        if let Some(close) = (c + 1..r.end).find(|&k| x.tokens[k].text() == ",") {
            let absorbed: Vec<usize> =
                (close + 1..r.end).filter(|&k| finite(k) && reaches(heads, k, c, r.len())).collect();
            if let Some(&main) = absorbed.first() {
                let subjectless =
                    !r.clone().any(|a| heads[a] as usize == main && rels[a].starts_with("nsubj"));
                if heads[main] as usize != c
                    || !matches!(rels[main], "conj" | "parataxis" | "dep" | "advcl" | "ccomp")
                    || !subjectless
                    || (heads[head] as usize) < n
                {
                    continue;
                }
                heads[main] = heads[head];
                rels[main] = rels[head];
                heads[head] = main as u32;
                rels[head] = "nsubj";
            }
        }
        heads[c] = head as u32;
        rels[c] = "acl:relcl";
    }
}

/// The relation a new subject of verb `c` takes: "nsubj:pass" where `c` has a passive
/// auxiliary among the tokens of `r` (its sentence), else "nsubj".
fn subject_rel(heads: &[u32], rels: &[&str], r: std::ops::Range<usize>, c: usize) -> &'static str {
    if r.into_iter().any(|k| heads[k] as usize == c && rels[k] == "aux:pass") {
        "nsubj:pass"
    } else {
        "nsubj"
    }
}

/// A sentence the parser rooted in its opening prepositional phrase ("In 1845, he was chosen
/// Chief Justice": "1845" the root, "chosen" hanging on it as a parataxis; "For a long time, he
/// ignored baseball" with "ignored" a relative clause of "time"), in the pass's own copy of the
/// tree: the clause after the comma, a verb with a subject of its own (no relative word), is
/// the root, and the phrase its oblique. The phrase's dependents after the comma go with the
/// verb.
pub(super) fn repair_fronted_phrase_roots(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for sentence in x.sentences {
        let range = sentence.tokens();
        if range.end > n || range.is_empty() {
            continue;
        }
        let Some(r) = range.clone().find(|&t| heads[t] as usize == n) else { continue };
        let start = range.start;
        let opens_with_preposition =
            rels[start] == "case" && heads[start] as usize == r && x.tags[start].upos == Upos::Adp;
        if !(matches!(x.tags[r].upos, Upos::Noun | Upos::Propn | Upos::Num) && opens_with_preposition) {
            continue;
        }
        // The comma closing the phrase, every word before it inside the phrase.
        let Some(comma) = (r + 1..range.end).find(|&t| x.tokens[t].text() == ",") else { continue };
        // Not a clause of its own before the comma ("For the second leg we have a referee, and
        // we should ..."): only a relative clause's subject may stand there.
        if !(start..comma).all(|t| reaches(heads, t, r, 16))
            || (start..comma).any(|t| rels[t].starts_with("nsubj") && !is_relative_word(x.tokens[t].text()))
        {
            continue;
        }
        let verb = (comma + 1..range.end).find(|&v| {
            heads[v] as usize == r
                && matches!(rels[v], "parataxis" | "conj" | "acl:relcl" | "appos" | "dep")
                && matches!(x.tags[v].upos, Upos::Verb | Upos::Aux)
                && (comma + 1..v).any(|s| {
                    heads[s] as usize == v
                        && matches!(rels[s], "nsubj" | "nsubj:pass" | "expl")
                        && !is_relative_word(x.tokens[s].text())
                })
        });
        let Some(v) = verb else { continue };
        for t in range.clone() {
            if heads[t] as usize == r && t > comma && t != v {
                heads[t] = v as u32;
            }
        }
        heads[v] = n as u32;
        rels[v] = "root";
        heads[r] = v as u32;
        rels[r] = "obl";
    }
}

/// A gerund after the object of a verb of charging, blaming or praising that the parser hung
/// on the object ("accused [the minister of hiding the report]", "charged the man with
/// killing"), in the pass's own copy of the tree: it is the verb's, an adverbial clause whose
/// doer is the object (see [`gerund_doer`]).
pub(super) fn repair_object_gerunds(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for g in 1..n {
        if x.tags[g].xpos.as_str() != "VBG" || !rels[g].starts_with("acl") {
            continue;
        }
        let o = heads[g] as usize;
        if o >= n || rels[o] != "obj" {
            continue;
        }
        let verb = heads[o] as usize;
        if verb >= n || verb > o || x.tags[verb].upos != Upos::Verb {
            continue;
        }
        let p = g - 1;
        if heads[p] as usize != g || !matches!(rels[p], "mark" | "case") {
            continue;
        }
        if object_gerund(&x.tokens[p].lower(), &x.lemma_or_lower(verb)) {
            heads[g] = verb as u32;
            rels[g] = "advcl";
        }
    }
}

/// Reads the subject after an opening prepositional phrase, in the pass's own copy of the
/// tree: "In Argentina, [Suez's subsidiary], which has been fined ..., has maintained a tense
/// relationship" parsed with the subject as an apposition of "Argentina" and the verb without
/// one ("Argentina · be · Suez's subsidiary"). An apposition on the noun of a prepositional
/// phrase of verb `v`, set off by commas and followed at once by `v`'s own words, when `v` has
/// no subject, is `v`'s subject.
pub(super) fn repair_fronted_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let mut has_subject = vec![false; n];
    for k in 0..n {
        let h = heads[k] as usize;
        if h < n && (rels[k].starts_with("nsubj") || rels[k].starts_with("csubj") || rels[k] == "expl") {
            has_subject[h] = true;
        }
    }
    for a in 0..n {
        let p = heads[a] as usize;
        if rels[a] != "appos" || p >= a || !rels[p].starts_with("obl") {
            continue;
        }
        let v = heads[p] as usize;
        if v >= n || v <= a || has_subject[v] || x.tags[v].upos != Upos::Verb {
            continue;
        }
        // A preposition opens the phrase, and a comma sets the apposition off from it; the
        // first apposition of several ("On Wednesday, Jacques Barrot, vice president ...,
        // said") is the subject, the others describe it. A description after a person's
        // name ("After the ruling Carla Ferstman, legal director of ...") is the name's.
        let r = x.sentence_of(a);
        let first = (r.start..p).find(|&k| reaches(heads, k, p, 32)).unwrap_or(p);
        let earlier = (p + 1..a).any(|k| heads[k] as usize == p && rels[k] == "appos");
        let named = x.tags[p].upos == Upos::Propn
            && x.tags[a].upos == Upos::Noun
            && (first..p).any(|k| heads[k] as usize == p && rels[k] == "flat");
        if x.tags[first].upos != Upos::Adp
            || x.tokens.get(p + 1).is_none_or(|t| t.text() != ",")
            || earlier
            || named
        {
            continue;
        }
        // Every later apposition of the same noun, each set off by commas, up to the verb.
        let mut chain = vec![a];
        let mut last = a;
        while let Some(end) =
            (last..r.end).take_while(|&k| reaches(heads, k, *chain.last().unwrap_or(&a), 32)).last()
        {
            last = end;
            match (end + 2..v)
                .find(|&k| heads[k] as usize == p && matches!(rels[k], "appos" | "nmod:unmarked"))
            {
                Some(next) if x.tokens[end + 1].text() == "," => {
                    chain.push(next);
                    last = next;
                }
                _ => break,
            }
        }
        if last + 2 > v
            || x.tokens[last + 1].text() != ","
            || !(last + 2..v)
                .all(|k| heads[k] as usize == v && (rels[k].starts_with("aux") || rels[k] == "advmod"))
        {
            continue;
        }
        // A word that also opens clauses ("Since the first supercomputer, the Cray-1, was
        // installed ...", "after two friends, Donna Small and Asha Jama, were shot") on a
        // clause inside another: the noun is the subject and the word its mark.
        let subordinating = ["since", "after", "before", "until", "till", "once", "as"]
            .iter()
            .any(|w| x.tokens[first].text().eq_ignore_ascii_case(w));
        // (The parser may have made the main clause hang on it: "..., computational speed
        // has leaped".)
        let inside = rels[v] == "advcl"
            || (last + 2..r.end).any(|k| {
                heads[k] as usize == v
                    && matches!(rels[k], "advcl" | "parataxis")
                    && (last + 2..k).any(|j| {
                        heads[j] as usize == k
                            && rels[j].starts_with("nsubj")
                            && x.tokens[(last + 2..=j).find(|&i| reaches(heads, i, j, 32)).unwrap_or(j) - 1]
                                .text()
                                == ","
                    })
            });
        if subordinating && inside {
            heads[p] = v as u32;
            rels[p] = subject_rel(heads, rels, r, v);
            heads[first] = v as u32;
            rels[first] = "mark";
        } else {
            heads[a] = v as u32;
            rels[a] = subject_rel(heads, rels, r, v);
            for &k in &chain[1..] {
                heads[k] = a as u32;
                rels[k] = "appos";
            }
        }
        has_subject[v] = true;
    }
}

/// Reads a reported clause whose subject is set off from its verb by an aside, in the pass's
/// own copy of the tree: "are hoping that [Isinbayeva's main rival, fellow Russian Svetlana
/// Feofanova,] will take part", "meant that [Bangor, beaten 5-1 by Newry,] will take on
/// Portadown". The parser made the subject (or the participle of the aside) the complement
/// that "that" opens and the verb a conjunct of the reporting verb without a subject, so the
/// verb took the reporting verb's subject ("The organisers · will take part in · the event").
/// A finite verb with no subject, no conjunction and no subordinating word of its own, right
/// after such a complement, is the complement; the noun is its subject, and a participle the
/// noun's reduced relative.
pub(super) fn repair_interrupted_clauses(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for r in x.sentences.iter().map(Sentence::tokens) {
        let r = r.start.min(n)..r.end.min(n);
        for c in r.clone() {
            let v = heads[c] as usize;
            if v >= n || v >= c || x.tags[c].upos != Upos::Verb || x.tags[v].upos != Upos::Verb {
                continue;
            }
            let finite = matches!(x.tags[c].xpos.as_bytes(), b"VBZ" | b"VBP" | b"VBD")
                || r.clone().any(|k| {
                    k < c
                        && heads[k] as usize == c
                        && rels[k].starts_with("aux")
                        && matches!(x.tags[k].xpos.as_bytes(), b"MD" | b"VBZ" | b"VBP" | b"VBD")
                });
            let has = |rels: &[&str], f: &dyn Fn(&str) -> bool| {
                r.clone().any(|k| heads[k] as usize == c && f(rels[k]))
            };
            if !finite || has(rels, &|l| l.starts_with("nsubj") || matches!(l, "expl" | "cc")) {
                continue;
            }
            // The same complement with the subject hung on its "that" ("hope that [the new
            // leader, Mahmoud Abbas,] will use").
            if rels[c] == "ccomp" {
                let that = r.clone().find(|&m| {
                    m < c
                        && heads[m] as usize == c
                        && rels[m] == "mark"
                        && x.tokens[m].text().eq_ignore_ascii_case("that")
                });
                let Some(m) = that else { continue };
                let Some(o) = (m + 1..c).find(|&k| {
                    heads[k] as usize == m && matches!(x.tags[k].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                }) else {
                    continue;
                };
                rels[o] = subject_rel(heads, rels, r.clone(), c);
                heads[o] = c as u32;
                continue;
            }
            if !matches!(rels[c], "conj" | "parataxis" | "dep" | "advcl") || has(rels, &|l| l == "mark") {
                continue;
            }
            // The complement "that" opens, between the two verbs.
            let Some(o) = (v + 1..c).rev().find(|&k| heads[k] as usize == v && rels[k] == "ccomp") else {
                continue;
            };
            let kid =
                |k: usize, rel: &str| r.clone().find(|&j| heads[j] as usize == k && rels[j].starts_with(rel));
            let Some(that) =
                kid(o, "mark").filter(|&m| m < o && x.tokens[m].text().eq_ignore_ascii_case("that"))
            else {
                continue;
            };
            let subject = match x.tags[o].upos {
                Upos::Noun | Upos::Propn if kid(o, "cop").is_none() && kid(o, "nsubj").is_none() => o,
                Upos::Verb
                    if matches!(x.tags[o].xpos.as_bytes(), b"VBN" | b"VBG")
                        && kid(o, "aux").is_none()
                        && kid(o, "cop").is_none() =>
                {
                    match kid(o, "nsubj") {
                        Some(s) if s < o && (s + 1..o).any(|k| x.tokens[k].text() == ",") => s,
                        _ => continue,
                    }
                }
                _ => continue,
            };
            // Everything between the complement's phrase and the verb is the verb's own
            // (a comma, auxiliaries, adverbs).
            let Some(last) = (o..c).rev().find(|&k| reaches(heads, k, o, 32)) else { continue };
            if (last + 1..c).any(|k| !reaches(heads, k, c, 32)) {
                continue;
            }
            if subject != o {
                heads[o] = subject as u32;
                rels[o] = "acl";
            }
            heads[that] = c as u32;
            rels[that] = "mark";
            rels[subject] = subject_rel(heads, rels, r.clone(), c);
            heads[subject] = c as u32;
            heads[c] = v as u32;
            rels[c] = "ccomp";
        }
    }
}

/// Adjectives whose subject is what their infinitive acts on ("the question was easy to
/// understand"), not who acts.
const TOUGH_ADJECTIVES: &[&str] = &[
    "awkward",
    "cheap",
    "dangerous",
    "difficult",
    "easy",
    "expensive",
    "fun",
    "hard",
    "impossible",
    "painful",
    "safe",
    "simple",
    "tough",
    "tricky",
];

/// Adjectives whose infinitive their subject does, or is to do ("it is due to announce", "it
/// was committed to resolving", "it is set to"): an "it" before them stands for something,
/// unlike the empty "it" of "it is hard to say".
pub(super) const RAISING_ADJECTIVES: &[&str] = &["about", "bound", "certain", "due", "poised", "set", "sure"];

/// Reads an infinitive right after an adjective with a copula as the adjective's complement,
/// in the pass's own copy of the tree: "growth is set to slow", "was close to achieving a
/// deal", "would be delighted to see", which the parser often labels a purpose (and then
/// "growth · is · set" said nothing, and "Smith · see · it" lost its "would"); and "is due to
/// report", parsed as the preposition "due to" before a verb with a copula.
/// "Celtic's Neil Lennon admits", "Chelsea's Frank Lampard scored": the person named after a
/// possessive heads the phrase, the possessor hangs on the name. The parser often hung the
/// name on the possessor (the clause's subject became "Celtic") or gave the clause two
/// subjects.
pub(super) fn repair_possessed_names(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for e in x.entities.iter().filter(|e| e.label == Label::Person) {
        for m in e.mentions.iter().filter(|m| !m.is_reference()) {
            let c = x.tokens.partition_point(|t| t.span().start < m.span.start);
            let end = x.tokens.partition_point(|t| t.span().end <= m.span.end);
            if c < 2 || end <= c || end > n || !matches!(x.tokens[c - 1].text(), "'s" | "\u{2019}s") {
                continue;
            }
            let p = c - 2;
            if !matches!(x.tags[p].upos, Upos::Propn | Upos::Noun) || heads[c - 1] as usize != p {
                continue;
            }
            // The name's head: its one word whose head is outside it.
            let mut outside = (c..end).filter(|&k| !(c..end).contains(&(heads[k] as usize)));
            let (Some(h), None) = (outside.next(), outside.next()) else { continue };
            let hp = heads[h] as usize;
            if hp == p || reaches(heads, hp, p, 4) {
                // The name hangs on the possessor: it takes the possessor's place.
                if (c..end).contains(&(heads[p] as usize)) {
                    continue;
                }
                heads[h] = heads[p];
                rels[h] = rels[p];
            } else if !(hp == heads[p] as usize
                && rels[h].starts_with("nsubj")
                && rels[p].starts_with("nsubj"))
            {
                continue;
            }
            heads[p] = h as u32;
            rels[p] = "nmod:poss";
        }
    }
}

/// "has yet to approve" where the parse made "yet" the object of "has" (a verb) and the
/// infinitive a clause of purpose: "yet" is an adverb, the infinitive the complement of "has"
/// (see [`not_yet`]).
pub(super) fn repair_yet_to(x: &Input<'_, '_>, heads: &[u32], rels: &mut [&str]) {
    let n = heads.len();
    for y in 1..n.saturating_sub(2) {
        let (h, v) = (heads[y] as usize, y + 2);
        if !x.tokens[y].text().eq_ignore_ascii_case("yet")
            || !x.tokens[y + 1].text().eq_ignore_ascii_case("to")
            || h >= y
            || heads[v] as usize != h
            || x.lemmas.get(h).and_then(|l| l.as_deref()) != Some("have")
            || x.tags[h].upos != Upos::Verb
            || x.tags[v].upos != Upos::Verb
        {
            continue;
        }
        rels[y] = "advmod";
        rels[v] = "xcomp";
    }
}

pub(super) fn repair_adjective_infinitives(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let is = |k: usize, w: &str| k < n && x.tokens[k].text().eq_ignore_ascii_case(w);
    for a in 0..n.saturating_sub(2) {
        if x.tags[a].upos != Upos::Adj || !is(a + 1, "to") || x.tags[a + 2].upos != Upos::Verb {
            continue;
        }
        let v = a + 2;
        let r = x.sentence_of(a);
        if !r.contains(&v) {
            continue;
        }
        let kid = |heads: &[u32], rels: &[&str], h: usize, rel: &str| {
            r.clone().find(|&k| heads[k] as usize == h && rels[k] == rel)
        };
        if heads[v] as usize == a && rels[v] == "advcl" && heads[a + 1] as usize == v && rels[a + 1] == "mark"
        {
            // Not "the first to reach" (the predicate would lose its "the"), nor "easy to
            // understand", whose subject is the infinitive's object, not its doer.
            let lemma = x.lemma_or_lower(a);
            // And only an infinitive with something to say of its own ("is set to cut 500
            // jobs"); "is set to slow" stays the adjective's phrase ("growth · is · set to
            // slow"), as a clause with no object gives no triple.
            let argument = r.clone().any(|k| {
                k > v
                    && heads[k] as usize == v
                    && (rels[k].starts_with("obl") || matches!(rels[k], "obj" | "iobj" | "ccomp" | "xcomp"))
            });
            if kid(heads, rels, a, "cop").is_some()
                && kid(heads, rels, a, "det").is_none()
                && !TOUGH_ADJECTIVES.contains(&lemma.as_ref())
                && argument
            {
                rels[v] = "xcomp";
            }
        } else if rels[a] == "case"
            && heads[a] as usize == v
            && heads[a + 1] as usize == a
            && rels[a + 1] == "fixed"
            && matches!(x.tags[v].xpos.as_bytes(), b"VB" | b"VBP")
        {
            // "is due to report": the adjective heads the clause, with the copula and the
            // subject; the verb is its infinitive.
            let Some(cop) = kid(heads, rels, v, "cop").filter(|&c| c < a) else { continue };
            heads[a] = heads[v];
            rels[a] = rels[v];
            for k in r.clone() {
                if heads[k] as usize == v
                    && k < a
                    && (k == cop
                        || rels[k].starts_with("nsubj")
                        || rels[k].starts_with("aux")
                        || rels[k] == "advmod")
                {
                    heads[k] = a as u32;
                    if rels[k] == "nsubj:outer" {
                        rels[k] = "nsubj";
                    }
                }
            }
            heads[a + 1] = v as u32;
            rels[a + 1] = "mark";
            heads[v] = a as u32;
            rels[v] = "xcomp";
            // What hung on the verb from before the adjective and is still there (a
            // punctuation mark, a conjunction) stays; the root's children move with it.
            for k in r.clone() {
                if k != v && heads[k] as usize == v && k < a {
                    heads[k] = a as u32;
                }
            }
        }
    }
}

/// Reads "'s" before a past participle as "has", not "is", where the participle takes an
/// object or a clause with a subject of its own and no infinitive ("he's always said he wants
/// me to sign", "she's won the title"), in the pass's own copy of the tree: the parse made a
/// passive of it, and "he is said" reads as a hedge ("he is said to be ..."). "It's said that
/// ...", "he's expected to ..." and "it's owned by ..." stay passives.
pub(super) fn repair_contracted_perfects(x: &Input<'_, '_>, heads: &[u32], rels: &mut [&str]) {
    let n = heads.len();
    for a in 0..n {
        let v = heads[a] as usize;
        if v >= n
            || v <= a
            || !matches!(rels[a], "aux" | "aux:pass")
            || !matches!(x.tokens[a].text(), "'s" | "\u{2019}s")
            || x.tags[v].xpos.as_bytes() != b"VBN"
        {
            continue;
        }
        let r = x.sentence_of(v);
        let kids = || r.clone().filter(|&k| heads[k] as usize == v);
        let Some(subject) = kids().find(|&k| rels[k] == "nsubj:pass" && k < a) else { continue };
        let clause_with_subject =
            |c: usize| r.clone().any(|k| heads[k] as usize == c && rels[k].starts_with("nsubj"));
        let takes = kids().any(|k| rels[k] == "obj" || (rels[k] == "ccomp" && clause_with_subject(k)));
        let infinitive_or_agent = kids().any(|k| {
            rels[k] == "xcomp" || rels[k] == "obl:agent" || x.tokens[k].text().eq_ignore_ascii_case("by")
        }) || x.tokens[subject].text().eq_ignore_ascii_case("it");
        if takes && !infinitive_or_agent {
            rels[subject] = "nsubj";
            rels[a] = "aux";
        }
    }
}

/// Reads an adverb particle right after its verb and right before the preposition of one of
/// the verb's obliques as part of the verb, in the pass's own copy of the tree: "came in at the
/// top of expectations" parsed with "in" as an adverb gave "come at", another verb; now "come
/// in at", as with a particle the parser names ("carried on with", "went back to").
pub(super) fn repair_particles(x: &Input<'_, '_>, heads: &[u32], rels: &mut [&str]) {
    const PARTICLES: [&str; 9] = ["in", "out", "up", "down", "off", "back", "over", "away", "on"];
    let n = heads.len();
    for k in 1..n.saturating_sub(1) {
        let v = heads[k] as usize;
        if v + 1 != k || rels[k] != "advmod" || x.tags[v].upos != Upos::Verb {
            continue;
        }
        if !PARTICLES.iter().any(|p| x.tokens[k].text().eq_ignore_ascii_case(p)) {
            continue;
        }
        let p = k + 1;
        let o = heads[p] as usize;
        if rels[p] == "case" && o < n && heads[o] as usize == v && rels[o].starts_with("obl") {
            rels[k] = "compound:prt";
        }
    }
}

/// Whether a token is a score or a result ("26-21", "2-0", "3–1"): two numbers of at most three
/// digits joined by a hyphen or a dash.
fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '\u{2013}']);
    let num = |p: Option<&str>| {
        p.is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    num(parts.next()) && num(parts.next()) && parts.next().is_none()
}

/// Reads the scores after a verb's object as the verb's, not the object's, in the pass's own
/// copy of the tree. "England beat Fiji 26-21" parsed with the score as the verb's dependent
/// and the side as the score's modifier lost the object ("England · beat at · Twickenham");
/// parsed with the score inside the object's phrase it gave "Bath 21-12" as the object; a
/// tennis result ("defeated Michaella Krajicek 6-4 6-2") made a set the object. The side
/// becomes the verb's object (where the verb has no other) and every score of the run (with
/// tie-breaks in brackets) hangs on the verb.
pub(super) fn repair_scores(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    let score = |i: usize| is_score(x.tokens[i].text()) && x.tags[i].upos == Upos::Num;
    let mut r0 = 1;
    while r0 < n {
        if !score(r0) || score(r0 - 1) {
            r0 += 1;
            continue;
        }
        // The run of scores, brackets and all: "7-6 (7-5) 4-6".
        let mut end = r0;
        let mut k = r0;
        while k < n {
            if score(k) {
                end = k + 1;
                k += 1;
            } else if matches!(x.tokens[k].text(), "(" | ")") {
                k += 1;
            } else {
                break;
            }
        }
        let run: Vec<usize> = (r0..end).filter(|&k| score(k)).collect();
        let t = r0 - 1;
        r0 = end.max(r0 + 1);
        if !matches!(x.tags[t].upos, Upos::Propn | Upos::Noun) {
            continue;
        }
        // The verb: what the side or the first score hangs on, through the run.
        let mut v = heads[t] as usize;
        while v < n && run.contains(&v) {
            v = heads[v] as usize;
        }
        // A side after a preposition is no object ("went to Wales 13-12").
        let r = x.sentence_of(t);
        let in_phrase = (r.start..t).any(|k| heads[k] as usize == t && rels[k] == "case");
        if v >= n || v >= t || x.tags[v].upos != Upos::Verb || in_phrase || reaches(heads, v, t, 16) {
            continue;
        }
        let in_run_or_side = |k: usize| k == t || run.contains(&k);
        let other_object = r.clone().any(|k| {
            heads[k] as usize == v && !in_run_or_side(k) && matches!(rels[k], "obj" | "ccomp" | "xcomp")
        });
        if other_object || !run.iter().all(|&k| heads[k] as usize == v || in_run_or_side(heads[k] as usize)) {
            continue;
        }
        heads[t] = v as u32;
        rels[t] = "obj";
        for &k in &run {
            heads[k] = v as u32;
            rels[k] = "obl:unmarked";
        }
    }
}

/// Reads two misparses of an apposition after a name, in the pass's own copy of the tree:
///
/// - "Stephen McCartin, Mr. Hunt's attorney, said ..." parsed with the name as a vocative and the
///   description as the subject: a name set off by a comma before the verb's subject, which
///   follows it as a phrase closed by a comma, is that subject, and the description its
///   apposition (news has no vocatives outside quotations);
/// - "follows Cashel Byron, a world champion prizefighter, as ..." parsed as a coordination: a
///   conjunct after a comma that opens with an article or a possessive, where no conjunct of
///   the head has a coordinator ("and", "or"), is an apposition.
pub(super) fn repair_appositions(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    if !rels.iter().any(|&r| r == "vocative" || r == "conj") {
        return;
    }
    let upos = |i: usize| x.tags[i].upos;
    let text = |i: usize| x.tokens[i].text();
    let kids = crate::parser::Children::new(heads);
    // The first and last token of a token's phrase (its subtree, which is contiguous in these
    // trees; a phrase that is not is left alone).
    // The first and last token of a token's phrase (its subtree, without `skip`'s), if it is
    // contiguous; a phrase that is not is left alone.
    let span = |t: usize, skip: usize| -> Option<(usize, usize)> {
        let (mut a, mut b) = (t, t);
        let mut stack = vec![t];
        let mut size = 0;
        while let Some(k) = stack.pop() {
            size += 1;
            if size > 64 {
                return None;
            }
            a = a.min(k);
            b = b.max(k);
            stack.extend(kids[k].iter().map(|&c| c as usize).filter(|&c| c != skip));
        }
        (size == b - a + 1).then_some((a, b))
    };
    // A description opens with an article or has an owner ("his", "Mr. Hunt's").
    let opens_description = |rels: &[&str], f: usize, head: usize| {
        matches!(text(f).to_ascii_lowercase().as_str(), "a" | "an" | "the")
            || (f..head).any(|k| rels[k] == "nmod:poss")
    };
    for v in 0..n {
        // 1. The name read as a vocative, of the verb or of its subject.
        if rels[v] == "vocative" && upos(v) == Upos::Propn && v + 2 < n && text(v + 1) == "," {
            let h = heads[v] as usize;
            let subj = if h < n && rels[h] == "nsubj" {
                h
            } else {
                if h >= n {
                    continue;
                }
                match kids[h].iter().find(|&&k| rels[k as usize] == "nsubj") {
                    Some(&k) => k as usize,
                    None => continue,
                }
            };
            let verb = heads[subj] as usize;
            let Some((a, b)) = span(subj, v) else { continue };
            // The phrase's own words, before a comma the parser may have hung on it.
            let b = (a..=b).rev().find(|&k| upos(k) != Upos::Punct).unwrap_or(b);
            if a == v + 2 && b + 1 < verb && verb < n && text(b + 1) == "," && upos(subj) == Upos::Noun {
                heads[v] = verb as u32;
                rels[v] = "nsubj";
                heads[subj] = v as u32;
                rels[subj] = "appos";
            }
        }
        // 2. The description read as a conjunct: the name's only one, with no coordinator,
        // set off by commas.
        if rels[v] == "conj" && upos(v) == Upos::Noun {
            let h = heads[v] as usize;
            // A name: a proper noun, or a capitalised noun the tagger took for a common one
            // ("Lord Campbell-Savours").
            let name = |t: usize| {
                upos(t) == Upos::Propn
                    || (upos(t) == Upos::Noun && text(t).starts_with(|c: char| c.is_uppercase()))
            };
            if h >= n || h >= v || !name(h) {
                continue;
            }
            // Not one link of a chain of conjuncts (a list with each item on the one before).
            let conjuncts = kids[h].iter().filter(|&&c| rels[c as usize] == "conj").count();
            if conjuncts != 1
                || rels[h] == "conj"
                || kids[v].iter().any(|&k| matches!(rels[k as usize], "cc" | "conj"))
            {
                continue;
            }
            let Some((a, b)) = span(v, n) else { continue };
            // The description's own words, without the commas the parser may have hung on it.
            let first = (a..v).find(|&k| upos(k) != Upos::Punct).unwrap_or(v);
            let last = (v..=b).rev().find(|&k| upos(k) != Upos::Punct).unwrap_or(v);
            let closed = last + 1 < n && text(last + 1) == ",";
            if first == 0 || text(first - 1) != "," || !closed || !opens_description(rels, first, v) {
                continue;
            }
            rels[v] = "appos";
        }
    }
}

/// Reads a copular clause that the parser took for an apposition, in the pass's own copy of the
/// tree: a noun phrase hung on the noun before it as an apposition (or a clause modifying it,
/// `acl`), with a finite copula between them as its own dependent.
///
/// - With a relative pronoun for its subject ("the minimum monthly salary, which is currently
///   dollars 94"), it is a relative clause on that noun.
/// - With no subject of its own ("Net profit was dollars 186m", "GM's main European brands are
///   Opel and Vauxhall"), the noun before is its subject: the predicate takes the noun's place in
///   the tree, and the noun's dependents after the copula go with it.
///
/// Not when the noun before has a preposition of its own ("Among the biggest laggards ... are
/// Greece and Italy": an inverted clause, not a subject).
pub(super) fn repair_copular_appositions(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    if !rels.iter().any(|r| matches!(*r, "appos" | "acl")) {
        return;
    }
    let kids = crate::parser::Children::new(heads);
    for a in 0..n {
        let mut h = heads[a] as usize;
        if !matches!(rels[a], "appos" | "acl")
            || h >= a
            || !matches!(x.tags[a].upos, Upos::Noun | Upos::Propn | Upos::Num | Upos::Sym | Upos::Pron)
        {
            continue;
        }
        let has_case = |t: usize| kids[t].iter().any(|&k| rels[k as usize] == "case");
        if !matches!(x.tags[h].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            continue;
        }
        // A finite copula: not "to be one of the biggest markets", nor a title ("Being Julia").
        let finite = |k: usize| matches!(x.tags[k].xpos.as_bytes(), b"VBZ" | b"VBD" | b"VBP");
        let Some(c) =
            kids[a].iter().map(|&k| k as usize).find(|&k| rels[k] == "cop" && finite(k) && h < k && k < a)
        else {
            continue;
        };
        let subject = kids[a].iter().map(|&k| k as usize).find(|&k| rels[k].starts_with("nsubj"));
        match subject {
            Some(s) if h < s && s < c && is_relative_word(x.tokens[s].text()) => rels[a] = "acl:relcl",
            Some(_) => {}
            None => {
                // The whole subject, not the last noun of it ("The original size of Libya's
                // funds was ...").
                while has_case(h) && rels[h].starts_with("nmod") && (heads[h] as usize) < h {
                    h = heads[h] as usize;
                }
                if has_case(h) {
                    continue;
                }
                // The words between the subject and the copula are the subject's own.
                let under_h = |t: usize| {
                    let mut u = t;
                    for _ in 0..32 {
                        if u == h {
                            return true;
                        }
                        if u == a {
                            return false;
                        }
                        match heads[u] as usize {
                            p if p < n => u = p,
                            _ => return false,
                        }
                    }
                    false
                };
                if !(h + 1..c).all(under_h) {
                    continue;
                }
                heads[a] = heads[h];
                // A clause before its attribution ("..., the central bank told Reuters") is
                // what was said, where the parser made its subject the verb's; so is one
                // whose subject it made the verb's object ("officials said the causes were").
                rels[a] = if (rels[h].starts_with("nsubj") && heads[h] as usize > a) || rels[h] == "obj" {
                    "ccomp"
                } else {
                    rels[h]
                };
                for &k in &kids[h] {
                    let k = k as usize;
                    if k > c && k != a {
                        heads[k] = a as u32;
                    }
                }
                heads[h] = a as u32;
                rels[h] = "nsubj";
            }
        }
    }
}

/// Two subjects before one verb, the second continuing the first's phrase, in the pass's own
/// copy of the tree: "[Shops] all over [the UK] reported", "[The owner] of brands such as
/// [Dairy Milk] generates", "[A statue] overlooking [the river] was unveiled". The parser ended
/// the first subject's modifier early and took the rest for a second subject, and the nearer
/// one became the clause's. Where the second follows a preposition (not one that opens a
/// clause: "before the Czech added") or ends a prepositional or participial modifier of the
/// first, it goes back into that modifier (a participle lacking an object takes it as its
/// object), and the words between that hung on the verb go with it. A first subject that is a
/// time ("Three years after the crisis, Turkey has") or is no noun is left; so is a second
/// set off by a comma ("None of the addresses work and the real owner is obscured").
pub(super) fn repair_double_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    // The last subject seen of each head, by head; only heads after their subjects count.
    let mut last_subject = vec![u32::MAX; n + 1];
    for s2 in 0..n {
        if !rels[s2].starts_with("nsubj") {
            continue;
        }
        let v = heads[s2] as usize;
        if v >= n || v <= s2 {
            continue;
        }
        let s1 = std::mem::replace(&mut last_subject[v], s2 as u32) as usize;
        if s1 >= s2
            || !matches!(x.tags[s1].upos, Upos::Noun | Upos::Propn | Upos::Num)
            || x.tags[s2].upos == Upos::Pron
            || time_word(&x.lemma_or_lower(s1))
        {
            continue;
        }
        // The first subject's phrase must not be inside a fronted phrase or clause ("[Since]
        // the Davis Cup in Seville I have been working", "At a conference for ... experts").
        let mut f1 = s1;
        while f1 > 0
            && reaches(heads, f1 - 1, s1, 8)
            && !matches!(x.tags[f1 - 1].upos, Upos::Adp | Upos::Sconj)
        {
            f1 -= 1;
        }
        if f1 > 0 && matches!(x.tags[f1 - 1].upos, Upos::Adp | Upos::Sconj) {
            continue;
        }
        // The second subject's phrase, from its first word; nothing between the subjects that
        // is a verb, a clause's word or the end of a clause.
        let mut f2 = s2;
        while f2 > s1 + 1
            && reaches(heads, f2 - 1, s2, 8)
            && !matches!(x.tags[f2 - 1].upos, Upos::Verb | Upos::Aux | Upos::Punct)
        {
            f2 -= 1;
        }
        let participle = |k: usize| {
            x.tags[k].upos == Upos::Verb
                && rels[k] == "acl"
                && heads[k] as usize == s1
                && matches!(x.tags[k].xpos.as_str(), "VBG" | "VBN" | "VB")
        };
        let between_clean = (s1 + 1..f2).all(|k| {
            !matches!(x.tags[k].upos, Upos::Verb | Upos::Aux | Upos::Sconj | Upos::Cconj | Upos::Pron)
                || participle(k)
        }) && (s1 + 1..s2).all(|k| {
            !matches!(x.tokens[k].text(), "," | ";" | ":" | "-" | "--" | "\u{2013}" | "\u{2014}")
                && !matches!(
                    x.tokens[k].lower().as_ref(),
                    "before"
                        | "after"
                        | "since"
                        | "until"
                        | "as"
                        | "because"
                        | "while"
                        | "once"
                        | "when"
                        | "if"
                )
        });
        // ("Possible help for pensioners The stamp duty threshold rise is ...": a heading run
        // into the sentence.)
        let new_sentence =
            x.tags[f2].upos == Upos::Det && x.tokens[f2].text().starts_with(char::is_uppercase);
        if f2 <= s1 + 1 || !between_clean || new_sentence {
            continue;
        }
        let before = f2 - 1;
        if x.tags[before].upos == Upos::Adp && heads[before] as usize != s2 {
            // "[Shops] all over [the UK] reported": the preposition is the second's.
            if matches!(x.tokens[before].lower().as_ref(), "than" | "like") {
                continue;
            }
            for h in &mut heads[s1 + 1..before] {
                if *h as usize == v {
                    *h = s1 as u32;
                }
            }
            heads[before] = s2 as u32;
            rels[before] = "case";
            heads[s2] = s1 as u32;
            rels[s2] = "nmod";
            last_subject[v] = s1 as u32;
            continue;
        }
        // The first subject's modifier that ends right before the second's phrase.
        let mut d = before;
        for _ in 0..8 {
            if heads[d] as usize == s1 {
                break;
            }
            d = heads[d] as usize;
            if d >= n {
                break;
            }
        }
        if d >= n || heads[d] as usize != s1 || !(s1 + 1..f2).all(|k| reaches(heads, k, s1, 8)) {
            continue;
        }
        let without_object = !(d + 1..f2).any(|k| heads[k] as usize == d && rels[k] == "obj");
        // A past participle with an object, or with the second subject right after it, is a
        // past tense misread ("The research found/VBN very few women worked").
        let vbn = x.tags[d].xpos.as_str() == "VBN";
        let by_preposition = (d + 1..f2).any(|k| x.tags[k].upos == Upos::Adp);
        let participle = participle(d) && !(vbn && (!without_object || !by_preposition));
        // A noun phrase right after the modifier's noun, with its own determiner or none,
        // opens a relative clause without "that" ("the work [the magazine has done]", "many
        // features [people would like]").
        let contact_relative = x.tags[f2].upos == Upos::Det
            || (f2 == s2 && x.tags[s2].upos == Upos::Noun && x.tags[f2 - 1].upos == Upos::Noun);
        // ("a breast feeding sketch": a bare noun after the participle is the phrase's head.)
        let determined = matches!(x.tags[f2].upos, Upos::Det | Upos::Num | Upos::Propn)
            || x.tags[f2].xpos.as_str() == "PRP$";
        if participle && without_object && determined && x.tags[d].xpos.as_str() != "VBN" {
            heads[s2] = d as u32;
            rels[s2] = "obj";
        } else if (rels[d] == "nmod" && !contact_relative) || (participle && vbn) {
            heads[s2] = d as u32;
            rels[s2] = "nmod";
        } else {
            continue;
        }
        last_subject[v] = s1 as u32;
    }
}

/// Puts the "of" phrase of a partitive subject back under it, in the pass's own copy of the
/// tree: "Much of that trade passes through Rotterdam", where the parser hung "of that trade"
/// on the verb and the subject was left "Much".
pub(super) fn repair_partitive_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for s in 0..n.saturating_sub(2) {
        if !rels[s].starts_with("nsubj") || !is_partitive(&x.tokens[s].lower()) {
            continue;
        }
        let v = heads[s] as usize;
        if v >= n || v <= s + 2 || !x.tokens[s + 1].text().eq_ignore_ascii_case("of") {
            continue;
        }
        let Some(o) = of_oblique(heads, rels, s, v) else { continue };
        heads[o] = s as u32;
        rels[o] = "nmod";
    }
}

/// The "of" phrase of word `s` that the parser hung on verb `v` as an oblique: a dependent of
/// the verb between them whose own "of" is the word right after `s`, with every word up to it
/// below it ("[most] [of its shares]", "[60%] [of the work force]").
fn of_oblique(heads: &[u32], rels: &[&str], s: usize, v: usize) -> Option<usize> {
    (s + 2..v).find(|&o| {
        heads[o] as usize == v
            && rels[o] == "obl"
            && heads[s + 1] as usize == o
            && (s + 1..=o).all(|k| reaches(heads, k, o, 8))
    })
}

/// A percentage with its "of" phrase opening a clause, hung on the verb as anything but its
/// subject ("About 60% of the work force will continue ...", parsed with "%" a compound of the
/// verb and the "of" phrase its oblique), is the subject of a verb that has none, in the pass's
/// own copy of the tree; the "of" phrase is its modifier.
pub(super) fn repair_percent_subjects(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for s in 0..n.saturating_sub(2) {
        let word = x.tokens[s].text();
        if !(word == "%" || word.eq_ignore_ascii_case("percent") || word.eq_ignore_ascii_case("cent"))
            || rels[s].starts_with("nsubj")
            || !x.tokens[s + 1].text().eq_ignore_ascii_case("of")
        {
            continue;
        }
        let v = heads[s] as usize;
        if v >= n || v <= s + 2 || x.tags[v].upos != Upos::Verb {
            continue;
        }
        let sentence = x.sentence_of(v);
        if sentence.clone().any(|k| heads[k] as usize == v && rels[k].starts_with("nsubj")) {
            continue;
        }
        // The "of" phrase already the percentage's ("[60%] [of the staff]" hung on the verb
        // as an adverb): only the subject is missing.
        if reaches(heads, s + 1, s, 8) {
            heads[s] = v as u32;
            rels[s] = "nsubj";
            continue;
        }
        let Some(o) = of_oblique(heads, rels, s, v) else { continue };
        heads[s] = v as u32;
        rels[s] = "nsubj";
        heads[o] = s as u32;
        rels[o] = "nmod";
    }
}

/// A speaker's description the parser made what a reporting verb says, where the name after it
/// is the verb's subject ("...," Wales' team [physiotherapist] Mark Davies said; "The film's
/// executive [producer] Robbie Stamp said that ..."), in the pass's own copy of the tree: the
/// description goes with the name, as a compound of it, and the verb's complement is left to
/// the quotation or clause. Only a noun right before the name (its words before it, nothing
/// after it), the name right before the verb, and no clause of the noun's own.
pub(super) fn repair_described_speakers(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    for k in 0..n.saturating_sub(2) {
        if !matches!(rels[k], "ccomp" | "obj") || x.tags[k].upos != Upos::Noun {
            continue;
        }
        let v = heads[k] as usize;
        if v >= n || v <= k + 1 || !crate::lexicon::SAY.contains(&x.lemma_or_lower(v).as_ref()) {
            continue;
        }
        let sentence = x.sentence_of(v);
        // The name: the verb's subject, a proper noun, with only its own words from the noun
        // to the verb.
        let Some(name) = sentence.clone().find(|&t| heads[t] as usize == v && rels[t] == "nsubj") else {
            continue;
        };
        if !(k < name && name < v)
            || x.tags[name].upos != Upos::Propn
            || !(k + 1..v).all(|t| t == name || heads[t] as usize == name)
        {
            continue;
        }
        // The noun's words all before it, and none of them a clause's.
        if sentence.clone().any(|t| {
            heads[t] as usize == k
                && (t > k || matches!(rels[t], "nsubj" | "nsubj:pass" | "cop" | "aux" | "mark"))
        }) {
            continue;
        }
        heads[k] = name as u32;
        rels[k] = "compound";
    }
}

/// A number or partitive word the parser hung on the noun of its own "of" phrase ("lost
/// [nine] of their 14 matches" parsed as "nine ... matches" with "of" the noun's preposition,
/// and the noun an oblique of the verb): the word heads the phrase, in the noun's place (an
/// object where a verb had no object and an "of" oblique stood there instead), and the noun is
/// its "of" modifier.
pub(super) fn repair_partitive_heads(x: &Input<'_, '_>, heads: &mut [u32], rels: &mut [&str]) {
    let n = heads.len();
    // A verb's dependents are looked for in its sentence only: the pass stays linear in the
    // document.
    let sentence = |k: usize| {
        let s = x.sentences.partition_point(|s| s.tokens().end <= k).min(x.sentences.len().saturating_sub(1));
        x.sentences.get(s).map_or(0..0, |s| s.tokens())
    };
    for p in 0..n.saturating_sub(2) {
        let w = x.tokens[p].lower();
        if !(is_partitive(&w) || x.tags[p].xpos.as_str() == "CD")
            || !matches!(rels[p], "nummod" | "det" | "amod" | "advmod" | "nmod")
            || !x.tokens[p + 1].text().eq_ignore_ascii_case("of")
        {
            continue;
        }
        let h = heads[p] as usize;
        if h >= n || h <= p + 1 || heads[p + 1] as usize != h || rels[p + 1] != "case" {
            continue;
        }
        // Nothing but the noun's own words between ("nine of their 14 matches"), and not a
        // date ("the 5 of March" is a day).
        if !(p + 1..h).all(|k| reaches(heads, k, h, 8)) || x.tags[h].upos == Upos::Propn {
            continue;
        }
        let v = heads[h] as usize;
        let r = rels[h];
        let verb = v < n && matches!(x.tags[v].upos, Upos::Verb | Upos::Aux);
        let objectless = sentence(p).all(|k| heads[k] as usize != v || rels[k] != "obj");
        heads[p] = heads[h];
        rels[p] = match r {
            "obl" if verb && objectless && v < p => "obj",
            _ => r,
        };
        heads[h] = p as u32;
        rels[h] = "nmod";
    }
    // "The firm sold [most] of its shares" with "most" a second subject after the verb: a
    // verb with a subject before it and none of its objects takes a partitive word after it,
    // with its "of" phrase, as its object.
    for p in 1..n.saturating_sub(1) {
        let v = heads[p] as usize;
        if v >= p
            || rels[p] != "nsubj"
            || !is_partitive(&x.tokens[p].lower())
            || !x.tokens[p + 1].text().eq_ignore_ascii_case("of")
            || x.tags[v].upos != Upos::Verb
        {
            continue;
        }
        let r = sentence(p);
        let before = (r.start..v).any(|k| heads[k] as usize == v && rels[k].starts_with("nsubj"));
        let object =
            r.into_iter().any(|k| heads[k] as usize == v && matches!(rels[k], "obj" | "ccomp" | "xcomp"));
        if before && !object {
            rels[p] = "obj";
        }
    }
}

/// Words that take a part of what follows "of": "much of", "most of", "some of".
fn is_partitive(w: &str) -> bool {
    matches!(
        w,
        "much"
            | "most"
            | "many"
            | "some"
            | "all"
            | "none"
            | "part"
            | "half"
            | "each"
            | "any"
            | "few"
            | "several"
            | "both"
            | "either"
            | "neither"
            | "majority"
            | "rest"
            | "one"
            | "two"
            | "three"
            | "lot"
            | "bulk"
    )
}
