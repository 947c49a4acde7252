//! One pre-filled payment order for the fees of several services of one
//! authority: the person chooses among the cases waiting for their fee that
//! they may act for (their own, a child's, one they represent), and gets one
//! order with the authority's reference scheme, the total and a line per
//! case. Paying it pays each case's own order once (see `combined`).

use super::{currency_code, online::Refusal as PayRefusal};
use crate::cases::access::relation;
use crate::cases::moves::state_of;
use crate::error::AppError;
use crate::keyed::Keyed;
use crate::refusal::{FeeOrderRefusal, MAX_FEE_ORDER_CASES};
use crate::state::App;
use ghiseu_domain::case::{CaseReference, CaseState};
use ghiseu_domain::catalogue::{Authority, Lang};
use ghiseu_domain::money::Money;
use ghiseu_payments::{PaymentReference, PaymentRequest, ReferenceScheme};
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::fee_orders::{self, FeeOrder, FeeOrderLine};
use ghiseu_storage::payments::{self, PaymentOrder};
use ghiseu_storage::{households, representations};

/// A case whose fee may go on a fee order, with its own payment order.
#[derive(Debug, Clone)]
pub struct Due {
    pub case: CaseRecord,
    pub order: PaymentOrder,
}

/// The cases waiting for their fee that `person_id` may act for and pay
/// through a fee order, grouped by authority in catalogue order.
pub async fn choices(state: &App, person_id: &str) -> Result<Vec<(String, Vec<Due>)>, AppError> {
    let wards: Vec<String> = households::of_guardian(&state.db, person_id)
        .await?
        .into_iter()
        .map(|w| w.ward_id)
        .collect();
    let mut found = cases::for_person(&state.db, person_id, &wards).await?;
    for held in representations::involving(&state.db, person_id).await? {
        if held.representative_id != person_id || held.revoked {
            continue;
        }
        if let Some(case) = cases::by_reference(&state.db, &held.case_reference).await?
            && !found.iter().any(|c| c.id == case.id)
        {
            found.push(case);
        }
    }
    let mut groups: Vec<(String, Vec<Due>)> = Vec::new();
    found.sort_by(|a, b| a.reference.cmp(&b.reference));
    for case in found {
        if case.state != CaseState::FeeDue.code()
            || relation(state, person_id, &case).await?.is_none()
        {
            continue;
        }
        let Some(authority) = state.catalogue.authority(&case.authority_id) else {
            continue;
        };
        if !ReferenceScheme::for_payment(authority.payment.scheme).paid_online() {
            continue;
        }
        let Some(order) = payments::for_case(&state.db, &case.id)
            .await?
            .filter(PaymentOrder::payable)
        else {
            continue;
        };
        let due = Due { case, order };
        match groups.iter_mut().find(|(a, _)| *a == authority.id) {
            Some((_, list)) => list.push(due),
            None => groups.push((authority.id.clone(), vec![due])),
        }
    }
    let position = |id: &str| {
        state
            .catalogue
            .authorities()
            .iter()
            .position(|a| a.id == id)
    };
    groups.sort_by_key(|(id, _)| position(id));
    Ok(groups)
}

/// The chosen references, read as typed (spaces and case ignored), or why
/// they cannot make an order.
fn read_choice(references: &[String]) -> Result<Vec<String>, FeeOrderRefusal> {
    let mut chosen: Vec<String> = Vec::new();
    for typed in references.iter().filter(|r| !r.trim().is_empty()) {
        let reference = CaseReference::parse(typed).map_or_else(
            || typed.trim().chars().take(40).collect(),
            |r| r.as_str().to_string(),
        );
        if chosen.contains(&reference) {
            return Err(FeeOrderRefusal::Duplicate { reference });
        }
        chosen.push(reference);
    }
    if chosen.is_empty() {
        return Err(FeeOrderRefusal::NoneChosen);
    }
    if chosen.len() > MAX_FEE_ORDER_CASES {
        return Err(FeeOrderRefusal::TooMany {
            most: u32::try_from(MAX_FEE_ORDER_CASES).unwrap_or(u32::MAX),
        });
    }
    Ok(chosen)
}

