#!/usr/bin/env python3
"""The load and the checks of the fault scripts (scripts/faults/*), against a cluster that
`scripts/cluster up` started. Standard library only.

  load.py book   --env ENV --clients N --spread S --out FILE
      N citizens (seeded straight into the database, each with a session) arrive over S seconds
      through the balancer; each finds a free slot, holds it and confirms it as a careful client
      does: one Idempotency-Key per operation, and on a lost connection, a 5xx, a 409 "still
      being answered" or a 429 the same request again with the same key, until a final answer.
  load.py check  --env ENV --results FILE
      What the database says of those bookings: lost confirmations, duplicates, people with two
      places, cells over capacity, confirmation messages per confirmed booking.
  load.py uploads --env ENV --seconds S --out FILE
      The demonstration citizen uploads a scan to a new application, again and again.
  load.py stored --env ENV
      Scans recorded in the database against objects in the bucket.
  load.py mail   --env ENV [--wait S]
      Messages in the outbox against those in the SMTP sink (by Message-ID); waits up to S
      seconds for the outbox to empty first.

Every command prints one JSON object; `check`, `stored` and `mail` exit 1 when something was
lost, doubled or half-written.
"""

import argparse
import email
import email.policy
import hashlib
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

SERVICE = "ro.passport.certificate"
OFFICE = "ab-alba-iulia"
HOLDING = "('held', 'confirmed', 'checked-in', 'called')"
# How long a client keeps retrying one operation: longer than an abandoned key's lease (twice
# the servers' 30 s page timeout) plus a PostgreSQL restart.
PATIENCE = 180.0


