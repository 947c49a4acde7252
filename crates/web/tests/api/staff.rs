//! Administrators post staff to an authority and its offices.

use crate::support::{Browser, TestApp, hidden, log_in, signed_in, signed_in_at};

async fn assign(
    app: &TestApp,
    admin: &mut Browser,
    fields: &[(&str, &str)],
) -> crate::support::TestResponse {
    let page = admin.get(app, "/en/office/staff").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let mut fields = fields.to_vec();
    fields.push(("csrf", &csrf));
    admin.post_form(app, "/en/office/staff", &fields).await
}

#[tokio::test]
async fn an_administrator_posts_an_operator_to_offices_and_the_new_rights_apply_at_once() {
    let app = TestApp::new().await;
    let (mut admin, _) = signed_in(&app, "root@example.ro", "administrator").await;
    let (mut worker, worker_id) = signed_in(&app, "new.op@example.ro", "citizen").await;
    assert_eq!(
        worker.get(&app, "/en/office/guardianships").await.status,
        403
    );

    let r = assign(
        &app,
        &mut admin,
        &[
            ("email", "new.op@example.ro"),
            ("role", "operator"),
            ("authority", "ro.igi"),
            ("office", "igi-alba"),
            ("office", "igi-bucuresti"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let listed = admin
        .get(&app, r.headers["location"].to_str().unwrap())
        .await
        .text();
    assert!(listed.contains("id=\"saved\"") && listed.contains("new.op@example.ro"));
    let posting = ghiseu_storage::staff::posting(&app.state.db, &worker_id)
        .await
        .unwrap();
    assert_eq!(posting.authority_id.as_deref(), Some("ro.igi"));
    assert_eq!(posting.office_ids, ["igi-alba", "igi-bucuresti"]);

    // The old session ended with the change; signing in again opens the office.
    let r = worker.get(&app, "/en/office/guardianships").await;
    assert_eq!(r.status, 303, "the session that predates the role is gone");
    let mut worker = log_in(&app, "new.op@example.ro").await;
    assert_eq!(
        worker.get(&app, "/en/office/guardianships").await.status,
        200
    );

    // The audit log says who gave which rights, from where.
    let events = ghiseu_storage::audit::for_subject(&app.state.db, &worker_id, 50)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.event.action == "staff.assigned" && e.event.source_ip.is_some())
    );
    app.cleanup().await;
}

#[tokio::test]
async fn bad_postings_are_explained_and_nothing_changes() {
    let app = TestApp::new().await;
    let (mut admin, admin_id) = signed_in_at(
        &app,
        "igi.admin@example.ro",
        "administrator",
        Some("ro.igi"),
        &[],
    )
    .await;
    let (_, citizen_id) = signed_in(&app, "plain@example.ro", "citizen").await;
    signed_in_at(
        &app,
        "md.op@example.md",
        "operator",
        Some("md.igm"),
        &["igm-chisinau"],
    )
    .await;
    let cases: [(&[(&str, &str)], &str); 7] = [
        (
            &[
                ("email", "ghost@example.ro"),
                ("role", "operator"),
                ("authority", "ro.igi"),
                ("office", "igi-alba"),
            ],
            "No account uses this address",
        ),
        (
            &[
                ("email", "plain@example.ro"),
                ("role", "king"),
                ("authority", "ro.igi"),
            ],
            "Choose a role from the list",
        ),
        (
            &[
                ("email", "plain@example.ro"),
                ("role", "operator"),
                ("authority", "ro.igi"),
            ],
            "Tick at least one office",
        ),
        (
            &[
                ("email", "plain@example.ro"),
                ("role", "operator"),
                ("authority", "ro.igi"),
                ("office", "ab-alba-iulia"),
            ],
            "Tick only offices of the chosen authority",
        ),
        (
            &[
                ("email", "plain@example.ro"),
                ("role", "supervisor"),
                ("authority", "md.igm"),
            ],
            "Choose an authority you manage",
        ),
        (
            &[("email", "igi.admin@example.ro"), ("role", "citizen")],
            "You cannot change your own role",
        ),
        // Staff of another authority are out of this administrator's reach.
        (
            &[("email", "md.op@example.md"), ("role", "citizen")],
            "No account uses this address",
        ),
    ];
    let cases_len = cases.len();
    // Reaching beyond what one manages is refused (403), a slip corrected (422).
    let beyond = [
        "Choose an authority you manage",
        "You cannot change your own role",
    ];
    for (n, (fields, says)) in cases.into_iter().enumerate() {
        let r = assign(&app, &mut admin, fields).await;
        let expected = if beyond.contains(&says) || n == cases_len - 1 {
            403
        } else {
            422
        };
        assert_eq!(r.status, expected, "{says}");
        assert!(
            r.text().contains("class=\"error-summary\"") && r.text().contains(says),
            "{says}"
        );
    }
    let plain = ghiseu_storage::accounts::person_by_id(&app.state.db, &citizen_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(plain.role, "citizen");
    let me = ghiseu_storage::accounts::person_by_id(&app.state.db, &admin_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(me.role, "administrator");
    // An authority's administrator lists only their authority's staff.
    let page = admin.get(&app, "/en/office/staff").await.text();
    assert!(page.contains("igi.admin@example.ro") && !page.contains("md.op@example.md"));
    app.cleanup().await;
}

#[tokio::test]
async fn only_administrators_give_roles() {
    let app = TestApp::new().await;
    for role in ["operator", "supervisor"] {
        let (mut staff, _) = signed_in(&app, &format!("{role}.nogo@example.ro"), role).await;
        let page = staff.get(&app, "/en/office/staff").await;
        assert_eq!(page.status, 403, "{role}");
        let csrf = hidden(
            &staff.get(&app, "/en/office/guardianships").await.text(),
            "csrf",
        );
        let r = staff
            .post_form(
                &app,
                "/en/office/staff",
                &[
                    ("csrf", &csrf),
                    ("email", &format!("{role}.nogo@example.ro")),
                    ("role", "administrator"),
                ],
            )
            .await;
        assert_eq!(r.status, 403, "{role}");
    }
    app.cleanup().await;
}
