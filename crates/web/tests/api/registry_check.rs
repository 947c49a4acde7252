//! The public validity check: without signing in, a document number and
//! its holder's personal id give valid / expired / not valid (why, since
//! when) or "no match", the same for an unknown number as for a wrong id;
//! malformed input is a 422 next to its field; the limits per address and
//! per number answer 429; every check is audited without the personal id.

use crate::support::{Browser, TestApp, TestResponse, hidden};
use ghiseu_app::registry::check::CheckLimits;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_domain::registry::{Source, Standing};
use ghiseu_storage::issued_documents::{self, IssuedDocument};
use serde_json::{Value, json};
use std::time::Duration;

/// The holder's CNP (and a valid IDNP that is nobody's here).
const HOLDER: &str = "1960523123457";
const STRANGER: &str = "2000001234569";
const CHECK: &str = "/api/v1/documents/check";

fn document(number: &str, expires_on: Option<&str>) -> IssuedDocument {
    let digest = NationalId::parse(Country::Ro, HOLDER).unwrap().digest();
    IssuedDocument {
        id: uuid::Uuid::now_v7().to_string(),
        number: number.into(),
        case_id: None,
        service_id: None,
        document_type: Some("passport".into()),
        authority_id: "ro.passport.alba".into(),
        holder_person_id: None,
        holder_ward_id: None,
        holder_name: "Elena Pop".into(),
        holder_id_digest: Some(digest),
        issued_on: "2021-11-23".into(),
        expires_on: expires_on.map(String::from),
        eid_expires_on: None,
        signature_expires_on: None,
        validity_facts: None,
        office_id: "ab-alba-iulia".into(),
        source: Source::Import,
        handover: None,
    }
}

/// Documents of every kind the answer tells apart (today is 2026-11-23).
async fn register(app: &TestApp) {
    let mut tx = app.state.db.begin_write().await.unwrap();
    let valid = [
        ("CHK-VALID", Some("2031-11-22")),
        ("CHK-FOREVER", None),
        ("CHK-EXPIRED", Some("2026-11-20")),
    ];
    for (number, expires) in valid {
        issued_documents::insert(&mut tx, &document(number, expires))
            .await
            .unwrap();
    }
    for standing in [
        Standing::ReportedLost,
        Standing::ReportedStolen,
        Standing::Invalidated,
        Standing::Replaced,
        Standing::NotCollected,
    ] {
        let number = format!("CHK-{}", standing.code());
        issued_documents::insert_with(
            &mut tx,
            &document(&number, Some("2031-11-22")),
            standing,
            Some("2026-11-10"),
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

async fn ask(app: &TestApp, from: &str, number: &str, personal_id: &str) -> TestResponse {
    Browser::at_address(from)
        .post_json(
            app,
            CHECK,
            &json!({"number": number, "personal_id": personal_id}),
            &[],
        )
        .await
}

async fn answer(app: &TestApp, from: &str, number: &str, personal_id: &str) -> Value {
    let response = ask(app, from, number, personal_id).await;
    assert_eq!(response.status, 200, "{}", response.text());
    response.json()
}

/// Every check in the audit log, oldest first.
async fn audited_checks(app: &TestApp) -> Vec<Value> {
    let mut entries = ghiseu_storage::audit::for_action(&app.state.db, "document.checked", 1000)
        .await
        .unwrap();
    entries.reverse();
    let mut checks = Vec::new();
    for entry in &entries {
        let detail = &entry.event.detail;
        assert_eq!(
            detail["columns"],
            json!(["ms_before", "from", "document", "answer"])
        );
        for row in detail["checks"].as_array().unwrap() {
            let at = entry.event.at - jiff::SignedDuration::from_millis(row[0].as_i64().unwrap());
            checks.push(json!({
                "at": at.to_string(), "from": row[1], "document": row[2], "answer": row[3],
            }));
        }
    }
    checks
}

/// Waits for the checks' audit entries, which are written a batch after the answers.
async fn audit_written(app: &TestApp) -> bool {
    ghiseu_app::registry::check::audit::written(&app.state.app, Duration::from_secs(10)).await
}

fn unlimited(app: &TestApp) -> TestApp {
    app.reconfigured(|s| {
        s.checks = CheckLimits {
            per_address: 0,
            misses_per_number: 0,
            ..CheckLimits::default()
        }
    })
}

#[tokio::test]
async fn a_check_tells_validity_without_naming_the_holder() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    let from = "198.51.100.7";
    assert_eq!(
        answer(&app, from, "CHK-VALID", HOLDER).await,
        json!({"answer": "valid", "until": "2031-11-22"})
    );
    assert_eq!(
        answer(&app, from, " CHK-FOREVER ", &format!(" {HOLDER} ")).await,
        json!({"answer": "valid"})
    );
    assert_eq!(
        answer(&app, from, "CHK-EXPIRED", HOLDER).await,
        json!({"answer": "expired", "on": "2026-11-20"})
    );
    for why in [
        "reported-lost",
        "reported-stolen",
        "invalidated",
        "replaced",
        "not-collected",
    ] {
        let body = answer(&app, from, &format!("CHK-{why}"), HOLDER).await;
        assert_eq!(
            body,
            json!({"answer": "not-valid", "why": why, "since": "2026-11-10"})
        );
        assert!(!body.to_string().contains("Elena"));
    }
}

#[tokio::test]
async fn an_unknown_number_and_a_wrong_id_get_the_same_bytes() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    let unknown = ask(&app, "198.51.100.8", "CHK-NOBODY", HOLDER).await;
    let wrong = ask(&app, "198.51.100.8", "CHK-VALID", STRANGER).await;
    assert_eq!(unknown.status, 200);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.content_type(), unknown.content_type());
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(unknown.json(), json!({"answer": "no-match"}));
}

