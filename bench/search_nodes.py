#!/usr/bin/python3
"""Search across nodes: how soon a write through one node is searchable on
another (docs/architecture.md, "Scaling out").

Two `hallway serve` processes share one database (PostgreSQL, then SQLite),
each with its own data directory; node "b" is named (--node b), so it feeds
its own index (DATA_DIR/search-b) from the shared activity log under its own
cursor. For each of N posts (default 50) written through node a, the script
polls the search API of node a and of node b until the post is found, and
reports write-to-searchable p50/p99 on the writing node and on the other
one, and the time node b took to index the log when it joined.
Prints a table, then one JSON line. Standard library only.
Environment: BENCH_WRITES, BENCH_NODES_PORT (default 18194), BENCH_PG_PORT,
BENCH_BACKENDS (postgres,sqlite).
"""
import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_bench import HALLWAY, wait_ready  # noqa: E402
from stream_bench import backend_database  # noqa: E402

PORT = int(os.environ.get("BENCH_NODES_PORT", "18194"))
WRITES = int(os.environ.get("BENCH_WRITES", "50"))
BACKENDS = os.environ.get("BENCH_BACKENDS", "postgres,sqlite").split(",")
POLL_S = 0.005


class Client:
    """A signed-in API client of one node (cookie session + CSRF token)."""

    def __init__(self, port):
        self.port = port
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if self.csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req) as res:
            return json.loads(res.read() or b"null")

    def sign(self, path, body):
        self.csrf = self.call("POST", path, body)["csrf_token"]


def start(tmp, url, name, port):
    args = [HALLWAY, "serve", "--database", url, "--listen", f"127.0.0.1:{port}",
            "--data-dir", os.path.join(tmp, f"data-{name}"), "--access-log", "/dev/null",
            "--fast-password-hashing"]
    if name != "a":
        args += ["--node", name]
    log = open(os.path.join(tmp, f"node-{name}.log"), "a")
    proc = subprocess.Popen(args, stdout=log, stderr=log)
    wait_ready(port, "/readyz")
    return proc


def searchable_after(client, word, t0, deadline_s=30.0):
    while time.monotonic() - t0 < deadline_s:
        if client.call("GET", f"/api/v1/search?q={word}&limit=1")["total"] >= 1:
            return (time.monotonic() - t0) * 1000
        time.sleep(POLL_S)
    raise RuntimeError(f"{word} not searchable on port {client.port} after {deadline_s} s")


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))]


def measure(tmp, url):
    procs = [start(tmp, url, "a", PORT)]
    try:
        a, b = Client(PORT), Client(PORT + 1)
        a.sign("/api/v1/accounts", {"handle": "bench", "email": "bench@bench.example", "display_name": "Bench",
                                    "password": "a strong passphrase"})
        for i in range(200):  # a log for node b to catch up on when it joins
            a.call("POST", "/api/v1/posts", {"body": f"Backlog note {i} about cumulus"})
        t_join = time.monotonic()
        procs.append(start(tmp, url, "b", PORT + 1))
        b.sign("/api/v1/session", {"login": "bench", "password": "a strong passphrase"})
        join_ms = searchable_after(b, "cumulus", t_join)
        while b.call("GET", "/api/v1/search?q=cumulus&limit=1")["total"] < 200:
            time.sleep(POLL_S)
        join_all_ms = (time.monotonic() - t_join) * 1000
        same, other = [], []
        for i in range(WRITES):
            word = f"zqxnode{i}"
            t0 = time.monotonic()
            a.call("POST", "/api/v1/posts", {"body": f"Node test {word}"})
            same.append(searchable_after(a, word, t0))
            other.append(searchable_after(b, word, t0))
        return {"same_p50": pct(same, 0.5), "same_p99": pct(same, 0.99), "other_p50": pct(other, 0.5),
                "other_p99": pct(other, 0.99), "join_backlog_ms": join_all_ms, "join_first_ms": join_ms}
    finally:
        for p in procs:
            p.terminate()
            p.wait()


def main():
    results = {}
    for backend in BACKENDS:
        with backend_database(backend, "hallway-nodes") as (tmp, url):
            results[backend] = measure(tmp, url)
    print(f"{WRITES} writes through node a; ms from sending the write to the first search that finds it (a consumer tick is 250 ms)")
    print(f"{'backend':<10} {'node a p50':>11} {'node a p99':>11} {'node b p50':>11} {'node b p99':>11} "
          f"{'b joins (200 posts)':>20}")
    for backend, r in results.items():
        print(f"{backend:<10} {r['same_p50']:>11.0f} {r['same_p99']:>11.0f} {r['other_p50']:>11.0f} "
              f"{r['other_p99']:>11.0f} {r['join_backlog_ms']:>20.0f}")
    print(json.dumps({"writes": WRITES, "backends": results}))


if __name__ == "__main__":
    main()
