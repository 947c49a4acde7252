//! The database keeps a cell from taking more people than it has counters:
//! racing holds, on one pool or two (as two server processes would), give
//! exactly the capacity; cancelling, lapsing and moving give places back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ghiseu_storage::Database;
use ghiseu_storage::accounts::{NewPerson, insert_person};
use ghiseu_storage::appointments::{
    self, BookingHolder, Cancelled, ConfirmOutcome, HoldOutcome, HolderKind, MoveOutcome, NewHold,
};
use ghiseu_storage::testing::TestDatabase;
use std::sync::Arc;

const START: i64 = 1_800_000_000;

async fn people(db: &Database, count: usize) -> Vec<String> {
    let mut tx = db.pool().begin().await.unwrap();
    let mut ids = Vec::new();
    for n in 0..count {
        let id = format!("p{n}");
        let email = format!("{id}@example.ro");
        let new = NewPerson {
            id: &id,
            email: &email,
            password_hash: "x",
            role: "citizen",
            preferred_lang: "ro",
            now: 0,
        };
        assert!(insert_person(&mut tx, &new).await.unwrap());
        ids.push(id);
    }
    tx.commit().await.unwrap();
    ids
}

fn me(id: &str) -> Vec<BookingHolder> {
    vec![BookingHolder {
        kind: HolderKind::Person,
        id: id.to_string(),
    }]
}

/// Holds `cells` for the holders; commits only a place taken.
async fn try_hold(
    db: &Database,
    id: &str,
    person: &str,
    holders: &[BookingHolder],
    cells: &[i64],
    capacity: i64,
    now: i64,
) -> HoldOutcome {
    let mut tx = db.begin_write().await.unwrap();
    let outcome = hold_in(&mut tx, id, person, holders, cells, capacity, now).await;
    if matches!(outcome, HoldOutcome::Placed(_)) {
        tx.commit().await.unwrap();
    } else {
        tx.rollback().await.unwrap();
    }
    outcome
}

/// Holds `cells` for the holders for 300 seconds in the open transaction.
async fn hold_in(
    conn: &mut ghiseu_storage::Connection,
    id: &str,
    person: &str,
    holders: &[BookingHolder],
    cells: &[i64],
    capacity: i64,
    now: i64,
) -> HoldOutcome {
    let reference = format!("APT-{id}");
    let hold = NewHold {
        id,
        reference: &reference,
        authority_id: "ro.passport.alba",
        office_id: "ab-alba-iulia",
        window_kind: "intake",
        service_id: "ro.passport.electronic",
        booked_by: person,
        case_id: None,
        starts_at: cells[0],
        ends_at: cells[cells.len() - 1] + 900,
        cells,
        capacity,
        holders,
        state: "held",
        hold_expires_at: Some(now + 300),
        assigned_by: None,
        now,
    };
    appointments::take_place(conn, &hold).await.unwrap()
}

fn placed(outcome: &HoldOutcome) -> bool {
    matches!(outcome, HoldOutcome::Placed(_))
}

