//! The reminder scan: for a day, every document in force whose expiry (or
//! chip certificate's expiry) has come within one of its recipients'
//! thresholds, and every document left waiting at an office too long, is
//! told to its holder and to the guardians of a child holder, once.
//!
//! The scan walks partial indexes in bounded keyset pages, one transaction
//! a page. A reminder is queued only when its row in `document_reminders`
//! was inserted in that same transaction, so any number of scans, in any
//! number of processes, at the same time or one after another, queue each
//! reminder exactly once.

use crate::accounts::household::is_active_on;
use crate::error::AppError;
use crate::notices::{self, Certificate, Notice};
use crate::state::App;
use ghiseu_domain::catalogue::{Authority, LocalText};
use ghiseu_domain::registry::due_thresholds;
use ghiseu_storage::reminders::{self, InForce, ReadyCase, ReminderChoice, ReminderKind};
use ghiseu_storage::{Connection, households};
use jiff::civil::Date;
use jiff::{Span, Timestamp};
use std::collections::HashMap;

/// Documents (or cases) looked at in one page, and one transaction.
pub const PAGE: i64 = 500;

/// What a scan did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reminded {
    /// Reminders queued (one per document, recipient and kind due).
    pub reminders: u64,
    /// Messages put in the outbox for them (one per channel).
    pub messages: u64,
}

/// Runs the scan for `today` (every authority's own today when None).
pub async fn remind(state: &App, today: Option<Date>) -> Result<Reminded, AppError> {
    let mut scan = Scan {
        state,
        today,
        now: state.clock.now(),
        done: Reminded::default(),
    };
    for kind in [
        ReminderKind::Expiry,
        ReminderKind::Identification,
        ReminderKind::Signature,
    ] {
        scan.dated(kind).await?;
    }
    scan.waiting().await?;
    scan.ready_cases().await?;
    Ok(scan.done)
}

/// The authority's defaults, for a person who chose nothing.
pub fn default_choice(authority: &Authority) -> ReminderChoice {
    ReminderChoice {
        thresholds: authority.registry.reminder_days.clone(),
        certificates: true,
        not_collected: true,
    }
}

struct Scan<'a> {
    state: &'a App,
    today: Option<Date>,
    now: Timestamp,
    done: Reminded,
}

/// Choices read in one page, by person (None: the authority's defaults).
type Choices = HashMap<String, Option<ReminderChoice>>;

fn day_after(day: Date, days: i64) -> Date {
    day.checked_add(Span::new().days(days)).unwrap_or(day)
}

