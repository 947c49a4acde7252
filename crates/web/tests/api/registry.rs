//! The registry through the API: a person sees their documents and their
//! children's, reports one lost at any hour and it is not valid at once;
//! reporting twice, someone else's document or an unknown number is refused
//! clearly, and nothing is written.

use crate::support::{TestApp, hidden, log_in_with};
use serde_json::json;

/// The demonstration data, the portal's clock at `now`, and the demo
/// citizen signed in. The first app owns the database: keep it alive.
async fn demo_at(
    now: &str,
) -> (
    TestApp,
    TestApp,
    Vec<ghiseu_web::accounts::demo::DemoPerson>,
    crate::support::Browser,
) {
    let setup = TestApp::new().await;
    let people = ghiseu_web::accounts::demo::seed(
        &setup.state,
        setup.state.clock.now(),
        &Default::default(),
    )
    .await
    .unwrap();
    let app = setup.at(now);
    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();
    let ana = log_in_with(&app, &citizen.email, &citizen.password).await;
    (setup, app, people, ana)
}

#[tokio::test]
async fn a_holder_reports_a_document_lost_at_night_and_it_is_not_valid_at_once() {
    // 02:00 in Bucharest, when no office is open.
    let (_setup, app, people, mut ana) = demo_at("2026-11-24T00:00:00Z").await;

    let listed = ana.get(&app, "/api/v1/documents").await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    let documents = listed.json();
    let first = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["validity"] == "valid")
        .unwrap_or_else(|| panic!("a valid document among {documents}"))
        .clone();
    assert_eq!(first["standing"], "valid");
    let number = first["number"].as_str().unwrap().to_string();
    let path = format!("/api/v1/documents/{number}/report");

    let reported = ana
        .post_json(
            &app,
            &path,
            &json!({"loss": "lost", "place": "Alba Iulia", "circumstances": "  "}),
            &[],
        )
        .await;
    assert_eq!(reported.status, 200, "{}", reported.text());
    let body = reported.json();
    assert_eq!(body["number"], number);
    assert_eq!(body["validity"], "not-valid");
    assert_eq!(body["standing"], "reported-lost");
    assert_eq!(body["since"], "2026-11-24");
    let listed = ana.get(&app, "/api/v1/documents").await.json();
    let same = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == number.as_str())
        .unwrap();
    assert_eq!(same["validity"], "not-valid");

    // Twice: already not valid, said with its standing and day.
    let again = ana
        .post_json(&app, &path, &json!({"loss": "stolen"}), &[])
        .await;
    let problem = again.problem(409);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("/document-not-in-force")
    );
    assert!(
        problem["detail"].as_str().unwrap().contains("2026-11-24"),
        "{problem}"
    );

    // Someone else's document and a number nobody holds get the same answer.
    let alba = people
        .iter()
        .find(|p| p.email == "operator.alba@demo.ghiseu.example")
        .unwrap();
    let mut stranger = log_in_with(&app, &alba.email, &alba.password).await;
    let theirs = stranger
        .post_json(&app, &path, &json!({"loss": "lost"}), &[])
        .await
        .problem(404);
    let unknown = stranger
        .post_json(
            &app,
            "/api/v1/documents/NO-SUCH-1/report",
            &json!({"loss": "lost"}),
            &[],
        )
        .await
        .problem(404);
    assert_eq!(theirs, unknown);
    assert!(
        theirs["type"]
            .as_str()
            .unwrap()
            .ends_with("/document-not-found")
    );
    let listed = stranger.get(&app, "/api/v1/documents").await;
    assert_eq!(listed.json(), json!([]), "staff hold no demo documents");

    // A report that is not one: a clear 4xx, nothing written.
    let malformed = ana
        .post_json(&app, &path, &json!({"loss": "burnt"}), &[])
        .await;
    assert!(
        malformed.status == 400 || malformed.status == 422,
        "{}",
        malformed.status
    );
    assert_eq!(
        malformed.content_type(),
        "application/problem+json",
        "{}",
        malformed.text()
    );

    // Not signed in: the API says so.
    let anonymous = app.get("/api/v1/documents").await;
    assert_eq!(anonymous.status, 401);
}

