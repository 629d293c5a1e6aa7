#!/usr/bin/env python3
"""Seed 003's analysis, run verbatim through `tally local` over a generated data set of the
same shape (185 gzipped JSON-lines files in nested folders, read with a ** glob as
JSONAsString), checked against statistics computed independently in Python (generate.py).

Usage: check.py TALLY_BINARY [WORK_DIR]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(binary, work, sql):
    cmd = [binary, "local", "--input-format", "JSONAsString", "--output-format", "TSVWithNames",
           "--file", os.path.join(work, "data", "**", "*"), "--query", sql]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if p.returncode != 0:
        raise SystemExit(f"tally failed ({p.returncode}): {p.stderr.decode()}")
    lines = p.stdout.decode().rstrip("\n").split("\n")
    header = lines[0].split("\t")
    return header, [l.split("\t") for l in lines[1:]]


def main():
    binary = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="seed003_")
    if not os.path.exists(os.path.join(work, "expected.json")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), work], check=True, stdout=subprocess.DEVNULL)
    expected = json.load(open(os.path.join(work, "expected.json")))
    read = lambda name: open(os.path.join(HERE, name)).read()
    failures = []

    def check(label, got, want):
        if got != want:
            failures.append(f"{label}: got {got!r}, expected {want!r}")

    # Window-function variant.
    header, rows = run(binary, work, read("window_variant.sql"))
    w = expected["window"]
    check("window header", header, ["num_of_changes", "median_minutes", "min_minutes", "max_minutes", "avg_minutes"])
    row = rows[0]
    check("window num_of_changes", int(row[0]), w["num_of_changes"])
    check("window median", float(row[1]), float(w["median_minutes"]))
    check("window min", int(row[2]), w["min_minutes"])
    check("window max", int(row[3]), w["max_minutes"])
    check("window avg", row[4], repr(w["avg_minutes"]))

    # Array variant, with the topK column of the frequency section.
    header, rows = run(binary, work, read("array_prefix.sql") + read("array_variant_tail.sql"))
    a = expected["arrays"]
    row = rows[0]
    check("arrays num_changes", int(row[0]), a["num_changes"])
    check("arrays median", float(row[1]), float(a["median_minutes"]))
    check("arrays min", float(row[2]), float(a["min_minutes"]))
    check("arrays max", float(row[3]), float(a["max_minutes"]))
    check("arrays avg", row[4], repr(a["avg_minutes"]))
    top5 = [float(x) for x in row[5].strip("[]").split(",")]
    check("arrays topK(5)", top5, [float(k) for k, _ in a["frequencies"][:5]])

    # Frequency table.
    header, rows = run(binary, work, read("array_prefix.sql") + read("frequency_tail.sql"))
    check("frequency header", header, ["duration", "frequency"])
    check("frequency table", [(float(d), int(f)) for d, f in rows], [(float(k), v) for k, v in a["frequencies"]])

    if failures:
        print("\n".join(failures))
        return 1
    print(f"seed 003 analysis matches: {expected['records']} records in {expected['files']} files, "
          f"{w['num_of_changes']} changes, avg {w['avg_minutes']:.4f} min")
    if len(sys.argv) <= 2:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
