//! The registry of issued documents: what has been recorded about a
//! document (its standing), how it may change and by whom, and what that
//! means on a given day (its validity). Expiry is never stored as a standing:
//! it follows from the date, in the issuing authority's zone, on the day asked.

mod reminders;

pub use reminders::{Threshold, due_thresholds};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What has been recorded about a document. Only `Valid` and
/// `AwaitingCollection` documents can still be used; nothing leads back to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Made and waiting at an office for its holder.
    AwaitingCollection,
    /// In its holder's hands.
    Valid,
    ReportedLost,
    ReportedStolen,
    /// Declared invalid by the authority, with a reason.
    Invalidated,
    /// A newer document of the same kind took its place.
    Replaced,
    /// Never collected within the time the authority allows.
    NotCollected,
}

impl Standing {
    pub const ALL: [Standing; 7] = [
        Standing::AwaitingCollection,
        Standing::Valid,
        Standing::ReportedLost,
        Standing::ReportedStolen,
        Standing::Invalidated,
        Standing::Replaced,
        Standing::NotCollected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Standing::AwaitingCollection => "awaiting-collection",
            Standing::Valid => "valid",
            Standing::ReportedLost => "reported-lost",
            Standing::ReportedStolen => "reported-stolen",
            Standing::Invalidated => "invalidated",
            Standing::Replaced => "replaced",
            Standing::NotCollected => "not-collected",
        }
    }

    pub fn parse(code: &str) -> Option<Standing> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the document can still be used (until it expires).
    pub fn in_force(self) -> bool {
        matches!(self, Standing::Valid | Standing::AwaitingCollection)
    }
}

impl fmt::Display for Standing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a document's record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Issued through a case and handed over at a counter.
    Counter,
    /// Imported from the authority's earlier register.
    Import,
    /// Issued electronically, without a counter.
    Electronic,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Counter, Source::Import, Source::Electronic];

    pub fn code(self) -> &'static str {
        match self {
            Source::Counter => "counter",
            Source::Import => "import",
            Source::Electronic => "electronic",
        }
    }

    pub fn parse(code: &str) -> Option<Source> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What may happen to a document after it is issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegistryAction {
    /// The holder took it at the counter.
    Collect,
    ReportLost,
    ReportStolen,
    /// The authority declares it invalid, with a reason from its list.
    Invalidate,
    /// A newer document of the same kind was issued to the same holder.
    Replace,
    /// The time to collect it ran out.
    MarkNotCollected,
    /// The person who asked for it takes it back (an approved invitation):
    /// it stops being valid, as if the authority had declared it invalid.
    Withdraw,
}

impl RegistryAction {
    pub const ALL: [RegistryAction; 7] = [
        RegistryAction::Collect,
        RegistryAction::ReportLost,
        RegistryAction::ReportStolen,
        RegistryAction::Invalidate,
        RegistryAction::Replace,
        RegistryAction::MarkNotCollected,
        RegistryAction::Withdraw,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RegistryAction::Collect => "collect",
            RegistryAction::ReportLost => "report-lost",
            RegistryAction::ReportStolen => "report-stolen",
            RegistryAction::Invalidate => "invalidate",
            RegistryAction::Replace => "replace",
            RegistryAction::MarkNotCollected => "mark-not-collected",
            RegistryAction::Withdraw => "withdraw",
        }
    }

    pub fn parse(code: &str) -> Option<RegistryAction> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The standing this action leads to.
    pub fn target(self) -> Standing {
        match self {
            RegistryAction::Collect => Standing::Valid,
            RegistryAction::ReportLost => Standing::ReportedLost,
            RegistryAction::ReportStolen => Standing::ReportedStolen,
            RegistryAction::Invalidate => Standing::Invalidated,
            RegistryAction::Replace => Standing::Replaced,
            RegistryAction::MarkNotCollected => Standing::NotCollected,
            RegistryAction::Withdraw => Standing::Invalidated,
        }
    }
}

/// Who changes a document's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegistryActor {
    /// The holder, or a guardian of a minor holder.
    Holder,
    /// The authority's staff, at a counter or in the back office.
    Office,
    /// The portal itself: a newer document issued, a collection time run out.
    System,
}

