//! Booking a counter appointment through the citizen's pages, as a browser
//! without JavaScript does: choose the day and slot, who comes, confirm,
//! move, cancel; every refusal is an error summary on the page.

use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
/// 18:15 in Alba Iulia on Wednesday 25 November 2026, the day's last slot.
const LAST_SLOT: &str = "2026-11-25T16:15:00Z";

/// A parent with two children an Alba operator confirmed; returns the
/// parent's browser and the children's ids.
async fn parent_of_two(app: &TestApp, email: &str) -> (Browser, Vec<String>) {
    let (parent, _, wards) = crate::appointments::parent_of_two(app, email).await;
    (parent, wards)
}

fn location(response: &TestResponse) -> String {
    assert_eq!(response.status, 303, "{}", response.text());
    response.headers["location"].to_str().unwrap().to_string()
}

/// The slot starts a page offers, in order.
fn starts(page: &str) -> Vec<String> {
    page.split("name=\"start\" value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// Asks for `start` through the booking form, as a browser posts it.
pub(crate) async fn book(
    app: &TestApp,
    browser: &mut Browser,
    lang: &str,
    start: &str,
    holders: &[&str],
) -> TestResponse {
    let page = browser
        .get(
            app,
            &format!("/{lang}/appointments/new?service={SERVICE}&office={OFFICE}&date=2026-11-25"),
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("service", SERVICE),
        ("office", OFFICE),
        ("date", "2026-11-25"),
        ("start", start),
    ];
    fields.extend(holders.iter().map(|h| ("holder", *h)));
    browser
        .post_form(app, &format!("/{lang}/appointments"), &fields)
        .await
}

#[tokio::test]
async fn a_parent_books_confirms_moves_and_cancels_through_the_pages() {
    let app = TestApp::new().await;
    let (mut parent, wards) = parent_of_two(&app, "pages.parent@example.ro").await;

    let dashboard = parent.get(&app, "/en/applications").await.text();
    assert!(dashboard.contains("href=\"/en/appointments\""));
    let list = parent.get(&app, "/en/appointments").await.text();
    assert!(list.contains("/en/appointments/new"), "{list}");

    // Without a day, the form opens on the first free slot's day.
    let form = parent
        .get(&app, &format!("/en/appointments/new?service={SERVICE}"))
        .await;
    assert_eq!(form.status, 200, "{}", form.text());
    let form = form.text();
    assert!(form.contains("name=\"date\" value=\"2026-11-2"), "{form}");
    assert!(form.contains("Ioana Pop") && form.contains("Mihai Pop"));

    let wednesday = parent
        .get(
            &app,
            &format!("/en/appointments/new?service={SERVICE}&office={OFFICE}&date=2026-11-25"),
        )
        .await
        .text();
    assert!(starts(&wednesday).contains(&LAST_SLOT.to_string()));
    assert!(wednesday.contains("18:15 (3 free places)"), "{wednesday}");

    let held = book(
        &app,
        &mut parent,
        "en",
        LAST_SLOT,
        &["self", &wards[0], &wards[1]],
    )
    .await;
    let page_href = location(&held);
    assert!(page_href.starts_with("/en/appointments/"));
    let id = page_href.rsplit('/').next().unwrap().to_string();
    let page = parent.get(&app, &page_href).await.text();
    for expected in [
        "18:15",
        "Ioana Pop",
        "Mihai Pop",
        "Me",
        "Held, not confirmed yet",
        "id=\"confirm\"",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    let csrf = hidden(&page, "csrf");

    let confirmed = parent
        .post_form(&app, &format!("{page_href}/confirm"), &[("csrf", &csrf)])
        .await;
    assert_eq!(location(&confirmed), format!("{page_href}?done=booked"));
    let page = parent.get(&app, &location(&confirmed)).await.text();
    assert!(page.contains("Confirmed"), "{page}");
    assert!(
        page.contains("Your appointment is booked. What to bring"),
        "{page}"
    );
    assert!(page.contains(&format!("/api/v1/appointments/{id}/calendar.ics")));
    // What comes next: what to bring, where, and how to change it.
    for expected in [
        "Your visit: what to bring",
        "An identity document for each person who comes",
        "href=\"/en/services/ro.passport.electronic\" id=\"visit-service\"",
        "href=\"/en/offices/ab-alba-iulia\" id=\"visit-office\"",
        "move or cancel the appointment below",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }

    let list = parent.get(&app, "/en/appointments").await.text();
    assert!(
        list.contains(&page_href) && list.contains("18:15"),
        "{list}"
    );
    assert!(list.contains("Confirmed"));

    // Move it to another slot of that Wednesday.
    let move_page = parent
        .get(&app, &format!("{page_href}?date=2026-11-25"))
        .await
        .text();
    let other = starts(&move_page)
        .into_iter()
        .find(|s| s != LAST_SLOT)
        .expect("another free slot");
    let moved = parent
        .post_form(
            &app,
            &format!("{page_href}/reschedule"),
            &[("csrf", &csrf), ("date", "2026-11-25"), ("start", &other)],
        )
        .await;
    assert_eq!(location(&moved), format!("{page_href}?done=moved"));
    let page = parent.get(&app, &location(&moved)).await.text();
    assert!(
        page.contains("Your appointment is moved to the time below."),
        "{page}"
    );
    let other_time: jiff::Timestamp = other.parse().unwrap();
    let local = other_time
        .to_zoned(jiff::tz::TimeZone::get("Europe/Bucharest").unwrap())
        .strftime("%H:%M")
        .to_string();
    assert!(page.contains(&local), "{local}: {page}");

    let unconfirmed = parent
        .post_form(&app, &format!("{page_href}/cancel"), &[("csrf", &csrf)])
        .await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.text());
    assert!(
        unconfirmed.text().contains("tick the box"),
        "{}",
        unconfirmed.text()
    );
    let still = parent.get(&app, "/en/appointments").await.text();
    assert!(!still.contains("id=\"no-appointments\""), "kept: {still}");
    let cancelled = parent
        .post_form(
            &app,
            &format!("{page_href}/cancel"),
            &[("csrf", &csrf), ("confirm", "on")],
        )
        .await;
    let to = location(&cancelled);
    assert!(to.starts_with("/en/appointments?cancelled=APT-"), "{to}");
    let list = parent.get(&app, &to).await.text();
    assert!(list.contains("id=\"no-appointments\""), "{list}");
    assert!(
        list.contains("is cancelled and its place is free for others"),
        "the change is confirmed with what happens next: {list}"
    );
    let odd = parent
        .get(&app, "/en/appointments?cancelled=%3Cb%3E")
        .await
        .text();
    assert!(
        !odd.contains("id=\"appt-notice\""),
        "only a reference is echoed"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn refusals_are_error_summaries_and_others_bookings_are_not_found() {
    let app = TestApp::new().await;
    let (mut parent, wards) = parent_of_two(&app, "full.parent@example.ro").await;
    let held = book(
        &app,
        &mut parent,
        "en",
        LAST_SLOT,
        &["self", &wards[0], &wards[1]],
    )
    .await;
    let page_href = location(&held);

    let (mut other, _) = signed_in(&app, "other.person@example.ro", "citizen").await;
    // The slot's three places are taken.
    let full = book(&app, &mut other, "en", LAST_SLOT, &["self"]).await;
    assert_eq!(full.status, 409, "{}", full.text());
    let text = full.text();
    assert!(text.contains("error-summary"), "{text}");
    assert!(text.contains("That slot has no room left"), "{text}");
    assert!(!starts(&text).contains(&LAST_SLOT.to_string()));

    // 1 December is a public holiday.
    let holiday = book(&app, &mut other, "en", "2026-12-01T08:00:00Z", &["self"]).await;
    assert_eq!(holiday.status, 422, "{}", holiday.text());
    assert!(
        holiday
            .text()
            .contains("closed that day for a public holiday")
    );
    let day = other
        .get(
            &app,
            &format!("/en/appointments/new?service={SERVICE}&office={OFFICE}&date=2026-12-01"),
        )
        .await;
    assert_eq!(day.status, 200);
    assert!(day.text().contains("error-summary") && day.text().contains("public holiday"));

    // A child of someone else's household.
    let stranger = book(&app, &mut other, "en", LAST_SLOT, &["self", &wards[0]]).await;
    assert_eq!(stranger.status, 422, "{}", stranger.text());
    assert!(stranger.text().contains("children an office confirmed"));

    // Bad input is a refused form, never a failure.
    let garbage = book(&app, &mut other, "en", "tomorrow", &["self"]).await;
    assert_eq!(garbage.status, 422);
    assert!(garbage.text().contains("Choose one of the free slots"));
    let nobody = book(&app, &mut other, "en", "2026-11-25T16:00:00Z", &[]).await;
    assert_eq!(nobody.status, 422);
    assert!(nobody.text().contains("Choose who comes"));
    let bad_day = other
        .get(&app, "/en/appointments/new?service=nope&date=someday")
        .await;
    assert_eq!(bad_day.status, 200);
    assert!(bad_day.text().contains("Give the day as a date"));

    // Someone else's booking, and a forged form.
    let not_theirs = other.get(&app, &page_href).await;
    assert_eq!(not_theirs.status, 404);
    let csrf = hidden(
        &other.get(&app, "/en/appointments/new").await.text(),
        "csrf",
    );
    let confirm = other
        .post_form(&app, &format!("{page_href}/confirm"), &[("csrf", &csrf)])
        .await;
    assert_eq!(confirm.status, 404);
    let forged = parent
        .post_form(&app, &format!("{page_href}/confirm"), &[("csrf", "forged")])
        .await;
    assert_eq!(forged.status, 403);
    app.cleanup().await;
}

#[tokio::test]
async fn the_romanian_pages_are_in_romanian() {
    let app = TestApp::new().await;
    let (mut parent, _) = parent_of_two(&app, "ro.parent@example.ro").await;
    let form = parent
        .get(
            &app,
            &format!("/ro/appointments/new?service={SERVICE}&office={OFFICE}&date=2026-11-25"),
        )
        .await;
    assert_eq!(form.status, 200);
    let text = form.text();
    for expected in [
        "Faceți o programare",
        "Intervale libere",
        "Cine vine",
        "Eu",
        "18:15 (3 locuri libere)",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let holiday = book(&app, &mut parent, "ro", "2026-12-01T08:00:00Z", &["self"]).await;
    assert_eq!(holiday.status, 422);
    assert!(
        holiday.text().contains("sărbătoare legală"),
        "{}",
        holiday.text()
    );
    let held = book(&app, &mut parent, "ro", LAST_SLOT, &["self"]).await;
    let page = parent.get(&app, &location(&held)).await.text();
    assert!(
        page.contains("Programarea dumneavoastră") && page.contains("Confirmă"),
        "{page}"
    );
    let list = parent.get(&app, "/ro/appointments").await.text();
    assert!(list.contains("Programările dumneavoastră") && list.contains("Rezervată"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_lapsed_hold_and_a_third_move_are_refused_on_the_page() {
    let app = TestApp::new().await;
    let (mut parent, _) = signed_in(&app, "mover@example.ro", "citizen").await;
    let held = book(&app, &mut parent, "en", LAST_SLOT, &["self"]).await;
    let page_href = location(&held);
    let page = parent.get(&app, &page_href).await.text();
    assert!(page.contains("Held for you until 10:05"), "{page}");
    let csrf = hidden(&page, "csrf");

    // Six minutes later the five-minute hold has lapsed.
    let later = app.at("2026-11-23T08:06:00Z");
    let lapsed = parent
        .post_form(&later, &format!("{page_href}/confirm"), &[("csrf", &csrf)])
        .await;
    assert_eq!(lapsed.status, 409, "{}", lapsed.text());
    assert!(lapsed.text().contains("error-summary"));
    assert!(lapsed.text().contains("Choose a slot again"));

    // A new hold, confirmed in time, moves twice and no more.
    let held = book(&app, &mut parent, "en", LAST_SLOT, &["self"]).await;
    let page_href = location(&held);
    let confirmed = parent
        .post_form(&app, &format!("{page_href}/confirm"), &[("csrf", &csrf)])
        .await;
    assert_eq!(location(&confirmed), format!("{page_href}?done=booked"));
    let mut last = None;
    let mut moves = 0;
    for _ in 0..3 {
        let page = parent
            .get(&app, &format!("{page_href}?date=2026-11-25"))
            .await
            .text();
        let start = starts(&page)
            .into_iter()
            .find(|s| s != LAST_SLOT && Some(s) != last.as_ref())
            .expect("a free slot");
        last = Some(start.clone());
        let moved = parent
            .post_form(
                &app,
                &format!("{page_href}/reschedule"),
                &[("csrf", &csrf), ("date", "2026-11-25"), ("start", &start)],
            )
            .await;
        if moved.status == 303 {
            moves += 1;
            continue;
        }
        assert_eq!(moves, 2);
        assert_eq!(moved.status, 409, "{}", moved.text());
        assert!(
            moved
                .text()
                .contains("moved as many times as allowed online")
        );
        app.cleanup().await;
        return;
    }
    panic!("a third move went through");
}
