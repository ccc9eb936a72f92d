//! What a clause asserts: hedges, necessity, conditions and questions, and how far negation
//! and modality reach into the clauses under them.

use super::*;

/// Adverbs that hedge the clause they modify ("possibly", "reportedly").
pub(super) const HEDGE_ADVERBS: &[&str] = &[
    "possibly",
    "perhaps",
    "hopefully",
    "probably",
    "maybe",
    "likely",
    "allegedly",
    "reportedly",
    "apparently",
    "supposedly",
    "potentially",
    "presumably",
    "conceivably",
    "seemingly",
];

/// Predicates whose complement clause is stated as possible, not as fact: "it is likely that
/// ...", "it is unclear whether ...", "he is unlikely to ...".
pub(super) const HEDGE_PREDICATES: &[&str] =
    &["likely", "unlikely", "possible", "probable", "conceivable", "doubtful", "uncertain", "unclear"];

/// Adjectives whose clause is what ought to be, not what is: "it is important that retailers
/// respect the classifications", "it is vital to act".
const NECESSITY_PREDICATES: &[&str] =
    &["important", "essential", "vital", "crucial", "necessary", "imperative"];

/// Verbs whose clause or infinitive is demanded, not done: "demanded that he resign", "urged
/// the bank to cut rates", "are required to pay". Not "force" or "compel": what one was forced
/// to do was done.
pub(super) const NECESSITY_VERBS: &[&str] = &["demand", "require", "urge", "order", "recommend"];

/// Whether clause `t`, hanging on `h`, is what `h` says ought to be: the complement after a
/// verb of demanding ("demanded that he resign", "urged them to leave"), or the extraposed
/// clause of an adjective of necessity ("it is vital that we act", "it is important to
/// remember"), which opens with "that" or "to" or right after the adjective.
fn necessity_complement(cx: &Ctx<'_, '_>, h: usize, t: usize) -> bool {
    let lemma = cx.lemma(h);
    let rel = cx.rel(t);
    if NECESSITY_VERBS.contains(&lemma.as_ref()) {
        // Not a bare participle ("goods ordered as presents would arrive").
        let participle = cx.xpos(h) == "VBN" && !cx.kids(h).any(|k| cx.rel(k).starts_with("aux"));
        return cx.upos(h) == Upos::Verb
            && t > h
            && matches!(rel, "ccomp" | "xcomp")
            && !participle
            && cx.kids_with(t, "mark").all(|m| cx.is(m, "that") || cx.is(m, "to"));
    }
    // The cheap tests first: this runs for every complement clause.
    let extraposed = || cx.kids(h).any(|k| matches!(cx.rel(k), "expl" | "nsubj") && cx.is(k, "it"));
    let opens = || {
        cx.kids_with(t, "mark").any(|m| cx.is(m, "that") || cx.is(m, "to"))
            || subtree_bounds(cx, t).0 == h + 1
    };
    NECESSITY_PREDICATES.contains(&lemma.as_ref())
        && t > h
        && (matches!(rel, "ccomp" | "csubj" | "xcomp") || (rel == "advcl" && that_clause(cx, t)))
        && extraposed()
        && opens()
}

/// Verbs that, in the passive, hedge their infinitive or clause: "is expected to", "is said to",
/// "it is believed that".
pub(super) const HEDGE_PASSIVES: &[&str] =
    &["expect", "believe", "think", "say", "allege", "rumour", "rumor", "suspect", "report"];

/// Verbs whose complement is feared, hoped, suspected or charged, not stated: "fear it would",
/// "accused of falsifying", "estimate that".
pub(super) const HEDGE_VERBS: &[&str] =
    &["fear", "hope", "suspect", "doubt", "speculate", "accuse", "estimate", "predict", "forecast"];

