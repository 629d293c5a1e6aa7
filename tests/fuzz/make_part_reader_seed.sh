#!/usr/bin/env bash
# Regenerates valid_part (the part reader fuzzer's seed) with the tally binary given: a small
# MergeTree part of every column shape, packed as the fuzzer reads it ([u8 file][u32 length][bytes]).
#   tests/fuzz/make_part_reader_seed.sh build/tally
set -euo pipefail
TALLY=${1:?path to tally}
OUT=$(cd "$(dirname "$0")" && pwd)/corpus/part_reader/valid_part
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
"$TALLY" local --path "$DIR" -q "
  CREATE TABLE t (d Date, s String, lc LowCardinality(String), n Nullable(UInt32), a Array(UInt8), x Float64)
    ENGINE = MergeTree ORDER BY (lc, d) SETTINGS index_granularity = 4;
  INSERT INTO t SELECT toDate('2024-01-01') + number % 3, repeat('s', number), ['a', 'b', 'c'][number % 3 + 1],
    if(number % 4 = 0, NULL, number), range(number % 5), number / 7 FROM numbers(10)"
PART=$(ls -d "$DIR"/data/_local/t/all_*)
python3 - "$PART" "$OUT" <<'PY'
import os, struct, sys
part, out = sys.argv[1], sys.argv[2]
files = ["part.txt", "index.bin"] + sorted(f for f in os.listdir(part) if f.startswith("c") and f.endswith(".bin"))
with open(out, "wb") as o:
    for f in files:
        data = open(os.path.join(part, f), "rb").read()
        code = 0 if f == "part.txt" else 1 if f == "index.bin" else 2 + int(f[1:-4])
        o.write(bytes([code]) + struct.pack("<I", len(data)) + data)
PY
