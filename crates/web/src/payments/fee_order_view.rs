//! What the fee order's page shows: the payee details and reference a
//! person would type at a bank, the total, a line per case, and whether and
//! how it may be paid now.

use super::order_page::Line;
use crate::AppState;
use crate::accounts::CurrentPerson;
use ghiseu_app::payments::fee_orders::{self, Shown};
use ghiseu_app::payments::{currency_code, order_currency};
use ghiseu_i18n::Tr;
use ghiseu_storage::fee_orders::{FeeOrderLine, LINE_PAID, LINE_SURPLUS};
use ghiseu_storage::payments;

/// One case's line, as the table shows it.
pub(crate) struct Row {
    pub service: String,
    pub reference: String,
    pub holder: String,
    pub amount: String,
    pub status: String,
}

pub(crate) struct OrderView {
    pub id: String,
    /// The payee details and reference, as on a bank's form.
    pub lines: Vec<Line>,
    pub rows: Vec<Row>,
    pub total: String,
    pub status: String,
    /// Unpaid, and every case still waiting for its fee on it.
    pub due: bool,
    /// Unpaid, but a case no longer waits for its fee on it.
    pub stale: bool,
    pub methods: String,
    pub instructions: String,
    pub scheme_note: String,
    pub online: bool,
}

fn money(t: Tr<'_>, minor: i64, currency: &str) -> String {
    currency_code(currency).map_or_else(|| format!("{minor} {currency}"), |c| t.money(minor, c))
}

fn line_status(t: Tr<'_>, line: &FeeOrderLine) -> String {
    match line.outcome.as_deref() {
        Some(LINE_PAID) => t.m("fee-order-line-paid"),
        Some(LINE_SURPLUS) => t.m("fee-order-line-surplus"),
        _ => t.m("fee-order-line-due"),
    }
}

fn payee(state: &AppState, t: Tr<'_>, shown: &Shown, payer: String) -> Vec<Line> {
    let order = &shown.order;
    let mut lines = Vec::new();
    if let Some(a) = state.catalogue.authority(&order.authority_id) {
        let beneficiary = a
            .payment
            .beneficiary
            .as_ref()
            .map_or_else(|| a.name.get(t.lang), |b| b.get(t.lang));
        lines.push(Line {
            id: "payment-beneficiary",
            label: t.m("payment-beneficiary"),
            value: beneficiary.to_string(),
        });
        if let Some(account) = &a.payment.account {
            lines.push(Line {
                id: "payment-account",
                label: t.m("payment-account"),
                value: account.clone(),
            });
        }
    }
    lines.push(Line {
        id: "payment-amount",
        label: t.m("payment-amount"),
        value: money(t, order.amount_minor, &order.currency),
    });
    lines.push(Line {
        id: "payment-reference",
        label: t.m("payment-reference"),
        value: fee_orders::printed_reference(order),
    });
    lines.push(Line {
        id: "payment-payer",
        label: t.m("payment-payer"),
        value: payer,
    });
    let references: Vec<&str> = shown
        .lines
        .iter()
        .filter_map(|(_, due)| due.case.reference.as_deref())
        .collect();
    lines.push(Line {
        id: "payment-purpose",
        label: t.m("payment-purpose"),
        value: t.with(
            "fee-order-purpose",
            &[("references", crate::i18n::text_arg(references.join(", ")))],
        ),
    });
    lines
}

fn status(state: &AppState, t: Tr<'_>, shown: &Shown) -> String {
    let order = &shown.order;
    match order
        .paid_at
        .and_then(|at| jiff::Timestamp::from_microsecond(at).ok())
    {
        Some(at) if order.status == payments::PAID => {
            let zone = state
                .catalogue
                .authority(&order.authority_id)
                .map_or(jiff::tz::TimeZone::UTC, |a| a.time_zone.clone());
            t.with(
                "fee-order-status-paid",
                &[(
                    "date",
                    crate::i18n::text_arg(t.date(at.to_zoned(zone).date())),
                )],
            )
        }
        _ if order.status == payments::REFUNDED => t.m("fee-order-status-refunded"),
        _ => t.m("fee-order-status-due"),
    }
}

/// What the page shows of `shown`, in `t`'s language, for `current`, who made it.
pub(crate) fn view(
    state: &AppState,
    t: Tr<'_>,
    current: &CurrentPerson,
    shown: &Shown,
) -> OrderView {
    let order = &shown.order;
    let payer = [&current.person.given_name, &current.person.family_name]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let rows = shown
        .lines
        .iter()
        .map(|(line, due)| Row {
            service: state.catalogue.service(&due.case.service_id).map_or_else(
                || due.case.service_id.clone(),
                |(_, s)| s.name.get(t.lang).to_string(),
            ),
            reference: due.case.reference.clone().unwrap_or_default(),
            holder: format!(
                "{} {}",
                due.case.holder_given_name, due.case.holder_family_name
            ),
            amount: order_currency(&due.order).map_or_else(
                || money(t, line.amount_minor, &order.currency),
                |c| t.money(line.amount_minor, c),
            ),
            status: line_status(t, line),
        })
        .collect();
    let authority = state.catalogue.authority(&order.authority_id);
    let due = shown.payable();
    OrderView {
        id: order.id.clone(),
        lines: payee(state, t, shown, payer),
        rows,
        total: money(t, order.amount_minor, &order.currency),
        status: status(state, t, shown),
        due,
        stale: order.payable() && !due,
        methods: authority.map_or_else(String::new, |a| a.payment.methods.get(t.lang).to_string()),
        instructions: authority.map_or_else(String::new, |a| {
            a.payment.instructions.get(t.lang).to_string()
        }),
        scheme_note: t.m(&format!("payment-scheme-{}", order.scheme)),
        online: due && state.online_payment.provider().is_some(),
    }
}
