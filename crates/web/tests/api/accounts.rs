use crate::support::{Browser, TestApp, hidden};
use ghiseu_storage::{accounts, outbox};

const PASSWORD: &str = "linden river copper lantern";

/// The verification link's token from the last message queued for `email`.
async fn link_token(app: &TestApp, email: &str) -> String {
    token_of(app, email, "email-verification").await
}

/// Registers and confirms the address through the pages, as a person does.
async fn sign_up(app: &TestApp, browser: &mut Browser, email: &str) {
    register(app, browser, email, PASSWORD).await;
    let verified = verify(app, browser, &link_token(app, email).await).await;
    assert_eq!(verified.status, 200, "{email} is verified");
}

async fn register(
    app: &TestApp,
    browser: &mut Browser,
    email: &str,
    password: &str,
) -> crate::support::TestResponse {
    let form = browser.get(app, "/en/account/register").await;
    assert_eq!(form.status, 200);
    let token = hidden(&form.text(), "form_token");
    browser
        .post_form(
            app,
            "/en/account/register",
            &[
                ("email", email),
                ("password", password),
                ("confirm", password),
                ("form_token", &token),
            ],
        )
        .await
}

async fn verify(app: &TestApp, browser: &mut Browser, token: &str) -> crate::support::TestResponse {
    let page = browser
        .get(app, &format!("/en/account/verify?token={token}"))
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    browser
        .post_form(
            app,
            "/en/account/verify",
            &[
                ("token", &hidden(&html, "token")),
                ("form_token", &hidden(&html, "form_token")),
            ],
        )
        .await
}

async fn login(
    app: &TestApp,
    browser: &mut Browser,
    email: &str,
    password: &str,
) -> crate::support::TestResponse {
    let form = browser.get(app, "/en/account/login").await;
    let token = hidden(&form.text(), "form_token");
    browser
        .post_form(
            app,
            "/en/account/login",
            &[
                ("email", email),
                ("password", password),
                ("form_token", &token),
            ],
        )
        .await
}