#[tokio::test]
async fn a_parent_reports_a_childs_passport_lost_on_the_page_and_is_told_by_message() {
    let (_setup, app, people, mut ana) = demo_at("2026-11-24T00:00:00Z").await;
    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();

    // The child's passport is listed with the parent's own, as the child's.
    let documents = ana.get(&app, "/api/v1/documents").await.json();
    let child = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["ward"].is_string())
        .unwrap_or_else(|| panic!("the child's passport among {documents}"))
        .clone();
    assert_eq!(child["holder_name"], "Ioana Popescu");
    assert_eq!(child["document_type"], "electronic-passport");
    let number = child["number"].as_str().unwrap().to_string();

    let page = ana.get(&app, "/en/documents").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains(&number) && text.contains("Ioana Popescu"),
        "{text}"
    );
    assert!(text.contains("Valid until"), "{text}");
    let apply = format!(
        "/en/applications/new?service=ro.passport.electronic&#38;holder={}",
        child["ward"].as_str().unwrap()
    );
    assert!(
        text.contains(&apply),
        "apply again for the same child: {text}"
    );
    let ward = child["ward"].as_str().unwrap();
    let again = ana
        .get(
            &app,
            &format!("/en/applications/new?service=ro.passport.electronic&holder={ward}"),
        )
        .await
        .text();
    assert!(
        again.contains(&format!("value=\"{ward}\" checked")),
        "the child is chosen at first: {again}"
    );

    let path = format!("/en/documents/{number}/report");
    let form = ana.get(&app, &path).await;
    assert_eq!(form.status, 200);
    assert!(form.text().contains("cannot use it"), "{}", form.text());
    let csrf = hidden(&form.text(), "csrf");

    // Nothing chosen: the error is next to the question, nothing changes.
    let unchosen = ana.post_form(&app, &path, &[("csrf", &csrf)]).await;
    assert_eq!(unchosen.status, 422);
    assert!(
        unchosen.text().contains("loss-error"),
        "{}",
        unchosen.text()
    );
    let still = ana.get(&app, "/api/v1/documents").await.json();
    assert!(still.to_string().contains("\"standing\":\"valid\""));

    let sent = ana
        .post_form(
            &app,
            &path,
            &[
                ("csrf", &csrf),
                ("loss", "lost"),
                ("place", "Park"),
                ("police_report", ""),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    let back = sent.headers["location"].to_str().unwrap().to_string();
    assert_eq!(back, format!("/en/documents?reported={number}"));
    let listed = ana.get(&app, &back).await;
    assert!(
        listed.text().contains("Not valid: reported lost on"),
        "{}",
        listed.text()
    );
    assert!(
        listed
            .text()
            .contains(&format!("Document {number} is now recorded"))
    );

    // The parent is told, in the same transaction, through the outbox.
    let person = ghiseu_storage::accounts::person_by_email(&app.state.db, &citizen.email)
        .await
        .unwrap()
        .unwrap();
    let messages = ghiseu_storage::outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap();
    let told = messages
        .iter()
        .find(|m| m.kind == "document-reported")
        .unwrap_or_else(|| panic!("a message about the report among {messages:?}"));
    assert!(told.body.contains(&number), "{}", told.body);
    assert!(told.body.contains("Ioana Popescu"), "{}", told.body);

    // A second report on the page: the refusal is said on the page.
    let again = ana
        .post_form(&app, &path, &[("csrf", &csrf), ("loss", "stolen")])
        .await;
    assert_eq!(again.status, 409);
    assert!(again.text().contains("no longer valid"), "{}", again.text());
}

#[tokio::test]
async fn staff_find_a_document_read_its_history_record_a_counter_report_and_invalidate() {
    let (_setup, app, people, mut ana) = demo_at("2026-11-24T09:00:00Z").await;
    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();
    let documents = ana.get(&app, "/api/v1/documents").await.json();
    let numbers: Vec<String> = documents
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        numbers.len(),
        2,
        "her passport and her child's: {documents}"
    );

    let alba = people
        .iter()
        .find(|p| p.email == "operator.alba@demo.ghiseu.example")
        .unwrap();
    let mut operator = log_in_with(&app, &alba.email, &alba.password).await;
    let page = operator
        .get(&app, &format!("/en/office/documents?number={}", numbers[0]))
        .await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Valid until"), "{text}");
    assert!(text.contains("Nothing has happened"), "{text}");
    let csrf = hidden(&text, "csrf");

    // Every look is audited against the holder.
    let person = ghiseu_storage::accounts::person_by_email(&app.state.db, &citizen.email)
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<String> = ghiseu_storage::audit::for_subject(&app.state.db, &person.id, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert!(
        actions.contains(&"document.looked-up".to_string()),
        "{actions:?}"
    );

    // Another authority's operator finds nothing, as for an unknown number.
    let chisinau = people
        .iter()
        .find(|p| p.email == "operator.igm-chisinau@demo.ghiseu.example")
        .unwrap();
    let mut other = log_in_with(&app, &chisinau.email, &chisinau.password).await;
    let elsewhere = other
        .get(&app, &format!("/en/office/documents?number={}", numbers[0]))
        .await
        .text();
    assert!(elsewhere.contains("id=\"not-found\""), "{elsewhere}");
    let other_csrf = crate::support::staff_csrf(&app, &mut other).await;
    let forbidden = other
        .post_form(
            &app,
            &format!("/en/office/documents/{}/invalidate", numbers[0]),
            &[("csrf", &other_csrf), ("reason", "damaged")],
        )
        .await;
    assert_eq!(forbidden.status, 404, "{}", forbidden.text());
    assert!(
        forbidden.text().contains("No document with this number"),
        "{}",
        forbidden.text()
    );

    // A reason outside the authority's list is refused next to the field.
    let invalidate = format!("/en/office/documents/{}/invalidate", numbers[0]);
    let unknown = operator
        .post_form(&app, &invalidate, &[("csrf", &csrf), ("reason", "whim")])
        .await;
    assert_eq!(unknown.status, 422);
    assert!(
        unknown.text().contains("href=\"#reason\""),
        "{}",
        unknown.text()
    );

    let done = operator
        .post_form(&app, &invalidate, &[("csrf", &csrf), ("reason", "damaged")])
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let after = operator
        .get(&app, done.headers["location"].to_str().unwrap())
        .await
        .text();
    assert!(after.contains("revoked by the authority"), "{after}");
    assert!(after.contains("The document is damaged."), "{after}");
    assert!(
        !after.contains("id=\"invalidate\""),
        "no more changes: {after}"
    );

    // The child's passport: a theft reported at the counter.
    let report = format!("/en/office/documents/{}/report", numbers[1]);
    let reported = operator
        .post_form(
            &app,
            &report,
            &[
                ("csrf", &csrf),
                ("loss", "stolen"),
                ("police_report", "AB-123/2026"),
            ],
        )
        .await;
    assert_eq!(reported.status, 303, "{}", reported.text());
    let history = operator
        .get(&app, reported.headers["location"].to_str().unwrap())
        .await
        .text();
    assert!(
        history.contains("Reported stolen") && history.contains("AB-123/2026"),
        "{history}"
    );
    let messages = ghiseu_storage::outbox::for_person(&app.state.db, &person.id)
        .await
        .unwrap();
    assert!(messages.iter().any(|m| m.kind == "document-reported"));

    let listed = ana.get(&app, "/api/v1/documents").await.json();
    let standings: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["standing"].as_str().unwrap())
        .collect();
    assert!(standings.contains(&"invalidated") && standings.contains(&"reported-stolen"));

    // Citizens have no way in.
    let citizen_page = ana.get(&app, "/en/office/documents").await;
    assert!(
        citizen_page.status == 403 || citizen_page.status == 404,
        "{}",
        citizen_page.status
    );
}

