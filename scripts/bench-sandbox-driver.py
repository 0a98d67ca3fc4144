#!/usr/bin/env python3
"""Load driver for scripts/bench-sandbox: keep-alive HTTP/1.1 clients against a running sandbox.

Usage: bench-sandbox-driver.py BASE_URL [clients=12] [seconds=5]
Prints p50/p99 latency of a 100-object list and of a single-object GET (one client, sequential),
then requests/s of CLIENTS concurrent keep-alive clients mixing both for SECONDS.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

KEY = "sk_test_fincore_demo"
HEADERS = {"Authorization": "Bearer " + KEY}


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=10), url.path.rstrip("/")


def get(conn, path):
    conn.request("GET", path, headers=HEADERS)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
    return body


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def latency(base, path, count):
    conn, prefix = connect(base)
    get(conn, prefix + path)  # warm up the connection
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        get(conn, prefix + path)
        samples.append((time.perf_counter() - start) * 1000)
    conn.close()
    return percentile(samples, 0.50), percentile(samples, 0.99)


def throughput(base, paths, clients, seconds):
    counts = [0] * clients
    errors = []
    deadline = time.perf_counter() + seconds

    def run(index):
        try:
            conn, prefix = connect(base)
            n = 0
            while time.perf_counter() < deadline:
                get(conn, prefix + paths[n % len(paths)])
                n += 1
            counts[index] = n
            conn.close()
        except Exception as error:  # report, don't hide, a failed client
            errors.append(str(error))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return sum(counts) / elapsed, errors


def main():
    base = sys.argv[1]
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 5
    conn, prefix = connect(base)
    page = json.loads(get(conn, prefix + "/clients?limit=100"))
    conn.close()
    one = "/clients/" + page["data"][0]["id"]
    lst = "/clients?limit=100"
    p50, p99 = latency(base, lst, 400)
    print(f"list 100 clients   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   ({len(page['data'])} objects, total {page['meta']['total']})")
    p50, p99 = latency(base, one, 1000)
    print(f"get one client     p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
    rate, errors = throughput(base, [one], clients, seconds)
    print(f"throughput GET one {rate:8.0f} req/s   ({clients} keep-alive clients, {seconds:g} s)")
    rate, errors2 = throughput(base, [lst], clients, seconds)
    print(f"throughput list    {rate:8.0f} req/s   ({clients} keep-alive clients, {seconds:g} s)")
    for error in errors + errors2:
        print("client error:", error, file=sys.stderr)
    return 1 if errors or errors2 else 0


if __name__ == "__main__":
    sys.exit(main())
