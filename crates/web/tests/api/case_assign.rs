//! An operator gives the applicant of an accepted case an appointment, for
//! services whose office schedules its applicants (the immigration flow):
//! the booking is confirmed, the citizen's, announced with its calendar
//! file and written into the case's history.

use crate::case_booking::{NOW, OFFICE, accepted_case, catalogue_with};
use crate::support::{Browser, TestApp, hidden, signed_in, signed_in_at};
use serde_json::json;

/// 08:30 in Alba Iulia on Wednesday 25 November 2026, the day's first slot.
const FIRST: &str = "2026-11-25T06:30:00Z";
const SECOND: &str = "2026-11-25T06:45:00Z";

fn starts(page: &str) -> Vec<String> {
    page.split("name=\"start\" value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// Fills the slot at `start` of the Alba intake window with three holds
/// for the temporary passport (an open service of the same window).
async fn fill(app: &TestApp, start: &str) {
    for n in 0..3 {
        let (mut citizen, _) = signed_in(app, &format!("filler{n}@example.ro"), "citizen").await;
        let body = json!({ "service": "ro.passport.temporary", "office": OFFICE, "start": start, "holders": ["self"] });
        let held = citizen
            .post_json(app, "/api/v1/appointments", &body, &[])
            .await;
        assert_eq!(held.status, 201, "{}", held.text());
    }
}

/// Gives the case's applicant the slot at `start` through the API.
async fn assign_through_api(
    app: &TestApp,
    staff: &mut Browser,
    id: &str,
    start: &str,
) -> crate::support::TestResponse {
    staff
        .post_json(
            app,
            &format!("/api/v1/office/cases/{id}/appointment"),
            &json!({ "start": start }),
            &[],
        )
        .await
}

async fn give(
    app: &TestApp,
    operator: &mut Browser,
    id: &str,
    start: &str,
) -> crate::support::TestResponse {
    let page = operator
        .get(app, &format!("/en/office/cases/{id}?day=2026-11-25"))
        .await;
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.text();
    operator
        .post_form(
            app,
            &format!("/en/office/cases/{id}/appointment"),
            &[
                ("csrf", hidden(&page, "csrf").as_str()),
                ("day", "2026-11-25"),
                ("start", start),
            ],
        )
        .await
}

#[tokio::test]
async fn an_operator_gives_a_free_slot_and_the_citizen_sees_the_booking() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_with("assigned"), NOW);
    let (mut citizen, case, id, mut operator) = accepted_case(&app, "assigned@example.ro").await;
    let page = citizen.get(&app, &case).await.text();
    assert!(
        !page.contains("id=\"book-appointment\""),
        "the office gives it"
    );

    let form = operator
        .get(&app, &format!("/en/office/cases/{id}?day=2026-11-25"))
        .await
        .text();
    assert!(form.contains("Appointment at the counter"), "{form}");
    let offered = starts(&form);
    assert_eq!(offered[0], FIRST, "{form}");
    assert!(form.contains("08:30 (3 free places)"), "{form}");

    // A full slot is refused on the page and through the API.
    fill(&app, FIRST).await;
    let refused = give(&app, &mut operator, &id, FIRST).await;
    assert_eq!(refused.status, 409, "{}", refused.text());
    let text = refused.text();
    assert!(
        text.contains("error-summary") && text.contains("no room left"),
        "{text}"
    );
    assert!(
        !starts(&text).contains(&FIRST.to_string()),
        "the full slot is no longer offered"
    );
    let problem = assign_through_api(&app, &mut operator, &id, FIRST).await;
    assert_eq!(
        problem.problem(409)["type"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next(),
        Some("slot-full")
    );

    let done = give(&app, &mut operator, &id, SECOND).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let staff_page = operator
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(
        staff_page.contains("id=\"case-appointment\""),
        "{staff_page}"
    );
    assert!(
        staff_page.contains("Appointment given at the counter"),
        "{staff_page}"
    );

    // The citizen's own: on the case page, in their appointments, by e-mail.
    let page = citizen.get(&app, &case).await.text();
    assert!(page.contains("25 November 2026, 08:45"), "{page}");
    assert!(
        page.contains("Appointment given at the counter"),
        "timeline: {page}"
    );
    let mine = citizen.get(&app, "/api/v1/appointments").await.json();
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(mine[0]["state"], "confirmed");
    assert_eq!(mine[0]["start"], SECOND);
    let booking_id = mine[0]["id"].as_str().unwrap();
    let own = citizen
        .get(&app, &format!("/en/appointments/{booking_id}"))
        .await;
    assert_eq!(own.status, 200, "{}", own.text());
    let filer = ghiseu_storage::cases::get(&app.state.db, &id)
        .await
        .unwrap()
        .unwrap()
        .applicant_id;
    let queued = ghiseu_storage::outbox::for_person(&app.state.db, &filer)
        .await
        .unwrap();
    let confirmation = queued
        .iter()
        .find(|m| m.kind == "appointment-confirmed")
        .expect("a confirmation is queued");
    assert!(confirmation.body.contains("08:45"), "{}", confirmation.body);
    let file = confirmation.attachment.as_ref().expect("the calendar file");
    assert!(
        file.body.contains("DTSTART:20261125T064500Z"),
        "{}",
        file.body
    );

    // A second appointment for the same case is refused.
    let again = assign_through_api(&app, &mut operator, &id, "2026-11-25T07:00:00Z").await;
    assert_eq!(
        again.problem(409)["type"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next(),
        Some("case-has-appointment")
    );
    base.cleanup().await;
}

#[tokio::test]
async fn staff_of_another_office_and_citizens_cannot_give_an_appointment() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_with("assigned"), NOW);
    let (mut citizen, _, id, _) = accepted_case(&app, "guarded@example.ro").await;
    let (mut stranger, _) = signed_in_at(
        &app,
        "igi.op@example.ro",
        "operator",
        Some("ro.igi"),
        &["igi-alba"],
    )
    .await;
    let page = stranger.get(&app, &format!("/en/office/cases/{id}")).await;
    assert_eq!(page.status, 404);
    let csrf = crate::support::staff_csrf(&app, &mut stranger).await;
    let r = stranger
        .post_form(
            &app,
            &format!("/en/office/cases/{id}/appointment"),
            &[("csrf", csrf.as_str()), ("start", FIRST)],
        )
        .await;
    assert_eq!(r.status, 404, "{}", r.text());
    let r = assign_through_api(&app, &mut stranger, &id, FIRST).await;
    r.problem(404);
    let r = assign_through_api(&app, &mut citizen, &id, FIRST).await;
    r.problem(403);
    let anonymous = app
        .post_json(
            &format!("/api/v1/office/cases/{id}/appointment"),
            &json!({ "start": FIRST }),
        )
        .await;
    anonymous.problem(401);
    let mine = citizen.get(&app, "/api/v1/appointments").await.json();
    assert_eq!(mine.as_array().unwrap().len(), 0, "nothing was booked");

    // A supervisor of the authority may; an administrator is not offered it.
    let (mut supervisor, _) = signed_in(&app, "sup.assign@example.ro", "supervisor").await;
    let page = supervisor
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(page.contains("id=\"give-appointment\""), "{page}");
    let (mut admin, _) = signed_in(&app, "admin.assign@example.ro", "administrator").await;
    let page = admin
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(!page.contains("id=\"give-appointment\""), "{page}");
    assert!(!page.contains("id=\"appointment-not-yet\""), "{page}");
    let r = assign_through_api(&app, &mut admin, &id, FIRST).await;
    r.problem(403);
    let r = assign_through_api(&app, &mut supervisor, &id, FIRST).await;
    assert_eq!(r.status, 201, "{}", r.text());
    base.cleanup().await;
}

