"""Evaluates every PromQL query of the Grafana dashboard through Prometheus's HTTP API (bin/monitoring-check).

Fails on a query that errors or is empty: the scripted conversation (FAQ, LLM, action, a handover an agent takes,
CSAT) gives every panel data. Waits (up to 120 s) for the scrapes that follow the conversation.
"""
import json
import sys
import time
import urllib.parse
import urllib.request

def queries(dashboard):
    def walk(panels):
        for panel in panels:
            yield from walk(panel.get("panels", []))
            for target in panel.get("targets", []):
                if target.get("expr"):
                    yield panel.get("title", "?"), target["expr"]
    return list(walk(dashboard.get("panels", [])))


def evaluate(base, expr):
    url = base + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = json.load(response)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    except OSError as e:  # Prometheus not listening yet
        body = {"status": "error", "error": str(e)}
    return body


def main(base, path):
    with open(path, encoding="utf-8") as f:
        found = queries(json.load(f))
    deadline = time.time() + 120
    while True:
        results = [(title, expr, evaluate(base, expr)) for title, expr in found]
        pending = [r for r in results if r[2].get("status") != "success" or not r[2]["data"]["result"]]
        if not pending or time.time() > deadline:
            break
        time.sleep(3)
    failures = 0
    for title, expr, body in results:
        if body.get("status") != "success":
            verdict, failures = "ERROR " + body.get("error", "?"), failures + 1
        elif body["data"]["result"]:
            verdict = "ok (%d series)" % len(body["data"]["result"])
        else:
            verdict, failures = "EMPTY", failures + 1
        print("%-40s %s\n    %s" % (title[:40], verdict, expr))
    print("%d queries, %d failed" % (len(results), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/"), sys.argv[2]))
