//! Invitations for foreigners: the inviter fills in the invited person,
//! attaches copies, pays; an officer approves it with no visit; the signed
//! PDF is valid for `pdfsig`; the public check and the QR verification find
//! it by the invited person's passport, and say so once it is revoked.
//! Mistakes are refused field by field, and nothing in a form can point a
//! request at someone else.

use crate::cases::{citizen_in_alba, press, start_bare, upload_all};
use crate::issuance::{bind_by_card, cnp, pdf_text, pdfsig, sealed, test_sealer};
use crate::support::{Browser, TestApp, TestResponse, hidden, signed_in, signed_in_at};
use ghiseu_app::issuance::register::DemoRegister;
use serde_json::json;

const SERVICE: &str = "lt.invitation.approval";

/// The form as the inviter fills it in, with `changes` over a good request.
fn fields<'a>(page: &str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, String)> {
    let mut fields: Vec<(&str, String)> = vec![
        ("csrf", hidden(page, "csrf")),
        ("version", hidden(page, "version")),
        ("inviter", "citizen".into()),
        ("given_name", "Olena".into()),
        ("family_name", "Kovalenko".into()),
        ("birth_date", "1992-03-14".into()),
        ("citizenship", "UA".into()),
        ("passport_number", "FE123456".into()),
        ("passport_expires_on", "2031-06-30".into()),
        ("purpose", "family-visit".into()),
        ("stay_from", "2027-01-10".into()),
        ("stay_until", "2027-02-08".into()),
        ("stay_address", "Gedimino pr. 1, Vilnius".into()),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_string(),
            None => fields.push((name, (*value).to_string())),
        }
    }
    fields
}

async fn post_details(
    app: &TestApp,
    browser: &mut Browser,
    case: &str,
    changes: &[(&str, &str)],
) -> TestResponse {
    let page = browser.get(app, &format!("{case}/invitation")).await.text();
    let fields = fields(&page, changes);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser
        .post_form(app, &format!("{case}/invitation"), &pairs)
        .await
}

async fn stored(app: &TestApp, id: &str) -> Option<ghiseu_domain::invitation::Invitation> {
    let mut conn = app.state.db.connection().await.unwrap();
    ghiseu_storage::invitations::of_case(&mut conn, id)
        .await
        .unwrap()
}

async fn state_of(app: &TestApp, id: &str) -> String {
    ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .state
}

/// Pays the case's order through the demonstration provider's page.
pub(crate) async fn pay_online(app: &TestApp, browser: &mut Browser, case: &str) {
    let page = browser.get(app, &format!("{case}/payment")).await.text();
    assert!(page.contains("9.00 EUR"), "{page}");
    let r = browser
        .post_form(
            app,
            &format!("{case}/payment/online"),
            &[("csrf", &hidden(&page, "csrf"))],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.text());
    let location = r.headers["location"].to_str().unwrap();
    let path = location.strip_prefix("http://127.0.0.1:8080").unwrap();
    let html = browser
        .get(app, path)
        .await
        .text()
        .replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#x3D;", "=");
    let mut fields: Vec<(&str, String)> = [
        "order",
        "reference",
        "amount",
        "currency",
        "description",
        "return",
        "token",
        "form_token",
    ]
    .into_iter()
    .map(|name| (name, hidden(&html, name)))
    .collect();
    fields.push(("outcome", "pay".into()));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let paid = browser
        .post_form(app, "/demo/payment-provider/pay", &pairs)
        .await;
    assert_eq!(paid.status, 303, "{}", paid.text());
}

/// An inviter whose identity is confirmed by card, with a request filled
/// in, its copies attached, sent and paid: their browser, id and case path.
async fn paid_request(app: &TestApp, email: &str) -> (Browser, String, String) {
    let (mut inviter, person_id) = citizen_in_alba(app, email).await;
    bind_by_card(app, &person_id, &cnp()).await;
    let case = start_bare(app, &mut inviter, SERVICE, "self").await;
    let saved = post_details(app, &mut inviter, &case, &[]).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    upload_all(app, &mut inviter, &case).await;
    let sent = press(app, &mut inviter, &case, "submit").await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    pay_online(app, &mut inviter, &case).await;
    (inviter, person_id, case)
}

