//! The demonstration mailbox: with `serve --demo` and no SMTP relay, what
//! the demonstration mailer and SMS gateway were given can be read on a
//! page, so a newcomer follows registration and every notice without a
//! database tool. Never present otherwise.

use crate::state::App;

/// A message the demonstration senders were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMessage {
    /// `email` or `sms`.
    pub channel: &'static str,
    pub to: String,
    /// Empty for a text message.
    pub subject: String,
    pub body: String,
}

/// What the demonstration senders were given, oldest first.
pub trait DemoMailbox: Send + Sync + std::fmt::Debug {
    fn received(&self) -> Vec<DemoMessage>;
}

/// How many messages the page shows for one address, newest first.
const SHOWN: usize = 50;

/// The messages given for `address` (an e-mail address or a phone number,
/// spaces and case ignored), newest first; `None` where there is no
/// demonstration mailbox.
pub fn for_address(state: &App, address: &str) -> Option<Vec<DemoMessage>> {
    let mailbox = state.demo_mailbox.as_ref()?;
    let wanted = normalised(address);
    if wanted.is_empty() {
        return Some(Vec::new());
    }
    Some(
        mailbox
            .received()
            .into_iter()
            .rev()
            .filter(|m| normalised(&m.to) == wanted)
            .take(SHOWN)
            .collect(),
    )
}

fn normalised(address: &str) -> String {
    address
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
