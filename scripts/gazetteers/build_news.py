"""News organisations (news_org.tsv) and companies (company.tsv); called by build.py.

news_org.tsv is read from the curated list `curated/news_org.tsv` (one organisation a line, with
the English Wikipedia article it is checked against). company.tsv is the listed companies of
PyPI `pytickersymbols` 1.17.10 (MIT; its names and Wikipedia links come from the index articles
of Wikipedia) plus `curated/company.tsv`.

Curated files: `url<TAB>name<TAB>aliases<TAB>attributes`, `#` comments. The id is
`wikipedia:<Article_Title>` from the URL. An alias written `~X` is a risky short form and goes
into the weak `<id>#short` entry; `!X` keeps X strong although the rules below would make it
weak (also in the name column: "!Apple"). The attribute `distinct=1` says the organisation is not the org.tsv entry whose name it
shares (it is dropped from the output).

Short forms are risky, and go into `<id>#short` (`weak=1;of=<id>`), when they are a common
English word ("Guardian", "Fortune"), a given name or a frequent surname ("Bloomberg", "Forbes"),
an upper-case acronym that is a word ("WHO"), or any two-letter one ("PA", "BD") unless the
curated list marks it `!` ("!AP").

An organisation already in org.tsv (WordNet, compromise) is not repeated: its new aliases go into
an `<org.tsv id>#alias` entry with `of=<org.tsv id>`.
"""

import ast
import os
import re
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(HERE, "curated")
WIKI = "https://en.wikipedia.org/wiki/"

US_STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
             "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
             "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
             "VA", "WA", "WV", "WI", "WY", "DC", "US", "UK", "PR", "GU", "VI"}

# Legal-form suffixes stripped from company names ("Vodafone Group plc" -> "Vodafone Group").
LEGAL = re.compile(
    r",? (?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|plc|PLC|p\.l\.c\.|"
    r"LLC|L\.L\.C\.|LP|L\.P\.|AG|SE|SA|S\.A\.|NV|N\.V\.|AB|ASA|A/S|Oyj|Oy|SpA|S\.p\.A\.|KGaA|GmbH|"
    r"& Co\.?(?: KGaA)?|Aktiengesellschaft|Corporación)$")
# Generic tails that leave a usable short name ("Kingfisher plc", "Abbott Laboratories" keeps
# its name: only the legal and group words go).
GROUP = re.compile(r" (?:Group|Holdings?|Companies|International)$")


def wiki_id(url):
    m = re.match(r"https://(en|de|fr)\.wikipedia\.org/wiki/(.+)$", url)
    if not m:
        raise SystemExit(f"build_news.py: not a Wikipedia article URL: {url}")
    lang, title = m.groups()
    title = re.sub(r"%([0-9A-Fa-f]{2})", lambda x: chr(int(x.group(1), 16)), title)
    try:
        title = title.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return ("wikipedia:" if lang == "en" else f"wikipedia-{lang}:") + title


def read_curated(name):
    rows = []
    path = os.path.join(CURATED, name)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                raise SystemExit(f"build_news.py: {name}:{n}: expected 4 columns, found {len(cols)}")
            url, nm, aliases, attrs = cols
            at = dict(kv.split("=", 1) for kv in attrs.split(";") if kv)
            rows.append((wiki_id(url), nm, [a for a in aliases.split("|") if a], at, f"{name}:{n}"))
    return rows


class Risk:
    """Tells whether a short form is risky (a word, a person's name, an ambiguous acronym)."""

    def __init__(self, common, given, surnames):
        self.common = common
        self.given = {g.lower() for g in given}
        # Frequent surnames only: rare ones ("Reuters"?) are not what a reader takes a name for.
        self.surnames = {s.lower() for s, (_, rank) in surnames.items() if rank <= 5000}

    def __call__(self, s):
        if s.startswith("!"):
            return False
        if s.startswith("~"):
            return True
        if re.fullmatch(r"[A-Z]{2}", s):  # "BD", "LY": two capitals name too many things
            return True
        if re.fullmatch(r"[A-Z]{3,4}", s):
            return s in US_STATES or s.lower() in self.common
        if " " in s or "-" in s:
            return False
        low = re.sub(r"^([od])['’]", r"\1", s.lower())
        return low in self.common or low in self.given or low in self.surnames


def strip(s):
    return s[1:] if s[:1] in "~!" else s


