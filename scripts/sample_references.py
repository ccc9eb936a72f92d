# Draws N reference links (mentions with source rule:reference:*) from an extract jsonl run on the
# BBC dev corpus, with a fixed seed, and prints each with its sentence and the two before.
import json, random, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
items = []
for line in open(path):
    d = json.loads(line)
    if 'entities' not in d:
        continue
    for e in d['entities']:
        for m in e['mentions']:
            if m['source'].startswith('rule:reference:'):
                items.append((d['id'], m['sentence'], m['start'], m['end'], m['text'], e['label'], e['name'], m['source']))
items.sort()
random.seed(seed)
sample = random.sample(items, n)
texts = {}
for k, (doc, s, a, b, t, label, name, src) in enumerate(sample, 1):
    if doc not in texts:
        texts[doc] = open(doc, encoding='utf-8').read().encode()
    raw = texts[doc]
    d = None
    for line in open(path):
        if line.startswith('{"id":"' + doc) or json.loads(line)['id'] == doc:
            d = json.loads(line); break
    sents = d['sentences']
    ctx = []
    for j in range(max(0, s - 2), s + 1):
        st = sents[j]
        piece = raw[st['start']:st['end']]
        if j == s:
            piece = raw[st['start']:a] + b'[[' + raw[a:b] + b']]' + raw[b:st['end']]
        ctx.append(piece.decode(errors='replace'))
    print(f"#{k} {doc.split('/')[-1]} sentence {s}: [[{t}]] -> {label} {name!r} ({src.split(':')[-1]})")
    for c in ctx:
        print("    " + c.replace("\n", " "))
    print()
