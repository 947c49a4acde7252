//! Powers of attorney recorded at a counter, seen by the two people they
//! concern and by nobody else, withdrawn by the principal.

use crate::support::{Browser, TestApp, hidden, log_in, signed_in};

const CASE: &str = "RO-PAS-AB-2026-000001";

/// The principal's submitted application in Alba, the case every power of
/// attorney here names.
async fn filed(app: &TestApp) -> (Browser, String, String) {
    crate::cases::filed_in_alba(app, "principal@example.md").await
}

async fn record(
    app: &TestApp,
    operator: &mut Browser,
    fields: &[(&str, &str)],
) -> crate::support::TestResponse {
    let page = operator.get(app, "/en/office/representations").await;
    assert_eq!(page.status, 200);
    let csrf = hidden(&page.text(), "csrf");
    let mut all = vec![
        ("principal_email", "principal@example.md"),
        ("representative_email", "agent@example.md"),
        ("number", "1234/2026"),
        ("issued_on", "2026-11-01"),
        ("expires_on", "2027-05-01"),
        (
            "scope",
            "File the application and collect the residence permit",
        ),
        ("case_reference", "ro-pas-ab-2026-000001"),
        ("office", "ab-alba-iulia"),
    ];
    for (k, v) in fields {
        if let Some(slot) = all.iter_mut().find(|(key, _)| key == k) {
            slot.1 = v;
        }
    }
    all.push(("csrf", &csrf));
    operator
        .post_form(app, "/en/office/representations", &all)
        .await
}

#[tokio::test]
async fn a_power_of_attorney_is_recorded_seen_by_both_people_and_withdrawn() {
    let app = TestApp::new().await;
    let (mut principal, principal_id, _) = filed(&app).await;
    let (mut agent, _) = signed_in(&app, "agent@example.md", "citizen").await;
    let (mut stranger, _) = signed_in(&app, "stranger@example.md", "citizen").await;
    let (mut operator, _) = signed_in(&app, "attorney.op@example.ro", "operator").await;

    let done = record(&app, &mut operator, &[]).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let page = operator
        .get(&app, done.headers["location"].to_str().unwrap())
        .await
        .text();
    assert!(page.contains("id=\"recorded\""));

    let mine = principal
        .get(&app, "/en/account/representations")
        .await
        .text();
    assert!(mine.contains("agent@example.md") && mine.contains(CASE) && mine.contains("In force"));
    let theirs = agent.get(&app, "/en/account/representations").await.text();
    assert!(theirs.contains("principal@example.md") && theirs.contains(CASE));
    let other = stranger
        .get(&app, "/en/account/representations")
        .await
        .text();
    assert!(!other.contains(CASE) && other.contains("Nobody may act for you"));

    let events = ghiseu_storage::audit::for_subject(&app.state.db, &principal_id, 10)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.event.action == "representation.recorded")
    );

    // Outside its dates it is shown as not in force.
    let later = app.at("2027-05-03T10:00:00Z");
    let mut principal_later = log_in(&later, "principal@example.md").await;
    assert!(
        principal_later
            .get(&later, "/en/account/representations")
            .await
            .text()
            .contains("Not in force")
    );

    // Only the principal can withdraw it.
    let id = hidden(&mine, "id");
    let csrf = hidden(&agent.get(&app, "/en/account").await.text(), "csrf");
    let by_agent = agent
        .post_form(
            &app,
            "/en/account/representations/revoke",
            &[("csrf", &csrf), ("id", &id)],
        )
        .await;
    assert_eq!(by_agent.status, 404);
    let csrf = hidden(&mine, "csrf");
    let withdrawn = principal
        .post_form(
            &app,
            "/en/account/representations/revoke",
            &[("csrf", &csrf), ("id", &id)],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    assert!(
        agent
            .get(&app, "/en/account/representations")
            .await
            .text()
            .contains("Withdrawn")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn bad_powers_of_attorney_are_explained_and_nothing_is_recorded() {
    let app = TestApp::new().await;
    let (_, principal_id) = signed_in(&app, "principal@example.md", "citizen").await;
    signed_in(&app, "agent@example.md", "citizen").await;
    let (mut operator, _) = signed_in(&app, "attorney.op2@example.ro", "operator").await;
    let cases: [(&[(&str, &str)], &str); 8] = [
        (
            &[("principal_email", "ghost@example.md")],
            "No account uses this address",
        ),
        (
            &[("representative_email", "principal@example.md")],
            "someone other than the principal",
        ),
        (
            &[("number", "")],
            "Enter the number of the power of attorney",
        ),
        (
            &[("issued_on", "2026-12-01")],
            "cannot be dated in the future",
        ),
        (&[("expires_on", "2026-10-01")], "cannot be before the date"),
        (
            &[("issued_on", "2025-01-01"), ("expires_on", "2026-01-01")],
            "already expired",
        ),
        (
            &[("case_reference", "not a reference")],
            "Enter the case reference as printed",
        ),
        (
            &[("office", "igm-chisinau")],
            "Choose an office from the list",
        ),
    ];
    for (fields, says) in cases {
        let r = record(&app, &mut operator, fields).await;
        assert_eq!(r.status, 422, "{says}");
        assert!(
            r.text().contains("class=\"error-summary\"") && r.text().contains(says),
            "{says}"
        );
    }
    let long = "x".repeat(301);
    let r = record(&app, &mut operator, &[("scope", &long)]).await;
    assert_eq!(r.status, 422);
    assert!(
        ghiseu_storage::representations::involving(&app.state.db, &principal_id)
            .await
            .unwrap()
            .is_empty()
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_empowered_representative_reaches_the_one_named_case_while_in_force() {
    let app = TestApp::new().await;
    let (mut holder, _, case) = filed(&app).await;
    let other = crate::cases::start(&app, &mut holder, "ro.passport.certificate", "self").await;
    let (mut agent, _) = signed_in(&app, "agent@example.md", "citizen").await;
    assert_eq!(
        agent.get(&app, &case).await.status,
        404,
        "not before the power of attorney"
    );

    let (mut operator, _) = signed_in(&app, "attorney.op3@example.ro", "operator").await;
    let reference = "RO-PAS-AB-2026-000001";
    let r = record(
        &app,
        &mut operator,
        &[("case_reference", reference), ("expires_on", "2026-12-31")],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());

    let page = agent.get(&app, &case).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains(reference));
    assert_eq!(
        agent.get(&app, &other).await.status,
        404,
        "only the case named"
    );

    // After the expiry date the case is out of reach again.
    let later = app.at("2027-01-02T10:00:00Z");
    let mut agent_later = log_in(&later, "agent@example.md").await;
    assert_eq!(agent_later.get(&later, &case).await.status, 404);
    app.cleanup().await;
}
