#!/usr/bin/env python3
"""Benchmarks `mplan serve` under load: the latency of the JSON API on the French sample, and the server's memory.

Usage: python benchmarks/web.py [--requests 200] [--workers N] [--plan samples/exemple-fr.xlsx]

A real server is started in a subprocess (tests/webserver.py: `mplan serve` on a free port, its own
temporary folder), warmed up with 10 requests, then measured, each request's answer checked against the
first one's counts:
  - one client, `--requests` sequential POST /api/validate (p50, p95);
  - 8 clients, each its own keep-alive connection, 2 x `--requests` POST /api/validate in all (p50, p95);
  - 5 bursts of 20 uploads released at once, each on its own connection (p50, p95, max);
  - one client, 20 sequential POST /api/report (p50, p95);
  - the resident memory of the server and its worker processes before and after the one-client run.
The result is printed as Markdown, with the targets of issue 16 (one client p50 <= 150 ms, 8 clients
p95 <= 1 s, on a 2-core machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib.metadata import version
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.webserver import Server, served  # noqa: E402 - the repository's root is on the path only now

API = {"X-Mplan": "1"}
FIELDS = {"today": "2027-06-30"}


class Bench:
    def __init__(self, server: Server, plan: Path):
        self.server, self.plan, self.data = server, plan, plan.read_bytes()
        self.counts: dict | None = None

    def call(self, client: httpx.Client, what: str = "validate") -> float:
        """One POST /api/<what> of the plan: its latency in seconds (the answer checked)."""
        start = time.perf_counter()
        answer = client.post(
            self.server.url + f"api/{what}", headers=API, files={"file": (self.plan.name, self.data)}, data=FIELDS
        )
        elapsed = time.perf_counter() - start
        if answer.status_code != 200:
            raise SystemExit(f"/api/{what} answered {answer.status_code}: {answer.text[:300]}")
        if what == "validate":
            counts = answer.json()["counts"]
            if self.counts is None:
                self.counts = counts
            elif counts != self.counts:
                raise SystemExit(f"/api/validate answered {counts}, then {self.counts}")
        return elapsed

    def sequential(self, count: int, what: str = "validate") -> list[float]:
        with httpx.Client(timeout=120) as client:
            return [self.call(client, what) for _ in range(count)]

    def clients(self, clients: int, each: int) -> list[float]:
        """`clients` threads, each with its own connection, `each` requests one after the other."""
        gate = threading.Barrier(clients)

        def one(_: int) -> list[float]:
            with httpx.Client(timeout=120) as client:
                gate.wait()
                return [self.call(client) for _ in range(each)]

        with ThreadPoolExecutor(clients) as pool:
            return [t for times in pool.map(one, range(clients)) for t in times]


def p(times: list[float], q: int) -> float:
    """The q-th percentile, in ms."""
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1] * 1000


def run(plan: Path, requests: int, env: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="mplan-web-bench-") as tmp, served(Path(tmp), env=env) as server:
        bench = Bench(server, plan)
        bench.sequential(10)
        bench.sequential(3, "report")
        results: dict = {"load": os.getloadavg()[0]}
        results["rss_before"] = server.rss_kb() / 1024
        results["one"] = bench.sequential(requests)
        print(f"one client: p50 {p(results['one'], 50):.0f} ms", flush=True)
        results["rss_after"] = server.rss_kb() / 1024
        results["eight"] = bench.clients(8, requests // 4)
        print(f"8 clients: p95 {p(results['eight'], 95):.0f} ms", flush=True)
        results["twenty"] = [t for _ in range(5) for t in bench.clients(20, 1)]
        results["report"] = bench.sequential(20, "report")
        results["leftovers"] = len(server.leftovers())
        results["counts"] = bench.counts
    return results


def markdown(r: dict, plan: Path, requests: int, workers: str) -> str:
    one, eight, twenty, report = r["one"], r["eight"], r["twenty"], r["report"]
    rows = [
        "| measure | requests | p50 | p95 | target |",
        "|---|---:|---:|---:|---|",
        f"| /api/validate, one client | {len(one)} | {p(one, 50):.0f} ms | {p(one, 95):.0f} ms | "
        f"p50 ≤ 150 ms: {'met' if p(one, 50) <= 150 else 'NOT met'} |",
        f"| /api/validate, 8 concurrent clients | {len(eight)} | {p(eight, 50):.0f} ms | {p(eight, 95):.0f} ms | "
        f"p95 ≤ 1 s: {'met' if p(eight, 95) <= 1000 else 'NOT met'} |",
        f"| /api/validate, bursts of 20 concurrent uploads | {len(twenty)} | {p(twenty, 50):.0f} ms | "
        f"{p(twenty, 95):.0f} ms | all answered, the slowest in {max(twenty) * 1000:.0f} ms |",
        f"| /api/report, one client | {len(report)} | {p(report, 50):.0f} ms | {p(report, 95):.0f} ms | – |",
        f"| server + workers resident memory, before / after the {len(one)} one-client uploads | – | "
        f"{r['rss_before']:.0f} MB | {r['rss_after']:.0f} MB | no growth: "
        f"{r['rss_after'] - r['rss_before']:+.0f} MB |",
    ]
    header = (
        f"`python benchmarks/web.py --requests {requests}` on {plan.name} ({plan.stat().st_size // 1024} KB, "
        f"findings {r['counts']}), {workers} worker processes, measured {date.today():%d %B %Y} on "
        f"{platform.machine()}, {os.cpu_count()} cores (load average {r['load']:.1f} at the start), "
        f"Python {platform.python_version()}, uvicorn {version('uvicorn')}, starlette {version('starlette')}, "
        f"pebble {version('pebble')}; the client (httpx {version('httpx')}) runs on the same machine. "
        f"Files left in the server's temporary folder afterwards: {r['leftovers']}."
    )
    return header + "\n\n" + "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="one client's requests (8 clients: twice as many)")
    parser.add_argument("--workers", help="MPLAN_JOB_WORKERS (default: the server's, the number of CPUs)")
    parser.add_argument("--plan", type=Path, default=ROOT / "samples" / "exemple-fr.xlsx")
    args = parser.parse_args()
    env = {"MPLAN_JOB_WORKERS": args.workers} if args.workers else {}
    results = run(args.plan, args.requests, env)
    workers = args.workers or os.environ.get("MPLAN_JOB_WORKERS") or str(os.cpu_count())
    print(markdown(results, args.plan, args.requests, workers))


if __name__ == "__main__":
    main()
