//! Behind a reverse proxy the client's address is the right-most hop the
//! proxy added: a client writing its own `X-Forwarded-For` neither escapes a
//! per-address limit nor puts a false address into the audit log.

use crate::support::{Browser, TestApp, hidden};
use ghiseu_storage::sign_in;

async fn failed_login(app: &TestApp, browser: &mut Browser) -> u16 {
    let form = browser.get(app, "/en/account/login").await;
    let token = hidden(&form.text(), "form_token");
    let fields = [
        ("email", "proxied@example.ro"),
        ("password", "guess guess guess"),
        ("form_token", token.as_str()),
    ];
    browser
        .post_form(app, "/en/account/login", &fields)
        .await
        .status
        .as_u16()
}

#[tokio::test]
async fn a_forged_forwarded_address_is_not_believed() {
    let base = TestApp::new().await;
    let (_, id) = crate::support::signed_in(&base, "proxied@example.ro", "citizen").await;
    let app = base.behind_proxies(&["127.0.0.0/8"]);
    for n in 1..=4 {
        // The proxy on 127.0.0.1 appends the real peer, 203.0.113.9, to what the client wrote.
        let mut forger = Browser::at_address("127.0.0.1");
        forger
            .headers
            .push(("x-forwarded-for".into(), format!("10.9.9.{n}, 203.0.113.9")));
        assert_eq!(failed_login(&app, &mut forger).await, 401);
    }
    let now = app.state.clock.now().as_microsecond();
    let window = 15 * 60 * 1_000_000;
    let counted = sign_in::failures(&app.state.db, "login:client:203.0.113.9", window, now)
        .await
        .unwrap();
    assert_eq!(counted, 4, "every attempt counts against the real address");
    for n in 1..=4 {
        let forged = format!("login:client:10.9.9.{n}");
        assert_eq!(
            sign_in::failures(&app.state.db, &forged, window, now)
                .await
                .unwrap(),
            0
        );
    }
    let events = ghiseu_storage::audit::for_subject(&app.state.db, &id, 20)
        .await
        .unwrap();
    let sources: Vec<_> = events
        .iter()
        .filter(|e| e.event.action == "login.failed")
        .map(|e| e.event.source_ip.clone().unwrap_or_default())
        .collect();
    assert_eq!(sources, vec!["203.0.113.9"; 4]);

    // A client that is not a configured proxy is its own address, whatever it writes.
    let mut direct = Browser::at_address("198.51.100.4");
    direct
        .headers
        .push(("x-forwarded-for".into(), "127.0.0.1".into()));
    failed_login(&app, &mut direct).await;
    assert_eq!(
        sign_in::failures(&app.state.db, "login:client:198.51.100.4", window, now)
            .await
            .unwrap(),
        1
    );
    base.cleanup().await;
}
