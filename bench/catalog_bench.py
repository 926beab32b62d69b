#!/usr/bin/python3
"""Catalog benchmark: import rates, and the resource page and faceted browse
under load, on SQLite.

1. Builds a CSV of N resources (default 100,000) from the real course
   catalogs in ../shared/data repeated with perturbed titles and ids, and
   times `hallway import catalog` on it (rows/s).
2. Starts `hallway serve` on that database, signs up P people (default
   10,000) through the API, writes a CSV of R ratings (default 1,000,000:
   each person rates R/P resources, skewed towards popular ones, 10% with a
   review, dated over the last 90 days) and times `hallway import ratings`
   on it (rows/s) while the server runs.
3. Gives one resource 1,000 reviews from 1,000 more people (through the
   API), waits until the activity-log consumers (notifications, search) have
   caught up, and measures with wrk: the resource page, its reviews, faceted
   browse over all resources (several shapes), and for comparison the
   server's /readyz and a static file of the web UI.
Prints a table and, last, one JSON line. Standard library only; needs wrk.
Environment: BENCH_CATALOG_ROWS, BENCH_RATINGS, BENCH_PEOPLE, BENCH_REVIEWERS,
BENCH_KEEP (keep the database for profiling), BENCH_PORT (default 18192),
BENCH_DURATION, BENCH_CONNECTIONS (a comma list,
default "4,32": every target is measured at each; with 2 cores, 32
connections measure throughput and mostly queueing in p99, 4 the latency a
person waits for).
"""
import csv
import json
import random
import sqlite3
import threading
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_bench import HALLWAY, ROOT, wait_ready, wrk  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", "18192"))
ROWS = int(os.environ.get("BENCH_CATALOG_ROWS", "100000"))
REVIEWERS = int(os.environ.get("BENCH_REVIEWERS", "1000"))
RATINGS = int(os.environ.get("BENCH_RATINGS", "1000000"))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "10000"))
CONNECTION_COUNTS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "4,32").split(",")]
DATA = os.environ.get("HALLWAY_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req) as res:
        return res.status, res.headers, json.loads(res.read() or b"null")


def source_rows():
    rows = []
    with open(os.path.join(DATA, "courses-edx", "edx_courses.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append({"title": r["title"], "description": r["summary"], "provider": r["institution"],
                         "category": r["subject"], "level": r["Level"], "duration": r["course_length"],
                         "skills": ""})
    with open(os.path.join(DATA, "courses-coursera-skills", "Coursera.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append({"title": r["Title"], "description": "", "provider": r["Institution"],
                         "category": r["Subject"], "level": r["Level"], "duration": r["Duration"],
                         "skills": r["Gained Skills"]})
    return rows


def write_csv(path):
    base = source_rows()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "description", "provider", "category", "level", "duration", "skills"])
        for i in range(ROWS):
            r = base[i % len(base)]
            edition = i // len(base)
            title = r["title"] if edition == 0 else f"{r['title']} (edition {edition + 1})"
            w.writerow([f"bench-{i}", title, r["description"], r["provider"], r["category"], r["level"],
                        r["duration"], r["skills"]])