async fn race(dbs: &[Database], racers: usize, capacity: i64) -> usize {
    let ids = people(&dbs[0], racers).await;
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(racers));
    for (n, person) in ids.into_iter().enumerate() {
        let db = dbs[n % dbs.len()].clone();
        let barrier = barrier.clone();
        tasks.spawn(async move {
            barrier.wait().await;
            let booking = format!("b{n}");
            try_hold(&db, &booking, &person, &me(&person), &[START], capacity, 0).await
        });
    }
    let mut placed = 0;
    while let Some(outcome) = tasks.join_next().await {
        match outcome.unwrap() {
            HoldOutcome::Placed(_) => placed += 1,
            HoldOutcome::Full => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(
        appointments::overbooked_cells(&dbs[0])
            .await
            .unwrap()
            .is_empty()
    );
    placed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_holds_get_exactly_the_capacity() {
    for round in 0..3 {
        let test = TestDatabase::new().await;
        let placed = race(std::slice::from_ref(&test.db), 40, 3).await;
        assert_eq!(placed, 3, "round {round}");
        test.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_pools_racing_like_two_processes_get_exactly_the_capacity() {
    for round in 0..3 {
        let test = TestDatabase::new().await;
        let second = Database::connect(&test.url).await.unwrap();
        let placed = race(&[test.db.clone(), second.clone()], 40, 5).await;
        assert_eq!(placed, 5, "round {round}");
        second.close().await;
        test.cleanup().await;
    }
}

#[tokio::test]
async fn a_household_takes_one_seat_each_and_only_where_all_fit() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 2).await;
    let family = vec![
        BookingHolder {
            kind: HolderKind::Person,
            id: ids[0].clone(),
        },
        BookingHolder {
            kind: HolderKind::Ward,
            id: "w1".into(),
        },
        BookingHolder {
            kind: HolderKind::Ward,
            id: "w2".into(),
        },
    ];
    assert!(placed(
        &try_hold(db, "b0", &ids[1], &me(&ids[1]), &[START], 3, 0).await
    ));
    assert_eq!(
        try_hold(db, "b1", &ids[0], &family, &[START], 3, 0).await,
        HoldOutcome::Full
    );
    assert!(placed(
        &try_hold(
            db,
            "b2",
            &ids[0],
            &family,
            &[START + 900, START + 1800],
            3,
            0
        )
        .await
    ));
    let free = appointments::taken_seats(db, "ab-alba-iulia", "intake", START, START + 3600, 0)
        .await
        .unwrap();
    assert_eq!(free.get(&START), Some(&1));
    assert_eq!(free.get(&(START + 900)), Some(&3));
    // The same child cannot hold a second place for the service.
    assert_eq!(
        try_hold(db, "b3", &ids[0], &family[1..2], &[START + 2700], 3, 0).await,
        HoldOutcome::HolderBusy(family[1].clone())
    );
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn cancelling_and_lapsing_give_the_place_back_at_once() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 3).await;
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START], 1, 0).await
    ));
    assert_eq!(
        try_hold(db, "b1", &ids[1], &me(&ids[1]), &[START], 1, 10).await,
        HoldOutcome::Full
    );

    let mut tx = db.begin_write().await.unwrap();
    let cancelled = appointments::cancel(&mut tx, "b0", &ids[0], 20)
        .await
        .unwrap();
    assert!(matches!(cancelled, Cancelled::Done(_)));
    tx.commit().await.unwrap();
    assert!(placed(
        &try_hold(db, "b1", &ids[1], &me(&ids[1]), &[START], 1, 30).await
    ));

    // b1's hold ends at 330: a search after that counts the seat free, and
    // the next hold lapses it on its way in.
    let free = appointments::taken_seats(db, "ab-alba-iulia", "intake", START, START + 1, 331)
        .await
        .unwrap();
    assert_eq!(free.get(&START), Some(&0));
    assert!(placed(
        &try_hold(db, "b2", &ids[2], &me(&ids[2]), &[START], 1, 331).await
    ));
    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(
        appointments::confirm(&mut tx, "b1", 332).await.unwrap(),
        ConfirmOutcome::NotHeld("lapsed".into())
    );
    assert!(matches!(
        appointments::confirm(&mut tx, "b2", 332).await.unwrap(),
        ConfirmOutcome::Confirmed(_)
    ));
    tx.commit().await.unwrap();
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

/// The state of booking `id`, read afresh.
async fn state_of(db: &Database, id: &str) -> String {
    let mut conn = db.pool().acquire().await.unwrap();
    appointments::booking(&mut conn, id)
        .await
        .unwrap()
        .unwrap()
        .state
}

#[tokio::test]
async fn a_hold_lapses_the_expired_holds_in_its_way_and_counts_each_cell_once() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 3).await;
    // Both holds run out at 300: b0's is in the way of the second cell of
    // the slot taken below, b1's is elsewhere.
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START + 900], 1, 0).await
    ));
    assert!(placed(
        &try_hold(db, "b1", &ids[1], &me(&ids[1]), &[START + 2700], 1, 0).await
    ));
    assert_eq!(
        try_hold(
            db,
            "b2",
            &ids[2],
            &me(&ids[2]),
            &[START, START + 900],
            1,
            299
        )
        .await,
        HoldOutcome::Full
    );
    assert!(placed(
        &try_hold(
            db,
            "b2",
            &ids[2],
            &me(&ids[2]),
            &[START, START + 900],
            1,
            300
        )
        .await
    ));
    assert_eq!(state_of(db, "b0").await, "lapsed");
    assert_eq!(state_of(db, "b1").await, "held");
    // Every cell's count is the people holding it: the first cell, taken
    // before the second was found full, is not counted twice.
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn a_holders_expired_hold_gives_way_and_a_live_one_refuses_leaving_the_transaction_usable() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 1).await;
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START], 1, 0).await
    ));
    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(
        hold_in(&mut tx, "b1", &ids[0], &me(&ids[0]), &[START + 900], 1, 100).await,
        HoldOutcome::HolderBusy(me(&ids[0])[0].clone())
    );
    // The refusal failed no statement: on PostgreSQL, where a failed
    // statement ends the transaction, the next one still runs.
    assert!(
        appointments::booking(&mut tx, "b1")
            .await
            .unwrap()
            .is_some()
    );
    tx.rollback().await.unwrap();

    assert!(placed(
        &try_hold(db, "b1", &ids[0], &me(&ids[0]), &[START + 900], 1, 300).await
    ));
    assert_eq!(state_of(db, "b0").await, "lapsed");
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn an_expired_hold_cannot_be_confirmed() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 1).await;
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START], 1, 0).await
    ));
    let mut tx = db.begin_write().await.unwrap();
    assert_eq!(
        appointments::confirm(&mut tx, "b0", 300).await.unwrap(),
        ConfirmOutcome::Expired
    );
    tx.commit().await.unwrap();
    let free = appointments::taken_seats(db, "ab-alba-iulia", "intake", START, START + 1, 300)
        .await
        .unwrap();
    assert_eq!(free.get(&START), Some(&0));
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn moving_takes_the_new_place_and_frees_the_old_up_to_the_limit() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 2).await;
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START], 1, 0).await
    ));
    assert!(placed(
        &try_hold(db, "b1", &ids[1], &me(&ids[1]), &[START + 900], 1, 0).await
    ));
    let mut tx = db.begin_write().await.unwrap();
    assert!(matches!(
        appointments::confirm(&mut tx, "b0", 1).await.unwrap(),
        ConfirmOutcome::Confirmed(_)
    ));
    tx.commit().await.unwrap();

    let mv = |to: i64, max: Option<i64>| {
        let db = db.clone();
        let who = ids[0].clone();
        async move {
            let mut tx = db.begin_write().await.unwrap();
            let outcome =
                appointments::reschedule(&mut tx, "b0", to, to + 900, &[to], 1, max, &who, 2)
                    .await
                    .unwrap();
            if matches!(outcome, MoveOutcome::Moved(_)) {
                tx.commit().await.unwrap();
            } else {
                tx.rollback().await.unwrap();
            }
            outcome
        }
    };
    assert_eq!(mv(START + 900, Some(2)).await, MoveOutcome::Full);
    assert!(matches!(
        mv(START + 1800, Some(2)).await,
        MoveOutcome::Moved(_)
    ));
    assert!(matches!(mv(START, Some(2)).await, MoveOutcome::Moved(_)));
    assert_eq!(mv(START + 2700, Some(2)).await, MoveOutcome::LimitReached);
    // An operator is not bound by the person's limit.
    assert!(matches!(
        mv(START + 2700, None).await,
        MoveOutcome::Moved(_)
    ));
    let free = appointments::taken_seats(db, "ab-alba-iulia", "intake", START, START + 3600, 2)
        .await
        .unwrap();
    assert_eq!(free.get(&START), Some(&0));
    assert_eq!(free.get(&(START + 1800)), Some(&0));
    assert_eq!(free.get(&(START + 2700)), Some(&1));
    assert!(appointments::overbooked_cells(db).await.unwrap().is_empty());
    test.cleanup().await;
}

