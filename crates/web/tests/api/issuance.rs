//! Electronic issue: a person whose identity is assured by card asks for a
//! criminal record certificate; with nothing in the register it is issued at
//! once, as a PDF that `pdfsig` finds validly signed over the whole file,
//! with a QR text that opens with the published keys, and the public check
//! answers for it.

use crate::cases::{citizen_in_alba, press, start_bare};
use crate::support::{Browser, TestApp, hidden};
use ghiseu_app::issuance::Sealer;
use ghiseu_app::issuance::register::DemoRegister;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_seal::{KeySet, SealKey};
use serde_json::json;
use std::process::Command;
use std::sync::Arc;

/// A CNP born on the profile's birth date (1985-04-27), valid by its check digit.
pub(crate) fn cnp() -> String {
    (0..10)
        .map(|check| format!("285042701123{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .unwrap()
}

pub(crate) async fn bind_by_card(app: &TestApp, person_id: &str, cnp: &str) {
    let mut tx = app.state.db.begin_write().await.unwrap();
    let bound = ghiseu_storage::identity::bind_national_id(
        &mut tx,
        &ghiseu_storage::identity::Binding {
            person_id,
            national_id_country: "RO",
            national_id: cnp,
            level: AssuranceLevel::Card,
            now: app.state.clock.now().as_microsecond(),
        },
    )
    .await
    .unwrap();
    assert!(bound.is_ok(), "{bound:?}");
    tx.commit().await.unwrap();
}

/// The person's certificate request for `purpose`, answered and sent (it
/// asks for no scan): the case page's path.
async fn requested(app: &TestApp, person: &mut Browser, purpose: &str) -> String {
    requested_for(app, person, "self", purpose).await
}

/// The person's request for `holder` ("self" or `organisation:` and an id).
pub(crate) async fn requested_for(
    app: &TestApp,
    person: &mut Browser,
    holder: &str,
    purpose: &str,
) -> String {
    let case = start_bare(app, person, "ro.criminal-record.certificate", holder).await;
    let page = person.get(app, &case).await.text();
    assert!(
        !page.contains("name=\"requirement\""),
        "the certificate asks for no scan"
    );
    let saved = person
        .post_form(
            app,
            &format!("{case}/answers"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
                ("q:purpose", purpose),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let submitted = press(app, person, &case, "submit").await;
    assert_eq!(submitted.status, 303, "{}", submitted.text());
    case
}

/// The app with a test seal key (shared by every app made from the same
/// setup through `sealed`) and `register`.
pub(crate) fn sealed(setup: &TestApp, sealer: &Arc<Sealer>, register: DemoRegister) -> TestApp {
    let sealer = sealer.clone();
    let register = Arc::new(register);
    setup.reconfigured(|s| {
        s.sealer = Some(sealer);
        s.register = Some(register);
    })
}

/// A seal key made for the test.
pub(crate) fn test_sealer(setup: &TestApp) -> Arc<Sealer> {
    let key = SealKey::demo("Ghiseu test authority", setup.state.clock.now()).unwrap();
    Arc::new(Sealer::new(key))
}

/// The text of a PDF, as poppler's `pdftotext` reads it.
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn pdfsig(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfsig")
        .arg("-nocert")
        .arg(&path)
        .output()
        .expect("pdfsig (poppler-utils) must be installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn a_certificate_with_nothing_to_state_is_issued_signed_and_checkable_at_once() {
    let setup = TestApp::new().await;
    let now = setup.state.clock.now();
    let sealer = test_sealer(&setup);
    let kid = sealer.keys.active().kid().to_string();
    let app = sealed(&setup, &sealer, DemoRegister::default());
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.cert@example.ro").await;
    let cnp = cnp();
    bind_by_card(&app, &person_id, &cnp).await;

    let case = requested(&app, &mut elena, "employment").await;

    let id = case.rsplit('/').next().unwrap();
    let told: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &person_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "document-issued")
        .collect();
    assert!(
        !told.is_empty(),
        "the person is told the document is issued"
    );
    assert!(
        told.iter().all(|m| m.body.contains("RO-CAZIER-D-2026-")),
        "{told:?}"
    );
    let shown = elena.get(&app, &case).await.text();
    assert!(shown.contains("id=\"case-issued-download\""), "{shown}");
    assert!(shown.contains(&format!("href=\"/api/v1/cases/{id}/document\"")));
    let body = elena.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(body["state"], "issued", "{body}");

    let pdf = elena
        .get(&app, &format!("/api/v1/cases/{id}/document"))
        .await;
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert!(pdf.body.len() < 150 * 1024, "{} bytes", pdf.body.len());
    let report = pdfsig(&pdf.body);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("Total document signed"), "{report}");
    let mut tampered = pdf.body.clone();
    let middle = tampered.len() / 3;
    tampered[middle] ^= 0x01;
    let report = pdfsig(&tampered);
    assert!(!report.contains("Signature is Valid."), "{report}");

    let sealed = elena
        .get(&app, &format!("/api/v1/cases/{id}/document/seal"))
        .await
        .json();
    let number = sealed["number"].as_str().unwrap().to_string();
    let text = sealed["seal"].as_str().unwrap();
    assert!(text.starts_with("GHS1:"), "{text}");
    assert!(!text.contains(&cnp));
    let keys = KeySet::new(SealKey::demo("someone else", now).unwrap());
    assert!(
        ghiseu_seal::open(text, &keys).is_err(),
        "a key the authority does not publish opens nothing"
    );
    let jwks = crate::support::Browser::default()
        .get(&app, "/.well-known/jwks.json")
        .await
        .json();
    assert_eq!(jwks["keys"][0]["kid"], kid.as_str());
    assert_eq!(jwks["keys"][0]["alg"], "ES256");

    let check = crate::support::Browser::at_address("198.51.100.99")
        .post_json(
            &app,
            "/api/v1/documents/check",
            &json!({"number": number, "personal_id": cnp}),
            &[],
        )
        .await;
    assert_eq!(check.status, 200, "{}", check.text());
    // Issued on the test's day (2026-11-23) and valid for six months.
    assert_eq!(
        check.json(),
        json!({"answer": "valid", "until": "2027-05-23"})
    );
    seal_is_verified(&app, text, &number).await;
    file_is_recognised(&app, &pdf.body, &tampered, &number).await;
    setup.cleanup().await;
}

/// The verify page recognises the file as issued, and nothing else.
async fn file_is_recognised(app: &TestApp, genuine: &[u8], tampered: &[u8], number: &str) {
    let mut visitor = Browser::at_address("198.51.100.94");
    let page = visitor.get(app, "/en/documents/verify").await.text();
    assert!(page.contains("enctype=\"multipart/form-data\""), "{page}");
    let token = hidden(&page, "form_token");
    let upload = async |visitor: &mut Browser, bytes: &[u8]| {
        visitor
            .post_multipart(
                app,
                "/en/documents/verify/file",
                &[("form_token", token.as_str())],
                ("file", "certificate.pdf", bytes),
            )
            .await
    };
    let recognised = upload(&mut visitor, genuine).await;
    assert_eq!(recognised.status, 200, "{}", recognised.text());
    let html = recognised.text();
    assert!(
        html.contains(&format!("This file is exactly document {number}"))
            && html.contains("The document is valid"),
        "{html}"
    );
    let changed = upload(&mut visitor, tampered).await.text();
    assert!(
        changed.contains("it was changed after it was issued"),
        "{changed}"
    );
    let empty = upload(&mut visitor, b"").await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("href=\"#file\""), "{}", empty.text());
}

/// The API and the page verify the genuine seal, and refuse altered,
/// truncated, foreign and unrelated texts, each with its reason.
async fn seal_is_verified(app: &TestApp, text: &str, number: &str) {
    let anyone = || crate::support::Browser::at_address("198.51.100.98");
    let verified = anyone()
        .post_json(app, "/api/v1/documents/verify", &json!({"seal": text}), &[])
        .await;
    assert_eq!(verified.status, 200, "{}", verified.text());
    let body = verified.json();
    assert_eq!(body["answer"], "valid");
    assert_eq!(body["document"]["number"], number);
    assert_eq!(body["document"]["holder_name"], "Elena Pop");
    assert_eq!(body["document"]["birth_date"], "1985-04-27");
    let at = text.len() - 10;
    let changed_char = if &text[at..=at] == "A" { "B" } else { "A" };
    let changed = format!("{}{}{}", &text[..at], changed_char, &text[at + 1..]);
    let foreign_key = SealKey::demo("forger", app.state.clock.now()).unwrap();
    let payload = ghiseu_seal::open(text, &KeySet::new(foreign_key.clone()));
    assert!(payload.is_err());
    let forged = ghiseu_seal::seal(
        &ghiseu_seal::SealPayload {
            number: number.to_string(),
            document_type: "criminal-record-certificate".into(),
            holder_name: "Elena Pop".into(),
            birth_date: Some("1985-04-27".parse().unwrap()),
            issued_on: "2026-11-23".parse().unwrap(),
            expires_on: "2036-11-23".parse().unwrap(),
        },
        &foreign_key,
    )
    .unwrap();
    for (bad, code) in [
        (changed.as_str(), None),
        (&text[..text.len() / 2], Some("unreadable")),
        (forged.as_str(), Some("unknown-key")),
        ("https://example.org/not-a-seal", Some("not-a-seal")),
    ] {
        let r = anyone()
            .post_json(app, "/api/v1/documents/verify", &json!({"seal": bad}), &[])
            .await;
        let problem = r.problem(422);
        let found = problem["errors"][0]["code"].as_str().unwrap().to_string();
        match code {
            Some(code) => assert_eq!(found, code, "{problem}"),
            // One changed character breaks either the signature or the encoding.
            None => assert!(found == "altered" || found == "unreadable", "{problem}"),
        }
    }
    let mut visitor = anyone();
    let page = visitor.get(app, "/en/documents/verify").await;
    assert_eq!(page.status, 200);
    let token = hidden(&page.text(), "form_token");
    let shown = visitor
        .post_form(
            app,
            "/en/documents/verify",
            &[("form_token", token.as_str()), ("seal", text)],
        )
        .await;
    assert_eq!(shown.status, 200, "{}", shown.text());
    let html = shown.text();
    assert!(
        html.contains("The QR code is genuine") && html.contains(number),
        "{html}"
    );
    let refused = visitor
        .post_form(
            app,
            "/en/documents/verify",
            &[("form_token", token.as_str()), ("seal", forged.as_str())],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("was not sealed by this authority"));
}

#[tokio::test]
async fn a_person_with_entries_is_referred_and_the_officer_issues_a_certificate_listing_them() {
    let setup = TestApp::new().await;
    let cnp = cnp();
    let register = DemoRegister::from_toml(&format!(
        "[[person]]\ncountry = \"RO\"\npersonal_id = \"{cnp}\"\nentries = [\"A fine, 2019.\"]\n\
         birth_place = \"Alba Iulia, județul Alba\"\nfather = \"Ion\"\nmother = \"Maria\"\n"
    ))
    .unwrap();
    let app = sealed(&setup, &test_sealer(&setup), register);
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.entries@example.ro").await;
    bind_by_card(&app, &person_id, &cnp).await;
    let case = requested(&app, &mut elena, "studies").await;
    let id = case.rsplit('/').next().unwrap();
    // The request states what the confirmed identity and the register say.
    let shown = elena.get(&app, &case).await.text();
    let prefilled = &shown[shown
        .find("id=\"case-prefilled\"")
        .expect("pre-filled details")..];
    for said in [
        "Elena Pop",
        "27 April 1985",
        "Alba Iulia, județul Alba",
        "Ion",
        "Maria",
    ] {
        assert!(prefilled.contains(said), "{said}: {prefilled}");
    }
    assert!(
        !shown.contains(&cnp),
        "the personal id is shown masked only"
    );
    let body = elena.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(body["state"], "referred", "{body}");
    let none = elena
        .get(&app, &format!("/api/v1/cases/{id}/document"))
        .await;
    assert_eq!(none.status, 404);
    assert!(
        ghiseu_storage::issued_documents::for_case(&app.state.db, id)
            .await
            .unwrap()
            .is_none(),
        "nothing is written into the registry"
    );
    // The officer issues it: the certificate lists what the register holds.
    let (mut officer, _) = crate::support::signed_in_at(
        &app,
        "officer.cazier@example.ro",
        "operator",
        Some("ro.criminal-record"),
        &["mai-bucuresti"],
    )
    .await;
    let path = format!("/en/office/cases/{id}");
    let csrf = crate::support::staff_csrf(&app, &mut officer).await;
    let claimed = officer
        .post_form(&app, &format!("{path}/claim"), &[("csrf", &csrf)])
        .await;
    assert_eq!(claimed.status, 303, "{}", claimed.text());
    let page = officer.get(&app, &path).await.text();
    assert!(page.contains("value=\"issue-after-review\""), "{page}");
    assert!(
        page.contains("What the criminal record register holds") && page.contains("A fine, 2019."),
        "the officer sees the entries before issuing: {page}"
    );
    let version = crate::support::case_version(&app, id).await.to_string();
    let stale = (version.parse::<i64>().unwrap() - 1).to_string();
    let refused = officer
        .post_form(
            &app,
            &format!("{path}/decide"),
            &[
                ("csrf", csrf.as_str()),
                ("version", stale.as_str()),
                ("action", "issue-after-review"),
            ],
        )
        .await;
    assert_ne!(refused.status, 303, "a stale version issues nothing");
    let issued = officer
        .post_form(
            &app,
            &format!("{path}/decide"),
            &[
                ("csrf", csrf.as_str()),
                ("version", version.as_str()),
                ("action", "issue-after-review"),
            ],
        )
        .await;
    assert_eq!(issued.status, 303, "{}", issued.text());
    let body = elena.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(body["state"], "issued", "{body}");
    let pdf = elena
        .get(&app, &format!("/api/v1/cases/{id}/document"))
        .await;
    assert_eq!(pdf.status, 200);
    let report = pdfsig(&pdf.body);
    assert!(report.contains("Signature is Valid."), "{report}");
    let text = pdf_text(&pdf.body);
    assert!(text.contains("A fine, 2019."), "{text}");
    setup.cleanup().await;
}

/// A register that cannot be reached.
#[derive(Debug)]
struct Unreachable;

impl ghiseu_app::issuance::register::CriminalRecordRegister for Unreachable {
    fn entries(
        &self,
        _: ghiseu_app::issuance::register::Subject<'_>,
    ) -> Result<
        Vec<ghiseu_app::issuance::register::RecordEntry>,
        ghiseu_app::issuance::register::RegisterError,
    > {
        Err(ghiseu_app::issuance::register::RegisterError::Unavailable(
            "down for the test".into(),
        ))
    }
}

#[tokio::test]
async fn a_paid_case_left_behind_by_an_unreachable_register_is_issued_by_the_sweep() {
    let setup = TestApp::new().await;
    let sealer = test_sealer(&setup);
    let down = setup.reconfigured(|s| {
        s.sealer = Some(sealer.clone());
        s.register = Some(Arc::new(Unreachable));
    });
    let (mut elena, person_id) = citizen_in_alba(&down, "elena.later@example.ro").await;
    bind_by_card(&down, &person_id, &cnp()).await;
    let case = requested(&down, &mut elena, "adoption").await;
    let id = case.rsplit('/').next().unwrap().to_string();
    let state = |app: &TestApp| {
        let db = app.state.db.clone();
        let id = id.clone();
        async move {
            ghiseu_storage::cases::get(&db, &id)
                .await
                .unwrap()
                .unwrap()
                .state
        }
    };
    assert_eq!(
        state(&down).await,
        "paid",
        "the submission stands; the issue waits"
    );
    assert_eq!(
        ghiseu_app::issuance::issue_left_behind(&down.state)
            .await
            .unwrap(),
        0,
        "a case paid a moment ago is left to its own request"
    );
    // Another server took the case for issuing at 08:01:30 and has it for
    // five minutes: a sweep meanwhile leaves it, and reserves no number.
    let at = |t: &str| t.parse::<jiff::Timestamp>().unwrap().as_microsecond();
    let elsewhere = ghiseu_storage::testing::take_for_issue_elsewhere(
        &setup.state.db,
        &id,
        at("2026-11-23T08:01:30Z"),
        at("2026-11-23T08:06:30Z"),
    );
    assert!(elsewhere.await);
    let numbers =
        || ghiseu_storage::testing::last_document_sequence(&setup.state.db, "ro.criminal-record");
    let before = numbers().await;
    // Two minutes later, with the register back.
    let meanwhile = setup.configured(
        ghiseu_app::Clock::Fixed("2026-11-23T08:02:00Z".parse().unwrap()),
        |s| {
            s.sealer = Some(sealer.clone());
            s.register = Some(Arc::new(DemoRegister::default()));
        },
    );
    assert_eq!(
        ghiseu_app::issuance::issue_left_behind(&meanwhile.state)
            .await
            .unwrap(),
        0,
        "the case is another server's to issue"
    );
    assert_eq!(state(&meanwhile).await, "paid");
    assert_eq!(numbers().await, before, "no number taken for it");

    // That server died: once its five minutes are over, the sweep issues it
    // with the next number, so none is left unused.
    let later = setup.configured(
        ghiseu_app::Clock::Fixed("2026-11-23T08:07:00Z".parse().unwrap()),
        |s| {
            s.sealer = Some(sealer.clone());
            s.register = Some(Arc::new(DemoRegister::default()));
        },
    );
    assert_eq!(
        ghiseu_app::issuance::issue_left_behind(&later.state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(state(&later).await, "issued");
    assert_eq!(numbers().await, before + 1);
    assert_eq!(
        ghiseu_app::issuance::issue_left_behind(&later.state)
            .await
            .unwrap(),
        0,
        "each case is issued once"
    );
    setup.cleanup().await;
}

/// The certificate's number, the QR text and the case's API path, once the
/// person's request for `purpose` is issued.
async fn issued_certificate(
    app: &TestApp,
    person: &mut Browser,
    purpose: &str,
) -> (String, String, String) {
    let case = requested(app, person, purpose).await;
    let id = case.rsplit('/').next().unwrap();
    let api = format!("/api/v1/cases/{id}");
    let sealed = person.get(app, &format!("{api}/document/seal")).await;
    assert_eq!(sealed.status, 200, "{}", sealed.text());
    let sealed = sealed.json();
    (
        sealed["number"].as_str().unwrap().to_string(),
        sealed["seal"].as_str().unwrap().to_string(),
        api,
    )
}

#[tokio::test]
async fn a_revoked_certificate_is_refused_by_the_check_the_seal_and_the_published_list() {
    let setup = TestApp::new().await;
    let sealer = test_sealer(&setup);
    let app = sealed(&setup, &sealer, DemoRegister::default());
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.revoked@example.ro").await;
    let cnp = cnp();
    bind_by_card(&app, &person_id, &cnp).await;

    // A purpose outside the authority's list is refused next to the field.
    let case = start_bare(&app, &mut elena, "ro.criminal-record.certificate", "self").await;
    let page = elena.get(&app, &case).await.text();
    let refused = elena
        .post_form(
            &app,
            &format!("{case}/answers"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
                ("q:purpose", "curiosity"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(
        refused.text().contains("Choose each answer from its list."),
        "{}",
        refused.text()
    );
    let body = elena
        .get(
            &app,
            &format!("/api/v1/cases/{}", case.rsplit('/').next().unwrap()),
        )
        .await
        .json();
    assert_eq!(body["state"], "draft", "{body}");

    let (number, seal, _) = issued_certificate(&app, &mut elena, "employment").await;
    let anyone = || Browser::at_address("198.51.100.97");
    let asked = json!({"number": number, "personal_id": cnp});
    let check = async || {
        anyone()
            .post_json(&app, "/api/v1/documents/check", &asked, &[])
            .await
            .json()
    };
    assert_eq!(check().await["answer"], "valid");

    let (mut officer, _) = crate::support::signed_in_at(
        &app,
        "officer.revoke@example.ro",
        "operator",
        Some("ro.criminal-record"),
        &["mai-bucuresti"],
    )
    .await;
    let csrf = crate::support::staff_csrf(&app, &mut officer).await;
    let revoke = format!("/en/office/documents/{number}/invalidate");
    let done = officer
        .post_form(
            &app,
            &revoke,
            &[("csrf", &csrf), ("reason", "issued-in-error")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());

    assert_eq!(
        check().await,
        json!({"answer": "not-valid", "why": "invalidated", "since": "2026-11-23"})
    );
    let verified = anyone()
        .post_json(
            &app,
            "/api/v1/documents/verify",
            &json!({"seal": seal}),
            &[],
        )
        .await
        .json();
    assert_eq!(verified["answer"], "not-valid", "{verified}");
    assert_eq!(verified["why"], "invalidated", "{verified}");
    let mut visitor = anyone();
    let page = visitor.get(&app, "/en/documents/verify").await.text();
    let shown = visitor
        .post_form(
            &app,
            "/en/documents/verify",
            &[
                ("form_token", hidden(&page, "form_token").as_str()),
                ("seal", &seal),
            ],
        )
        .await
        .text();
    assert!(
        shown.contains("the issuing authority revoked it on 23 November 2026"),
        "{shown}"
    );
    let list = anyone().get(&app, "/api/v1/documents/revoked").await;
    assert_eq!(list.status, 200);
    let list = list.json();
    assert_eq!(
        list["documents"],
        json!([{"number": number, "authority": "ro.criminal-record", "why": "invalidated",
                "since": "2026-11-23", "expires_on": "2027-05-23"}])
    );

    let told: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &person_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "document-revoked")
        .collect();
    assert!(!told.is_empty(), "the holder is told");
    assert!(
        told.iter()
            .any(|m| m.body.contains(&number) && m.body.contains("issued in error")),
        "{told:?}"
    );

    // A second revocation is refused and writes nothing.
    let again = officer
        .post_form(
            &app,
            &revoke,
            &[("csrf", &csrf), ("reason", "record-changed")],
        )
        .await;
    assert_eq!(again.status, 409, "{}", again.text());
    let document =
        ghiseu_storage::registry::by_number(&mut app.state.db.connection().await.unwrap(), &number)
            .await
            .unwrap()
            .unwrap();
    let history = ghiseu_storage::registry::history(
        &mut app.state.db.connection().await.unwrap(),
        &document.document.id,
    )
    .await
    .unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    setup.cleanup().await;
}

#[tokio::test]
async fn a_certificate_past_its_six_months_checks_as_expired() {
    let setup = TestApp::new().await;
    let sealer = test_sealer(&setup);
    let app = sealed(&setup, &sealer, DemoRegister::default());
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.expired@example.ro").await;
    let cnp = cnp();
    bind_by_card(&app, &person_id, &cnp).await;
    let (number, seal, _) = issued_certificate(&app, &mut elena, "visa-emigration").await;
    let later = setup.configured(
        ghiseu_app::Clock::Fixed("2027-05-24T09:00:00Z".parse().unwrap()),
        |s| {
            s.sealer = Some(sealer.clone());
            s.register = Some(Arc::new(DemoRegister::default()));
        },
    );
    let checked = Browser::at_address("198.51.100.96")
        .post_json(
            &later,
            "/api/v1/documents/check",
            &json!({"number": number, "personal_id": cnp}),
            &[],
        )
        .await
        .json();
    assert_eq!(checked, json!({"answer": "expired", "on": "2027-05-23"}));
    let verified = Browser::at_address("198.51.100.96")
        .post_json(
            &later,
            "/api/v1/documents/verify",
            &json!({"seal": seal}),
            &[],
        )
        .await
        .json();
    assert_eq!(verified["answer"], "expired", "{verified}");
    setup.cleanup().await;
}
