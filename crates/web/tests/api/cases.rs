//! Applications through the pages: a draft for oneself or a child, answers
//! saved as the person goes, submission checked completely against the
//! catalogue, and only the people of the case reaching it.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};

/// A citizen with a complete profile living in Alba county.
pub async fn citizen_in_alba(app: &TestApp, email: &str) -> (Browser, String) {
    let (mut browser, id) = signed_in(app, email, "citizen").await;
    save_alba_profile(app, &mut browser, &[]).await;
    (browser, id)
}

/// `email`'s submitted passport application in Alba, the first of the test:
/// their browser, id and the case's path.
pub async fn filed_in_alba(app: &TestApp, email: &str) -> (Browser, String, String) {
    let (mut holder, id) = citizen_in_alba(app, email).await;
    let case = start(app, &mut holder, "ro.passport.electronic", "self").await;
    let submitted = press(app, &mut holder, &case, "submit").await;
    assert_eq!(submitted.status, 303, "{}", submitted.text());
    (holder, id, case)
}

/// Saves the Alba profile of `citizen_in_alba`, with `more` notices chosen.
pub async fn save_alba_profile(app: &TestApp, browser: &mut Browser, more: &[&str]) {
    save_alba_profile_of(app, browser, "ro", more).await
}

/// As `save_alba_profile`, for a citizen of `citizenship` living in Alba.
pub async fn save_alba_profile_of(
    app: &TestApp,
    browser: &mut Browser,
    citizenship: &str,
    more: &[&str],
) {
    let page = browser.get(app, "/en/account/profile").await.text();
    let mut fields = vec![
        ("csrf", hidden(&page, "csrf")),
        ("version", hidden(&page, "version")),
        ("given_name", "Elena".to_string()),
        ("family_name", "Pop".to_string()),
        ("birth_date", "1985-04-27".to_string()),
        ("citizenship", citizenship.to_string()),
        ("domicile_country", "RO".to_string()),
        ("domicile_region", "RO-AB".to_string()),
        ("domicile_locality", "Alba Iulia".to_string()),
        ("preferred_lang", "en".to_string()),
        ("notify-application-updates-email", "on".to_string()),
        ("notify-document-ready-email", "on".to_string()),
    ];
    fields.extend(more.iter().map(|name| (*name, "on".to_string())));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = browser.post_form(app, "/en/account/profile", &pairs).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
}

/// Starts an application, uploads a scan for every document on its
/// checklist, and returns the case page's address.
pub async fn start(app: &TestApp, browser: &mut Browser, service: &str, holder: &str) -> String {
    let case = start_bare(app, browser, service, holder).await;
    upload_all(app, browser, &case).await;
    case
}

/// The requirement ids the case page offers an upload for.
pub fn requirements(page: &str) -> Vec<String> {
    page.match_indices("name=\"requirement\" value=\"")
        .map(|(at, m)| {
            let from = at + m.len();
            page[from..from + page[from..].find('"').unwrap()].to_string()
        })
        .collect()
}

pub async fn upload(
    app: &TestApp,
    browser: &mut Browser,
    case: &str,
    requirement: &str,
    file: (&str, &[u8]),
) -> TestResponse {
    let page = browser.get(app, case).await.text();
    browser
        .post_multipart(
            app,
            &format!("{case}/documents"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("requirement", requirement),
            ],
            ("file", file.0, file.1),
        )
        .await
}

pub async fn upload_all(app: &TestApp, browser: &mut Browser, case: &str) {
    let page = browser.get(app, case).await.text();
    for requirement in requirements(&page) {
        let r = upload(
            app,
            browser,
            case,
            &requirement,
            ("scan.png", &ghiseu_files::fixtures::png(800, 600)),
        )
        .await;
        assert_eq!(r.status, 303, "{requirement}: {}", r.text());
    }
}