/// Nouns whose complement clause is not stated as fact: "speculation that he would stand".
const HEDGE_NOUNS: &[&str] = &[
    "speculation",
    "rumour",
    "rumor",
    "suggestion",
    "fear",
    "hope",
    "possibility",
    "chance",
    "risk",
    "allegation",
    "suspicion",
    "prospect",
    "likelihood",
    "claim",
    "estimate",
    "prediction",
    "question",
];

/// Nouns whose "that" clause is what they say, know or fear (with [`HEDGE_NOUNS`]): "the fact
/// that", "the news that", "warnings that".
const CONTENT_NOUNS: &[&str] = &[
    "fact",
    "news",
    "idea",
    "notion",
    "belief",
    "view",
    "evidence",
    "proof",
    "report",
    "warning",
    "assurance",
    "promise",
    "threat",
    "sign",
    "argument",
    "assumption",
    "accusation",
    "admission",
    "recognition",
    "realisation",
    "realization",
    "impression",
    "feeling",
    "knowledge",
    "message",
    "concern",
    "insistence",
    "confirmation",
    "indication",
    "doubt",
    "assertion",
    "statement",
];

/// Whether `clause`, a clausal modifier of `noun`, is a gerund opened by a preposition right
/// after the noun's own words ("the concept of owning music", "fears about losing jobs").
pub(super) fn prepositional_gerund(cx: &Ctx<'_, '_>, noun: usize, clause: usize) -> bool {
    let first = subtree_bounds(cx, clause).0;
    matches!(cx.upos(noun), Upos::Noun | Upos::Propn)
        && cx.xpos(clause) == "VBG"
        && first > noun
        && first + 1 == clause
        && matches!(cx.upos(first), Upos::Adp | Upos::Sconj)
        && cx.head(first) == Some(clause)
        && matches!(cx.lower(first).as_ref(), "of" | "for" | "about" | "on" | "in" | "to" | "at" | "towards")
        && !matches!(cx.text(first - 1), "," | "(" | "-" | ";" | ":")
}

/// Whether `clause`, a clause hanging on noun `noun` after it, is the noun's content: marked
/// by "that" (a relative clause's "that" is its subject or object instead), not set off by a
/// comma, after one of [`CONTENT_NOUNS`] or [`HEDGE_NOUNS`].
pub(super) fn content_clause(cx: &Ctx<'_, '_>, noun: usize, clause: usize) -> bool {
    let lemma = cx.lemma(noun);
    let first = subtree_bounds(cx, clause).0;
    cx.upos(noun) == Upos::Noun
        && (CONTENT_NOUNS.contains(&lemma.as_ref()) || HEDGE_NOUNS.contains(&lemma.as_ref()))
        && cx.kids_with(clause, "mark").any(|m| m == first && cx.is(m, "that"))
        && first > noun
        && !matches!(cx.text(first - 1), "," | "(" | "-" | ";" | ":")
}

/// Verbs that hedge their infinitive when active: "seems to", "appears to".
pub(super) const HEDGE_RAISING: &[&str] = &["seem", "appear"];

/// Verbs of obligation before an infinitive: "has to", "needs to", "ought to".
pub(super) const OBLIGATION: &[&str] = &["have", "need", "ought"];

/// What a modal auxiliary says (None for "will", "can" and other auxiliaries); "would" is
/// [`Modality::Possible`] here and asserted in reported speech (see [`modality_of`]).
pub(super) fn modal(lemma: &str) -> Option<Modality> {
    match lemma {
        "may" | "might" | "could" | "would" => Some(Modality::Possible),
        "must" | "should" | "ought" => Some(Modality::Necessary),
        _ => None,
    }
}

