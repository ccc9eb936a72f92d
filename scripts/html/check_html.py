"""Renders `extract --format html` in headless Chromium and checks the DOM: every entity of the
document is highlighted, and every mention shown (the first, longest of overlapping ones) is a
<mark> holding exactly the mention's text. Also saves a screenshot to look at.

Run by hand (not by .ci/run); needs Debian's chromium:

    apt-get install chromium
    python3 scripts/html/check_html.py [ARTICLE.txt] [--screenshot OUT.png]
"""

import html.parser
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Marks(html.parser.HTMLParser):
    """Collects each <mark class="entity">: its entity id and its text without the label."""

    def __init__(self):
        super().__init__()
        self.marks, self.depth, self.in_label = [], 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark" and a.get("class") == "entity":
            self.marks.append({"entity": int(a["data-entity"]), "title": a.get("title", ""), "text": ""})
            self.depth = 1
        elif self.depth and tag == "span" and a.get("class") == "lbl":
            self.in_label = True

    def handle_endtag(self, tag):
        if tag == "span" and self.in_label:
            self.in_label = False
        elif tag == "mark" and self.depth:
            self.depth = 0

    def handle_data(self, data):
        if self.depth and not self.in_label:
            self.marks[-1]["text"] += data


def main():
    argv, args, shot = sys.argv[1:], [], "/tmp/dossier-seed.png"
    while argv:
        a = argv.pop(0)
        if a == "--screenshot" and argv:
            shot = argv.pop(0)
        else:
            args.append(a)
    article = args[0] if args else os.path.join(ROOT, "..", "shared", "articles", "seed.txt")
    subprocess.run(["cargo", "build", "--release", "--example", "extract"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "extract")
    page = subprocess.run([exe, "--format", "html", article], check=True, capture_output=True).stdout
    doc = json.loads(subprocess.run([exe, "--format", "json", article], check=True, capture_output=True).stdout)
    # Offsets are UTF-8 byte offsets.
    raw = open(article, "rb").read()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.html")
        with open(path, "wb") as f:
            f.write(page)
        profile = ["--user-data-dir=" + os.path.join(tmp, "profile")]
        dom = subprocess.run([CHROMIUM, *FLAGS, *profile, "--dump-dom", "file://" + path],
                             check=True, capture_output=True, text=True).stdout
        subprocess.run([CHROMIUM, *FLAGS, *profile, "--hide-scrollbars", "--window-size=1280,4000",
                        "--screenshot=" + shot, "file://" + path], check=True, capture_output=True)
    parser = Marks()
    parser.feed(dom)
    marks = parser.marks
    # The mentions the page should show: sorted by start, longest first, overlaps dropped.
    mentions = sorted(((m["start"], m["end"], e["id"]) for e in doc["entities"] for m in e["mentions"]),
                      key=lambda m: (m[0], -m[1]))
    shown, at = [], 0
    for s, e, i in mentions:
        if s >= at:
            shown.append((s, e, i))
            at = e
    problems = []
    if len(marks) != len(shown):
        problems.append(f"{len(marks)} marks in the DOM, {len(shown)} mentions to show")
    for mark, (s, e, i) in zip(marks, shown):
        want = raw[s:e].decode("utf-8")
        if mark["entity"] != i or mark["text"] != want:
            problems.append(f"mark {mark} is not mention {want!r} of entity {i}")
    missing = {e["id"] for e in doc["entities"]} - {m["entity"] for m in marks}
    if missing:
        problems.append(f"entities never highlighted: {sorted(missing)}")
    if any(not m["title"] for m in marks):
        problems.append("a mark without its tooltip")
    if "<svg" not in dom:
        problems.append("no entity graph")
    for p in problems:
        print("FAIL", p)
    print(f"{len(marks)} highlighted mentions of {len(doc['entities'])} entities; screenshot: {shot}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
