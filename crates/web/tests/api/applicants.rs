//! Applying from where people look: the service page starts an application
//! (signing in on the way, back to where the person was), and a service says
//! whom its documents are for and what to apply for instead.

use crate::cases::{citizen_in_alba, save_alba_profile_of};
use crate::support::{Browser, TestApp, hidden, log_in, signed_in};
use serde_json::json;

#[tokio::test]
async fn a_service_page_offers_apply_and_booking_where_the_service_books() {
    let app = TestApp::new().await;
    let passport = app.get("/uk/services/ro.passport.electronic").await.text();
    assert!(
        passport
            .contains("href=\"/uk/applications/new?service=ro.passport.electronic\" id=\"apply\""),
        "apply"
    );
    assert!(
        passport
            .contains("href=\"/uk/appointments/new?service=ro.passport.electronic\" id=\"book\""),
        "book"
    );
    let invitation = app.get("/en/services/lt.invitation.approval").await.text();
    assert!(invitation.contains("id=\"apply\""));
    assert!(!invitation.contains("id=\"book\""), "no visit, no booking");
    let calculated = app
        .get("/en/services/md.igm.pc/calculator?birth_date=1980-06-15&filed_on=2026-12-07&urgency=20wd")
        .await
        .text();
    assert!(
        calculated.contains("href=\"/en/applications/new?service=md.igm.pc\" id=\"apply\""),
        "the calculator's answer leads on"
    );
    app.cleanup().await;
}

/// Someone who is not signed in is sent to sign in and comes back to the
/// application they were starting, in their language; a return address
/// outside the portal is never followed.
#[tokio::test]
async fn signing_in_on_the_way_comes_back_to_the_application() {
    let app = TestApp::new().await;
    let (_, _) = citizen_in_alba(&app, "back@example.ro").await;
    let mut browser = Browser::default();
    let asked = "/uk/applications/new?service=ro.passport.electronic";
    let r = browser.get(&app, asked).await;
    assert_eq!(r.status, 303);
    let login = r.headers["location"].to_str().unwrap().to_string();
    assert_eq!(
        login,
        "/uk/account/login?next=%2Fuk%2Fapplications%2Fnew%3Fservice%3Dro.passport.electronic"
    );
    let form = browser.get(&app, &login).await;
    assert_eq!(form.status, 200);
    let token = hidden(&form.text(), "form_token");
    let fields = [
        ("email", "back@example.ro"),
        ("password", crate::support::TEST_PASSWORD),
        ("form_token", token.as_str()),
    ];
    let signed = browser.post_form(&app, &login, &fields).await;
    assert_eq!(signed.status, 303, "{}", signed.text());
    assert_eq!(signed.headers["location"], asked);
    assert_eq!(browser.get(&app, asked).await.status, 200);

    for elsewhere in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "/account",
    ] {
        let mut other = log_in(&app, "back@example.ro").await;
        let form = other.get(&app, "/en/account/login").await;
        let token = hidden(&form.text(), "form_token");
        let path = format!(
            "/en/account/login?next={}",
            form_urlencoded::byte_serialize(elsewhere.as_bytes()).collect::<String>()
        );
        let fields = [
            ("email", "back@example.ro"),
            ("password", crate::support::TEST_PASSWORD),
            ("form_token", token.as_str()),
        ];
        let r = other.post_form(&app, &path, &fields).await;
        assert_eq!(r.headers["location"], "/en/account", "{elsewhere}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_foreigner_is_told_the_passport_is_not_for_them_and_what_is() {
    let app = TestApp::new().await;
    let (mut olena, _) = signed_in(&app, "olena@example.ua", "citizen").await;
    save_alba_profile_of(&app, &mut olena, "ua", &[]).await;
    let page = olena
        .get(&app, "/en/applications/new?service=ro.passport.electronic")
        .await
        .text();
    assert!(page.contains("id=\"citizenship\""), "told before starting");
    assert!(
        page.contains("href=\"/en/services/ro.igi.residence-permit\""),
        "what instead"
    );
    let refused = olena
        .post_form(
            &app,
            "/en/applications",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("service", "ro.passport.electronic"),
                ("holder", "self"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text()
            .contains("This service is not for your citizenship")
    );
    let r = olena
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": "ro.passport.electronic", "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(
        r.problem(422)["type"],
        "https://ghiseu.example/problems/not-for-citizenship"
    );
    assert!(
        olena
            .get(&app, "/en/applications")
            .await
            .text()
            .contains("no application yet"),
        "nothing was started"
    );
    // The residence permit is for her; the passport stays open to Romanians.
    let permit = olena
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": "ro.igi.residence-permit", "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(permit.status, 201, "{}", permit.text());
    let stored = ghiseu_storage::cases::get(&app.state.db, permit.json()["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.holder_citizenship.as_deref(),
        Some("UA"),
        "the operator sees it"
    );

    let (mut elena, _) = citizen_in_alba(&app, "elena@example.ro").await;
    let theirs = elena
        .get(&app, "/en/applications/new?service=ro.passport.electronic")
        .await
        .text();
    assert!(!theirs.contains("id=\"citizenship\""));
    let foreign = elena
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": "ro.igi.residence-permit", "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(
        foreign.problem(422)["type"],
        "https://ghiseu.example/problems/not-for-citizenship"
    );
    app.cleanup().await;
}