class Existing:
    """Surfaces of org.tsv entries (WordNet, compromise), case-folded."""

    def __init__(self, org_rows):
        self.by_name, self.by_alias, self.surfaces = {}, {}, {}
        for rid, _label, name, aliases, _attrs in org_rows:
            self.surfaces[rid] = {name} | set(aliases)
            self.by_name.setdefault(fold(name), rid)
            for a in aliases:
                self.by_alias.setdefault(fold(a), rid)

    def find(self, surfaces):
        """The org.tsv entry these surfaces name: one of them is its name, or a shared alias of
        several words (an acronym or a single word may be another organisation's)."""
        for s in surfaces:
            rid = self.by_name.get(fold(s))
            if rid:
                return rid
        for s in surfaces:
            if " " in s.strip():
                rid = self.by_alias.get(fold(s))
                if rid:
                    return rid
        return None


def fold(s):
    s = re.sub(r"^the ", "", s.lower())
    return re.sub(r"[^a-z0-9&]+", " ", s).strip()


def entity_rows(rid, label, name, aliases, attrs, risk, out, alias_rows, existing, same_as=None):
    """Adds the entry (or an #alias entry of the org.tsv entry it duplicates) and its #short.
    `same_as`: the surfaces that say it is an org.tsv entry (default: the name and the aliases)."""
    forced = name.startswith("!")  # "!Apple": the name is strong although a word
    name = strip(name)
    strong, weak = set(), set()
    for a in aliases:
        (weak if risk(a) else strong).add(strip(a))
    distinct = attrs.pop("distinct", None)
    if same_as is None:
        same_as = [name] + [strip(a) for a in aliases]
    same = None if distinct else existing.find(same_as)
    if same:
        have = {fold(s) for s in existing.surfaces[same]}
        new = sorted(a for a in strong | {name} if fold(a) not in have)
        newweak = sorted(a for a in weak if fold(a) not in have)
        for suffix, forms, at in (("#alias", new, {}), ("#short", newweak, {"weak": 1})):
            if not forms:
                continue
            row = alias_rows.setdefault(f"{same}{suffix}", [f"{same}{suffix}", label, forms[0], set(),
                                                             {**at, "of": same,
                                                              **({"kind": attrs["kind"]} if "kind" in attrs else {})}])
            row[3].update(f for f in forms if f != row[2])
            have |= {fold(f) for f in forms}
        existing.surfaces[same] |= set(new) | set(newweak)
        return same
    main_attrs = dict(attrs)
    if risk(name) and not forced:
        if strong:  # "Forbes" is weak, "Forbes magazine" names it
            weak.add(name)
            name = max(sorted(strong), key=len)
            strong.discard(name)
        else:
            main_attrs["weak"] = 1
    out.append([rid, label, name, strong, main_attrs])
    weak -= strong | {name}
    if weak:
        short = sorted(weak)
        out.append([f"{rid}#short", label, short[0], set(short[1:]),
                    {"weak": 1, "of": rid, **{k: attrs[k] for k in ("cc", "kind") if k in attrs}}])
    return None


def build_news_orgs(ctx):
    risk = ctx["risk"]
    existing = ctx["existing"]
    rows, alias_rows, merged = [], {}, []
    seen = set()
    for rid, name, aliases, attrs, where in read_curated("news_org.tsv"):
        if rid in seen:
            raise SystemExit(f"build_news.py: {where}: {rid} listed twice")
        seen.add(rid)
        same = entity_rows(rid, "ORG", name, aliases, attrs, risk, rows, alias_rows, existing)
        if same:
            merged.append((rid, same))
    return rows + list(alias_rows.values()), merged


def pytickersymbols_companies(d):
    z = zipfile.ZipFile(os.path.join(d, "pypi", "pytickersymbols-1.17.10-py3-none-any.whl"))
    src = z.read("pytickersymbols/indices_data.py").decode()
    data = ast.literal_eval(src[src.index("INDICES =") + len("INDICES ="):].strip())
    out = {}
    for index in sorted(data):
        for c in data[index]["companies"]:
            url = c.get("metadata", {}).get("wikipedia_url") or ""
            key = url or c["name"]
            if key in out:
                out[key]["indices"].add(index)
                continue
            out[key] = {"name": c["name"], "url": url, "symbol": c.get("symbol") or "",
                        "country": c.get("country") or "", "indices": {index}}
    return [out[k] for k in sorted(out)]


