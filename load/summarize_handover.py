#!/usr/bin/env python3
"""Prints load/handover-across-nodes.sh's results as a markdown table (one row per phase), or with --slow
the JFR execution samples of both nodes taken during the slow handover rounds, next to all of each phase's."""
import datetime
import glob
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import top_frames  # noqa: E402

START = re.compile(r"^\s+startTime = (\d\d:\d\d:\d\d\.\d+) \((\d{4}-\d\d-\d\d)\)")
THREAD = re.compile(r'^\s+sampledThread = "([^"]*)"')


def table(out, sockets, load_on, redis_version, cores, load):
    background = {}
    for line in open(os.path.join(out, "background.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        rate = f[0].split("-")[0]
        row = background.setdefault(rate, dict(answered=0.0, p50=[], p99=[], server=None, errors=0, faq=0, n=0))
        row["answered"] += float(f[3])
        row["p50"].append(int(f[4]) / 1000)
        row["p99"].append(int(f[5]) / 1000)
        row["errors"] += int(f[13])
        row["faq"] += int(f[12])
        row["n"] += int(f[2])
        if f[9]:
            row["server"] = float(f[10])
    print(f"Two Lokets and Redis {redis_version} on one core, the drivers on another; {cores} cores, load average "
          f"at the end {load}. Background: {sockets} sockets on node(s) {load_on}, open model.\n")
    after = {}
    for line in open(os.path.join(out, "waiting.tsv"), encoding="utf-8"):
        label, waiting, drained, warmup = line.rstrip("\n").split("\t")
        after[label] = (waiting, drained, int(warmup))
    print("| background offered (FAQ messages/s) | servers quiet after (s) | answered/s | background p50 / p99 (ms, "
          "per node) | FAQ answers | server cores busy | chats waiting after | handover rounds (in s) | handover p50 "
          "| p90 | p99 | max | queued on A p50 / p99 | over the slow mark | failed | customer's welcome p50 / p99 "
          "| whole round p50 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    per_round = []
    for line in open(os.path.join(out, "rounds.tsv"), encoding="utf-8"):
        (label, n, p50, p90, p99, top, q50, q99, slow, failed, seconds, w50, w99,
         whole) = line.rstrip("\n").split("\t")
        b = background.get(label)
        if b is None:
            offered = f"none ({label}, yardstick)"
            cells = ["-", "-", "-", "-"]
        else:
            offered = f"{int(label):,}"
            cells = [f"{b['answered']:,.0f}", " / ".join(f"{v:,.0f}" for v in b["p50"]) + " ; "
                     + " / ".join(f"{v:,.0f}" for v in b["p99"]), f"{100 * b['faq'] / max(b['n'], 1):.0f} %",
                     "-" if b["server"] is None else f"{b['server']:.2f}"]
        waiting, drained, warmup = after.get(label, ("?", "?", 0))
        print(f"| {offered} | {drained} | {' | '.join(cells)} | {waiting} | {n} ({seconds}) | {p50} ms | {p90} ms "
              f"| {p99} ms | {top} ms | {q50} / {q99} ms | {slow} | {failed} | {w50} / {w99} ms | {whole} ms |")
        if b is None and int(n) + int(failed) > 0:
            # every round started, warm-up included: the calls were counted over all of them
            per_round.append((label, redis_calls(out, label), int(n) + int(failed) + warmup))
    for label, calls, n in per_round:
        # with no background, what one handover round (hello, handover, accept, close) costs in Redis calls
        print(f"\nRedis calls per round in {label} ({n} rounds): {sum(calls.values()) / n:.1f}; "
              + ", ".join(f"{c} {v / n:.1f}" for c, v in sorted(calls.items(), key=lambda kv: -kv[1]) if v / n >= 0.5))


def redis_calls(out, label):
    """Calls per Redis command during a phase's rounds, from its INFO commandstats before and after."""
    def read(name):
        calls = {}
        for line in open(os.path.join(out, f"{label}-redis-{name}.txt"), encoding="utf-8"):
            m = re.match(r"cmdstat_([a-z|]+):calls=(\d+)", line)
            if m:
                calls[m.group(1)] = int(m.group(2))
        return calls
    before, after = read("before"), read("after")
    return {c: v - before.get(c, 0) for c, v in after.items() if v - before.get(c, 0) > 0 and c != "info"}


def samples(path):
    """(epoch ms, thread, stack) of every execution sample in a `jfr print` text file (times in local time)."""
    when, thread, stack = None, None, []
    for line in open(path, encoding="utf-8"):
        if line.startswith("jdk.ExecutionSample"):
            if stack:
                yield when, thread, stack
            when, thread, stack = None, None, []
            continue
        m = START.match(line)
        if m:
            when = datetime.datetime.fromisoformat(f"{m.group(2)}T{m.group(1)}").timestamp() * 1000
            continue
        m = THREAD.match(line)
        if m:
            thread = m.group(1)
            continue
        m = top_frames.FRAME.match(line)
        if m:
            stack.append(m.group(1))
    if stack:
        yield when, thread, stack


def shares(counter, total):
    return ", ".join(f"{name} {100 * n / total:.0f} %" for name, n in counter.most_common(6))


def slow(out, a_pid, b_pid):
    for slow_file in sorted(glob.glob(os.path.join(out, "*-slow.tsv"))):
        label = os.path.basename(slow_file)[:-len("-slow.tsv")]
        windows = [tuple(float(v) for v in line.split("\t")) for line in open(slow_file, encoding="utf-8") if line.strip()]
        print(f"\n### {label}: {len(windows)} rounds over the slow mark\n")
        print("| node | samples in the phase | of them in slow rounds | where the top frame was, slow rounds "
              "| all of the phase | threads sampled in slow rounds |\n|---|---|---|---|---|---|")
        for node, pid in (("A", a_pid), ("B", b_pid)):
            path = os.path.join(out, f"{label}-{pid}-samples.txt")
            if not os.path.exists(path):
                continue
            areas_all, areas_slow, threads_slow, n_all, n_slow = Counter(), Counter(), Counter(), 0, 0
            for when, thread, stack in samples(path):
                n_all += 1
                areas_all[top_frames.area(stack[0])] += 1
                if when is not None and any(start <= when <= start + took for start, took in windows):
                    n_slow += 1
                    areas_slow[top_frames.area(stack[0])] += 1
                    threads_slow[re.sub(r"[-#]?\d+$", "", thread or "?")] += 1
            print(f"| {node} | {n_all} | {n_slow} | {shares(areas_slow, max(n_slow, 1))} | "
                  f"{shares(areas_all, max(n_all, 1))} | {shares(threads_slow, max(n_slow, 1))} |")


if __name__ == "__main__":
    if sys.argv[1] == "--slow":
        slow(*sys.argv[2:])
    else:
        table(*sys.argv[1:])