async fn officer(app: &TestApp, email: &str) -> (Browser, String) {
    let (mut officer, _) = signed_in_at(
        app,
        email,
        "operator",
        Some("lt.migration"),
        &["lt-vilnius"],
    )
    .await;
    let csrf = crate::support::staff_csrf(app, &mut officer).await;
    (officer, csrf)
}

/// The officer claims the case and decides it with `fields`.
async fn decide(
    app: &TestApp,
    officer: &mut Browser,
    csrf: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let path = format!("/en/office/cases/{id}");
    let claimed = officer
        .post_form(app, &format!("{path}/claim"), &[("csrf", csrf)])
        .await;
    assert_eq!(claimed.status, 303, "{}", claimed.text());
    let version = crate::support::case_version(app, id).await.to_string();
    let mut all = vec![("csrf", csrf), ("version", version.as_str())];
    all.extend_from_slice(fields);
    officer
        .post_form(app, &format!("{path}/decide"), &all)
        .await
}

#[tokio::test]
async fn an_invitation_is_approved_with_no_visit_printed_signed_and_checkable_by_passport() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut inviter, person_id, case) = paid_request(&app, "inviter@example.lt").await;
    let id = case.rsplit('/').next().unwrap();
    assert_eq!(
        state_of(&app, id).await,
        "referred",
        "paid, it waits for an officer"
    );
    let page = inviter.get(&app, &case).await.text();
    assert!(
        page.contains("Olena Kovalenko") && page.contains("FE123456"),
        "{page}"
    );
    assert!(
        !page.contains("id=\"invitation-edit\""),
        "sent: no more changes"
    );

    let (mut officer, csrf) = officer(&app, "officer.kvietimai@example.lt").await;
    let shown = officer
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(
        shown.contains("Olena Kovalenko") && shown.contains("Family visit")
            || shown.contains("Visiting family"),
        "{shown}"
    );
    // Whatever else the form carries, the officer approves what the request states.
    let approved = decide(
        &app,
        &mut officer,
        &csrf,
        id,
        &[
            ("action", "issue-after-review"),
            ("given_name", "Mallory"),
            ("passport_number", "ZZ999999"),
            ("case", "another"),
        ],
    )
    .await;
    assert_eq!(approved.status, 303, "{}", approved.text());
    assert_eq!(state_of(&app, id).await, "issued");

    let told: Vec<_> = ghiseu_storage::outbox::for_person(&app.state.db, &person_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "document-issued")
        .collect();
    assert!(
        told.iter().any(|m| m.body.contains("LT-MIG")),
        "the inviter is told: {told:?}"
    );

    let pdf = inviter
        .get(&app, &format!("/api/v1/cases/{id}/document"))
        .await;
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    println!("invitation PDF: {} bytes", pdf.body.len());
    assert!(pdf.body.len() < 150 * 1024, "{} bytes", pdf.body.len());
    let report = pdfsig(&pdf.body);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("Total document signed"), "{report}");
    let text = pdf_text(&pdf.body);
    for said in [
        "Invitation for a foreigner",
        "Olena Kovalenko",
        "FE123456",
        "1992-03-14",
        "Visiting family",
        "Gedimino pr. 1, Vilnius",
        "Elena Pop",
    ] {
        assert!(text.contains(said), "{said}: {text}");
    }
    assert!(!text.contains("Mallory") && !text.contains("ZZ999999"));

    let sealed = inviter
        .get(&app, &format!("/api/v1/cases/{id}/document/seal"))
        .await
        .json();
    let number = sealed["number"].as_str().unwrap().to_string();
    let seal = sealed["seal"].as_str().unwrap().to_string();

    let list = inviter
        .get(&app, "/en/invitations?show=approved")
        .await
        .text();
    assert!(
        list.contains(&number) && list.contains("Olena Kovalenko"),
        "{list}"
    );
    assert!(
        list.contains(&format!("/api/v1/cases/{id}/document")),
        "{list}"
    );
    let pending = inviter
        .get(&app, "/en/invitations?show=pending")
        .await
        .text();
    assert!(
        !pending.contains(&number) && pending.contains("id=\"no-invitations\""),
        "{pending}"
    );

    let anyone = || Browser::at_address("198.51.100.77");
    let check = async |personal_id: &str| {
        anyone()
            .post_json(
                &app,
                "/api/v1/documents/check",
                &json!({"number": number, "personal_id": personal_id}),
                &[],
            )
            .await
    };
    assert_eq!(
        check("fe 123456").await.json(),
        json!({"answer": "valid", "until": "2027-02-08"})
    );
    assert_eq!(check("FE123457").await.json()["answer"], "no-match");
    let verified = anyone()
        .post_json(
            &app,
            "/api/v1/documents/verify",
            &json!({"seal": seal}),
            &[],
        )
        .await
        .json();
    assert_eq!(verified["answer"], "valid", "{verified}");
    assert_eq!(verified["document"]["holder_name"], "Olena Kovalenko");

    // The inviter withdraws it; the officer records that: both checks say so.
    let revoked = officer
        .post_form(
            &app,
            &format!("/en/office/documents/{number}/invalidate"),
            &[("csrf", csrf.as_str()), ("reason", "invitation-withdrawn")],
        )
        .await;
    assert_eq!(revoked.status, 303, "{}", revoked.text());
    assert_eq!(check("FE123456").await.json()["why"], "invalidated");
    let verified = anyone()
        .post_json(
            &app,
            "/api/v1/documents/verify",
            &json!({"seal": seal}),
            &[],
        )
        .await
        .json();
    assert_eq!(verified["why"], "invalidated", "{verified}");
    let list = inviter
        .get(&app, "/en/invitations?show=approved")
        .await
        .text();
    assert!(list.contains("no longer valid"), "{list}");
    setup.cleanup().await;
}

