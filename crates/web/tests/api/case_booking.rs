//! Appointments that belong to an application: booked by the citizen from
//! the case's page once the office accepted it, or given by an operator for
//! a service whose office schedules its applicants.

use crate::cases::{citizen_in_alba, press, start};
use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in};

pub const SERVICE: &str = "ro.passport.electronic";
pub const OFFICE: &str = "ab-alba-iulia";
/// Monday 23 November 2026, 10:00 in Alba Iulia.
pub const NOW: &str = "2026-11-23T08:00:00Z";

/// The bundled catalogue's files with the electronic passport booked in `mode`.
fn sources_with(mode: &str) -> ghiseu_domain::catalogue::Sources {
    let mut sources = ghiseu_storage::catalogue_files::bundled();
    for file in &mut sources.authorities {
        file.text = file.text.replace(
            "id = \"ro.passport.electronic\"\nappointment = { window = \"intake\", minutes = 15, mode = \"open\" }",
            &format!("id = \"ro.passport.electronic\"\nappointment = {{ window = \"intake\", minutes = 15, mode = \"{mode}\" }}"),
        );
    }
    sources
}

/// The bundled catalogue with the electronic passport booked in `mode`.
pub fn catalogue_with(mode: &str) -> ghiseu_domain::catalogue::Catalogue {
    let sources = sources_with(mode);
    let catalogue = ghiseu_domain::catalogue::Catalogue::load(&sources).unwrap();
    let (_, service) = catalogue.service(SERVICE).unwrap();
    assert_eq!(
        format!("{:?}", service.appointment.as_ref().unwrap().mode).to_lowercase(),
        mode.replace('-', ""),
        "the catalogue took the mode"
    );
    catalogue
}

