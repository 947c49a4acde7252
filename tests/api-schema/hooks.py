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
"""

import hashlib
import hmac
import json
import os
import time

import schemathesis

WEBHOOK = "/api/v1/payments/webhook"
SIGNATURE = "Ghiseu-Signature"
SESSION_COOKIE = "ghiseu_session"


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
