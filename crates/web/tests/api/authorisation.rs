//! Every route that shows or changes a person's data, walked by people who
//! must not reach it: no session, another citizen, a citizen on staff pages,
//! and staff of another office or authority.

use crate::support::{Browser, TestApp, hidden};

const PERSONAL_PAGES: [&str; 6] = [
    "/en/account/household",
    "/en/account/representations",
    "/en/account",
    "/en/account/messages",
    "/en/account/profile",
    "/en/account/second-factor",
];
const PERSONAL_FORMS: [&str; 6] = [
    "/en/account/household",
    "/en/account/representations/revoke",
    "/en/account/logout",
    "/en/account/logout-everywhere",
    "/en/account/profile",
    "/en/account/second-factor",
];
const STAFF_PAGES: [&str; 4] = [
    "/en/office/guardianships",
    "/en/office/identity",
    "/en/office/representations",
    "/en/office/staff",
];
const STAFF_FORMS: [&str; 5] = [
    "/en/office/guardianships",
    "/en/office/guardianships/record",
    "/en/office/identity",
    "/en/office/representations",
    "/en/office/staff",
];

async fn citizen(app: &TestApp, email: &str) -> Browser {
    crate::support::signed_in(app, email, "citizen").await.0
}

#[tokio::test]
async fn nobody_without_a_session_reaches_personal_or_staff_routes() {
    let app = TestApp::new().await;
    let mut stranger = Browser::default();
    for path in PERSONAL_PAGES.iter().chain(&STAFF_PAGES) {
        let r = stranger.get(&app, path).await;
        assert_eq!(r.status, 303, "GET {path}");
        let back: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
        assert_eq!(
            r.headers["location"],
            format!("/en/account/login?next={back}").as_str(),
            "GET {path}"
        );
    }
    for path in PERSONAL_FORMS.iter().chain(&STAFF_FORMS) {
        let r = stranger.post_form(&app, path, &[("csrf", "x")]).await;
        assert_eq!(r.status, 303, "POST {path}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_second_citizen_sees_only_their_own_data() {
    let app = TestApp::new().await;
    let mut ana = citizen(&app, "ana.walk@example.ro").await;
    let mut ion = citizen(&app, "ion.walk@example.ro").await;
    for path in PERSONAL_PAGES {
        let mine = ana.get(&app, path).await;
        assert_eq!(mine.status, 200, "{path}");
        let theirs = ion.get(&app, path).await;
        assert_eq!(theirs.status, 200, "{path}");
        assert!(
            !theirs.text().contains("ana.walk@example.ro"),
            "{path} shows another person's data"
        );
    }
    // Ana's anti-forgery token does not work in Ion's session.
    let ana_csrf = hidden(&ana.get(&app, "/en/account").await.text(), "csrf");
    for path in PERSONAL_FORMS {
        let r = ion.post_form(&app, path, &[("csrf", &ana_csrf)]).await;
        assert_eq!(r.status, 403, "POST {path} with another session's token");
    }
    assert_eq!(
        ana.get(&app, "/en/account").await.status,
        200,
        "Ana is still signed in"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn citizens_get_403_on_staff_routes_and_never_the_data() {
    let app = TestApp::new().await;
    let mut ana = citizen(&app, "ana.staff@example.ro").await;
    for path in STAFF_PAGES {
        let r = ana
            .get(&app, &format!("{path}?email=ana.staff@example.ro"))
            .await;
        assert_eq!(r.status, 403, "GET {path}");
        assert!(!r.text().contains("ana.staff@example.ro"));
    }
    for path in STAFF_FORMS {
        let csrf = hidden(&ana.get(&app, "/en/account").await.text(), "csrf");
        assert_eq!(
            ana.post_form(&app, path, &[("csrf", &csrf)]).await.status,
            403,
            "POST {path}"
        );
    }
    app.cleanup().await;
}