def main():
    if not shutil.which("wrk"):
        sys.exit("catalog_bench: wrk is missing (run scripts/install-deps.sh --bench)")
    tmp = tempfile.mkdtemp(prefix="hallway-catalog-bench-")
    db = os.path.join(tmp, "bench.db")
    src = os.path.join(tmp, "catalog.csv")
    write_csv(src)
    subprocess.run([HALLWAY, "migrate", "--database", f"sqlite:{db}"], check=True, stdout=subprocess.DEVNULL)
    t0 = time.monotonic()
    subprocess.run([HALLWAY, "import", "catalog", src, "--database", f"sqlite:{db}", "--map",
                    "external_id=id,title=title,description=description,provider=provider,category=category,"
                    "level=level,duration=duration,skills=skills", "--report", os.path.join(tmp, "report.csv")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import_s = time.monotonic() - t0
    figures = {"import_rows_per_s": round(ROWS / import_s)}
    log = open(os.path.join(tmp, "server.log"), "a")
    proc = subprocess.Popen([HALLWAY, "serve", "--database", f"sqlite:{db}", "--listen", f"127.0.0.1:{PORT}",
                             "--data-dir", os.path.join(tmp, "data"), "--access-log", "/dev/null",
                             "--fast-password-hashing"], stdout=log, stderr=log)
    try:
        wait_ready(PORT, "/readyz", timeout=120)
        results = run(tmp, db, figures)
    finally:
        proc.kill()
        proc.wait()
        if os.environ.get("BENCH_KEEP"):
            print(f"kept the benchmark's database and data in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nCatalog benchmark: {ROWS} resources, {figures['ratings']} ratings on SQLite, "
          f"wrk -t2 at {' and '.join(str(c) for c in CONNECTION_COUNTS)} connections, loopback")
    print(f"import catalog: {ROWS} rows in {import_s:.1f} s = {ROWS / import_s:,.0f} rows/s")
    print(f"import ratings: {figures['ratings_rows']} rows in {figures['ratings_s']:.1f} s = "
          f"{figures['ratings_rows_per_s']:,.0f} rows/s")
    print(f"consumers waited for {figures['catch_up_s']:.0f} s after the last write (capped by BENCH_CONSUMER_WAIT)")
    print(f"{'target':48} {'conns':>5} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, by_count in results.items():
        for c, r in by_count.items():
            print(f"{name:48} {c:>5} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['non2xx']:8d}")
    print(json.dumps({"bench": "catalog", "rows": ROWS, **figures, **results}))


def signed_up(handle):
    body = {"handle": handle, "email": f"{handle}@bench.example", "display_name": handle,
            "password": "a strong passphrase"}
    _, headers, data = call("POST", "/api/v1/accounts", body)
    return {"Cookie": headers["Set-Cookie"].split(";")[0], "X-CSRF-Token": data["csrf_token"]}


def sign_up_many(handles, threads=4):
    """Signs up `handles` through the API, `threads` at a time; returns their sessions."""
    out, lock, queue = {}, threading.Lock(), list(handles)

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                h = queue.pop()
            s = signed_up(h)
            with lock:
                out[h] = s
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return out


def write_ratings(path, external_ids):
    """R ratings by PEOPLE people: each rates R/P distinct resources, skewed
    towards the first ones (a few popular, a long tail)."""
    rng = random.Random(4)
    per = max(1, RATINGS // PEOPLE)
    now = time.time()
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["person", "resource", "stars", "review", "rated_at"])
        for p in range(PEOPLE):
            chosen = set()
            while len(chosen) < min(per, len(external_ids)):
                chosen.add(int(len(external_ids) * rng.random() ** 2))
            for i in chosen:
                review = f"Person {p} on this one: clear in parts, slow in others." if rng.random() < 0.1 else ""
                when = int(now - rng.random() * 90 * 86400)
                w.writerow([f"person{p}", external_ids[i], rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 5]), review, when])
                n += 1
    return n


def wait_for_consumers(db, timeout=float(os.environ.get("BENCH_CONSUMER_WAIT", "600"))):
    """Waits until the notification and search consumers have read the whole
    activity log, at most `timeout` seconds (BENCH_CONSUMER_WAIT; on a loaded
    machine they may lag far behind and the load test then runs while they
    catch up, which the printed catch-up time shows); returns the seconds
    waited."""
    t0 = time.monotonic()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    while time.monotonic() - t0 < timeout:
        last = con.execute("SELECT COALESCE(MAX(id), 0) FROM activities").fetchone()[0]
        cursors = dict(con.execute("SELECT consumer, position FROM consumer_cursors").fetchall())
        if all(cursors.get(c, 0) >= last for c in ("notifications", "search")):
            return time.monotonic() - t0
        time.sleep(2)
    return time.monotonic() - t0


def run(tmp, db, figures):
    admin = signed_up("benchadmin")  # the first account
    _, _, token = call("POST", "/api/v1/me/tokens", {"name": "bench", "scopes": ["read"]}, admin)
    bearer = f"Authorization: Bearer {token['token']}"
    sign_up_many([f"person{p}" for p in range(PEOPLE)])
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    external_ids = [r[0] for r in con.execute("SELECT external_id FROM resources WHERE external_id IS NOT NULL "
                                              "ORDER BY id")]
    con.close()
    ratings_csv = os.path.join(tmp, "ratings.csv")
    figures["ratings_rows"] = write_ratings(ratings_csv, external_ids)
    t0 = time.monotonic()
    subprocess.run([HALLWAY, "import", "ratings", ratings_csv, "--database", f"sqlite:{db}", "--map",
                    "person=person,resource=resource,stars=stars,review=review,rated_at=rated_at",
                    "--report", os.path.join(tmp, "ratings-report.csv")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures["ratings_s"] = time.monotonic() - t0
    figures["ratings_rows_per_s"] = round(figures["ratings_rows"] / figures["ratings_s"])
    # One resource (not among the popular ones) gets 1,000 reviews through the API.
    _, _, page = call("GET", "/api/v1/resources?limit=1&sort=title&facets=0", headers=admin)
    rid = page["items"][0]["id"]
    reviewers = sign_up_many([f"reviewer{i}" for i in range(REVIEWERS)])
    for i, (handle, who) in enumerate(sorted(reviewers.items())):
        call("PUT", f"/api/v1/resources/{rid}/rating",
             {"stars": 1 + i % 5, "review": f"Review number {i}: useful parts and weak parts."}, who)
    figures["catch_up_s"] = wait_for_consumers(db)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    figures["ratings"] = con.execute("SELECT COUNT(*) FROM ratings").fetchone()[0]
    con.close()
    _, _, cats = call("GET", "/api/v1/categories", headers=admin)
    slug = max(cats["items"], key=lambda c: c["depth"] == 0)["slug"]
    base = f"http://127.0.0.1:{PORT}"
    web_file = next((f for f in sorted(os.listdir(os.path.join(ROOT, "web", "dist", "assets")))
                     if f.endswith(".css")), None) if os.path.isdir(os.path.join(ROOT, "web", "dist", "assets")) else None
    targets = [
        ("resource page (1,000 reviews)", f"{base}/api/v1/resources/{rid}", [bearer]),
        ("its reviews, most helpful first", f"{base}/api/v1/resources/{rid}/reviews?sort=helpful", [bearer]),
        ("browse everything by score, with facets", f"{base}/api/v1/resources?sort=score", [bearer]),
        ("browse a category by score, with facets", f"{base}/api/v1/resources?category={slug}&sort=score",
         [bearer]),
        ("browse course+intermediate+4 stars, popular",
         f"{base}/api/v1/resources?kind=course&level=intermediate&rating=4&sort=popular", [bearer]),
        ("browse everything by newest, no facets", f"{base}/api/v1/resources?sort=newest&facets=0", [bearer]),
        ("browse by title, page 50, no facets", f"{base}/api/v1/resources?sort=title&offset=1000&limit=20&facets=0",
         [bearer]),
        ("baseline: /readyz", f"{base}/readyz", []),
    ]
    if web_file:
        targets.append(("baseline: a static file of the web UI", f"{base}/assets/{web_file}", []))
    return {name: {c: wrk(url, headers, connections=c) for c in CONNECTION_COUNTS} for name, url, headers in targets}


if __name__ == "__main__":
    main()
