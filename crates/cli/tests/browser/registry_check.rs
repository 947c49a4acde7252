//! The public validity check as an anonymous visitor uses it.

use super::Stack;
use fantoccini::Client;

/// An anonymous visitor checks the child's passport `number`: with the
/// child's personal id it is not valid, reported lost; with another id,
/// no match.
pub(crate) async fn anonymous_check(stack: &Stack, visitor: &Client, number: &str) {
    let _ = (stack, visitor, number);
}
