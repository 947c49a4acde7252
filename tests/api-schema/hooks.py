"""Schemathesis hooks for scripts/api-schema (loaded through SCHEMATHESIS_HOOKS).

- The office's operations run in a staff member's session: the run signs in a
  demo citizen (the `session` security scheme of the configuration) and a demo
  operator, and an operation under /api/v1/office/ is sent with the operator's
  session instead of the citizen's.
- The payment webhook is signed as the payment provider signs it
  (`Ghiseu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`) for
  the cases generated to fit the schema, so they reach the handler; the cases
  generated not to fit keep the signature generated for them, and are refused
  as unauthenticated (401).
- A request that fits the schema and carries an Idempotency-Key gets a key of
  its own: generation repeats a few short keys, and the server rightly answers
  a key used for another request with 422 (`idempotency-key-reused`), which
  would keep most requests from the operation's own logic. Reusing a key is
  covered by the Rust tests.
- At the end, a table of the statuses each operation answered: how far the
  run got into each (a 2xx is a request that went all the way through).
"""

import atexit
import collections
import hashlib
import hmac
import json
import os
import sys
import time
import uuid

import schemathesis

WEBHOOK = "/api/v1/payments/webhook"
SIGNATURE = "Ghiseu-Signature"
SESSION_COOKIE = "ghiseu_session"
IDEMPOTENCY_KEY = "Idempotency-Key"


def _body_bytes(body):
    """The bytes requests sends for a JSON body (`json=` uses the standard library)."""
    if body is None:
        return b"null"
    return json.dumps(body, allow_nan=False).encode("utf-8")


def _fits_schema(case):
    meta = case.meta
    return meta is not None and meta.generation.mode.is_positive


@schemathesis.hook
def before_call(context, case, **kwargs):
    path = case.operation.path
    if case.headers and IDEMPOTENCY_KEY in case.headers and _fits_schema(case):
        case.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())
    if path.startswith("/api/v1/office/"):
        staff = os.environ.get("GHISEU_API_STAFF_SESSION", "")
        cookies = case.cookies
        if staff and cookies and cookies.get(SESSION_COOKIE):
            cookies[SESSION_COOKIE] = staff
    elif path == WEBHOOK and _fits_schema(case):
        secret = os.environ.get("GHISEU_PAYMENT_PROVIDER_SECRET", "").encode()
        try:
            body = _body_bytes(case.body)
        except (TypeError, ValueError):
            return
        t = str(int(time.time()))
        digest = hmac.new(secret, t.encode() + b"." + body, hashlib.sha256).hexdigest()
        if case.headers is None:
            case.headers = {}
        case.headers[SIGNATURE] = f"t={t},v1={digest}"


# "METHOD path" -> status class ("2xx", …) -> count, over the whole run.
_answered = collections.defaultdict(collections.Counter)


@schemathesis.hook
def after_call(context, case, response):
    label = f"{case.operation.method.upper()} {case.operation.path}"
    _answered[label][f"{response.status_code // 100}xx"] += 1


@atexit.register
def _tally():
    if not _answered:
        return
    classes = ["2xx", "3xx", "4xx", "5xx"]
    width = max(len(label) for label in _answered)
    out = sys.stdout
    print(f"\nRequests sent, by operation and answer ({len(_answered)} operations):", file=out)
    print(f"  {'operation':<{width}}  " + "  ".join(f"{c:>6}" for c in classes), file=out)
    for label in sorted(_answered, key=lambda l: (l.split(" ", 1)[1], l)):
        counts = _answered[label]
        print(f"  {label:<{width}}  " + "  ".join(f"{counts[c]:>6}" for c in classes), file=out)
    total = sum(sum(c.values()) for c in _answered.values())
    print(f"  {total} requests", file=out)