#[tokio::test]
async fn malformed_input_is_a_422_next_to_its_field_not_a_no_match() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    let from = "198.51.100.9";
    let problem = ask(&app, from, "CHK-VALID", "1960523123458")
        .await
        .problem(422);
    assert_eq!(problem["errors"][0]["field"], "personal_id");
    assert_eq!(problem["errors"][0]["code"], "malformed");
    let problem = ask(&app, from, "  ", HOLDER).await.problem(422);
    assert_eq!(problem["errors"][0]["field"], "number");
    assert_eq!(problem["errors"][0]["code"], "required");
    let long = "X".repeat(41);
    let problem = ask(&app, from, &long, HOLDER).await.problem(422);
    assert_eq!(problem["errors"][0]["code"], "too-long");
}

#[tokio::test]
async fn too_many_checks_from_one_address_are_refused_with_retry_after() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = setup.reconfigured(|s| {
        s.checks = CheckLimits {
            per_address: 3,
            misses_per_number: 0,
            ..CheckLimits::default()
        }
    });
    for _ in 0..3 {
        answer(&app, "203.0.113.1", "CHK-VALID", HOLDER).await;
    }
    let refused = ask(&app, "203.0.113.1", "CHK-VALID", HOLDER).await;
    let problem = refused.problem(429);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("/too-many-checks")
    );
    assert_eq!(refused.headers["retry-after"], "900");
    // Another address is not concerned.
    answer(&app, "203.0.113.2", "CHK-VALID", HOLDER).await;
}

#[tokio::test]
async fn wrong_guesses_lock_a_number_against_guessing_but_not_against_honest_checks() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = setup.reconfigured(|s| {
        s.checks = CheckLimits {
            per_address: 100,
            misses_per_number: 2,
            ..CheckLimits::default()
        }
    });
    let guesser = "192.0.2.66";
    // Correct checks do not count against the number.
    for _ in 0..3 {
        answer(&app, "192.0.2.1", "CHK-VALID", HOLDER).await;
    }
    for _ in 0..2 {
        let miss = answer(&app, guesser, "CHK-VALID", STRANGER).await;
        assert_eq!(miss["answer"], "no-match");
    }
    // The number has had its misses: more are refused, from anywhere...
    ask(&app, "192.0.2.67", "CHK-VALID", STRANGER)
        .await
        .problem(429);
    // ... and so is even a right guess from an address that guessed wrong.
    ask(&app, guesser, "CHK-VALID", HOLDER).await.problem(429);
    // A correct check from an address without misses still answers.
    assert_eq!(
        answer(&app, "192.0.2.1", "CHK-VALID", HOLDER).await["answer"],
        "valid"
    );
    // Other numbers are not concerned.
    assert_eq!(
        answer(&app, "192.0.2.67", "CHK-FOREVER", HOLDER).await["answer"],
        "valid"
    );
}

