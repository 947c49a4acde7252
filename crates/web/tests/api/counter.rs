//! At the counter: an operator checks people in, calls the next ticket to a
//! counter and ends each visit; the waiting hall's board shows who is
//! called; nobody outside the office sees or touches its counter, and every
//! refusal is a clear message on the page.

use crate::support::{Browser, TestApp, hidden, signed_in, signed_in_at};
use serde_json::json;

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";
/// Monday 23 November 2026, the test clock's day (10:00 in Alba Iulia).
const TODAY: &str = "2026-11-23";
const COUNTER: &str = "/en/office/counter?office=ab-alba-iulia&window=intake";

/// A citizen's confirmed booking at the Alba intake window; returns its id,
/// reference and the citizen's id.
async fn confirmed(app: &TestApp, email: &str, start: &str) -> (String, String, String) {
    confirmed_for(app, email, SERVICE, start).await
}

async fn confirmed_for(
    app: &TestApp,
    email: &str,
    service: &str,
    start: &str,
) -> (String, String, String) {
    let (mut citizen, person) = signed_in(app, email, "citizen").await;
    let body = json!({ "service": service, "office": OFFICE, "start": start, "holders": ["self"] });
    let held = citizen
        .post_json(app, "/api/v1/appointments", &body, &[])
        .await;
    assert_eq!(held.status, 201, "{}", held.text());
    let held = held.json();
    let id = held["id"].as_str().unwrap().to_string();
    let done = citizen
        .post_json(
            app,
            &format!("/api/v1/appointments/{id}/confirm"),
            &json!({}),
            &[],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    (id, held["reference"].as_str().unwrap().to_string(), person)
}

async fn counter_csrf(app: &TestApp, operator: &mut Browser) -> String {
    let page = operator.get(app, COUNTER).await;
    assert_eq!(page.status, 200, "{}", page.text());
    hidden(&page.text(), "csrf")
}

async fn on_booking(
    app: &TestApp,
    operator: &mut Browser,
    id: &str,
    action: &str,
    csrf: &str,
) -> crate::support::TestResponse {
    operator
        .post_form(
            app,
            &format!("/en/office/counter/bookings/{id}/{action}"),
            &[("csrf", csrf)],
        )
        .await
}

async fn call(
    app: &TestApp,
    operator: &mut Browser,
    counter: &str,
    csrf: &str,
) -> crate::support::TestResponse {
    operator
        .post_form(
            app,
            "/en/office/counter/call",
            &[
                ("csrf", csrf),
                ("office", OFFICE),
                ("window", "intake"),
                ("counter", counter),
            ],
        )
        .await
}

#[tokio::test]
async fn an_operator_checks_in_calls_and_serves_and_the_hall_board_shows_the_ticket() {
    let app = TestApp::new().await;
    let (first, first_ref, first_person) =
        confirmed(&app, "first@example.ro", "2026-11-23T09:00:00Z").await;
    let mut first_browser = crate::support::log_in(&app, "first@example.ro").await;
    crate::cases::save_alba_profile(&app, &mut first_browser, &[]).await;
    let (second, _, second_person) =
        confirmed(&app, "second@example.ro", "2026-11-23T09:15:00Z").await;
    let (mut operator, _) = signed_in(&app, "op.counter@example.ro", "operator").await;

    let page = operator.get(&app, COUNTER).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(text.contains(&first_ref), "{text}");
    assert!(
        text.contains(&format!("{first_ref}<br><strong>Elena Pop</strong><br><span class=\"hint\">Simple electronic passport</span>")),
        "who comes and for what, beside the reference: {text}"
    );
    assert!(
        text.contains("11:00"),
        "local time of the first booking: {text}"
    );
    assert!(text.contains("Check in"), "{text}");
    assert!(
        text.contains("href=\"/en/office/cases\" id=\"nav-queue\""),
        "the way back to the queue: {text}"
    );
    assert!(text.contains("Did not come"), "{text}");
    assert!(
        text.contains(TODAY) || text.contains("23 November 2026"),
        "{text}"
    );
    let csrf = hidden(&text, "csrf");

    // The same page with the day given explicitly.
    let dated = operator.get(&app, &format!("{COUNTER}&date={TODAY}")).await;
    assert_eq!(dated.status, 200);
    assert!(dated.text().contains(&first_ref));

    let r = on_booking(&app, &mut operator, &first, "check-in", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = operator.get(&app, COUNTER).await.text();
    assert!(page.contains("A-001"), "{page}");
    assert!(page.contains("Arrived, waiting"), "{page}");

    // Checking in twice is refused clearly.
    let again = on_booking(&app, &mut operator, &first, "check-in", &csrf).await;
    assert_eq!(again.status, 409, "{}", again.text());
    let text = again.text();
    assert!(text.contains("error-summary"), "{text}");
    assert!(text.contains("cannot be checked in"), "{text}");

    let r = call(&app, &mut operator, "2", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = operator.get(&app, COUNTER).await.text();
    assert!(page.contains("Called now"), "{page}");
    assert!(page.contains("A-001</strong> — counter 2"), "{page}");
    // The counter chosen stays chosen for the next call, on this browser only.
    assert!(
        page.contains("<option value=\"2\" selected>2</option>"),
        "{page}"
    );
    let (mut colleague, _) = signed_in(&app, "op.colleague@example.ro", "operator").await;
    let theirs = colleague.get(&app, COUNTER).await.text();
    assert!(
        theirs.contains("<option value=\"2\">2</option>"),
        "{theirs}"
    );
    // The person called sees it on their own page too.
    let mine = first_browser
        .get(&app, &format!("/en/appointments/{first}"))
        .await
        .text();
    assert!(
        mine.contains("Your ticket: <strong>A-001</strong>"),
        "{mine}"
    );
    assert!(mine.contains("Go to counter 2 now."), "{mine}");

    let board = app.get(&format!("/en/offices/{OFFICE}/display")).await;
    assert_eq!(board.status, 200, "{}", board.text());
    let board = board.text();
    // Updated in place by a script with a pause button: a timed refresh
    // would fail WCAG 2.2.1 (axe-core's meta-refresh).
    assert!(!board.contains("http-equiv=\"refresh\""), "{board}");
    // A hall screen: the board alone, without the site's header and footer.
    assert!(
        !board.contains("class=\"site-header\"") && !board.contains("class=\"site-footer\""),
        "{board}"
    );
    let home = app.get("/en/").await.text();
    assert!(home.contains("class=\"site-header\"") && home.contains("class=\"site-footer\""));
    assert!(
        board.contains(r#"<script src="/static/board.js" defer></script>"#)
            && board.contains(r#"<div id="board" aria-live="polite""#),
        "{board}"
    );
    let script = app.get("/static/board.js").await;
    assert_eq!(script.status, 200);
    assert!(script.text().contains("board-pause"), "{}", script.text());
    assert!(board.contains("<td>A-001</td><td>2</td>"), "{board}");
    let ro = app
        .get(&format!("/ro/offices/{OFFICE}/display"))
        .await
        .text();
    assert!(ro.contains("Bonuri chemate"), "{ro}");
    assert!(ro.contains("<td>A-001</td><td>2</td>"), "{ro}");

    // A passport takes biometrics: recorded once the person is called.
    let r = on_booking(&app, &mut operator, &first, "biometrics", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = on_booking(&app, &mut operator, &first, "served", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let booking = {
        let mut conn = app.state.db.pool().acquire().await.unwrap();
        ghiseu_storage::appointments::booking(&mut conn, &first)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(booking.state, "served");
    assert_eq!(booking.ticket_number, Some(1));
    assert_eq!(booking.counter_number, Some(2));
    assert!(booking.biometrics_at.is_some());
    // Served twice: refused on the page, never a server error.
    let twice = on_booking(&app, &mut operator, &first, "served", &csrf).await;
    assert_eq!(twice.status, 409, "{}", twice.text());
    assert!(twice.text().contains("Only a person called"));

    // The second person never came.
    let r = on_booking(&app, &mut operator, &second, "no-show", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = operator.get(&app, COUNTER).await.text();
    assert!(page.contains("Served"), "{page}");
    assert!(page.contains("Did not come"), "{page}");
    // No show cannot then be checked in.
    let late = on_booking(&app, &mut operator, &second, "check-in", &csrf).await;
    assert_eq!(late.status, 409, "{}", late.text());

    // Nobody is left waiting.
    let empty = call(&app, &mut operator, "1", &csrf).await;
    assert_eq!(empty.status, 409, "{}", empty.text());
    assert!(
        empty
            .text()
            .contains("Nobody who has arrived is waiting at this window."),
        "{}",
        empty.text()
    );
    // A counter the window does not have.
    let wrong = call(&app, &mut operator, "9", &csrf).await;
    assert_eq!(wrong.status, 422, "{}", wrong.text());
    assert!(wrong.text().contains("Choose one of this window"));
    assert!(
        wrong
            .text()
            .contains("<option value=\"1\" selected>1</option>"),
        "the last counter called to stays chosen: {}",
        wrong.text()
    );

    // Every act is in the audit log.
    let actions = |entries: Vec<ghiseu_storage::audit::AuditEntry>| {
        entries
            .into_iter()
            .map(|e| e.event.action)
            .filter(|a| a.starts_with("appointment."))
            .collect::<Vec<_>>()
    };
    let first_log = ghiseu_storage::audit::for_subject(&app.state.db, &first_person, 50)
        .await
        .unwrap();
    assert_eq!(
        actions(first_log),
        [
            "appointment.served",
            "appointment.biometrics",
            "appointment.called",
            "appointment.checked-in"
        ]
    );
    let second_log = ghiseu_storage::audit::for_subject(&app.state.db, &second_person, 50)
        .await
        .unwrap();
    assert_eq!(actions(second_log), ["appointment.no-show"]);
    app.cleanup().await;
}

#[tokio::test]
async fn a_form_without_its_token_is_refused() {
    let app = TestApp::new().await;
    let (id, _, _) = confirmed(&app, "token@example.ro", "2026-11-23T09:00:00Z").await;
    let (mut operator, _) = signed_in(&app, "op.token@example.ro", "operator").await;
    let r = on_booking(&app, &mut operator, &id, "check-in", "forged").await;
    assert_eq!(r.status, 403);
    let csrf = counter_csrf(&app, &mut operator).await;
    assert!(!csrf.is_empty());
    app.cleanup().await;
}

#[tokio::test]
async fn nobody_outside_the_office_sees_or_acts_on_its_counter() {
    let app = TestApp::new().await;
    let (id, reference, _) = confirmed(&app, "kept@example.ro", "2026-11-23T09:00:00Z").await;
    let (mut stranger, _) = signed_in_at(
        &app,
        "igi.counter@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    let page = stranger.get(&app, COUNTER).await;
    assert_eq!(page.status, 404, "{}", page.text());
    assert!(!page.text().contains(&reference));
    let csrf = hidden(
        &stranger.get(&app, "/en/office/guardianships").await.text(),
        "csrf",
    );
    for action in ["check-in", "no-show", "served", "biometrics"] {
        let r = on_booking(&app, &mut stranger, &id, action, &csrf).await;
        assert_eq!(r.status, 404, "{action}: {}", r.text());
    }
    let r = call(&app, &mut stranger, "1", &csrf).await;
    assert_eq!(r.status, 404, "{}", r.text());

    let (mut citizen, _) = signed_in(&app, "curious@example.ro", "citizen").await;
    let page = citizen.get(&app, COUNTER).await;
    assert_eq!(page.status, 403, "{}", page.text());
    let r = on_booking(&app, &mut citizen, &id, "check-in", "x").await;
    assert_eq!(r.status, 403);

    // A supervisor of the authority may see it.
    let (mut supervisor, _) = signed_in(&app, "boss.counter@example.ro", "supervisor").await;
    let page = supervisor.get(&app, COUNTER).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains(&reference));

    // Still confirmed after all that.
    let mut conn = app.state.db.pool().acquire().await.unwrap();
    let booking = ghiseu_storage::appointments::booking(&mut conn, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(booking.state, "confirmed");
    drop(conn);

    // An unknown office has no board.
    let board = app.get("/en/offices/nowhere/display").await;
    assert_eq!(board.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn only_todays_bookings_are_checked_in_and_the_page_opens_at_the_operators_office() {
    let app = TestApp::new().await;
    // Wednesday 25 November, 11:00 in Alba Iulia: not today.
    let (later, later_ref, _) = confirmed(&app, "later@example.ro", "2026-11-25T09:00:00Z").await;
    let (mut operator, _) = signed_in(&app, "op.later@example.ro", "operator").await;

    // The account page links to the counter, which opens at the Alba
    // intake window of today without anything named.
    let account = operator.get(&app, "/en/account").await.text();
    assert!(account.contains("/en/office/counter"), "{account}");
    let page = operator.get(&app, "/en/office/counter").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(text.contains("Intake"), "{text}");
    assert!(text.contains("No appointments on this day."), "{text}");
    let csrf = hidden(&text, "csrf");

    let wednesday = operator
        .get(&app, &format!("{COUNTER}&date=2026-11-25"))
        .await
        .text();
    assert!(wednesday.contains(&later_ref), "{wednesday}");
    assert!(
        !wednesday.contains("id=\"call-next\""),
        "calling is for today"
    );

    let r = on_booking(&app, &mut operator, &later, "check-in", &csrf).await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(
        r.text()
            .contains("Only appointments of today can be checked in."),
        "{}",
        r.text()
    );

    // In Romanian too.
    let ro = operator
        .get(
            &app,
            "/ro/office/counter?office=ab-alba-iulia&window=intake&date=2026-11-25",
        )
        .await;
    assert_eq!(ro.status, 200);
    let ro = ro.text();
    assert!(ro.contains("La ghișeu"), "{ro}");
    assert!(ro.contains("Înregistrează sosirea"), "{ro}");

    // A window the office does not have, or an office that does not exist.
    let none = operator
        .get(
            &app,
            "/en/office/counter?office=ab-alba-iulia&window=nowhere",
        )
        .await;
    assert_eq!(none.status, 404);
    let none = operator
        .get(&app, "/en/office/counter?office=nowhere&window=intake")
        .await;
    assert_eq!(none.status, 404);
    app.cleanup().await;
}

#[tokio::test]
async fn biometrics_are_recorded_only_for_services_that_take_them() {
    let app = TestApp::new().await;
    // A certificate is asked for at the information window and takes no
    // biometric data.
    let (id, _, _) = confirmed_for(
        &app,
        "certificate@example.ro",
        "ro.passport.certificate",
        "2026-11-23T09:00:00Z",
    )
    .await;
    let (mut operator, _) = signed_in(&app, "op.info@example.ro", "operator").await;
    let info = "/en/office/counter?office=ab-alba-iulia&window=information";
    let page = operator.get(&app, info).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let r = on_booking(&app, &mut operator, &id, "check-in", &csrf).await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = operator
        .post_form(
            &app,
            "/en/office/counter/call",
            &[
                ("csrf", &csrf),
                ("office", OFFICE),
                ("window", "information"),
                ("counter", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let page = operator.get(&app, info).await.text();
    assert!(page.contains("I-001</strong> — counter 1"), "{page}");
    assert!(
        !page.contains("/biometrics"),
        "no biometrics button: {page}"
    );
    let r = on_booking(&app, &mut operator, &id, "biometrics", &csrf).await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(r.text().contains("This service takes no biometric data."));
    // The intake window's queue is a different one: nobody waits there.
    let r = call(&app, &mut operator, "1", &csrf).await;
    assert_eq!(r.status, 409, "{}", r.text());
    app.cleanup().await;
}
