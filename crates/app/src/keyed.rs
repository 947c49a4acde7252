//! The idempotency key a request that makes something carries, as its use
//! case sees it: what it makes is recorded under the key in the same
//! transaction, and a retry that takes over an abandoned key finds it there.

use crate::error::AppError;
use ghiseu_storage::{Connection, idempotency};

/// Whether, and under which key, a request that makes something is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyed<'a> {
    /// No key: a repeat is a new request (a page form, a script).
    No,
    /// Under `key`; `made` is what an abandoned earlier attempt made, if any.
    Under { key: &'a str, made: Option<&'a str> },
}

impl<'a> Keyed<'a> {
    /// What an earlier attempt with this key made.
    pub fn made(self) -> Option<&'a str> {
        match self {
            Keyed::No => None,
            Keyed::Under { made, .. } => made,
        }
    }

    /// Records `made` under the key, inside the transaction that makes it.
    pub async fn record(
        self,
        tx: &mut Connection,
        person_id: &str,
        made: &str,
    ) -> Result<(), AppError> {
        if let Keyed::Under { key, .. } = self {
            idempotency::record_made(tx, person_id, key, made).await?;
        }
        Ok(())
    }
}