#[tokio::test]
async fn register_verify_sign_in_and_out() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    let registered = register(&app, &mut browser, "Ana.Pop@Example.RO", PASSWORD).await;
    assert_eq!(registered.status, 200, "{}", registered.text());
    assert!(registered.text().contains("Check your e-mail"));

    let email = "Ana.Pop@example.ro";
    let before = login(&app, &mut browser, email, PASSWORD).await;
    assert_eq!(
        before.status, 403,
        "an unverified address cannot sign in yet"
    );
    assert!(before.text().contains("Confirm your e-mail address first"));

    let token = link_token(&app, email).await;
    let verified = verify(&app, &mut browser, &token).await;
    assert_eq!(verified.status, 200, "{}", verified.text());
    assert!(verified.text().contains("Your e-mail address is confirmed"));
    let again = verify(&app, &mut browser, &token).await;
    assert_eq!(again.status, 410, "a token works once");

    let signed_in = login(&app, &mut browser, email, PASSWORD).await;
    assert_eq!(signed_in.status, 303, "{}", signed_in.text());
    assert_eq!(signed_in.headers["location"], "/en/account");
    let cookie = signed_in.headers["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let account = browser.get(&app, "/en/account").await;
    assert_eq!(account.status, 200);
    assert!(account.text().contains(email));
    let csrf = hidden(&account.text(), "csrf");

    let forged = browser
        .post_form(&app, "/en/account/logout", &[("csrf", "not-the-token")])
        .await;
    assert_eq!(forged.status, 403, "sign-out needs the form's token");
    let out = browser
        .post_form(&app, "/en/account/logout", &[("csrf", &csrf)])
        .await;
    assert_eq!(out.status, 303);
    assert_eq!(
        browser.get(&app, "/en/account").await.status,
        303,
        "signed out: back to the login page"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_account_page_needs_a_session() {
    let app = TestApp::new().await;
    let r = app.get("/ro/account").await;
    assert_eq!(r.status, 303);
    assert_eq!(
        r.headers["location"], "/ro/account/login?next=%2Fro%2Faccount",
        "back to the account once signed in"
    );
    let forged = app
        .get_with("/en/account", "cookie", "ghiseu_session=0000")
        .await;
    assert_eq!(forged.status, 303);
    app.cleanup().await;
}

#[tokio::test]
async fn bad_registrations_are_explained_and_nothing_is_written() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    let long = format!("{}@example.com", "a".repeat(300));
    for (email, password, confirm, field, says) in [
        (
            "not-an-address",
            PASSWORD,
            PASSWORD,
            "#email",
            "like name@example.com",
        ),
        (
            long.as_str(),
            PASSWORD,
            PASSWORD,
            "#email",
            "at most 254 characters",
        ),
        (
            "ana@example",
            PASSWORD,
            PASSWORD,
            "#email",
            "must be a domain",
        ),
        (
            "ana@example.com",
            "short",
            "short",
            "#password",
            "at least 10 characters",
        ),
        (
            "ana@example.com",
            "password123",
            "password123",
            "#password",
            "too easy to guess",
        ),
        (
            "ana@example.com",
            PASSWORD,
            "linden river copper",
            "#confirm",
            "not the same",
        ),
    ] {
        let form = browser.get(&app, "/en/account/register").await;
        let token = hidden(&form.text(), "form_token");
        let r = browser
            .post_form(
                &app,
                "/en/account/register",
                &[
                    ("email", email),
                    ("password", password),
                    ("confirm", confirm),
                    ("form_token", &token),
                ],
            )
            .await;
        assert_eq!(r.status, 422, "{email}/{password}");
        let html = r.text();
        assert!(html.contains("class=\"error-summary\""), "{email}");
        assert!(
            html.contains(&format!("href=\"{field}\"")),
            "{email}: {field}"
        );
        assert!(html.contains(says), "{email}: {says}");
        assert!(
            !html.contains(password) || password == "short",
            "the password is not echoed back"
        );
    }
    assert!(
        accounts::person_by_email(&app.state.db, "ana@example.com")
            .await
            .unwrap()
            .is_none()
    );
    let forged = browser
        .post_form(
            &app,
            "/en/account/register",
            &[
                ("email", "x@example.com"),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
                ("form_token", "forged"),
            ],
        )
        .await;
    assert_eq!(
        forged.status, 403,
        "a form without its anti-forgery token is refused"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn registering_a_taken_address_reveals_nothing() {
    let app = TestApp::new().await;
    let mut first = Browser::default();
    let a = register(&app, &mut first, "ion@example.md", PASSWORD).await;
    let mut second = Browser::default();
    let b = register(
        &app,
        &mut second,
        "ion@example.md",
        "another long passphrase here",
    )
    .await;
    assert_eq!((a.status, b.status), (b.status, a.status));
    assert_eq!(a.text(), b.text(), "the same page either way");
    let due = outbox::claim(
        &app.state.db,
        std::time::Duration::from_secs(60),
        10,
        app.state.clock.now(),
    )
    .await
    .unwrap();
    let kinds: Vec<&str> = due.iter().map(|m| m.kind.as_str()).collect();
    assert!(
        kinds.contains(&"email-verification") && kinds.contains(&"registration-attempt"),
        "{kinds:?}"
    );
    // Both paths write the same kinds of record, the repeated one an audit
    // event of its own, so neither is quicker to answer.
    let ion = accounts::person_by_email(&app.state.db, "ion@example.md")
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<String> = ghiseu_storage::audit::for_subject(&app.state.db, &ion.id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert!(
        actions.contains(&"account.registered".to_string())
            && actions.contains(&"account.registration-repeated".to_string()),
        "{actions:?}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn wrong_and_unknown_credentials_get_the_same_answer_and_are_throttled() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    sign_up(&app, &mut browser, "maria@example.lt").await;
    let wrong = login(
        &app,
        &mut browser,
        "maria@example.lt",
        "wrong password entirely",
    )
    .await;
    let unknown = login(
        &app,
        &mut browser,
        "nobody@example.lt",
        "wrong password entirely",
    )
    .await;
    assert_eq!((wrong.status.as_u16(), unknown.status.as_u16()), (401, 401));
    assert!(
        wrong
            .text()
            .contains("The e-mail address or the password is not right")
    );
    for _ in 0..4 {
        login(
            &app,
            &mut browser,
            "maria@example.lt",
            "wrong password entirely",
        )
        .await;
    }
    let blocked = login(&app, &mut browser, "maria@example.lt", PASSWORD).await;
    assert_eq!(
        blocked.status, 429,
        "the sixth attempt in 15 minutes is refused, even with the right password"
    );
    let later = app.at("2026-11-23T08:20:00Z");
    let mut fresh = Browser::default();
    assert_eq!(
        login(&later, &mut fresh, "maria@example.lt", PASSWORD)
            .await
            .status,
        303,
        "the window passes"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_expired_or_unknown_link_is_refused() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    register(&app, &mut browser, "vlad@example.ro", PASSWORD).await;
    let token = link_token(&app, "vlad@example.ro").await;
    let tomorrow = app.at("2026-11-24T08:00:01Z");
    let expired = verify(&tomorrow, &mut browser, &token).await;
    assert_eq!(expired.status, 410);
    assert!(expired.text().contains("This link has expired"));
    let unknown = verify(&app, &mut browser, &"ab".repeat(32)).await;
    assert_eq!(unknown.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    let app = TestApp::new().await;
    let mut phone = Browser::default();
    sign_up(&app, &mut phone, "elena@example.ro").await;
    let mut laptop = Browser::default();
    assert_eq!(
        login(&app, &mut phone, "elena@example.ro", PASSWORD)
            .await
            .status,
        303
    );
    assert_eq!(
        login(&app, &mut laptop, "elena@example.ro", PASSWORD)
            .await
            .status,
        303
    );
    let csrf = hidden(&phone.get(&app, "/en/account").await.text(), "csrf");
    assert_eq!(
        phone
            .post_form(&app, "/en/account/logout-everywhere", &[("csrf", &csrf)])
            .await
            .status,
        303
    );
    assert_eq!(
        laptop.get(&app, "/en/account").await.status,
        303,
        "the other device is signed out too"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    sign_up(&app, &mut browser, "dan@example.ro").await;
    assert_eq!(
        login(&app, &mut browser, "dan@example.ro", PASSWORD)
            .await
            .status,
        303
    );
    assert_eq!(
        browser
            .get(&app.at("2026-11-23T08:29:00Z"), "/en/account")
            .await
            .status,
        200
    );
    assert_eq!(
        browser
            .get(&app.at("2026-11-23T09:10:00Z"), "/en/account")
            .await
            .status,
        303,
        "idle for 41 minutes"
    );
    app.cleanup().await;
}

/// The token of the newest queued message of `kind` for `email`.
async fn token_of(app: &TestApp, email: &str, kind: &str) -> String {
    let person = accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
        .unwrap();
    let messages = outbox::for_person(&app.state.db, &person.id).await.unwrap();
    let message = messages
        .iter()
        .find(|m| m.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} message"));
    assert_eq!(message.recipient, email);
    let at = message.body.find("token=").expect("a link with a token");
    message.body[at + 6..at + 6 + 64].to_string()
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_single_use_link() {
    let app = TestApp::new().await;
    let mut phone = Browser::default();
    sign_up(&app, &mut phone, "irina@example.md").await;
    assert_eq!(
        login(&app, &mut phone, "irina@example.md", PASSWORD)
            .await
            .status,
        303
    );

    let mut laptop = Browser::default();
    let form = laptop.get(&app, "/en/account/reset").await;
    let token = hidden(&form.text(), "form_token");
    let sent = laptop
        .post_form(
            &app,
            "/en/account/reset",
            &[("email", "irina@example.md"), ("form_token", &token)],
        )
        .await;
    assert_eq!(sent.status, 200);
    let unknown = laptop
        .post_form(
            &app,
            "/en/account/reset",
            &[("email", "nobody@example.md"), ("form_token", &token)],
        )
        .await;
    assert_eq!(
        sent.text(),
        unknown.text(),
        "the answer does not tell whether the address has an account"
    );

    let reset = token_of(&app, "irina@example.md", "password-reset").await;
    let page = laptop
        .get(&app, &format!("/en/account/reset/new?token={reset}"))
        .await;
    let html = page.text();
    let (link, form_token) = (hidden(&html, "token"), hidden(&html, "form_token"));
    let weak = [
        ("token", link.as_str()),
        ("form_token", &form_token),
        ("password", "password1"),
        ("confirm", "password1"),
    ];
    assert_eq!(
        laptop
            .post_form(&app, "/en/account/reset/new", &weak)
            .await
            .status,
        422,
        "a weak password is refused and the link stays usable"
    );
    let new_password = "amber meadow violin harbour";
    let good = [
        ("token", link.as_str()),
        ("form_token", &form_token),
        ("password", new_password),
        ("confirm", new_password),
    ];
    let done = laptop.post_form(&app, "/en/account/reset/new", &good).await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(
        laptop
            .post_form(&app, "/en/account/reset/new", &good)
            .await
            .status,
        410,
        "the link works once"
    );

    assert_eq!(
        phone.get(&app, "/en/account").await.status,
        303,
        "the other sessions ended"
    );
    assert_eq!(
        login(&app, &mut laptop, "irina@example.md", PASSWORD)
            .await
            .status,
        401,
        "the old password no longer works"
    );
    assert_eq!(
        login(&app, &mut laptop, "irina@example.md", new_password)
            .await
            .status,
        303
    );
    app.cleanup().await;
}

#[tokio::test]
async fn security_events_are_audited_in_an_unbroken_chain() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    sign_up(&app, &mut browser, "radu@example.ro").await;
    login(
        &app,
        &mut browser,
        "radu@example.ro",
        "not the right one at all",
    )
    .await;
    login(&app, &mut browser, "radu@example.ro", PASSWORD).await;
    let person = accounts::person_by_email(&app.state.db, "radu@example.ro")
        .await
        .unwrap()
        .unwrap();
    let entries = ghiseu_storage::audit::for_subject(&app.state.db, &person.id, 10)
        .await
        .unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .rev()
        .map(|e| e.event.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "account.registered",
            "account.email-verified",
            "login.failed",
            "login.succeeded"
        ]
    );
    let report = ghiseu_storage::audit::verify(&app.state.db).await.unwrap();
    assert_eq!(report.entries, 4);
    app.cleanup().await;
}

#[tokio::test]
async fn a_person_sees_the_messages_sent_to_them_and_nobody_else_does() {
    let app = TestApp::new().await;
    let mut ana = Browser::default();
    sign_up(&app, &mut ana, "ana.m@example.ro").await;
    login(&app, &mut ana, "ana.m@example.ro", PASSWORD).await;
    let page = ana.get(&app, "/en/account/messages").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains("Confirm your e-mail address for Ghiseu")
            && html.contains("Waiting to be sent"),
        "{html}"
    );
    let claimed = outbox::claim(
        &app.state.db,
        std::time::Duration::from_secs(60),
        10,
        app.state.clock.now(),
    )
    .await
    .unwrap();
    for m in claimed {
        outbox::mark_sent(&app.state.db, &m.id, app.state.clock.now())
            .await
            .unwrap();
    }
    assert!(
        ana.get(&app, "/ro/account/messages")
            .await
            .text()
            .contains("Trimis")
    );

    let mut ion = Browser::default();
    sign_up(&app, &mut ion, "ion.m@example.ro").await;
    login(&app, &mut ion, "ion.m@example.ro", PASSWORD).await;
    assert!(
        !ion.get(&app, "/en/account/messages")
            .await
            .text()
            .contains("ana.m@example.ro")
    );
    assert_eq!(
        app.get("/en/account/messages").await.status,
        303,
        "no session, no messages"
    );
    app.cleanup().await;
}

fn code_for(secret_grouped: &str, at: &str) -> String {
    let secret = secret_grouped.replace(' ', "");
    let bytes = totp_rs::Secret::Encoded(secret).to_bytes().unwrap();
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into()).unwrap();
    let seconds = at.parse::<jiff::Timestamp>().unwrap().as_second();
    totp.generate(u64::try_from(seconds).unwrap())
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    &html[at..at + html[at..].find(end).unwrap()]
}

#[tokio::test]
async fn sign_in_codes_and_recovery_codes() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    sign_up(&app, &mut browser, "sorin@example.ro").await;
    assert_eq!(
        login(&app, &mut browser, "sorin@example.ro", PASSWORD)
            .await
            .status,
        303
    );

    let page = browser.get(&app, "/en/account/second-factor").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<svg"), "a QR code to scan");
    let secret = between(&html, "<code id=\"totp-secret\">", "</code>").to_string();
    let csrf = hidden(&html, "csrf");
    let wrong = browser
        .post_form(
            &app,
            "/en/account/second-factor",
            &[("code", "000000"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("That code is not right"));
    let now = "2026-11-23T08:00:00Z";
    let enabled = browser
        .post_form(
            &app,
            "/en/account/second-factor",
            &[("code", &code_for(&secret, now)), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(enabled.status, 200, "{}", enabled.text());
    let codes_html = enabled.text();
    let codes: Vec<String> = codes_html
        .split("<li><code>")
        .skip(1)
        .map(|p| p[..p.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(codes.len(), 10);

    // Signing in now takes a second step; the password alone opens nothing.
    let later = app.at("2026-11-23T08:05:00Z");
    let mut phone = Browser::default();
    let first = login(&later, &mut phone, "sorin@example.ro", PASSWORD).await;
    assert_eq!(first.headers["location"], "/en/account/login/second-factor");
    assert_eq!(
        phone.get(&later, "/en/account").await.status,
        303,
        "a pending session is not a session"
    );
    let bad = phone
        .post_form(
            &later,
            "/en/account/login/second-factor",
            &[("code", "123456")],
        )
        .await;
    assert_eq!(bad.status, 401);
    let code = code_for(&secret, "2026-11-23T08:05:00Z");
    let ok = phone
        .post_form(
            &later,
            "/en/account/login/second-factor",
            &[("code", &code)],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    assert_eq!(phone.get(&later, "/en/account").await.status, 200);

    // The same code cannot be used twice.
    let mut thief = Browser::default();
    login(&later, &mut thief, "sorin@example.ro", PASSWORD).await;
    assert_eq!(
        thief
            .post_form(
                &later,
                "/en/account/login/second-factor",
                &[("code", &code)]
            )
            .await
            .status,
        401
    );

    // A recovery code works once.
    let mut laptop = Browser::default();
    login(&later, &mut laptop, "sorin@example.ro", PASSWORD).await;
    let recovered = laptop
        .post_form(
            &later,
            "/en/account/login/second-factor",
            &[("code", &codes[3].to_uppercase())],
        )
        .await;
    assert_eq!(recovered.status, 303);
    let mut again = Browser::default();
    login(&later, &mut again, "sorin@example.ro", PASSWORD).await;
    assert_eq!(
        again
            .post_form(
                &later,
                "/en/account/login/second-factor",
                &[("code", &codes[3])]
            )
            .await
            .status,
        401
    );
    app.cleanup().await;
}

#[tokio::test]
async fn registrations_from_one_place_are_limited() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    for i in 0..30 {
        let r = register(
            &app,
            &mut browser,
            &format!("person{i}@example.ro"),
            PASSWORD,
        )
        .await;
        assert_eq!(r.status, 200, "registration {i}");
    }
    let eleventh = register(&app, &mut browser, "person30@example.ro", PASSWORD).await;
    assert_eq!(eleventh.status, 429);
    assert!(eleventh.text().contains("Too many new accounts"));
    assert!(
        accounts::person_by_email(&app.state.db, "person30@example.ro")
            .await
            .unwrap()
            .is_none()
    );
    let next_hour = app.at("2026-11-23T09:00:01Z");
    assert_eq!(
        register(&next_hour, &mut browser, "person30@example.ro", PASSWORD)
            .await
            .status,
        200
    );
    app.cleanup().await;
}

async fn ask_again(
    app: &TestApp,
    browser: &mut Browser,
    email: &str,
) -> crate::support::TestResponse {
    let form = browser.get(app, "/en/account/verify/resend").await;
    assert_eq!(form.status, 200);
    let token = hidden(&form.text(), "form_token");
    browser
        .post_form(
            app,
            "/en/account/verify/resend",
            &[("email", email), ("form_token", &token)],
        )
        .await
}

async fn links_sent(app: &TestApp, email: &str) -> usize {
    let Some(person) = accounts::person_by_email(&app.state.db, email)
        .await
        .unwrap()
    else {
        return 0;
    };
    outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.kind == "email-verification")
        .count()
}

/// A lost or expired link is sent again, and the new one confirms the
/// address. The page reads the same for an unknown or confirmed address;
/// one address gets at most three links an hour, whoever asks, and one
/// client is stopped after ten requests.
#[tokio::test]
async fn the_confirmation_link_is_sent_again_without_telling_who_has_an_account() {
    let app = TestApp::new().await;
    let mut browser = Browser::default();
    assert_eq!(
        register(&app, &mut browser, "again@example.ro", PASSWORD)
            .await
            .status,
        200
    );
    let checking = browser.get(&app, "/en/account/login").await.text();
    assert!(
        checking.contains("href=\"/en/account/verify/resend\""),
        "offered on sign-in"
    );
    let first = link_token(&app, "again@example.ro").await;

    let answered = ask_again(&app, &mut browser, "again@example.ro").await;
    assert_eq!(answered.status, 200);
    let said = answered.text();
    assert!(said.contains("If an account with this address is waiting to be confirmed"));
    assert_eq!(links_sent(&app, "again@example.ro").await, 2);
    let person = accounts::person_by_email(&app.state.db, "again@example.ro")
        .await
        .unwrap()
        .unwrap();
    let second = outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.kind == "email-verification")
        .map(|m| {
            let at = m.body.find("token=").expect("a link with a token");
            m.body[at + 6..at + 6 + 64].to_string()
        })
        .find(|token| *token != first)
        .expect("a new link");
    assert_eq!(verify(&app, &mut browser, &second).await.status, 200);

    // A confirmed address and an unknown one read the same, and get nothing.
    for other in ["again@example.ro", "nobody@example.ro"] {
        let r = ask_again(&app, &mut browser, other).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.text(), said, "the same page for {other}");
    }
    assert_eq!(links_sent(&app, "again@example.ro").await, 2);

    // Someone asking for another person's address fills no mailbox.
    assert_eq!(
        register(&app, &mut browser, "victim@example.ro", PASSWORD)
            .await
            .status,
        200
    );
    for _ in 0..5 {
        let mut stranger = Browser::default();
        assert_eq!(
            ask_again(&app, &mut stranger, "victim@example.ro")
                .await
                .status,
            200
        );
    }
    assert_eq!(
        links_sent(&app, "victim@example.ro").await,
        1 + 3,
        "three more an hour at most"
    );

    // One client asking again and again is stopped.
    let statuses = {
        let mut statuses = Vec::new();
        for n in 0..12 {
            let r = ask_again(&app, &mut browser, &format!("try{n}@example.ro")).await;
            statuses.push(r.status.as_u16());
        }
        statuses
    };
    assert!(statuses.contains(&429), "{statuses:?}");
    let bad = ask_again(&app, &mut Browser::at_address("10.0.0.9"), "not an address").await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("aria-invalid=\"true\""));
    app.cleanup().await;
}
