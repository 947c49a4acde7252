//! Expiry reminders: which of a person's chosen thresholds (days before the
//! expiry) are due on a given day. A threshold is due from its day until the
//! document expires, so a scan that missed a day still sends it, and once
//! sent it is never due again.

use jiff::civil::Date;

/// Days before an expiry at which a person wants to be told.
pub type Threshold = u16;

/// The thresholds due on `today` for a document in force that expires on
/// `expires_on`, leaving out those already `sent`; only the nearest of
/// several due at once, since one message says it all (the others are
/// reported as due too, to be marked sent with it).
///
/// Answers `(to_send, to_mark)`: the one threshold to tell the person about,
/// and every due threshold to mark as sent in the same transaction.
pub fn due_thresholds(
    expires_on: Date,
    today: Date,
    thresholds: &[Threshold],
    sent: &[Threshold],
) -> Option<(Threshold, Vec<Threshold>)> {
    if expires_on < today {
        return None;
    }
    let left = i64::from(today.until(expires_on).ok()?.get_days());
    let mut due: Vec<Threshold> = thresholds
        .iter()
        .copied()
        .filter(|t| i64::from(*t) >= left && !sent.contains(t))
        .collect();
    due.sort_unstable();
    due.dedup();
    let nearest = *due.first()?;
    Some((nearest, due))
}
