#!/usr/bin/env python3
"""Prints load/message-path.sh's results.tsv as a markdown table: medians over the runs, each run in brackets."""
import statistics
import sys
from collections import defaultdict

NAMES = {"echo": "bare echo `/ws/echo`", "stub": "protocol stub `/ws/stub`", "loket": "Loket `/ws/chat`",
         "before": "Loket before the redesign (`LOKET_BEFORE_JAR`) `/ws/chat`"}


def cell(values, fmt):
    text = fmt.format(statistics.median(values))
    return text if len(values) == 1 else f"{text} ({' / '.join(fmt.format(v) for v in values)})"


def main(path, sockets, seconds, rate, redis_version, idle_ms_per_s, cores, load):
    rows = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        (run, label, open_, answered, per_s, p50, p99, p999, top, cpu, per_process, server_share, driver_share,
         faq, errors, commands) = line.rstrip("\n").split("\t")
        loket, redis = (float(v) for v in per_process.split(","))
        rows[label].append(dict(open=int(open_), answered=int(answered), per_s=float(per_s), p50=int(p50) / 1000,
                                p99=int(p99) / 1000, cpu=float(cpu), loket=loket, redis=redis,
                                server=float(server_share), driver=float(driver_share),
                                faq=int(faq) / max(int(answered), 1), errors=int(errors),
                                commands=commands))
    load_model = "closed loop" if rate == "0" else f"open model, {int(rate):,} messages/s offered"
    print(f"{sockets} sockets, {load_model}, {seconds} s measured per target after a warm-up; Redis {redis_version}; "
          f"{cores} cores, load average at the end {load}; Loket idle: {idle_ms_per_s} ms CPU per s.\n")
    print("| target | messages/s | p50 (ms) | p99 (ms) | CPU per message, Loket + Redis (µs) | of which Redis (µs) "
          "| server / driver CPU (cores) | FAQ answers | errors |")
    print("|---|---|---|---|---|---|---|---|---|")
    stub = rows.get("stub")
    for label in ("echo", "stub", "loket", "before"):
        data = rows.get(label)
        if not data:
            continue
        share = ""
        if label in ("loket", "before") and stub:
            share = f" ({100 * statistics.median(r['per_s'] for r in data) / statistics.median(r['per_s'] for r in stub):.1f} % of the stub)"
        print(f"| {NAMES[label]} | {cell([r['per_s'] for r in data], '{:,.0f}')}{share} "
              f"| {cell([r['p50'] for r in data], '{:.1f}')} | {cell([r['p99'] for r in data], '{:.1f}')} "
              f"| {cell([r['cpu'] for r in data], '{:,.0f}')} | {cell([r['redis'] for r in data], '{:,.0f}')} "
              f"| {statistics.median(r['server'] for r in data):.2f} / {statistics.median(r['driver'] for r in data):.2f} "
              f"| {'-' if label == 'echo' else cell([100 * r['faq'] for r in data], '{:.0f} %')} "
              f"| {sum(r['errors'] for r in data)} |")
    for label, r in [(label, r) for label in ("loket", "before") for r in rows.get(label, [])]:
        calls = {c.split("=")[0]: float(c.split("=")[1]) for c in r["commands"].split()} if r["commands"] != "-" else {}
        print(f"\n{NAMES[label]}, Redis calls per answered message: {sum(calls.values()):.1f} "
              f"({', '.join(f'{k} {v:.2f}' for k, v in sorted(calls.items(), key=lambda kv: -kv[1]))})")


if __name__ == "__main__":
    main(*sys.argv[1:9])
