//! The demonstration data: a citizen with two children, an operator for every
//! office, a supervisor and an administrator, all able to sign in.

use crate::support::{TestApp, log_in_with};

#[tokio::test]
async fn the_demo_people_sign_in_and_see_what_the_guide_promises() {
    let app = TestApp::new().await;
    let fresh = ghiseu_web::accounts::demo::DemoPasswords::Fresh;
    let seed = || ghiseu_web::accounts::demo::seed(&app.state, app.state.clock.now(), &fresh);
    seed().await.unwrap();
    // A restart on the same data gives new passwords and nothing twice.
    let people = seed().await.unwrap();
    let operators = people.iter().filter(|p| p.role == "operator").count();
    assert_eq!(
        operators,
        app.state.catalogue.offices().count(),
        "one per office"
    );
    assert!(people.iter().any(|p| p.role == "supervisor"));
    assert!(people.iter().any(|p| p.role == "administrator"));

    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();
    let mut ana = log_in_with(&app, &citizen.email, &citizen.password).await;
    let household = ana.get(&app, "/en/account/household").await.text();
    assert_eq!(
        household.matches("href=\"/en/account/household/").count(),
        2,
        "{household}"
    );
    assert!(household.contains("Ioana Popescu") && household.contains("Mihai Popescu"));

    let alba = people
        .iter()
        .find(|p| p.email == "operator.alba@demo.ghiseu.example")
        .unwrap();
    let mut operator = log_in_with(&app, &alba.email, &alba.password).await;
    let queue = operator.get(&app, "/en/office/cases").await.text();
    for state in [
        "Sent",
        "Being checked",
        "Sent again",
        "Paid",
        "Being produced",
        "Ready to collect",
    ] {
        assert!(
            queue.contains(state),
            "the operator's queue shows a case {state}"
        );
    }
    // Cases in every state a case rests in, made once across restarts.
    let list = ana.get(&app, "/en/applications").await.text();
    for state in [
        "Draft",
        "Sent",
        "Being checked",
        "Returned to you",
        "Sent again",
        "Fee to pay",
        "Paid",
        "Being produced",
        "Ready to collect",
        "Handed over",
        "Rejected",
        "Withdrawn",
        "Draft expired",
    ] {
        assert!(
            list.contains(&format!("<td>{state}</td>")),
            "a demo case {state}: {list}"
        );
    }
    assert_eq!(
        list.matches("<tr>").count(),
        15,
        "her 13 cases, her child's handed-over passport and the header row"
    );
    // The handed-over case has its issued document, valid five years for
    // the adult demo citizen.
    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();
    let citizen = ghiseu_storage::accounts::person_by_email(&app.state.db, &citizen.email)
        .await
        .unwrap()
        .unwrap();
    let handed = ghiseu_storage::cases::for_person(&app.state.db, &citizen.id, &[])
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.state == "handed-over" && c.holder_person_id.as_deref() == Some(&citizen.id))
        .expect("her own handed-over demo case");
    let issued = ghiseu_storage::issued_documents::for_case(&app.state.db, &handed.id)
        .await
        .unwrap()
        .expect("its issued document");
    assert_eq!(issued.handover.as_ref().unwrap().received_by_kind, "holder");
    assert_eq!(issued.issued_on, "2026-11-23");
    assert_eq!(issued.expires_on.as_deref(), Some("2031-11-23"));
    let admin = people.iter().find(|p| p.role == "administrator").unwrap();
    let mut admin = log_in_with(&app, &admin.email, &admin.password).await;
    let staff = admin.get(&app, "/en/office/staff").await.text();
    assert!(staff.contains("operator.lt-kaunas@demo.ghiseu.example"));
    app.cleanup().await;
}

