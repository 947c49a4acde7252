//! The appointments issue's Must-show scenario in a real browser. The
//! server's clock starts on a Wednesday morning in Alba Iulia. A parent
//! books one intake slot at the Alba office for herself and her two
//! children on next Wednesday's evening, confirms it and receives the
//! e-mail with the calendar file at a real SMTP server; she moves it once,
//! to this Wednesday's evening; an operator checks them in, calls their
//! ticket to a counter and the waiting hall's board shows it. Every page on
//! the way passes axe-core's WCAG 2.2 AA checks.

use super::accounts::{click, set_value, sign_in};
use super::applications::{demo_password, text_of, wait_for_state};
use super::{PASSPORT, Stack, assert_accessible, page_url, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use ghiseu_notify::testing::{SmtpServer, parse_parts};
use serde_json::Value;
use std::time::{Duration, Instant};

const PARENT: &str = "ana.popescu@demo.ghiseu.example";
const OPERATOR: &str = "operator.alba@demo.ghiseu.example";
const OFFICE: &str = "ab-alba-iulia";
/// Wednesday 2 December 2026, 10:00 in Alba Iulia (UTC+2): slots up to 30
/// days ahead are released, and this evening's are still ahead.
const CLOCK_START: &str = "2026-12-02T08:00:00Z";
const TODAY: &str = "2026-12-02";
/// Next Wednesday, 18:00 in Alba Iulia: the slot first booked.
const NEXT_WEDNESDAY: &str = "2026-12-09";
const FIRST_SLOT: &str = "2026-12-09T16:00:00Z";
const FIRST_EVENT: [&str; 3] = [
    "DTSTART:20261209T160000Z",
    "DTEND:20261209T161500Z",
    "SEQUENCE:0",
];
/// This Wednesday, 17:30 in Alba Iulia: where the booking moves to.
const MOVED_SLOT: &str = "2026-12-02T15:30:00Z";
/// The same event, one revision later: calendars replace the first one.
const MOVED_EVENT: [&str; 3] = [
    "DTSTART:20261202T153000Z",
    "DTEND:20261202T154500Z",
    "SEQUENCE:1",
];
const SCENARIO_LIMIT: Duration = Duration::from_secs(240);
const MAIL_LIMIT: Duration = Duration::from_secs(60);

/// Chooses the free slot starting at `start` (an instant, as the form sends
/// it) by its label, as a person would.
pub(crate) async fn choose_slot(client: &Client, start: &str) -> String {
    let radio = wait_for(
        client,
        &format!("#slots input[name='start'][value='{start}']"),
    )
    .await;
    let id = radio
        .attr("id")
        .await
        .expect("read the slot's id")
        .expect("the slot's radio button has an id");
    let label = wait_for(client, &format!("label[for='{id}']")).await;
    let text = label.text().await.expect("the slot's label");
    label.click().await.expect("choose the slot");
    assert!(
        radio.is_selected().await.expect("read the slot's choice"),
        "the slot {start} is not chosen on {}",
        page_url(client).await
    );
    text
}

/// Ticks the holder labelled `name` (leaves it ticked if it already is).
pub(crate) async fn choose_holder(client: &Client, name: &str) {
    let label = client
        .find(Locator::XPath(&format!(
            "//fieldset[@id='holders']//label[normalize-space()='{name}']"
        )))
        .await
        .unwrap_or_else(|err| panic!("{name} is not offered as a holder: {err}"));
    let id = label
        .attr("for")
        .await
        .expect("read the label's target")
        .expect("the holder's label names its box");
    let input = wait_for(client, &format!("#{id}")).await;
    if !input.is_selected().await.expect("read the holder's box") {
        label.click().await.expect("tick the holder");
    }
    assert!(
        input.is_selected().await.expect("read the holder's box"),
        "{name} is not ticked"
    );
}

fn is_reference(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    text.starts_with("APT-")
        && chars.len() == 13
        && chars[8] == '-'
        && chars
            .iter()
            .enumerate()
            .filter(|(i, _)| !matches!(i, 0..=3 | 8))
            .all(|(_, c)| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The e-mails received so far whose subject names `reference`, parsed.
fn mails_about(smtp: &SmtpServer, reference: &str) -> Vec<Value> {
    smtp.received()
        .iter()
        .map(|path| parse_parts(path))
        .filter(|m| m["Subject"].as_str().is_some_and(|s| s.contains(reference)))
        .collect()
}

/// The body of the message's `text/calendar` part, if it has one.
fn calendar_of(mail: &Value) -> Option<&Value> {
    mail["parts"]
        .as_array()?
        .iter()
        .find(|part| part["type"] == "text/calendar")
}

/// Waits for the confirmation about `reference` whose calendar file holds
/// `event` (its start and end), and checks what it says.
async fn wait_for_confirmation(
    smtp: &SmtpServer,
    reference: &str,
    event: [&str; 3],
    local: &str,
) -> Value {
    let deadline = Instant::now() + MAIL_LIMIT;
    let mail = loop {
        let mails = mails_about(smtp, reference);
        if let Some(mail) = mails.iter().find(|m| {
            calendar_of(m)
                .and_then(|part| part["body"].as_str())
                .is_some_and(|ics| ics.contains(event[0]))
        }) {
            break mail.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no confirmation of {reference} with {} arrived within {MAIL_LIMIT:?}; about it: {mails:#?}",
            event[0]
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(
        mail["To"].as_str().is_some_and(|to| to.contains(PARENT)),
        "the confirmation goes to the parent: {mail:#}"
    );
    assert_eq!(mail["type"], "multipart/mixed", "{mail:#}");
    // In her language (Romanian), at the office's local time.
    assert_eq!(
        mail["Subject"],
        format!("Programarea {reference} din {local}"),
        "{mail:#}"
    );
    let text = mail["parts"]
        .as_array()
        .and_then(|parts| parts.iter().find(|p| p["type"] == "text/plain"))
        .and_then(|p| p["body"].as_str())
        .unwrap_or_else(|| panic!("the confirmation has no text: {mail:#}"));
    assert!(
        text.contains(reference),
        "the text names the reference: {text}"
    );
    let calendar = calendar_of(&mail).expect("the calendar part");
    assert_eq!(
        calendar["filename"], "appointment.ics",
        "the calendar file's name: {calendar:#}"
    );
    assert_eq!(calendar["disposition"], "attachment", "{calendar:#}");
    // Python's parser gives the text with its CRLF line ends made LF.
    let ics = calendar["body"].as_str().unwrap_or_default();
    let lines: Vec<&str> = ics.lines().collect();
    assert!(
        lines.first() == Some(&"BEGIN:VCALENDAR")
            && lines
                .iter()
                .any(|l| l.starts_with(&format!("UID:{reference}@")))
            && event.iter().all(|line| lines.contains(line)),
        "the calendar file's event is the slot {event:?}:\n{ics}"
    );
    mail
}

/// Waits until the address's query names `part` (a form sent by GET).
pub(crate) async fn wait_for_query(client: &Client, part: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let url = client.current_url().await.expect("current url");
        if url.query().is_some_and(|q| q.contains(part)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {part} in the query of {url}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The text of cell `column` (from 1) of the counter's row for `booking`.
async fn cell(client: &Client, booking: &str, column: usize) -> String {
    text_of(
        client,
        &format!("#booking-{booking} td:nth-child({column})"),
    )
    .await
}

/// Waits until the counter's row for `booking` is in `state`.
async fn wait_for_row_state(client: &Client, booking: &str, state: &str) {
    wait_for_state(
        client,
        &format!("#booking-{booking} td:nth-child(4)"),
        state,
    )
    .await;
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_parent_books_for_her_family_moves_it_and_is_called_at_the_counter() {
    let started = Instant::now();
    let smtp = SmtpServer::start();
    let env = [
        ("GHISEU_SMTP_HOST", "127.0.0.1".to_string()),
        ("GHISEU_SMTP_PORT", smtp.port.to_string()),
        ("GHISEU_SMTP_SECURITY", "none".to_string()),
        ("GHISEU_CLOCK_START", CLOCK_START.to_string()),
    ];
    let stack = Stack::start_with(&["--demo"], &env);
    let parent = stack.browser().await;
    let operator = stack.browser().await;
    let scenario = async {
        // The parent chooses the passport, the Alba office and next Wednesday.
        let password = demo_password(&stack, PARENT).await;
        sign_in(&stack, &parent, PARENT, &password).await;
        wait_for_path(&parent, "/en/account").await;
        parent
            .goto(&stack.url("/en/appointments/new"))
            .await
            .expect("open the booking form");
        wait_for(&parent, "#service")
            .await
            .select_by_value(PASSPORT)
            .await
            .expect("choose the passport");
        click(&parent, "#show-slots").await;
        wait_for_query(&parent, &format!("service={PASSPORT}")).await;
        parent
            .find(Locator::Css("#office"))
            .await
            .expect("the office list")
            .select_by_value(OFFICE)
            .await
            .expect("choose the Alba office");
        set_value(&parent, "date", NEXT_WEDNESDAY).await;
        click(&parent, "#show-slots").await;
        wait_for_query(&parent, &format!("date={NEXT_WEDNESDAY}")).await;
        let label = choose_slot(&parent, FIRST_SLOT).await;
        let url = parent.current_url().await.expect("url");
        let query = url.query().unwrap_or_default();
        assert!(
            query.contains(&format!("service={PASSPORT}"))
                && query.contains(&format!("office={OFFICE}"))
                && query.contains(&format!("date={NEXT_WEDNESDAY}")),
            "the day's slots are those asked for: {url}"
        );
        assert!(
            label.starts_with("18:00"),
            "next Wednesday's evening slot at 18:00 local time: {label:?}"
        );
        choose_holder(&parent, "Me").await;
        choose_holder(&parent, "Ioana Popescu").await;
        choose_holder(&parent, "Mihai Popescu").await;
        assert_accessible(&parent).await;

        // Held for a few minutes, then confirmed.
        click(&parent, "#hold-slot").await;
        wait_for(&parent, "#confirm").await;
        let booking_path = parent.current_url().await.expect("url").path().to_string();
        let booking = booking_path
            .strip_prefix("/en/appointments/")
            .unwrap_or_else(|| panic!("the hold leads to its booking, not {booking_path}"))
            .to_string();
        assert_eq!(text_of(&parent, "#state").await, "Held, not confirmed yet");
        let reference = text_of(&parent, "#reference").await;
        assert!(is_reference(&reference), "a reference: {reference:?}");
        let people = text_of(&parent, "#people").await;
        let mut named: Vec<&str> = people.split(", ").collect();
        named.sort_unstable();
        assert_eq!(
            named,
            ["Ioana Popescu", "Me", "Mihai Popescu"],
            "one booking for the three of them: {people:?}"
        );
        assert_accessible(&parent).await;
        click(&parent, "#confirm").await;
        wait_for(&parent, "#calendar").await;
        assert_eq!(text_of(&parent, "#state").await, "Confirmed");
        assert_eq!(text_of(&parent, "#reference").await, reference);
        assert_eq!(
            text_of(&parent, "#when").await,
            "9 December 2026, 18:00",
            "next Wednesday's evening"
        );
        assert!(
            text_of(&parent, "#where").await.contains("Alba Iulia"),
            "at the Alba office"
        );
        assert_accessible(&parent).await;

        // The confirmation, with the calendar file, at the SMTP server.
        wait_for_confirmation(
            &smtp,
            &reference,
            FIRST_EVENT,
            "9 decembrie 2026, ora 18:00",
        )
        .await;

        // She moves it once, to this Wednesday's evening.
        set_value(&parent, "date", TODAY).await;
        click(&parent, "#move-day #show-slots").await;
        wait_for_query(&parent, &format!("date={TODAY}")).await;
        let label = choose_slot(&parent, MOVED_SLOT).await;
        assert!(
            label.starts_with("17:30"),
            "this Wednesday's evening slot at 17:30 local time: {label:?}"
        );
        assert_accessible(&parent).await;
        click(&parent, "#move").await;
        wait_for_path(&parent, &booking_path).await;
        let deadline = Instant::now() + Duration::from_secs(15);
        let when = loop {
            let when = text_of(&parent, "#when").await;
            if when.ends_with(", 17:30") {
                break when;
            }
            assert!(
                Instant::now() < deadline,
                "the booking did not move to 17:30: {when:?}\n{}",
                parent.source().await.unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(when, "2 December 2026, 17:30", "moved to this Wednesday");
        assert_eq!(text_of(&parent, "#state").await, "Confirmed");
        assert_eq!(
            text_of(&parent, "#reference").await,
            reference,
            "a moved booking keeps its reference"
        );
        assert!(
            parent
                .find(Locator::Css(&format!("#slots input[value='{MOVED_SLOT}']")))
                .await
                .is_err(),
            "the three of them fill the 17:30 slot's three counters"
        );
        assert!(
            parent
                .find(Locator::Css("#slots input[name='start']"))
                .await
                .is_ok(),
            "this Wednesday's other slots are still offered"
        );
        assert_accessible(&parent).await;

        // The move is confirmed by e-mail too, with the new calendar file.
        wait_for_confirmation(
            &smtp,
            &reference,
            MOVED_EVENT,
            "2 decembrie 2026, ora 17:30",
        )
        .await;
        assert_eq!(
            mails_about(&smtp, &reference).len(),
            2,
            "one confirmation for the booking and one for the move"
        );

        // The operator checks them in and calls their ticket.
        let password = demo_password(&stack, OPERATOR).await;
        sign_in(&stack, &operator, OPERATOR, &password).await;
        wait_for_path(&operator, "/en/account").await;
        operator
            .goto(&stack.url(&format!(
                "/en/office/counter?office={OFFICE}&window=intake&date={TODAY}"
            )))
            .await
            .expect("open the counter's day");
        wait_for(&operator, &format!("#booking-{booking}")).await;
        assert_eq!(cell(&operator, &booking, 1).await, "17:30");
        assert_eq!(
            cell(&operator, &booking, 2).await,
            format!(
                "{reference}\nAna Popescu, Ioana Popescu, Mihai Popescu\nSimple electronic passport"
            ),
            "the reference, who comes and for what"
        );
        assert_eq!(cell(&operator, &booking, 3).await, "3");
        assert_eq!(cell(&operator, &booking, 4).await, "Confirmed");
        assert!(
            operator.find(Locator::Css("#none-called")).await.is_ok(),
            "nobody is called before the check-in"
        );
        assert_accessible(&operator).await;
        click(
            &operator,
            &format!("#booking-{booking} form[action$='/check-in'] button"),
        )
        .await;
        wait_for_row_state(&operator, &booking, "Arrived, waiting").await;
        let ticket = cell(&operator, &booking, 5).await;
        assert_eq!(ticket, "A-001", "the day's first intake ticket");
        assert_accessible(&operator).await;

        // In the waiting hall, the parent watches the board: nobody called yet.
        let board = stack.url(&format!("/en/offices/{OFFICE}/display"));
        parent.goto(&board).await.expect("open the board");
        wait_for(&parent, "#none-called").await;
        wait_for(&parent, "#board-pause").await;
        assert_accessible(&parent).await;
        // A mark on this very document: it must survive the board's update.
        parent
            .execute("window.stillThisPage = true;", Vec::new())
            .await
            .expect("mark the page");
        wait_for(&operator, "#counter")
            .await
            .select_by_value("2")
            .await
            .expect("choose counter 2");
        click(&operator, "#call-next").await;
        wait_for_row_state(&operator, &booking, "Called").await;
        assert_eq!(
            text_of(&operator, "#called").await,
            format!("{ticket} — counter 2"),
            "the counter page shows the called ticket"
        );
        assert_eq!(
            cell(&operator, &booking, 5).await,
            format!("{ticket} (counter 2)")
        );
        assert_accessible(&operator).await;

        // The board shows the ticket within its ten seconds, updated in
        // place rather than reloaded.
        let latest = wait_for(&parent, ".display-board__latest").await;
        let cells = latest
            .find_all(Locator::Css("td"))
            .await
            .expect("the latest ticket's cells");
        let mut shown = Vec::new();
        for cell in cells {
            shown.push(cell.text().await.expect("a cell").trim().to_string());
        }
        assert_eq!(shown, [ticket.as_str(), "2"], "the board's latest ticket");
        assert_eq!(
            parent
                .execute("return window.stillThisPage === true;", Vec::new())
                .await
                .expect("read the mark"),
            Value::Bool(true),
            "the board updated in place"
        );
        click(&parent, "#board-pause").await;
        assert_eq!(
            parent
                .find(Locator::Css("#board-pause"))
                .await
                .expect("the pause button")
                .attr("aria-pressed")
                .await
                .expect("read aria-pressed")
                .as_deref(),
            Some("true"),
            "the updates can be paused"
        );
        assert_accessible(&parent).await;

        // And the parent's page says they were called.
        parent
            .goto(&stack.url(&booking_path))
            .await
            .expect("reload the booking");
        wait_for_state(&parent, "#state", "Called to a counter").await;
        assert_accessible(&parent).await;
    };
    if tokio::time::timeout(SCENARIO_LIMIT, scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within {SCENARIO_LIMIT:?}");
    }
    eprintln!("the scenario took {:?}", started.elapsed());
    operator
        .close()
        .await
        .expect("close the operator's browser");
    parent.close().await.expect("close the parent's browser");
}
