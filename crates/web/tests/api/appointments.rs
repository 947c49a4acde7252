//! Booking a counter appointment through the API: free slots from the
//! catalogue's hours, holds for a household, confirmation, moves and
//! cancellations, exactly the counters' capacity under a race, and a clear
//! refusal for every wrong request.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};
use serde_json::{Value, json};

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
/// Wednesday 25 November 2026: the Alba office is open until 18:30.
const WEDNESDAY: &str = "2026-11-25";
/// 18:15 in Alba Iulia that Wednesday, the day's last slot.
const LAST_SLOT: &str = "2026-11-25T16:15:00Z";

/// A parent with two children an Alba operator confirmed; returns the
/// parent's browser and the children's ids.
pub(crate) async fn parent_of_two(app: &TestApp, email: &str) -> (Browser, String, Vec<String>) {
    let (parent, parent_id) = signed_in(app, email, "citizen").await;
    let (mut operator, _) = signed_in(app, &format!("op.{email}"), "operator").await;
    for (name, born) in [("Ioana", "2016-05-10"), ("Mihai", "2012-09-03")] {
        let page = operator.get(app, "/en/office/guardianships").await.text();
        let r = operator
            .post_form(
                app,
                "/en/office/guardianships/record",
                &[
                    ("csrf", &hidden(&page, "csrf")),
                    ("guardian_email", email),
                    ("given_name", name),
                    ("family_name", "Pop"),
                    ("birth_date", born),
                    ("relationship", "parent"),
                    ("evidence", "birth-certificate"),
                    ("office", OFFICE),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.text());
    }
    let wards = ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap()
        .into_iter()
        .map(|w| w.ward_id)
        .collect();
    (parent, parent_id, wards)
}

async fn slots(app: &TestApp, date: &str) -> TestResponse {
    app.get(&format!(
        "/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}&date={date}"
    ))
    .await
}

fn free_at(list: &Value, start: &str) -> Option<i64> {
    list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"] == start)
        .map(|s| s["free"].as_i64().unwrap())
}

async fn hold(
    app: &TestApp,
    browser: &mut Browser,
    start: &str,
    holders: &[&str],
    headers: &[(&str, &str)],
) -> TestResponse {
    let body = json!({ "service": SERVICE, "office": OFFICE, "start": start, "holders": holders });
    browser
        .post_json(app, "/api/v1/appointments", &body, headers)
        .await
}

async fn act(
    app: &TestApp,
    browser: &mut Browser,
    id: &str,
    action: &str,
    body: Value,
) -> TestResponse {
    browser
        .post_json(
            app,
            &format!("/api/v1/appointments/{id}/{action}"),
            &body,
            &[],
        )
        .await
}

#[tokio::test]
async fn a_parent_books_a_wednesday_evening_slot_for_three_and_gets_the_calendar_file() {
    let app = TestApp::new().await;
    let list = slots(&app, WEDNESDAY).await;
    assert_eq!(list.status, 200, "{}", list.text());
    let list = list.json();
    assert_eq!(list["time_zone"], "Europe/Bucharest");
    let last = list["slots"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["local_time"], "18:15", "{list}");
    assert_eq!(free_at(&list, LAST_SLOT), Some(3), "three intake counters");

    let (mut parent, held) = hold_the_last_slot_for_three(&app, "parent.three@example.ro").await;
    assert_eq!(held["state"], "held");
    assert_eq!(held["people"], 3);
    assert_eq!(held["local_start"], "2026-11-25T18:15");
    assert!(held["hold_expires_at"].is_string());
    assert!(held["reference"].as_str().unwrap().starts_with("APT-"));
    assert_eq!(
        free_at(&slots(&app, WEDNESDAY).await.json(), LAST_SLOT),
        Some(0)
    );

    let id = held["id"].as_str().unwrap();
    let confirmed = act(&app, &mut parent, id, "confirm", json!({})).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    assert_eq!(confirmed.json()["state"], "confirmed");

    let ics = parent
        .get(&app, &format!("/api/v1/appointments/{id}/calendar.ics"))
        .await;
    assert_eq!(ics.status, 200);
    assert!(ics.content_type().starts_with("text/calendar"));
    let text = ics.text();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("DTSTART:20261125T161500Z"), "{text}");

    let queued =
        ghiseu_storage::outbox::for_person(&app.state.db, &confirmed_owner(&app, id).await)
            .await
            .unwrap();
    let confirmation = queued
        .iter()
        .find(|m| m.kind == "appointment-confirmed")
        .expect("a confirmation is queued");
    assert!(confirmation.body.contains("18:15"), "{}", confirmation.body);
    let file = confirmation
        .attachment
        .as_ref()
        .expect("the calendar file is attached");
    assert_eq!(file.name, "appointment.ics");
    assert!(
        file.body.contains("DTSTART:20261125T161500Z"),
        "{}",
        file.body
    );
    let reminder = queued
        .iter()
        .find(|m| m.kind == "appointment-reminder")
        .expect("a reminder is queued for the day before");
    assert_eq!(reminder.next_attempt_at.to_string(), "2026-11-24T16:15:00Z");

    let mine = parent.get(&app, "/api/v1/appointments").await.json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    app.cleanup().await;
}

