//! The demonstration data: a citizen with two children, an operator for every
//! office, a supervisor and an administrator, all able to sign in.

use crate::support::{TestApp, log_in_with};

#[tokio::test]
async fn the_demo_people_sign_in_and_see_what_the_guide_promises() {
    let app = TestApp::new().await;
    let seed = || ghiseu_web::accounts::demo::seed(&app.state, app.state.clock.now());
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
