#!/usr/bin/env python3
"""`tally server` over real curl: every HTTP feature, error codes and statuses, compression
both ways, sessions, parameters, authentication, GET readonly, cancellation, the concurrency
bound, bad requests and garbage bodies that must leave stored data untouched.

Usage: http_server_test.py <path to tally binary>
"""

import gzip
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import TallyServer  # noqa: E402

BINARY = None
PASSWORD = "s3cret"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> list of values
        self.body = body

    def header(self, name):
        values = self.headers.get(name.lower())
        return values[-1] if values else None

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def curl(url, *args, data=None, user="default", password=PASSWORD, timeout=60):
    """Runs curl; returns a Response. `data` (bytes) is POSTed from a file."""
    with tempfile.TemporaryDirectory() as tmp:
        headers_file = os.path.join(tmp, "headers")
        body_file = os.path.join(tmp, "body")
        cmd = ["curl", "-sS", "-D", headers_file, "-o", body_file, "-w", "%{http_code}"]
        if user is not None:
            cmd += ["-u", "%s:%s" % (user, password)]
        if data is not None:
            data_file = os.path.join(tmp, "data")
            with open(data_file, "wb") as f:
                f.write(data)
            cmd += ["--data-binary", "@" + data_file]
        cmd += list(args) + [url]
        out = subprocess.run(cmd, capture_output=True, timeout=timeout)
        status = int(out.stdout.decode() or 0)
        headers = {}
        if os.path.exists(headers_file):
            with open(headers_file, "rb") as f:
                header_lines = f.read().decode("latin-1").split("\r\n")
            for line in header_lines:
                if ":" in line and not line.startswith("HTTP/"):
                    name, value = line.split(":", 1)
                    headers.setdefault(name.strip().lower(), []).append(value.strip())
        body = b""
        if os.path.exists(body_file):
            with open(body_file, "rb") as f:
                body = f.read()
        return Response(status, headers, body)


class ServerTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = TallyServer(BINARY, ["--default_password", PASSWORD, "--display_name", "tally-test"]).__enter__()
        cls.url = cls.server.url

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def q(self, sql, *args, **kwargs):
        """POSTs `sql` as the body."""
        return curl(self.url + "/", *args, data=sql.encode(), **kwargs)

    def get(self, query_string, *args, **kwargs):
        return curl(self.url + "/?" + query_string, *args, **kwargs)

    def assertError(self, response, code, status, name=None):
        self.assertEqual(response.status, status, response.text)
        self.assertEqual(response.header("X-ClickHouse-Exception-Code"), str(code), response.text)
        self.assertRegex(response.text, r"^Code: %d\. DB::Exception: " % code)
        if name:
            self.assertIn("(%s)" % name, response.text)
        self.assertRegex(response.text, r"\(version [0-9.]+\)\n$")

    def count(self, table):
        r = self.q("SELECT count() FROM " + table)
        self.assertEqual(r.status, 200, r.text)
        return int(r.text)

    # --- health checks and static pages -------------------------------------------------

    def test_health_checks(self):
        for path in ["/ping", "/replicas_status", "/"]:
            r = curl(self.url + path, user=None)
            self.assertEqual((r.status, r.body), (200, b"Ok.\n"), path)
        r = curl(self.url + "/nope", user=None)
        self.assertEqual(r.status, 404)
        self.assertIn("There is no handle /nope", r.text)

    def test_play_page(self):
        r = curl(self.url + "/play", user=None)
        self.assertEqual(r.status, 200)
        self.assertIn("text/html", r.header("Content-Type"))
        for needle in ["<textarea", "X-ClickHouse-Summary", "param_", "Enter", "read_rows"]:
            self.assertIn(needle, r.text)
        # The page's script must at least be valid JavaScript.
        script = re.search(r"<script>(.*)</script>", r.text, re.S).group(1)
        with tempfile.NamedTemporaryFile("w", suffix=".js") as f:
            f.write(script)
            f.flush()
            check = subprocess.run(["node", "--check", f.name], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        # What the page sends: the query as the body, parameters as param_<name>, JSONCompact.
        r = curl(self.url + "/?default_format=JSONCompact&max_result_rows=1000&result_overflow_mode=break&param_n=3",
                 "-H", "X-ClickHouse-User: default", "-H", "X-ClickHouse-Key: " + PASSWORD,
                 data=b"SELECT number FROM numbers({n:UInt32})", user=None)
        doc = json.loads(r.body)
        self.assertEqual(doc["data"], [["0"], ["1"], ["2"]])
        self.assertEqual(json.loads(r.header("X-ClickHouse-Summary"))["read_rows"], "3")

    def test_metrics(self):
        self.q("SELECT 1")
        r = curl(self.url + "/metrics", user=None)
        self.assertEqual(r.status, 200)
        metrics = dict(re.findall(r"^(tally_\w+) (\S+)$", r.text, re.M))
        for name in ["tally_queries_total", "tally_failed_queries_total", "tally_inserted_rows_total",
                     "tally_http_connections", "tally_uptime_seconds", "tally_running_queries"]:
            self.assertIn(name, metrics)
        self.assertGreaterEqual(int(metrics["tally_queries_total"]), 1)
        self.assertIn("# TYPE tally_queries_total counter", r.text)

    # --- queries, headers, formats -------------------------------------------------------

    def test_get_query_and_headers(self):
        r = self.get("query=SELECT%201")
        self.assertEqual((r.status, r.body), (200, b"1\n"))
        self.assertEqual(r.header("X-ClickHouse-Format"), "TabSeparated")
        self.assertEqual(r.header("Content-Type"), "text/tab-separated-values; charset=UTF-8")
        self.assertEqual(r.header("X-ClickHouse-Timezone"), "UTC")
        self.assertEqual(r.header("X-ClickHouse-Server-Display-Name"), "tally-test")
        self.assertRegex(r.header("X-ClickHouse-Query-Id"), r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        summary = json.loads(r.header("X-ClickHouse-Summary"))
        for key in ["read_rows", "read_bytes", "written_rows", "written_bytes", "total_rows_to_read", "elapsed_ns"]:
            self.assertIsInstance(summary[key], str, key)

    def test_summary_counts_rows(self):
        r = self.q("SELECT sum(number) FROM numbers(1000)")
        self.assertEqual(r.text, "499500\n")
        summary = json.loads(r.header("X-ClickHouse-Summary"))
        self.assertEqual(summary["read_rows"], "1000")
        self.assertEqual(summary["result_rows"], "1")

    def test_query_id_given(self):
        r = self.get("query=SELECT%20queryID()&query_id=my-query-1")
        self.assertEqual(r.header("X-ClickHouse-Query-Id"), "my-query-1")
        r = self.q("SELECT 1", "-H", "X-ClickHouse-Query-Id: header-id")
        self.assertEqual(r.header("X-ClickHouse-Query-Id"), "header-id")

    def test_query_in_url_and_body(self):
        r = curl(self.url + "/?query=SELECT%201%20%2B", data=b"2")
        self.assertEqual(r.text, "3\n")
        # The parts are joined with a line feed: SEL + ECT is not SELECT.
        r = curl(self.url + "/?query=SEL", data=b"ECT 1")
        self.assertError(r, 62, 400, "SYNTAX_ERROR")

    def test_formats(self):
        r = self.q("SELECT number AS n, toString(number) AS s FROM numbers(2)", "-H", "X-ClickHouse-Format: JSONEachRow")
        self.assertEqual(r.text, '{"n":"0","s":"0"}\n{"n":"1","s":"1"}\n')
        self.assertEqual(r.header("X-ClickHouse-Format"), "JSONEachRow")
        r = curl(self.url + "/?default_format=JSON", data=b"SELECT 1 AS x")
        self.assertEqual(r.header("Content-Type"), "application/json; charset=UTF-8")
        doc = json.loads(r.body)
        self.assertEqual(doc["data"], [{"x": 1}])
        self.assertEqual(doc["meta"], [{"name": "x", "type": "UInt8"}])
        r = self.q("SELECT 1 AS x FORMAT CSVWithNames")
        self.assertEqual(r.text, '"x"\n1\n')
        self.assertEqual(r.header("X-ClickHouse-Format"), "CSVWithNames")
        r = self.q("SELECT 1 FORMAT NoSuchFormat")
        self.assertError(r, 73, 404, "UNKNOWN_FORMAT")

    def test_parameters(self):
        r = curl(self.url + "/?param_x=41&param_s=hello%20world", data=b"SELECT {x:UInt32} + 1, {s:String}")
        self.assertEqual(r.text, "42\thello world\n")
        r = curl(self.url + "/?query=SELECT%20%7Bx:UInt8%7D&param_x=7")
        self.assertEqual(r.text, "7\n")

    def test_database_parameter(self):
        r = curl(self.url + "/?database=system", data=b"SELECT count() FROM one")
        self.assertEqual(r.text, "1\n")
        r = curl(self.url + "/", "-H", "X-ClickHouse-Database: system", data=b"SELECT currentDatabase()")
        self.assertEqual(r.text, "system\n")
        r = curl(self.url + "/?database=no_such_db", data=b"SELECT 1")
        self.assertError(r, 81, 404, "UNKNOWN_DATABASE")

    def test_settings_as_parameters(self):
        r = curl(self.url + "/?max_threads=3", data=b"SELECT getSetting('max_threads')")
        self.assertEqual(r.text, "3\n")
        r = curl(self.url + "/?no_such_setting=1", data=b"SELECT 1")
        self.assertError(r, 115, 404, "UNKNOWN_SETTING")
        r = curl(self.url + "/?max_result_rows=10&result_overflow_mode=throw", data=b"SELECT number FROM numbers(100)")
        self.assertEqual(r.status, 500)
        self.assertIn(r.header("X-ClickHouse-Exception-Code"), ("396", "158"))

    def test_error_statuses(self):
        self.assertError(self.q("SELEC 1"), 62, 400, "SYNTAX_ERROR")
        self.assertError(self.q("SELECT * FROM no_such_table_xyz"), 60, 404, "UNKNOWN_TABLE")
        self.assertError(self.q("SELECT no_such_function(1)"), 46, 404, "UNKNOWN_FUNCTION")
        r = self.q("SELECT 1; SELECT 2")
        self.assertEqual(r.status, 400, r.text)
        self.assertError(self.q(""), 62, 400)

    # --- GET is readonly -----------------------------------------------------------------

    def test_get_is_readonly(self):
        r = self.get("query=CREATE%20TABLE%20ro_t%20(x%20UInt8)%20ENGINE%3DMemory")
        self.assertError(r, 164, 500, "READONLY")
        self.assertIn("method GET implies readonly", r.text)
        r = self.q("EXISTS TABLE ro_t")
        self.assertEqual(r.text, "0\n")
        # SET is allowed (readonly=2) and POST can write.
        r = self.get("query=SELECT%20getSetting('readonly')")
        self.assertEqual(r.text, "2\n")
        r = self.q("CREATE TABLE ro_t (x UInt8) ENGINE=Memory")
        self.assertEqual((r.status, r.body), (200, b""))

    # --- INSERT ------------------------------------------------------------------------------

    def test_insert_forms(self):
        self.assertEqual(self.q("CREATE TABLE ins (a UInt32, s String) ENGINE = Memory").status, 200)
        r = curl(self.url + "/?query=INSERT%20INTO%20ins%20FORMAT%20JSONEachRow",
                 data=b'{"a":1,"s":"x"}\n{"a":2,"s":"y"}\n')
        self.assertEqual((r.status, r.body), (200, b""), r.text)
        self.assertEqual(json.loads(r.header("X-ClickHouse-Summary"))["written_rows"], "2")
        r = self.q('INSERT INTO ins FORMAT JSONEachRow\n{"a":3,"s":"z"}\n')
        self.assertEqual(r.status, 200, r.text)
        r = curl(self.url + "/?query=INSERT%20INTO%20ins%20VALUES", data=b"(4,'v'),(5,'w')")
        self.assertEqual(r.status, 200, r.text)
        r = curl(self.url + "/?query=INSERT%20INTO%20ins%20FORMAT%20TabSeparated", data=b"6\tt\n")
        self.assertEqual(r.status, 200, r.text)
        r = curl(self.url + "/?query=INSERT%20INTO%20ins%20FORMAT%20CSV", data=b'7,"c"\n')
        self.assertEqual(r.status, 200, r.text)
        r = self.q("SELECT a, s FROM ins ORDER BY a")
        self.assertEqual(r.text, "1\tx\n2\ty\n3\tz\n4\tv\n5\tw\n6\tt\n7\tc\n")

    def test_bad_insert_data_inserts_nothing(self):
        self.q("CREATE TABLE bad_ins (a UInt32) ENGINE = Memory")
        self.q("INSERT INTO bad_ins VALUES (1)")
        r = curl(self.url + "/?query=INSERT%20INTO%20bad_ins%20FORMAT%20JSONEachRow", data=b'{"a":2}\n{"a":"oops"\n')
        self.assertEqual(r.status, 400, r.text)
        self.assertEqual(self.count("bad_ins"), 1)

    # --- compression -------------------------------------------------------------------------

    def compressor(self, tool, data):
        return subprocess.run([tool, "-c"], input=data, capture_output=True, check=True).stdout

    def test_compressed_request_bodies(self):
        self.q("CREATE TABLE comp_in (a UInt32) ENGINE = Memory")
        rows = b"".join(b'{"a":%d}\n' % i for i in range(1000))
        bodies = {
            "gzip": gzip.compress(rows),
            "deflate": zlib.compress(rows),
            "zstd": self.compressor("zstd", rows),
            "lz4": self.compressor("lz4", rows),
        }
        for encoding, body in bodies.items():
            r = curl(self.url + "/?query=INSERT%20INTO%20comp_in%20FORMAT%20JSONEachRow", "-H",
                     "Content-Encoding: " + encoding, data=body)
            self.assertEqual(r.status, 200, encoding + ": " + r.text)
        self.assertEqual(self.count("comp_in"), 4000)
        # A compressed query text, too.
        r = curl(self.url + "/", "-H", "Content-Encoding: gzip", data=gzip.compress(b"SELECT 40 + 2"))
        self.assertEqual(r.text, "42\n")

    def test_garbage_and_truncated_bodies_leave_data_untouched(self):
        self.q("CREATE TABLE comp_bad (a UInt32) ENGINE = Memory")
        self.q("INSERT INTO comp_bad VALUES (1),(2)")
        rows = b"".join(b'{"a":%d}\n' % i for i in range(5000))
        cases = [
            ("gzip", b"this is not gzip at all"),
            ("gzip", gzip.compress(rows)[:-40]),
            ("deflate", zlib.compress(rows)[: len(zlib.compress(rows)) // 2]),
            ("zstd", self.compressor("zstd", rows)[:-10]),
            ("zstd", b"\x28\xb5\x2f\xfd garbage garbage"),
            ("lz4", self.compressor("lz4", rows)[:-8]),
        ]
        for encoding, body in cases:
            r = curl(self.url + "/?query=INSERT%20INTO%20comp_bad%20FORMAT%20JSONEachRow", "-H",
                     "Content-Encoding: " + encoding, data=body)
            self.assertError(r, 271, 500, "CANNOT_DECOMPRESS")
        r = curl(self.url + "/?query=INSERT%20INTO%20comp_bad%20FORMAT%20JSONEachRow", "-H",
                 "Content-Encoding: snappy-ish", data=b"{}")
        self.assertEqual(r.status, 501, r.text)
        self.assertEqual(self.count("comp_bad"), 2)
        r = curl(self.url + "/?query=INSERT%20INTO%20comp_bad%20FORMAT%20RowBinary", data=b"\x01")
        self.assertNotEqual(r.status, 200)
        self.assertEqual(self.count("comp_bad"), 2)
        self.assertTrue(self.server.alive())

    def test_compressed_responses(self):
        sql = b"SELECT number FROM numbers(10000)"
        expected = b"".join(b"%d\n" % i for i in range(10000))
        decoders = {
            "gzip": gzip.decompress,
            "deflate": zlib.decompress,
            "zstd": lambda b: subprocess.run(["zstd", "-dc"], input=b, capture_output=True, check=True).stdout,
            "lz4": lambda b: subprocess.run(["lz4", "-dc"], input=b, capture_output=True, check=True).stdout,
        }
        for encoding, decode in decoders.items():
            r = curl(self.url + "/?enable_http_compression=1", "-H", "Accept-Encoding: " + encoding, data=sql)
            self.assertEqual(r.status, 200)
            self.assertEqual(r.header("Content-Encoding"), encoding)
            self.assertLess(len(r.body), len(expected))
            self.assertEqual(decode(r.body), expected, encoding)
        # Without enable_http_compression the response is plain.
        r = curl(self.url + "/", "-H", "Accept-Encoding: gzip", data=sql)
        self.assertIsNone(r.header("Content-Encoding"))
        self.assertEqual(r.body, expected)
        # curl --compressed decodes it itself.
        r = curl(self.url + "/?enable_http_compression=1", "--compressed", data=sql)
        self.assertEqual(r.body, expected)

    def test_native_block_compression(self):
        """compress=1 / decompress=1: ClickHouse's checksummed LZ4 frames (CityHash128 v1.0.2)."""
        import struct
        self.q("CREATE TABLE native_c (a UInt8, s String) ENGINE = Memory")
        # Frames written by ClickHouse 18.16 (compress=1 of SELECT number % 10 AS a,
        # toString(number % 7) AS s FROM numbers(400000) FORMAT RowBinary): checksums must verify.
        data_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "clickhouse_compressed_rowbinary.bin")
        with open(data_file, "rb") as f:
            clickhouse_frames = f.read()
        r = curl(self.url + "/?decompress=1&query=INSERT%20INTO%20native_c%20FORMAT%20RowBinary", data=clickhouse_frames)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(self.q("SELECT count(), sum(a), sum(toUInt64(s)) FROM native_c").text, "400000\t1800000\t1199997\n")

        # tally's own frames: method 0x82 (LZ4 block), sizes consistent, and they read back.
        r = curl(self.url + "/?compress=1", data=b"SELECT a, s FROM native_c ORDER BY a, s FORMAT RowBinary")
        self.assertEqual(r.status, 200, r.text)
        frames, pos = 0, 0
        while pos < len(r.body):
            method, compressed, uncompressed = struct.unpack_from("<BII", r.body, pos + 16)
            self.assertEqual(method, 0x82)
            self.assertLessEqual(uncompressed, 1 << 20)
            pos += 16 + compressed
            frames += 1
        self.assertEqual(pos, len(r.body))
        self.assertGreaterEqual(frames, 2)
        self.q("CREATE TABLE native_c2 (a UInt8, s String) ENGINE = Memory")
        r2 = curl(self.url + "/?decompress=1&query=INSERT%20INTO%20native_c2%20FORMAT%20RowBinary", data=r.body)
        self.assertEqual(r2.status, 200, r2.text)
        self.assertEqual(self.q("SELECT count(), sum(a), sum(toUInt64(s)) FROM native_c2").text, "400000\t1800000\t1199997\n")

        # A small frame (the < 128-byte CityHash path) round-trips too.
        r = curl(self.url + "/?compress=1", data=b"SELECT 7 AS a, 'x' AS s FORMAT RowBinary")
        self.assertEqual(len(r.body), 16 + struct.unpack_from("<I", r.body, 17)[0])
        r2 = curl(self.url + "/?decompress=1&query=INSERT%20INTO%20native_c2%20FORMAT%20RowBinary", data=r.body)
        self.assertEqual(r2.status, 200, r2.text)

        # Corruption: a flipped byte fails the checksum (and inserts nothing), unless checksums are off.
        before = self.count("native_c2")
        bad = bytearray(clickhouse_frames)
        bad[40] ^= 0x01
        r = curl(self.url + "/?decompress=1&query=INSERT%20INTO%20native_c2%20FORMAT%20RowBinary", data=bytes(bad))
        self.assertError(r, 40, 500, "CHECKSUM_DOESNT_MATCH")
        r = curl(self.url + "/?decompress=1&query=INSERT%20INTO%20native_c2%20FORMAT%20RowBinary",
                 data=clickhouse_frames[:-100])
        self.assertError(r, 271, 500, "CANNOT_DECOMPRESS")
        bad_method = bytearray(clickhouse_frames)
        bad_method[16] = 0x55
        r = curl(self.url + "/?decompress=1&http_native_compression_disable_checksumming_on_decompress=1"
                 "&query=INSERT%20INTO%20native_c2%20FORMAT%20RowBinary", data=bytes(bad_method))
        self.assertError(r, 89, 500, "UNKNOWN_COMPRESSION_METHOD")
        self.assertEqual(self.count("native_c2"), before)

    # --- sessions ----------------------------------------------------------------------------

    def test_sessions(self):
        s = self.url + "/?session_id=test-session-1"
        self.assertEqual(curl(s, data=b"CREATE TEMPORARY TABLE tmp_s (x UInt8)").status, 200)
        self.assertEqual(curl(s, data=b"INSERT INTO tmp_s VALUES (5)").status, 200)
        self.assertEqual(curl(s, data=b"SELECT x FROM tmp_s").text, "5\n")
        self.assertEqual(curl(s, data=b"SET max_threads = 5").status, 200)
        self.assertEqual(curl(s, data=b"SELECT getSetting('max_threads')").text, "5\n")
        self.assertEqual(curl(s, data=b"USE system").status, 200)
        self.assertEqual(curl(s, data=b"SELECT currentDatabase()").text, "system\n")
        # Another session does not see any of it.
        other = curl(self.url + "/?session_id=test-session-2", data=b"SELECT x FROM tmp_s")
        self.assertError(other, 60, 404)
        # session_check=1 on an unknown session.
        r = curl(self.url + "/?session_id=never-created&session_check=1", data=b"SELECT 1")
        self.assertError(r, 372, 500, "SESSION_NOT_FOUND")
        r = curl(self.url + "/?session_id=x&session_timeout=999999", data=b"SELECT 1")
        self.assertError(r, 374, 500, "INVALID_SESSION_TIMEOUT")

    def test_session_locked(self):
        s = self.url + "/?session_id=locked-session"
        result = {}

        def slow():
            result["r"] = curl(s, data=b"SELECT sleep(1.5)")

        t = threading.Thread(target=slow)
        t.start()
        time.sleep(0.5)
        r = curl(s, data=b"SELECT 1")
        t.join()
        self.assertError(r, 373, 500, "SESSION_IS_LOCKED")
        self.assertEqual(result["r"].status, 200, result["r"].text)
        self.assertEqual(curl(s, data=b"SELECT 1").text, "1\n")

    # --- authentication ------------------------------------------------------------------------

    def test_authentication(self):
        r = self.q("SELECT 1", password="wrong")
        self.assertError(r, 516, 403, "AUTHENTICATION_FAILED")
        self.assertIn("default: Authentication failed", r.text)
        r = self.q("SELECT 1", user="nobody", password=PASSWORD)
        self.assertError(r, 516, 403)
        r = self.q("SELECT 1", user=None)
        self.assertError(r, 516, 403)
        r = curl(self.url + "/", "-H", "X-ClickHouse-User: default", "-H", "X-ClickHouse-Key: " + PASSWORD,
                 data=b"SELECT currentUser()", user=None)
        self.assertEqual(r.text, "default\n")
        r = curl(self.url + "/?user=default&password=" + PASSWORD, data=b"SELECT 1", user=None)
        self.assertEqual(r.text, "1\n")
        # Mixing methods is refused.
        r = curl(self.url + "/?user=default&password=" + PASSWORD, data=b"SELECT 1")
        self.assertError(r, 516, 403)
        r = curl(self.url + "/", "-H", "X-ClickHouse-User: default", "-H", "X-ClickHouse-Key: " + PASSWORD,
                 data=b"SELECT 1")
        self.assertError(r, 516, 403)
        r = curl(self.url + "/", "-H", "Authorization: Bearer abc", data=b"SELECT 1", user=None)
        self.assertError(r, 516, 403)

    # --- streaming, buffering, progress --------------------------------------------------------

    def test_streaming_large_result(self):
        r = self.q("SELECT number FROM numbers(3000000)")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Transfer-Encoding"), "chunked")
        self.assertIsNone(r.header("Content-Length"))
        lines = r.body.split(b"\n")
        self.assertEqual(len(lines), 3000001)
        self.assertEqual(lines[2999999], b"2999999")

    def test_small_result_has_content_length(self):
        r = self.q("SELECT 'abc'")
        self.assertEqual(r.header("Content-Length"), "4")

    def test_wait_end_of_query(self):
        r = curl(self.url + "/?wait_end_of_query=1", data=b"SELECT number FROM numbers(300000)")
        self.assertEqual(r.header("Content-Length"), str(len(r.body)))
        summary = json.loads(r.header("X-ClickHouse-Summary"))
        self.assertEqual(summary["read_rows"], "300000")
        self.assertEqual(summary["result_rows"], "300000")
        # An error late in the query is still a real error status.
        r = curl(self.url + "/?wait_end_of_query=1",
                 data=b"SELECT throwIf(number = 299999, 'late') FROM numbers(300000)")
        self.assertError(r, 395, 500)

    def test_progress_headers(self):
        r = curl(self.url + "/?send_progress_in_http_headers=1&http_headers_progress_interval_ms=10&max_block_size=1000",
                 data=b"SELECT sum(sleepEachRow(0.00001)) FROM numbers(100000)", timeout=120)
        self.assertEqual(r.status, 200, r.text)
        progress = r.headers.get("x-clickhouse-progress", [])
        self.assertGreater(len(progress), 0)
        last = json.loads(progress[-1])
        self.assertGreater(int(last["read_rows"]), 0)

    # --- cancellation, concurrency bound -------------------------------------------------------

    def test_cancel_when_client_goes_away(self):
        qid = "cancel-me-%d" % os.getpid()
        started = time.time()
        r = curl(self.url + "/?query_id=" + qid, "--max-time", "1",
                 data=b"SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))")
        self.assertEqual(r.status, 0)  # curl gave up
        deadline = time.time() + 20
        entry = None
        while time.time() < deadline and entry is None:
            entry = next((e for e in self.server.query_log() if e.get("query_id") == qid), None)
            time.sleep(0.1)
        self.assertIsNotNone(entry, "the cancelled query never ended")
        self.assertEqual(entry["error_code"], 394)  # QUERY_WAS_CANCELLED
        self.assertLess(time.time() - started, 15)
        self.assertEqual(self.q("SELECT 1").text, "1\n")

    def test_system_processes_and_kill_query(self):
        qid = "kill-target-%d" % os.getpid()
        result = {}

        def long_query():
            result["r"] = curl(self.url + "/?query_id=" + qid,
                               data=b"SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))")

        t = threading.Thread(target=long_query)
        t.start()
        deadline = time.time() + 10
        seen = ""
        while time.time() < deadline:
            seen = self.q("SELECT query_id, user, query FROM system.processes WHERE query_id = '%s'" % qid).text
            if seen:
                break
            time.sleep(0.05)
        self.assertEqual(seen, qid + "\tdefault\tSELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))\n")
        r = self.q("KILL QUERY WHERE query_id = '%s' SYNC FORMAT TSVWithNames" % qid)
        self.assertEqual(r.text, "kill_status\tquery_id\tuser\tquery\nfinished\t%s\tdefault\t"
                         "SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))\n" % qid)
        t.join(timeout=20)
        self.assertFalse(t.is_alive())
        self.assertError(result["r"], 394, 500, "QUERY_WAS_CANCELLED")
        self.assertEqual(self.q("SELECT count() FROM system.processes WHERE query_id = '%s'" % qid).text, "0\n")
        # KILL is a write: not over GET.
        self.assertError(self.get("query=KILL%20QUERY%20WHERE%201"), 164, 500)

    # --- bad requests -------------------------------------------------------------------------

    def raw(self, data, read=True):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(data)
            if not read:
                return b""
            chunks = []
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    def test_bad_requests(self):
        r = self.raw(b"GARBAGE\r\n\r\n")
        self.assertTrue(r.startswith(b"HTTP/1.1 400"), r)
        r = self.raw(b"GET /?query=SELECT%201 HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (2 << 20) + b"\r\n\r\n")
        self.assertTrue(r.startswith(b"HTTP/1.1 400"), r[:100])
        self.assertIn(b"header", r)
        r = self.raw(b"POST / HTTP/1.0\r\nHost: x\r\n\r\n")
        self.assertTrue(r.startswith(b"HTTP/1.0 411") or r.startswith(b"HTTP/1.1 411"), r)
        self.assertIn(b"Code: 381", r)
        r = self.raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)))
        self.assertTrue(r.startswith(b"HTTP/1.1 400"), r)
        r = self.raw(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nSELECT", read=False)
        self.assertTrue(self.server.alive())
        r = curl(self.url + "/ping", user=None)
        self.assertEqual(r.body, b"Ok.\n")

    def test_keep_alive_reuses_connection(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            import base64
            auth = base64.b64encode(("default:" + PASSWORD).encode()).decode()
            for i in range(3):
                body = b"SELECT %d" % i
                s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + auth.encode() +
                          b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                data = b""
                while not data.endswith(b"%d\n" % i):
                    chunk = s.recv(65536)
                    self.assertTrue(chunk)
                    data += chunk
                self.assertIn(b"200 OK", data)

    def test_query_log(self):
        self.q("SELECT 123", "-H", "X-ClickHouse-Query-Id: logged-1")
        self.q("SELECT broken(", "-H", "X-ClickHouse-Query-Id: logged-2")
        time.sleep(0.1)
        log = {e["query_id"]: e for e in self.server.query_log() if e.get("event") == "query"}
        self.assertEqual(log["logged-1"]["user"], "default")
        self.assertEqual(log["logged-1"]["result_rows"], 1)
        self.assertIn("duration_ms", log["logged-1"])
        self.assertEqual(log["logged-2"]["error_code"], 62)


class ConcurrencyBoundTest(unittest.TestCase):
    def test_too_many_simultaneous_queries(self):
        with TallyServer(BINARY, ["--max_concurrent_queries", "1"]) as server:
            result = {}

            def slow():
                result["r"] = curl(server.url + "/", data=b"SELECT sleep(1.5)", user=None)

            t = threading.Thread(target=slow)
            t.start()
            time.sleep(0.5)
            r = curl(server.url + "/", data=b"SELECT 1", user=None)
            t.join()
            self.assertEqual(r.status, 500, r.text)
            self.assertEqual(r.header("X-ClickHouse-Exception-Code"), "202")
            self.assertIn("Too many simultaneous queries. Maximum: 1", r.text)
            self.assertIn("(TOO_MANY_SIMULTANEOUS_QUERIES)", r.text)
            self.assertEqual(result["r"].status, 200)
            self.assertEqual(curl(server.url + "/", data=b"SELECT 1", user=None).text, "1\n")


class ConfigurationTest(unittest.TestCase):
    def test_yaml_file_and_environment(self):
        with tempfile.TemporaryDirectory() as tmp:
            config = os.path.join(tmp, "config.yaml")
            with open(config, "w") as f:
                f.write("display_name: from-yaml\nmax_concurrent_queries: 7\ndefault_password: yamlpw\n")
            with TallyServer(BINARY, ["--config", config], env={"TALLY_DEFAULT_PASSWORD": "envpw"}) as server:
                r = curl(server.url + "/", data=b"SELECT 1", password="envpw")
                self.assertEqual(r.text, "1\n")
                self.assertEqual(r.header("X-ClickHouse-Server-Display-Name"), "from-yaml")
                self.assertEqual(curl(server.url + "/", data=b"SELECT 1", password="yamlpw").status, 403)

    def test_server_timezone(self):
        with TallyServer(BINARY, ["--timezone", "Asia/Kolkata"]) as server:
            r = curl(server.url + "/", data=b"SELECT timezone()", user=None)
            self.assertEqual(r.text, "Asia/Kolkata\n")
            self.assertEqual(r.header("X-ClickHouse-Timezone"), "Asia/Kolkata")
            s = server.url + "/?session_id=tz"
            self.assertEqual(curl(s, data=b"SET session_timezone = 'UTC'", user=None).status, 200)
            r = curl(s, data=b"SELECT timezone()", user=None)
            self.assertEqual(r.text, "UTC\n")
            self.assertEqual(r.header("X-ClickHouse-Timezone"), "UTC")

    def test_bad_configuration_fails_clearly(self):
        out = subprocess.run([BINARY, "server", "--no_such_option", "1"], capture_output=True, text=True)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("Unknown option --no_such_option", out.stderr)
        out = subprocess.run([BINARY, "server", "--http_port", "banana"], capture_output=True, text=True)
        self.assertNotEqual(out.returncode, 0)
        self.assertIn("http_port", out.stderr)

    def test_persistent_path(self):
        with TallyServer(BINARY) as server:
            self.assertTrue(os.path.isdir(server.path))


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = TallyServer(BINARY, ["--default_password", PASSWORD]).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def client(self, *args, stdin=b""):
        cmd = [BINARY, "client", "--port", str(self.server.port), "--host", "127.0.0.1", "--password", PASSWORD]
        return subprocess.run(cmd + list(args), input=stdin, capture_output=True, timeout=60)

    def test_query_and_formats(self):
        out = self.client("-q", "SELECT number, number * 2 FROM numbers(3)")
        self.assertEqual(out.stdout, b"0\t0\n1\t2\n2\t4\n", out.stderr)
        out = self.client("-q", "SELECT 1 AS x", "--format", "JSONEachRow")
        self.assertEqual(out.stdout, b'{"x":1}\n')
        out = self.client("-q", "SELECT {n:UInt8} * 2", "--param_n=21")
        self.assertEqual(out.stdout, b"42\n")
        out = self.client("-n", "-q", "SET max_threads = 3; SELECT getSetting('max_threads'); SELECT 'two'")
        self.assertEqual(out.stdout, b"3\ntwo\n", out.stderr)
        out = self.client("-q", "SELECT number FROM numbers(2)", "--format", "CSVWithNames")
        self.assertEqual(out.stdout, b'"number"\n0\n1\n')

    def test_insert_from_stdin_and_scripts(self):
        self.assertEqual(self.client("-q", "CREATE TABLE cl (a UInt8, b String) ENGINE = Memory").returncode, 0)
        out = self.client("-q", "INSERT INTO cl FORMAT CSV", stdin=b'1,"a"\n2,"b"\n')
        self.assertEqual(out.returncode, 0, out.stderr)
        out = self.client(stdin=b"INSERT INTO cl VALUES (3, 'c');\nSELECT a, b FROM cl ORDER BY a;\n")
        self.assertEqual(out.stdout, b"1\ta\n2\tb\n3\tc\n", out.stderr)

    def test_interactive_prompt(self):
        import pty
        import select
        with tempfile.TemporaryDirectory() as home:
            pid, fd = pty.fork()
            if pid == 0:
                env = dict(os.environ, HOME=home, TERM="xterm")
                os.execve(BINARY, [BINARY, "client", "--host", "127.0.0.1", "--port", str(self.server.port),
                                   "--password", PASSWORD, "--multiline"], env)
            output = b""

            def expect(pattern, timeout=30):
                nonlocal output
                deadline = time.time() + timeout
                while not re.search(pattern, re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", output)):
                    left = deadline - time.time()
                    self.assertGreater(left, 0, "timed out waiting for %r in %r" % (pattern, output))
                    ready, _, _ = select.select([fd], [], [], left)
                    if ready:
                        try:
                            chunk = os.read(fd, 65536)
                        except OSError:
                            chunk = b""
                        self.assertTrue(chunk, "the prompt ended early: %r" % output)
                        output += chunk

            expect(rb"tally client version")
            expect(rb":\) ")
            os.write(fd, b"SELECT 40 + 2 AS answer;\n")
            expect(rb"answer")
            expect(rb"42")
            expect(rb"1 row in set")
            os.write(fd, b"SELECT * FROM no_table_here;\n")
            expect(rb"UNKNOWN_TABLE")
            os.write(fd, b"exit\n")
            _, status = os.waitpid(pid, 0)
            os.close(fd)
            self.assertEqual(os.waitstatus_to_exitcode(status), 0)

    def test_errors_and_exit_codes(self):
        out = self.client("-q", "SELECT * FROM nowhere_table")
        self.assertEqual(out.returncode, 60)
        self.assertRegex(out.stderr.decode(), r"Code: 60\. DB::Exception: .*\(UNKNOWN_TABLE\)")
        out = subprocess.run([BINARY, "client", "--port", str(self.server.port), "--password", "bad", "-q", "SELECT 1"],
                             capture_output=True)
        self.assertEqual(out.returncode, 516 % 256)
        self.assertIn(b"AUTHENTICATION_FAILED", out.stderr)


if __name__ == "__main__":
    BINARY = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
