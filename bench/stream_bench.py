#!/usr/bin/python3
"""Stream benchmark: the home stream of a large organization, on SQLite and
PostgreSQL, and how its latency grows with the activity log.

For each backend:
1. `hallway_org_generator` builds the organization (default 100,000 people,
   2,000,000 follows, 2,000 groups) with 500,000 activities (posts and their
   log entries), and read-only API tokens for 200 sampled people.
2. `hallway serve` runs on it; once its start-up work is done (the process
   idle for a second), wrk measures, over those people in turn,
   GET /api/v1/stream (the first page) and a deep page (the 10th, through
   the cursor each person's own paging returned).
3. The generator extends the same organization to 5,000,000 activities and
   the same measurements run again.
Prints a table with p99 growth across the 10x, then one JSON line.

Scale with BENCH_PEOPLE, BENCH_FOLLOWS, BENCH_GROUPS, BENCH_ACTIVITIES_SMALL,
BENCH_ACTIVITIES_LARGE, BENCH_DURATION, BENCH_BACKENDS (sqlite,postgres).
Standard library only; needs wrk and, for PostgreSQL, the server binaries
(scripts/install-deps.sh --bench).
"""
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from http_bench import HALLWAY, ROOT, wait_idle, wait_ready, wrk  # noqa: E402

PORT = int(os.environ.get("BENCH_STREAM_PORT", "18193"))
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "55693"))
GENERATOR = os.path.join(os.path.dirname(HALLWAY), "bench", "hallway_org_generator")
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "100000"))
FOLLOWS = int(os.environ.get("BENCH_FOLLOWS", "2000000"))
GROUPS = int(os.environ.get("BENCH_GROUPS", "2000"))
SMALL = int(os.environ.get("BENCH_ACTIVITIES_SMALL", "500000"))
LARGE = int(os.environ.get("BENCH_ACTIVITIES_LARGE", "5000000"))
TOKENS = 200
DEEP_PAGE = 10
BACKENDS = os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",")


def generate(url, activities, extend):
    cmd = [GENERATOR, "--database", url, "--people", str(PEOPLE), "--follows", str(FOLLOWS),
           "--groups", str(GROUPS), "--activities", str(activities), "--tokens", str(TOKENS)]
    if extend:
        cmd.append("--extend")
    t0 = time.monotonic()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_seconds"] = time.monotonic() - t0
    return result


def token_people(url):
    """The account ids that got a bench token (the generator samples them)."""
    if url.startswith("sqlite:"):
        import sqlite3
        con = sqlite3.connect(url[len("sqlite:"):])
        ids = [r[0] for r in con.execute("SELECT account_id FROM api_tokens WHERE name = 'bench' ORDER BY id")]
        con.close()
        return ids
    out = subprocess.run(["psql", url, "-At", "-c",
                          "SELECT account_id FROM api_tokens WHERE name = 'bench' ORDER BY id"],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    return [int(x) for x in out.split()]


def get(path, token):
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=30) as res:
        return json.loads(res.read())


def deep_cursors(tokens):
    """Each person's cursor to their DEEP_PAGE-th page, by paging as they would."""
    out = []
    for t in tokens:
        cursor = ""
        for _ in range(DEEP_PAGE - 1):
            page = get("/api/v1/stream?limit=20" + (f"&cursor={cursor}" if cursor else ""), t)
            cursor = page.get("next_cursor") or ""
            if not cursor:
                break
        if cursor:
            out.append((t, cursor))
    return out


def write_lua(tmp, name, pairs):
    """A wrk script that sends each (token, path) in turn."""
    lines = "\n".join(f'  {{"{t}", "{p}"}},' for t, p in pairs)
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(f"""local reqs = {{
{lines}
}}
local i = 0
request = function()
  i = i % #reqs + 1
  return wrk.format("GET", reqs[i][2], {{["Authorization"] = "Bearer " .. reqs[i][1]}})
end
""")
    return path


def measure(tmp, url, label):
    log = open(os.path.join(tmp, f"server-{label}.log"), "a")
    proc = subprocess.Popen(
        [HALLWAY, "serve", "--database", url, "--listen", f"127.0.0.1:{PORT}",
         "--data-dir", os.path.join(tmp, "data"), "--access-log", "/dev/null"],
        stdout=log, stderr=log)
    try:
        wait_ready(PORT, "/readyz", timeout=120)
        idle = wait_idle(proc.pid)
        print(f"{label}: server idle {idle:.0f} s after ready", file=sys.stderr)
        tokens = [f"hw_bench_{i}" for i in token_people(url)]
        first = write_lua(tmp, "first.lua", [(t, "/api/v1/stream?limit=20") for t in tokens])
        deep_pairs = deep_cursors(tokens)
        deep = write_lua(tmp, "deep.lua", [(t, f"/api/v1/stream?limit=20&cursor={c}") for t, c in deep_pairs])
        base = f"http://127.0.0.1:{PORT}"
        return {
            "first page": wrk_script(base, first),
            f"page {DEEP_PAGE}": wrk_script(base, deep),
            "deep_people": len(deep_pairs),
        }
    finally:
        proc.terminate()
        proc.wait()


