"""Test data for scripts/api-schema: what the demo server holds for the signed-in citizen, as
Schemathesis dictionaries (TOML on stdout, appended to the run's configuration).

Generated ids name nothing, so without these an operation on one case, appointment, fee order
or document would only ever answer 404. tests/api-schema/schemathesis.toml binds each path
parameter to its dictionary for half of the requests; the other half stay generated.

It reads the citizen's cases from the applications page (the API has no list of them), her
documents from GET /api/v1/documents, makes a fee order for a case waiting for its fee, and
holds two appointments (one confirmed) at the first free slots.

Usage: test_data.py BASE_URL (the citizen's session in GHISEU_API_SESSION)
"""

import json
import os
import re
import sys
import urllib.error
import urllib.request


def call(base, session, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Cookie", f"ghiseu_session={session}")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
            return response.status, text
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def get_json(base, session, path):
    status, text = call(base, session, "GET", path)
    return json.loads(text) if status == 200 else None


def toml_list(values):
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def main():
    base = sys.argv[1]
    session = os.environ["GHISEU_API_SESSION"]
    _, page = call(base, session, "GET", "/en/applications")
    case_ids = sorted(set(re.findall(r'href="/en/applications/([0-9a-f-]{36})"', page)))
    cases = [c for c in (get_json(base, session, f"/api/v1/cases/{i}") for i in case_ids) if c]
    due = [c["reference"] for c in cases if c["state"] == "fee-due" and c["reference"]]
    references = [c["reference"] for c in cases if c["reference"]]

    documents = [d["number"] for d in get_json(base, session, "/api/v1/documents") or []]

    fee_orders = []
    if due:
        status, text = call(base, session, "POST", "/api/v1/fee-orders", {"cases": due[:1]})
        if status == 201:
            fee_orders.append(json.loads(text)["id"])

    appointments = []
    for slot in (get_json(base, session, "/api/v1/appointments/first?service=ro.passport.electronic") or [])[:1]:
        for _ in range(2):
            hold = {
                "service": "ro.passport.electronic",
                "office": slot["office"],
                "start": slot["start"],
                "holders": ["self"],
            }
            status, text = call(base, session, "POST", "/api/v1/appointments", hold)
            if status == 201:
                appointments.append(json.loads(text)["id"])
                break
    if appointments:
        call(base, session, "POST", f"/api/v1/appointments/{appointments[0]}/confirm", {})
    appointments += [a["id"] for a in get_json(base, session, "/api/v1/appointments") or []]
    appointments = sorted(set(appointments))

    found = {
        "cases": case_ids,
        "case_references": references,
        "documents": documents,
        "fee_orders": fee_orders,
        "appointments": appointments,
    }
    for name, values in found.items():
        # A dictionary needs at least one entry; one that names nothing still parses.
        values = values or ["none"]
        print(f"\n[dictionaries.{name}]\nvalues = {toml_list(values)}")
    print(
        "test data: " + ", ".join(f"{len(v)} {k.replace('_', ' ')}" for k, v in found.items()),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