/// The cases `references` name, each one `person_id` may act for, all of
/// one authority; names in `lang`.
async fn reachable<'c>(
    state: &'c App,
    person_id: &str,
    references: &[String],
    lang: Lang,
) -> Result<Result<(&'c Authority, Vec<CaseRecord>), FeeOrderRefusal>, AppError> {
    let mut found = Vec::new();
    for reference in references {
        let case = match cases::by_reference(&state.db, reference).await? {
            Some(case) if relation(state, person_id, &case).await?.is_some() => case,
            _ => {
                let reference = reference.clone();
                return Ok(Err(FeeOrderRefusal::NotYours { reference }));
            }
        };
        found.push(case);
    }
    let mut authorities: Vec<&Authority> = Vec::new();
    for case in &found {
        let authority = state
            .catalogue
            .authority(&case.authority_id)
            .ok_or_else(|| AppError::Internal(format!("no authority {}", case.authority_id)))?;
        if !authorities.iter().any(|a| a.id == authority.id) {
            authorities.push(authority);
        }
    }
    match authorities.as_slice() {
        [one] => Ok(Ok((one, found))),
        _ => Ok(Err(FeeOrderRefusal::TwoAuthorities {
            authorities: authorities
                .iter()
                .map(|a| a.name.get(lang).to_string())
                .collect(),
        })),
    }
}

/// Makes one fee order for the cases `references` name, for `person_id`;
/// the authority's name in refusals in `lang`. Nothing is written unless
/// every case is the person's to pay, waiting for its fee, and of one
/// authority that takes payments through the portal. Under a key whose
/// earlier attempt made an order, that order is the answer.
pub async fn create(
    state: &App,
    person_id: &str,
    references: &[String],
    lang: Lang,
    keyed: Keyed<'_>,
) -> Result<Result<FeeOrder, FeeOrderRefusal>, AppError> {
    if let Some(id) = keyed.made()
        && let Some(order) = fee_orders::get(&state.db, id).await?
        && order.person_id == person_id
    {
        return Ok(Ok(order));
    }
    let chosen = match read_choice(references) {
        Ok(chosen) => chosen,
        Err(refused) => return Ok(Err(refused)),
    };
    let (authority, found) = match reachable(state, person_id, &chosen, lang).await? {
        Ok(found) => found,
        Err(refused) => return Ok(Err(refused)),
    };
    let scheme = ReferenceScheme::for_payment(authority.payment.scheme);
    if !scheme.paid_online() {
        let authority = authority.name.get(lang).to_string();
        return Ok(Err(FeeOrderRefusal::PaidAtCounter { authority }));
    }
    let mut tx = state.db.begin_write().await?;
    let mut lines = Vec::new();
    let mut currency = None;
    for (position, case) in found.iter().enumerate() {
        let current = cases::get_in(&mut tx, &case.id).await?;
        let order = payments::for_case_in(&mut tx, &case.id).await?;
        let (Some(current), Some(order)) = (current, order.filter(PaymentOrder::payable)) else {
            return Ok(Err(not_due(case)));
        };
        if state_of(&current)? != CaseState::FeeDue {
            return Ok(Err(not_due(&current)));
        }
        if currency.get_or_insert_with(|| order.currency.clone()) != &order.currency {
            return Err(AppError::Internal(format!(
                "the orders of authority {} are in two currencies",
                authority.id
            )));
        }
        lines.push(FeeOrderLine {
            fee_order_id: String::new(),
            position: i64::try_from(position).unwrap_or(i64::MAX),
            case_id: case.id.clone(),
            payment_order_id: order.id,
            amount_minor: order.amount_minor,
            outcome: None,
        });
    }
    let now = state.clock.now();
    let reference = reference(&mut tx, authority, &now).await?;
    let order = FeeOrder {
        id: uuid::Uuid::now_v7().to_string(),
        person_id: person_id.to_string(),
        authority_id: authority.id.clone(),
        reference: reference.as_str().to_string(),
        scheme: scheme.code().to_string(),
        amount_minor: lines.iter().map(|l| l.amount_minor).sum(),
        currency: currency.unwrap_or_else(|| authority.currency.code().to_string()),
        status: payments::DUE.to_string(),
        created_at: now.as_microsecond(),
        paid_at: None,
        provider: None,
        provider_transaction_id: None,
    };
    fee_orders::create(&mut tx, &order, &lines).await?;
    keyed.record(&mut tx, person_id, &order.id).await?;
    tx.commit().await?;
    Ok(Ok(order))
}

