//! The Must-show scenario in a real browser: a guardian applies for
//! an electronic passport for her 10-year-old (fee 234 RON, valid 3 years)
//! and uploads the scans from files on disk; the operator returns it for a
//! blurred birth certificate; the guardian replaces the scan and sends it
//! again; the operator accepts it; the guardian pays through the
//! demonstration provider; the operator has it produced, marks it ready and
//! hands it over to the guardian. The guardian's timeline shows every step
//! and the e-mails arrive at a real SMTP server.

use super::accounts::{click, sign_in, type_into, wait_for_text};
use super::{PASSPORT, Stack, assert_accessible, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use ghiseu_notify::testing::{SmtpServer, parse_message};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

const PARENT: &str = "ana.popescu@demo.ghiseu.example";
const OPERATOR: &str = "operator.alba@demo.ghiseu.example";
const SCENARIO_LIMIT: Duration = Duration::from_secs(240);
const RETURN_REASON: &str = "The birth certificate scan is blurred: upload a sharp one.";
const SCAN_REASON: &str = "Blurred: the certificate's number cannot be read.";

/// The password `serve --demo` printed for `email`.
pub(crate) async fn demo_password(stack: &Stack, email: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let lines = stack.output.lock().map(|l| l.clone()).unwrap_or_default();
        if let Some(line) = lines.iter().find(|l| l.contains(email)) {
            return line
                .rsplit("password: ")
                .next()
                .expect("a password")
                .trim()
                .to_string();
        }
        assert!(
            Instant::now() < deadline,
            "serve --demo printed no password for {email}:\n{}",
            lines.join("\n")
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The element's text. An element found just before the page is replaced
/// goes stale; it is looked up again on the new page.
pub(crate) async fn text_of(client: &Client, selector: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        match wait_for(client, selector).await.text().await {
            Ok(text) => return text.trim().to_string(),
            Err(e) => assert!(
                Instant::now() < deadline,
                "read the text of {selector}: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until `selector` reads `expected` (the page after a form is sent
/// replaces the old one a moment later).
pub(crate) async fn wait_for_state(client: &Client, selector: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(element) = client.find(Locator::Css(selector)).await
            && let Ok(text) = element.text().await
            && text.trim() == expected
        {
            return;
        }
        if Instant::now() >= deadline {
            let source = client.source().await.unwrap_or_default();
            panic!("{selector} never read {expected:?}; the page is:\n{source}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Chooses `file` in the requirement's file field, as a person picking it
/// from disk, and uploads it.
pub(crate) async fn upload(client: &Client, requirement: &str, file: &Path) {
    let field = wait_for(client, &format!("#file-{requirement}")).await;
    field
        .send_keys(&file.display().to_string())
        .await
        .expect("choose a file");
    click(client, &format!("#upload-{requirement}")).await;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name");
    wait_for_text(client, &format!(">{name}</a>")).await;
}

/// The steps of the case page's timeline, in order.
async fn timeline(client: &Client) -> Vec<String> {
    let items = client
        .find_all(Locator::Css("#timeline > li > strong"))
        .await
        .expect("the timeline's steps");
    let mut steps = Vec::new();
    for item in items {
        steps.push(item.text().await.expect("a step").trim().to_string());
    }
    steps
}

/// The subjects, recipients and bodies of the e-mails received so far.
pub(crate) fn mails(smtp: &SmtpServer) -> Vec<Value> {
    smtp.received().iter().map(|p| parse_message(p)).collect()
}

/// Waits until an e-mail to `to` whose subject is `subject` and whose body
/// names `reference` arrived.
async fn wait_for_mail(smtp: &SmtpServer, to: &str, subject: &str, reference: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let all = mails(smtp);
        if all.iter().any(|m| {
            m["Subject"] == subject
                && m["To"].as_str().is_some_and(|t| t.contains(to))
                && m["body"].as_str().is_some_and(|b| b.contains(reference))
        }) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no e-mail {subject:?} about {reference} to {to} arrived within 60 s; received: {all:#?}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_guardian_applies_for_a_childs_passport_and_collects_it() {
    let started = Instant::now();
    let smtp = SmtpServer::start();
    let env = [
        ("GHISEU_SMTP_HOST", "127.0.0.1".to_string()),
        ("GHISEU_SMTP_PORT", smtp.port.to_string()),
        ("GHISEU_SMTP_SECURITY", "none".to_string()),
    ];
    let stack = Stack::start_with(&["--demo"], &env);
    let files = tempfile::tempdir().expect("a directory for the scans");
    let scan = |name: &str, bytes: Vec<u8>| {
        let path = files.path().join(name);
        std::fs::write(&path, bytes).expect("write a scan");
        path
    };
    let blurred = scan(
        "birth-certificate.png",
        ghiseu_files::fixtures::png(800, 600),
    );
    let sharp = scan(
        "birth-certificate-sharp.png",
        ghiseu_files::fixtures::png(1600, 1200),
    );
    let identity = scan("identity-card-ana.pdf", ghiseu_files::fixtures::pdf());
    let receipt = scan("fee-receipt.png", ghiseu_files::fixtures::png(800, 600));

    let parent = stack.browser().await;
    let operator = stack.browser().await;
    let scenario = async {
        // The guardian starts an application for Ioana.
        let password = demo_password(&stack, PARENT).await;
        sign_in(&stack, &parent, PARENT, &password).await;
        wait_for_path(&parent, "/en/account").await;
        parent
            .goto(&stack.url("/en/applications"))
            .await
            .expect("open the applications");
        // `--demo` gives her applications in every state already.
        wait_for(&parent, "#applications").await;
        assert_accessible(&parent).await;
        wait_for(&parent, "#service")
            .await
            .select_by_value(PASSPORT)
            .await
            .expect("choose the passport");
        click(&parent, "#choose-service").await;
        wait_for_path(&parent, "/en/applications/new").await;
        parent
            .find(Locator::XPath("//label[normalize-space()='Ioana Popescu']"))
            .await
            .expect("Ioana is offered as the holder")
            .click()
            .await
            .expect("choose Ioana");
        assert_accessible(&parent).await;
        click(&parent, "#start-application").await;
        wait_for(&parent, "#submit-application").await;
        let case_path = parent.current_url().await.expect("url").path().to_string();
        assert!(
            case_path.starts_with("/en/applications/"),
            "landed on {case_path}"
        );
        let page = parent.source().await.expect("source");
        assert!(
            page.contains("Ioana Popescu") && page.contains("Minors under 14"),
            "the case is Ioana's, in the under-14 category:\n{page}"
        );
        assert_accessible(&parent).await;

        // The scans, chosen from files on disk.
        upload(&parent, "birth-certificate", &blurred).await;
        upload(&parent, "parents-identity-documents", &identity).await;
        upload(&parent, "fee-receipt", &receipt).await;
        click(&parent, "#submit-application").await;
        wait_for_state(&parent, "#case-state", "Sent").await;
        let reference = text_of(&parent, ".caption").await;
        assert!(
            reference.starts_with("RO-PAS-AB-2026-"),
            "a reference after sending: {reference:?}"
        );
        assert_eq!(
            text_of(&parent, "#case-fee").await,
            "234.00 RON",
            "the fee for a child under 12"
        );

        // The operator takes it from the queue and returns it.
        let password = demo_password(&stack, OPERATOR).await;
        sign_in(&stack, &operator, OPERATOR, &password).await;
        wait_for_path(&operator, "/en/account").await;
        operator
            .goto(&stack.url("/en/office/cases"))
            .await
            .expect("open the queue");
        wait_for(&operator, "#queue").await;
        assert_accessible(&operator).await;
        operator
            .find(Locator::LinkText(&reference))
            .await
            .expect("the case is in the queue")
            .click()
            .await
            .expect("open the case");
        click(&operator, "#claim").await;
        wait_for(&operator, "#do-return").await;
        assert_accessible(&operator).await;
        let office_case = operator.current_url().await.expect("url").to_string();
        let scan_item = operator
            .find(Locator::XPath(
                "//ul[@id='scans']/li[a[normalize-space()='birth-certificate.png']]",
            ))
            .await
            .expect("the birth certificate's scan");
        let reason = scan_item
            .find(Locator::Css("input[name='reason']"))
            .await
            .expect("the scan's reason field");
        reason.send_keys(SCAN_REASON).await.expect("type a reason");
        scan_item
            .find(Locator::Css("button[value='rejected']"))
            .await
            .expect("the scan's refusal button")
            .click()
            .await
            .expect("refuse the scan");
        wait_for_text(&operator, SCAN_REASON).await;
        type_into(&operator, "reason", RETURN_REASON).await;
        click(&operator, "#do-return").await;
        wait_for_text(&operator, RETURN_REASON).await;

        // The guardian sees why, replaces the scan and sends it again.
        parent
            .goto(&stack.url(&case_path))
            .await
            .expect("reload the case");
        wait_for_state(&parent, "#case-state", "Returned to you").await;
        let page = parent.source().await.expect("source");
        assert!(
            page.contains(RETURN_REASON) && page.contains(SCAN_REASON),
            "the operator's reasons are on the guardian's page:\n{page}"
        );
        assert_accessible(&parent).await;
        upload(&parent, "birth-certificate", &sharp).await;
        click(&parent, "#submit-application").await;
        wait_for_state(&parent, "#case-state", "Sent again").await;

        // The operator takes it up again and accepts it.
        operator
            .goto(&office_case)
            .await
            .expect("reload the office's case");
        click(&operator, "#claim").await;
        click(&operator, "#do-accept").await;
        wait_for(&operator, "#confirm-payment-link").await;

        // The guardian pays online through the demonstration provider.
        parent
            .goto(&stack.url(&case_path))
            .await
            .expect("reload the case");
        wait_for_state(&parent, "#case-state", "Fee to pay").await;
        click(&parent, "#payment-order-link").await;
        wait_for_path(&parent, &format!("{case_path}/payment")).await;
        let order = parent.source().await.expect("source");
        assert!(
            order.contains("234.00 RON") && order.contains(&reference),
            "the payment order names the fee and the reference:\n{order}"
        );
        assert_accessible(&parent).await;
        click(&parent, "#pay-online").await;
        wait_for_path(&parent, "/demo/payment-provider/pay").await;
        assert_eq!(text_of(&parent, "#demo-payment-amount").await, "234.00 RON");
        assert_accessible(&parent).await;
        click(&parent, "#demo-pay").await;
        wait_for_path(&parent, &case_path).await;
        wait_for_state(&parent, "#case-state", "Paid").await;

        // The operator has it produced, marks it ready and hands it over.
        operator
            .goto(&office_case)
            .await
            .expect("reload the office's case");
        click(&operator, "#do-start-production").await;
        click(&operator, "#do-mark-ready").await;
        wait_for(&operator, "#hand-over").await;
        assert_accessible(&operator).await;
        click(&operator, "#receiver-legal-representative").await;
        type_into(&operator, "receiver_name", "Ana Popescu").await;
        type_into(&operator, "receiver_document", "CI AB123456").await;
        type_into(&operator, "signature", "Ana Popescu").await;
        click(&operator, "#hand-over").await;
        let issued = text_of(&operator, "#issued").await;
        let today = jiff::Zoned::now()
            .with_time_zone(jiff::tz::TimeZone::get("Europe/Bucharest").expect("Bucharest"))
            .date();
        let until = today
            .checked_add(jiff::Span::new().years(3))
            .expect("a date");
        assert!(
            issued.starts_with("Handed over: document RO-PAS-AB-D-2026-")
                && issued.ends_with(&format!("valid until {until}.")),
            "a passport for a child under 12 is valid 3 years from {today}: {issued}"
        );

        // The guardian's page: handed over, and every step on the timeline.
        parent
            .goto(&stack.url(&case_path))
            .await
            .expect("reload the case");
        wait_for_state(&parent, "#case-state", "Handed over").await;
        assert_eq!(
            timeline(&parent).await,
            [
                "Sent",
                "An operator started checking it",
                "Returned to you",
                "Sent again",
                "An operator started checking it",
                "Accepted",
                "Fee requested",
                "Payment confirmed",
                "Production started",
                "Ready to collect",
                "Handed over",
            ]
        );
        assert_accessible(&parent).await;

        // The e-mails, in the guardian's language (Romanian), at the SMTP server.
        for subject in [
            format!("Cererea {reference} trebuie completată"),
            format!("Cererea {reference} a fost acceptată"),
            "Documentul dumneavoastră poate fi ridicat".to_string(),
        ] {
            wait_for_mail(&smtp, PARENT, &subject, &reference).await;
        }
    };
    if tokio::time::timeout(SCENARIO_LIMIT, scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within {SCENARIO_LIMIT:?}");
    }
    eprintln!("the scenario took {:?}", started.elapsed());
    operator
        .close()
        .await
        .expect("close the operator's browser");
    parent.close().await.expect("close the guardian's browser");
}