/// Starts an application and returns the case page's address.
pub async fn start_bare(
    app: &TestApp,
    browser: &mut Browser,
    service: &str,
    holder: &str,
) -> String {
    let page = browser
        .get(app, &format!("/en/applications/new?service={service}"))
        .await;
    assert_eq!(page.status, 200);
    let r = browser
        .post_form(
            app,
            "/en/applications",
            &[
                ("csrf", &hidden(&page.text(), "csrf")),
                ("service", service),
                ("holder", holder),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    // The new case's page, confirming that it was started.
    let location = r.headers["location"].to_str().unwrap();
    let (case, done) = location.split_once('?').unwrap();
    assert_eq!(done, "done=case-started");
    case.to_string()
}

pub async fn press(app: &TestApp, browser: &mut Browser, case: &str, action: &str) -> TestResponse {
    let page = browser.get(app, case).await.text();
    browser
        .post_form(
            app,
            &format!("{case}/{action}"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
                ("confirm", "on"),
            ],
        )
        .await
}

#[tokio::test]
async fn an_adult_applies_for_a_passport_and_gets_a_reference_an_office_and_a_fee() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "apply.self@example.ro").await;
    let case = start(&app, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&app, &case).await.text();
    assert!(
        page.contains("Draft: no reference yet") && page.contains("Adults (18 and over)"),
        "{page}"
    );

    let sent = press(&app, &mut ana, &case, "submit").await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    let page = ana.get(&app, &case).await.text();
    assert!(page.contains("RO-PAS-AB-2026-000001"), "{page}");
    assert!(page.contains("Alba County Public Passport Service — Alba Iulia"));
    assert!(page.contains("id=\"case-state\">Sent<"), "{page}");
    assert!(page.contains("id=\"timeline\""));

    // Sending again is refused by the state machine, naming what is allowed.
    let again = ana
        .post_form(
            &app,
            &format!("{case}/submit"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
            ],
        )
        .await;
    assert_eq!(again.status, 409);
    assert!(
        again.text().contains("The application is now: Sent."),
        "{}",
        again.text()
    );
    assert!(again.text().contains("What you can do now: withdraw it."));

    // The dashboard lists it.
    let list = ana.get(&app, "/en/applications").await.text();
    assert!(list.contains("RO-PAS-AB-2026-000001") && list.contains("Simple electronic passport"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_stale_form_is_refused_and_nothing_is_merged() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "stale@example.ro").await;
    let case = start(&app, &mut ana, "ro.passport.temporary", "self").await;
    let old = ana.get(&app, &case).await.text();
    let question = {
        let at = old.find("name=\"q:").unwrap() + 8;
        old[at..at + old[at..].find('"').unwrap()].to_string()
    };
    let answer = |page: &str, option: &str| {
        vec![
            ("csrf".to_string(), hidden(page, "csrf")),
            ("version".to_string(), hidden(page, "version")),
            ("urgency".to_string(), "standard".to_string()),
            (format!("q:{question}"), option.to_string()),
        ]
    };
    let first_option = {
        let select = &old[old.find(&format!("name=\"q:{question}\"")).unwrap()..];
        let at = select.find("<option value=\"").unwrap() + 15;
        let at = at + select[at..].find("<option value=\"").unwrap() + 15;
        select[at..at + select[at..].find('"').unwrap()].to_string()
    };
    let fields = answer(&old, &first_option);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = ana
        .post_form(&app, &format!("{case}/answers"), &pairs)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    // The same form again, with the version it was loaded at: refused.
    let stale = ana
        .post_form(&app, &format!("{case}/answers"), &pairs)
        .await;
    assert_eq!(stale.status, 409);
    assert!(stale.text().contains("Someone changed this application"));
    // A made-up answer is refused and nothing is saved.
    let fresh = ana.get(&app, &case).await.text();
    let fields = answer(&fresh, "not-an-option");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let bad = ana
        .post_form(&app, &format!("{case}/answers"), &pairs)
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Choose each answer from its list"));
    assert_eq!(
        hidden(&ana.get(&app, &case).await.text(), "version"),
        hidden(&fresh, "version")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_service_refuses_people_whose_identity_is_not_assured_enough() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "low@example.ro").await;
    let page = ana
        .get(
            &app,
            "/en/applications/new?service=ro.criminal-record.certificate",
        )
        .await
        .text();
    assert!(page.contains("id=\"assurance-needed\"") && page.contains("/en/account/card-check"));
    // Posting anyway is refused; no draft is made.
    let csrf = hidden(&ana.get(&app, "/en/account").await.text(), "csrf");
    let r = ana
        .post_form(
            &app,
            "/en/applications",
            &[
                ("csrf", &csrf),
                ("service", "ro.criminal-record.certificate"),
                ("holder", "self"),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.text().contains("Your identity is not confirmed"));
    assert!(
        ana.get(&app, "/en/applications")
            .await
            .text()
            .contains("no application yet")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn nobody_else_reaches_a_case() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "owner@example.ro").await;
    let case = start(&app, &mut ana, "ro.passport.electronic", "self").await;
    let (mut ion, _) = signed_in(&app, "intruder@example.ro", "citizen").await;
    let r = ion.get(&app, &case).await;
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("Elena"));
    let csrf = hidden(&ion.get(&app, "/en/account").await.text(), "csrf");
    for action in ["submit", "withdraw", "answers"] {
        let r = ion
            .post_form(
                &app,
                &format!("{case}/{action}"),
                &[("csrf", &csrf), ("version", "1")],
            )
            .await;
        assert_eq!(r.status, 404, "{action}");
    }
    assert!(
        !ion.get(&app, "/en/applications")
            .await
            .text()
            .contains("Elena")
    );
    let mut stranger = Browser::default();
    assert_eq!(stranger.get(&app, &case).await.status, 303);
    // The owner's draft is untouched.
    assert!(
        ana.get(&app, &case)
            .await
            .text()
            .contains("Draft: no reference yet")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_holder_living_abroad_gets_the_domicile_abroad_category() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "abroad@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let page = ana.get(&app, &case).await.text();
    assert!(page.contains("id=\"domicile_abroad\""));
    let r = ana
        .post_form(
            &app,
            &format!("{case}/answers"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
                ("urgency", "standard"),
                ("domicile_abroad", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = ana.get(&app, &case).await.text();
    let id = case.rsplit('/').next().unwrap();
    let record = ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record.category_id.as_deref(),
        Some("domicile-abroad"),
        "{page}"
    );
    app.cleanup().await;
}
