//! Issue 3 in a real browser: register, verify through the e-mail a real
//! SMTP server received, turn on sign-in codes and sign in with one, ask to
//! act for a child, have an operator confirm it, and see the child.

use super::{Stack, assert_accessible, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use ghiseu_notify::testing::{SmtpServer, parse_message};
use serde_json::json;
use std::time::{Duration, Instant};

const PASSWORD: &str = "linden river copper lantern";

pub(crate) async fn type_into(client: &Client, id: &str, text: &str) {
    let field = wait_for(client, &format!("#{id}")).await;
    field.clear().await.expect("clear a field");
    field.send_keys(text).await.expect("type into a field");
}

pub(crate) async fn click(client: &Client, selector: &str) {
    wait_for(client, selector)
        .await
        .click()
        .await
        .expect("click");
}

/// Date inputs take keyboard input in the browser's locale format, so the value is set directly.
pub(crate) async fn set_value(client: &Client, id: &str, value: &str) {
    client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![json!(id), json!(value)],
        )
        .await
        .expect("set a field");
}

/// Waits until the page shows `text`: after a form is sent, the old page
/// stays up for a moment, so its elements cannot tell the new one apart.
pub(crate) async fn wait_for_text(client: &Client, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let source = client.source().await.expect("page source");
        if source.contains(text) {
            return source;
        }
        assert!(
            Instant::now() < deadline,
            "{text:?} did not appear; the page is:\n{source}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(crate) async fn sign_in(stack: &Stack, client: &Client, email: &str, password: &str) {
    client
        .goto(&stack.url("/en/account/login"))
        .await
        .expect("open login");
    type_into(client, "email", email).await;
    type_into(client, "password", password).await;
    click(client, "#login").await;
}

fn code_at(secret: &str, seconds: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.replace(' ', ""))
        .to_bytes()
        .expect("base32 secret");
    let totp = totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into())
        .expect("totp");
    totp.generate(seconds)
}

fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The link of the first message the SMTP server receives (the worker polls every few seconds).
async fn link_from_mail(smtp: &SmtpServer) -> String {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        if let Some(path) = smtp.received().first() {
            let body = parse_message(path)["body"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let at = body.find("http://").expect("a link in the message");
            return body[at..]
                .chars()
                .take_while(|c| !c.is_whitespace())
                .collect();
        }
        assert!(
            Instant::now() < deadline,
            "no e-mail arrived at the SMTP server within 40 s"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_parent_registers_verifies_by_mail_signs_in_with_a_code_and_adds_a_child() {
    let smtp = SmtpServer::start();
    let env = [
        ("GHISEU_SMTP_HOST", "127.0.0.1".to_string()),
        ("GHISEU_SMTP_PORT", smtp.port.to_string()),
        ("GHISEU_SMTP_SECURITY", "none".to_string()),
    ];
    let stack = Stack::start_with(&["--demo"], &env);
    let parent = stack.browser().await;
    let scenario = async {
        // Register and verify through the e-mail.
        parent
            .goto(&stack.url("/en/account/register"))
            .await
            .expect("open register");
        assert_accessible(&parent).await;
        type_into(&parent, "email", "elena.browser@example.ro").await;
        type_into(&parent, "password", PASSWORD).await;
        type_into(&parent, "confirm", PASSWORD).await;
        click(&parent, "#register").await;
        wait_for_text(&parent, "Check your e-mail").await;
        let link = link_from_mail(&smtp).await;
        parent
            .goto(&link)
            .await
            .expect("open the link from the e-mail");
        click(&parent, "#verify").await;
        wait_for_text(&parent, "Your e-mail address is confirmed").await;

        // Sign in and turn on sign-in codes.
        sign_in(&stack, &parent, "elena.browser@example.ro", PASSWORD).await;
        wait_for_path(&parent, "/en/account").await;
        parent
            .goto(&stack.url("/en/account/second-factor"))
            .await
            .expect("open second factor");
        assert_accessible(&parent).await;
        let secret = wait_for(&parent, "#totp-secret")
            .await
            .text()
            .await
            .expect("secret");
        let enrolled_at = now_seconds();
        type_into(&parent, "code", &code_at(&secret, enrolled_at)).await;
        click(&parent, "#enable-second-factor").await;
        wait_for(&parent, "#recovery-codes").await;

        // Sign out, then in again with a code of the next time step: the one
        // an authenticator whose clock runs a little ahead shows, which the
        // server takes (a step either side) and which was not used before.
        parent
            .goto(&stack.url("/en/account"))
            .await
            .expect("open account");
        click(&parent, "#logout").await;
        wait_for_path(&parent, "/en/account/login").await;
        sign_in(&stack, &parent, "elena.browser@example.ro", PASSWORD).await;
        wait_for_path(&parent, "/en/account/login/second-factor").await;
        type_into(&parent, "code", &code_at(&secret, enrolled_at + 30)).await;
        click(&parent, "#second-step").await;
        wait_for_path(&parent, "/en/account").await;

        // Ask to act for a child.
        parent
            .goto(&stack.url("/en/account/household"))
            .await
            .expect("open household");
        type_into(&parent, "given_name", "Ioana").await;
        type_into(&parent, "family_name", "Popescu").await;
        set_value(&parent, "birth_date", "2016-05-10").await;
        click(&parent, "#office option[value='ab-alba-iulia']").await;
        click(&parent, "#add-ward").await;
        wait_for(&parent, "#wards").await;
        wait_for_text(&parent, "Waiting for an operator").await;
        assert!(
            parent
                .source()
                .await
                .expect("source")
                .contains("Waiting for an operator")
        );
        assert_accessible(&parent).await;

        // The demo operator confirms it.
        let password = {
            let lines = stack.output.lock().map(|l| l.clone()).unwrap_or_default();
            let line = lines
                .iter()
                .find(|l| l.contains("operator.alba@demo.ghiseu.example"))
                .expect("the demo operator's password is printed");
            line.rsplit("password: ")
                .next()
                .expect("a password")
                .trim()
                .to_string()
        };
        let operator = stack.browser().await;
        sign_in(
            &stack,
            &operator,
            "operator.alba@demo.ghiseu.example",
            &password,
        )
        .await;
        wait_for_path(&operator, "/en/account").await;
        operator
            .goto(&stack.url("/en/office/guardianships"))
            .await
            .expect("open the queue");
        assert_accessible(&operator).await;
        click(&operator, "button[value=confirm]").await;
        wait_for(&operator, "#no-requests").await;
        operator
            .close()
            .await
            .expect("close the operator's browser");

        // The parent now sees the child.
        parent
            .goto(&stack.url("/en/account/household"))
            .await
            .expect("reload household");
        parent
            .find(Locator::LinkText("Ioana Popescu"))
            .await
            .expect("a link to the child")
            .click()
            .await
            .expect("open the child");
        let source = wait_for_text(&parent, "10 May 2016").await;
        assert!(source.contains("Ioana Popescu"), "{source}");
        assert_accessible(&parent).await;
    };
    if tokio::time::timeout(Duration::from_secs(240), scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within 240 s");
    }
    parent.close().await.expect("close the browser");
}

/// The link of the first message the demo mailbox shows for `address`,
/// reloading while the delivery worker has not sent it yet.
async fn link_from_demo_mailbox(stack: &Stack, client: &Client, address: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        client
            .goto(&stack.url(&format!("/en/demo/mailbox?address={address}")))
            .await
            .expect("open the demo mailbox");
        if let Ok(link) = client.find(Locator::Css("a.mailbox-link")).await {
            assert_accessible(client).await;
            return link
                .attr("href")
                .await
                .expect("the link's address")
                .expect("a link");
        }
        assert!(
            Instant::now() < deadline,
            "the demo mailbox showed no message for {address} within 40 s"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_newcomer_registers_and_verifies_through_the_demo_mailbox() {
    let stack = Stack::start_with(&["--demo"], &[]);
    let newcomer = stack.browser().await;
    let scenario = async {
        let address = "oksana.newcomer@example.org";
        newcomer
            .goto(&stack.url("/en/account/register"))
            .await
            .expect("open register");
        type_into(&newcomer, "email", address).await;
        type_into(&newcomer, "password", PASSWORD).await;
        type_into(&newcomer, "confirm", PASSWORD).await;
        click(&newcomer, "#register").await;
        wait_for_text(&newcomer, "Check your e-mail").await;
        let link = link_from_demo_mailbox(&stack, &newcomer, address).await;
        assert!(link.contains("/account/verify?token="), "{link}");
        newcomer.goto(&link).await.expect("open the link");
        click(&newcomer, "#verify").await;
        wait_for_text(&newcomer, "Your e-mail address is confirmed").await;
        // Someone else's address shows nothing of hers.
        newcomer
            .goto(&stack.url("/en/demo/mailbox?address=someone.else@example.org"))
            .await
            .expect("open the demo mailbox");
        wait_for(&newcomer, "#mailbox-empty").await;
    };
    if tokio::time::timeout(Duration::from_secs(120), scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within 120 s");
    }
    newcomer.close().await.expect("close the browser");
}
