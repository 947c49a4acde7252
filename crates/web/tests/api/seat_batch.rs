//! Holds racing in one server process: on SQLite the seats asked for while
//! another write runs are written in one transaction, each under its own
//! savepoint, so a refused seat must leave the others and the slot's count
//! exactly as if each had its own transaction.

use crate::appointments::problem_type;
use crate::support::{Browser, TestApp, signed_in};
use serde_json::json;
use std::sync::Arc;

/// 18:15 in Alba Iulia on Wednesday 25 November 2026, three counters.
const LAST_SLOT: &str = "2026-11-25T16:15:00Z";
const WEDNESDAY_SLOTS: &str = "/api/v1/appointments/slots?service=ro.passport.electronic&office=ab-alba-iulia&date=2026-11-25";
/// 18:00 the same evening.
const EARLIER_SLOT: &str = "2026-11-25T16:00:00Z";

async fn hold(app: &TestApp, person: &mut Browser, start: &str) -> (u16, String) {
    let body = json!({ "service": "ro.passport.electronic", "office": "ab-alba-iulia",
        "start": start, "holders": ["self"] });
    let r = person
        .post_json(app, "/api/v1/appointments", &body, &[])
        .await;
    let code = if r.status.as_u16() == 201 {
        String::new()
    } else {
        problem_type(&r)
    };
    (r.status.as_u16(), code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refused_seat_in_a_crowd_leaves_the_others_and_the_count_exact() {
    let app = TestApp::new().await;
    // Registrations from one address stop at ten an hour: nine people.
    let mut booked = Vec::new();
    for n in 0..3 {
        let (mut person, _) = signed_in(&app, &format!("booked{n}@example.ro"), "citizen").await;
        assert_eq!(hold(&app, &mut person, EARLIER_SLOT).await.0, 201);
        booked.push(person);
    }
    let slots = [LAST_SLOT, "2026-11-25T15:45:00Z", "2026-11-25T15:30:00Z"];
    for (round, start) in slots.into_iter().enumerate() {
        // Two without an appointment and one who has one, for three
        // counters: nobody is turned away for want of room, so the one
        // refused is refused by the database, among the others' seats.
        let mut racers = vec![(false, booked.remove(0))];
        for n in 0..2 {
            let email = format!("fresh{round}.{n}@example.ro");
            racers.push((true, signed_in(&app, &email, "citizen").await.0));
        }
        // One process for all three, so their seats meet in its queue.
        let view = Arc::new(app.at("2026-11-23T08:00:00Z"));
        let mut tasks = tokio::task::JoinSet::new();
        for (is_fresh, mut person) in racers {
            let view = view.clone();
            tasks.spawn(async move { (is_fresh, hold(&view, &mut person, start).await) });
        }
        let mut answers = Vec::new();
        while let Some(done) = tasks.join_next().await {
            answers.push(done.unwrap());
        }
        for (is_fresh, (status, code)) in &answers {
            if *is_fresh {
                assert_eq!(*status, 201, "{answers:?}");
            } else {
                assert_eq!(
                    (*status, code.as_str()),
                    (409, "already-booked"),
                    "{answers:?}"
                );
            }
        }
        // A process that has not read the day yet asks the database.
        let list = app
            .at("2026-11-23T08:00:00Z")
            .get(WEDNESDAY_SLOTS)
            .await
            .json();
        let free = list["slots"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["start"] == start)
            .map(|s| s["free"].as_i64().unwrap());
        assert_eq!(free, Some(1), "two of three counters taken at {start}");
        assert!(
            ghiseu_storage::appointments::overbooked_cells(&app.state.db)
                .await
                .unwrap()
                .is_empty(),
            "every cell counts exactly the people booked in it"
        );
    }
    app.cleanup().await;
}
