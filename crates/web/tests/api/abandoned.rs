//! A client that goes away mid-request: hyper drops the request's future when
//! its connection closes, at whatever point the handler's work is. A write
//! cut there must still end (committed or undone) and leave the database's
//! connections fit for the next one; it used to leave one inside a
//! transaction, and every write that got that connection afterwards failed
//! with 500 ("begin_with at non-zero transaction depth") until a restart.

use crate::support::{TestApp, signed_in};
use axum::body::Body;
use axum::http::{Request, header};
use std::time::Duration;

#[tokio::test]
async fn requests_abandoned_mid_write_leave_later_writes_working() {
    let app = TestApp::new().await;
    let (ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let cookie = ana.cookie_header();
    let change = |days: u64| {
        Request::put("/api/v1/reminders")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie.clone())
            .body(Body::from(format!(
                "{{\"thresholds\": [{}]}}",
                1 + days % 700
            )))
            .unwrap()
    };
    // Given up on after 0 to 1.5 ms: somewhere in the session's look-up,
    // the write's BEGIN, its statements or its COMMIT.
    for i in 0..400u64 {
        app.abandon(change(i), Duration::from_micros(i * 37 % 1500))
            .await;
    }
    for i in 0..5 {
        let r = app.request(change(i)).await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    app.cleanup().await;
}
