"""Starts `tally server` on a free loopback port with a temporary data directory, for tests.

    with TallyServer(binary, extra_args=["--default_password", "secret"]) as server:
        server.url  # "http://127.0.0.1:<port>"
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request


class TallyServer:
    def __init__(self, binary, extra_args=(), env=None):
        self.binary = binary
        self.extra_args = list(extra_args)
        self.env = env
        self.process = None
        self.port = None
        self.tmp = None
        self.log_path = None

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="tally-server-test-")
        self.path = os.path.join(self.tmp, "data")
        self.log_path = os.path.join(self.tmp, "query_log.jsonl")
        args = [self.binary, "server", "--path", self.path, "--http_port", "0", "--log_file", self.log_path]
        args += self.extra_args
        env = dict(os.environ)
        if self.env:
            env.update(self.env)
        self.stderr_path = os.path.join(self.tmp, "stderr.txt")
        self.stderr = open(self.stderr_path, "w+")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=self.stderr, env=env)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("tally server exited: " + open(self.stderr_path).read())
            with open(self.stderr_path) as f:
                m = re.search(r"listening on http://[^:]+:(\d+)", f.read())
            if m:
                self.port = int(m.group(1))
                break
            time.sleep(0.05)
        if not self.port:
            raise RuntimeError("tally server did not start: " + open(self.stderr_path).read())
        self.url = "http://127.0.0.1:%d" % self.port
        urllib.request.urlopen(self.url + "/ping", timeout=10).read()
        return self

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def stop(self):
        self._stop_process()
        self.stderr.close()

    def _stop_process(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.returncode not in (0, -15, None):
            with open(self.stderr_path) as f:
                raise RuntimeError("tally server exited with %s: %s" % (self.process.returncode, f.read()))

    def alive(self):
        return self.process.poll() is None

    def query_log(self):
        import json
        with open(self.log_path) as f:
            return [json.loads(line) for line in f if line.strip()]
