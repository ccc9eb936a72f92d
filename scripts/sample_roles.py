# Lists every role of N articles drawn with a fixed seed from an `extract --format jsonl` run on
# a directory of articles, each with its sentence, for reading by hand.
#   python3 scripts/sample_roles.py OUT.jsonl N SEED
import json, random, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs = [json.loads(line) for line in open(path)]
docs = sorted((d for d in docs if 'roles' in d), key=lambda d: d['id'])
random.seed(seed)
k = 0
for d in random.sample(docs, n):
    raw = open(d['id'], encoding='utf-8').read().encode()
    ents = {e['id']: e for e in d['entities']}
    name = lambda i: ents[i]['name'] if i is not None else None
    print(f"== {d['id'].split('/')[-1]}: {len(d['roles'])} roles")
    for r in d['roles']:
        k += 1
        st = d['sentences'][r['sentence']]
        sent = raw[st['start']:st['end']].decode(errors='replace').replace('\n', ' ')
        print(f"#{k} person={name(r['person'])!r} title={name(r['title'])!r} org={name(r['org'])!r}")
        print(f"    [{r['sentence']}] {sent}")
    print()
