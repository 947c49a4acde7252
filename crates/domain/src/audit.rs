//! Audit events and their hash chain.
//!
//! Every entry of the audit log carries the SHA-256 of its own content, its
//! sequence number and the hash of the entry before it, so changing, removing
//! or reordering any entry breaks every hash after it. The first entry is
//! chained to [`GENESIS_HASH`].

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt;

/// The "previous hash" of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did what to whose data, when, from where and on whose behalf.
/// Times are kept to the microsecond.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent {
    pub at: jiff::Timestamp,
    /// The person who acted; `None` for someone not logged in.
    pub actor: Option<String>,
    pub actor_role: Option<String>,
    /// What happened, as `noun.verb`: `login.succeeded`, `case.viewed`.
    pub action: String,
    /// The person whose data was touched.
    pub subject: Option<String>,
    /// The person the actor acted for (a ward, a principal).
    pub on_behalf_of: Option<String>,
    pub source_ip: Option<String>,
    /// Further facts. Never a full national id: see [`mask_national_ids`].
    pub detail: Value,
}

impl AuditEvent {
    /// An event with no actor, subject or detail yet.
    pub fn new(at: jiff::Timestamp, action: impl Into<String>) -> AuditEvent {
        AuditEvent {
            at,
            actor: None,
            actor_role: None,
            action: action.into(),
            subject: None,
            on_behalf_of: None,
            source_ip: None,
            detail: Value::Object(serde_json::Map::new()),
        }
    }
}

/// The JSON text a detail is stored as.
pub fn detail_to_text(detail: &Value) -> String {
    detail.to_string()
}

/// A detail read back from its stored text.
pub fn detail_from_text(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("detail is not JSON: {e}"))
}

/// The bytes an entry's hash covers. Every field is tagged and
/// length-prefixed, so no two different entries share an encoding.
pub fn canonical_bytes(previous_hash: &str, sequence: i64, event: &AuditEvent) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    put_str(&mut out, "ghiseu.audit.v1");
    put_str(&mut out, previous_hash);
    out.extend_from_slice(&sequence.to_be_bytes());
    out.extend_from_slice(&event.at.as_microsecond().to_be_bytes());
    put_opt(&mut out, event.actor.as_deref());
    put_opt(&mut out, event.actor_role.as_deref());
    put_str(&mut out, &event.action);
    put_opt(&mut out, event.subject.as_deref());
    put_opt(&mut out, event.on_behalf_of.as_deref());
    put_opt(&mut out, event.source_ip.as_deref());
    put_value(&mut out, &event.detail);
    out
}

/// The hash of entry `sequence` holding `event`, chained to `previous_hash`,
/// as 64 lowercase hex digits.
pub fn chain_hash(previous_hash: &str, sequence: i64, event: &AuditEvent) -> String {
    let digest = Sha256::digest(canonical_bytes(previous_hash, sequence, event));
    hex::encode(digest)
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&(len as u64).to_be_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

/// JSON in a form independent of how the value was built: object keys in
/// byte order, numbers as their shortest decimal text.
fn put_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.push(b'n'),
        Value::Bool(b) => out.extend_from_slice(if *b { b"t" } else { b"f" }),
        Value::Number(n) => {
            out.push(b'#');
            put_str(out, &n.to_string());
        }
        Value::String(s) => {
            out.push(b's');
            put_str(out, s);
        }
        Value::Array(items) => {
            out.push(b'[');
            put_len(out, items.len());
            for item in items {
                put_value(out, item);
            }
        }
        Value::Object(map) => {
            out.push(b'{');
            put_len(out, map.len());
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (key, item) in entries {
                put_str(out, key);
                put_value(out, item);
            }
        }
    }
}

/// Where and why a chain stops being trustworthy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the audit log is broken at sequence {sequence}: {reason}")]
pub struct ChainBreak {
    pub sequence: i64,
    pub reason: BreakReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakReason {
    /// The log does not begin at sequence 1: its first entries are gone.
    MissingStart,
    /// An entry is missing before this one.
    Gap { expected: i64 },
    /// The stored hash is not the hash of the entry chained to the one before.
    HashMismatch,
    /// The log's recorded head (last sequence and hash) disagrees with its
    /// last entry: entries were removed from or added at the end.
    HeadMismatch {
        head_sequence: i64,
        last_sequence: i64,
    },
    /// The entry cannot be read back (its detail is not JSON, its time is out of range).
    Unreadable(String),
}

impl fmt::Display for BreakReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BreakReason::MissingStart => write!(f, "the log does not start at sequence 1"),
            BreakReason::Gap { expected } => write!(f, "entry {expected} is missing"),
            BreakReason::HashMismatch => write!(
                f,
                "the stored hash does not match the entry and the hash before it"
            ),
            BreakReason::HeadMismatch {
                head_sequence,
                last_sequence,
            } => write!(
                f,
                "the log's head records sequence {head_sequence} but its last entry is {last_sequence} \
                 or has another hash"
            ),
            BreakReason::Unreadable(why) => write!(f, "the entry cannot be read: {why}"),
        }
    }
}

