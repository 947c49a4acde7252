//! Confirming who a person is through their bank card: the person is sent to
//! the provider's page (their bank's 3-D Secure check) and comes back with
//! the provider's signed answer.

use std::future::Future;
use std::pin::Pin;

/// Work a provider does before the person can be sent to it.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One check to start.
#[derive(Debug, Clone, Copy)]
pub struct CheckRequest<'a> {
    /// The portal's reference for the check; the answer carries it back.
    pub reference: &'a str,
    /// Where the provider sends the person back, its answer in the query.
    pub return_url: &'a str,
    /// The language the person reads ("ro", "en").
    pub lang: &'a str,
}

/// What the provider answered about one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub reference: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The card's holder passed the bank's check; the bank vouches for who they are.
    Verified(VerifiedIdentity),
    /// The bank did not confirm the card's holder.
    Declined,
}

/// Who the bank says the card's holder is. Personal data: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// ISO 3166 code of the country that issued the national id.
    pub country: String,
    /// As the bank sent it; the portal still validates it.
    pub national_id: String,
    pub holder_name: String,
}

impl std::fmt::Debug for VerifiedIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifiedIdentity")
            .field("country", &self.country)
            .finish_non_exhaustive()
    }
}

/// Why an answer cannot be believed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the answer has no {0}")]
    Missing(&'static str),
    #[error("the answer has {0} more than once")]
    Repeated(&'static str),
    #[error("the answer's signature does not match its fields")]
    BadSignature,
    #[error("the answer's outcome is not one the provider gives")]
    UnknownOutcome,
}

/// A provider could not start a check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the card provider cannot start a check: {0}")]
pub struct ProviderError(pub String);

pub trait CardIdentityProvider: Send + Sync + std::fmt::Debug {
    /// A short name, kept with each check ("demo").
    fn name(&self) -> &'static str;

    /// The address to send the person to for `request`.
    fn begin<'a>(
        &'a self,
        request: CheckRequest<'a>,
    ) -> BoxFuture<'a, Result<String, ProviderError>>;

    /// Checks the answer found in the return address's query and reads it.
    fn verify(&self, query: &[(String, String)]) -> Result<Answer, AnswerError>;
}

/// The one value of `name` in `query`.
pub fn single<'q>(
    query: &'q [(String, String)],
    name: &'static str,
) -> Result<&'q str, AnswerError> {
    let mut values = query
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str());
    let value = values.next().ok_or(AnswerError::Missing(name))?;
    match values.next() {
        Some(_) => Err(AnswerError::Repeated(name)),
        None => Ok(value),
    }
}

/// `text` made safe for a URL's query.
pub fn query_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
