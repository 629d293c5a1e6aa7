#!/usr/bin/env python3
"""Generates the data set of the clickhouse-local analysis in seed 003, and the statistics the
analysis must find, computed independently of any SQL engine.

Shape (as in the article): a streaming site's API sampled every minute for a little over three
hours; each sample lists the streams on the first two pages (ranked by viewers), one JSON object
per line, gzip-compressed, one file per minute in nested folders (HH/MM.json.gz). The API serves
cached viewer counts that refresh every few minutes, so a stream's count changes only now and
then; streams start, end and move between pages.

Usage: generate.py OUT_DIR   — writes OUT_DIR/data/... and OUT_DIR/expected.json
"""
import datetime
import gzip
import json
import os
import random
import statistics
import sys

SEED = 20220314
MINUTES = 185
PAGE_SIZE = 150
PAGES = 2


def simulate(rng):
    start = datetime.datetime(2022, 3, 14, 10, 58, 0)
    streams = {}
    next_id = 44960163196
    # A pool of live streams with a hidden true audience that drifts.
    def new_stream(minute):
        nonlocal next_id
        next_id += rng.randint(1, 5000)
        audience = int(rng.paretovariate(1.15) * 80)
        streams[next_id] = {
            "audience": audience,
            "shown": audience,
            "refresh_in": rng.randint(1, 6),
            "ends_at": minute + rng.randint(20, 600),
            "title": f"stream {next_id % 10007}",
            "game": rng.choice(["Just Chatting", "Fortnite", "Chess", "Minecraft", "Valorant", "Music", "Art"]),
            "lang": rng.choice(["en", "en", "en", "es", "de", "pt", "fr", "ja"]),
        }

    for _ in range(320):
        new_stream(-rng.randint(0, 300))
    files = []
    for minute in range(MINUTES):
        # Streams end and start.
        for sid in [s for s, v in streams.items() if v["ends_at"] <= minute]:
            del streams[sid]
        for _ in range(rng.randint(0, 4)):
            new_stream(minute)
        for v in streams.values():
            v["audience"] = max(1, int(v["audience"] * rng.uniform(0.97, 1.035) + rng.randint(-3, 3)))
            # The API cache: the shown count refreshes every 3-5 minutes (sometimes sooner/later).
            v["refresh_in"] -= 1
            if v["refresh_in"] <= 0:
                v["shown"] = v["audience"]
                v["refresh_in"] = rng.choices([1, 2, 3, 4, 5, 6, 7, 8, 9, 12], [3, 6, 20, 34, 22, 7, 4, 2, 1, 1])[0]
        ranked = sorted(streams.items(), key=lambda kv: (-kv[1]["shown"], kv[0]))[: PAGE_SIZE * PAGES]
        captured = start + datetime.timedelta(minutes=minute, seconds=rng.randint(2, 14))
        rows = []
        for sid, v in ranked:
            user = sid % 100003
            rows.append({
                "id": str(sid),
                "user_id": str(100000000 + user * 7),
                "user_login": f"user{user}",
                "user_name": f"User{user}",
                "game_id": str(sum(map(ord, v["game"])) * 977),
                "game_name": v["game"],
                "type": "live",
                "title": v["title"] + " | " + rng.choice(["!drops", "chill", "ranked grind", "day 3", "w/ friends", "🎮"]),
                "viewer_count": v["shown"],
                "started_at": (start - datetime.timedelta(minutes=(sid % 500))).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "language": v["lang"],
                "thumbnail_url": f"https://static-cdn.example.tv/previews-ttv/live_user_user{user}-{{width}}x{{height}}.jpg",
                "tag_ids": [],
                "tags": [v["lang"], v["game"].split()[0]],
                "is_mature": bool(user % 5 == 0),
                "captured_at": captured.strftime("%Y-%m-%dT%H:%M:%SZ"),
            })
        files.append((captured, rows))
    return files


def window_variant(records):
    """The article's window-function query, step by step."""
    by_id = {}
    for r in records:
        by_id.setdefault(int(r["id"]), []).append(r)
    diffs = []
    for rid, rows in by_id.items():
        rows.sort(key=lambda r: r["t"])
        changed = []
        for i, r in enumerate(rows):
            if i == 0:
                continue  # prev_captured_at is 1970: the first row is filtered out
            if r["viewer_count"] != rows[i - 1]["viewer_count"]:
                changed.append(r["t"])
        for i in range(1, len(changed)):
            diffs.append(changed[i] // 60 - changed[i - 1] // 60)  # dateDiff('minute', a, b)
    return {
        "num_of_changes": len(diffs),
        "median_minutes": statistics.median(diffs),
        "min_minutes": min(diffs),
        "max_minutes": max(diffs),
        "avg_minutes": sum(diffs) / len(diffs),
    }


def array_variant(records):
    """The article's array query: change timestamps per stream, differences, rounded minutes."""
    by_id = {}
    for r in records:
        by_id.setdefault(int(r["id"]), []).append(r)
    all_minutes = []
    for rid, rows in by_id.items():
        rows.sort(key=lambda r: r["t"])
        change_ts = []
        for i, r in enumerate(rows):
            prev = rows[i - 1]["viewer_count"] if i > 0 else 0
            if r["viewer_count"] != prev:
                change_ts.append(r["t"])
        full_seq = change_ts[1:]
        seconds = [0] + [full_seq[i] - full_seq[i - 1] for i in range(1, len(full_seq))]
        clean = seconds[1:]
        all_minutes += [round(s / 60) for s in clean]  # round half to even, as round() on Float64
    freq = {}
    for m in all_minutes:
        freq[m] = freq.get(m, 0) + 1
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "num_changes": len(all_minutes),
        "median_minutes": statistics.median(all_minutes),
        "min_minutes": min(all_minutes),
        "max_minutes": max(all_minutes),
        "avg_minutes": sum(all_minutes) / len(all_minutes),
        "frequencies": [[int(k), v] for k, v in top[:10]],
    }


def main():
    out = sys.argv[1]
    rng = random.Random(SEED)
    files = simulate(rng)
    records = []
    for captured, rows in files:
        path = os.path.join(out, "data", captured.strftime("%Y_%m_%d"), captured.strftime("%H"),
                            captured.strftime("%M") + ".json.gz")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, separators=(",", ":")) + "\n")
        epoch = int(captured.replace(tzinfo=datetime.timezone.utc).timestamp())
        for r in rows:
            records.append({"id": r["id"], "viewer_count": r["viewer_count"], "t": epoch})
    expected = {"files": len(files), "records": len(records), "window": window_variant(records),
                "arrays": array_variant(records)}
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    print(json.dumps({k: expected[k] for k in ("files", "records")}))


if __name__ == "__main__":
    main()