/// A residence permit's expiry follows the facts captured at handover: the
/// granted stay, never past the holder's passport.
#[tokio::test]
async fn a_permit_issued_on_facts_expires_with_the_stay_or_the_passport() {
    use ghiseu_app::registry::issue::{FactNeeded, expiry};
    use ghiseu_domain::quote::{HolderFact, HolderFacts};
    use jiff::civil::date;
    let app = TestApp::new().await;
    let case = ghiseu_storage::cases::CaseRecord {
        id: "c".into(),
        reference: None,
        authority_id: "ro.igi".into(),
        service_id: "ro.igi.residence-permit".into(),
        applicant_id: "p".into(),
        holder_person_id: Some("p".into()),
        holder_ward_id: None,
        holder_given_name: "Olena".into(),
        holder_family_name: "Kovalenko".into(),
        holder_birth_date: Some("1990-04-02".into()),
        holder_region: Some("RO-AB".into()),
        holder_citizenship: None,
        category_id: None,
        answers: "{}".into(),
        office_id: None,
        state: "ready-for-pickup".into(),
        assignee_id: None,
        filed_on: Some("2026-11-02".into()),
        deadline: None,
        fee_minor: None,
        currency: "RON".into(),
        pickup_office_id: None,
        created_at: 0,
        updated_at: 0,
        version: 1,
    };
    let today = date(2026, 11, 23);
    let mut facts = HolderFacts::default();
    assert_eq!(
        expiry(&app.state, &case, today, &facts),
        Err(FactNeeded(HolderFact::StayUntil))
    );
    facts.stay_until = Some(date(2027, 11, 22));
    assert_eq!(
        expiry(&app.state, &case, today, &facts),
        Err(FactNeeded(HolderFact::PassportExpires))
    );
    facts.passport_expires = Some(today);
    assert_eq!(
        expiry(&app.state, &case, today, &facts),
        Err(FactNeeded(HolderFact::PassportExpires)),
        "a passport that ends on the issue day cannot carry a permit"
    );
    facts.passport_expires = Some(date(2027, 6, 30));
    assert_eq!(
        expiry(&app.state, &case, today, &facts),
        Ok(Some(date(2027, 6, 30))),
        "never past the passport"
    );
    facts.passport_expires = Some(date(2031, 1, 1));
    assert_eq!(
        expiry(&app.state, &case, today, &facts),
        Ok(Some(date(2027, 11, 22))),
        "the granted stay"
    );
    app.cleanup().await;
}

