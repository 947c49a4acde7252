use crate::support::{Browser, TestApp, hidden};
use ghiseu_storage::accounts;

async fn signed_in(app: &TestApp, email: &str, role: &str) -> Browser {
    crate::support::signed_in(app, email, role).await.0
}

async fn check(
    app: &TestApp,
    operator: &mut Browser,
    email: &str,
    country: &str,
    national_id: &str,
) -> crate::support::TestResponse {
    let page = operator
        .get(app, &format!("/en/office/identity?email={email}"))
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    operator
        .post_form(
            app,
            "/en/office/identity",
            &[
                ("csrf", &hidden(&html, "csrf")),
                ("person_id", &hidden(&html, "person_id")),
                ("email", email),
                ("document_type", "identity-card"),
                ("document_number", "AX123456"),
                ("country", country),
                ("national_id", national_id),
            ],
        )
        .await
}

#[tokio::test]
async fn an_operator_checks_an_identity_and_binds_the_national_id_once() {
    let app = TestApp::new().await;
    let mut operator = signed_in(&app, "operator@alba.example.ro", "operator").await;
    let mut citizen = signed_in(&app, "ana@example.ro", "citizen").await;
    signed_in(&app, "other@example.ro", "citizen").await;

    let done = check(&app, &mut operator, "ana@example.ro", "RO", "1960523123457").await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(done.text().contains("The check is recorded"));
    assert!(
        citizen
            .get(&app, "/en/account")
            .await
            .text()
            .contains("An operator, at a counter")
    );

    let taken = check(
        &app,
        &mut operator,
        "other@example.ro",
        "RO",
        "1960523123457",
    )
    .await;
    assert_eq!(taken.status, 422);
    assert!(taken.text().contains("already belongs to another account"));
    let other = accounts::person_by_email(&app.state.db, "other@example.ro")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        other.assurance, "email",
        "nothing was written for the second account"
    );

    let invalid = check(
        &app,
        &mut operator,
        "other@example.ro",
        "RO",
        "1960523123458",
    )
    .await;
    assert_eq!(invalid.status, 422);
    assert!(invalid.text().contains("check digit"), "{}", invalid.text());

    let ana = accounts::person_by_email(&app.state.db, "ana@example.ro")
        .await
        .unwrap()
        .unwrap();
    let seen = ghiseu_storage::audit::for_subject(&app.state.db, &ana.id, 20)
        .await
        .unwrap();
    let actions: Vec<&str> = seen.iter().map(|e| e.event.action.as_str()).collect();
    assert!(
        actions.contains(&"person.viewed") && actions.contains(&"identity.checked-in-person"),
        "{actions:?}"
    );
    let detail = seen
        .iter()
        .find(|e| e.event.action == "identity.checked-in-person")
        .unwrap()
        .event
        .detail
        .to_string();
    assert!(
        !detail.contains("1960523123457") && !detail.contains("AX123456"),
        "the audit keeps masked numbers: {detail}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn citizens_and_strangers_cannot_open_the_back_office() {
    let app = TestApp::new().await;
    let mut citizen = signed_in(&app, "ion@example.md", "citizen").await;
    let r = citizen
        .get(&app, "/en/office/identity?email=ion@example.md")
        .await;
    assert_eq!(r.status, 403);
    assert!(!r.text().contains("ion@example.md"), "never the data");
    let post = citizen
        .post_form(
            &app,
            "/en/office/identity",
            &[
                ("person_id", "x"),
                ("national_id", "1960523123457"),
                ("country", "RO"),
            ],
        )
        .await;
    assert_eq!(post.status, 403);
    assert_eq!(
        app.get("/en/office/identity").await.status,
        303,
        "no session: to the login page"
    );
    app.cleanup().await;
}