def wrk_script(base, script):
    return wrk(base + "/api/v1/stream", script=script)


@contextlib.contextmanager
def backend_database(backend, prefix):
    """Yields a fresh temporary directory and a database URL in it for
    `backend` ("sqlite", or "postgres": a throwaway cluster on BENCH_PG_PORT),
    and removes both afterwards."""
    tmp = tempfile.mkdtemp(prefix=f"{prefix}-{backend}-")
    os.chmod(tmp, 0o755)  # the PostgreSQL cluster runs as the postgres user
    pg_state = None
    try:
        if backend == "sqlite":
            url = "sqlite:" + os.path.join(tmp, "hallway.db")
        else:
            url, pg_state, pg_env = postgres_url(tmp)
        yield tmp, url
    finally:
        if pg_state:
            subprocess.run([os.path.join(ROOT, "scripts/test-services.sh"), "stop", pg_state],
                           env=pg_env, stdout=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


def postgres_url(tmp):
    state = os.path.join(tmp, "pg")
    env = dict(os.environ, HALLWAY_TEST_PG_PORT=str(PG_PORT), HALLWAY_TEST_SMTP_PORT=str(PG_PORT + 1))
    subprocess.run([os.path.join(ROOT, "scripts/test-services.sh"), "start", state], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    base = f"postgresql://postgres@127.0.0.1:{PG_PORT}"
    subprocess.run(["psql", base + "/postgres", "-qc", "CREATE DATABASE stream_bench"], check=True)
    return base + "/stream_bench", state, env


def main():
    for tool in ("wrk",):
        if not shutil.which(tool):
            raise SystemExit(f"stream_bench: {tool} is missing (run scripts/install-deps.sh --bench)")
    if not os.path.exists(GENERATOR):
        raise SystemExit(f"stream_bench: {GENERATOR} is missing (cmake --build build/release "
                         "--target hallway hallway_org_generator)")
    results = {}
    for backend in BACKENDS:
        with backend_database(backend, "hallway-stream") as (tmp, url):
            rows = {}
            for activities, extend in ((SMALL, False), (LARGE, True)):
                gen = generate(url, activities, extend)
                print(f"{backend}: generated {json.dumps(gen)}", file=sys.stderr)
                if backend == "postgres":
                    # What autovacuum does to a table that grew by millions of
                    # rows: statistics for the planner, and the visibility map
                    # that lets the stream's index-only scans skip the heap.
                    subprocess.run(["psql", url, "-qc", "VACUUM ANALYZE"], check=True)
                rows[activities] = {"generate": gen, **measure(tmp, url, f"{activities}")}
            results[backend] = rows
            report({backend: rows}, final=False)  # a later backend's failure must not lose these
    report(results)


def report(results, final=True):
    print(f"{'backend':<10} {'activities':>11} {'page':<11} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    summary = {"people": PEOPLE, "follows": FOLLOWS, "groups": GROUPS, "backends": {}}
    for backend, rows in results.items():
        summary["backends"][backend] = {}
        for activities, r in rows.items():
            for page in ("first page", f"page {DEEP_PAGE}"):
                m = r[page]
                print(f"{backend:<10} {activities:>11,} {page:<11} {m['rps']:>8.0f} {m['p50']:>8.1f} {m['p99']:>8.1f}"
                      + (f"  ({m['non2xx']} errors)" if m["non2xx"] else ""))
            summary["backends"][backend][str(activities)] = {
                "first": rows[activities]["first page"], "deep": rows[activities][f"page {DEEP_PAGE}"],
                "deep_people": rows[activities]["deep_people"],
                "generate_seconds": rows[activities]["generate"]["wall_seconds"]}
        for page in ("first page", f"page {DEEP_PAGE}"):
            small, large = rows[SMALL][page]["p99"], rows[LARGE][page]["p99"]
            growth = large / small if small else float("nan")
            print(f"{backend:<10} p99 growth {SMALL:,} -> {LARGE:,}, {page}: {growth:.2f}x")
            summary["backends"][backend][f"growth {page}"] = growth
    if final:
        print(json.dumps(summary))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
