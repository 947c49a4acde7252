//! Confirming one's identity with a bank card, through the pages a person
//! uses: the portal's card-check page, the demonstration bank's page, and
//! the return to the portal with the bank's signed answer.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};
use ghiseu_storage::{accounts, audit, card_checks};

const PORTAL: &str = "http://127.0.0.1:8080";
const CNP: &str = "1960523123457";
const OTHER_CNP: &str = "2960523123459";
const CONFIRMED_CARD: &str = "4111 1111 1111 1111";
const DECLINED_CARD: &str = "4000 0000 0000 0002";

fn location(response: &TestResponse) -> String {
    assert_eq!(response.status, 303, "{}", response.text());
    let to = response.headers["location"].to_str().unwrap();
    to.strip_prefix(PORTAL).unwrap_or(to).to_string()
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &html[from..from + html[from..].find(end).unwrap()]
}

/// Starts a check on the portal's page; answers the bank page's address.
async fn start(app: &TestApp, browser: &mut Browser) -> String {
    let page = browser.get(app, "/en/account/card-check").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let sent = browser
        .post_form(app, "/en/account/card-check", &[("csrf", &csrf)])
        .await;
    let bank = location(&sent);
    assert!(bank.starts_with("/demo/card-provider/check?"), "{bank}");
    bank
}

/// Fills in the demonstration bank's page for the check at `bank`.
async fn fill_in(
    app: &TestApp,
    browser: &mut Browser,
    bank: &str,
    changes: &[(&str, &str)],
) -> TestResponse {
    let page = browser.get(app, bank).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let html = page.text();
    let code = between(&html, "id=\"demo-code\">", "<").to_string();
    let mut fields: Vec<(&str, String)> = vec![
        ("reference", hidden(&html, "reference")),
        ("return", hidden(&html, "return")),
        ("lang", hidden(&html, "lang")),
        ("card_number", CONFIRMED_CARD.into()),
        ("code", code),
        ("holder", "Ana Popescu".into()),
        ("country", "RO".into()),
        ("national_id", CNP.into()),
    ];
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push((name, (*value).to_string()));
    }
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser
        .post_form(app, "/demo/card-provider/check", &pairs)
        .await
}

/// A whole check up to the bank's answer; answers the return address.
async fn answered(app: &TestApp, browser: &mut Browser, changes: &[(&str, &str)]) -> String {
    let bank = start(app, browser).await;
    let back = location(&fill_in(app, browser, &bank, changes).await);
    assert!(back.starts_with("/en/account/card-check/return?"), "{back}");
    back
}

async fn assurance(app: &TestApp, email: &str) -> String {
    accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap()
        .assurance
}