#[tokio::test]
async fn mistakes_are_refused_next_to_their_field_and_write_nothing() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut inviter, person_id) = citizen_in_alba(&app, "careful@example.lt").await;

    // Without a confirmed identity, no request can be started.
    let page = inviter
        .get(&app, &format!("/en/applications/new?service={SERVICE}"))
        .await
        .text();
    assert!(page.contains("confirm"), "{page}");
    let own = inviter.get(&app, "/en/account/profile").await.text();
    let refused = inviter
        .post_form(
            &app,
            "/en/applications",
            &[
                ("csrf", &hidden(&own, "csrf")),
                ("service", SERVICE),
                ("holder", "self"),
            ],
        )
        .await;
    assert_ne!(refused.status, 303, "{}", refused.text());
    let api = inviter
        .post_json(
            &app,
            "/api/v1/cases",
            &json!({"service": SERVICE, "holder": "self"}),
            &[],
        )
        .await;
    assert_eq!(
        api.problem(422)["type"],
        "https://ghiseu.example/problems/assurance-too-low"
    );

    bind_by_card(&app, &person_id, &cnp()).await;
    let case = start_bare(&app, &mut inviter, SERVICE, "self").await;
    let id = case.rsplit('/').next().unwrap();
    let page = inviter.get(&app, &case).await.text();
    assert!(page.contains("id=\"invitation-empty\""), "{page}");
    let early = press(&app, &mut inviter, &case, "submit").await;
    assert_ne!(early.status, 303);
    assert!(
        early.text().contains("Fill in the invitation details"),
        "{}",
        early.text()
    );

    let version = crate::support::case_version(&app, id).await;
    for (changes, field, says) in [
        (
            vec![("passport_number", "12-34")],
            "passport_number",
            "6 to 9 letters and digits",
        ),
        (
            vec![("stay_until", "2027-04-10")],
            "stay_until",
            "longer than 90 days",
        ),
        (
            vec![("passport_expires_on", "2027-03-01")],
            "passport_expires_on",
            "less than 90 days after the stay ends",
        ),
        (
            vec![("citizenship", "LT")],
            "citizenship",
            "for a foreigner",
        ),
        (
            vec![("inviter", "legal-entity")],
            "inviter",
            "does not match",
        ),
        (
            vec![("stay_from", "2026-11-01")],
            "stay_from",
            "before today",
        ),
    ] {
        let r = post_details(&app, &mut inviter, &case, &changes).await;
        assert_eq!(r.status, 422, "{changes:?}: {}", r.text());
        let html = r.text();
        let error = &html[html
            .find(&format!("id=\"{field}-error\""))
            .unwrap_or_else(|| panic!("{field}: {html}"))..];
        assert!(
            error[..400.min(error.len())].contains(says),
            "{field}: {error}"
        );
        assert!(html.contains(&format!("href=\"#{field}\"")), "{html}");
        assert!(stored(&app, id).await.is_none(), "nothing is written");
    }
    assert_eq!(crate::support::case_version(&app, id).await, version);

    // A stranger cannot write into the request, nor can the inviter once it is sent.
    let (mut stranger, _) = signed_in(&app, "stranger@example.lt", "citizen").await;
    let own = stranger.get(&app, "/en/account/profile").await.text();
    let seen = version.to_string();
    let forged = fields(&own, &[("version", &seen)]);
    let pairs: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let strange = stranger
        .post_form(&app, &format!("{case}/invitation"), &pairs)
        .await;
    assert_eq!(strange.status, 404, "{}", strange.text());
    assert!(stored(&app, id).await.is_none());

    assert_eq!(
        post_details(&app, &mut inviter, &case, &[]).await.status,
        303
    );
    upload_all(&app, &mut inviter, &case).await;
    assert_eq!(press(&app, &mut inviter, &case, "submit").await.status, 303);
    let sent = inviter.get(&app, &format!("{case}/invitation")).await;
    assert_eq!(sent.status, 303, "a sent request's form leads to its page");
    let late = inviter
        .post_form(
            &app,
            &format!("{case}/invitation"),
            &fields(&page, &[("given_name", "Mallory")])
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(late.status, 409, "{}", late.text());
    assert_eq!(stored(&app, id).await.unwrap().given_name, "Olena");
    setup.cleanup().await;
}

