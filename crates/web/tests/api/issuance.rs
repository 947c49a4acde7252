//! Electronic issue: a person whose identity is assured by card asks for a
//! criminal record certificate; with nothing in the register it is issued at
//! once, as a PDF that `pdfsig` finds validly signed over the whole file,
//! with a QR text that opens with the published keys, and the public check
//! answers for it.

use crate::cases::{citizen_in_alba, press, start_bare};
use crate::support::{TestApp, hidden};
use ghiseu_app::issuance::Sealer;
use ghiseu_app::issuance::register::DemoRegister;
use ghiseu_domain::account::AssuranceLevel;
use ghiseu_domain::national_id::{Country, NationalId};
use ghiseu_seal::{KeySet, SealKey};
use serde_json::json;
use std::process::Command;
use std::sync::Arc;

/// A CNP born on the profile's birth date (1985-04-27), valid by its check digit.
fn cnp() -> String {
    (0..10)
        .map(|check| format!("285042701123{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .unwrap()
}

async fn bind_by_card(app: &TestApp, person_id: &str, cnp: &str) {
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

fn pdfsig(pdf: &[u8]) -> String {
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
    let key = SealKey::demo("Ghiseu test authority", now).unwrap();
    let kid = key.kid().to_string();
    let app = setup.reconfigured(|s| {
        s.sealer = Some(Arc::new(Sealer::new(key)));
        s.register = Some(Arc::new(DemoRegister::default()));
    });
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.cert@example.ro").await;
    let cnp = cnp();
    bind_by_card(&app, &person_id, &cnp).await;

    let case = start_bare(&app, &mut elena, "ro.criminal-record.certificate", "self").await;
    let page = elena.get(&app, &case).await.text();
    assert!(
        !page.contains("name=\"requirement\""),
        "the certificate asks for no scan"
    );
    let saved = elena
        .post_form(
            &app,
            &format!("{case}/answers"),
            &[
                ("csrf", &hidden(&page, "csrf")),
                ("version", &hidden(&page, "version")),
                ("q:purpose", "employment"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let submitted = press(&app, &mut elena, &case, "submit").await;
    assert_eq!(submitted.status, 303, "{}", submitted.text());

    let id = case.rsplit('/').next().unwrap();
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
    app.cleanup().await;
}
