//! Every staff route that gives someone access — powers of attorney,
//! guardianships recorded or confirmed, identity checks — walked by staff of
//! another office and another authority, and by staff granting themselves:
//! each is refused (403 or 404) and nothing is written.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in, signed_in_at};
use ghiseu_storage::{households, representations};

const REFERENCE: &str = "RO-PAS-AB-2026-000001";

/// Elena's submitted application in Alba; her id and the case's path.
async fn alba_case(app: &TestApp) -> (Browser, String, String) {
    crate::cases::filed_in_alba(app, "grant.holder@example.ro").await
}

async fn record_attorney(
    app: &TestApp,
    staff: &mut Browser,
    representative: &str,
    principal: &str,
    office: &str,
) -> TestResponse {
    let page = staff.get(app, "/en/office/representations").await;
    assert_eq!(page.status, 200);
    let csrf = hidden(&page.text(), "csrf");
    let fields = [
        ("principal_email", principal),
        ("representative_email", representative),
        ("number", "77/2026"),
        ("issued_on", "2026-11-01"),
        ("expires_on", "2027-05-01"),
        ("scope", "Everything on the case"),
        ("case_reference", REFERENCE),
        ("office", office),
        ("csrf", &csrf),
    ];
    staff
        .post_form(app, "/en/office/representations", &fields)
        .await
}

async fn nothing_recorded(app: &TestApp) {
    assert!(
        representations::for_case(&app.state.db, REFERENCE)
            .await
            .unwrap()
            .is_empty(),
        "a power of attorney was written"
    );
}

