#!/usr/bin/env python3
"""Runs one SQL test: tests/queries/NNNNN_name.sql against its .reference.

The .sql file is run by `tally local --ignore-error --queries-file` (working directory:
tests/queries, so tests can read data files under tests/queries/data). Standard output must
equal the .reference file byte for byte. A statement expected to fail carries a comment
`-- { serverError NAME_OR_CODE }` on the line where it ends; the errors printed on stderr must
be exactly those, in order.

With --clickhouse URL, the same statements run on a ClickHouse server over HTTP instead (one
statement per request, in a fresh database) — used to check references against the oracle.
"""
import argparse
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def error_codes():
    codes = {}
    path = os.path.join(HERE, "..", "src", "common", "error_codes.list")
    for line in open(path):
        m = re.match(r"M\((\d+), (\w+)\)", line)
        if m:
            codes[m.group(2)] = int(m.group(1))
    return codes


def expected_errors(sql):
    codes = error_codes()
    result = []
    for m in re.finditer(r"--\s*\{\s*(?:serverError|clientError)\s+([\w]+)\s*\}", sql):
        v = m.group(1)
        result.append(int(v) if v.isdigit() else codes[v])
    return result


def split_statements(sql):
    """Splits on ';' outside strings, quoted identifiers and comments."""
    statements, current, i, n = [], [], 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"`":
            j = i + 1
            while j < n and sql[j] != c:
                j += 2 if sql[j] == "\\" else 1
            current.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith("--", i) or c == "#":
            j = sql.find("\n", i)
            j = n if j < 0 else j
            current.append(sql[i:j])
            i = j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i)
            j = n if j < 0 else j + 2
            i = j
        elif c == ";":
            statements.append("".join(current))
            current = []
            i += 1
        else:
            current.append(c)
            i += 1
    statements.append("".join(current))
    return [s for s in statements if re.sub(r"--[^\n]*|\s", "", s)]


def run_tally(binary, test):
    binary = os.path.abspath(binary)
    proc = subprocess.run([binary, "local", "--ignore-error", "--queries-file", test], cwd=os.path.dirname(test), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    errors = [int(m) for m in re.findall(rb"^Code: (\d+)\.", proc.stderr, re.M)]
    return proc.stdout, proc.stderr, errors


def run_clickhouse(url, test, sql):
    db = "test_" + re.sub(r"\W", "_", os.path.basename(test)[:-4])
    settings = {}  # SET statements last for the session: sent with every later statement

    def post(query, database=None):
        params = dict(settings, database=database) if database else {}
        req = urllib.request.Request(url + "/?" + urllib.parse.urlencode(params), data=query.encode(), method="POST")
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.read(), None
        except urllib.error.HTTPError as e:
            body = e.read()
            m = re.match(rb"Code: (\d+)", body)
            return b"", int(m.group(1)) if m else -1
    post("DROP DATABASE IF EXISTS " + db)
    post("CREATE DATABASE " + db)
    out, errors = b"", []
    for statement in split_statements(sql):
        bare = re.sub(r"(?m)^\s*--.*$", "", statement)
        m = re.match(r"\s*SET\s+(\w+)\s*=\s*'?([^']*?)'?\s*$", bare, re.I)
        if m:
            settings[m.group(1)] = m.group(2)
            continue
        body, err = post(statement, db)
        out += body
        if err is not None:
            errors.append(err)
    post("DROP DATABASE IF EXISTS " + db)
    return out, b"", errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--clickhouse")
    ap.add_argument("--update", action="store_true", help="write the output as the new reference")
    ap.add_argument("test")
    args = ap.parse_args()
    test = os.path.abspath(args.test)
    sql = open(test, encoding="utf-8").read()
    reference_path = test[:-4] + ".reference"
    if args.clickhouse:
        out, err, errors = run_clickhouse(args.clickhouse, test, sql)
    else:
        out, err, errors = run_tally(args.binary, test)
    expected = expected_errors(sql)
    if args.update:
        open(reference_path, "wb").write(out)
        print("updated", reference_path)
        return 0
    reference = open(reference_path, "rb").read() if os.path.exists(reference_path) else b""
    ok = True
    if out != reference:
        ok = False
        sys.stdout.write("Output differs from the reference.\n")
        ref_lines = reference.decode(errors="replace").splitlines()
        out_lines = out.decode(errors="replace").splitlines()
        import difflib
        for line in difflib.unified_diff(ref_lines, out_lines, "reference", "output", lineterm="", n=2):
            sys.stdout.write(line + "\n")
    if errors != expected:
        ok = False
        sys.stdout.write(f"Errors {errors} differ from the expected {expected}.\n")
        sys.stdout.write(err.decode(errors="replace"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
