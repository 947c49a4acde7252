//! The back office's review of an application: the queue, one operator at a
//! time, return with reasons, resubmission, acceptance, rejection.

use crate::cases::{citizen_in_alba, press, start};
use crate::support::{Browser, TestApp, hidden, signed_in, signed_in_at};

/// A guardian in Alba with a confirmed 10-year-old, and a submitted passport
/// application for the child; returns the guardian, the case page and its id.
async fn submitted_for_a_child(app: &TestApp) -> (Browser, String, String) {
    let (mut parent, parent_id) = citizen_in_alba(app, "guardian.review@example.ro").await;
    let (mut operator, _) = signed_in(app, "recorder@example.ro", "operator").await;
    let page = operator.get(app, "/en/office/guardianships").await.text();
    let r = operator
        .post_form(
            app,
            "/en/office/guardianships/record",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("guardian_email", "guardian.review@example.ro"),
                ("given_name", "Matei"),
                ("family_name", "Pop"),
                ("birth_date", "2016-03-01"),
                ("relationship", "parent"),
                ("evidence", "birth-certificate"),
                ("office", "ab-alba-iulia"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let ward = ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap()
        .remove(0)
        .ward_id;
    let case = start(app, &mut parent, "ro.passport.electronic", &ward).await;
    let page = parent.get(app, &case).await.text();
    assert!(
        page.contains("Minors under 14"),
        "category from the birth date"
    );
    assert_eq!(press(app, &mut parent, &case, "submit").await.status, 303);
    let page = parent.get(app, &case).await.text();
    assert!(
        page.contains("id=\"case-fee\">234"),
        "the fee for a child under 12: {page}"
    );
    let id = case.rsplit('/').next().unwrap().to_string();
    (parent, case, id)
}

async fn decide(
    app: &TestApp,
    staff: &mut Browser,
    id: &str,
    fields: &[(&str, &str)],
) -> crate::support::TestResponse {
    let path = format!("/en/office/cases/{id}");
    let csrf = crate::support::staff_csrf(app, staff).await;
    let version = crate::support::case_version(app, id).await.to_string();
    let mut all = vec![("csrf", csrf.as_str()), ("version", version.as_str())];
    all.extend_from_slice(fields);
    staff.post_form(app, &format!("{path}/decide"), &all).await
}

async fn claim(app: &TestApp, staff: &mut Browser, id: &str) -> u16 {
    let path = format!("/en/office/cases/{id}");
    let csrf = crate::support::staff_csrf(app, staff).await;
    staff
        .post_form(app, &format!("{path}/claim"), &[("csrf", &csrf)])
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn an_operator_returns_the_case_the_guardian_resubmits_and_it_is_accepted() {
    let app = TestApp::new().await;
    let (mut parent, case, id) = submitted_for_a_child(&app).await;
    let parent_id =
        ghiseu_storage::accounts::person_by_email(&app.state.db, "guardian.review@example.ro")
            .await
            .unwrap()
            .unwrap()
            .id;
    let (mut operator, _) = signed_in(&app, "reviewer@example.ro", "operator").await;

    let queue = operator.get(&app, "/en/office/cases").await.text();
    assert!(
        queue.contains("RO-PAS-AB-2026-000001") && queue.contains("Matei Pop"),
        "{queue}"
    );
    // The passport's term is 14 calendar days: the time left is counted in
    // calendar days, not working days.
    assert!(queue.contains("<th scope=\"col\">Time left</th>"));
    assert!(queue.contains(" calendar days</td>"), "{queue}");
    assert!(!queue.contains("working day"), "{queue}");
    assert_eq!(claim(&app, &mut operator, &id).await, 303);

    // Returning needs a reason the applicant can act on.
    let r = decide(
        &app,
        &mut operator,
        &id,
        &[("action", "return"), ("reason", "  ")],
    )
    .await;
    assert_eq!(r.status, 422);
    let r = decide(
        &app,
        &mut operator,
        &id,
        &[
            ("action", "return"),
            (
                "reason",
                "The birth certificate scan is blurred: upload a sharp one.",
            ),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = parent.get(&app, &case).await.text();
    assert!(
        page.contains("Returned to you") && page.contains("birth certificate scan is blurred"),
        "{page}"
    );
    let top = &page[page
        .find("id=\"case-returned\"")
        .expect("the reason at the top")..];
    assert!(
        top[..400].contains("birth certificate scan is blurred")
            && page.find("id=\"case-returned\"") < page.find("id=\"case-summary\""),
        "the reason comes before everything else: {page}"
    );
    let told = ghiseu_storage::outbox::for_person(&app.state.db, &parent_id)
        .await
        .unwrap();
    assert!(
        told.iter()
            .any(|m| m.kind == "application-returned" && m.body.contains("RO-PAS-AB-2026-000001")),
        "the guardian is told by e-mail: {told:?}"
    );

    // Accepting a returned case is not possible until it comes back.
    let r = decide(&app, &mut operator, &id, &[("action", "accept")]).await;
    assert_eq!(r.status, 409);

    assert_eq!(press(&app, &mut parent, &case, "submit").await.status, 303);
    assert_eq!(
        claim(&app, &mut operator, &id).await,
        303,
        "the same operator takes it up again"
    );
    let r = decide(&app, &mut operator, &id, &[("action", "accept")]).await;
    assert_eq!(r.status, 303);
    let page = parent.get(&app, &case).await.text();
    assert!(page.contains("Fee to pay"), "{page}");
    assert!(
        !page.contains("id=\"case-returned\""),
        "sent again, the returned notice is gone"
    );
    for step in [
        "Sent",
        "An operator started checking it",
        "Returned to you",
        "Sent again",
        "Accepted",
        "Fee requested",
    ] {
        assert!(page.contains(step), "the timeline shows {step}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn exactly_one_of_two_operators_claims_a_case() {
    let app = TestApp::new().await;
    let (_, _, id) = submitted_for_a_child(&app).await;
    let (mut first, _) = signed_in(&app, "first.op@example.ro", "operator").await;
    let (mut second, _) = signed_in(&app, "second.op@example.ro", "operator").await;
    let csrf_a = crate::support::staff_csrf(&app, &mut first).await;
    let csrf_b = crate::support::staff_csrf(&app, &mut second).await;
    let path = format!("/en/office/cases/{id}/claim");
    let fields_a = [("csrf", csrf_a.as_str())];
    let fields_b = [("csrf", csrf_b.as_str())];
    let (a, b) = tokio::join!(
        first.post_form(&app, &path, &fields_a),
        second.post_form(&app, &path, &fields_b),
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409], "exactly one wins");
    // The loser cannot decide on it.
    let loser = if a.status == 409 {
        &mut first
    } else {
        &mut second
    };
    let r = decide(&app, loser, &id, &[("action", "accept")]).await;
    assert_eq!(r.status, 403);
    app.cleanup().await;
}

#[tokio::test]
async fn a_rejection_names_a_reason_from_the_list_and_staff_of_other_offices_see_nothing() {
    let app = TestApp::new().await;
    let (mut parent, case, id) = submitted_for_a_child(&app).await;
    let (mut elsewhere, _) = signed_in_at(
        &app,
        "igi.reviewer@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    assert!(
        !elsewhere
            .get(&app, "/en/office/cases")
            .await
            .text()
            .contains("Matei")
    );
    assert_eq!(
        elsewhere
            .get(&app, &format!("/en/office/cases/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(claim(&app, &mut elsewhere, &id).await, 404);

    let (mut operator, _) = signed_in(&app, "rejecter@example.ro", "operator").await;
    assert_eq!(claim(&app, &mut operator, &id).await, 303);
    // The timeline in the office's time (08:00 UTC is 10:00 in Alba), not raw instants.
    let staff_page = operator
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(
        staff_page.contains("23 November 2026 10:00") && !staff_page.contains("2026-11-23T08:00"),
        "{staff_page}"
    );
    let r = decide(
        &app,
        &mut operator,
        &id,
        &[
            ("action", "reject"),
            ("rejection_reason", "made-up"),
            ("confirm_reject", "on"),
        ],
    )
    .await;
    assert_eq!(r.status, 422);
    // Rejecting is final: without the tick nothing changes.
    let r = decide(
        &app,
        &mut operator,
        &id,
        &[("action", "reject"), ("rejection_reason", "not-eligible")],
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Tick the box to confirm the rejection"),
        "{}",
        r.text()
    );
    assert!(
        !parent.get(&app, &case).await.text().contains("Rejected"),
        "nothing changed"
    );
    let r = decide(
        &app,
        &mut operator,
        &id,
        &[
            ("action", "reject"),
            ("rejection_reason", "not-eligible"),
            ("confirm_reject", "on"),
        ],
    )
    .await;
    assert_eq!(r.status, 303);
    let page = parent.get(&app, &case).await.text();
    assert!(
        page.contains("Rejected") && page.contains("does not meet the conditions"),
        "{page}"
    );
    // A final state: nothing more for anybody.
    let csrf = hidden(&parent.get(&app, "/en/account").await.text(), "csrf");
    let version = crate::support::case_version(&app, &id).await;
    let r = parent
        .post_form(
            &app,
            &format!("{case}/withdraw"),
            &[("csrf", &csrf), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("The application is now: Rejected."));
    app.cleanup().await;
}

#[tokio::test]
async fn a_paid_case_is_produced_made_ready_and_handed_over_to_the_guardian() {
    let app = TestApp::new().await;
    let (mut parent, case, id) = submitted_for_a_child(&app).await;
    let parent_id =
        ghiseu_storage::accounts::person_by_email(&app.state.db, "guardian.review@example.ro")
            .await
            .unwrap()
            .unwrap()
            .id;
    let (mut operator, _) = signed_in(&app, "producer@example.ro", "operator").await;
    assert_eq!(claim(&app, &mut operator, &id).await, 303);
    assert_eq!(
        decide(&app, &mut operator, &id, &[("action", "accept")])
            .await
            .status,
        303
    );
    // Handing over before payment is not possible.
    let early = handover(&app, &mut operator, &id, &[]).await;
    assert_eq!(early.status, 409);

    let csrf = crate::support::staff_csrf(&app, &mut operator).await;
    let paid = operator
        .post_form(
            &app,
            &format!("/en/office/cases/{id}/payment"),
            &[
                ("csrf", &csrf),
                ("note", "Treasury receipt 12345 checked at the counter"),
            ],
        )
        .await;
    assert_eq!(paid.status, 303, "{}", paid.text());
    assert_eq!(
        decide(&app, &mut operator, &id, &[("action", "start-production")])
            .await
            .status,
        303
    );
    let ready = decide(
        &app,
        &mut operator,
        &id,
        &[("action", "mark-ready"), ("pickup_office", "ab-alba-iulia")],
    )
    .await;
    assert_eq!(ready.status, 303);
    let told = ghiseu_storage::outbox::for_person(&app.state.db, &parent_id)
        .await
        .unwrap();
    assert!(
        told.iter().any(|m| m.kind == "document-ready"),
        "the guardian is told where to come"
    );
    let page = parent.get(&app, &case).await.text();
    assert!(page.contains("Ready to collect"));

    for (fields, says) in [
        (vec![("signature", "Somebody Else")], "same full name"),
        (vec![("receiver_kind", "neighbour")], "Choose who receives"),
        (
            vec![("receiver_kind", "empowered-representative")],
            "number and the date of the power of attorney",
        ),
        (vec![("receiver_document", "x")], "type and number"),
    ] {
        let r = handover(&app, &mut operator, &id, &fields).await;
        assert_eq!(r.status, 422, "{says}");
        assert!(r.text().contains(says), "{says}");
    }
    let done = handover(&app, &mut operator, &id, &[]).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let issued = ghiseu_storage::issued_documents::for_case(&app.state.db, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(issued.number, "RO-PAS-AB-D-2026-000001");
    assert_eq!(
        issued.handover.as_ref().unwrap().received_by_kind,
        "legal-representative"
    );
    assert_eq!(
        issued.handover.as_ref().unwrap().receiver_document,
        "•• •••••321"
    );
    assert_eq!(
        (issued.issued_on.as_str(), issued.expires_on.as_deref()),
        ("2026-11-23", Some("2029-11-23")),
        "a child under 12 gets a 3-year passport"
    );
    let page = parent.get(&app, &case).await.text();
    for step in [
        "Payment confirmed",
        "Production started",
        "Ready to collect",
        "Handed over",
    ] {
        assert!(page.contains(step), "the timeline shows {step}");
    }
    app.cleanup().await;
}

async fn handover(
    app: &TestApp,
    staff: &mut Browser,
    id: &str,
    changes: &[(&str, &str)],
) -> crate::support::TestResponse {
    let csrf = crate::support::staff_csrf(app, staff).await;
    let version = crate::support::case_version(app, id).await.to_string();
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("receiver_kind", "legal-representative"),
        ("receiver_name", "Elena Pop"),
        ("receiver_document", "CI AB654321"),
        ("signature", "elena  pop"),
    ];
    for (k, v) in changes {
        fields.retain(|(name, _)| name != k);
        fields.push((k, v));
    }
    staff
        .post_form(app, &format!("/en/office/cases/{id}/handover"), &fields)
        .await
}

#[tokio::test]
async fn a_supervisor_gives_a_case_to_another_operator_of_its_office() {
    let app = TestApp::new().await;
    let (_, _, id) = submitted_for_a_child(&app).await;
    let (mut first, _) = signed_in(&app, "first.holder@example.ro", "operator").await;
    let (_, second_id) = signed_in(&app, "second.holder@example.ro", "operator").await;
    let (_, foreign_id) = signed_in_at(
        &app,
        "igi.other@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    assert_eq!(claim(&app, &mut first, &id).await, 303);
    let (mut boss, _) = signed_in(&app, "alba.supervisor@example.ro", "supervisor").await;
    let page = boss
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(page.contains("second.holder@example.ro") && !page.contains("igi.other@example.ro"));
    let csrf = hidden(&page, "csrf");
    let path = format!("/en/office/cases/{id}/assign");
    let refused = boss
        .post_form(&app, &path, &[("csrf", &csrf), ("operator", &foreign_id)])
        .await;
    assert_eq!(refused.status, 422, "not an operator of the case's office");
    let given = boss
        .post_form(&app, &path, &[("csrf", &csrf), ("operator", &second_id)])
        .await;
    assert_eq!(given.status, 303);
    let case = ghiseu_storage::cases::get(&app.state.db, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.assignee_id.as_deref(), Some(second_id.as_str()));
    // The first operator can no longer decide; an operator cannot reassign.
    assert_eq!(
        decide(&app, &mut first, &id, &[("action", "accept")])
            .await
            .status,
        403
    );
    let csrf = crate::support::staff_csrf(&app, &mut first).await;
    let r = first
        .post_form(&app, &path, &[("csrf", &csrf), ("operator", &second_id)])
        .await;
    assert_eq!(r.status, 403);
    app.cleanup().await;
}