/// The modality of token `t`'s own clause as a part of a larger one: the condition of an "if"
/// (and the clause it conditions), an embedded question ("whether", "asked if"), a question
/// (a clause with its own "?"), or the complement of a hedging predicate.
fn local_scope(cx: &Ctx<'_, '_>, t: usize) -> Modality {
    let base = rel_base(cx.rel(t));
    // The mark of a clause, unless it is "as if" or "even if" (manner, concession).
    let mark = |c: usize| -> Option<Cow<'_, str>> {
        let m = cx.kids_with(c, "mark").next()?;
        let before = m.checked_sub(1).filter(|&b| cx.is(b, "as") || cx.is(b, "even"));
        if before.is_some() { None } else { Some(cx.lower(m)) }
    };
    let conditional_mark =
        |c: usize| matches!(mark(c).as_deref(), Some("if" | "unless" | "provided" | "providing"));
    // A verb of saying before its quotation ('Wenger said: "You don't think so, do you?"'),
    // not itself asked about ("Did she say he would come?"), leaves the question mark to the
    // quotation.
    let quoting = |c: usize| {
        crate::lexicon::SAY.contains(&cx.lemma(c).as_ref())
            && !question_form(cx, c)
            && cx.kids(c).any(|k| k > c && matches!(cx.rel(k), "ccomp" | "parataxis"))
    };
    let mark_at = |c: usize| cx.kids(c).find(|&k| cx.rel(k) == "punct" && cx.text(k) == "?");
    let asks = |c: usize| mark_at(c).is_some() && !quoting(c);
    // ... and the quotation takes it.
    if matches!(base, "ccomp" | "parataxis")
        && cx.head(t).is_some_and(|h| h < t && quoting(h) && mark_at(h).is_some_and(|q| q > t))
    {
        return Modality::Question;
    }
    // A question mark belongs to the clause it hangs on, unless that clause reads as a
    // statement and a clause coordinated with it as a question ("I think it will be Anfield,
    // but do we need ...?"): then to that one.
    if asks(t) && (question_form(cx, t) || !cx.kids_with(t, "conj").any(|c| question_form(cx, c))) {
        return Modality::Question;
    }
    if base == "conj" && question_form(cx, t) && cx.head(t).is_some_and(|h| asks(h) && !question_form(cx, h))
    {
        return Modality::Question;
    }
    // "if" after a verb of asking or knowing opens an embedded question ("asked if it was OK",
    // "to see if they provide"); before its verb, a condition.
    let after_asking = |c: usize| {
        cx.head(c).is_some_and(|h| h < c && ASKING.contains(&cx.lemma(h).as_ref()))
            && mark(c).as_deref() == Some("if")
    };
    // "looked as if the Cabinet had decided", "as though it owned the place": a seeming,
    // not a fact.
    let as_if = cx
        .kids_with(t, "mark")
        .any(|m| (cx.is(m, "if") || cx.is(m, "though")) && m.checked_sub(1).is_some_and(|b| cx.is(b, "as")));
    // "even if only one of them owns a copy": a concession grants the main clause, but its own
    // clause is still a supposition.
    let even_if =
        cx.kids_with(t, "mark").any(|m| cx.is(m, "if") && m.checked_sub(1).is_some_and(|b| cx.is(b, "even")));
    // A purpose ("in order to create new jobs", "so as to", "so that", "cut prices to win back
    // customers") is what someone means to happen, not what happened; so is what a plan or a
    // bid is for ("Xstrata's attempt to take over WMC").
    let purpose =
        (base == "advcl" && purpose_clause(cx, t)) || (base == "acl" && intent_owner(cx, t).is_some());
    match base {
        "advcl" | "ccomp" if as_if => return Modality::Possible,
        "advcl" if even_if => return Modality::Conditional,
        _ if mark(t).as_deref() == Some("whether") => return Modality::Question,
        "ccomp" | "csubj" | "advcl" if after_asking(t) => return Modality::Question,
        "ccomp" if mark(t).as_deref() == Some("if") && cx.head(t).is_some_and(|h| h < t) => {
            return Modality::Question;
        }
        // A condition the parser took for the main clause ("If you are willing ..., I guess
        // ...") is still one.
        "advcl" | "ccomp" | "root" | "parataxis" if conditional_mark(t) => return Modality::Conditional,
        _ => {}
    }
    if cx.kids_with(t, "advcl").any(|c| conditional_mark(c) && !after_asking(c)) {
        return Modality::Conditional;
    }
    if purpose {
        return Modality::Possible;
    }
    if matches!(base, "ccomp" | "csubj" | "xcomp" | "advcl")
        && !granted(cx, t)
        && let Some(h) = cx.head(t)
    {
        let lemma = cx.lemma(h);
        let passive = cx.kids(h).any(|k| cx.rel(k) == "aux:pass") || cx.has_kid(h, "nsubj:pass");
        if HEDGE_PREDICATES.contains(&lemma.as_ref())
            || (passive && HEDGE_PASSIVES.contains(&lemma.as_ref()))
            || HEDGE_VERBS.contains(&lemma.as_ref())
        {
            return Modality::Possible;
        }
        if necessity_complement(cx, h, t) {
            return Modality::Necessary;
        }
    }
    // "speculation that he would stand", "fears that the plant will close"; not a claim its
    // denier denies, which is stated as not so ("rejected claims that ...": [`neg_raised`]).
    if matches!(base, "acl" | "ccomp")
        && let Some(h) = cx.head(t)
        && cx.upos(h) == Upos::Noun
        && HEDGE_NOUNS.contains(&cx.lemma(h).as_ref())
        && claim_denier(cx, h, t).is_none()
    {
        return Modality::Possible;
    }
    Modality::Asserted
}

