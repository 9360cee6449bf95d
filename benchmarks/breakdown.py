"""``--breakdown``: where the time of a unoserver conversion went, document by document.

The pool records, for every document, when its server's thread took it, when the XML-RPC call
was sent, when the answer came and when the PDF was in place (:class:`UnoserverPool.timings`).
From those and the caller's clock around the whole call this says, per server: time in our
client (before sending, after the answer), the round trip, and the idle time (before its first
document, between documents, and after its last while another server still converts: that is
what two workers lose against half of one LibreOffice call). The round trip splits into the
transport (an empty ``info`` call, measured apart) and unoserver's load and export (the rest);
unoserver does not tell load from export, so they are given together.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Sequence
from typing import Any


def transport_seconds(pool: Any, calls: int = 10) -> float:
    """Median round trip of an empty XML-RPC call (``info``) over every server of the pool."""
    times = []
    for server in pool.servers:
        for _ in range(calls):
            start = time.perf_counter()
            pool._call(server, 30.0, "info")
            times.append(time.perf_counter() - start)
    return statistics.median(times)


class Clock:
    """Wall and CPU time of this process around a conversion (its client's own CPU use)."""

    def __enter__(self) -> Clock:
        self.start = time.perf_counter()
        self.cpu_start = sum(os.times()[:2])
        return self

    def __exit__(self, *exc: object) -> None:
        self.end = time.perf_counter()
        self.cpu = sum(os.times()[:2]) - self.cpu_start


def summarise(timings: Sequence[Any], clock: Clock, transport_s: float) -> dict[str, Any]:
    """The breakdown of one conversion call (see the module docstring), in seconds."""
    wall = clock.end - clock.start
    servers: dict[str, Any] = {}
    for server in sorted({t.server for t in timings}):
        mine = sorted((t for t in timings if t.server == server), key=lambda t: t.taken)
        round_trip = sum(t.answered - t.sent for t in mine)
        client = sum((t.sent - t.taken) + (t.done - t.answered) for t in mine)
        between = sum(b.taken - a.done for a, b in zip(mine, mine[1:]))
        servers[server] = {
            "documents": len(mine),
            "round_trip_s": round(round_trip, 3),
            "load_and_export_s": round(round_trip - transport_s * len(mine), 3),
            "transport_s": round(transport_s * len(mine), 3),
            "client_s": round(client, 3),
            "idle_before_first_s": round(mine[0].taken - clock.start, 3),
            "idle_between_s": round(between, 3),
            "idle_after_last_s": round(clock.end - mine[-1].done, 3),
            "order": [t.document for t in mine],
        }
    idle = sum(s["idle_before_first_s"] + s["idle_between_s"] + s["idle_after_last_s"] for s in servers.values())
    busy = sum(t.answered - t.sent for t in timings)
    return {
        "wall_s": round(wall, 3),
        "documents": len(timings),
        "client_cpu_s": round(clock.cpu, 3),
        "transport_per_call_ms": round(transport_s * 1000, 2),
        "per_document_round_trip_s": {
            "median": round(statistics.median(t.answered - t.sent for t in timings), 3) if timings else None,
            "max": round(max((t.answered - t.sent for t in timings), default=0.0), 3),
        },
        "servers": servers,
        # Of the servers' wall time together, the share spent converting (1.0: never idle).
        "utilisation": round(busy / (wall * len(servers)), 3) if servers and wall else None,
        "idle_s_all_servers": round(idle, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def describe(summary: dict[str, Any]) -> str:
    """Two lines for the console."""
    per = "; ".join(
        f"{name}: {s['documents']} docs, round trip {s['round_trip_s']} s (load+export {s['load_and_export_s']} s), "
        f"client {s['client_s']} s, idle {s['idle_before_first_s']}+{s['idle_between_s']}+{s['idle_after_last_s']} s"
        for name, s in summary["servers"].items())
    return (f"      breakdown: wall {summary['wall_s']} s, utilisation {summary['utilisation']}, client CPU "
            f"{summary['client_cpu_s']} s, transport {summary['transport_per_call_ms']} ms a call, load "
            f"{summary['load_average']}\n      {per}")