def read_env(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, _, value = line.rstrip("\n").partition("=")
            env[name] = value
    return env


def psql(env, sql):
    """Runs `sql` on the cluster's database (PostgreSQL, or a SQLite file); its rows, '|' apart."""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:"):
        path = urllib.parse.urlsplit(url).path or url.split(":", 1)[1].lstrip("/")
        command = ["sqlite3", "-bail", "-cmd", ".timeout 10000", path]
    else:
        command = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url]
    out = subprocess.run(command, input=sql, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {out.stderr.strip()}")
    return out.stdout


def seed(env, count, assurance="email"):
    """Verified citizens with live sessions: (person id, session token) each; `assurance` is
    how their identity was confirmed ('in-person' opens every service)."""
    now = int(time.time() * 1_000_000)
    expires = now + 12 * 3600 * 1_000_000
    run = uuid.uuid4().hex[:8]
    people, rows = [], ["BEGIN;"]
    for i in range(count):
        person = str(uuid.uuid4())
        token = f"fault-{run}-{i}-{uuid.uuid4().hex}"
        digest = hashlib.sha256(token.encode()).hexdigest()
        rows.append(
            "INSERT INTO persons (id, email, email_verified_at, password_hash, role, assurance, "
            f"created_at, updated_at) VALUES ('{person}', 'fault{run}.{i}@faults.invalid', {now}, "
            f"'not-a-password', 'citizen', '{assurance}', {now}, {now});")
        rows.append(
            "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, "
            f"expires_at, second_factor_pending) VALUES ('{digest}', '{person}', 'csrf{i}', "
            f"{now}, {now}, {expires}, 0);")
        people.append((person, token))
    rows.append("COMMIT;")
    psql(env, "\n".join(rows))
    return people


class Client:
    """One keep-alive connection to the balancer, opened again after any failure."""

    def __init__(self, base, cookie, address):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.cookie, self.address = cookie, address
        self.conn = None

    def call(self, method, path, body=None, headers=None, raw=None, content_type=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        sent = {"Cookie": self.cookie, "X-Forwarded-For": self.address}
        if body is not None:
            raw = json.dumps(body).encode()
            content_type = "application/json"
        if content_type:
            sent["Content-Type"] = content_type
        sent.update(headers or {})
        try:
            self.conn.request(method, path, body=raw, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, response.getheader("Retry-After"), response.getheader(
            "Location"), data


def problem_code(data):
    try:
        return json.loads(data).get("type", "").rsplit("/", 1)[-1]
    except (ValueError, AttributeError):
        return ""


def retrying(client, tally, method, path, body, key):
    """The request again with the same key until a final answer; (status, body, tries)."""
    started, tries = time.monotonic(), 0
    while True:
        tries += 1
        try:
            status, retry_after, _, data = client.call(
                method, path, body, {"Idempotency-Key": key})
        except (OSError, http.client.HTTPException) as e:
            status, retry_after, data = None, None, type(e).__name__.encode()
        final = status is not None and status < 500 and status != 429 and not (
            status == 409 and problem_code(data) == "conflict")
        if final:
            return status, data, tries
        tally(status if status is not None else data.decode())
        if time.monotonic() - started > PATIENCE:
            return status or 0, data, tries
        wait = float(retry_after) if retry_after and retry_after.isdigit() else 1.0
        time.sleep(min(wait, 5.0) * random.uniform(0.5, 1.0))


def book_one(base, person, token, index, results, errors, lock):
    client = Client(base, f"ghiseu_session={token}", f"10.{index // 65536 % 256}."
                    f"{index // 256 % 256}.{index % 256}")
    record = {"person": person, "booking": None, "confirmed": False, "outcome": None,
              "hold_tries": 0, "confirm_tries": 0}

    def tally(what):
        with lock:
            errors[str(what)] = errors.get(str(what), 0) + 1

    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
    for _ in range(20):
        try:
            status, _, _, data = client.call(
                "GET", f"/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}"
                f"&date={tomorrow}&days=14&only_free=true")
        except (OSError, http.client.HTTPException):
            tally("search-connection")
            time.sleep(1)
            continue
        if status != 200:
            tally(f"search-{status}")
            time.sleep(1)
            continue
        free = [s["start"] for s in json.loads(data)["slots"] if s.get("free", 0) > 0]
        if not free:
            record["outcome"] = "no-free-slot"
            break
        request = {"service": SERVICE, "office": OFFICE, "start": random.choice(free),
                   "holders": ["self"]}
        status, data, tries = retrying(client, tally, "POST", "/api/v1/appointments", request,
                                       str(uuid.uuid4()))
        record["hold_tries"] += tries
        if status == 201:
            record["booking"] = json.loads(data)["id"]
            break
        code = problem_code(data)
        if code != "slot-full":
            record["outcome"] = f"hold-{status}-{code}"
            break
    if not record["booking"] and not record["outcome"]:
        record["outcome"] = "search-kept-failing"
    if record["booking"]:
        status, data, tries = retrying(
            client, tally, "POST", f"/api/v1/appointments/{record['booking']}/confirm", {},
            str(uuid.uuid4()))
        record["confirm_tries"] = tries
        if status == 200 and json.loads(data).get("state") == "confirmed":
            record["confirmed"] = True
            record["outcome"] = "confirmed"
        else:
            record["outcome"] = f"confirm-{status}-{problem_code(data)}"
    with lock:
        results.append(record)


def book(args):
    global PATIENCE
    PATIENCE = args.patience
    env = read_env(args.env)
    people = seed(env, args.clients)
    if args.after_seed:
        subprocess.run(args.after_seed, shell=True, check=True)
    results, errors, lock, threads = [], {}, threading.Lock(), []
    started = time.monotonic()
    for index, (person, token) in enumerate(people):
        due = started + args.spread * index / max(len(people), 1)
        time.sleep(max(0.0, due - time.monotonic()))
        thread = threading.Thread(target=book_one, args=(
            env["BALANCER_URL"], person, token, index, results, errors, lock), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    outcomes = {}
    for r in results:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    summary = {"clients": len(people), "seconds": round(time.monotonic() - started, 1),
               "confirmed": sum(r["confirmed"] for r in results), "outcomes": outcomes,
               "retried": errors,
               "most_tries": max((r["hold_tries"] + r["confirm_tries"] for r in results),
                                 default=0)}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"summary": summary, "clients": results}, f)
    print(json.dumps(summary))


def check(args):
    env = read_env(args.env)
    with open(args.results, encoding="utf-8") as f:
        clients = json.load(f)["clients"]
    people = ",".join(f"'{c['person']}'" for c in clients) or "''"
    rows = psql(env, f"""
        SELECT b.booked_by, b.id, b.state,
          (SELECT COUNT(*) FROM outbox_messages m WHERE m.person_id = b.booked_by
             AND m.kind = 'appointment-confirmed')
        FROM bookings b WHERE b.booked_by IN ({people}) AND b.state IN {HOLDING};""")
    held = {}
    for line in rows.split("\n"):
        if line.strip():
            person, booking, state, messages = line.split("|")
            held.setdefault(person, []).append((booking, state, int(messages)))
    lost = [c for c in clients if c["confirmed"] and not any(
        b == c["booking"] and s == "confirmed" for b, s, _ in held.get(c["person"], []))]
    unknown = [c for c in clients if not c["confirmed"] and held.get(c["person"])]
    twice = [p for p, bs in held.items() if len(bs) > 1]
    messages = [m for bs in held.values() for _, s, m in bs if s == "confirmed"]
    over = psql(env, f"""
        SELECT COUNT(*) FROM appointment_cells c WHERE c.taken > c.capacity OR c.taken <>
          COALESCE((SELECT SUM(b.seats) FROM booking_cells bc JOIN bookings b ON b.id =
          bc.booking_id WHERE bc.office_id = c.office_id AND bc.window_kind = c.window_kind
          AND bc.starts_at = c.starts_at AND b.state IN {HOLDING}), 0);""").strip()
    report = {
        "clients": len(clients),
        "confirmed_by_clients": sum(c["confirmed"] for c in clients),
        "confirmed_in_database": sum(1 for bs in held.values() for _, s, _ in bs
                                     if s == "confirmed"),
        "lost_confirmations": len(lost),
        "held_but_not_told": len(unknown),
        "people_with_two_places": len(twice),
        "cells_wrong": int(over),
        "confirmed_without_one_message": sum(1 for m in messages if m != 1),
    }
    print(json.dumps(report))
    bad = (report["lost_confirmations"] or report["people_with_two_places"]
           or report["cells_wrong"] or report["confirmed_without_one_message"])
    sys.exit(1 if bad else 0)


def hidden(page, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    if not match:
        raise SystemExit(f"no hidden field {name} on the page")
    return match.group(1)


def multipart(fields, name, content):
    boundary = uuid.uuid4().hex
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
             .encode() for k, v in fields]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                 f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                 .encode() + content + f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def scan(size):
    """A PNG the servers accept: signature, IHDR, and a body of the size asked for."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    width = 256
    rows = max(1, size // (width * 3 + 1))
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(rows))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, rows, 8, 2, 0,
                                                              0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def uploads(args):
    env = read_env(args.env)
    people = seed(env, args.people, assurance="in-person")
    outcomes, lock, stop = {}, threading.Lock(), time.monotonic() + args.seconds
    timeline = []

    def one(index, person, token):
        client = Client(env["BALANCER_URL"], f"ghiseu_session={token}", f"10.201.0.{index}")
        status, _, _, data = client.call("POST", "/api/v1/cases",
                                         {"service": args.service, "holder": "self"})
        if status != 201:
            with lock:
                outcomes[f"start-{status}-{problem_code(data)}"] = outcomes.get(
                    f"start-{status}-{problem_code(data)}", 0) + 1
            return
        case = json.loads(data)["id"]
        body = scan(args.bytes)
        while time.monotonic() < stop:
            began = time.monotonic()
            try:
                status, _, _, page = client.call("GET", f"/en/applications/{case}")
                page = page.decode()
                fields = [("csrf", hidden(page, "csrf")),
                          ("requirement", hidden(page, "requirement"))]
                raw, kind = multipart(fields, "scan.png", body)
                status, _, _, data = client.call("POST", f"/en/applications/{case}/documents",
                                                 raw=raw, content_type=kind)
                what = str(status)
            except (OSError, http.client.HTTPException, SystemExit) as e:
                what = type(e).__name__
            with lock:
                outcomes[what] = outcomes.get(what, 0) + 1
                timeline.append((round(began - (stop - args.seconds), 1), what,
                                 round(time.monotonic() - began, 2)))
            time.sleep(args.pause)

    threads = [threading.Thread(target=one, args=(i, p, t), daemon=True)
               for i, (p, t) in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    summary = {"outcomes": outcomes, "slowest_s": max((t[2] for t in timeline), default=0)}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"summary": summary, "timeline": timeline}, f)
    print(json.dumps(summary))


def bucket_objects(env):
    url = urllib.parse.urlsplit(env["S3_ENDPOINT"])
    found, token = {}, None
    while True:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        query = "list-type=2" + (f"&continuation-token={urllib.parse.quote(token)}"
                                 if token else "")
        conn.request("GET", f"/{env['S3_BUCKET']}?{query}")
        text = conn.getresponse().read().decode()
        for key, size in re.findall(r"<Key>([^<]*)</Key>.*?<Size>(\d+)</Size>", text, re.S):
            found[key] = int(size)
        more = re.search(r"<NextContinuationToken>([^<]*)<", text)
        if not more:
            return found
        token = more.group(1)


def stored(args):
    env = read_env(args.env)
    rows = psql(env, "SELECT object_key, size_bytes FROM case_documents WHERE replaced_at IS NULL;")
    recorded = {}
    for line in rows.split("\n"):
        if line.strip():
            key, size = line.split("|")
            recorded[key] = int(size)
    objects = bucket_objects(env)
    missing = [k for k in recorded if k not in objects]
    wrong = [k for k, s in recorded.items() if k in objects and objects[k] != s]
    unrecorded = [k for k in objects if k not in recorded]
    report = {"recorded": len(recorded), "objects": len(objects), "recorded_but_missing":
              len(missing), "size_differs": len(wrong), "objects_not_recorded": len(unrecorded)}
    print(json.dumps(report))
    sys.exit(1 if missing or wrong else 0)


def mail(args):
    env = read_env(args.env)
    deadline = time.monotonic() + args.wait
    while True:
        # Waiting: what is due now, being sent, or waiting to be tried again (a retry waits an
        # hour at most). A reminder waits for the day before its appointment untried, and is
        # not waiting: with appointments early the next morning, some fall due within the hour.
        now = int(time.time() * 1_000_000)
        waiting = int(psql(env, "SELECT COUNT(*) FROM outbox_messages WHERE channel = 'email' "
                                "AND status IN ('pending', 'sending') "
                                f"AND (next_attempt_at <= {now} OR attempts > 0 "
                                "OR status = 'sending');").strip() or 0)
        if waiting == 0 or time.monotonic() > deadline:
            break
        time.sleep(5)
    sent = int(psql(env, "SELECT COUNT(*) FROM outbox_messages WHERE channel = 'email' AND "
                         "status = 'sent';").strip())
    ids = {}
    folder = env["SMTP_SINK_DIR"]
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            message = email.message_from_binary_file(f, policy=email.policy.default)
        ids[message["Message-ID"]] = ids.get(message["Message-ID"], 0) + 1
    report = {"outbox_sent": sent, "outbox_waiting": waiting, "sink_messages": sum(ids.values()),
              "sink_distinct": len(ids), "delivered_twice": sum(1 for n in ids.values() if n > 1)}
    print(json.dumps(report))
    sys.exit(1 if waiting or report["sink_distinct"] < sent else 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("book")
    b.add_argument("--env", required=True)
    b.add_argument("--clients", type=int, default=300)
    b.add_argument("--spread", type=float, default=40.0)
    b.add_argument("--out", required=True)
    b.add_argument("--patience", type=float, default=PATIENCE,
                   help="seconds a client retries one operation before giving up")
    b.add_argument("--after-seed", help="a shell command run once the citizens are seeded")
    c = sub.add_parser("check")
    c.add_argument("--env", required=True)
    c.add_argument("--results", required=True)
    u = sub.add_parser("uploads")
    u.add_argument("--env", required=True)
    u.add_argument("--people", type=int, default=4)
    u.add_argument("--seconds", type=float, default=60.0)
    u.add_argument("--pause", type=float, default=0.5)
    u.add_argument("--bytes", type=int, default=200_000)
    u.add_argument("--service", default="ro.igi.residence-permit")
    u.add_argument("--out", required=True)
    s = sub.add_parser("stored")
    s.add_argument("--env", required=True)
    m = sub.add_parser("mail")
    m.add_argument("--env", required=True)
    m.add_argument("--wait", type=float, default=0.0)
    args = parser.parse_args()
    {"book": book, "check": check, "uploads": uploads, "stored": stored, "mail": mail}[
        args.command](args)


if __name__ == "__main__":
    main()