async fn confirmed_owner(app: &TestApp, id: &str) -> String {
    let mut conn = app.state.db.pool().acquire().await.unwrap();
    ghiseu_storage::appointments::booking(&mut conn, id)
        .await
        .unwrap()
        .unwrap()
        .booked_by
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_citizens_get_exactly_the_counters_and_clear_refusals() {
    let app = TestApp::new().await;
    let mut racers = Vec::new();
    // Registrations from one address stop at ten an hour.
    for n in 0..9 {
        racers.push(
            signed_in(&app, &format!("racer{n}@example.ro"), "citizen")
                .await
                .0,
        );
    }
    let mut tasks = tokio::task::JoinSet::new();
    for mut browser in racers {
        // Each racer is served by its own app state over the same database,
        // as if by a server process of its own.
        let view = app.at("2026-11-23T08:00:00Z");
        tasks.spawn(async move { hold(&view, &mut browser, LAST_SLOT, &["self"], &[]).await });
    }
    let (mut won, mut full) = (0, 0);
    while let Some(answer) = tasks.join_next().await {
        let answer = answer.unwrap();
        match answer.status.as_u16() {
            201 => won += 1,
            409 => {
                assert_eq!(
                    answer.problem(409)["type"],
                    "https://ghiseu.example/problems/slot-full"
                );
                full += 1;
            }
            other => panic!("unexpected {other}: {}", answer.text()),
        }
    }
    assert_eq!((won, full), (3, 6));
    assert!(
        ghiseu_storage::appointments::overbooked_cells(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    app.cleanup().await;
}

/// The local times of the slots a `slot-full` refusal offers, in its order.
fn nearby_times(refused: &TestResponse) -> Vec<String> {
    let problem = refused.problem(409);
    assert_eq!(
        problem["type"], "https://ghiseu.example/problems/slot-full",
        "{problem}"
    );
    problem["nearby"]
        .as_array()
        .unwrap_or_else(|| panic!("no nearby list: {problem}"))
        .iter()
        .map(|slot| {
            assert_eq!(slot["local_date"], WEDNESDAY, "{problem}");
            slot["local_time"].as_str().unwrap().to_string()
        })
        .collect()
}

/// A parent of two holds Wednesday's last slot for all three, which takes
/// its three places; returns the parent's browser and the booking.
async fn hold_the_last_slot_for_three(app: &TestApp, email: &str) -> (Browser, Value) {
    let (mut parent, _, wards) = parent_of_two(app, email).await;
    let held = hold(
        app,
        &mut parent,
        LAST_SLOT,
        &["self", &wards[0], &wards[1]],
        &[],
    )
    .await;
    assert_eq!(held.status, 201, "{}", held.text());
    (parent, held.json())
}

#[tokio::test]
async fn a_full_slot_offers_the_closest_slots_of_its_day_with_room_for_everyone() {
    let app = TestApp::new().await;
    hold_the_last_slot_for_three(&app, "first.parent@example.ro").await;
    // 18:00 keeps two of its three places.
    let (mut alone, _) = signed_in(&app, "alone@example.ro", "citizen").await;
    let six_pm = "2026-11-25T16:00:00Z";
    assert_eq!(
        hold(&app, &mut alone, six_pm, &["self"], &[]).await.status,
        201
    );

    let (mut second, _, second_wards) = parent_of_two(&app, "second.parent@example.ro").await;
    let family = ["self", second_wards[0].as_str(), second_wards[1].as_str()];
    let refused = hold(&app, &mut second, LAST_SLOT, &family, &[]).await;
    assert_eq!(refused.status, 409, "{}", refused.text());
    let offered = nearby_times(&refused);
    assert_eq!(
        offered,
        [
            "17:45", "17:30", "17:15", "17:00", "16:45", "16:30", "16:15", "16:00"
        ],
        "closest first, none without room for three"
    );
    let problem = refused.problem(409);
    assert_eq!(problem["nearby"][0]["free"], 3, "{problem}");

    // One person may take 18:00, the closest with room for one.
    let (mut late, _) = signed_in(&app, "late@example.ro", "citizen").await;
    let refused = hold(&app, &mut late, LAST_SLOT, &["self"], &[]).await;
    assert_eq!(nearby_times(&refused)[..2], ["18:00", "17:45"]);
    let taken = hold(&app, &mut late, six_pm, &["self"], &[]).await;
    assert_eq!(taken.status, 201, "{}", taken.text());

    // What is offered can be held.
    let start = refused.problem(409)["nearby"][1]["start"]
        .as_str()
        .unwrap()
        .to_string();
    let (mut taker, _) = signed_in(&app, "taker@example.ro", "citizen").await;
    let held = hold(&app, &mut taker, &start, &["self"], &[]).await;
    assert_eq!(held.status, 201, "{}", held.text());
    assert_eq!(held.json()["local_start"], "2026-11-25T17:45");
    app.cleanup().await;
}

/// Slots offered by a refusal are a search by another door: they count
/// against the address's search limit, and past it the refusal offers none.
#[tokio::test]
async fn a_full_slots_offer_counts_as_a_search_and_stops_at_the_limit() {
    let app = TestApp::new().await;
    hold_the_last_slot_for_three(&app, "full.family@example.ro").await;

    let (mut prober, _) = signed_in(&app, "prober@example.ro", "citizen").await;
    prober.peer = Some("198.51.100.23:40000".parse().unwrap());
    let refused = hold(&app, &mut prober, LAST_SLOT, &["self"], &[]).await;
    assert_eq!(nearby_times(&refused).len(), 8, "the first offer is made");
    // The booking page lists the day's slots itself, offers nothing, and
    // counts nothing against the address.
    let page = crate::appointment_pages::book(&app, &mut prober, "en", LAST_SLOT, &["self"]).await;
    assert_eq!(page.status, 409, "{}", page.text());
    let path =
        format!("/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}&date={WEDNESDAY}");
    for n in 2..=120 {
        let search = prober.get(&app, &path).await;
        assert_eq!(search.status, 200, "search {n}: {}", search.text());
    }
    let refused = hold(&app, &mut prober, LAST_SLOT, &["self"], &[]).await;
    let problem = refused.problem(409);
    assert_eq!(
        problem["type"], "https://ghiseu.example/problems/slot-full",
        "{problem}"
    );
    assert!(problem.get("nearby").is_none(), "past the limit: {problem}");
    let search = prober.get(&app, &path).await;
    assert_eq!(search.status, 429, "{}", search.text());

    // Another address is offered them still.
    let (mut other, _) = signed_in(&app, "other.prober@example.ro", "citizen").await;
    other.peer = Some("198.51.100.24:40000".parse().unwrap());
    let refused = hold(&app, &mut other, LAST_SLOT, &["self"], &[]).await;
    assert_eq!(nearby_times(&refused).len(), 8);
    app.cleanup().await;
}

pub(crate) fn problem_type(response: &TestResponse) -> String {
    serde_json::from_slice::<Value>(&response.body).unwrap()["type"]
        .as_str()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn wrong_slots_and_holders_are_refused_and_nothing_is_booked() {
    let app = TestApp::new().await;
    let (mut parent, _, wards) = parent_of_two(&app, "parent.wrong@example.ro").await;
    let (_, stranger_parent, stranger_wards) = parent_of_two(&app, "other.parent@example.ro").await;
    let _ = stranger_parent;
    let cases: [(&str, &[&str], u16, &str); 8] = [
        // Monday 23 November, 09:00 local: before "now" (10:00).
        ("2026-11-23T07:00:00Z", &["self"], 422, "slot-in-past"),
        // Wednesday 19:00 local: after closing.
        (
            "2026-11-25T17:00:00Z",
            &["self"],
            422,
            "outside-opening-hours",
        ),
        // 1 December is Romania's national day.
        ("2026-12-01T08:00:00Z", &["self"], 422, "public-holiday"),
        // 24 December opens on 24 November: not released yet.
        ("2026-12-24T08:00:00Z", &["self"], 422, "not-released"),
        // Beyond the 90-day horizon.
        ("2027-03-03T08:00:00Z", &["self"], 422, "beyond-horizon"),
        // 09:40 is not a start on the 15-minute grid.
        ("2026-11-25T07:40:00Z", &["self"], 422, "not-a-slot-start"),
        // Someone else's child.
        (
            LAST_SLOT,
            &[stranger_wards[0].as_str()],
            422,
            "not-in-household",
        ),
        (LAST_SLOT, &["self", "self"], 422, "holders"),
    ];
    for (start, holders, status, kind) in cases {
        let r = hold(&app, &mut parent, start, holders, &[]).await;
        assert_eq!(
            r.status.as_u16(),
            status,
            "{start} {holders:?}: {}",
            r.text()
        );
        assert_eq!(problem_type(&r), kind, "{start}: {}", r.text());
    }
    let r = hold(&app, &mut parent, "tomorrow", &["self"], &[]).await;
    assert_eq!(r.status, 422);
    assert_eq!(
        free_at(&slots(&app, WEDNESDAY).await.json(), LAST_SLOT),
        Some(3)
    );

    // One booking per holder and service.
    assert_eq!(
        hold(&app, &mut parent, LAST_SLOT, &[&wards[0]], &[])
            .await
            .status,
        201
    );
    let again = hold(&app, &mut parent, "2026-11-25T16:00:00Z", &[&wards[0]], &[]).await;
    assert_eq!(
        (again.status.as_u16(), problem_type(&again)),
        (409, "already-booked".into())
    );
    assert!(
        ghiseu_storage::appointments::overbooked_cells(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
    app.cleanup().await;
}

#[tokio::test]
async fn an_idempotency_key_returns_the_first_booking_and_refuses_another_body() {
    let app = TestApp::new().await;
    let (mut citizen, _) = signed_in(&app, "retry@example.ro", "citizen").await;
    let key = [("Idempotency-Key", "c0ffee-1")];
    let first = hold(&app, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let again = hold(&app, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.json()["id"], first.json()["id"]);
    let other = hold(&app, &mut citizen, "2026-11-25T16:00:00Z", &["self"], &key).await;
    assert_eq!(
        (other.status.as_u16(), problem_type(&other)),
        (422, "idempotency-key-reused".into())
    );
    assert_eq!(
        free_at(&slots(&app, WEDNESDAY).await.json(), LAST_SLOT),
        Some(2)
    );
    assert_eq!(
        citizen
            .get(&app, "/api/v1/appointments")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    app.cleanup().await;
}

/// What a server that died between doing the work and keeping its answer
/// leaves behind: the key claimed, with no answer.
async fn forget_answer(app: &TestApp, key: &str) {
    let forgotten = ghiseu_storage::testing::forget_idempotent_answer(&app.state.db, key).await;
    assert_eq!(forgotten, 1);
}

#[tokio::test]
async fn a_key_whose_server_died_is_taken_over_and_the_retry_gets_the_same_booking() {
    let app = TestApp::new().await;
    let (mut citizen, person) = signed_in(&app, "orphan@example.ro", "citizen").await;
    let key = [("Idempotency-Key", "held-then-died")];
    let first = hold(&app, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(first.status, 201, "{}", first.text());
    forget_answer(&app, "held-then-died").await;

    // Moments later the first request may still be under way elsewhere.
    let soon = hold(&app, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(
        (soon.status.as_u16(), problem_type(&soon)),
        (409, "conflict".into())
    );

    // Its request may run for the page timeout (30 s), plus a margin for a
    // write it had sent: until then the key stays with it.
    let not_yet = app.at("2026-11-23T08:00:34Z");
    let waited = hold(&not_yet, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(waited.status, 409, "{}", waited.text());

    // A claim is freed only by its own request: one made at another time is not.
    let claimed_at = app.state.clock.now().as_microsecond();
    let freed = |at: i64| {
        ghiseu_storage::idempotency::release_claim_made_at(
            &app.state.db,
            &person,
            "held-then-died",
            at,
        )
    };
    assert_eq!(freed(claimed_at - 1).await.unwrap(), 0);

    // Once it cannot be, the retry takes the key over and finds the hold made.
    let later = app.at("2026-11-23T08:00:36Z");
    let retried = hold(&later, &mut citizen, LAST_SLOT, &["self"], &key).await;
    assert_eq!(retried.status, 201, "{}", retried.text());
    assert_eq!(retried.json()["id"], first.json()["id"]);
    assert_eq!(
        free_at(&slots(&later, WEDNESDAY).await.json(), LAST_SLOT),
        Some(2)
    );
    let id = first.json()["id"].as_str().unwrap().to_string();

    // The same for the confirmation: one answer, one message.
    let key = [("Idempotency-Key", "confirmed-then-died")];
    let path = format!("/api/v1/appointments/{id}/confirm");
    let confirmed = citizen.post_json(&later, &path, &json!({}), &key).await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.text());
    forget_answer(&later, "confirmed-then-died").await;
    let after = app.at("2026-11-23T08:03:00Z");
    let retried = citizen.post_json(&after, &path, &json!({}), &key).await;
    assert_eq!(retried.status, 200, "{}", retried.text());
    assert_eq!(retried.json()["state"], "confirmed");
    let confirmations = ghiseu_storage::outbox::for_person(&app.state.db, &person)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "appointment-confirmed")
        .count();
    assert_eq!(confirmations, 1);
    let mine = citizen.get(&after, "/api/v1/appointments").await.json();
    assert_eq!(mine.as_array().unwrap().len(), 1);

    // A claim whose request failed is freed by that request, and only while
    // it has no answer; the key is then new to a retry.
    use ghiseu_storage::idempotency::{Claim, claim, release_claim_made_at};
    let at = after.state.clock.now().as_microsecond();
    let made = claim(&app.state.db, &person, "lost-ack", "h", at, at - 35_000_000);
    assert_eq!(made.await.unwrap(), Claim::New);
    let again = claim(
        &app.state.db,
        &person,
        "lost-ack",
        "h",
        at + 1,
        at - 35_000_000,
    );
    assert_eq!(again.await.unwrap(), Claim::InFlight);
    let freed = release_claim_made_at(&app.state.db, &person, "lost-ack", at);
    assert_eq!(freed.await.unwrap(), 1);
    let retried = claim(
        &app.state.db,
        &person,
        "lost-ack",
        "h",
        at + 2,
        at - 35_000_000,
    );
    assert_eq!(retried.await.unwrap(), Claim::New);
    app.cleanup().await;
}

#[tokio::test]
async fn an_unconfirmed_hold_lapses_and_its_place_comes_back() {
    let app = TestApp::new().await;
    let (mut citizen, _) = signed_in(&app, "slow@example.ro", "citizen").await;
    let held = hold(&app, &mut citizen, LAST_SLOT, &["self"], &[])
        .await
        .json();
    let id = held["id"].as_str().unwrap().to_string();
    let later = app.at("2026-11-23T08:06:00Z");
    assert_eq!(
        free_at(&slots(&later, WEDNESDAY).await.json(), LAST_SLOT),
        Some(3)
    );
    let late = act(&later, &mut citizen, &id, "confirm", json!({})).await;
    assert_eq!(
        (late.status.as_u16(), problem_type(&late)),
        (409, "hold-expired".into())
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_booking_moves_twice_then_needs_an_operator_and_a_cancellation_frees_it() {
    let app = TestApp::new().await;
    let (mut citizen, _) = signed_in(&app, "mover@example.ro", "citizen").await;
    let held = hold(&app, &mut citizen, LAST_SLOT, &["self"], &[])
        .await
        .json();
    let id = held["id"].as_str().unwrap().to_string();
    assert_eq!(
        act(&app, &mut citizen, &id, "confirm", json!({}))
            .await
            .status,
        200
    );
    for start in ["2026-11-25T16:00:00Z", "2026-11-25T15:45:00Z"] {
        let moved = act(
            &app,
            &mut citizen,
            &id,
            "reschedule",
            json!({ "start": start }),
        )
        .await;
        assert_eq!(moved.status, 200, "{}", moved.text());
        assert_eq!(moved.json()["start"], start);
    }
    let third = act(
        &app,
        &mut citizen,
        &id,
        "reschedule",
        json!({ "start": LAST_SLOT }),
    )
    .await;
    assert_eq!(
        (third.status.as_u16(), problem_type(&third)),
        (409, "reschedule-limit".into())
    );
    let list = slots(&app, WEDNESDAY).await.json();
    assert_eq!(free_at(&list, LAST_SLOT), Some(3));
    assert_eq!(free_at(&list, "2026-11-25T16:00:00Z"), Some(3));
    assert_eq!(free_at(&list, "2026-11-25T15:45:00Z"), Some(2));

    let cancelled = act(&app, &mut citizen, &id, "cancel", json!({})).await;
    assert_eq!(cancelled.json()["state"], "cancelled");
    assert_eq!(
        free_at(&slots(&app, WEDNESDAY).await.json(), "2026-11-25T15:45:00Z"),
        Some(3)
    );
    let owner = confirmed_owner(&app, &id).await;
    let reminders: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &owner)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "appointment-reminder")
        .collect();
    assert_eq!(reminders.len(), 3, "one per confirmation and move");
    assert!(
        reminders
            .iter()
            .all(|m| m.status == ghiseu_storage::outbox::Status::Withdrawn),
        "a cancelled booking sends no reminder"
    );
    let cancellations: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &owner)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "appointment-cancelled")
        .collect();
    assert_eq!(cancellations.len(), 1, "one cancellation e-mail");
    let sent = ghiseu_storage::outbox::get(&app.state.db, &cancellations[0].id)
        .await
        .unwrap()
        .unwrap();
    let file = sent.attachment.expect("the cancelling calendar file");
    for line in ["METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:3"] {
        assert!(file.body.contains(line), "{line}: {}", file.body);
    }
    let twice = act(&app, &mut citizen, &id, "cancel", json!({})).await;
    assert_eq!(
        (twice.status.as_u16(), problem_type(&twice)),
        (409, "not-active".into())
    );

    // Someone else's booking looks like none.
    let (mut other, _) = signed_in(&app, "nosy@example.ro", "citizen").await;
    assert_eq!(
        other
            .get(&app, &format!("/api/v1/appointments/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        act(&app, &mut other, &id, "cancel", json!({})).await.status,
        404
    );
    app.cleanup().await;
}

#[tokio::test]
async fn the_first_free_slot_is_found_at_one_office_or_across_offices() {
    let app = TestApp::new().await;
    let first = app
        .get(&format!(
            "/api/v1/appointments/first?service={SERVICE}&office={OFFICE}&people=3"
        ))
        .await;
    assert_eq!(first.status, 200, "{}", first.text());
    let first = first.json();
    // Monday 23 November at 10:00: the next start on the grid is 10:15.
    assert_eq!(first[0]["local_start"], "2026-11-23T10:15");
    assert_eq!(first[0]["free"], 3);
    let everywhere = app
        .get("/api/v1/appointments/first?service=ro.igi.residence-permit")
        .await;
    assert_eq!(everywhere.status, 200, "{}", everywhere.text());
    let everywhere = everywhere.json();
    assert!(everywhere.as_array().unwrap().len() >= 2, "{everywhere}");
    app.cleanup().await;
}

/// The bundled catalogue with Alba's waiting room opening above 5 searches
/// and booking attempts a second, drawing lots for 1 s and admitting 2
/// people a second.
fn crowded_catalogue() -> ghiseu_domain::catalogue::Catalogue {
    let mut sources = ghiseu_storage::catalogue_files::bundled();
    for file in &mut sources.authorities {
        file.text = file
            .text
            .replace(
                "waiting_room_threshold_per_second = 200",
                "waiting_room_threshold_per_second = 5",
            )
            .replace(
                "waiting_room_admit_per_second = 100",
                "waiting_room_admit_per_second = 2",
            )
            .replace(
                "waiting_room_draw_seconds = 5",
                "waiting_room_draw_seconds = 1",
            );
    }
    ghiseu_domain::catalogue::Catalogue::load(&sources).unwrap()
}

fn slots_path(date: &str) -> String {
    format!("/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}&date={date}")
}

#[tokio::test]
async fn the_waiting_room_draws_lots_for_its_first_second_then_lines_people_up_in_arrival_order() {
    let app = TestApp::new().await;
    let mut people = Vec::new();
    for n in 0..5 {
        people.push(
            signed_in(&app, &format!("crowd{n}@example.ro"), "citizen")
                .await
                .0,
        );
    }
    let opening = app.with_catalogue(crowded_catalogue(), "2026-11-23T08:00:00Z");
    // Attempts the catalogue refuses outright are no demand on the database:
    // they never open the room.
    for _ in 0..8 {
        let r = hold(
            &opening,
            &mut people[0],
            "2026-11-25T07:40:00Z",
            &["self"],
            &[],
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.text());
    }
    // Searches are demand: the sixth in one second opens the room. Signed
    // out, a search is not lined up (it shows what any visitor sees).
    for _ in 0..6 {
        let r = opening.get(&slots_path(WEDNESDAY)).await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    // Everyone signed in who comes in the room's first second draws a lot,
    // and nobody is let through until the draw is over: the quickest to ask
    // is not ahead of those who asked a moment later.
    for person in &mut people[..3] {
        let r = person.get(&opening, &slots_path(WEDNESDAY)).await;
        assert_eq!(
            (r.status.as_u16(), problem_type(&r)),
            (429, "waiting-room".into()),
            "{}",
            r.text()
        );
        assert_eq!(r.json()["place"], 0);
        // Back when the draw ends, spread over up to two seconds more.
        let back: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
        assert!((1..=3).contains(&back), "{back}");
    }
    let r = hold(&opening, &mut people[0], LAST_SLOT, &["self"], &[]).await;
    assert_eq!(problem_type(&r), "waiting-room", "{}", r.text());

    // Half a second after the draw, in another server process (a fresh
    // state over the same database): the room lets two through at once,
    // so two of the three lots are through and one waits at the front.
    let drawn = app.with_catalogue(crowded_catalogue(), "2026-11-23T08:00:01.500Z");
    let mut through = 0;
    let mut unlucky = None;
    for (n, person) in people[..3].iter_mut().enumerate() {
        let r = person.get(&drawn, &slots_path(WEDNESDAY)).await;
        match r.status.as_u16() {
            200 => through += 1,
            429 => {
                assert_eq!(r.json()["place"], 0, "{}", r.text());
                unlucky = Some(n);
            }
            other => panic!("{other}: {}", r.text()),
        }
    }
    assert_eq!(through, 2);
    let unlucky = unlucky.unwrap();
    // Those who come after the draw take numbers behind the lots, in order,
    // and asking again keeps the place.
    let fourth = people[3].get(&drawn, &slots_path(WEDNESDAY)).await;
    assert_eq!(fourth.json()["place"], 1, "{}", fourth.text());
    assert_eq!(fourth.headers["retry-after"], "1");
    // Asking again before that second is over is answered when it is: a
    // program polling without waiting is held back, and keeps its place.
    let asked = std::time::Instant::now();
    let early = people[3].get(&drawn, &slots_path(WEDNESDAY)).await;
    assert!(asked.elapsed() >= std::time::Duration::from_millis(950));
    assert_eq!(early.json()["place"], 1, "{}", early.text());
    let page = people[4]
        .get(
            &drawn,
            &format!("/en/appointments/new?service={SERVICE}&office={OFFICE}&date={WEDNESDAY}"),
        )
        .await;
    assert_eq!(page.status, 200);
    let page = page.text();
    assert!(page.contains("you are in a waiting room"), "{page}");
    assert!(page.contains("2 people are ahead of you"), "{page}");
    assert!(
        !page.contains("name=\"start\""),
        "no slot to choose while in line"
    );
    let again = hold(&drawn, &mut people[3], LAST_SLOT, &["self"], &[]).await;
    assert_eq!(again.json()["place"], 1, "{}", again.text());

    // A second later the lots and the first number are through, and book.
    let later = app.with_catalogue(crowded_catalogue(), "2026-11-23T08:00:02.500Z");
    let let_in = hold(&later, &mut people[3], LAST_SLOT, &["self"], &[]).await;
    assert_eq!(let_in.status, 201, "{}", let_in.text());
    let_in_too(&later, &mut people[unlucky]).await;
    // The fifth, two numbers behind, is now at the front.
    let next = people[4].get(&later, &slots_path(WEDNESDAY)).await;
    assert_eq!(next.json()["place"], 0, "{}", next.text());
    app.cleanup().await;
}

async fn let_in_too(app: &TestApp, browser: &mut Browser) {
    let r = hold(app, browser, "2026-11-25T15:45:00Z", &["self"], &[]).await;
    assert_eq!(r.status, 201, "{}", r.text());
}
