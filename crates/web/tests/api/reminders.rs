//! Expiry reminders, on both backends: each threshold fires once as the days
//! pass and a second scan queues nothing; a reported document gets none; a
//! guardian is told of a child's document while the guardianship holds;
//! chip certificates and uncollected documents have reminders of their
//! own; two scans at once queue each reminder exactly once.

use crate::support::TestApp;
use ghiseu_app::registry::remind::{Reminded, remind};
use ghiseu_domain::account::MessageKind;
use ghiseu_domain::registry::{Source, Standing};
use ghiseu_storage::accounts::{NewPerson, insert_person};
use ghiseu_storage::households::{self, NewWard};
use ghiseu_storage::issued_documents::{self, IssuedDocument};
use ghiseu_storage::outbox;
use ghiseu_storage::reminders::{self, ReminderChoice};

async fn person(app: &TestApp, id: &str) {
    let mut tx = app.state.db.begin_write().await.unwrap();
    let email = format!("{id}@example.lt");
    let new = NewPerson {
        id,
        email: &email,
        password_hash: "x",
        role: "citizen",
        preferred_lang: "en",
        now: 0,
    };
    assert!(insert_person(&mut tx, &new).await.unwrap());
    tx.commit().await.unwrap();
}

async fn choose(app: &TestApp, id: &str, thresholds: &[u16]) {
    let mut tx = app.state.db.begin_write().await.unwrap();
    let choice = ReminderChoice {
        thresholds: thresholds.to_vec(),
        certificates: true,
        not_collected: true,
    };
    reminders::save_choice(&mut tx, id, &choice, 0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

struct Doc<'a> {
    id: &'a str,
    person: Option<&'a str>,
    ward: Option<&'a str>,
    document_type: &'a str,
    expires_on: &'a str,
    eid: Option<&'a str>,
    signature: Option<&'a str>,
    standing: Standing,
    since: Option<&'a str>,
}

impl Default for Doc<'_> {
    fn default() -> Self {
        Doc {
            id: "doc",
            person: None,
            ward: None,
            document_type: "passport",
            expires_on: "2027-03-01",
            eid: None,
            signature: None,
            standing: Standing::Valid,
            since: None,
        }
    }
}

async fn document(app: &TestApp, d: Doc<'_>) {
    let document = IssuedDocument {
        id: d.id.into(),
        number: format!("LT-{}", d.id),
        case_id: None,
        service_id: None,
        document_type: Some(d.document_type.into()),
        authority_id: "lt.migration".into(),
        holder_person_id: d.person.map(str::to_string),
        holder_ward_id: d.ward.map(str::to_string),
        holder_name: "Ona Kazlauskienė".into(),
        holder_id_digest: None,
        issued_on: "2017-03-02".into(),
        expires_on: Some(d.expires_on.into()),
        eid_expires_on: d.eid.map(str::to_string),
        signature_expires_on: d.signature.map(str::to_string),
        validity_facts: None,
        office_id: "lt-vilnius".into(),
        source: Source::Import,
        handover: None,
    };
    let mut tx = app.state.db.begin_write().await.unwrap();
    issued_documents::insert_with(&mut tx, &document, d.standing, d.since)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn told(app: &TestApp, person: &str, kind: MessageKind) -> usize {
    outbox::for_person(&app.state.db, person)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.kind == kind.code())
        .count()
}

/// The scan as it runs on `day` at 09:00 in Vilnius.
async fn scan_on(setup: &TestApp, day: &str) -> Reminded {
    let app = setup.at(&format!("{day}T07:00:00Z"));
    remind(&app.state, None).await.unwrap()
}

#[tokio::test]
async fn each_threshold_fires_once_as_the_days_pass_and_a_reported_document_gets_none() {
    let setup = TestApp::new().await;
    person(&setup, "ona").await;
    choose(&setup, "ona", &[90, 30, 7]).await;
    document(
        &setup,
        Doc {
            id: "kept",
            person: Some("ona"),
            ..Doc::default()
        },
    )
    .await;
    document(
        &setup,
        Doc {
            id: "lost",
            person: Some("ona"),
            expires_on: "2027-02-28",
            standing: Standing::ReportedLost,
            since: Some("2026-11-01"),
            ..Doc::default()
        },
    )
    .await;
    let expiry = MessageKind::DocumentExpiry;
    // 2027-03-01 less 100, 90, 60, 30, 7 days.
    assert_eq!(scan_on(&setup, "2026-11-21").await.reminders, 0);
    assert_eq!(told(&setup, "ona", expiry).await, 0);
    assert_eq!(scan_on(&setup, "2026-12-01").await.reminders, 1);
    assert_eq!(
        scan_on(&setup, "2026-12-01").await.reminders,
        0,
        "a second run"
    );
    assert_eq!(told(&setup, "ona", expiry).await, 1);
    assert_eq!(scan_on(&setup, "2026-12-31").await.reminders, 0);
    assert_eq!(scan_on(&setup, "2027-01-30").await.reminders, 1);
    assert_eq!(scan_on(&setup, "2027-02-22").await.reminders, 1);
    assert_eq!(scan_on(&setup, "2027-02-23").await.reminders, 0);
    assert_eq!(told(&setup, "ona", expiry).await, 3, "90, 30 and 7 days");
    // Once expired, nothing more.
    assert_eq!(scan_on(&setup, "2027-03-05").await.reminders, 0);
    setup.cleanup().await;
}

