//! The registry's Must-show walk in a real browser: at 02:00 by the server's
//! clock a parent sees her passport and her child's, reports the child's
//! lost, and the e-mail about it reaches a real SMTP server; every new page
//! passes axe-core at 320 and at 1280 pixels wide.

use super::accounts::{click, sign_in};
use super::applications::{demo_password, text_of};
use super::{Stack, assert_accessible, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use ghiseu_notify::testing::{SmtpServer, parse_message};
use std::time::{Duration, Instant};

const PARENT: &str = "ana.popescu@demo.ghiseu.example";
/// 02:00 in Bucharest, when no office is open.
const NIGHT: &str = "2026-12-05T00:00:00Z";
/// The demonstration child's personal id (see the demo seed).
pub(crate) const CHILD_ID: &str = "6160510011237";
const SCENARIO_LIMIT: Duration = Duration::from_secs(240);

/// axe-core at a phone's width and at a desktop's, then back to the desktop.
pub(crate) async fn accessible_at_both_widths(client: &Client) {
    for (width, height) in [(320, 900), (1280, 900)] {
        client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        let measured = client
            .execute(
                "return [window.innerWidth, document.documentElement.scrollWidth];",
                vec![],
            )
            .await
            .expect("measure the page");
        let inner = measured[0].as_i64().expect("the window's width");
        let content = measured[1].as_i64().expect("the page's width");
        assert!(
            inner <= i64::from(width),
            "the window is {inner} px wide, asked {width}"
        );
        assert!(
            content <= inner,
            "no sideways scrolling at {inner} px: {content} px of content"
        );
        assert_accessible(client).await;
    }
}

/// Waits until an e-mail to `to` whose body names `number` and whose
/// subject contains `subject` arrived.
async fn wait_for_report_mail(smtp: &SmtpServer, to: &str, number: &str, subject: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let all: Vec<serde_json::Value> =
            smtp.received().iter().map(|p| parse_message(p)).collect();
        if all.iter().any(|m| {
            m["To"].as_str().is_some_and(|t| t.contains(to))
                && m["Subject"].as_str().is_some_and(|s| s.contains(subject))
                && m["body"].as_str().is_some_and(|b| b.contains(number))
        }) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no e-mail about {number} to {to} within 60 s; received: {all:#?}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// The number of the child's passport on "My documents".
async fn childs_number(parent: &Client) -> String {
    let section = parent
        .find(Locator::XPath(
            "//section[.//h3[contains(., 'Ioana Popescu')]]",
        ))
        .await
        .expect("the child's passport is listed");
    let id = section.attr("id").await.expect("id").expect("a section id");
    id.trim_start_matches("document-").to_string()
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_parent_reports_her_childs_passport_lost_at_night() {
    let smtp = SmtpServer::start();
    let env = [
        ("GHISEU_SMTP_HOST", "127.0.0.1".to_string()),
        ("GHISEU_SMTP_PORT", smtp.port.to_string()),
        ("GHISEU_SMTP_SECURITY", "none".to_string()),
        ("GHISEU_CLOCK_START", NIGHT.to_string()),
    ];
    let stack = Stack::start_with(&["--demo"], &env);
    let parent = stack.browser().await;
    let visitor = stack.browser().await;
    let scenario = async {
        let password = demo_password(&stack, PARENT).await;
        sign_in(&stack, &parent, PARENT, &password).await;
        wait_for_path(&parent, "/en/account").await;
        click(&parent, "#documents-link").await;
        wait_for_path(&parent, "/en/documents").await;
        let page = parent.source().await.expect("source");
        assert!(
            page.contains("Ana Popescu") && page.contains("Ioana Popescu"),
            "her passport and her child's:\n{page}"
        );
        accessible_at_both_widths(&parent).await;
        let number = childs_number(&parent).await;

        parent
            .find(Locator::Css(&format!(
                "#document-{number} a[href$='/report']"
            )))
            .await
            .expect("a report link for the child's passport")
            .click()
            .await
            .expect("open the report");
        wait_for_path(&parent, &format!("/en/documents/{number}/report")).await;
        wait_for(&parent, "#cannot-undo").await;
        accessible_at_both_widths(&parent).await;
        // Sent without an answer: the error stands next to the question.
        click(&parent, "#report-document").await;
        wait_for(&parent, "#loss-error").await;
        accessible_at_both_widths(&parent).await;
        click(&parent, "#loss-lost").await;
        click(&parent, "#report-document").await;
        wait_for(&parent, "#reported").await;
        assert!(
            text_of(&parent, &format!("#document-{number} .standing"))
                .await
                .starts_with("Not valid: reported lost on 5 December 2026"),
            "the child's passport is not valid at once"
        );
        accessible_at_both_widths(&parent).await;

        // The parent's language is Romanian: the e-mail says "declarat pierdut".
        wait_for_report_mail(&smtp, PARENT, &number, "declarat pierdut").await;

        super::registry_check::anonymous_check(&stack, &visitor, &number).await;
    };
    if tokio::time::timeout(SCENARIO_LIMIT, scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within {SCENARIO_LIMIT:?}");
    }
    parent.close().await.expect("close the parent's browser");
    visitor.close().await.expect("close the visitor's browser");
}