/// Servers started together with `--demo` on one database and one
/// demonstration secret: they take turns, so the people, the children and
/// the cases exist once; each prints the same passwords, which sign in; and
/// a server started later changes nothing, so nobody is signed out.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn servers_sharing_a_database_make_the_demo_data_once_with_the_same_passwords() {
    use ghiseu_web::accounts::demo::{DemoPasswords, seed};
    let app = TestApp::new().await;
    let secret = ghiseu_payments::Secret::new(b"the installation's demonstration secret").unwrap();
    let passwords = DemoPasswords::Derived(secret);
    let now = app.state.clock.now();
    let mut servers = tokio::task::JoinSet::new();
    for _ in 0..3 {
        // Each server has its own state over the same database.
        let server = app.at(&now.to_string());
        let passwords = passwords.clone();
        servers.spawn(async move { seed(&server.state, now, &passwords).await.unwrap() });
    }
    let printed: Vec<Vec<(String, String)>> = servers
        .join_all()
        .await
        .into_iter()
        .map(|people| people.into_iter().map(|p| (p.email, p.password)).collect())
        .collect();
    assert_eq!(printed[0].len(), app.state.catalogue.offices().count() + 3);
    assert!(
        printed.iter().all(|p| *p == printed[0]),
        "every server prints the same passwords"
    );
    let password = |email: &str| {
        printed[0]
            .iter()
            .find(|(e, _)| e == email)
            .map(|(_, p)| p.clone())
            .unwrap()
    };

    let citizen = "ana.popescu@demo.ghiseu.example";
    let ana = ghiseu_storage::accounts::person_by_email(&app.state.db, citizen)
        .await
        .unwrap()
        .unwrap();
    let children = ghiseu_storage::households::of_guardian(&app.state.db, &ana.id)
        .await
        .unwrap();
    assert_eq!(children.len(), 2, "two children, once");
    let cases = ghiseu_storage::cases::for_person(&app.state.db, &ana.id, &[])
        .await
        .unwrap();
    assert_eq!(cases.len(), 14, "her 13 cases and her child's, once");

    let operator = "operator.alba@demo.ghiseu.example";
    let mut signed_in = log_in_with(&app, operator, &password(operator)).await;
    let mut ana_browser = log_in_with(&app, citizen, &password(citizen)).await;
    // A server started later prints the same and signs nobody out.
    let later = seed(&app.state, now, &passwords).await.unwrap();
    assert!(later.iter().all(|p| p.password == password(&p.email)));
    let queue = signed_in.get(&app, "/en/office/cases").await;
    assert_eq!(queue.status, 200, "still signed in");
    assert!(queue.text().contains("Being checked"));
    assert_eq!(ana_browser.get(&app, "/en/applications").await.status, 200);
    // Without the secret a start chooses new passwords, as a lone server does.
    let fresh = seed(&app.state, now, &DemoPasswords::Fresh).await.unwrap();
    assert!(fresh.iter().all(|p| p.password != password(&p.email)));
    app.cleanup().await;
}

/// Stands for the demonstration senders `serve --demo` shares with the page.
#[derive(Debug)]
struct Given(Vec<ghiseu_app::demo_mailbox::DemoMessage>);

impl ghiseu_app::demo_mailbox::DemoMailbox for Given {
    fn received(&self) -> Vec<ghiseu_app::demo_mailbox::DemoMessage> {
        self.0.clone()
    }
}

#[tokio::test]
async fn the_demo_mailbox_shows_an_addresss_messages_only_in_the_demonstration() {
    let setup = crate::support::TestApp::new().await;
    assert_eq!(setup.get("/en/demo/mailbox").await.status, 404);
    let message = |to: &str, subject: &str, body: &str| ghiseu_app::demo_mailbox::DemoMessage {
        channel: "email",
        to: to.into(),
        subject: subject.into(),
        body: body.into(),
    };
    let given = Given(vec![
        message(
            "ana@example.org",
            "Confirm",
            "Open http://127.0.0.1:8080/en/account/verify?token=abc.",
        ),
        message("ion@example.org", "Other", "Not hers"),
        message("Ana@Example.org", "Later", "Second"),
    ]);
    let app = setup.reconfigured(|s| s.demo_mailbox = Some(std::sync::Arc::new(given)));
    let html = app
        .get("/en/demo/mailbox?address=ana@example.org")
        .await
        .text();
    assert!(
        html.contains("href=\"http://127.0.0.1:8080/en/account/verify?token=abc\""),
        "{html}"
    );
    assert!(!html.contains("Not hers"), "{html}");
    let later = html.find("Later").unwrap();
    let first = html.find(">Confirm<").unwrap();
    assert!(later < first, "newest first: {html}");
    let none = app
        .get("/en/demo/mailbox?address=nobody@example.org")
        .await
        .text();
    assert!(none.contains("id=\"mailbox-empty\""), "{none}");
    setup.cleanup().await;
}
