//! Staff reach only the work of their own offices: an operator of another
//! office, or a supervisor of another authority, neither sees nor decides it.

use crate::support::{Browser, TestApp, hidden, signed_in, signed_in_at};

/// A parent asks, at the Alba passport office, to act for a child.
async fn request_at_alba(app: &TestApp) -> (Browser, String) {
    let (mut parent, parent_id) = signed_in(app, "scope.parent@example.ro", "citizen").await;
    let page = parent.get(app, "/en/account/household").await.text();
    let asked = parent
        .post_form(
            app,
            "/en/account/household",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("given_name", "Radu"),
                ("family_name", "Scope"),
                ("birth_date", "2013-05-06"),
                ("relationship", "parent"),
                ("evidence", "birth-certificate"),
                ("office", "ab-alba-iulia"),
            ],
        )
        .await;
    assert_eq!(asked.status, 303, "{}", asked.text());
    (parent, parent_id)
}

async fn ward_id(app: &TestApp, parent_id: &str) -> String {
    ghiseu_storage::households::of_guardian(&app.state.db, parent_id)
        .await
        .unwrap()
        .remove(0)
        .ward_id
}

async fn decide(app: &TestApp, staff: &mut Browser, ward: &str, guardian: &str) -> u16 {
    let page = staff.get(app, "/en/office/guardianships").await.text();
    staff
        .post_form(
            app,
            "/en/office/guardianships",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("ward_id", ward),
                ("guardian_id", guardian),
                ("decision", "confirm"),
            ],
        )
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn staff_of_another_office_or_authority_neither_see_nor_decide_a_request() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = request_at_alba(&app).await;
    let ward = ward_id(&app, &parent_id).await;

    let outsiders = [
        (
            "igi.alba@example.ro",
            "operator",
            Some("ro.igi"),
            vec!["igi-alba"],
        ),
        ("igi.boss@example.ro", "supervisor", Some("ro.igi"), vec![]),
        (
            "md.admin@example.md",
            "administrator",
            Some("md.igm"),
            vec![],
        ),
        // An operator whose posting names an office of another authority serves nothing.
        (
            "mixed@example.ro",
            "operator",
            Some("ro.igi"),
            vec!["ab-alba-iulia"],
        ),
    ];
    for (email, role, authority, offices) in outsiders {
        let (mut staff, _) = signed_in_at(&app, email, role, authority, &offices).await;
        let queue = staff.get(&app, "/en/office/guardianships").await;
        assert_eq!(queue.status, 200, "{email}");
        assert!(
            !queue.text().contains("Radu Scope") && !queue.text().contains("scope.parent"),
            "{email} sees a request of another office"
        );
        let status = decide(&app, &mut staff, &ward, &parent_id).await;
        assert_eq!(status, 404, "{email} decides a request of another office");
    }
    let list = parent.get(&app, "/en/account/household").await.text();
    assert!(list.contains("Waiting for an operator"), "still pending");

    // The Alba operator and their authority's supervisor do see it.
    let (mut supervisor, _) = signed_in(&app, "alba.boss@example.ro", "supervisor").await;
    assert!(
        supervisor
            .get(&app, "/en/office/guardianships")
            .await
            .text()
            .contains("Radu Scope")
    );
    let (mut operator, _) = signed_in(&app, "alba.op@example.ro", "operator").await;
    assert_eq!(decide(&app, &mut operator, &ward, &parent_id).await, 303);
    // Deciding again is a clear conflict, not a silent success.
    assert_eq!(decide(&app, &mut supervisor, &ward, &parent_id).await, 409);
    app.cleanup().await;
}

#[tokio::test]
async fn an_operator_records_a_relationship_from_the_documents_at_the_counter() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "direct.parent@example.ro", "citizen").await;
    let (mut operator, _) = signed_in(&app, "direct.op@example.ro", "operator").await;
    let record =
        |email: &'static str, given: &'static str, birth: &'static str, office: &'static str| {
            vec![
                ("guardian_email", email),
                ("given_name", given),
                ("family_name", "Direct"),
                ("birth_date", birth),
                ("relationship", "legal-representative"),
                ("evidence", "guardianship-decision"),
                ("office", office),
            ]
        };
    let bad = [
        (
            record("nobody@example.ro", "Elena", "2015-01-01", "ab-alba-iulia"),
            "No account uses this address",
        ),
        (
            record(
                "direct.parent@example.ro",
                "Elena",
                "2001-01-01",
                "ab-alba-iulia",
            ),
            "18 or older",
        ),
        (
            record(
                "direct.parent@example.ro",
                "Elena",
                "2015-01-01",
                "igi-alba",
            ),
            "Choose an office from the list",
        ),
        (
            record(
                "direct.parent@example.ro",
                "",
                "2015-01-01",
                "ab-alba-iulia",
            ),
            "write it as in your identity document",
        ),
    ];
    for (fields, says) in bad {
        let page = operator.get(&app, "/en/office/guardianships").await.text();
        let csrf = hidden(&page, "csrf");
        let mut fields = fields.clone();
        fields.push(("csrf", &csrf));
        let r = operator
            .post_form(&app, "/en/office/guardianships/record", &fields)
            .await;
        // An office of another authority is beyond this operator's reach.
        let expected = if says == "Choose an office from the list" {
            403
        } else {
            422
        };
        assert_eq!(r.status, expected, "{says}");
        assert!(
            r.text().contains("class=\"error-summary\"") && r.text().contains(says),
            "{says}: {}",
            r.text()
        );
    }
    assert!(
        ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
            .await
            .unwrap()
            .is_empty(),
        "nothing written by refused records"
    );

    let page = operator.get(&app, "/en/office/guardianships").await.text();
    let csrf = hidden(&page, "csrf");
    let mut fields = record(
        "direct.parent@example.ro",
        "Elena",
        "2015-01-01",
        "ab-alba-iulia",
    );
    fields.push(("csrf", &csrf));
    let done = operator
        .post_form(&app, "/en/office/guardianships/record", &fields)
        .await;
    assert_eq!(done.status, 303);
    let after = operator
        .get(&app, done.headers["location"].to_str().unwrap())
        .await
        .text();
    assert!(after.contains("id=\"recorded\""), "{after}");

    let list = parent.get(&app, "/en/account/household").await.text();
    assert!(
        list.contains("Elena Direct") && list.contains("Confirmed"),
        "{list}"
    );
    let at = list.find("href=\"/en/account/household/").unwrap() + 6;
    let link = &list[at..at + list[at..].find('"').unwrap()];
    assert_eq!(parent.get(&app, link).await.status, 200);
    app.cleanup().await;
}

#[tokio::test]
async fn a_guardian_must_name_the_office_where_they_show_the_document() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "no.office@example.ro", "citizen").await;
    for office in ["", "atlantis"] {
        let page = parent.get(&app, "/en/account/household").await.text();
        let r = parent
            .post_form(
                &app,
                "/en/account/household",
                &[
                    ("csrf", &hidden(&page, "csrf")),
                    ("given_name", "Mihai"),
                    ("family_name", "Popa"),
                    ("birth_date", "2016-01-01"),
                    ("relationship", "parent"),
                    ("evidence", "birth-certificate"),
                    ("office", office),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "office {office:?}");
        assert!(r.text().contains("Choose an office from the list"));
    }
    assert!(
        ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
            .await
            .unwrap()
            .is_empty()
    );
    app.cleanup().await;
}