#[tokio::test]
async fn an_officer_refuses_only_for_a_reason_of_the_invitation_and_the_inviter_is_told() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut inviter, person_id, case) = paid_request(&app, "refused@example.lt").await;
    let id = case.rsplit('/').next().unwrap();
    let (mut officer, csrf) = officer(&app, "officer.refuse@example.lt").await;
    let reference = ghiseu_storage::cases::get(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .reference
        .unwrap();
    let queue = officer.get(&app, "/en/office/cases").await.text();
    assert!(
        queue.contains(&reference),
        "the officer finds the request in the queue: {queue}"
    );
    let wrong = decide(
        &app,
        &mut officer,
        &csrf,
        id,
        &[
            ("action", "reject"),
            ("rejection_reason", "not-eligible"),
            ("confirm_reject", "on"),
        ],
    )
    .await;
    assert_eq!(wrong.status, 422, "{}", wrong.text());
    assert_eq!(state_of(&app, id).await, "referred");
    let page = officer
        .get(&app, &format!("/en/office/cases/{id}"))
        .await
        .text();
    assert!(
        page.contains("Refuse the invitation") && page.contains("banned from entering"),
        "{page}"
    );
    let version = crate::support::case_version(&app, id).await.to_string();
    let refused = officer
        .post_form(
            &app,
            &format!("/en/office/cases/{id}/decide"),
            &[
                ("csrf", csrf.as_str()),
                ("version", version.as_str()),
                ("action", "reject"),
                ("rejection_reason", "entry-ban"),
                ("confirm_reject", "on"),
            ],
        )
        .await;
    assert_eq!(refused.status, 303, "{}", refused.text());
    assert_eq!(state_of(&app, id).await, "rejected");
    assert!(
        ghiseu_storage::issued_documents::for_case(&app.state.db, id)
            .await
            .unwrap()
            .is_none()
    );
    let told = ghiseu_storage::outbox::for_person(&app.state.db, &person_id)
        .await
        .unwrap();
    assert!(
        told.iter().any(|m| m.body.contains("banned from entering")),
        "{told:?}"
    );
    let closed = inviter
        .get(&app, "/en/invitations?show=closed")
        .await
        .text();
    assert!(closed.contains("Olena Kovalenko"), "{closed}");
    let approved = inviter
        .get(&app, "/en/invitations?show=approved")
        .await
        .text();
    assert!(approved.contains("id=\"no-invitations\""), "{approved}");
    setup.cleanup().await;
}