/// Why a document's standing cannot change as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegistryRefusal {
    /// It is no longer in force: reported, invalidated, replaced or never
    /// collected. Nothing brings it back, not even finding it.
    #[error("the document is already {0}")]
    NoLongerInForce(Standing),
    /// It expired on that day; an expired document needs no report.
    #[error("the document expired on {0}")]
    Expired(Date),
    /// This actor may not take this action.
    #[error("not allowed")]
    NotAllowed,
}

impl RegistryRefusal {
    pub fn code(self) -> &'static str {
        match self {
            RegistryRefusal::NoLongerInForce(_) => "document-not-in-force",
            RegistryRefusal::Expired(_) => "document-expired",
            RegistryRefusal::NotAllowed => "not-allowed",
        }
    }
}

/// Whether `actor` may take `action` at all: the holder reports a loss or
/// a theft, or withdraws what they asked for (the application layer offers
/// it only for invitations); staff record reports made at the counter, hand documents over
/// and invalidate them; the portal replaces and marks uncollected ones.
fn permits(actor: RegistryActor, action: RegistryAction) -> bool {
    use RegistryAction as A;
    match actor {
        RegistryActor::Holder => matches!(action, A::ReportLost | A::ReportStolen | A::Withdraw),
        RegistryActor::Office => matches!(
            action,
            A::Collect | A::ReportLost | A::ReportStolen | A::Invalidate
        ),
        RegistryActor::System => matches!(action, A::Replace | A::MarkNotCollected),
    }
}

/// The standing `action` by `actor` leads to, from `standing` on `today`
/// (in the authority's zone), for a document expiring on `expires_on`.
pub fn change(
    standing: Standing,
    action: RegistryAction,
    actor: RegistryActor,
    expires_on: Option<Date>,
    today: Date,
) -> Result<Standing, RegistryRefusal> {
    if !permits(actor, action) {
        return Err(RegistryRefusal::NotAllowed);
    }
    if !standing.in_force() {
        return Err(RegistryRefusal::NoLongerInForce(standing));
    }
    let waiting = standing == Standing::AwaitingCollection;
    match action {
        RegistryAction::Collect | RegistryAction::MarkNotCollected if !waiting => {
            return Err(RegistryRefusal::NotAllowed);
        }
        _ => {}
    }
    // An expired document can still be replaced or invalidated by the
    // authority; reporting it lost changes nothing anyone relies on.
    if let Some(end) = expires_on.filter(|end| *end < today)
        && matches!(
            action,
            RegistryAction::ReportLost | RegistryAction::ReportStolen | RegistryAction::Collect
        )
    {
        return Err(RegistryRefusal::Expired(end));
    }
    Ok(action.target())
}

/// What a document is worth on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// In force; until its expiry, if it has one.
    Valid { until: Option<Date> },
    /// In force until it expired on `on` (the last day it was valid).
    Expired { on: Date },
    /// No longer in force since `since`, for `why`.
    NotValid { why: Standing, since: Date },
}

/// The document's validity on `today`, from its standing (recorded on
/// `since`) and its expiry.
pub fn validity(
    standing: Standing,
    since: Date,
    expires_on: Option<Date>,
    today: Date,
) -> Validity {
    if !standing.in_force() {
        return Validity::NotValid {
            why: standing,
            since,
        };
    }
    match expires_on {
        Some(end) if end < today => Validity::Expired { on: end },
        until => Validity::Valid { until },
    }
}

/// Days from `today` to the expiry (0 on the last valid day; negative once
/// expired); None for a document without one.
pub fn days_left(expires_on: Option<Date>, today: Date) -> Option<i64> {
    let end = expires_on?;
    Some(i64::from(today.until(end).ok()?.get_days()))
}

/// The last day to apply for a new document in time, where the authority
/// asks holders to apply `days_before` its expiry (Moldova: 30).
pub fn apply_by(expires_on: Option<Date>, days_before: Option<u16>) -> Option<Date> {
    let end = expires_on?;
    let days = days_before?;
    end.checked_sub(jiff::Span::new().days(i64::from(days)))
        .ok()
}

#[cfg(test)]
mod tests;