/// An adult in Alba whose passport application an Alba operator accepted;
/// returns the citizen, the case page, the case id and the operator.
pub async fn accepted_case(app: &TestApp, email: &str) -> (Browser, String, String, Browser) {
    let (mut citizen, _) = citizen_in_alba(app, email).await;
    wants_appointment_mail(app, &mut citizen).await;
    let case = start(app, &mut citizen, SERVICE, "self").await;
    assert_eq!(press(app, &mut citizen, &case, "submit").await.status, 303);
    let id = case.rsplit('/').next().unwrap().to_string();
    let (mut operator, _) = signed_in(app, &format!("op.{email}"), "operator").await;
    let csrf = crate::support::staff_csrf(app, &mut operator).await;
    let path = format!("/en/office/cases/{id}");
    let r = operator
        .post_form(app, &format!("{path}/claim"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let version = crate::support::case_version(app, &id).await.to_string();
    let r = operator
        .post_form(
            app,
            &format!("{path}/decide"),
            &[("csrf", &csrf), ("version", &version), ("action", "accept")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    (citizen, case, id, operator)
}

/// The profile of `citizen_in_alba`, with appointment notices by e-mail too.
async fn wants_appointment_mail(app: &TestApp, browser: &mut Browser) {
    crate::cases::save_alba_profile(app, browser, &["notify-appointment-reminders-email"]).await;
}

/// The `href` of the element with this id, unescaped.
pub fn link(page: &str, id: &str) -> String {
    let at = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}: {page}"));
    let tag_start = page[..at].rfind('<').unwrap();
    let tag = &page[tag_start..];
    let from = tag.find("href=\"").unwrap() + 6;
    tag[from..from + tag[from..].find('"').unwrap()]
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

fn location(response: &TestResponse) -> String {
    assert_eq!(response.status, 303, "{}", response.text());
    response.headers["location"].to_str().unwrap().to_string()
}

fn starts(page: &str) -> Vec<String> {
    page.split("name=\"start\" value=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[tokio::test]
async fn the_citizen_books_from_the_accepted_case_and_the_case_shows_the_booking() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_with("after-acceptance"), NOW);
    let (mut citizen, _) = citizen_in_alba(&app, "early.case@example.ro").await;
    let case = start(&app, &mut citizen, SERVICE, "self").await;
    assert_eq!(press(&app, &mut citizen, &case, "submit").await.status, 303);
    let page = citizen.get(&app, &case).await.text();
    assert!(
        !page.contains("id=\"book-appointment\""),
        "not before acceptance"
    );

    let (mut citizen, case, id, _) = accepted_case(&app, "booking.case@example.ro").await;
    let page = citizen.get(&app, &case).await.text();
    assert!(page.contains("Book your appointment"), "{page}");
    let form_href = link(&page, "book-appointment");
    assert!(
        form_href.contains(&format!("case={id}"))
            && form_href.contains(&format!("office={OFFICE}")),
        "{form_href}"
    );

    // Choosing the day keeps the case (a GET form carrying it hidden).
    let form = citizen
        .get(&app, &format!("{form_href}&date=2026-11-25"))
        .await;
    assert_eq!(form.status, 200, "{}", form.text());
    let form = form.text();
    assert_eq!(hidden(&form, "case"), id);
    assert!(
        !form.contains("ro.passport.temporary"),
        "only the case's service: {form}"
    );
    let start_at = starts(&form)[0].clone();
    let held = citizen
        .post_form(
            &app,
            "/en/appointments",
            &[
                ("csrf", hidden(&form, "csrf").as_str()),
                ("service", SERVICE),
                ("office", OFFICE),
                ("date", "2026-11-25"),
                ("case", id.as_str()),
                ("start", start_at.as_str()),
                ("holder", "self"),
            ],
        )
        .await;
    let booking_path = location(&held);
    let booking_page = citizen.get(&app, &booking_path).await.text();
    let confirmed = citizen
        .post_form(
            &app,
            &format!("{booking_path}/confirm"),
            &[("csrf", hidden(&booking_page, "csrf").as_str())],
        )
        .await;
    assert_eq!(location(&confirmed), format!("{booking_path}?done=booked"));
    let booking_id = booking_path.rsplit('/').next().unwrap();
    let mut conn = app.state.db.pool().acquire().await.unwrap();
    let booking = ghiseu_storage::appointments::booking(&mut conn, booking_id)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    assert_eq!(booking.case_id.as_deref(), Some(id.as_str()));
    assert_eq!(booking.state, "confirmed");

    let page = citizen.get(&app, &case).await.text();
    assert!(!page.contains("id=\"book-appointment\""), "{page}");
    assert!(page.contains("id=\"case-appointment\""), "{page}");
    assert!(page.contains(&booking.reference), "{page}");
    assert_eq!(start_at, "2026-11-25T06:30:00Z", "the day's first slot");
    assert!(page.contains("25 November 2026, 08:30"), "{page}");
    assert_eq!(link(&page, "case-appointment-link"), booking_path);
    // The history says it was booked, when and under which reference.
    assert!(page.contains("Appointment booked"), "{page}");
    assert!(
        page.contains(&format!("2026-11-25 08:30, {}", booking.reference)),
        "{page}"
    );

    // The same service without a case is refused, with the reason on the page.
    let (mut other, _) = signed_in(&app, "no.case@example.ro", "citizen").await;
    let form = other
        .get(
            &app,
            &format!("/en/appointments/new?service={SERVICE}&office={OFFICE}&date=2026-11-25"),
        )
        .await
        .text();
    let refused = other
        .post_form(
            &app,
            "/en/appointments",
            &[
                ("csrf", hidden(&form, "csrf").as_str()),
                ("service", SERVICE),
                ("office", OFFICE),
                ("date", "2026-11-25"),
                ("start", start_at.as_str()),
                ("holder", "self"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("error-summary"));
    base.cleanup().await;
}

/// `catalogue_with(mode)` plus a second Alba office that covers no area.
fn catalogue_with_two_offices(mode: &str) -> ghiseu_domain::catalogue::Catalogue {
    let mut sources = sources_with(mode);
    for file in &mut sources.authorities {
        file.text = file.text.replacen(
            "[[office]]\nid = \"ab-alba-iulia\"",
            "[[office]]\nid = \"ab-blaj\"\nname = { ro = \"Blaj\", en = \"Blaj\" }\naddress = { ro = \"Blaj\", en = \"Blaj\" }\ncovers = [\"RO-SB\"]\n\n[[office.window]]\nkind = \"intake\"\ncounters = 1\nslot_minutes = 15\nhours = { mon = [\"08:30-16:30\"], tue = [\"08:30-16:30\"], wed = [\"08:30-16:30\"], thu = [\"08:30-16:30\"], fri = [\"08:30-16:30\"] }\n\n[[office.window]]\nkind = \"information\"\ncounters = 1\nslot_minutes = 15\nhours = { mon = [\"08:30-16:30\"] }\n\n[[office]]\nid = \"ab-alba-iulia\"",
            1,
        );
    }
    ghiseu_domain::catalogue::Catalogue::load(&sources).unwrap()
}

#[tokio::test]
async fn a_case_is_booked_only_at_the_office_that_handles_it() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_with_two_offices("after-acceptance"), NOW);
    let (mut citizen, _, id, _) = accepted_case(&app, "other.office@example.ro").await;
    let hold = |office: &'static str| {
        serde_json::json!({ "service": SERVICE, "office": office,
            "start": "2026-11-25T09:00:00Z", "holders": ["self"], "case": id })
    };
    let elsewhere = citizen
        .post_json(&app, "/api/v1/appointments", &hold("ab-blaj"), &[])
        .await;
    assert_eq!(elsewhere.status, 422, "{}", elsewhere.text());
    assert!(
        elsewhere.text().contains("case-office"),
        "{}",
        elsewhere.text()
    );
    let booked = ghiseu_storage::appointments::active_for_case(&app.state.db, &id).await;
    assert!(matches!(booked, Ok(None)), "{booked:?}");
    let here = citizen
        .post_json(&app, "/api/v1/appointments", &hold(OFFICE), &[])
        .await;
    assert_eq!(here.status, 201, "{}", here.text());
    base.cleanup().await;
}