#[tokio::test]
async fn the_api_refuses_each_mistake_by_field_and_lists_the_requests() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut inviter, person_id) = citizen_in_alba(&app, "api.inviter@example.lt").await;
    bind_by_card(&app, &person_id, &cnp()).await;
    let case = start_bare(&app, &mut inviter, SERVICE, "self").await;
    let id = case.rsplit('/').next().unwrap();
    let path = format!("/api/v1/cases/{id}/invitation");
    let version = crate::support::case_version(&app, id).await;
    let body = |changes: serde_json::Value| {
        let mut body = json!({
            "version": version, "inviter": "citizen", "given_name": "Olena",
            "family_name": "Kovalenko", "birth_date": "1992-03-14", "citizenship": "UA",
            "passport_number": "FE123456", "passport_expires_on": "2031-06-30",
            "purpose": "business", "stay_from": "2027-01-10", "stay_until": "2027-02-08",
            "stay_address": "Gedimino pr. 1, Vilnius"
        });
        for (k, v) in changes.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let put = async |browser: &mut Browser, body: serde_json::Value| {
        let request =
            axum::http::Request::put(path.as_str()).header("content-type", "application/json");
        browser
            .send_built(&app, request, axum::body::Body::from(body.to_string()))
            .await
    };
    let refused = put(
        &mut inviter,
        body(json!({"passport_number": "AB", "stay_until": "2027-06-30"})),
    )
    .await;
    let problem = refused.problem(422);
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("passport_number", "passport-number-malformed"),
            ("stay_until", "stay-too-long")
        ],
        "{problem}"
    );
    assert!(
        problem.to_string().contains("longer than 90 days"),
        "{problem}"
    );
    assert!(stored(&app, id).await.is_none());

    let (mut stranger, _) = signed_in(&app, "api.stranger@example.lt", "citizen").await;
    assert_eq!(put(&mut stranger, body(json!({}))).await.status, 404);
    assert!(stored(&app, id).await.is_none());

    let saved = put(&mut inviter, body(json!({"passport_number": "fe 123456"}))).await;
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(saved.json()["passport_number"], "FE123456");
    let stale = put(&mut inviter, body(json!({"given_name": "Oksana"}))).await;
    assert_eq!(stale.status, 409, "the version moved on: {}", stale.text());
    assert_eq!(stored(&app, id).await.unwrap().given_name, "Olena");

    let listed = inviter.get(&app, "/api/v1/invitations").await.json();
    assert_eq!(listed["invitations"][0]["case"], id, "{listed}");
    assert_eq!(listed["invitations"][0]["state"], "draft");
    assert_eq!(listed["invitations"][0]["number"], serde_json::Value::Null);
    let approved = inviter
        .get(&app, "/api/v1/invitations?show=approved")
        .await
        .json();
    assert_eq!(approved["invitations"], json!([]));
    let bad = inviter
        .get(&app, "/api/v1/invitations?show=everything")
        .await;
    assert_eq!(bad.status, 400);
    setup.cleanup().await;
}

