#!/usr/bin/python3
"""Recommendations through the whole product: latency of
GET /api/v1/me/recommendations/resources?limit=20 (model top-N with the
visibility filter, feedback exclusions, the database reads for summaries and
the privacy-safe reasons) on the demo organization (320 people), sequential
requests on loopback, after the server trained and loaded its model.
Prints p50 / p99 / max. Then the incremental update end to end: the viewer
rates one recommended resource (1 star) and the script polls every 20 ms
until the scores of the other recommended resources change (rating ->
activity log -> recommend consumer -> FoldIn -> served).
Standard library only.

  HALLWAY_BIN=build/release/hallway bench/recommend_http.py [requests]
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HALLWAY = os.environ.get("HALLWAY_BIN", os.path.join(ROOT, "build/release/hallway"))
PORT = int(os.environ.get("BENCH_PORT", "18192"))


def request(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req) as res:
        return res.status, res.headers, res.read()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        subprocess.run([HALLWAY, "seed-demo", "--database", f"sqlite:{db}"], check=True,
                       stdout=subprocess.DEVNULL)
        log_path = os.path.join(tmp, "server.log")
        log = open(log_path, "a")
        proc = subprocess.Popen(
            [HALLWAY, "serve", "--database", f"sqlite:{db}", "--listen", f"127.0.0.1:{PORT}",
             "--data-dir", os.path.join(tmp, "data"), "--access-log", "/dev/null"],
            stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 120
            while "recommend: loaded" not in open(log_path).read():
                if time.monotonic() > deadline or proc.poll() is not None:
                    sys.exit("recommend_http: the server never loaded a model:\n" + open(log_path).read())
                time.sleep(0.2)
            _, headers, body = request("POST", "/api/v1/session", {"login": "demo", "password": "hallway-demo"})
            cookie = headers["Set-Cookie"].split(";")[0]
            csrf = json.loads(body)["csrf_token"]
            auth = {"Cookie": cookie}
            path = "/api/v1/me/recommendations/resources?limit=20"
            _, _, body = request("GET", path, headers=auth)
            items = json.loads(body)["items"]
            with_reasons = sum(1 for i in items if i.get("reasons"))
            ms = []
            for _ in range(n):
                t0 = time.perf_counter()
                request("GET", path, headers=auth)
                ms.append((time.perf_counter() - t0) * 1000)
            ms.sort()
            print(f"{len(items)} items ({with_reasons} with reasons); {n} requests: "
                  f"p50 {ms[len(ms) // 2]:.2f} ms  p99 {ms[min(len(ms) - 1, int(len(ms) * 0.99))]:.2f} ms  "
                  f"max {ms[-1]:.2f} ms")

            for attempt in (1, 2):
                _, _, body = request("GET", path, headers=auth)
                before = {i["resource"]["id"]: i["score"] for i in json.loads(body)["items"]}
                victim = list(before)[-1]
                t0 = time.perf_counter()
                request("PUT", f"/api/v1/resources/{victim}/rating", {"stars": 1},
                        {**auth, "X-CSRF-Token": csrf})
                changed = None
                while time.perf_counter() - t0 < 30:
                    _, _, body = request("GET", path, headers=auth)
                    now = {i["resource"]["id"]: i["score"] for i in json.loads(body)["items"]}
                    if any(k in before and abs(before[k] - v) > 1e-9 for k, v in now.items() if k != victim):
                        changed = time.perf_counter() - t0
                        break
                    time.sleep(0.02)
                print(f"incremental update #{attempt}: " + (f"scores changed {changed * 1000:.0f} ms after the rating"
                                               if changed is not None else "no change seen within 30 s"))
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