fn not_due(case: &CaseRecord) -> FeeOrderRefusal {
    FeeOrderRefusal::NotDue {
        reference: case.reference.clone().unwrap_or_default(),
        state: case.state.clone(),
    }
}

/// A reference of the authority's scheme that no single order and no case
/// has: RF and MPay-style references take the next number their single
/// orders take from too; a treasury reference is made from
/// `{prefix}-FO-{year}-{number}`, which no case reference has (a case's has
/// the year right after the prefix).
async fn reference(
    conn: &mut ghiseu_storage::Connection,
    authority: &Authority,
    now: &jiff::Timestamp,
) -> Result<PaymentReference, AppError> {
    let scheme = ReferenceScheme::for_payment(authority.payment.scheme);
    let counter = match scheme {
        ReferenceScheme::TreasuryCase => "fee-order-treasury-case",
        other => other.code(),
    };
    let next = payments::next_sequence(conn, counter).await?;
    let sequence = u32::try_from(next).map_err(|e| AppError::Internal(e.to_string()))?;
    let year = now.to_zoned(authority.time_zone.clone()).year();
    let basis = CaseReference::new(
        &format!("{}-FO", authority.reference_prefix),
        year,
        sequence,
    );
    PaymentReference::generate(authority.payment.scheme, &basis, u64::from(sequence))
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// A fee order with each line's case and the case's own order.
#[derive(Debug, Clone)]
pub struct Shown {
    pub order: FeeOrder,
    pub lines: Vec<(FeeOrderLine, Due)>,
}

/// The fee order `id` if `person_id` made it; `None` looks exactly like an
/// order that does not exist.
pub async fn shown(state: &App, person_id: &str, id: &str) -> Result<Option<Shown>, AppError> {
    let Some(order) = fee_orders::get(&state.db, id)
        .await?
        .filter(|o| o.person_id == person_id)
    else {
        return Ok(None);
    };
    let mut lines = Vec::new();
    for line in fee_orders::lines(&state.db, &order.id).await? {
        let case = cases::get(&state.db, &line.case_id).await?;
        let own = payments::for_case(&state.db, &line.case_id).await?;
        let (Some(case), Some(own)) = (case, own) else {
            return Err(AppError::Internal(format!(
                "fee order {} lost a case",
                order.id
            )));
        };
        lines.push((line, Due { case, order: own }));
    }
    Ok(Some(Shown { order, lines }))
}

impl Shown {
    /// Whether it may be paid now: unpaid, and every case still waiting for
    /// the fee on its own order (else a new order is to be made).
    pub fn payable(&self) -> bool {
        self.order.payable()
            && self
                .lines
                .iter()
                .all(|(_, due)| due.order.payable() && due.case.state == CaseState::FeeDue.code())
    }
}

/// Starts paying the fee order online; the provider's page to send the
/// person to. `description` is what the payer's statement shows.
pub async fn begin(
    state: &App,
    shown: &Shown,
    description: &str,
    return_url: &str,
) -> Result<Result<String, PayRefusal>, AppError> {
    let Some(provider) = state.online_payment.provider() else {
        return Ok(Err(PayRefusal::Unavailable));
    };
    let order = &shown.order;
    if ReferenceScheme::from_code(&order.scheme).is_none_or(|s| !s.paid_online()) {
        return Ok(Err(PayRefusal::Unavailable));
    }
    if !shown.payable() {
        return Ok(Err(PayRefusal::NotDue));
    }
    let currency = currency_code(&order.currency).ok_or_else(|| {
        AppError::Internal(format!(
            "fee order {} has currency {}",
            order.id, order.currency
        ))
    })?;
    let request = PaymentRequest {
        order_id: &order.id,
        reference: &order.reference,
        amount: Money::new(order.amount_minor, currency),
        description,
        return_url,
    };
    match provider.begin(&request).await {
        Ok(url) => Ok(Ok(url)),
        Err(e) => {
            tracing::error!(error = %e, order = %order.id, "the payment provider did not start a payment");
            Ok(Err(PayRefusal::ProviderFailed))
        }
    }
}

/// The reference as people read and type it: in groups where the scheme groups it.
pub fn printed_reference(order: &FeeOrder) -> String {
    ReferenceScheme::from_code(&order.scheme)
        .and_then(|s| PaymentReference::parse(s, &order.reference).ok())
        .map_or_else(|| order.reference.clone(), |r| r.to_string())
}