#[tokio::test]
async fn biometrics_captured_at_the_counter_show_on_the_case_timeline() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_with("assigned"), NOW);
    let (mut citizen, case, id, mut operator) = accepted_case(&app, "fingers@example.ro").await;
    let given = assign_through_api(&app, &mut operator, &id, "2026-11-23T09:00:00Z").await;
    assert_eq!(given.status, 201, "{}", given.text());
    let booking = given.json()["id"].as_str().unwrap().to_string();

    // Later that day, at the counter.
    let day = &app;
    let counter = "/en/office/counter?office=ab-alba-iulia&window=intake";
    let page = operator.get(day, counter).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let act = |action: &'static str| format!("/en/office/counter/bookings/{booking}/{action}");
    let r = operator
        .post_form(day, &act("check-in"), &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = operator
        .post_form(
            day,
            "/en/office/counter/call",
            &[
                ("csrf", csrf.as_str()),
                ("office", OFFICE),
                ("window", "intake"),
                ("counter", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let r = operator
        .post_form(day, &act("biometrics"), &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());

    let page = citizen.get(day, &case).await.text();
    assert!(
        page.contains("Fingerprints and photograph captured at Alba County Public Passport Service — Alba Iulia"),
        "{page}"
    );
    let ro = citizen.get(day, &case.replace("/en/", "/ro/")).await.text();
    assert!(ro.contains("Amprentele și fotografia au fost preluate la Serviciul Public Comunitar de Pașapoarte Alba — Alba Iulia"), "{ro}");
    let staff_page = operator
        .get(day, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(
        staff_page.contains("Fingerprints and photograph captured at Alba"),
        "{staff_page}"
    );
    base.cleanup().await;
}
