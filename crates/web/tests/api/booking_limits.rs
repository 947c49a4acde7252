//! The booking limits: thirty booking writes per account in a minute, then a
//! 429 that says when to come back; the next minute starts afresh.

use crate::support::{TestApp, signed_in};
use serde_json::json;

#[tokio::test]
async fn the_thirty_first_booking_write_in_a_minute_waits_for_the_next_minute() {
    let base = TestApp::new().await;
    let (mut person, _) = signed_in(&base, "busy@example.ro", "citizen").await;
    let body = json!({ "service": "ro.passport.electronic", "office": "ab-alba-iulia",
        "start": "2026-11-25T09:00:00Z", "holders": ["self"] });
    let app = base.with_catalogue(base.state.catalogue.clone(), "2026-11-23T08:00:10Z");
    for n in 0..30 {
        let r = person
            .post_json(&app, "/api/v1/appointments", &body, &[])
            .await;
        let expected = if n == 0 { 201 } else { 409 };
        assert_eq!(r.status, expected, "attempt {n}: {}", r.text());
        if n == 1 {
            assert!(
                r.text().contains("You already have an appointment"),
                "{}",
                r.text()
            );
        }
    }
    let limited = person
        .post_json(&app, "/api/v1/appointments", &body, &[])
        .await;
    assert_eq!(limited.status, 429, "{}", limited.text());
    assert!(
        limited.text().contains("too-many-requests"),
        "{}",
        limited.text()
    );
    assert_eq!(
        limited
            .headers
            .get("retry-after")
            .unwrap()
            .to_str()
            .unwrap(),
        "50"
    );
    let next_minute = base.with_catalogue(base.state.catalogue.clone(), "2026-11-23T08:01:00Z");
    let again = person
        .post_json(&next_minute, "/api/v1/appointments", &body, &[])
        .await;
    assert_eq!(
        again.status,
        409,
        "already booked, no longer limited: {}",
        again.text()
    );
    base.cleanup().await;
}
