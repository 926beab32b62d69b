#!/usr/bin/python3
"""Recommendations served by the whole product to a 100,000-person
organization (issue 6: top-20 with explanations, p99 under 20 ms).

1. `hallway_org_generator` builds the organization (100,000 people in teams,
   2,000,000 follows, 2,000 groups, a few posts) and read-only API tokens
   for 200 sampled people.
2. `hallway import catalog` adds 5,000 resources (the real course catalogs
   in ../shared/data), and `hallway import ratings` N ratings (default 8 per
   person: each person rates distinct resources skewed towards popular
   ones). Trust statements (default 5 per person, towards people who rated
   much) go straight into the database: the product has no bulk trust import.
3. `hallway recommend train` trains the model (timed); the consumers' cursors
   move to the end of the log so the server does not replay the import.
4. `hallway serve` runs; wrk rotates over the 200 people, each asking for
   GET /api/v1/me/recommendations/resources?limit=20 (items with reasons),
   at 2 and at 8 connections, with /readyz as the same-server baseline.
Prints a table, then one JSON line. SQLite; standard library only; needs wrk.
Environment: BENCH_PEOPLE, BENCH_RESOURCES, BENCH_RATINGS_PER_PERSON,
BENCH_TRUST_PER_PERSON, BENCH_REC_PORT (default 18195), BENCH_DURATION,
BENCH_CONNECTIONS (default 2,8: one wrk run each); BENCH_KEEP=1 keeps the organization's directory (for
profiling).
"""
import csv
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import http_bench  # noqa: E402
from http_bench import HALLWAY, wait_ready, wrk  # noqa: E402
from stream_bench import write_lua  # noqa: E402
import catalog_bench  # noqa: E402

PORT = int(os.environ.get("BENCH_REC_PORT", "18195"))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
RESOURCES = int(os.environ.get("BENCH_RESOURCES", "5000"))
PER_PERSON = int(os.environ.get("BENCH_RATINGS_PER_PERSON", "8"))
TRUST_PER_PERSON = int(os.environ.get("BENCH_TRUST_PER_PERSON", "5"))
GENERATOR = os.path.join(os.path.dirname(HALLWAY), "bench", "hallway_org_generator")
PATH = "/api/v1/me/recommendations/resources?limit=20"
# wrk connections: a light load (what one person waits) and a heavier one.
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "2,8").split(",")]


def timed(cmd):
    t0 = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t0


def write_ratings(path, external_ids, rng):
    now = time.time()
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["person", "resource", "stars", "rated_at"])
        for p in range(1, PEOPLE + 1):
            chosen = set()
            while len(chosen) < min(PER_PERSON, len(external_ids)):
                chosen.add(int(len(external_ids) * rng.random() ** 2))
            for i in chosen:
                w.writerow([f"p{p}", external_ids[i], rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]),
                            int(now - rng.random() * 90 * 86400)])
                n += 1
    return n


def add_trust(db, rng):
    """TRUST_PER_PERSON statements per person, towards people skewed to low
    ids (a few widely trusted people, a long tail)."""
    con = sqlite3.connect(db)
    rows = set()
    for p in range(1, PEOPLE + 1):
        for _ in range(TRUST_PER_PERSON):
            q = 1 + int(PEOPLE * rng.random() ** 3)
            if q != p:
                rows.add((p, q))
    now = int(time.time() * 1e6)
    con.executemany("INSERT OR IGNORE INTO trust_statements (truster_id, trustee_id, topic, value, created_at) "
                    "VALUES (?, ?, '', 'trust', ?)", [(a, b, now) for a, b in rows])
    con.commit()
    con.close()
    return len(rows)


def move_cursors_to_end(db):
    con = sqlite3.connect(db)
    end = con.execute("SELECT COALESCE(MAX(id), 0) FROM activities").fetchone()[0]
    for name in ("notifications", "search", "recommend"):
        con.execute("DELETE FROM consumer_cursors WHERE consumer = ?", (name,))
        con.execute("INSERT INTO consumer_cursors (consumer, position, updated_at) VALUES (?, ?, 0)", (name, end))
    con.commit()
    con.close()


