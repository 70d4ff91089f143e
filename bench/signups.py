"""make bench-signups: the sign-up service under load and killed mid-run.

1. 500 sign-ups at once (50 clients) for a 20-seat training, SQLite, the
   service as `klucz-signups serve` on 127.0.0.1: exactly 20 hold seats, the
   rest on the waiting list in order of arrival, no server error; each
   request's time, median and 95th percentile printed.
2. The same with the server killed (SIGKILL) in the middle, then started
   again: no seat given twice, every sign-up answered 200 is stored.
E-mails go to a file-less console (the service's default), nothing is sent.
"""

import argparse
import concurrent.futures
import datetime as dt
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def trainings_file(folder, capacity):
    start = dt.datetime.now().astimezone() + dt.timedelta(days=30)
    data = {"version": 1, "clause": "Klauzula testowa.", "trainings": [{
        "uid": "bench@klucz", "url": "http://127.0.0.1/szkolenia/bench/", "title": "Pomiar zapisów",
        "start": start.isoformat(), "end": (start + dt.timedelta(hours=4)).isoformat(), "all_day": False,
        "when": "za miesiąc", "location": "Łódź", "capacity": capacity, "deadline": None, "status": "scheduled",
        "registration_status": "open", "registration_email": ""}]}
    path = folder / "zapisy.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def start(folder, port, trainings):
    env = {**os.environ, "SIGNUPS_DATA": str(folder), "SIGNUPS_SITE_URL": f"http://127.0.0.1:{port}",
           "SIGNUPS_PER_IP_HOUR": "100000", "SIGNUPS_PER_EMAIL_HOUR": "100", "SIGNUPS_MIN_SECONDS": "0"}
    env.pop("EMAIL_HOST", None)
    process = subprocess.Popen([sys.executable, "-m", "signups.cli", "serve", "--port", str(port),
                                "--trainings", str(trainings)], env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/zapisy/zdrowie", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the service did not start")


def sign_up(port, i):
    data = urllib.parse.urlencode({"imie": "Osoba", "nazwisko": f"Numer{i}", "email": f"osoba{i}@example.org",
                                   "zgoda": "1"}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/zapisy/s/bench@klucz/", data=data,
                                     headers={"Origin": f"http://127.0.0.1:{port}", "Accept": "application/json"})
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = None  # the server was killed
    return i, status, time.perf_counter() - began


def stored(folder):
    with sqlite3.connect(folder / "zapisy.sqlite3") as db:
        return db.execute("SELECT email, status, id FROM signups_signup ORDER BY id").fetchall()


def run(attempts, clients, port, kill_after=None, process=None):
    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(sign_up, port, i) for i in range(attempts)]
        if kill_after is not None:
            time.sleep(kill_after)
            os.killpg(process.pid, signal.SIGKILL)  # the server and its processes, as a power cut would
        return [f.result() for f in futures]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        trainings = trainings_file(folder, args.capacity)
        port = free_port()
        process = start(folder, port, trainings)
        began, client_cpu = time.perf_counter(), time.process_time()
        results = run(args.attempts, args.clients, port)
        took, client_cpu = time.perf_counter() - began, time.process_time() - client_cpu
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
        times = sorted(t for _, _, t in results)
        statuses = {}
        for _, status, _ in results:
            statuses[status] = statuses.get(status, 0) + 1
        rows = stored(folder)
        seated = [r for r in rows if r[1] in ("held", "confirmed", "offered")]
        waiting = [r for r in rows if r[1] == "waiting"]
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{args.attempts} sign-ups, {args.clients} clients at once, {args.capacity} seats, SQLite:")
        print(f"  answers: {statuses}; {took:.1f} s in all, {args.attempts / took:.0f} sign-ups/s; "
              f"this script's own processor time: {client_cpu / args.attempts * 1000:.1f} ms per sign-up")
        print(f"  time per sign-up: median {statistics.median(times) * 1000:.0f} ms, "
              f"95th percentile {p95 * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms")
        print(f"  stored: {len(rows)}, holding seats: {len(seated)}, waiting list: {len(waiting)}")
        ok = (statuses == {200: args.attempts} and len(seated) == args.capacity
              and len(rows) == args.attempts and [r[2] for r in waiting] == sorted(r[2] for r in waiting))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        trainings = trainings_file(folder, args.capacity)
        port = free_port()
        process = start(folder, port, trainings)
        # Killed halfway through what the first run took, so that sign-ups are on their way.
        kill_after = took / 2
        results = run(args.attempts, args.clients, port, kill_after=kill_after, process=process)
        process.wait()
        answered = {f"osoba{i}@example.org" for i, status, _ in results if status == 200}
        again = start(folder, port, trainings)  # started again: migrations, trainings, expiry
        os.killpg(again.pid, signal.SIGTERM)
        again.wait()
        rows = stored(folder)
        emails = [r[0] for r in rows]
        seated = [r for r in rows if r[1] in ("held", "confirmed", "offered")]
        lost = answered - set(emails)
        print(f"killed (SIGKILL) after {kill_after:.1f} s: {len(answered)} answered 200, {len(rows)} stored, "
              f"{len(seated)} holding seats (of {args.capacity}), {len(lost)} answered but lost, "
              f"{len(emails) - len(set(emails))} stored twice")
        ok = ok and not lost and len(seated) <= args.capacity and len(emails) == len(set(emails))
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