/// Checks a chain one entry at a time, in sequence order, so a long log can
/// be read page by page.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    entries: u64,
    last_sequence: i64,
    last_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            entries: 0,
            last_sequence: 0,
            last_hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl ChainVerifier {
    pub fn new() -> ChainVerifier {
        ChainVerifier::default()
    }

    /// Checks the next entry against the ones before it.
    pub fn check(
        &mut self,
        sequence: i64,
        event: &AuditEvent,
        stored_hash: &str,
    ) -> Result<(), ChainBreak> {
        let expected = self.last_sequence.saturating_add(1);
        if sequence != expected {
            let reason = if self.entries == 0 {
                BreakReason::MissingStart
            } else {
                BreakReason::Gap { expected }
            };
            return Err(ChainBreak { sequence, reason });
        }
        if chain_hash(&self.last_hash, sequence, event) != stored_hash {
            return Err(ChainBreak {
                sequence,
                reason: BreakReason::HashMismatch,
            });
        }
        self.entries += 1;
        self.last_sequence = sequence;
        stored_hash.clone_into(&mut self.last_hash);
        Ok(())
    }

    /// Checks that the log ends where its recorded head says it does.
    pub fn check_head(&self, head_sequence: i64, head_hash: &str) -> Result<(), ChainBreak> {
        if head_sequence == self.last_sequence && head_hash == self.last_hash {
            return Ok(());
        }
        Err(ChainBreak {
            sequence: head_sequence.min(self.last_sequence).saturating_add(1),
            reason: BreakReason::HeadMismatch {
                head_sequence,
                last_sequence: self.last_sequence,
            },
        })
    }

    pub fn entries(&self) -> u64 {
        self.entries
    }

    pub fn last_sequence(&self) -> i64 {
        self.last_sequence
    }

    /// The hash of the last entry checked, or [`GENESIS_HASH`] before any.
    pub fn last_hash(&self) -> &str {
        &self.last_hash
    }
}

/// Checks a whole chain, given in sequence order; returns how many entries it holds.
pub fn verify_chain<E>(
    entries: impl IntoIterator<Item = (i64, E, String)>,
) -> Result<u64, ChainBreak>
where
    E: std::borrow::Borrow<AuditEvent>,
{
    let mut verifier = ChainVerifier::new();
    for (sequence, event, hash) in entries {
        verifier.check(sequence, event.borrow(), &hash)?;
    }
    Ok(verifier.entries())
}

/// The shortest and longest national ids of the supported countries
/// (Lithuania's asmens kodas has 11 digits, Romania's CNP and Moldova's IDNP 13).
const NATIONAL_ID_DIGITS: std::ops::RangeInclusive<usize> = 11..=13;

/// Whether any string, key or integer in `detail` has a run of 11 to 13
/// digits, the shape of a national id.
pub fn holds_national_id(detail: &Value) -> bool {
    match detail {
        Value::String(s) => digit_runs(s).any(|(_, len)| NATIONAL_ID_DIGITS.contains(&len)),
        Value::Number(n) => {
            NATIONAL_ID_DIGITS.contains(&n.to_string().trim_start_matches('-').len())
                && (n.is_i64() || n.is_u64())
        }
        Value::Array(items) => items.iter().any(holds_national_id),
        Value::Object(map) => map.iter().any(|(key, item)| {
            holds_national_id(&Value::String(key.clone())) || holds_national_id(item)
        }),
        Value::Null | Value::Bool(_) => false,
    }
}

/// `detail` with every national-id-shaped run of digits replaced by `*`
/// except its last three digits (integers of that length become such strings).
pub fn mask_national_ids(detail: &Value) -> Value {
    match detail {
        Value::String(s) => Value::String(mask_text(s)),
        Value::Number(n) if holds_national_id(detail) => Value::String(mask_text(&n.to_string())),
        Value::Array(items) => Value::Array(items.iter().map(mask_national_ids).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, item)| (mask_text(key), mask_national_ids(item)))
                .collect(),
        ),
        Value::Null | Value::Bool(_) | Value::Number(_) => detail.clone(),
    }
}

fn mask_text(text: &str) -> String {
    let mut masked = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, len) in digit_runs(text).filter(|(_, len)| NATIONAL_ID_DIGITS.contains(len)) {
        masked.push_str(&text[copied..start]);
        masked.extend(std::iter::repeat_n('*', len - 3));
        masked.push_str(&text[start + len - 3..start + len]);
        copied = start + len;
    }
    masked.push_str(&text[copied..]);
    masked
}

/// Byte offset and length of every maximal run of ASCII digits.
fn digit_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !bytes[at].is_ascii_digit() {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        (at > start).then(|| (start, at - start))
    })
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