impl Scan<'_> {
    fn today_of(&self, authority: &Authority) -> Date {
        self.today
            .unwrap_or_else(|| self.state.clock.today(authority))
    }

    /// The days a dated walk covers: from the earliest today of any
    /// authority to the latest plus the largest threshold anyone has.
    async fn window(&self) -> Result<Option<(Date, Date)>, AppError> {
        let authorities = self.state.catalogue.authorities();
        let days: Vec<Date> = authorities.iter().map(|a| self.today_of(a)).collect();
        let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) else {
            return Ok(None);
        };
        let defaults = authorities
            .iter()
            .flat_map(|a| a.registry.reminder_days.iter().copied())
            .max()
            .map_or(0, i64::from);
        let mut conn = self.state.db.connection().await?;
        let chosen = reminders::largest_chosen(&mut conn).await?;
        Ok(Some((*first, day_after(*last, defaults.max(chosen)))))
    }

    async fn dated(&mut self, kind: ReminderKind) -> Result<(), AppError> {
        let Some((from, to)) = self.window().await? else {
            return Ok(());
        };
        let (from, to) = (from.to_string(), to.to_string());
        let mut after: Option<(String, String)> = None;
        loop {
            let mut tx = self.state.db.begin_write().await?;
            let key = after.as_ref().map(|(d, i)| (d.as_str(), i.as_str()));
            let page = reminders::expiring(&mut tx, kind, &from, &to, key, PAGE).await?;
            let mut choices = Choices::new();
            for doc in &page {
                self.document(&mut tx, &mut choices, doc, kind).await?;
            }
            tx.commit().await?;
            match page.last() {
                Some(last) if page.len() == usize::try_from(PAGE).unwrap_or(usize::MAX) => {
                    after = Some((last.on.clone(), last.id.clone()));
                }
                _ => return Ok(()),
            }
        }
    }

    async fn document(
        &mut self,
        tx: &mut Connection,
        choices: &mut Choices,
        doc: &InForce,
        kind: ReminderKind,
    ) -> Result<(), AppError> {
        let state = self.state;
        let Some(authority) = state.catalogue.authority(&doc.authority_id) else {
            return Ok(());
        };
        let today = self.today_of(authority);
        let (Ok(expires_on), Some(name)) = (doc.on.parse::<Date>(), document_name(state, doc))
        else {
            tracing::warn!(document = %doc.id, "a document without a date or a name is not reminded");
            return Ok(());
        };
        let notice = match kind {
            ReminderKind::Expiry => Notice::DocumentExpiry {
                document: name,
                expires_on,
            },
            ReminderKind::Identification | ReminderKind::Signature => Notice::CertificateExpiry {
                document: name,
                certificate: if kind == ReminderKind::Signature {
                    Certificate::Signature
                } else {
                    Certificate::Identification
                },
                expires_on,
            },
            ReminderKind::NotCollected => return Ok(()),
        };
        let holder = (
            doc.holder_person_id.as_deref(),
            doc.holder_ward_id.as_deref(),
        );
        for person in recipients(tx, holder, today).await? {
            let choice = choice_of(tx, choices, &person, authority).await?;
            if kind != ReminderKind::Expiry && !choice.certificates {
                continue;
            }
            let Some((nearest, due)) = due_thresholds(expires_on, today, &choice.thresholds, &[])
            else {
                continue;
            };
            let sent_on = today.to_string();
            let mut fresh = false;
            for threshold in due {
                let reminder = reminders::Reminder {
                    document_id: &doc.id,
                    person_id: &person,
                    kind,
                    threshold,
                    sent_on: &sent_on,
                };
                let inserted = reminders::record(tx, &reminder).await?;
                fresh |= inserted && threshold == nearest;
            }
            if fresh {
                self.tell(tx, &person, &notice).await?;
            }
        }
        Ok(())
    }

    async fn tell(
        &mut self,
        tx: &mut Connection,
        person: &str,
        notice: &Notice<'_>,
    ) -> Result<(), AppError> {
        let queued = notices::tell(tx, self.state, person, notice, self.now).await?;
        self.done.reminders += 1;
        self.done.messages += u64::try_from(queued.len()).unwrap_or(0);
        Ok(())
    }

    /// Documents waiting at an office longer than the authority allows.
    async fn waiting(&mut self) -> Result<(), AppError> {
        let mut after = String::new();
        loop {
            let mut tx = self.state.db.begin_write().await?;
            let page = reminders::awaiting(&mut tx, &after, PAGE).await?;
            let mut choices = Choices::new();
            for doc in &page {
                self.uncollected_document(&mut tx, &mut choices, doc)
                    .await?;
            }
            tx.commit().await?;
            match page.last() {
                Some(last) if page.len() == usize::try_from(PAGE).unwrap_or(usize::MAX) => {
                    after.clone_from(&last.id);
                }
                _ => return Ok(()),
            }
        }
    }

    async fn uncollected_document(
        &mut self,
        tx: &mut Connection,
        choices: &mut Choices,
        doc: &InForce,
    ) -> Result<(), AppError> {
        let state = self.state;
        let (Some(authority), Some(office), Some(name), Ok(since)) = (
            state.catalogue.authority(&doc.authority_id),
            state.catalogue.office(&doc.office_id),
            document_name(state, doc),
            doc.on.parse::<Date>(),
        ) else {
            return Ok(());
        };
        let waiting = Waiting {
            id: &doc.id,
            authority,
            holder: (
                doc.holder_person_id.as_deref(),
                doc.holder_ward_id.as_deref(),
            ),
            since,
        };
        let notice = Notice::DocumentNotCollected {
            document: name,
            office: &office.name,
            since,
        };
        self.uncollected(tx, choices, &waiting, &notice).await
    }

    /// Cases whose document is ready at an office and has waited too long.
    async fn ready_cases(&mut self) -> Result<(), AppError> {
        let mut after = String::new();
        loop {
            let mut tx = self.state.db.begin_write().await?;
            let page = reminders::ready_cases(&mut tx, &after, PAGE).await?;
            let mut choices = Choices::new();
            for case in &page {
                self.ready_case(&mut tx, &mut choices, case).await?;
            }
            tx.commit().await?;
            match page.last() {
                Some(last) if page.len() == usize::try_from(PAGE).unwrap_or(usize::MAX) => {
                    after.clone_from(&last.id);
                }
                _ => return Ok(()),
            }
        }
    }

    async fn ready_case(
        &mut self,
        tx: &mut Connection,
        choices: &mut Choices,
        case: &ReadyCase,
    ) -> Result<(), AppError> {
        let state = self.state;
        let (Some(authority), Some(office), Some((_, service)), Ok(ready)) = (
            state.catalogue.authority(&case.authority_id),
            case.pickup_office_id
                .as_deref()
                .and_then(|o| state.catalogue.office(o)),
            state.catalogue.service(&case.service_id),
            Timestamp::from_microsecond(case.ready_at),
        ) else {
            return Ok(());
        };
        let since = ready.to_zoned(authority.time_zone.clone()).date();
        let waiting = Waiting {
            id: &case.id,
            authority,
            holder: (
                case.holder_person_id.as_deref(),
                case.holder_ward_id.as_deref(),
            ),
            since,
        };
        let notice = Notice::DocumentNotCollected {
            document: &service.name,
            office: &office.name,
            since,
        };
        self.uncollected(tx, choices, &waiting, &notice).await
    }

    async fn uncollected(
        &mut self,
        tx: &mut Connection,
        choices: &mut Choices,
        waiting: &Waiting<'_>,
        notice: &Notice<'_>,
    ) -> Result<(), AppError> {
        let today = self.today_of(waiting.authority);
        let days = waiting.authority.registry.collection_days;
        if day_after(waiting.since, i64::from(days)) > today {
            return Ok(());
        }
        let sent_on = today.to_string();
        for person in recipients(tx, waiting.holder, today).await? {
            let choice = choice_of(tx, choices, &person, waiting.authority).await?;
            if !choice.not_collected {
                continue;
            }
            let reminder = reminders::Reminder {
                document_id: waiting.id,
                person_id: &person,
                kind: ReminderKind::NotCollected,
                threshold: days,
                sent_on: &sent_on,
            };
            if reminders::record(tx, &reminder).await? {
                self.tell(tx, &person, notice).await?;
            }
        }
        Ok(())
    }
}