#[tokio::test]
async fn every_check_is_audited_with_the_number_and_answer_but_never_the_id() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    answer(&app, "198.51.100.20", "CHK-VALID", HOLDER).await;
    answer(&app, "198.51.100.20", "CHK-NOBODY", STRANGER).await;
    assert!(audit_written(&app).await);
    let checks = audited_checks(&app).await;
    let shown: Vec<Value> = checks
        .iter()
        .map(|c| json!({"from": c["from"], "document": c["document"], "answer": c["answer"]}))
        .collect();
    assert_eq!(
        shown,
        [
            json!({"from": "198.51.100.20", "document": "CHK-VALID", "answer": "valid"}),
            json!({"from": "198.51.100.20", "document": "CHK-NOBODY", "answer": "no-match"}),
        ]
    );
    let entries = ghiseu_storage::audit::for_action(&app.state.db, "document.checked", 10)
        .await
        .unwrap();
    for entry in &entries {
        let all = format!("{:?}", entry.event);
        assert!(!all.contains(HOLDER) && !all.contains(STRANGER), "{all}");
    }
    ghiseu_storage::audit::verify(&app.state.db).await.unwrap();
}

#[tokio::test]
async fn the_page_checks_a_document_through_its_form() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    let mut browser = Browser::at_address("198.51.100.30");
    let page = browser.get(&app, "/en/documents/check").await;
    assert_eq!(page.status, 200);
    let token = hidden(&page.text(), "form_token");
    let answered = browser
        .post_form(
            &app,
            "/en/documents/check",
            &[
                ("form_token", &token),
                ("number", "CHK-reported-stolen"),
                ("personal_id", HOLDER),
            ],
        )
        .await;
    assert_eq!(answered.status, 200, "{}", answered.text());
    let text = answered.text();
    assert!(
        text.contains("The document is not valid since 10 November 2026: it was reported stolen."),
        "{text}"
    );
    assert!(!text.contains(HOLDER) && !text.contains("Elena"));

    // A mistake is shown next to its field, in the page's language.
    let page = browser.get(&app, "/ro/documents/check").await;
    let token = hidden(&page.text(), "form_token");
    let wrong = browser
        .post_form(
            &app,
            "/ro/documents/check",
            &[
                ("form_token", &token),
                ("number", "CHK-VALID"),
                ("personal_id", "123"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains("id=\"personal_id-error\""));
    assert!(wrong.text().contains("nu este un CNP"));

    // Without the form's token nothing is checked.
    let forged = Browser::at_address("198.51.100.31")
        .post_form(
            &app,
            "/en/documents/check",
            &[("number", "CHK-VALID"), ("personal_id", HOLDER)],
        )
        .await;
    assert_eq!(forged.status, 403);
}

#[tokio::test]
async fn the_page_says_clearly_when_there_were_too_many_checks() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = setup.reconfigured(|s| {
        s.checks = CheckLimits {
            per_address: 1,
            misses_per_number: 0,
            ..CheckLimits::default()
        }
    });
    let mut browser = Browser::at_address("198.51.100.40");
    for expected in [200, 429] {
        let page = browser.get(&app, "/en/documents/check").await;
        let token = hidden(&page.text(), "form_token");
        let sent = browser
            .post_form(
                &app,
                "/en/documents/check",
                &[
                    ("form_token", &token),
                    ("number", "CHK-VALID"),
                    ("personal_id", HOLDER),
                ],
            )
            .await;
        assert_eq!(sent.status, expected);
        if expected == 429 {
            assert!(
                sent.text().contains("Too many document checks"),
                "{}",
                sent.text()
            );
        }
    }
}

