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
    // Not without confirming that it cannot be undone.
    let page = ana.get(&app, &draft).await.text();
    let unconfirmed = ana
        .post_form(
            &app,
            &format!("{draft}/withdraw"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
            ],
        )
        .await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.text());
    assert!(
        unconfirmed.text().contains("tick the box"),
        "{}",
        unconfirmed.text()
    );
    assert!(
        ana.get(&app, &draft)
            .await
            .text()
            .contains("id=\"case-state\">Draft<"),
        "nothing changed"
    );
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
    let version = crate::support::case_version(&app, id).await;
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

#[tokio::test]
async fn a_fine_payment_proof_goes_to_the_office_the_person_names_not_the_domicile() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "fined@example.ro").await;
    let case = start(&app, &mut ana, "ro.igi.fine-payment-proof", "self").await;
    let r = press(&app, &mut ana, &case, "submit").await;
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("Choose the office the application goes to")
    );

    for (office, status) in [("atlantis", 422), ("igi-bucuresti", 303)] {
        let page = ana.get(&app, &case).await.text();
        let r = ana
            .post_form(
                &app,
                &format!("{case}/answers"),
                &[
                    ("csrf", &hidden(&page, "csrf")),
                    ("version", &hidden(&page, "version")),
                    ("urgency", "standard"),
                    ("office", office),
                ],
            )
            .await;
        assert_eq!(r.status.as_u16(), status, "{office}");
    }
    assert_eq!(press(&app, &mut ana, &case, "submit").await.status, 303);
    let id = case.rsplit('/').next().unwrap();
    let record = ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.office_id.as_deref(),
        Some("igi-bucuresti"),
        "not igi-alba, which covers Alba"
    );

    let (mut bucharest, _) = crate::support::signed_in_at(
        &app,
        "igi.buc@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-bucuresti"],
    )
    .await;
    let (mut alba, _) = crate::support::signed_in_at(
        &app,
        "igi.ab@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    let reference = record.reference.unwrap();
    assert!(
        bucharest
            .get(&app, "/en/office/cases")
            .await
            .text()
            .contains(&reference)
    );
    assert!(
        !alba
            .get(&app, "/en/office/cases")
            .await
            .text()
            .contains(&reference)
    );
    app.cleanup().await;
}
