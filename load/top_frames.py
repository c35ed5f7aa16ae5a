#!/usr/bin/env python3
"""Top frames of `jfr print --events jdk.ExecutionSample`: the hottest top-of-stack methods, and the
Loket methods (nl.loket.*) that appear anywhere in the sampled stacks, each as a share of all samples."""
import re
import sys
from collections import Counter

FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*line: \d+")


# where a sample's top frame is, by package: which part of the stack burns the CPU
AREAS = [("nl.loket.faq", "FAQ matcher"), ("org.apache.lucene", "FAQ matcher (Lucene)"),
         ("org.tartarus", "FAQ matcher (Lucene)"), ("nl.loket", "Loket, other"), ("io.lettuce", "Redis client (Lettuce)"),
         ("io.netty", "Redis client (Netty)"), ("tools.jackson", "JSON (Jackson)"), ("com.fasterxml", "JSON (Jackson)"),
         ("org.apache.tomcat.websocket", "Tomcat WebSocket"), ("org.apache", "Tomcat, other"),
         ("org.springframework", "Spring"), ("io.micrometer", "metrics"), ("io.github.bucket4j", "budgets (Bucket4j)"),
         ("java.util.concurrent", "JDK concurrency"), ("java.util.regex", "JDK regex"), ("java.", "JDK, other"),
         ("jdk.", "JDK, other"), ("sun.", "JDK, other")]


def area(method):
    return next((name for prefix, name in AREAS if method.startswith(prefix)), "other")


def count(stack, tops, loket, areas):
    tops[stack[0]] += 1
    areas[area(stack[0])] += 1
    for method in set(m for m in stack if m.startswith("nl.loket.")):
        loket[method] += 1


def main(path, top=15):
    tops, loket, areas, samples = Counter(), Counter(), Counter(), 0
    stack = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("jdk.ExecutionSample"):
            if stack:
                samples += 1
                count(stack, tops, loket, areas)
            stack = []
        m = FRAME.match(line)
        if m:
            stack.append(m.group(1))
    if stack:
        samples += 1
        count(stack, tops, loket, areas)
    print(f"\nJFR execution samples: {samples:,}\n")
    print("| top frame in | share |\n|---|---|")
    for name, n in areas.most_common():
        print(f"| {name} | {100 * n / samples:.1f} % |")
    print("\n| top of stack | share |\n|---|---|")
    for method, n in tops.most_common(top):
        print(f"| `{method}` | {100 * n / samples:.1f} % |")
    print("\n| Loket method anywhere on the stack | share |\n|---|---|")
    for method, n in loket.most_common(top):
        print(f"| `{method}` | {100 * n / samples:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