def company_names(full):
    """'Vodafone Group plc' -> ('Vodafone Group', {'Vodafone'}); drops '(Lotterie)' notes."""
    full = re.sub(r"\s*\([^)]*\)$", "", full).replace("’", "'").strip()
    full = re.sub(r"(?<=[a-zäöå])[ABC]$", "", full)  # "IndustrivärdenC": a share class
    name = full
    for _ in range(2):  # "Toyota Motor Co., Ltd."
        name2 = LEGAL.sub("", name).strip().rstrip(",")
        if name2 == name or len(name2) < 2:
            break
        name = name2
    if name.startswith("The ") and len(name.split()) > 2:
        name = name[4:]
    aliases = {full} if full != name else set()
    short = GROUP.sub("", name)
    if short != name and len(short) >= 2:
        aliases.add(short)
    # "Brown–Forman" is also written with a hyphen, "Française" without its cedilla.
    for a in [name, *sorted(aliases)]:
        plain = unicodedata.normalize("NFKD", a.replace("–", "-"))
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
        if plain != a and plain.isascii():
            aliases.add(plain)
    return name, aliases


def build_companies(d, ctx):
    risk = ctx["risk"]
    existing = ctx["existing"]
    cc_of = ctx["country_code"]
    rows, alias_rows, merged = [], ctx["alias_rows"], []
    seen_ids = set()
    for rid, name, aliases, attrs, where in read_curated("company.tsv"):
        if rid in seen_ids:
            raise SystemExit(f"build_news.py: {where}: {rid} listed twice")
        seen_ids.add(rid)
        attrs.setdefault("kind", "company")
        same = entity_rows(rid, "ORG", name, aliases, attrs, risk, rows, alias_rows, existing)
        if same:
            merged.append((rid, same))
    curated_surfaces = {fold(r[2]) for r in rows} | {fold(a) for r in rows for a in r[3]}
    skipped = []
    for c in pytickersymbols_companies(d):
        name, aliases = company_names(c["name"])
        if not re.search(r"[A-Za-z]", name) or len(name) < 2:
            continue
        if c["url"]:
            rid = wiki_id(c["url"])
        else:
            rid = "pytickersymbols:" + c["symbol"] if c["symbol"] else None
        if rid is None or rid in seen_ids:
            continue
        if fold(name) in curated_surfaces:
            skipped.append(name)
            continue
        seen_ids.add(rid)
        attrs = {"kind": "company", "src": "pytickersymbols"}
        cc = cc_of(c["country"])
        if cc:
            attrs["cc"] = cc
        # Risky forms of the name itself: a one-word name that is a word or a person's name
        # ("Next", "Sage", "Ross") is weak; its longer legal form stays strong.
        same = entity_rows(rid, "ORG", name, sorted(aliases), attrs, risk, rows, alias_rows, existing,
                           same_as=[name, c["name"]])
        if same:
            merged.append((rid, same))
    return rows + [r for r in alias_rows.values() if r[0] not in ctx["news_alias_ids"]], merged


def build_news(d, ctx, write_entities):
    """Writes news_org.tsv and company.tsv; returns their surfaces (for the place weak rule)."""
    news, merged_news = build_news_orgs(ctx)
    # #alias entries the news list made are kept there; the companies add their own.
    ctx["news_alias_ids"] = {r[0] for r in news if "#" in r[0]}
    ctx["alias_rows"] = {}
    companies, merged_comp = build_companies(d, ctx)
    # A company the news list already has (a broadcaster, an exchange) stays there only: ids are
    # unique across the built-in lists.
    news_ids = {r[0] for r in news}
    companies = [r for r in companies if r[0] not in news_ids]
    write_entities("news_org.tsv", news,
                   "ORG: news organisations, agencies, intelligence and security services, police, armed "
                   "services, government departments, international, sporting and financial bodies; "
                   "curated from English Wikipedia articles (the id names the article); "
                   "<id>#short = weak short form, <id>#alias = new aliases of the org.tsv entry of=")
    write_entities("company.tsv", companies,
                   "ORG: listed companies from pytickersymbols 1.17.10 (MIT, Copyright (c) 2023 "
                   "portfolio+; names from Wikipedia's index articles) and a curated list of companies "
                   "in UK/US business and tech news (English Wikipedia articles); <id>#short = weak "
                   "short form, <id>#alias = new aliases of the org.tsv entry of=")
    surfaces = set()
    for r in news + companies:
        surfaces.add(r[2])
        surfaces.update(r[3])
    return surfaces, merged_news + merged_comp
