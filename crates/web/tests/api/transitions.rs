//! Every move of a case through the doors people use, allowed and refused:
//! what the pages and the API refuse names the state and what is allowed.

use crate::cases::{citizen_in_alba, press, start, start_bare};
use crate::support::{TestApp, hidden};
use serde_json::json;

#[tokio::test]
async fn an_untouched_draft_expires_after_the_authoritys_days_and_then_nothing_moves_it() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "expiry@example.ro").await;
    let old = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let id = old.rsplit('/').next().unwrap().to_string();
    assert_eq!(
        ghiseu_web::cases::expiry::expire_drafts(&app.state)
            .await
            .unwrap(),
        0
    );
    // 30 days later (the default), by the same code the server runs every ten minutes.
    let later = app.at("2026-12-24T10:00:00Z");
    assert_eq!(
        ghiseu_web::cases::expiry::expire_drafts(&later.state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        ghiseu_web::cases::expiry::expire_drafts(&later.state)
            .await
            .unwrap(),
        0
    );
    let case = ghiseu_storage::cases::get(&app.state.db, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.state, "draft-expired");
    let page = ana.get(&app, &old).await.text();
    assert!(page.contains("Draft expired"));
    let r = ana
        .post_json(
            &app,
            &format!("/api/v1/cases/{id}/submit"),
            &json!({"version": case.version}),
            &[],
        )
        .await;
    let p = r.problem(409);
    assert_eq!(
        (p["current_state"].as_str(), p["allowed_actions"].clone()),
        (Some("draft-expired"), json!([]))
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_applicant_withdraws_a_draft_or_a_sent_case_and_withdrawn_is_final() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "withdraw@example.ro").await;
    let draft = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    assert_eq!(press(&app, &mut ana, &draft, "withdraw").await.status, 303);
    assert!(
        ana.get(&app, &draft)
            .await
            .text()
            .contains("id=\"case-state\">Withdrawn<")
    );

    let sent = start(&app, &mut ana, "ro.passport.electronic", "self").await;
    assert_eq!(press(&app, &mut ana, &sent, "submit").await.status, 303);
    assert_eq!(
        press(&app, &mut ana, &sent, "withdraw").await.status,
        303,
        "a sent case can be withdrawn"
    );

    // Withdrawn is final: withdrawing again is refused and names the state.
    let id = sent.rsplit('/').next().unwrap();
    let csrf = hidden(&ana.get(&app, "/en/account").await.text(), "csrf");
    let version = ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .version;
    let r = ana
        .post_form(
            &app,
            &format!("{sent}/withdraw"),
            &[("csrf", &csrf), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("The application is now: Withdrawn."));
    app.cleanup().await;
}