/// Whether adverbial clause `t` is a purpose: an infinitive with no subject of its own ("to
/// win back customers", "in order to create", "so as to"), or a clause marked "so that" or
/// "in order that".
fn purpose_clause(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let marks: Vec<usize> = cx.kids_with(t, "mark").collect();
    // Not what came next ("went on to become"), nor what something took ("it took a superb
    // tackle to prevent a try"): results, not purposes.
    let result = cx.head(t).is_some_and(|h| {
        (cx.lemma(h) == "go" && cx.kids(h).any(|k| cx.rel(k) == "compound:prt" || cx.is(k, "on")))
            || (cx.lemma(h) == "take" && cx.has_kid(h, "obj"))
    });
    let infinitive = marks.iter().any(|&m| cx.is(m, "to"))
        && cx.upos(t) == Upos::Verb
        && matches!(cx.xpos(t), "VB")
        && !cx.kids(t).any(|k| cx.rel(k).starts_with("nsubj"))
        && !result
        && !denied_degree(cx, t);
    let so_that = marks
        .iter()
        .any(|&m| cx.is(m, "that") && m.checked_sub(1).is_some_and(|b| cx.is(b, "so") || cx.is(b, "order")))
        || marks.iter().any(|&m| cx.is(m, "so") && cx.is(m + 1, "that"));
    infinitive || so_that
}

/// Whether infinitive `t` is what a denied degree did not reach: "was not growing fast
/// enough to stimulate job creation", "but not enough to make up the difference" (the
/// economy did not stimulate it). Not a purpose, and negated.
pub(super) fn denied_degree(cx: &Ctx<'_, '_>, t: usize) -> bool {
    // (Not an infinitive that is the subject, or has one of its own: "It is not enough for
    // the military to investigate" says nothing of whether it does.)
    if !matches!(cx.rel(t), "advcl" | "xcomp")
        || !cx.kids_with(t, "mark").any(|m| cx.is(m, "to"))
        || cx.kids(t).any(|k| cx.rel(k).starts_with("nsubj") || (cx.rel(k) == "mark" && cx.is(k, "for")))
    {
        return false;
    }
    let Some(h) = cx.head(t) else { return false };
    if (h.min(t)..t).any(|k| cx.is(k, "for")) {
        return false;
    }
    let enough =
        if cx.is(h, "enough") { Some(h) } else { cx.kids_with(h, "advmod").find(|&k| cx.is(k, "enough")) };
    let Some(e) = enough else { return false };
    let denied =
        |x: usize| cx.kids_with(x, "advmod").any(|k| matches!(cx.lower(k).as_ref(), "not" | "n't" | "never"));
    denied(e) || denied(h) || (e == h && cx.rel(h) == "advmod" && cx.head(h).is_some_and(denied))
}

