#!/usr/bin/env python3
"""`tally local -m` at an interactive terminal (a real pseudo-terminal): the prompt, PrettyCompact
output, Ctrl-C cancelling a running query while the prompt stays open, errors that do not end
the session, history written to the history file, and `exit`.

    interactive_test.py path/to/tally
"""
import os
import pty
import re
import select
import sys
import tempfile
import time


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ANSI_BYTES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Session:
    def __init__(self, binary, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "local", "--multiline"], env)
        self.buffer = b""

    def expect(self, pattern, timeout=30):
        regex = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        deadline = time.time() + timeout
        while True:
            m = regex.search(ANSI_BYTES.sub(b"", self.buffer))
            if m:  # match again on the raw bytes' position: strip escapes from the buffer itself
                self.buffer = ANSI_BYTES.sub(b"", self.buffer)
                m = regex.search(self.buffer)
            if m:
                before = self.buffer[:m.end()]
                self.buffer = self.buffer[m.end():]
                return ANSI.sub("", before.decode(errors="replace"))
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {pattern!r}; got:\n{self.buffer.decode(errors='replace')}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"session ended waiting for {pattern!r}; got:\n{self.buffer.decode(errors='replace')}")
                self.buffer += chunk

    def send(self, text):
        os.write(self.fd, text.encode())

    def wait_exit(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            try:
                select.select([self.fd], [], [], 0.1)
                os.read(self.fd, 65536)
            except OSError:
                pass
        raise AssertionError("tally local did not exit")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        history = os.path.join(tmp, "history")
        env = dict(os.environ, TALLY_HISTORY_FILE=history, TERM="xterm", HOME=tmp)
        s = Session(binary, env)
        s.expect(r":\) ")

        s.send("SELECT 1 + 1 AS two, 'x' AS s;\r")
        out = s.expect(r"row in set\. Elapsed: [0-9.]+ sec\.")
        assert re.search(r"┌─two─┬─s─┐", out), out                # PrettyCompact at a terminal
        assert re.search(r"│   2 │ x │", out), out
        s.expect(r":\) ")

        # A statement over several lines (multiline mode: it runs at the ';').
        s.send("SELECT number\r")
        s.expect(r":-\] ")
        s.send("FROM numbers(3) WHERE number > 0;\r")
        out = s.expect(r"2 rows in set")
        assert "│      1 │" in out and "│      2 │" in out, out
        s.expect(r":\) ")

        # Ctrl-C cancels a long query; the session goes on.
        s.send("SELECT count() FROM numbers(1000000000000) WHERE NOT ignore(sipHash64(number));\r")
        time.sleep(1.5)
        s.send("\x03")
        out = s.expect(r"Code: 394\. DB::Exception: [^\n]*cancel", timeout=30)
        s.expect(r":\) ")

        # An error is reported and the session goes on.
        s.send("SELECT no_such_column;\r")
        s.expect(r"Code: 47\. DB::Exception")
        s.expect(r":\) ")

        s.send("SELECT 40 + 2 AS answer;\r")
        out = s.expect(r"1 row in set")
        assert "│     42 │" in out, out
        s.expect(r":\) ")

        s.send("exit\r")
        code = s.wait_exit()
        assert code == 0, code
        # libedit's history file escapes characters as octal (strvis): "\\040" is a space.
        text = re.sub(r"\\(\d{3})", lambda m: chr(int(m.group(1), 8)), open(history).read())
        assert "SELECT 40 + 2 AS answer;" in text, text
    print("interactive session OK")


if __name__ == "__main__":
    main()