/// A document (or a case's document) waiting at an office since a day.
struct Waiting<'a> {
    id: &'a str,
    authority: &'a Authority,
    holder: (Option<&'a str>, Option<&'a str>),
    since: Date,
}

/// The document's name: its type's in the catalogue, else its service's.
fn document_name<'a>(state: &'a App, doc: &InForce) -> Option<&'a LocalText> {
    let by_type = state
        .catalogue
        .authority(&doc.authority_id)
        .and_then(|a| a.registry.document_type(doc.document_type.as_deref()?))
        .map(|t| &t.name);
    by_type.or_else(|| {
        let (_, service) = state.catalogue.service(doc.service_id.as_deref()?)?;
        Some(&service.name)
    })
}

/// Who is told about a document: its holder, or for a child's document
/// every guardian whose guardianship holds on `today`.
async fn recipients(
    conn: &mut Connection,
    (person, ward): (Option<&str>, Option<&str>),
    today: Date,
) -> Result<Vec<String>, AppError> {
    if let Some(person) = person {
        return Ok(vec![person.to_string()]);
    }
    let Some(ward) = ward else {
        return Ok(Vec::new());
    };
    Ok(households::guardians_of(conn, ward)
        .await?
        .into_iter()
        .filter(|w| is_active_on(w, today))
        .map(|w| w.guardian_id)
        .collect())
}

async fn choice_of(
    conn: &mut Connection,
    choices: &mut Choices,
    person: &str,
    authority: &Authority,
) -> Result<ReminderChoice, AppError> {
    let chosen = match choices.get(person) {
        Some(known) => known.clone(),
        None => {
            let read = reminders::choice(conn, person).await?;
            choices.insert(person.to_string(), read.clone());
            read
        }
    };
    let defaults = default_choice(authority);
    Ok(match chosen {
        Some(c) if c.thresholds.is_empty() => ReminderChoice {
            thresholds: defaults.thresholds,
            ..c
        },
        Some(c) => c,
        None => defaults,
    })
}