def main():
    if not os.path.exists(GENERATOR):
        raise SystemExit(f"recommend_org: {GENERATOR} is missing (cmake --build build/release "
                         "--target hallway hallway_org_generator)")
    rng = random.Random(6)
    tmp = tempfile.mkdtemp(prefix="hallway-recommend-org-")
    figures = {"people": PEOPLE, "resources": RESOURCES}
    try:
        db = os.path.join(tmp, "org.db")
        url = f"sqlite:{db}"
        figures["generate_s"] = timed([GENERATOR, "--database", url, "--people", str(PEOPLE), "--activities",
                                       "20000", "--tokens", "200"])
        catalog_bench.ROWS = RESOURCES
        catalog = os.path.join(tmp, "catalog.csv")
        catalog_bench.write_csv(catalog)
        figures["import_catalog_s"] = timed([
            HALLWAY, "import", "catalog", catalog, "--database", url, "--map",
            "external_id=id,title=title,description=description,provider=provider,category=category,"
            "level=level,duration=duration,skills=skills", "--report", os.path.join(tmp, "report.csv")])
        con = sqlite3.connect(db)
        external_ids = [r[0] for r in con.execute("SELECT external_id FROM resources ORDER BY id")]
        tokens = [f"hw_bench_{r[0]}" for r in con.execute("SELECT account_id FROM api_tokens WHERE name = 'bench'")]
        con.close()
        ratings = os.path.join(tmp, "ratings.csv")
        figures["ratings"] = write_ratings(ratings, external_ids, rng)
        figures["import_ratings_s"] = timed([
            HALLWAY, "import", "ratings", ratings, "--database", url, "--map",
            "person=person,resource=resource,stars=stars,rated_at=rated_at",
            "--report", os.path.join(tmp, "ratings-report.csv")])
        figures["trust_statements"] = add_trust(db, rng)
        move_cursors_to_end(db)
        data = os.path.join(tmp, "data")
        figures["train_s"] = timed([HALLWAY, "recommend", "train", "--database", url, "--data-dir", data])

        log = open(os.path.join(tmp, "server.log"), "a")
        proc = subprocess.Popen([HALLWAY, "serve", "--database", url, "--listen", f"127.0.0.1:{PORT}",
                                 "--data-dir", data, "--access-log", "/dev/null"], stdout=log, stderr=log)
        try:
            wait_ready(PORT, "/readyz", timeout=120)
            req = urllib.request.Request(f"http://127.0.0.1:{PORT}{PATH}")
            req.add_header("Authorization", f"Bearer {tokens[0]}")
            with urllib.request.urlopen(req, timeout=30) as res:
                sample = json.loads(res.read())
            items = sample.get("items", [])
            figures["sample_items"] = len(items)
            figures["sample_with_reasons"] = sum(1 for i in items if i.get("reasons"))
            figures["sample_reason"] = items[0]["reasons"][0]["text"] if items and items[0].get("reasons") else ""
            script = write_lua(tmp, "recommend.lua", [(t, PATH) for t in tokens])
            base = f"http://127.0.0.1:{PORT}"
            for c in CONNECTIONS:
                http_bench.CONNECTIONS = str(c)
                figures[f"recommendations_c{c}"] = wrk(base + PATH, script=script)
                figures[f"readyz_c{c}"] = wrk(base + "/readyz")
        finally:
            proc.terminate()
            proc.wait()
    finally:
        if os.environ.get("BENCH_KEEP"):
            print(f"recommend_org: kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"{PEOPLE:,} people, {RESOURCES:,} resources, {figures['ratings']:,} ratings, "
          f"{figures['trust_statements']:,} trust statements; training {figures['train_s']:.1f} s")
    print(f"sample: {figures['sample_items']} items, {figures['sample_with_reasons']} with reasons, "
          f"e.g. \"{figures['sample_reason']}\"")
    print(f"{'target':<40} {'conns':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for c in CONNECTIONS:
        for name, key in (("top-20 recommendations with reasons", "recommendations"), ("baseline: /readyz", "readyz")):
            m = figures[f"{key}_c{c}"]
            print(f"{name:<40} {c:>6} {m['rps']:>8.0f} {m['p50']:>8.2f} {m['p99']:>8.2f}"
                  + (f"  ({m['non2xx']} errors)" if m["non2xx"] else ""))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
