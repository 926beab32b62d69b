#!/usr/bin/python3
"""Catalog benchmark: import rate, and the resource page and faceted browse
under load, on SQLite.

1. Builds a CSV of N resources (default 100,000) from the real course
   catalogs in ../shared/data repeated with perturbed titles and ids, and
   times `hallway import catalog` on it (rows/s).
2. Starts `hallway serve` on that database, gives one resource 1,000 reviews
   from 1,000 people (through the API), and measures with wrk:
   the resource page (GET /api/v1/resources/{id}), its reviews
   (GET .../reviews?sort=helpful), and faceted browse over all resources
   (GET /api/v1/resources?category=...&sort=score, facets included).
Prints a table and, last, one JSON line. Standard library only; needs wrk.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_bench import HALLWAY, ROOT, wait_ready, wrk  # noqa: E402

PORT = 18192
ROWS = int(os.environ.get("BENCH_CATALOG_ROWS", "100000"))
REVIEWERS = int(os.environ.get("BENCH_REVIEWERS", "1000"))
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
    log = open(os.path.join(tmp, "server.log"), "a")
    proc = subprocess.Popen([HALLWAY, "serve", "--database", f"sqlite:{db}", "--listen", f"127.0.0.1:{PORT}",
                             "--data-dir", os.path.join(tmp, "data"), "--access-log", "/dev/null",
                             "--fast-password-hashing"], stdout=log, stderr=log)
    try:
        wait_ready(PORT, "/readyz")
        results = run()
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nCatalog benchmark: {ROWS} resources on SQLite, wrk -t2 -c32, loopback")
    print(f"import: {ROWS} rows in {import_s:.1f} s = {ROWS / import_s:,.0f} rows/s")
    print(f"{'target':44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:44} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['non2xx']:8d}")
    print(json.dumps({"bench": "catalog", "rows": ROWS, "import_rows_per_s": round(ROWS / import_s), **results}))


def signed_up(handle):
    body = {"handle": handle, "email": f"{handle}@bench.example", "display_name": handle,
            "password": "a strong passphrase"}
    _, headers, data = call("POST", "/api/v1/accounts", body)
    return {"Cookie": headers["Set-Cookie"].split(";")[0], "X-CSRF-Token": data["csrf_token"]}


def run():
    admin = signed_up("benchadmin")  # the first account
    _, _, token = call("POST", "/api/v1/me/tokens", {"name": "bench", "scopes": ["read"]}, admin)
    bearer = f"Authorization: Bearer {token['token']}"
    _, _, page = call("GET", "/api/v1/resources?limit=1&sort=score", headers=admin)
    rid = page["items"][0]["id"]
    for i in range(REVIEWERS):
        who = signed_up(f"reviewer{i}")
        call("PUT", f"/api/v1/resources/{rid}/rating",
             {"stars": 1 + i % 5, "review": f"Review number {i}: useful parts and weak parts."}, who)
    _, _, cats = call("GET", "/api/v1/categories", headers=admin)
    slug = max(cats["items"], key=lambda c: c["depth"] == 0)["slug"]
    base = f"http://127.0.0.1:{PORT}"
    return {
        "resource page (1,000 reviews)": wrk(f"{base}/api/v1/resources/{rid}", [bearer]),
        "its reviews, most helpful first": wrk(f"{base}/api/v1/resources/{rid}/reviews?sort=helpful", [bearer]),
        "browse a category by score, with facets": wrk(f"{base}/api/v1/resources?category={slug}&sort=score",
                                                       [bearer]),
        "browse everything by newest, no facets": wrk(f"{base}/api/v1/resources?sort=newest&facets=0", [bearer]),
    }


if __name__ == "__main__":
    main()