#[tokio::test]
async fn checks_made_together_are_all_audited_and_the_chain_holds() {
    let setup = TestApp::new().await;
    register(&setup).await;
    let app = unlimited(&setup);
    let asks = (0..120).map(|i| {
        let app = &app;
        async move {
            let from = format!("198.51.100.{}", i % 50);
            let number = if i % 3 == 0 {
                "CHK-NOBODY"
            } else {
                "CHK-VALID"
            };
            answer(app, &from, number, HOLDER).await["answer"].clone()
        }
    });
    let answers = futures_util::future::join_all(asks).await;
    let valid = answers.iter().filter(|a| *a == "valid").count();
    assert_eq!((valid, answers.len() - valid), (80, 40));
    assert!(audit_written(&app).await);
    let checks = audited_checks(&app).await;
    assert_eq!(checks.len(), 120);
    let no_match = checks.iter().filter(|c| c["answer"] == "no-match").count();
    assert_eq!(no_match, 40);
    let mut times: Vec<&str> = checks.iter().filter_map(|c| c["at"].as_str()).collect();
    assert_eq!(times.len(), 120);
    // In the order they were queued; the clock is fixed, so all at one instant.
    times.dedup();
    assert_eq!(times, ["2026-11-23T08:00:00Z"]);
    ghiseu_storage::audit::verify(&app.state.db).await.unwrap();
}

/// Polls `number` on `app` until it answers `expected` (at most 5 s).
async fn becomes(app: &TestApp, number: &str, expected: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..500 {
        last = answer(app, "198.51.100.30", number, HOLDER).await;
        if last["answer"] == expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    last
}

#[tokio::test]
async fn a_document_changed_by_another_process_is_answered_anew() {
    let setup = TestApp::new().await;
    register(&setup).await;
    // Two servers on one database, each with its own memory.
    let node = unlimited(&setup);
    let other = unlimited(&setup);
    let cache_app = node.state.app.clone();
    let follow = tokio::spawn(async move { cache_app.check_cache.follow(&cache_app.db).await });
    let postgres = node.state.db.backend() == ghiseu_storage::Backend::Postgres;
    if postgres {
        for _ in 0..500 {
            if node.state.check_cache.is_live() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(node.state.check_cache.is_live());
    }
    assert_eq!(
        answer(&node, "198.51.100.30", "CHK-VALID", HOLDER).await["answer"],
        "valid"
    );
    assert_eq!(
        answer(&node, "198.51.100.30", "CHK-LATER", HOLDER).await["answer"],
        "no-match"
    );
    // Kept on PostgreSQL, where the server hears of changes; read anew on SQLite.
    assert_eq!(node.state.check_cache.len(), if postgres { 2 } else { 0 });
    let mut tx = other.state.db.begin_write().await.unwrap();
    issued_documents::insert(&mut tx, &document("CHK-LATER", Some("2031-11-22")))
        .await
        .unwrap();
    let registered = ghiseu_storage::registry::by_number(&mut tx, "CHK-VALID")
        .await
        .unwrap()
        .unwrap();
    let change = ghiseu_storage::registry::StandingChange {
        document_id: &registered.document.id,
        action: ghiseu_domain::registry::RegistryAction::ReportStolen,
        from: Standing::Valid,
        to: Standing::ReportedStolen,
        on: "2026-11-23",
        actor_id: None,
        actor_role: "citizen",
        reason: None,
        place: None,
        circumstances: None,
        police_report: None,
        at: 0,
    };
    assert!(
        ghiseu_storage::registry::change_standing(&mut tx, &change)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    assert_eq!(
        becomes(&node, "CHK-VALID", "not-valid").await,
        json!({"answer": "not-valid", "why": "reported-stolen", "since": "2026-11-23"})
    );
    assert_eq!(
        becomes(&node, "CHK-LATER", "valid").await["answer"],
        "valid"
    );
    follow.abort();
}