#[tokio::test]
async fn closures_are_listed_from_a_day_on_removed_one_by_one_and_bookings_on_them_found() {
    let test = TestDatabase::new().await;
    let db = &test.db;
    let ids = people(db, 1).await;
    let mut tx = db.begin_write().await.unwrap();
    for (id, window, day) in [
        ("c1", None, "2026-11-20"),
        ("c2", None, "2026-11-25"),
        ("c3", Some("intake"), "2026-11-26"),
    ] {
        appointments::add_closure(
            &mut tx,
            id,
            "ab-alba-iulia",
            window,
            day,
            "Training / Instruire",
            &ids[0],
            0,
        )
        .await
        .unwrap();
    }
    appointments::add_closure(
        &mut tx,
        "c4",
        "ab-sebes",
        None,
        "2026-11-25",
        "Works",
        &ids[0],
        0,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let upcoming = appointments::upcoming_closures(db, "ab-alba-iulia", "2026-11-23")
        .await
        .unwrap();
    let days: Vec<(&str, Option<&str>)> = upcoming
        .iter()
        .map(|c| (c.day.as_str(), c.window_kind.as_deref()))
        .collect();
    assert_eq!(days, [("2026-11-25", None), ("2026-11-26", Some("intake"))]);
    assert_eq!(upcoming[0].reason, "Training / Instruire");
    assert_eq!(
        appointments::closure(db, "c3")
            .await
            .unwrap()
            .unwrap()
            .office_id,
        "ab-alba-iulia"
    );

    let mut tx = db.begin_write().await.unwrap();
    assert!(appointments::remove_closure(&mut tx, "c2").await.unwrap());
    assert!(
        !appointments::remove_closure(&mut tx, "c2").await.unwrap(),
        "gone already"
    );
    tx.commit().await.unwrap();
    assert!(appointments::closure(db, "c2").await.unwrap().is_none());
    let left = appointments::closures_between(db, "ab-alba-iulia", "2026-11-25", "2026-11-26")
        .await
        .unwrap();
    assert_eq!(left.len(), 1);

    // A booking on a closed day is found, for the whole office or its window.
    assert!(placed(
        &try_hold(db, "b0", &ids[0], &me(&ids[0]), &[START], 3, 0).await
    ));
    for window in [None, Some("intake")] {
        let on_day =
            appointments::holding_between(db, "ab-alba-iulia", window, START, START + 86_400)
                .await
                .unwrap();
        assert_eq!(on_day.len(), 1, "{window:?}");
        assert_eq!(on_day[0].id, "b0");
    }
    let other =
        appointments::holding_between(db, "ab-alba-iulia", Some("handover"), START, START + 86_400)
            .await
            .unwrap();
    assert!(other.is_empty());
    test.cleanup().await;
}
