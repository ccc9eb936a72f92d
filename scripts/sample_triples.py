# Draws N triples with a fixed seed from an `extract --format jsonl` run on a directory of
# articles (every triple of the corpus equally likely), each with its sentence, for judging by
# hand. With --min-confidence C only triples at or above C are drawn.
#   python3 scripts/sample_triples.py OUT.jsonl N SEED [--min-confidence C]
import json, random, sys

args = sys.argv[1:]
min_conf = None
if '--min-confidence' in args:
    i = args.index('--min-confidence')
    min_conf = float(args[i + 1])
    del args[i:i + 2]
path, n, seed = args[0], int(args[1]), int(args[2])
docs = sorted((json.loads(line) for line in open(path)), key=lambda d: d['id'])
pool = [(d, t) for d in docs for t in d.get('triples', [])
        if min_conf is None or t['confidence'] >= min_conf]
random.seed(seed)
drawn = random.sample(pool, min(n, len(pool)))
drawn.sort(key=lambda x: (x[0]['id'], x[1]['sentence'], x[1]['predicate']['start']))
print(f"{len(drawn)} of {len(pool)} triples, seed {seed}")
raw_cache = {}
for k, (d, t) in enumerate(drawn, 1):
    if d['id'] not in raw_cache:
        raw_cache[d['id']] = open(d['id'], encoding='utf-8').read().encode()
    raw = raw_cache[d['id']]
    st = d['sentences'][t['sentence']]
    sent = raw[st['start']:st['end']].decode(errors='replace').replace('\n', ' ')
    flags = [f for f in ('negated', 'passive') if t.get(f)]
    if t.get('modality', 'asserted') != 'asserted':
        flags.append(t['modality'])
    att = t.get('attribution')
    ents = {e['id']: e['name'] for e in d['entities']}

    def shown(a):
        # An argument linked to an entity it does not spell out (a pronoun, a description)
        # shows the entity it was linked to.
        name = ents.get(a['entity'])
        linked = name is not None and name.lower() not in a['text'].lower()
        return a['text'] + (f' -> {name}' if linked else '')

    print(f"#{k} {d['id'].split('/')[-1]} [{t['sentence']}] conf={t['confidence']:.2f}"
          f"{' ' + ','.join(flags) if flags else ''}")
    print(f"    ({shown(t['subject'])}) · ({t['predicate']['text']} = {t['predicate']['lemma']}) · "
          f"({shown(t['object'])})" + (f"   [attributed to: {att['text']}]" if att else ''))
    print(f"    S: {sent}")
print()