/// Verbs after which "if" asks rather than conditions.
pub(super) const ASKING: &[&str] = &[
    "ask",
    "see",
    "know",
    "wonder",
    "check",
    "decide",
    "determine",
    "doubt",
    "question",
    "inquire",
    "enquire",
    "test",
    "learn",
    "discover",
    "establish",
    "investigate",
    "examine",
    "assess",
];

/// Whether clause `t` has the form of a question: an auxiliary or copula before its subject
/// ("did the minister know", "is it"), or a question word before it ("why", "what").
fn question_form(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let subject = cx.kids_with(t, "nsubj").next();
    let inverted = subject.is_some_and(|s| cx.kids(t).any(|k| k < s && matches!(cx.rel(k), "aux" | "cop")));
    inverted || cx.kids(t).any(|k| k < t && matches!(cx.xpos(k), "WP" | "WRB" | "WDT" | "WP$"))
}

/// Whether token `t` shares the modality of the clause it hangs on: clausal complements,
/// coordinated and adverbial clauses do; relative clauses and noun modifiers (what a question
/// takes for granted) do not.
fn inherits_scope(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let base = rel_base(cx.rel(t));
    if !matches!(base, "conj" | "xcomp" | "ccomp" | "csubj" | "advcl" | "parataxis") {
        return false;
    }
    // What one knows or remembers is taken as fact whatever hedges the knowing ("it is
    // important to remember that the bill will take a decade").
    let factive = base == "ccomp"
        && cx.head(t).is_some_and(|h| FACTIVE.contains(&cx.lemma(h).as_ref()))
        && stated_clause(cx, t);
    !granted(cx, t) && !factive
}

/// A relation's name without its subtype ("nsubj" of "nsubj:pass").
fn rel_base(rel: &str) -> &str {
    match rel.as_bytes().iter().position(|&b| b == b':') {
        Some(i) => &rel[..i],
        None => rel,
    }
}

/// Whether clause `t` opens with "that", not "so that" or "now that" (a content clause the
/// labeller may have called adverbial).
fn that_clause(cx: &Ctx<'_, '_>, t: usize) -> bool {
    cx.kids_with(t, "mark")
        .any(|m| cx.is(m, "that") && !m.checked_sub(1).is_some_and(|b| cx.is(b, "so") || cx.is(b, "now")))
}

/// Whether clause `t` is a finite statement with a subject of its own, no question word and
/// no mark but "that" ("that the bill will take a decade", "he is in a real contest"; not
/// "how to turn off", "Mr Ebbers make").
fn stated_clause(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let finite_word = |k: usize| matches!(cx.xpos(k), "VBD" | "VBZ" | "VBP" | "MD");
    let finite = finite_word(t)
        || cx.kids(t).any(|k| matches!(cx.rel(k), "aux" | "aux:pass" | "cop") && finite_word(k));
    let (first, _) = subtree_bounds(cx, t);
    finite
        && cx.kids(t).any(|k| cx.rel(k).starts_with("nsubj"))
        && cx.kids_with(t, "mark").all(|m| cx.is(m, "that"))
        && !(first..t).any(|k| matches!(cx.xpos(k), "WP" | "WRB" | "WDT" | "WP$"))
}

/// Verbs whose clause is taken as true: "know that", "remember that", "realised that".
const FACTIVE: &[&str] = &[
    "know",
    "realise",
    "realize",
    "remember",
    "recognise",
    "recognize",
    "notice",
    "regret",
    "forget",
    "discover",
];

