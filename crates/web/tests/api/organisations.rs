//! Legal entities: an officer records a person as the representative of a
//! company (by its CUI, with what proves the mandate); the representative
//! requests the company's criminal record certificate, which is issued in
//! the company's name and checked by its CUI. An invalid CUI, an unknown or
//! unassured person and a person nobody recorded are refused, writing nothing.

use crate::cases::citizen_in_alba;
use crate::issuance::{bind_by_card, cnp, pdf_text, pdfsig, requested_for, sealed, test_sealer};
use crate::support::{Browser, TestApp, hidden};
use ghiseu_app::issuance::register::DemoRegister;
use serde_json::json;

/// A valid CUI: 1234567 and its check digit.
const CUI: &str = "12345674";
const COMPANY: &str = "Exemplu Construct SRL";

async fn record(
    app: &TestApp,
    officer: &mut Browser,
    fields: &[(&str, &str)],
) -> crate::support::TestResponse {
    let page = officer.get(app, "/en/office/organisations").await;
    assert_eq!(page.status, 200, "{}", page.text());
    let csrf = hidden(&page.text(), "csrf");
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    officer
        .post_form(app, "/en/office/organisations", &form)
        .await
}

async fn represented(app: &TestApp, person_id: &str) -> Vec<String> {
    ghiseu_storage::organisations::represented_by(&app.state.db, person_id)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect()
}

#[tokio::test]
async fn a_recorded_representative_obtains_the_companys_certificate_checked_by_its_cui() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.company@example.ro").await;
    let (mut officer, _) = crate::support::signed_in_at(
        &app,
        "officer.companies@example.ro",
        "operator",
        Some("ro.criminal-record"),
        &["mai-bucuresti"],
    )
    .await;
    let evidence = "Power of attorney no. 12 of 3 March 2026";
    let good = [
        ("registration_code", "RO 1234 5674"),
        ("name", COMPANY),
        ("email", "elena.company@example.ro"),
        ("evidence", evidence),
    ];

    // Refused, each next to its field, and nothing written.
    let with = |field: &str, value: &'static str| {
        let mut fields = good.to_vec();
        fields.retain(|(f, _)| *f != field);
        fields.push((Box::leak(field.to_string().into_boxed_str()), value));
        fields
    };
    for (fields, field, says) in [
        (
            with("registration_code", "12345675"),
            "registration_code",
            "check digit does not match",
        ),
        (
            with("registration_code", "RO-12"),
            "registration_code",
            "2 to 10 digits",
        ),
        (
            with("email", "nobody@example.ro"),
            "email",
            "No account uses this e-mail",
        ),
        (
            with("evidence", "  "),
            "evidence",
            "what proves the mandate",
        ),
    ] {
        let refused = record(&app, &mut officer, &fields).await;
        assert_eq!(refused.status, 422, "{}", refused.text());
        let html = refused.text();
        assert!(html.contains(&format!("href=\"#{field}\"")), "{html}");
        assert!(html.contains(says), "{says}: {html}");
    }
    // Elena's identity is not confirmed yet: she cannot be given the mandate.
    let unassured = record(&app, &mut officer, &good).await;
    assert_eq!(unassured.status, 422);
    assert!(
        unassured
            .text()
            .contains("not confirmed by bank card or in person")
    );
    assert!(represented(&app, &person_id).await.is_empty());

    bind_by_card(&app, &person_id, &cnp()).await;
    // Before the mandate is recorded she cannot apply for the company.
    let page = elena
        .get(
            &app,
            "/en/applications/new?service=ro.criminal-record.certificate",
        )
        .await
        .text();
    assert!(!page.contains(COMPANY), "{page}");

    let recorded = record(&app, &mut officer, &good).await;
    assert_eq!(recorded.status, 200, "{}", recorded.text());
    assert!(
        recorded
            .text()
            .contains("is now recorded as representative of")
    );
    let again = record(&app, &mut officer, &good).await;
    assert_eq!(again.status, 422);
    assert!(again.text().contains("already recorded"));
    let organisations = represented(&app, &person_id).await;
    assert_eq!(organisations.len(), 1);
    let holder = format!("organisation:{}", organisations[0]);
    let actions: Vec<String> = ghiseu_storage::audit::for_subject(&app.state.db, &person_id, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event.action)
        .collect();
    assert!(
        actions.contains(&"organisation.representative-recorded".to_string()),
        "{actions:?}"
    );

    let page = elena
        .get(
            &app,
            "/en/applications/new?service=ro.criminal-record.certificate",
        )
        .await
        .text();
    assert!(page.contains(&format!("value=\"{holder}\"")), "{page}");
    assert!(page.contains("Exemplu Construct SRL (CUI 12345674), which I represent"));
    let case = requested_for(&app, &mut elena, &holder, "public-office").await;
    let id = case.rsplit('/').next().unwrap();
    let body = elena.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(body["state"], "issued", "{body}");

    let pdf = elena
        .get(&app, &format!("/api/v1/cases/{id}/document"))
        .await;
    assert_eq!(pdf.status, 200);
    let report = pdfsig(&pdf.body);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("Total document signed"), "{report}");
    let text = pdf_text(&pdf.body);
    assert!(text.contains(COMPANY) && text.contains(CUI), "{text}");
    assert!(
        text.contains("Elena Pop"),
        "the representative is named: {text}"
    );

    let sealed = elena
        .get(&app, &format!("/api/v1/cases/{id}/document/seal"))
        .await
        .json();
    let number = sealed["number"].as_str().unwrap();
    let anyone = || Browser::at_address("198.51.100.95");
    let checked = anyone()
        .post_json(
            &app,
            "/api/v1/documents/check",
            &json!({"number": number, "personal_id": format!("RO{CUI}")}),
            &[],
        )
        .await
        .json();
    assert_eq!(checked["answer"], "valid", "{checked}");
    let by_her_id = anyone()
        .post_json(
            &app,
            "/api/v1/documents/check",
            &json!({"number": number, "personal_id": cnp()}),
            &[],
        )
        .await
        .json();
    assert_eq!(by_her_id["answer"], "no-match", "the company's, not hers");
    let verified = anyone()
        .post_json(
            &app,
            "/api/v1/documents/verify",
            &json!({"seal": sealed["seal"]}),
            &[],
        )
        .await
        .json();
    assert_eq!(verified["answer"], "valid", "{verified}");
    assert_eq!(verified["document"]["holder_name"], COMPANY);
    assert!(
        verified["document"].get("birth_date").is_none(),
        "{verified}"
    );
    setup.cleanup().await;
}