#[tokio::test]
async fn a_missed_day_sends_the_nearest_threshold_once_and_the_defaults_apply() {
    let setup = TestApp::new().await;
    person(&setup, "jonas").await;
    // No choice: Lithuania's 90, 30, 7.
    document(
        &setup,
        Doc {
            id: "late",
            person: Some("jonas"),
            ..Doc::default()
        },
    )
    .await;
    // 20 days before: 90 and 30 are both due; one message says it.
    assert_eq!(scan_on(&setup, "2027-02-09").await.reminders, 1);
    assert_eq!(scan_on(&setup, "2027-02-10").await.reminders, 0);
    assert_eq!(told(&setup, "jonas", MessageKind::DocumentExpiry).await, 1);
    setup.cleanup().await;
}

#[tokio::test]
async fn a_guardian_is_told_of_the_childs_document_until_the_guardianship_ends() {
    let setup = TestApp::new().await;
    person(&setup, "mama").await;
    person(&setup, "tata").await;
    choose(&setup, "mama", &[90, 30, 7]).await;
    let mut tx = setup.state.db.begin_write().await.unwrap();
    for guardian in ["mama", "tata"] {
        let ward = NewWard {
            id: if guardian == "mama" { "child" } else { "other" },
            given_name: "Ieva",
            family_name: "Kazlauskaitė",
            // Turns 18 on 2027-01-15.
            birth_date: "2009-01-15",
            national_id: None,
            guardian_id: guardian,
            relationship: "parent",
            evidence: "birth certificate",
            office_id: "lt-vilnius",
            now: 0,
        };
        households::record_confirmed(&mut tx, &ward, guardian)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    document(
        &setup,
        Doc {
            id: "childs",
            ward: Some("child"),
            ..Doc::default()
        },
    )
    .await;
    let expiry = MessageKind::DocumentExpiry;
    assert_eq!(scan_on(&setup, "2026-12-01").await.reminders, 1);
    assert_eq!(told(&setup, "mama", expiry).await, 1);
    assert_eq!(
        told(&setup, "tata", expiry).await,
        0,
        "not this child's guardian"
    );
    // 30 days before, the child is 18: the guardianship has ended.
    assert_eq!(scan_on(&setup, "2027-01-30").await.reminders, 0);
    assert_eq!(told(&setup, "mama", expiry).await, 1);
    setup.cleanup().await;
}

#[tokio::test]
async fn chip_certificates_and_uncollected_documents_have_reminders_of_their_own() {
    let setup = TestApp::new().await;
    person(&setup, "rasa").await;
    choose(&setup, "rasa", &[30]).await;
    document(
        &setup,
        Doc {
            id: "card",
            person: Some("rasa"),
            document_type: "identity-card",
            expires_on: "2031-12-20",
            eid: Some("2026-12-20"),
            signature: Some("2027-01-10"),
            ..Doc::default()
        },
    )
    .await;
    document(
        &setup,
        Doc {
            id: "waiting",
            person: Some("rasa"),
            expires_on: "2036-10-01",
            standing: Standing::AwaitingCollection,
            since: Some("2026-10-01"),
            ..Doc::default()
        },
    )
    .await;
    // Lithuania waits 60 days: due from 2026-11-30; eID due from 2026-11-20.
    let first = scan_on(&setup, "2026-11-25").await;
    assert_eq!(first.reminders, 1);
    assert_eq!(
        told(&setup, "rasa", MessageKind::CertificateExpiry).await,
        1
    );
    assert_eq!(
        told(&setup, "rasa", MessageKind::DocumentNotCollected).await,
        0
    );
    assert_eq!(scan_on(&setup, "2026-12-01").await.reminders, 1);
    assert_eq!(
        told(&setup, "rasa", MessageKind::DocumentNotCollected).await,
        1
    );
    // The signature certificate, 30 days before 2027-01-10.
    assert_eq!(scan_on(&setup, "2026-12-11").await.reminders, 1);
    assert_eq!(scan_on(&setup, "2026-12-12").await.reminders, 0);
    assert_eq!(
        told(&setup, "rasa", MessageKind::CertificateExpiry).await,
        2
    );
    assert_eq!(told(&setup, "rasa", MessageKind::DocumentExpiry).await, 0);
    setup.cleanup().await;
}

#[tokio::test]
async fn two_scans_at_once_queue_each_reminder_exactly_once() {
    let setup = TestApp::new().await;
    let holders: Vec<String> = (0..40).map(|i| format!("h{i:02}")).collect();
    for (i, holder) in holders.iter().enumerate() {
        person(&setup, holder).await;
        let id = format!("d{i:02}");
        document(
            &setup,
            Doc {
                id: &id,
                person: Some(holder),
                ..Doc::default()
            },
        )
        .await;
    }
    let a = setup.at("2026-12-01T07:00:00Z");
    let b = setup.at("2026-12-01T07:00:00Z");
    let (one, two) = tokio::join!(remind(&a.state, None), remind(&b.state, None));
    let total = one.unwrap().reminders + two.unwrap().reminders;
    assert_eq!(total, 40);
    let mut messages = 0;
    for holder in &holders {
        let n = told(&setup, holder, MessageKind::DocumentExpiry).await;
        assert_eq!(n, 1, "{holder} is told once");
        messages += n;
    }
    assert_eq!(messages, 40);
    setup.cleanup().await;
}

#[tokio::test]
async fn a_person_reads_and_changes_their_reminders_and_bad_thresholds_are_named() {
    use crate::support::signed_in;
    use axum::body::Body;
    use axum::http::{Request, header};
    use serde_json::json;
    let app = TestApp::new().await;
    let (mut ana, id) = signed_in(&app, "ana@example.ro", "citizen").await;
    let read = ana.get(&app, "/api/v1/reminders").await;
    assert_eq!(read.status, 200, "{}", read.text());
    let body = read.json();
    assert_eq!(body["chosen"], false);
    assert_eq!(body["thresholds"], body["defaults"]);
    assert_eq!(body["certificates"], true);

    let put = |value: serde_json::Value| {
        (
            Request::put("/api/v1/reminders").header(header::CONTENT_TYPE, "application/json"),
            Body::from(value.to_string()),
        )
    };
    let (request, body) = put(json!({"thresholds": [0, 7, 800]}));
    let refused = ana.send_built(&app, request, body).await;
    let problem = refused.problem(422);
    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{problem}");
    assert!(
        errors.iter().all(|e| e["field"] == "thresholds"),
        "{problem}"
    );
    let mut conn = app.state.db.connection().await.unwrap();
    assert_eq!(
        reminders::choice(&mut conn, &id).await.unwrap(),
        None,
        "nothing written"
    );
    drop(conn);

    let (request, body) = put(json!({"thresholds": [7, 60, 7], "not_collected": false}));
    let changed = ana.send_built(&app, request, body).await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    let body = changed.json();
    assert_eq!(body["thresholds"], json!([60, 7]));
    assert_eq!(body["chosen"], true);
    assert_eq!(body["not_collected"], false);
    assert_eq!(ana.get(&app, "/api/v1/reminders").await.json(), body);

    // Without JSON, or without a session: refused.
    let plain = Request::put("/api/v1/reminders").header(header::CONTENT_TYPE, "text/plain");
    let refused = ana.send_built(&app, plain, Body::from("{}")).await;
    assert!(
        refused.status == 415 || refused.status == 400,
        "{}",
        refused.status
    );
    assert_eq!(app.get("/api/v1/reminders").await.status, 401);
    app.cleanup().await;
}

#[tokio::test]
async fn a_body_must_be_an_object_and_a_whole_number_may_be_written_with_a_fraction() {
    use crate::support::signed_in;
    use axum::body::Body;
    use axum::http::{Request, header};
    use serde_json::json;
    let app = TestApp::new().await;
    let (mut ana, _) = signed_in(&app, "ana@example.ro", "citizen").await;
    let put = |text: &str| {
        (
            Request::put("/api/v1/reminders").header(header::CONTENT_TYPE, "application/json"),
            Body::from(text.to_string()),
        )
    };
    // serde reads a struct from an array of its fields too: the API does not.
    for not_an_object in ["[null]", "[[30], true, true]", "\"thresholds\"", "null"] {
        let (request, body) = put(not_an_object);
        let refused = ana.send_built(&app, request, body).await;
        let problem = refused.problem(400);
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("must be a JSON object"),
            "{not_an_object}: {problem}"
        );
    }
    let (request, body) = put("{\"thresholds\": [");
    let broken = ana.send_built(&app, request, body).await;
    assert!(
        broken.problem(400)["detail"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );

    // JSON has one kind of number: 30.0 is the whole number 30.
    let (request, body) = put(&json!({"thresholds": [30.0, 7]}).to_string());
    let changed = ana.send_built(&app, request, body).await;
    assert_eq!(changed.status, 200, "{}", changed.text());
    assert_eq!(changed.json()["thresholds"], json!([30, 7]));
    for not_whole in ["[7.5]", "[1e300]"] {
        let (request, body) = put(&format!("{{\"thresholds\": {not_whole}}}"));
        let refused = ana.send_built(&app, request, body).await;
        assert_eq!(refused.status, 400, "{not_whole}: {}", refused.text());
    }
    app.cleanup().await;
}