async fn actions(app: &TestApp, person_id: &str) -> Vec<String> {
    audit::for_subject(&app.state.db, person_id, 50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect()
}

#[tokio::test]
async fn a_bank_card_check_binds_the_national_id_and_raises_the_level() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let account = ana.get(&app, "/en/account").await.text();
    assert!(account.contains("href=\"/en/account/card-check\""));
    let ro = ana.get(&app, "/ro/account/card-check").await.text();
    assert!(ro.contains("Confirmați-vă identitatea cu cardul bancar"));
    assert!(!ro.contains(">card-"), "every message exists");

    let back = answered(&app, &mut ana, &[]).await;
    assert!(
        !back.contains(CNP) && !back.contains("Popescu"),
        "the national id never travels in the address: {back}"
    );
    let done = ana.get(&app, &back).await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(done.text().contains("Your identity is confirmed"));
    assert!(
        done.text().contains("1*********457"),
        "the number is shown masked"
    );
    assert!(!done.text().contains(CNP));
    assert_eq!(assurance(&app, "ana@example.ro").await, "card");
    let account = ana.get(&app, "/en/account").await.text();
    assert!(account.contains("A bank card check"));

    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].outcome.as_deref(), Some("verified"));
    assert_eq!(checks[0].provider, "demo");
    assert!(checks[0].assurance_raised);
    let log = audit::for_subject(&app.state.db, &id, 20).await.unwrap();
    let event = log
        .iter()
        .find(|e| e.event.action == "identity.checked-by-card")
        .unwrap();
    let detail = event.event.detail.to_string();
    assert!(
        !detail.contains(CNP),
        "the audit keeps the number masked: {detail}"
    );
    assert!(detail.contains("\"assurance\":\"card\""), "{detail}");

    let again = answered(&app, &mut ana, &[("national_id", OTHER_CNP)]).await;
    let different = ana.get(&app, &again).await;
    assert_eq!(different.status, 422);
    assert!(
        different
            .text()
            .contains("already linked to a different national identification number")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_declined_card_changes_nothing() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(
        &app,
        &mut ana,
        &[("card_number", DECLINED_CARD), ("code", "")],
    )
    .await;
    let declined = ana.get(&app, &back).await;
    assert_eq!(declined.status, 200);
    assert!(
        declined
            .text()
            .contains("Your bank did not confirm the card")
    );
    assert_eq!(assurance(&app, "ana@example.ro").await, "email");
    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks[0].outcome.as_deref(), Some("declined"));
    assert!(
        actions(&app, &id)
            .await
            .contains(&"identity.card-check-declined".to_string())
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_bank_page_explains_its_mistakes_and_sends_people_only_to_the_portal() {
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let bank = start(&app, &mut ana).await;
    let wrong = fill_in(
        &app,
        &mut ana,
        &bank,
        &[
            ("code", "not the code"),
            ("card_number", "4111 1111 1111 1112"),
        ],
    )
    .await;
    assert_eq!(wrong.status, 422);
    let html = wrong.text();
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("href=\"#code\"") && html.contains("href=\"#card_number\""));
    assert!(html.contains("aria-invalid=\"true\""));
    let elsewhere = ana
        .get(
            &app,
            "/demo/card-provider/check?reference=x&return=https%3A%2F%2Fevil.example%2F&lang=en",
        )
        .await;
    assert_eq!(elsewhere.status, 400);
    app.cleanup().await;
}

#[tokio::test]
async fn a_tampered_answer_is_refused_and_writes_nothing() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    // Another check's sealed answer, or a changed one, opens nothing.
    let other = answered(&app, &mut ana, &[("national_id", OTHER_CNP)]).await;
    let other_answer = &other[other.find("&answer=").unwrap()..];
    let forged = format!("{}{other_answer}", &back[..back.find("&answer=").unwrap()]);
    assert_ne!(forged, back);
    let refused = ana.get(&app, &forged).await;
    assert_eq!(refused.status, 400);
    assert!(refused.text().contains("could not be verified"));
    let flipped = format!("{}0", &back[..back.len() - 1]);
    let flipped = if flipped == back {
        format!("{}1", &back[..back.len() - 1])
    } else {
        flipped
    };
    assert_eq!(ana.get(&app, &flipped).await.status, 400);
    let unsealed = ana.get(&app, &back[..back.find("&answer=").unwrap()]).await;
    assert_eq!(unsealed.status, 400);
    assert_eq!(assurance(&app, "ana@example.ro").await, "email");
    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks[0].completed_at, None, "the check is still open");
    assert_eq!(
        ana.get(&app, &back).await.status,
        200,
        "the true answer still works"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_answer_is_used_once() {
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    assert_eq!(ana.get(&app, &back).await.status, 200);
    let replayed = ana.get(&app, &back).await;
    assert_eq!(replayed.status, 409);
    assert!(replayed.text().contains("already used"));
    app.cleanup().await;
}

#[tokio::test]
async fn an_answer_after_fifteen_minutes_is_refused() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    let later = app.at("2026-11-23T08:15:01Z");
    let expired = ana.get(&later, &back).await;
    assert_eq!(expired.status, 410, "{}", expired.text());
    assert!(expired.text().contains("expired"));
    assert_eq!(assurance(&app, "ana@example.ro").await, "email");
    assert!(
        !actions(&app, &id)
            .await
            .iter()
            .any(|a| a.starts_with("identity."))
    );
    app.cleanup().await;
}

