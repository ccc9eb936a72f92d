# Counts triple arguments (subjects and objects) that are a bare pronoun with no entity link,
# in an `extract --format jsonl` run over a directory of articles (issue 18's measure):
#   python3 scripts/pronoun_links.py OUT.jsonl
# Third person: he, she, it, they, him, her, them, his, its, their. First and second: I, we,
# me, us, my, our, you, your. Prints the share of all arguments and the commonest words.
import collections, json, sys

THIRD = {'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their'}
FIRST = {'i', 'we', 'me', 'us', 'my', 'our', 'you', 'your'}
total = third = first = 0
words = collections.Counter()
for line in open(sys.argv[1], encoding='utf-8'):
    doc = json.loads(line)
    for t in doc.get('triples', []):
        for arg in (t.get('subject'), t.get('object')):
            if not arg or not arg.get('text'):
                continue
            total += 1
            w = arg['text'].lower()
            if arg.get('entity') is not None:
                continue
            if w in THIRD:
                third += 1
                words[w] += 1
            elif w in FIRST:
                first += 1
print(f"{total} arguments; third person unlinked {third} ({100 * third / max(total, 1):.2f}%); "
      f"first and second person unlinked {first} ({100 * first / max(total, 1):.2f}%)")
print('commonest unlinked:', ', '.join(f'{w} {n}' for w, n in words.most_common(8)))
