//! The booking limits: thirty booking writes per account in a minute, then a
//! 429 that says when to come back; the next minute starts afresh.

use crate::support::{Browser, TestApp, signed_in};
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

/// The search limit (120 a minute from one address) holds across servers:
/// each takes its counts to the database once a second and learns the
/// others'. Two servers over one database; their clocks run from 08:00:00,
/// so the test ends well inside one minute.
#[tokio::test]
async fn searches_from_one_address_are_counted_across_servers() {
    let base = TestApp::new().await;
    let start: jiff::Timestamp = "2026-11-23T08:00:00Z".parse().unwrap();
    let path = "/api/v1/appointments/slots?service=ro.passport.electronic&office=ab-alba-iulia&date=2026-11-25";
    let first = base.configured(ghiseu_app::Clock::starting_at(start), |_| {});
    let mut visitor = Browser::at_address("198.51.100.7");
    let mut search = async |app: &TestApp| visitor.get(app, path).await.status.as_u16();
    for n in 0..100 {
        assert_eq!(search(&first).await, 200, "search {n} on the first server");
    }
    // A second later the first server takes its 101 to the database.
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert_eq!(search(&first).await, 200);

    // The second server, alone, would let 120 through. Its first ten are its
    // own; a second later it shares them and learns of the first's 101.
    let second = base.configured(ghiseu_app::Clock::starting_at(start), |_| {});
    for n in 0..10 {
        assert_eq!(
            search(&second).await,
            200,
            "search {n} on the second server"
        );
    }
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert_eq!(search(&second).await, 200, "the 112th");
    for n in 113..=120 {
        assert_eq!(search(&second).await, 200, "the {n}th");
    }
    let limited = visitor.get(&second, path).await;
    assert_eq!(limited.status, 429, "the 121st: {}", limited.text());
    assert!(
        limited.text().contains("too-many-requests"),
        "{}",
        limited.text()
    );
    assert!(limited.headers.contains_key("retry-after"));

    // Another address is not held back by it.
    let other = Browser::at_address("198.51.100.8").get(&second, path).await;
    assert_eq!(other.status, 200, "{}", other.text());
    base.cleanup().await;
}