#[tokio::test]
async fn another_persons_check_cannot_be_used() {
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let (mut ion, _) = signed_in(&app, "ion@example.md", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    let stolen = ion.get(&app, &back).await;
    assert_eq!(stolen.status, 403);
    assert!(stolen.text().contains("started from another account"));
    assert_eq!(assurance(&app, "ion@example.md").await, "email");
    assert_eq!(
        ana.get(&app, &back).await.status,
        200,
        "it is still Ana's to use"
    );
    assert_eq!(assurance(&app, "ana@example.ro").await, "card");
    app.cleanup().await;
}

#[tokio::test]
async fn a_national_id_of_another_account_is_refused_and_nothing_is_bound() {
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let (mut ion, ion_id) = signed_in(&app, "ion@example.md", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    assert_eq!(ana.get(&app, &back).await.status, 200);

    let back = answered(&app, &mut ion, &[]).await;
    let taken = ion.get(&app, &back).await;
    assert_eq!(taken.status, 422);
    assert!(taken.text().contains("already belongs to another account"));
    assert_eq!(assurance(&app, "ion@example.md").await, "email");
    assert_eq!(assurance(&app, "ana@example.ro").await, "card");
    let log = audit::for_subject(&app.state.db, &ion_id, 20)
        .await
        .unwrap();
    let refused = log
        .iter()
        .find(|e| e.event.action == "identity.card-check-refused")
        .unwrap();
    assert_eq!(refused.event.detail["reason"], "national-id-taken");

    let own = answered(&app, &mut ion, &[("national_id", OTHER_CNP)]).await;
    assert_eq!(
        ion.get(&app, &own).await.status,
        200,
        "no national id was bound to Ion's account by the refused check"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_invalid_national_id_from_the_bank_is_refused() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[("national_id", "1960523123458")]).await;
    let invalid = ana.get(&app, &back).await;
    assert_eq!(invalid.status, 422);
    assert!(invalid.text().contains("not valid"));
    assert_eq!(assurance(&app, "ana@example.ro").await, "email");
    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks[0].outcome.as_deref(), Some("refused"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_stronger_in_person_check_is_kept() {
    let app = TestApp::new().await;
    let (mut operator, _) = signed_in(&app, "operator@alba.example.ro", "operator").await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let page = operator
        .get(&app, "/en/office/identity?email=ana@example.ro")
        .await
        .text();
    let checked = operator
        .post_form(
            &app,
            "/en/office/identity",
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("person_id", &hidden(&page, "person_id")),
                ("email", "ana@example.ro"),
                ("document_type", "identity-card"),
                ("document_number", "AX123456"),
                ("country", "RO"),
                ("national_id", CNP),
            ],
        )
        .await;
    assert_eq!(checked.status, 200, "{}", checked.text());

    let back = answered(&app, &mut ana, &[]).await;
    let done = ana.get(&app, &back).await;
    assert_eq!(done.status, 200);
    assert!(done.text().contains("keeps its check at a counter"));
    assert_eq!(assurance(&app, "ana@example.ro").await, "in-person");
    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks[0].outcome.as_deref(), Some("verified"));
    assert!(!checks[0].assurance_raised);
    app.cleanup().await;
}

#[tokio::test]
async fn strangers_are_sent_to_sign_in() {
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    let mut stranger = Browser::default();
    for response in [
        stranger.get(&app, "/en/account/card-check").await,
        stranger
            .post_form(&app, "/en/account/card-check", &[("csrf", "x")])
            .await,
        stranger.get(&app, &back).await,
    ] {
        let to = location(&response);
        assert!(
            to == "/en/account/login" || to.starts_with("/en/account/login?next=%2Fen%2F"),
            "{to}"
        );
    }
    let checks = card_checks::for_person(&app.state.db, &id).await.unwrap();
    assert_eq!(checks[0].completed_at, None);
    let forged = ana
        .post_form(&app, "/en/account/card-check", &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status, 403);
    app.cleanup().await;
}

#[tokio::test]
async fn without_a_provider_the_page_says_so() {
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let back = answered(&app, &mut ana, &[]).await;
    let here = app.without_card_provider();
    let page = ana.get(&here, "/en/account/card-check").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("not available on this portal"));
    assert!(!page.text().contains("card-check-start"));
    assert_eq!(ana.get(&here, &back).await.status, 404);
    let bank = ana
        .get(&here, "/demo/card-provider/check?reference=x&lang=en")
        .await;
    assert_eq!(bank.status, 404);
    assert_eq!(assurance(&app, "ana@example.ro").await, "email");
    app.cleanup().await;
}