/// Whether `t` is an adverbial clause the sentence takes as given whatever it hedges: a
/// concession or a reason ("Although Nintendo is aiming for younger players, it is likely
/// that ...", "because the plant is closing").
fn granted(cx: &Ctx<'_, '_>, t: usize) -> bool {
    cx.rel(t).starts_with("advcl")
        && cx.kids_with(t, "mark").next().is_some_and(|m| {
            matches!(cx.lower(m).as_ref(), "although" | "though" | "because" | "since" | "whereas")
        })
}

/// Every token's [`local_scope`], passed down to the clauses that inherit it: linear, each
/// token resolved once (a path up the tree is walked until a resolved token).
pub(super) fn scopes(cx: &Ctx<'_, '_>) -> Vec<Modality> {
    let n = cx.x.tokens.len();
    let mut out: Vec<Option<Modality>> = vec![None; n];
    let mut on_path = vec![false; n];
    let mut path = Vec::new();
    for t in 0..n {
        let mut at = t;
        path.clear();
        while out[at].is_none() && !on_path[at] {
            on_path[at] = true;
            path.push(at);
            match cx.head(at) {
                Some(h) if inherits_scope(cx, at) => at = h,
                _ => break,
            }
        }
        for &p in path.iter().rev() {
            on_path[p] = false;
            // A word with no dependents and no clause of its own has no scope of its own.
            let clausal = inherits_scope(cx, p);
            let own = if cx.kids[p].is_empty() && !clausal { Modality::Asserted } else { local_scope(cx, p) };
            // A question or a condition outranks a possibility inside it ("if they continue
            // to chase foxes", "whether the Treasury leaned on ONS to make this change").
            let above = if clausal { cx.head(p).and_then(|h| out[h]) } else { None };
            let inherited = match (own, above) {
                (Modality::Asserted, Some(m)) => m,
                (Modality::Possible, Some(m @ (Modality::Question | Modality::Conditional))) => m,
                _ => own,
            };
            out[p] = Some(inherited);
        }
    }
    out.into_iter().map(|m| m.unwrap_or(Modality::Asserted)).collect()
}

/// A triple's modality: a question or a condition it is part of first, then its own verb
/// group's modal or hedge, then a hedging predicate above it. "would" in reported speech or
/// thought is the future of the past ("he said the firm would cut jobs", "knew that he would
/// not compete"): asserted.
pub(super) fn modality_of(cx: &Ctx<'_, '_>, v: usize, g: &Group, attributed: bool) -> Modality {
    let scope = cx.scope.get(v).copied().unwrap_or_default();
    if matches!(scope, Modality::Question | Modality::Conditional) {
        return scope;
    }
    // What an object is made, let or seen to do is as sure as the verb that says so ("could
    // make them pay" is possible); what it is let do is a permission, not a fact.
    if g.modality == Modality::Asserted
        && let Some(h) = cx.head(v).filter(|&h| bare_infinitive(cx, h, v))
    {
        let modal = cx.kids_with(h, "aux").find_map(|k| modal(&cx.lemma(k)));
        if let Some(m) = modal.or((cx.lemma(h) == "let").then_some(Modality::Possible)) {
            return m;
        }
    }
    // A purpose is as sure as the verb it is the purpose of: "the flaws could be used by virus
    // writers to take over computers" (possible), not a fact.
    if g.modality == Modality::Asserted
        && scope == Modality::Asserted
        && cx.rel(v) == "advcl"
        && cx.has_to(v)
        && !cx.kids(v).any(|k| cx.rel(k).starts_with("nsubj"))
        && let Some(h) = cx.head(v).filter(|&h| cx.upos(h) == Upos::Verb)
    {
        let outer = group(cx, h);
        if matches!(outer.modality, Modality::Possible | Modality::Necessary) && !outer.would_only {
            return outer.modality;
        }
    }
    match g.modality {
        Modality::Asserted => scope,
        Modality::Possible if g.would_only && (attributed || cx.rel(v) == "ccomp") => scope,
        m => m,
    }
}
