#!/bin/sh
# What pandoc makes of the Word fixtures (tests/fixtures/word/), beside what stdportal's reader
# makes of them: the evidence for the comparison table in docs/WORD.md. A developer's script:
# pandoc is no dependency of stdportal.
#
#   sh scripts/compare-pandoc.sh          # writes target/pandoc-compare/<fixture>.{pandoc,stdportal}.md
#
# Needs python3 (with venv and pip); installs pypandoc-binary (pandoc 3) into target/pandoc-venv.
set -eu
cd "$(dirname "$0")/.."
venv=target/pandoc-venv
out=target/pandoc-compare
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pypandoc-binary
fi
pandoc=$("$venv/bin/python" -c 'import pypandoc; print(pypandoc.get_pandoc_path())')
"$pandoc" --version | head -n 1
mkdir -p "$out"
# The hand-written fixtures are folders of XML: zip each as Word does.
"$venv/bin/python" - "$out" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
root = "tests/fixtures/word/xml"
for name in sorted(os.listdir(root)):
    folder = os.path.join(root, name)
    files = []
    for dirpath, _, filenames in os.walk(folder):
        for f in filenames:
            path = os.path.join(dirpath, f)
            files.append((os.path.relpath(path, folder).replace(os.sep, "/"), path))
    files.sort(key=lambda x: (x[0] != "[Content_Types].xml", x[0]))
    with zipfile.ZipFile(os.path.join(out, name + ".docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, path in files:
            z.write(path, arcname)
PY
cp tests/fixtures/word/*.docx "$out"/
cargo build --quiet --example docx_dump
for docx in "$out"/*.docx; do
    name=$(basename "$docx" .docx)
    "$pandoc" --from docx --to gfm --wrap=none "$docx" -o "$out/$name.pandoc.md"
    ./target/debug/examples/docx_dump "$docx" > "$out/$name.stdportal.md"
    echo "$out/$name.pandoc.md  $out/$name.stdportal.md"
done
