#!/bin/sh
# Trains the entity model with the defaults and checks that it is the shipped
# gazetteers/ner.bin byte for byte (about a minute; needs the corpora in
# $DOSSIER_SHARED/data/ner/, default ../shared). Run it after any change to the tokenizer,
# tagger, lists or rules: the model's features include what they find.
set -eu
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cargo run --release --quiet --example train_ner -- -o "$out" 2>/dev/null
if cmp -s "$out" gazetteers/ner.bin; then
    echo "gazetteers/ner.bin reproduced ($(wc -c < "$out") bytes)"
else
    echo "gazetteers/ner.bin differs from a training run at this commit ($(wc -c < "$out") bytes against $(wc -c < gazetteers/ner.bin)): train it again and commit it" >&2
    exit 1
fi
