//! The public validity check as an anonymous visitor uses it.

use super::Stack;
use super::accounts::{click, type_into};
use super::applications::text_of;
use super::registry::{CHILD_ID, accessible_at_both_widths};
use super::{wait_for, wait_for_path};
use fantoccini::Client;

/// Checks `number` with `personal_id` on the public page; answers its text.
async fn check(stack: &Stack, visitor: &Client, number: &str, personal_id: &str) -> String {
    visitor
        .goto(&stack.url("/en/documents/check"))
        .await
        .expect("open the public check");
    wait_for_path(visitor, "/en/documents/check").await;
    type_into(visitor, "number", number).await;
    type_into(visitor, "personal_id", personal_id).await;
    click(visitor, "#check-submit").await;
    wait_for(visitor, "#check-answer").await;
    text_of(visitor, "#check-answer").await
}

/// An anonymous visitor checks the child's passport `number`: with the
/// child's personal id it is not valid, reported lost; with another (valid)
/// id, no match — and neither answer names the holder.
pub(crate) async fn anonymous_check(stack: &Stack, visitor: &Client, number: &str) {
    visitor
        .goto(&stack.url("/en/documents/check"))
        .await
        .expect("open the public check");
    wait_for(visitor, "#check-submit").await;
    accessible_at_both_widths(visitor).await;

    let said = check(stack, visitor, number, CHILD_ID).await;
    assert!(
        said.contains("not valid since 5 December 2026") && said.contains("reported lost"),
        "the check says the passport was reported lost: {said}"
    );
    assert!(!said.contains("Ioana"), "no personal data: {said}");
    accessible_at_both_widths(visitor).await;

    // The brother's personal id is valid, but not this document's holder's.
    let other = check(stack, visitor, number, "5120903011231").await;
    assert!(
        other.contains("No document with this number belongs to a holder"),
        "no match with another id: {other}"
    );
    accessible_at_both_widths(visitor).await;
}
