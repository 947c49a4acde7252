//! Searching free slots over several days at once, and only the free ones:
//! the week view a booking page shows, in one request.

use crate::support::{TestApp, signed_in};
use serde_json::{Value, json};

const SLOTS: &str =
    "/api/v1/appointments/slots?service=ro.passport.electronic&office=ab-alba-iulia";
/// 18:15 in Alba Iulia on Wednesday 25 November 2026, the day's last slot.
const LAST_SLOT: &str = "2026-11-25T16:15:00Z";

fn listed(list: &Value) -> Vec<(String, String, i64)> {
    list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["local_date"].as_str().unwrap().to_owned(),
                s["start"].as_str().unwrap().to_owned(),
                s["free"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn several_days_come_in_one_answer_and_full_slots_can_be_left_out() {
    let app = TestApp::new().await;
    // Wednesday to Saturday: the office is closed on Saturday.
    let week = app.get(&format!("{SLOTS}&date=2026-11-25&days=4")).await;
    assert_eq!(week.status, 200, "{}", week.text());
    let slots = listed(&week.json());
    let mut days: Vec<&str> = slots.iter().map(|(d, _, _)| d.as_str()).collect();
    days.dedup();
    assert_eq!(days, ["2026-11-25", "2026-11-26", "2026-11-27"]);
    let starts: Vec<&str> = slots.iter().map(|(_, s, _)| s.as_str()).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted, "earliest first");
    let one_day = app.get(&format!("{SLOTS}&date=2026-11-25")).await;
    let wednesday = listed(&one_day.json());
    assert_eq!(
        wednesday.len(),
        slots.iter().filter(|(d, _, _)| d == "2026-11-25").count()
    );

    // Three people fill the last Wednesday slot (three counters).
    for n in 0..3 {
        let (mut person, _) = signed_in(&app, &format!("week{n}@example.ro"), "citizen").await;
        let body = json!({ "service": "ro.passport.electronic", "office": "ab-alba-iulia",
            "start": LAST_SLOT, "holders": ["self"] });
        let r = person
            .post_json(&app, "/api/v1/appointments", &body, &[])
            .await;
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let all = listed(
        &app.get(&format!("{SLOTS}&date=2026-11-25&days=2"))
            .await
            .json(),
    );
    assert!(all.iter().any(|(_, s, free)| s == LAST_SLOT && *free == 0));
    let free = listed(
        &app.get(&format!("{SLOTS}&date=2026-11-25&days=2&only_free=true"))
            .await
            .json(),
    );
    assert!(free.iter().all(|(_, s, n)| s != LAST_SLOT && *n > 0));
    assert_eq!(free.len() + 1, all.len());

    for days in [0, 15] {
        let r = app
            .get(&format!("{SLOTS}&date=2026-11-25&days={days}"))
            .await;
        assert_eq!(r.status, 422, "{}", r.text());
        assert_eq!(r.json()["errors"][0]["field"], "days");
    }
    app.cleanup().await;
}
