//! An administrator closes an office for a day or a run of days: slots on
//! those days vanish at once, bookings already on them are listed to be
//! moved (never cancelled), a closure can be removed, and a wrong entry is
//! an error summary on the page.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};
use serde_json::{Value, json};

const OFFICE: &str = "ab-alba-iulia";
const PAGE: &str = "/en/office/closures";

async fn slots(app: &TestApp, date: &str) -> Value {
    let r = app
        .get(&format!(
            "/api/v1/appointments/slots?service=ro.passport.electronic&office={OFFICE}&date={date}"
        ))
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

fn count(list: &Value) -> usize {
    list["slots"].as_array().unwrap().len()
}

async fn post(app: &TestApp, admin: &mut Browser, fields: &[(&str, &str)]) -> TestResponse {
    let csrf = hidden(&admin.get(app, PAGE).await.text(), "csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    admin.post_form(app, PAGE, &all).await
}

#[tokio::test]
async fn an_administrator_closes_days_sees_bookings_to_move_and_reopens() {
    let app = TestApp::new().await;
    let (mut citizen, citizen_id) = signed_in(&app, "booked@example.ro", "citizen").await;
    let body = json!({ "service": "ro.passport.electronic", "office": OFFICE, "start": "2026-11-25T07:00:00Z", "holders": ["self"] });
    let held = citizen
        .post_json(&app, "/api/v1/appointments", &body, &[])
        .await;
    assert_eq!(held.status, 201, "{}", held.text());
    let held = held.json();
    let id = held["id"].as_str().unwrap();
    let reference = held["reference"].as_str().unwrap();
    let r = citizen
        .post_json(
            &app,
            &format!("/api/v1/appointments/{id}/confirm"),
            &json!({}),
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());

    assert!(count(&slots(&app, "2026-11-25").await) > 0);
    assert!(count(&slots(&app, "2026-11-26").await) > 0);
    let (mut admin, _) = signed_in(&app, "admin.closures@example.ro", "administrator").await;
    let page = admin.get(&app, PAGE).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("No closures are planned."));

    let closing = [
        ("office", OFFICE),
        ("window", ""),
        ("first", "2026-11-25"),
        ("last", "2026-11-26"),
        ("preset", "training"),
        ("reason", ""),
    ];
    // Closing asks first, saying how many people are booked; nothing changes.
    let r = post(&app, &mut admin, &closing).await;
    assert_eq!(r.status, 422, "{}", r.text());
    let asked = r.text();
    assert!(
        asked.contains("1 appointment is booked on these days"),
        "{asked}"
    );
    assert!(
        asked.contains("href=\"#confirm\""),
        "the error links to the tick: {asked}"
    );
    assert!(
        count(&slots(&app, "2026-11-25").await) > 0,
        "nothing closed yet"
    );
    let mut confirmed = closing.to_vec();
    confirmed.push(("confirm", "on"));
    let r = post(&app, &mut admin, &confirmed).await;
    assert_eq!(r.status, 303, "{}", r.text());
    // The person booked is told, in their language, with the way to move it.
    let told: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &citizen_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "appointment-office-closed")
        .collect();
    assert_eq!(told.len(), 1, "told once, by e-mail");
    assert!(told[0].subject.contains(reference), "{}", told[0].subject);
    assert!(told[0].body.contains("Staff training"), "{}", told[0].body);
    assert!(
        told[0].body.contains(&format!("/appointments/{id}")),
        "{}",
        told[0].body
    );
    // The slots are gone at once, in this process.
    assert_eq!(count(&slots(&app, "2026-11-25").await), 0);
    assert_eq!(count(&slots(&app, "2026-11-26").await), 0);
    assert!(count(&slots(&app, "2026-11-27").await) > 0);

    let page = admin.get(&app, PAGE).await.text();
    assert!(
        page.contains("25 November 2026") && page.contains("26 November 2026"),
        "{page}"
    );
    assert!(
        page.contains("<td>Staff training</td>"),
        "in the reader's language: {page}"
    );
    let romanian = admin.get(&app, "/ro/office/closures").await.text();
    assert!(
        romanian.contains("<td>Instruirea personalului</td>"),
        "{romanian}"
    );
    assert!(page.contains("Appointments to be rescheduled"), "{page}");
    assert!(page.contains(reference), "the booking is listed: {page}");
    // Nothing was cancelled.
    let mine = citizen.get(&app, "/api/v1/appointments").await.json();
    assert_eq!(mine[0]["state"], "confirmed");

    // Removing the first day's closure brings its slots back.
    let at = page.find("/office/closures/").unwrap();
    let action = &page[at..at + page[at..].find('"').unwrap()];
    let r = admin
        .post_form(
            &app,
            &format!("/en{action}"),
            &[("csrf", hidden(&page, "csrf").as_str())],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(count(&slots(&app, "2026-11-25").await) > 0);
    assert_eq!(count(&slots(&app, "2026-11-26").await), 0);
    let page = admin.get(&app, PAGE).await.text();
    assert!(
        !page.contains(reference),
        "no booking on a closed day now: {page}"
    );

    // A free-text reason, for one window only.
    let r = post(
        &app,
        &mut admin,
        &[
            ("office", OFFICE),
            ("window", "information"),
            ("first", "2026-11-27"),
            ("last", ""),
            ("preset", ""),
            ("reason", "Sala de așteptare se renovează"),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    assert!(
        count(&slots(&app, "2026-11-27").await) > 0,
        "intake stays open"
    );
    let page = admin.get(&app, PAGE).await.text();
    assert!(page.contains("Sala de așteptare se renovează"), "{page}");
    assert_eq!(
        page.matches("<td>27 November 2026</td>").count(),
        1,
        "{page}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_closures_are_refused_with_an_error_summary_and_only_administrators_enter_them() {
    let app = TestApp::new().await;
    let (mut admin, _) = signed_in(&app, "admin.wrong@example.ro", "administrator").await;
    for (fields, message) in [
        (
            [
                ("office", OFFICE),
                ("first", "2026-11-27"),
                ("last", "2026-11-26"),
                ("preset", "training"),
            ],
            "cannot be before the first",
        ),
        (
            [
                ("office", OFFICE),
                ("first", "2026-11-20"),
                ("last", ""),
                ("preset", "training"),
            ],
            "cannot be in the past",
        ),
        (
            [
                ("office", "nowhere"),
                ("first", "2026-11-27"),
                ("last", ""),
                ("preset", "training"),
            ],
            "Choose one of the offices you manage.",
        ),
        (
            [
                ("office", OFFICE),
                ("first", "27.11.2026"),
                ("last", ""),
                ("preset", "training"),
            ],
            "Give the day as a date",
        ),
        (
            [
                ("office", OFFICE),
                ("first", "2026-11-27"),
                ("last", ""),
                ("preset", ""),
            ],
            "Choose a usual reason or write one.",
        ),
    ] {
        let r = post(&app, &mut admin, &fields).await;
        assert_eq!(r.status, 422, "{}", r.text());
        let text = r.text();
        assert!(text.contains("error-summary"), "{text}");
        assert!(text.contains(message), "{message}: {text}");
    }
    assert!(
        admin
            .get(&app, PAGE)
            .await
            .text()
            .contains("No closures are planned.")
    );
    assert!(count(&slots(&app, "2026-11-27").await) > 0);

    let (mut operator, _) = signed_in(&app, "op.closures@example.ro", "operator").await;
    assert_eq!(operator.get(&app, PAGE).await.status, 403);
    let csrf = crate::support::staff_csrf(&app, &mut operator).await;
    let r = operator
        .post_form(
            &app,
            PAGE,
            &[
                ("csrf", csrf.as_str()),
                ("office", OFFICE),
                ("first", "2026-11-27"),
                ("preset", "training"),
            ],
        )
        .await;
    assert_eq!(r.status, 403);
    let (mut citizen, _) = signed_in(&app, "citizen.closures@example.ro", "citizen").await;
    assert_eq!(citizen.get(&app, PAGE).await.status, 403);
    app.cleanup().await;
}