/// A new document of the same type for the same holder ends the older one:
/// replaced, on the new one's issue day, with the new number in its history.
#[tokio::test]
async fn a_new_passport_replaces_the_childs_older_one() {
    use ghiseu_app::registry::issue::{NewDocument, issue};
    let (_setup, app, _, mut ana) = demo_at("2027-01-11T09:00:00Z").await;
    let documents = ana.get(&app, "/api/v1/documents").await.json();
    let old = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["ward"].is_string())
        .unwrap()
        .clone();
    let old_number = old["number"].as_str().unwrap();

    let cases = ghiseu_storage::cases::for_person(
        &app.state.db,
        "nobody",
        &[old["ward"].as_str().unwrap().to_string()],
    )
    .await
    .unwrap();
    let mut case = cases
        .into_iter()
        .next()
        .expect("the child's handed-over case");
    case.id = "second-passport".into();
    case.reference = None;
    let mut tx = app.state.db.begin_write().await.unwrap();
    ghiseu_storage::cases::insert_draft(&mut tx, &case)
        .await
        .unwrap();
    let authority = app.state.catalogue.authority(&case.authority_id).unwrap();
    let today = app.state.clock.today(authority);
    let new = NewDocument {
        case: &case,
        authority,
        today,
        facts: &ghiseu_domain::quote::HolderFacts::default(),
        office_id: "ab-alba-iulia".into(),
        handover: None,
        source: ghiseu_domain::registry::Source::Counter,
        now: app.state.clock.now().as_microsecond(),
    };
    let issued = issue(&app.state, &mut tx, &new).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    assert_ne!(issued.number, old_number);
    assert!(
        issued.holder_id_digest.is_some(),
        "the child's id is the check's key"
    );

    let listed = ana.get(&app, "/api/v1/documents").await.json();
    let before = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == old_number)
        .unwrap();
    assert_eq!(before["standing"], "replaced");
    assert_eq!(before["since"], "2027-01-11");
    let after = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == issued.number.as_str())
        .unwrap();
    assert_eq!(after["standing"], "valid");

    let mut conn = app.state.db.connection().await.unwrap();
    let old_id = ghiseu_storage::registry::by_number(&mut conn, old_number)
        .await
        .unwrap()
        .unwrap()
        .document
        .id;
    let history = ghiseu_storage::registry::history(&mut conn, &old_id)
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].reason.as_deref(), Some(issued.number.as_str()));
    assert_eq!(history[0].actor_role, "system");
}
