"""Turns run-benchmarks.sh's results.tsv (and the Gatling reports it points at) into markdown tables of medians."""
import html
import re
import statistics
import sys
from collections import defaultdict

ROW = re.compile(r'class="ellipsed-name">([^<]+)</span>.*?((?:<td class="value[^"]*">[^<]*</td>\s*){13})', re.S)
CELL = re.compile(r'<td class="value[^"]*">([^<]*)</td>')
# Gatling's statistics table: total, ok, ko, %ko, cnt/s, min, p50, p75, p95, p99, max, mean, std dev
COLUMNS = ["total", "ok", "ko", "ko_pct", "cnt_s", "min", "p50", "p75", "p95", "p99", "max", "mean", "std"]


def gatling_table(report):
    with open(report, encoding="utf-8") as f:
        page = f.read()
    table = {}
    for name, cells in ROW.findall(page):
        values = [float(v.replace(",", "")) if v.strip() not in ("", "-") else 0.0 for v in CELL.findall(cells)]
        table[html.unescape(name)] = dict(zip(COLUMNS, values))
    return table


def median(values):
    return statistics.median(values) if values else float("nan")


def spread(values, fmt):
    """The median, then every run in brackets, so the noise of a shared machine stays visible."""
    return f"{fmt.format(median(values))} ({' / '.join(fmt.format(v) for v in values)})"


def main(results, sockets, phase_seconds, redis_version):
    idle = defaultdict(list)
    reports = []
    with open(results, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "idle":
                _, run, channel, open_, hb, ha, rb, ra, conversations, redis_bytes = fields
                idle[channel].append(dict(open=int(open_), heap_before=int(hb), heap_after=int(ha), rss_before=int(rb),
                                          rss_after=int(ra), conversations=int(conversations),
                                          redis_bytes=int(redis_bytes or 0)))
            elif fields[0] == "throughput":
                reports.append(gatling_table(fields[2]))

    runs = max([len(v) for v in idle.values()] + [len(reports)])
    print(f"Medians over up to {runs} runs; every run that counted is in brackets. Redis {redis_version}.\n")
    print(f"#### Idle sockets ({sockets:,} sockets, each said hello and got its answer)\n")
    print("| socket | open | heap before (MiB) | heap with sockets (MiB) | heap per socket (KiB) "
          "| RSS before (MiB) | RSS with sockets (MiB) | RSS per socket (KiB) | Redis per conversation (bytes) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for channel in ("chat", "echo", "echo-plain"):
        # a run in which not all sockets were open when measured (Gatling reported failures) says nothing
        rows = [r for r in idle.get(channel, []) if r["open"] >= 0.99 * sockets]
        failed = len(idle.get(channel, [])) - len(rows)
        if failed:
            print(f"<!-- /ws/{channel}: {failed} run(s) left out: fewer than {sockets:,} sockets were open -->")
        if not rows:
            continue
        per_heap = [(r["heap_after"] - r["heap_before"]) / r["open"] for r in rows]
        per_rss = [(r["rss_after"] - r["rss_before"]) / r["open"] for r in rows]
        redis = [r["redis_bytes"] / r["conversations"] for r in rows if r["conversations"]]
        print(f"| /ws/{channel} | {median([r['open'] for r in rows]):,.0f} "
              f"| {median([r['heap_before'] / 1024 for r in rows]):.0f} "
              f"| {median([r['heap_after'] / 1024 for r in rows]):.0f} | {spread(per_heap, '{:.1f}')} "
              f"| {median([r['rss_before'] / 1024 for r in rows]):.0f} "
              f"| {median([r['rss_after'] / 1024 for r in rows]):.0f} | {spread(per_rss, '{:.1f}')} "
              f"| {spread(redis, '{:.0f}') if redis else '-'} |")

    if not reports:
        return
    print(f"\n#### Round trips, echo and chat back to back ({phase_seconds} s per phase)\n")
    print("| phase | socket | round trips/s | message p50 / p99 (ms) | hello p50 / p99 (ms) "
          "| connect p50 / p99 (ms) | KO |")
    print("|---|---|---|---|---|---|---|")
    for phase in ("sessions", "rate", "loop"):
        for channel in ("echo", "chat"):
            def col(request, column):
                return [r.get(f"{phase} {channel} {request}", {}).get(column, float("nan")) for r in reports]
            rate = [c / phase_seconds for c in col("reply", "ok")]
            ko = sum(sum(r[k]["ko"] for k in r if k.startswith(f"{phase} {channel} ")) for r in reports)
            print(f"| {phase} | /ws/{channel} | {spread(rate, '{:,.0f}')} "
                  f"| {median(col('reply', 'p50')):.0f} / {median(col('reply', 'p99')):.0f} "
                  f"| {median(col('welcome', 'p50')):.0f} / {median(col('welcome', 'p99')):.0f} "
                  f"| {median(col('connect', 'p50')):.0f} / {median(col('connect', 'p99')):.0f} | {ko:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
