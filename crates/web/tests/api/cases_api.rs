//! Applications through the JSON API: the same rules as the pages, problems
//! that name the state and what is allowed, and idempotent retries.

use crate::cases::{citizen_in_alba, upload_all};
use crate::support::{Browser, TestApp, signed_in};
use serde_json::json;

#[tokio::test]
async fn the_api_starts_and_sends_an_application_and_a_retry_is_safe() {
    let app = TestApp::new().await;
    let mut stranger = Browser::default();
    let r = stranger
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": "ro.passport.electronic", "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(
        r.problem(401)["type"],
        "https://ghiseu.example/problems/sign-in-required"
    );

    let (mut ana, _) = citizen_in_alba(&app, "api@example.ro").await;
    for (body, code) in [
        (
            json!({"service": "nope", "holder": "self"}),
            "unknown-service",
        ),
        (
            json!({"service": "ro.passport.electronic", "holder": "someone"}),
            "unknown-holder",
        ),
        (
            json!({"service": "ro.criminal-record.certificate", "holder": "self"}),
            "assurance-too-low",
        ),
    ] {
        let r = ana.post_json(&app, "/api/v1/cases", &body, &[]).await;
        assert_eq!(
            r.problem(422)["type"],
            format!("https://ghiseu.example/problems/{code}")
        );
    }
    let created = ana
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": "ro.passport.electronic", "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let case = created.json();
    let id = case["id"].as_str().unwrap().to_string();
    assert_eq!(
        (case["state"].as_str(), case["version"].as_i64()),
        (Some("draft"), Some(1))
    );
    assert_eq!(case["allowed_actions"], json!(["submit", "withdraw"]));

    let submit = format!("/api/v1/cases/{id}/submit");
    // A version the case has moved past is refused.
    let stale = ana
        .post_json(&app, &submit, &json!({"version": 0}), &[])
        .await;
    assert_eq!(
        stale.problem(409)["type"],
        "https://ghiseu.example/problems/conflict"
    );

    upload_all(&app, &mut ana, &format!("/en/applications/{id}")).await;
    let version = crate::support::case_version(&app, &id).await;
    let key = [("Idempotency-Key", "5d1e0c7a-submit-once")];
    let first = ana
        .post_json(&app, &submit, &json!({"version": version}), &key)
        .await;
    assert_eq!(first.status, 200, "{}", first.text());
    assert_eq!(first.json()["reference"], "RO-PAS-AB-2026-000001");
    let retry = ana
        .post_json(&app, &submit, &json!({"version": version}), &key)
        .await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.body, first.body, "the retry gets the first answer");
    let events = ghiseu_storage::cases::events(&app.state.db, &id)
        .await
        .unwrap();
    assert_eq!(
        events.iter().filter(|e| e.action == "submit").count(),
        1,
        "sent once"
    );

    let reused = ana
        .post_json(&app, &submit, &json!({"version": version + 1}), &key)
        .await;
    assert_eq!(
        reused.problem(422)["type"],
        "https://ghiseu.example/problems/idempotency-key-reused"
    );
    let again = ana
        .post_json(
            &app,
            &submit,
            &json!({"version": version + 1}),
            &[("Idempotency-Key", "another")],
        )
        .await;
    let p = again.problem(409);
    assert_eq!(p["current_state"], "submitted");
    assert_eq!(p["allowed_actions"], json!(["withdraw"]));

    let stale = ana
        .post_json(
            &app,
            &format!("/api/v1/cases/{id}/withdraw"),
            &json!({"version": 1}),
            &[],
        )
        .await;
    assert_eq!(
        stale.problem(409)["type"],
        "https://ghiseu.example/problems/conflict"
    );

    let (mut ion, _) = signed_in(&app, "api.other@example.ro", "citizen").await;
    let hidden = ion.get(&app, &format!("/api/v1/cases/{id}")).await;
    assert_eq!(hidden.status, 404);
    assert!(!hidden.text().contains("RO-PAS-AB"));
    let mine = ana.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(mine["timeline"][0]["action"], "submit");
    app.cleanup().await;
}

/// A server that died after starting the draft, before keeping its answer:
/// the retry that takes the key over answers with that draft, and the person
/// has one draft, not two.
#[tokio::test]
async fn a_retried_start_after_a_lost_answer_makes_no_second_draft() {
    let app = TestApp::new().await;
    let (mut ana, person) = citizen_in_alba(&app, "retry-draft@example.ro").await;
    let body = json!({"service": "ro.passport.electronic", "holder": "self"});
    let key = [("Idempotency-Key", "start-then-died")];
    let first = ana.post_json(&app, "/api/v1/cases", &body, &key).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let forgotten =
        ghiseu_storage::testing::forget_idempotent_answer(&app.state.db, "start-then-died").await;
    assert_eq!(forgotten, 1);

    let later = app.at("2026-11-23T08:00:36Z");
    let retried = ana.post_json(&later, "/api/v1/cases", &body, &key).await;
    assert_eq!(retried.status, 201, "{}", retried.text());
    assert_eq!(retried.json()["id"], first.json()["id"]);
    let drafts = ghiseu_storage::cases::for_person(&app.state.db, &person, &[])
        .await
        .unwrap();
    assert_eq!(drafts.len(), 1, "one draft");

    // Without a key, a second start is a second draft, as the person asked.
    let another = ana.post_json(&later, "/api/v1/cases", &body, &[]).await;
    assert_eq!(another.status, 201, "{}", another.text());
    assert_ne!(another.json()["id"], first.json()["id"]);
    app.cleanup().await;
}
