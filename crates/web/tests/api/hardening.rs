//! Faults found by attacking the booking API: a forged cross-site request
//! acting in someone's session, a guardian acting for a child who has come of
//! age, a session ended elsewhere still accepted from a cache.

use crate::support::{Browser, TestApp, hidden, signed_in};
use serde_json::json;

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
const LAST_SLOT: &str = "2026-11-25T16:15:00Z";

async fn held(
    app: &TestApp,
    browser: &mut Browser,
    holders: &[&str],
) -> crate::support::TestResponse {
    let body =
        json!({ "service": SERVICE, "office": OFFICE, "start": LAST_SLOT, "holders": holders });
    browser
        .post_json(app, "/api/v1/appointments", &body, &[])
        .await
}

async fn state_of(app: &TestApp, browser: &mut Browser, id: &str) -> String {
    let r = browser
        .get(app, &format!("/api/v1/appointments/{id}"))
        .await;
    r.json()["state"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn confirm_and_cancel_refuse_a_request_a_foreign_page_could_send() {
    let app = TestApp::new().await;
    let (mut citizen, _) = signed_in(&app, "csrf.target@example.ro", "citizen").await;
    let r = held(&app, &mut citizen, &["self"]).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_string();
    for kind in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
    ] {
        for action in ["confirm", "cancel"] {
            let r = citizen
                .post_raw(
                    &app,
                    &format!("/api/v1/appointments/{id}/{action}"),
                    kind,
                    "",
                )
                .await;
            let problem = r.problem(415);
            assert_eq!(
                problem["type"].as_str().unwrap().rsplit('/').next(),
                Some("unsupported-media-type")
            );
        }
    }
    assert_eq!(state_of(&app, &mut citizen, &id).await, "held");

    // With JSON and an Idempotency-Key, a retried confirmation gets the first answer.
    let key = [("Idempotency-Key", "confirm-once-7f3a")];
    let path = format!("/api/v1/appointments/{id}/confirm");
    let first = citizen.post_json(&app, &path, &json!({}), &key).await;
    assert_eq!(first.status, 200, "{}", first.text());
    let again = citizen.post_json(&app, &path, &json!({}), &key).await;
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(first.json(), again.json());
    assert_eq!(state_of(&app, &mut citizen, &id).await, "confirmed");
    app.cleanup().await;
}

#[tokio::test]
async fn a_guardian_cannot_book_for_a_child_who_has_turned_18() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "coming.of.age@example.ro", "citizen").await;
    let (mut operator, _) = signed_in(&app, "op.age@example.ro", "operator").await;
    let page = operator.get(&app, "/en/office/guardianships").await.text();
    let csrf = hidden(&page, "csrf");
    let fields = [
        ("csrf", csrf.as_str()),
        ("guardian_email", "coming.of.age@example.ro"),
        ("given_name", "Andrei"),
        ("family_name", "Pop"),
        ("birth_date", "2008-11-24"),
        ("relationship", "parent"),
        ("evidence", "birth-certificate"),
        ("office", OFFICE),
    ];
    let r = operator
        .post_form(&app, "/en/office/guardianships/record", &fields)
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let ward = ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap()
        .remove(0)
        .ward_id;

    // The day before his 18th birthday: the parent may still book for him.
    let day_before = app.at("2026-11-23T08:00:00Z");
    let r = held(&day_before, &mut parent, &[&ward]).await;
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_string();
    let cancelled = parent
        .post_json(
            &app,
            &format!("/api/v1/appointments/{id}/cancel"),
            &json!({}),
            &[],
        )
        .await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.text());

    // From his birthday on, in Bucharest, he books for himself.
    let birthday = app.at("2026-11-23T22:30:00Z");
    let mut parent = crate::support::log_in(&birthday, "coming.of.age@example.ro").await;
    let r = held(&birthday, &mut parent, &[&ward]).await;
    let problem = r.problem(422);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("not a child in your household")
    );
    let page = parent.get(&birthday, "/en/appointments/new").await.text();
    assert!(
        !page.contains("Andrei Pop"),
        "no longer offered as someone to book for"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn signing_out_everywhere_ends_the_booking_session_at_once_in_every_process() {
    let app = TestApp::new().await;
    // A second server process over the same database, with its own cache.
    let other = app.at("2026-11-23T08:00:00Z");
    let (mut phone, _) = signed_in(&app, "two.devices@example.ro", "citizen").await;
    let mut laptop = crate::support::log_in(&app, "two.devices@example.ro").await;
    assert_eq!(phone.get(&other, "/api/v1/appointments").await.status, 200);
    assert_eq!(phone.get(&other, "/api/v1/appointments").await.status, 200);

    let csrf = hidden(&laptop.get(&app, "/en/account").await.text(), "csrf");
    let r = laptop
        .post_form(&app, "/en/account/logout-everywhere", &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, 303);
    let after = phone.get(&other, "/api/v1/appointments").await;
    after.problem(401);
    app.cleanup().await;
}
