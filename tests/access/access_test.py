#!/usr/bin/env python3
"""Users and access control end to end, through `tally local --path D --user U --password P`.

Checks: a read-only user cannot write (INSERT/CREATE/DROP/ALTER/SET: code 164); a user without
a grant gets ACCESS_DENIED (497) with ClickHouse's message; quotas stop the query past the limit
(201); profile limits fail with their codes (158, 159, 241, 396); wrong passwords and
unknown users fail with 516; users, roles, profiles and quotas survive reopening the data
directory, whose files hold password hashes only; users-file users are read-only (495).

Usage: access_test.py <path to tally>
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

TALLY = sys.argv[1]
failures = []
checks = 0


def run(path, sql, user=None, password=None, extra=()):
    cmd = [TALLY, "local", "--path", path]
    if user is not None:
        cmd += ["--user", user]
    if password is not None:
        cmd += ["--password", password]
    cmd += list(extra) + ["-q", sql]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def code_of(stderr):
    m = re.search(r"Code: (\d+)\. DB::Exception: (.*)", stderr)
    return (int(m.group(1)), m.group(2)) if m else (None, stderr)


def expect_ok(name, path, sql, expected_stdout=None, **kw):
    global checks
    checks += 1
    rc, out, err = run(path, sql, **kw)
    if rc != 0:
        failures.append(f"{name}: failed: {err.strip()}")
    elif expected_stdout is not None and out != expected_stdout:
        failures.append(f"{name}: stdout {out!r}, expected {expected_stdout!r}")
    return out


def expect_error(name, path, sql, code, message_part=None, **kw):
    global checks
    checks += 1
    rc, out, err = run(path, sql, **kw)
    got, message = code_of(err)
    if rc == 0 or got != code:
        failures.append(f"{name}: expected code {code}, got rc={rc} code={got} stderr={err.strip()!r}")
    elif message_part and message_part not in message:
        failures.append(f"{name}: message {message!r} lacks {message_part!r}")
    return out


def main():
    d = tempfile.mkdtemp(prefix="tally_access_")
    try:
        data = os.path.join(d, "data")
        setup = """
            CREATE SETTINGS PROFILE ro SETTINGS readonly = 1, max_rows_to_read = 100000, max_result_rows = 5;
            CREATE USER reader IDENTIFIED WITH sha256_password BY 'reader-pw' SETTINGS PROFILE 'ro';
            GRANT SELECT ON *.* TO reader;
            CREATE QUOTA hourly FOR INTERVAL 1 hour MAX queries = 3 TO reader;
            CREATE USER writer IDENTIFIED WITH double_sha1_password BY 'writer-pw';
            GRANT CREATE TABLE, INSERT ON _local.* TO writer;
            CREATE ROLE selector;
            GRANT SELECT(a) ON _local.t TO selector;
            CREATE USER counter IDENTIFIED BY 'counter-pw';
            GRANT CREATE TEMPORARY TABLE ON *.* TO counter;
            CREATE QUOTA four FOR INTERVAL 1 hour MAX queries = 4, errors = 1 TO counter;
            CREATE USER limited IDENTIFIED BY 'limited-pw' SETTINGS max_execution_time = 1, max_memory_usage = 2000000;
        """
        expect_ok("setup", data, setup)

        # Wrong password, unknown user: 516 with ClickHouse's message.
        expect_error("wrong password", data, "SELECT 1", 516,
                     "reader: Authentication failed: password is incorrect, or there is no user with such name",
                     user="reader", password="nope")
        expect_error("unknown user", data, "SELECT 1", 516, "ghost: Authentication failed", user="ghost", password="")
        expect_error("no password given", data, "SELECT 1", 516, user="reader", password="")

        # The read-only user reads but cannot write or change settings.
        expect_ok("reader reads", data, "SELECT currentUser(), getSetting('readonly')", "reader\t1\n",
                  user="reader", password="reader-pw")
        for sql in ["CREATE TABLE t (x UInt8) ENGINE = Memory", "INSERT INTO t VALUES (1)", "DROP TABLE t",
                    "ALTER TABLE t DELETE WHERE 1", "TRUNCATE TABLE t", "SET max_threads = 1",
                    "SELECT 1 SETTINGS max_threads = 1", "CREATE USER x", "GRANT SELECT ON *.* TO reader"]:
            expect_error(f"reader: {sql}", data, sql, 164, user="reader", password="reader-pw")
        expect_error("reader: setting flag", data, "SELECT 1", 164, user="reader", password="reader-pw",
                     extra=["--max_threads=1"])

        # Profile limits.
        expect_error("max_rows_to_read", data, "SELECT sum(number) FROM numbers(1000000)", 158, "max_rows_to_read",
                     user="reader", password="reader-pw")
        expect_error("max_result_rows", data, "SELECT number FROM numbers(10)", 396, "Limit for result exceeded",
                     user="reader", password="reader-pw")
        expect_error("max_execution_time", data, "SELECT count() FROM system.numbers", 159, "Timeout exceeded",
                     user="limited", password="limited-pw")
        expect_error("max_memory_usage", data, "SELECT groupArray(number) FROM numbers(10000000) FORMAT Null", 241,
                     "Memory limit", user="limited", password="limited-pw")

        # Quota: three queries an hour; the fourth fails with 201 and the output shows three.
        out = expect_error("quota", data, "SELECT 1; SELECT 2; SELECT 3; SELECT 4", 201,
                           "Quota for user `reader` for 3600s has been exceeded: queries = 4/3",
                           user="reader", password="reader-pw")
        check(out == "1\n2\n3\n", f"quota: stdout {out!r}")

        # Expressions in INSERT ... VALUES are part of the INSERT, not queries of their own.
        expect_ok("quota counts statements", data,
                  "CREATE TEMPORARY TABLE x (a UInt8); INSERT INTO x VALUES (1 + 1), (2 + 2), (3 + 3); SELECT sum(a) FROM x;"
                  "SELECT quota_name, quota_key, duration, queries, max_queries, errors, max_errors FROM system.quota_usage",
                  "12\nfour\tcounter\t3600\t4\t4\t0\t1\n", user="counter", password="counter-pw")
        # Errors count too: past `errors = 1` the next query is refused.
        expect_error("quota errors", data, "SELECT throwIf(1); SELECT 1", 395, user="counter", password="counter-pw",
                           extra=["--ignore-error"])
        rc, out, err = run(data, "SELECT throwIf(1); SELECT throwIf(1); SELECT 1", user="counter", password="counter-pw",
                           extra=["--ignore-error"])
        check("Code: 201" in err and "errors = 2/1" in err, f"quota errors: {err!r}")

        # Grants: INSERT but not SELECT; SELECT(a) through a role once granted.
        expect_error("no select", data,
                     "CREATE TABLE IF NOT EXISTS t (a UInt8, b UInt8) ENGINE = Memory; INSERT INTO t VALUES (1, 2); SELECT a, b FROM t",
                     497, "writer: Not enough privileges. To execute this query, it's necessary to have the grant SELECT(a, b) ON _local.t",
                     user="writer", password="writer-pw")
        expect_error("no drop", data, "DROP TABLE IF EXISTS t", 497, "grant DROP TABLE ON _local.t",
                     user="writer", password="writer-pw")
        expect_ok("grant role", data, "GRANT selector TO writer")
        expect_ok("column grant through role", data,
                  "CREATE TABLE IF NOT EXISTS t (a UInt8, b UInt8) ENGINE = Memory; INSERT INTO t VALUES (1, 2); SELECT a FROM t", "1\n",
                  user="writer", password="writer-pw")
        expect_error("other column", data,
                     "CREATE TABLE IF NOT EXISTS t (a UInt8, b UInt8) ENGINE = Memory; SELECT b FROM t", 497, "SELECT(b) ON _local.t",
                     user="writer", password="writer-pw")

        # dictGet (and dictHas) need the dictGet privilege on the dictionary.
        expect_ok("dictionary", data,
                  "CREATE TABLE dsrc (id UInt64, v String) ENGINE = MergeTree ORDER BY id; INSERT INTO dsrc VALUES (1, 'one');"
                  "CREATE DICTIONARY d (id UInt64, v String) PRIMARY KEY id SOURCE(CLICKHOUSE(TABLE 'dsrc')) LAYOUT(FLAT()) LIFETIME(0)")
        expect_error("no dictGet", data, "SELECT dictGet('d', 'v', toUInt64(1))", 497,
                     "writer: Not enough privileges. To execute this query, it's necessary to have the grant dictGet ON _local.d",
                     user="writer", password="writer-pw")
        expect_error("no dictHas", data, "SELECT dictHas('_local.d', toUInt64(1))", 497, "grant dictGet ON _local.d",
                     user="writer", password="writer-pw")
        expect_ok("grant dictGet", data, "GRANT dictGet ON _local.d TO writer")
        expect_ok("dictGet granted", data, "SELECT dictGet('d', 'v', toUInt64(1)), dictHas('d', toUInt64(2))", "one\t0\n",
                  user="writer", password="writer-pw")

        # Persistence: files hold hashes, never the passwords; definitions survive reopening.
        access_dir = os.path.join(data, "access")
        files = sorted(os.listdir(access_dir))
        for expected in ["profile_ro.sql", "quota_hourly.sql", "role_selector.sql", "user_reader.sql", "user_writer.sql"]:
            check(expected in files, f"persistence: {expected} missing from {files}")
        everything = "".join(open(os.path.join(access_dir, f)).read() for f in files)
        for secret in ["reader-pw", "writer-pw", "limited-pw"]:
            check(secret not in everything, f"persistence: password {secret} stored in plain text")
        writer_hash = hashlib.sha1(hashlib.sha1(b"writer-pw").digest()).hexdigest()
        check(writer_hash in everything, "persistence: double SHA-1 of writer's password not stored")
        first = expect_ok("show", data, "SHOW CREATE USER reader; SHOW GRANTS FOR writer; SHOW CREATE QUOTA hourly")
        again = expect_ok("show again", data, "SHOW CREATE USER reader; SHOW GRANTS FOR writer; SHOW CREATE QUOTA hourly")
        check(first == again and "GRANT selector TO writer" in first, f"persistence: {first!r} vs {again!r}")
        expect_ok("drop persists", data, "DROP USER limited")
        expect_error("dropped user", data, "SELECT 1", 516, user="limited", password="limited-pw")

        # The users file: its users sign in, and are read-only.
        users_file = os.path.join(d, "users.yaml")
        with open(users_file, "w") as f:
            f.write(f"""users:
  filer:
    password_sha256_hex: {hashlib.sha256(b'file-pw').hexdigest()}
    profile: file_ro
    quota: file_quota
    grants:
      query: ["GRANT SELECT ON system.*"]
profiles:
  file_ro:
    readonly: 1
quotas:
  file_quota:
    interval:
      duration: 60
      queries: 2
""")
        extra = ["--users-file", users_file]
        expect_ok("users file login", data, "SELECT currentUser(), getSetting('readonly')", "filer\t1\n",
                  user="filer", password="file-pw", extra=extra)
        expect_error("users file quota", data, "SELECT 1; SELECT 2; SELECT 3", 201, "queries = 3/2",
                     user="filer", password="file-pw", extra=extra)
        expect_error("users file wrong password", data, "SELECT 1", 516, user="filer", password="x", extra=extra)
        expect_error("users file drop", data, "DROP USER filer", 495, "users_xml because this storage is readonly", extra=extra)
        expect_error("users file alter", data, "ALTER USER filer IDENTIFIED WITH no_password", 495, extra=extra)
        expect_ok("users file in system.users", data, "SELECT name, storage FROM system.users WHERE name = 'filer'",
                  "filer\tusers_xml\n", extra=extra)
    finally:
        shutil.rmtree(d, ignore_errors=True)

    for f in failures:
        print("FAIL:", f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
