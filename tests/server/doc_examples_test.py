#!/usr/bin/env python3
"""Runs the ```sh examples of docs/http_api.md as written against a fresh `tally server` and
compares each with the ```text block that follows it.

The doc says `localhost:8123` and `tally`; the test points them at its server (a free port) and
at the binary under test. Usage: doc_examples_test.py <tally binary> <docs/http_api.md>
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import TallyServer  # noqa: E402


def examples(markdown):
    blocks = re.findall(r"```(\w*)\n(.*?)```", markdown, re.S)
    result = []
    for i, (lang, body) in enumerate(blocks):
        if lang != "sh":
            continue
        expected = blocks[i + 1][1] if i + 1 < len(blocks) and blocks[i + 1][0] == "text" else None
        result.append((body, expected))
    return result


def main():
    binary, doc = os.path.abspath(sys.argv[1]), sys.argv[2]
    cases = examples(open(doc).read())
    if len(cases) < 10:
        print("expected at least 10 sh examples in %s, found %d" % (doc, len(cases)))
        return 1
    failures = 0
    with TallyServer(binary) as server, tempfile.TemporaryDirectory() as bindir:
        os.symlink(binary, os.path.join(bindir, "tally"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"])
        for script, expected in cases:
            command = script.replace("localhost:8123", "localhost:%d" % server.port)
            command = command.replace("--port 8123", "--port %d" % server.port)
            out = subprocess.run(["bash", "-eo", "pipefail", "-c", command], capture_output=True, text=True, env=env,
                                 timeout=60)
            ok = out.returncode == 0 and (expected is None or out.stdout == expected)
            print(("ok   " if ok else "FAIL ") + script.strip().splitlines()[0])
            if not ok:
                failures += 1
                print("  exit code: %d\n  stdout:\n%s\n  expected:\n%s\n  stderr:\n%s" %
                      (out.returncode, out.stdout, expected, out.stderr))
    print("%d of %d examples failed" % (failures, len(cases)) if failures else "all %d examples passed" % len(cases))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
