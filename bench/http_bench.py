#!/usr/bin/python3
"""HTTP benchmark: Hallway against nginx in one run, on loopback.

Seeds the demo organization into a fresh SQLite database, starts
`hallway serve`, and measures with wrk:
  - an authenticated JSON API read (GET /api/v1/me with a bearer token),
  - GET /healthz,
  - nginx serving a static file of the same size as the API response,
then idle memory (RSS) and start-up time on an already-migrated database.
Prints a table; ratios matter more than absolute numbers on a shared machine.
Standard library only; needs wrk and nginx (scripts/install-deps.sh --bench).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HALLWAY = os.environ.get("HALLWAY_BIN", os.path.join(ROOT, "build/release/hallway"))
PORT, NGINX_PORT = 18190, 18191
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "32")


def request(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req) as res:
        return res.status, res.headers, res.read()


def wait_ready(port, path, timeout=30.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as res:
                if res.status == 200:
                    return time.monotonic() - start
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"port {port} not ready")


def wait_idle(pid, timeout=300.0, quiet_share=0.05):
    """Waits until process `pid` has used under `quiet_share` of one core for
    a whole second: the work a server starts with (the recommender's first
    training, the expertise index) is done, so a measurement sees the steady
    state. Returns the seconds waited."""
    def cpu_seconds():
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    start = time.monotonic()
    last = cpu_seconds()
    while time.monotonic() - start < timeout:
        time.sleep(1)
        now = cpu_seconds()
        if now - last < quiet_share:
            break
        last = now
    return time.monotonic() - start


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wrk(url, headers=(), script=None, connections=None):
    """Runs wrk on `url` (or, with a Lua `script`, on the requests it makes),
    with `connections` open at once (default BENCH_CONNECTIONS)."""
    cmd = ["wrk", "-t2", f"-c{connections or CONNECTIONS}", f"-d{DURATION}", "--latency", url]
    for h in headers:
        cmd[1:1] = ["-H", h]
    if script:
        cmd[1:1] = ["-s", script]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": pct(50), "p99": pct(99), "non2xx": int(errors.group(1)) if errors else 0}


def port_free(port):
    import socket
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def start_hallway(tmp, db):
    if not port_free(PORT):
        sys.exit(f"http_bench: port {PORT} is busy (a leftover server?)")
    log = open(os.path.join(tmp, "server.log"), "a")
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [HALLWAY, "serve", "--database", f"sqlite:{db}", "--listen", f"127.0.0.1:{PORT}",
         "--data-dir", os.path.join(tmp, "data"), "--access-log", "/dev/null"],
        stdout=log, stderr=log)
    wait_ready(PORT, "/readyz")
    return proc, time.monotonic() - t0


def main():
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"http_bench: {tool} is missing (run scripts/install-deps.sh --bench)")
    tmp = tempfile.mkdtemp(prefix="hallway-bench-")
    os.chmod(tmp, 0o755)  # nginx workers run as www-data and must read www/
    db = os.path.join(tmp, "bench.db")
    subprocess.run([HALLWAY, "seed-demo", "--database", f"sqlite:{db}"], check=True,
                   stdout=subprocess.DEVNULL)
    proc, startup = start_hallway(tmp, db)
    try:
        run(tmp, db, proc, startup)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def run(tmp, db, proc, startup):
    time.sleep(1)  # let start-up allocations settle before reading idle RSS
    idle_rss = rss_mb(proc.pid)
    _, headers, body = request("POST", "/api/v1/session", {"login": "demo", "password": "hallway-demo"})
    cookie = headers["Set-Cookie"].split(";")[0]
    csrf = json.loads(body)["csrf_token"]
    _, _, body = request("POST", "/api/v1/me/tokens", {"name": "bench", "scopes": ["read"]},
                         {"Cookie": cookie, "X-CSRF-Token": csrf})
    token = json.loads(body)["token"]
    _, _, me = request("GET", "/api/v1/me", headers={"Authorization": f"Bearer {token}"})

    # nginx serves a static file as large as the API response.
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    with open(os.path.join(www, "me.json"), "wb") as f:
        f.write(me)
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""worker_processes 2; daemon off; pid {tmp}/nginx.pid; error_log {tmp}/nginx.err;
events {{ worker_connections 1024; }}
http {{ access_log off; default_type application/json;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {www}; }} }}
""")
    nginx = subprocess.Popen(["nginx", "-c", conf, "-p", tmp], stderr=subprocess.DEVNULL)
    try:
        wait_ready(NGINX_PORT, "/me.json")
        results = {
            "nginx static file": wrk(f"http://127.0.0.1:{NGINX_PORT}/me.json"),
            "hallway GET /healthz": wrk(f"http://127.0.0.1:{PORT}/healthz"),
            "hallway GET /api/v1/me (bearer)": wrk(f"http://127.0.0.1:{PORT}/api/v1/me",
                                                   [f"Authorization: Bearer {token}"]),
        }
        loaded_rss = rss_mb(proc.pid)
    finally:
        nginx.send_signal(signal.SIGTERM)
        nginx.wait()
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    restart_proc, restart = start_hallway(tmp, db)  # migrated database: start-up alone
    restart_proc.send_signal(signal.SIGTERM)
    restart_proc.wait()

    base = results["nginx static file"]["rps"]
    print(f"\nHTTP benchmark: wrk -t2 -c{CONNECTIONS} -d{DURATION}, loopback, response {len(me)} bytes")
    print(f"{'target':34} {'req/s':>10} {'vs nginx':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:34} {r['rps']:10.0f} {r['rps'] / base:8.0%} {r['p50']:8.2f} {r['p99']:8.2f} {r['non2xx']:8d}")
    print(f"\nhallway idle RSS after start: {idle_rss:.1f} MB; after load: {loaded_rss:.1f} MB")
    print(f"hallway start-up to /readyz on a migrated database: {restart * 1000:.0f} ms "
          f"(first start incl. migration: {startup * 1000:.0f} ms)")
    summary = {"bench": "http", **{k: v for k, v in results.items()},
               "idle_rss_mb": round(idle_rss, 1), "startup_ms": round(restart * 1000)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
