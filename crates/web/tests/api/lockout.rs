//! Sign-in limits that cannot be turned against the person they protect:
//! only failures count, a stranger's guesses do not lock the owner out of the
//! addresses they signed in from before, and one busy address (a refugee
//! centre, an office) can keep signing people in.

use crate::support::{Browser, TEST_PASSWORD, TestApp, TestResponse, hidden, signed_in};

async fn login(app: &TestApp, browser: &mut Browser, email: &str, password: &str) -> TestResponse {
    let form = browser.get(app, "/en/account/login").await;
    let token = hidden(&form.text(), "form_token");
    let fields = [
        ("email", email),
        ("password", password),
        ("form_token", token.as_str()),
    ];
    browser.post_form(app, "/en/account/login", &fields).await
}

#[tokio::test]
async fn successful_sign_ins_never_lock_anyone() {
    let app = TestApp::new().await;
    signed_in(&app, "often@example.ro", "citizen").await;
    for n in 0..35 {
        let mut browser = Browser::at_address("198.51.100.20");
        let r = login(&app, &mut browser, "often@example.ro", TEST_PASSWORD).await;
        assert_eq!(r.status, 303, "sign-in {n} from one address");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn a_strangers_wrong_passwords_do_not_lock_the_owner_out() {
    let app = TestApp::new().await;
    signed_in(&app, "victim@example.ro", "operator").await;
    let mut home = Browser::at_address("198.51.100.7");
    assert_eq!(
        login(&app, &mut home, "victim@example.ro", TEST_PASSWORD)
            .await
            .status,
        303
    );
    let mut attacker = Browser::at_address("203.0.113.9");
    let mut answers = Vec::new();
    for _ in 0..8 {
        answers.push(
            login(
                &app,
                &mut attacker,
                "victim@example.ro",
                "guess guess guess",
            )
            .await
            .status
            .as_u16(),
        );
    }
    assert_eq!(&answers[..5], &[401; 5]);
    assert_eq!(&answers[5..], &[429; 3], "the stranger is stopped");

    // The owner, from where they signed in before, still gets in.
    let mut owner = Browser::at_address("198.51.100.7");
    let r = login(&app, &mut owner, "victim@example.ro", TEST_PASSWORD).await;
    assert_eq!(r.status, 303, "{}", r.text());
    // From an address never used, the lock holds and says what to do.
    let mut cafe = Browser::at_address("203.0.113.50");
    let r = login(&app, &mut cafe, "victim@example.ro", TEST_PASSWORD).await;
    assert_eq!(r.status, 429);
    assert!(r.text().contains("reset your password"));
    app.cleanup().await;
}

async fn ask_for_reset(app: &TestApp, browser: &mut Browser, email: &str) {
    let form = browser.get(app, "/en/account/reset").await;
    let token = hidden(&form.text(), "form_token");
    let fields = [("email", email), ("form_token", token.as_str())];
    let r = browser.post_form(app, "/en/account/reset", &fields).await;
    assert_eq!(r.status, 200);
}

/// The reset links queued for `email`, newest first.
async fn reset_links(app: &TestApp, email: &str) -> Vec<String> {
    let person = ghiseu_storage::accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    ghiseu_storage::outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "password-reset")
        .map(|m| {
            let at = m.body.find("token=").unwrap() + 6;
            m.body[at..at + 64].to_string()
        })
        .collect()
}

#[tokio::test]
async fn a_password_reset_opens_the_lock() {
    let app = TestApp::new().await;
    signed_in(&app, "reset.lock@example.ro", "citizen").await;
    let mut attacker = Browser::at_address("203.0.113.9");
    for _ in 0..6 {
        login(
            &app,
            &mut attacker,
            "reset.lock@example.ro",
            "guess guess guess",
        )
        .await;
    }
    let mut traveller = Browser::at_address("203.0.113.77");
    let locked = login(&app, &mut traveller, "reset.lock@example.ro", TEST_PASSWORD).await;
    assert_eq!(locked.status, 429);

    ask_for_reset(&app, &mut traveller, "reset.lock@example.ro").await;
    let link = reset_links(&app, "reset.lock@example.ro").await.remove(0);
    let page = traveller
        .get(&app, &format!("/en/account/reset/new?token={link}"))
        .await
        .text();
    let new_password = "amber meadow violin harbour";
    let fields = [
        ("token", hidden(&page, "token")),
        ("form_token", hidden(&page, "form_token")),
        ("password", new_password.to_string()),
        ("confirm", new_password.to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = traveller
        .post_form(&app, "/en/account/reset/new", &fields)
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    let open = login(&app, &mut traveller, "reset.lock@example.ro", new_password).await;
    assert_eq!(open.status, 303, "the reset opened the lock");
    app.cleanup().await;
}

#[tokio::test]
async fn a_stranger_cannot_use_up_the_owners_reset_requests() {
    let app = TestApp::new().await;
    signed_in(&app, "reset.owner@example.ro", "citizen").await;
    let mut home = Browser::at_address("198.51.100.8");
    let r = login(&app, &mut home, "reset.owner@example.ro", TEST_PASSWORD).await;
    assert_eq!(r.status, 303);
    let mut stranger = Browser::at_address("203.0.113.10");
    for _ in 0..8 {
        ask_for_reset(&app, &mut stranger, "reset.owner@example.ro").await;
    }
    assert_eq!(
        reset_links(&app, "reset.owner@example.ro").await.len(),
        5,
        "the stranger's requests stop at five an hour"
    );
    let mut owner = Browser::at_address("198.51.100.8");
    ask_for_reset(&app, &mut owner, "reset.owner@example.ro").await;
    assert_eq!(
        reset_links(&app, "reset.owner@example.ro").await.len(),
        6,
        "the owner, from their own address, still gets a link"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn one_address_is_stopped_after_many_failures_but_not_others() {
    let app = TestApp::new().await;
    signed_in(&app, "centre@example.ro", "citizen").await;
    let mut sprayer = Browser::at_address("203.0.113.66");
    for n in 0..100 {
        let email = format!("nobody{n}@example.ro");
        let r = login(&app, &mut sprayer, &email, "guess guess guess").await;
        assert_eq!(r.status, 401, "failure {n}");
    }
    let r = login(&app, &mut sprayer, "centre@example.ro", TEST_PASSWORD).await;
    assert_eq!(r.status, 429, "the 101st attempt from the address");
    let mut neighbour = Browser::at_address("203.0.113.67");
    let r = login(&app, &mut neighbour, "centre@example.ro", TEST_PASSWORD).await;
    assert_eq!(r.status, 303);
    app.cleanup().await;
}

#[tokio::test]
async fn the_right_password_and_the_second_factor_open_a_lock() {
    let app = TestApp::new().await;
    let (mut owner, _) = signed_in(&app, "two.step@example.ro", "citizen").await;
    crate::notices::enable_second_factor(&app, &mut owner).await;
    let mut attacker = Browser::at_address("203.0.113.9");
    for _ in 0..6 {
        login(
            &app,
            &mut attacker,
            "two.step@example.ro",
            "guess guess guess",
        )
        .await;
    }
    let mut traveller = Browser::at_address("203.0.113.78");
    let wrong = login(
        &app,
        &mut traveller,
        "two.step@example.ro",
        "guess guess guess",
    )
    .await;
    assert_eq!(wrong.status, 429, "a wrong password meets the lock");
    let right = login(&app, &mut traveller, "two.step@example.ro", TEST_PASSWORD).await;
    assert_eq!(right.status, 303, "{}", right.text());
    assert_eq!(right.headers["location"], "/en/account/login/second-factor");
    assert_eq!(
        traveller.get(&app, "/en/account").await.status,
        303,
        "the password alone opens nothing"
    );
    app.cleanup().await;
}