#[tokio::test]
async fn a_company_with_entries_is_referred_and_nobody_else_may_apply_for_it() {
    let setup = TestApp::new().await;
    let register = DemoRegister::from_toml(&format!(
        "[[organisation]]\ncui = \"{CUI}\"\nentries = [\"Amendă penală, 2021.\"]\n"
    ))
    .unwrap();
    let app = sealed(&setup, &test_sealer(&setup), register);
    let (mut elena, person_id) = citizen_in_alba(&app, "elena.entries.co@example.ro").await;
    bind_by_card(&app, &person_id, &cnp()).await;
    let (mut officer, _) = crate::support::signed_in_at(
        &app,
        "officer.companies2@example.ro",
        "operator",
        Some("ro.criminal-record"),
        &["mai-bucuresti"],
    )
    .await;
    let recorded = record(
        &app,
        &mut officer,
        &[
            ("registration_code", CUI),
            ("name", COMPANY),
            ("email", "elena.entries.co@example.ro"),
            (
                "evidence",
                "Trade Register extract naming her administrator",
            ),
        ],
    )
    .await;
    assert_eq!(recorded.status, 200, "{}", recorded.text());
    let organisation = represented(&app, &person_id).await.remove(0);

    // Someone else cannot apply for the company by naming it.
    let (mut other, other_id) = citizen_in_alba(&app, "mara.other@example.ro").await;
    let other_cnp = (0..10)
        .map(|check| format!("285042701124{check}"))
        .find(|text| {
            ghiseu_domain::national_id::NationalId::parse(
                ghiseu_domain::national_id::Country::Ro,
                text,
            )
            .is_ok()
        })
        .unwrap();
    bind_by_card(&app, &other_id, &other_cnp).await;
    let page = other
        .get(
            &app,
            "/en/applications/new?service=ro.criminal-record.certificate",
        )
        .await;
    let refused = other
        .post_form(
            &app,
            "/en/applications",
            &[
                ("csrf", &hidden(&page.text(), "csrf")),
                ("service", "ro.criminal-record.certificate"),
                ("holder", &format!("organisation:{organisation}")),
            ],
        )
        .await;
    assert_ne!(refused.status, 303, "{}", refused.text());
    assert!(
        ghiseu_storage::cases::for_person(&app.state.db, &other_id, &[])
            .await
            .unwrap()
            .is_empty(),
        "no case was opened"
    );

    let case = requested_for(
        &app,
        &mut elena,
        &format!("organisation:{organisation}"),
        "employment",
    )
    .await;
    let id = case.rsplit('/').next().unwrap();
    let body = elena.get(&app, &format!("/api/v1/cases/{id}")).await.json();
    assert_eq!(body["state"], "referred", "{body}");
    setup.cleanup().await;
}