#[tokio::test]
async fn the_inviter_withdraws_an_approved_invitation_once_confirmed_and_the_check_says_so() {
    let setup = TestApp::new().await;
    let app = sealed(&setup, &test_sealer(&setup), DemoRegister::default());
    let (mut inviter, person_id, case) = paid_request(&app, "withdraws@example.lt").await;
    let id = case.rsplit('/').next().unwrap();
    let (mut officer, csrf) = officer(&app, "officer.withdraw@example.lt").await;
    let approved = decide(
        &app,
        &mut officer,
        &csrf,
        id,
        &[("action", "issue-after-review")],
    )
    .await;
    assert_eq!(approved.status, 303, "{}", approved.text());
    let number = ghiseu_storage::issued_documents::for_case(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .number;
    let check = async || {
        Browser::at_address("198.51.100.76")
            .post_json(
                &app,
                "/api/v1/documents/check",
                &json!({"number": number, "personal_id": "FE123456"}),
                &[],
            )
            .await
            .json()
    };
    assert_eq!(check().await["answer"], "valid");
    let page = inviter.get(&app, &case).await.text();
    assert!(page.contains("id=\"invitation-withdraw\""), "{page}");
    let path = format!("{case}/invitation/withdraw");
    let csrf_of = |page: &str| hidden(page, "csrf");
    let token = csrf_of(&page);

    let unconfirmed = inviter.post_form(&app, &path, &[("csrf", &token)]).await;
    assert_eq!(unconfirmed.status, 422, "{}", unconfirmed.text());
    assert!(
        unconfirmed.text().contains("tick the box"),
        "{}",
        unconfirmed.text()
    );
    assert_eq!(check().await["answer"], "valid", "nothing changed");

    let (mut stranger, _) = signed_in(&app, "withdraw.stranger@example.lt", "citizen").await;
    let own = stranger.get(&app, "/en/account/profile").await.text();
    let strange = stranger
        .post_form(&app, &path, &[("csrf", &csrf_of(&own)), ("confirm", "on")])
        .await;
    assert_eq!(strange.status, 404);
    assert_eq!(
        check().await["answer"],
        "valid",
        "a stranger changes nothing"
    );

    let done = inviter
        .post_form(&app, &path, &[("csrf", &token), ("confirm", "on")])
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let answer = check().await;
    assert_eq!(answer["why"], "invalidated", "{answer}");
    let page = inviter.get(&app, &case).await.text();
    assert!(!page.contains("id=\"invitation-withdraw\""), "{page}");
    let again = inviter
        .post_form(&app, &path, &[("csrf", &token), ("confirm", "on")])
        .await;
    assert_eq!(again.status, 409, "{}", again.text());
    let told = ghiseu_storage::outbox::for_person(&app.state.db, &person_id)
        .await
        .unwrap();
    assert!(
        told.iter()
            .any(|m| m.kind == "document-revoked" && m.body.contains("withdrew the invitation")),
        "{told:?}"
    );
    let history = officer
        .get(&app, &format!("/en/office/documents?number={number}"))
        .await
        .text();
    assert!(
        history.contains("Withdrawn by the person who asked for it"),
        "{history}"
    );
    setup.cleanup().await;
}

#[tokio::test]
async fn the_invitations_rules_are_published_on_its_page_and_in_the_api() {
    let app = TestApp::new().await;
    let detail = app.get(&format!("/api/v1/services/{SERVICE}")).await.json();
    let rules = &detail["invitation"];
    assert_eq!(rules["max_stay_days"], 90, "{detail}");
    assert_eq!(rules["passport_valid_after_stay_days"], 90);
    let inviters: Vec<&str> = rules["inviters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(inviters, ["citizen", "resident-foreigner", "legal-entity"]);
    assert_eq!(
        rules["inviters"][1]["documents"][0]["id"],
        "inviter-residence-permit"
    );
    assert!(
        rules["refusal_reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "entry-ban")
    );
    let passport = app
        .get("/api/v1/services/ro.passport.electronic")
        .await
        .json();
    assert_eq!(passport["invitation"], serde_json::Value::Null);
    let page = app.get(&format!("/en/services/{SERVICE}")).await.text();
    for said in [
        "Who may invite",
        "A stay lasts at most 90 days",
        "Foreigner with a residence permit in Lithuania",
        "Copy of your residence permit in Lithuania",
        "Visiting family",
    ] {
        assert!(page.contains(said), "{said}: {page}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn an_invitation_whose_stay_has_ended_cannot_be_approved_only_refused() {
    let setup = TestApp::new().await;
    let sealer = test_sealer(&setup);
    let app = sealed(&setup, &sealer, DemoRegister::default());
    let (_, _, case) = paid_request(&app, "late@example.lt").await;
    let id = case.rsplit('/').next().unwrap();
    // The stay ends on 2027-02-08; the officer comes to it the day after.
    let later = sealed(
        &setup.at("2027-02-09T09:00:00Z"),
        &sealer,
        DemoRegister::default(),
    );
    let (mut officer, csrf) = officer(&later, "officer.late@example.lt").await;
    let refused = decide(
        &later,
        &mut officer,
        &csrf,
        id,
        &[("action", "issue-after-review")],
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(
        refused.text().contains("has already ended"),
        "{}",
        refused.text()
    );
    assert_eq!(state_of(&later, id).await, "referred");
    assert!(
        ghiseu_storage::issued_documents::for_case(&later.state.db, id)
            .await
            .unwrap()
            .is_none()
    );
    setup.cleanup().await;
}
