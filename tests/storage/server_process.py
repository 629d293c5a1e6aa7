"""A `tally server` process for the storage tests: started on a free loopback port over a data
directory, queried over HTTP, stopped or killed."""
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


class Server:
    """`tally` is the binary; the server's stderr goes to server.log and its query log to
    queries.jsonl, both beside `path`."""

    def __init__(self, tally, path, extra_args=()):
        self.path = path
        self.log = open(os.path.join(os.path.dirname(path), "server.log"), "a+")
        self.proc = subprocess.Popen([tally, "server", "--path", path, "--http_port", "0",
                                      "--log_file", os.path.join(os.path.dirname(path), "queries.jsonl"), *extra_args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = None
        deadline = time.time() + 60
        while time.time() < deadline and self.port is None:
            line = self.proc.stderr.readline()
            if not line:
                raise SystemExit("server exited while starting")
            self.log.write(line)
            m = re.search(r"listening on http://[^:]+:(\d+)", line)
            if m:
                self.port = int(m.group(1))
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.log.write(line)

    def query(self, sql, body=None, params="", timeout=60):
        url = f"http://127.0.0.1:{self.port}/?query=" + urllib.parse.quote(sql) + params
        data = body if body is not None else b""
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"), timeout=timeout) as r:
                return r.read().decode()
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"HTTP {e.code}: {e.read().decode()[:500]}") from None

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)