#[tokio::test]
async fn an_operator_of_another_authority_cannot_name_themselves_on_a_case() {
    let app = TestApp::new().await;
    let (_, _, case) = alba_case(&app).await;
    let (mut lithuanian, _) = signed_in_at(
        &app,
        "lt.op@example.lt",
        "operator",
        Some("lt.migration"),
        &["lt-vilnius"],
    )
    .await;
    let r = record_attorney(
        &app,
        &mut lithuanian,
        "lt.op@example.lt",
        "grant.holder@example.ro",
        "lt-vilnius",
    )
    .await;
    assert!(matches!(r.status.as_u16(), 403 | 404), "{}", r.status);
    assert!(r.text().contains("class=\"error-summary\""));
    nothing_recorded(&app).await;
    assert_eq!(lithuanian.get(&app, &case).await.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn staff_of_another_office_or_authority_grant_nothing_on_a_case() {
    let app = TestApp::new().await;
    alba_case(&app).await;
    signed_in(&app, "grant.agent@example.ro", "citizen").await;
    let outsiders = [
        (
            "g.igi.op@example.ro",
            "operator",
            Some("ro.igi"),
            vec!["igi-alba"],
        ),
        (
            "g.igi.boss@example.ro",
            "supervisor",
            Some("ro.igi"),
            vec![],
        ),
        (
            "g.md.admin@example.md",
            "administrator",
            Some("md.igm"),
            vec![],
        ),
        (
            "g.lt.op@example.lt",
            "operator",
            Some("lt.migration"),
            vec!["lt-kaunas"],
        ),
    ];
    for (email, role, authority, offices) in outsiders {
        let (mut staff, _) = signed_in_at(&app, email, role, authority, &offices).await;
        let page = staff.get(&app, "/en/office/representations").await.text();
        let office = hidden_option(&page);
        let r = record_attorney(
            &app,
            &mut staff,
            "grant.agent@example.ro",
            "grant.holder@example.ro",
            &office,
        )
        .await;
        assert_eq!(r.status, 404, "{email}: {}", r.text());
        assert!(
            r.text().contains("among the work of your offices"),
            "{email}"
        );
        nothing_recorded(&app).await;
    }
    app.cleanup().await;
}

/// The first office the form offers.
fn hidden_option(page: &str) -> String {
    let at = page.find("<option value=\"").unwrap() + 15;
    let rest = &page[at..];
    let value = &rest[..rest.find('"').unwrap()];
    if value.is_empty() {
        let next = &rest[rest.find("<option value=\"").unwrap() + 15..];
        next[..next.find('"').unwrap()].to_string()
    } else {
        value.to_string()
    }
}

#[tokio::test]
async fn staff_of_the_case_authority_never_become_its_representatives() {
    let app = TestApp::new().await;
    let (_, holder_id, case) = alba_case(&app).await;
    let (mut operator, _) = signed_in(&app, "g.alba.op@example.ro", "operator").await;
    let (mut supervisor, _) = signed_in(&app, "g.alba.boss@example.ro", "supervisor").await;
    let (mut admin, _) = signed_in(&app, "g.root@example.ro", "administrator").await;
    signed_in(&app, "g.other@example.ro", "citizen").await;

    // Themselves.
    let r = record_attorney(
        &app,
        &mut operator,
        "g.alba.op@example.ro",
        "grant.holder@example.ro",
        "ab-alba-iulia",
    )
    .await;
    assert_eq!(r.status, 403);
    assert!(r.text().contains("names you"));
    // A colleague, or an installation-wide administrator.
    for colleague in ["g.alba.boss@example.ro", "g.root@example.ro"] {
        let r = record_attorney(
            &app,
            &mut operator,
            colleague,
            "grant.holder@example.ro",
            "ab-alba-iulia",
        )
        .await;
        assert_eq!(r.status, 403, "{colleague}");
        assert!(r.text().contains("cannot represent anyone"), "{colleague}");
    }
    // A principal who is not the person the case is about.
    let r = record_attorney(
        &app,
        &mut supervisor,
        "g.other@example.ro",
        "g.alba.op@example.ro",
        "ab-alba-iulia",
    )
    .await;
    assert!(matches!(r.status.as_u16(), 403 | 422), "{}", r.status);
    nothing_recorded(&app).await;
    for staff in [&mut operator, &mut supervisor] {
        // Their staff reach does not make them the holder's representative.
        assert_eq!(staff.get(&app, &case).await.status, 404);
    }
    assert_eq!(
        admin.get(&app, &case).await.status,
        404,
        "an administrator is not a citizen of the case either"
    );
    let _ = holder_id;
    app.cleanup().await;
}

#[tokio::test]
async fn a_member_of_staff_never_records_or_confirms_their_own_guardianship() {
    let app = TestApp::new().await;
    let (mut operator, operator_id) = signed_in(&app, "g.guard.op@example.ro", "operator").await;
    let csrf = crate::support::staff_csrf(&app, &mut operator).await;
    let fields = [
        ("guardian_email", "g.guard.op@example.ro"),
        ("given_name", "Ioana"),
        ("family_name", "Self"),
        ("birth_date", "2018-03-04"),
        ("relationship", "parent"),
        ("evidence", "birth-certificate"),
        ("office", "ab-alba-iulia"),
        ("csrf", csrf.as_str()),
    ];
    let r = operator
        .post_form(&app, "/en/office/guardianships/record", &fields)
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(r.text().contains("you are the guardian"));
    assert!(
        households::of_guardian(&app.state.db, &operator_id)
            .await
            .unwrap()
            .is_empty()
    );

    // Asked for as a parent, the request waits for a colleague.
    let page = operator.get(&app, "/en/account/household").await.text();
    let ask = [
        ("csrf", hidden(&page, "csrf")),
        ("given_name", "Ioana".to_string()),
        ("family_name", "Self".to_string()),
        ("birth_date", "2018-03-04".to_string()),
        ("relationship", "parent".to_string()),
        ("evidence", "birth-certificate".to_string()),
        ("office", "ab-alba-iulia".to_string()),
    ];
    let ask: Vec<(&str, &str)> = ask.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let asked = operator
        .post_form(&app, "/en/account/household", &ask)
        .await;
    assert_eq!(asked.status, 303, "{}", asked.text());
    let ward = households::of_guardian(&app.state.db, &operator_id)
        .await
        .unwrap()
        .remove(0);
    let csrf = crate::support::staff_csrf(&app, &mut operator).await;
    let decide = [
        ("ward_id", ward.ward_id.as_str()),
        ("guardian_id", operator_id.as_str()),
        ("decision", "confirm"),
        ("csrf", csrf.as_str()),
    ];
    let r = operator
        .post_form(&app, "/en/office/guardianships", &decide)
        .await;
    assert_eq!(r.status, 403, "{}", r.text());
    let still = households::one(&app.state.db, &ward.ward_id, &operator_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(still.status, "pending");
    app.cleanup().await;
}

#[tokio::test]
async fn a_member_of_staff_never_checks_their_own_identity_nor_an_operator_a_colleague() {
    let app = TestApp::new().await;
    let (mut operator, operator_id) = signed_in(&app, "g.id.op@example.ro", "operator").await;
    let (_, colleague_id) = signed_in(&app, "g.id.mate@example.ro", "operator").await;
    for (email, person) in [
        ("g.id.op@example.ro", &operator_id),
        ("g.id.mate@example.ro", &colleague_id),
    ] {
        let page = operator
            .get(&app, &format!("/en/office/identity?email={email}"))
            .await
            .text();
        let fields = [
            ("email", email),
            ("person_id", person.as_str()),
            ("document_type", "identity-card"),
            ("document_number", "AX123456"),
            ("country", "RO"),
            ("national_id", "1960523123457"),
            ("csrf", &hidden(&page, "csrf")),
        ];
        let r = operator
            .post_form(&app, "/en/office/identity", &fields)
            .await;
        assert_eq!(r.status, 403, "{email}: {}", r.text());
        let after = ghiseu_storage::accounts::person_by_id(&app.state.db, person)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(after.assurance, "email", "{email}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn staff_never_work_a_case_of_their_own_and_a_colleague_does() {
    let app = TestApp::new().await;
    let (mut operator, _) = signed_in(&app, "g.own.op@example.ro", "operator").await;
    crate::cases::save_alba_profile(&app, &mut operator, &[]).await;
    let case = crate::cases::start(&app, &mut operator, "ro.passport.electronic", "self").await;
    let submitted = crate::cases::press(&app, &mut operator, &case, "submit").await;
    assert_eq!(submitted.status, 303, "{}", submitted.text());
    let id = case.rsplit('/').next().unwrap().to_string();
    let office_path = format!("/en/office/cases/{id}");

    assert_eq!(operator.get(&app, &office_path).await.status, 404);
    let queue = operator.get(&app, "/en/office/cases").await.text();
    assert!(!queue.contains(&id), "not listed to them");
    let csrf = crate::support::staff_csrf(&app, &mut operator).await;
    let claim = operator
        .post_form(&app, &format!("{office_path}/claim"), &[("csrf", &csrf)])
        .await;
    assert_eq!(claim.status, 404, "nobody takes their own case");
    let stored = ghiseu_storage::cases::get(&app.state.db, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.assignee_id, None);

    let (mut colleague, _) = signed_in(&app, "g.own.mate@example.ro", "operator").await;
    assert_eq!(colleague.get(&app, &office_path).await.status, 200);
    assert!(
        colleague
            .get(&app, "/en/office/cases")
            .await
            .text()
            .contains(&id)
    );
    app.cleanup().await;
}

#[tokio::test]
async fn every_granting_route_refuses_staff_beyond_the_office_it_names() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "g.walk.parent@example.ro", "citizen").await;
    let (_, plain_id) = signed_in(&app, "g.walk.plain@example.ro", "citizen").await;
    // A pending request at the Alba office.
    let page = parent.get(&app, "/en/account/household").await.text();
    let ask = [
        ("csrf", hidden(&page, "csrf")),
        ("given_name", "Radu".to_string()),
        ("family_name", "Walk".to_string()),
        ("birth_date", "2017-02-03".to_string()),
        ("relationship", "parent".to_string()),
        ("evidence", "birth-certificate".to_string()),
        ("office", "ab-alba-iulia".to_string()),
    ];
    let ask: Vec<(&str, &str)> = ask.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        parent
            .post_form(&app, "/en/account/household", &ask)
            .await
            .status,
        303
    );
    let ward = households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap()
        .remove(0)
        .ward_id;

    let outsiders = [
        (
            "w.igi.op@example.ro",
            "operator",
            Some("ro.igi"),
            vec!["igi-alba"],
        ),
        (
            "w.igi.boss@example.ro",
            "supervisor",
            Some("ro.igi"),
            vec![],
        ),
        (
            "w.md.admin@example.md",
            "administrator",
            Some("md.igm"),
            vec![],
        ),
        (
            "w.lt.op@example.lt",
            "operator",
            Some("lt.migration"),
            vec!["lt-vilnius"],
        ),
    ];
    for (email, role, authority, offices) in outsiders {
        let (mut staff, _) = signed_in_at(&app, email, role, authority, &offices).await;
        let csrf = crate::support::staff_csrf(&app, &mut staff).await;

        let record = [
            ("guardian_email", "g.walk.plain@example.ro"),
            ("given_name", "Ana"),
            ("family_name", "Walk"),
            ("birth_date", "2016-01-01"),
            ("relationship", "parent"),
            ("evidence", "birth-certificate"),
            ("office", "ab-alba-iulia"),
            ("csrf", csrf.as_str()),
        ];
        let r = staff
            .post_form(&app, "/en/office/guardianships/record", &record)
            .await;
        assert_eq!(r.status, 403, "{email} records at an office not theirs");

        let decide = [
            ("ward_id", ward.as_str()),
            ("guardian_id", parent_id.as_str()),
            ("decision", "confirm"),
            ("csrf", csrf.as_str()),
        ];
        let r = staff
            .post_form(&app, "/en/office/guardianships", &decide)
            .await;
        assert_eq!(r.status, 404, "{email} decides at an office not theirs");

        let posting = [
            ("email", "g.walk.plain@example.ro"),
            ("role", "operator"),
            ("authority", "ro.passport.alba"),
            ("office", "ab-alba-iulia"),
            ("csrf", csrf.as_str()),
        ];
        let r = staff.post_form(&app, "/en/office/staff", &posting).await;
        assert_eq!(
            r.status, 403,
            "{email} posts someone to an authority not theirs"
        );
    }
    assert!(
        households::of_guardian(&app.state.db, &plain_id)
            .await
            .unwrap()
            .is_empty()
    );
    let request = households::one(&app.state.db, &ward, &parent_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(request.status, "pending");
    let plain = ghiseu_storage::accounts::person_by_id(&app.state.db, &plain_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(plain.role, "citizen");
    app.cleanup().await;
}
