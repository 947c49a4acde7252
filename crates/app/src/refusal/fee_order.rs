//! Refusals of fee orders: one pre-filled order for the fees of several
//! cases of one authority. Each names the request field, `cases`, so a
//! client knows what to correct, and the case it is about where there is one.

use super::RefusalKind;
use ghiseu_i18n::{Arg, number_arg, text_arg};

/// The most cases one fee order covers.
pub const MAX_FEE_ORDER_CASES: usize = 20;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.code())]
pub enum FeeOrderRefusal {
    /// No case was chosen.
    NoneChosen,
    /// More cases than one order covers.
    TooMany { most: u32 },
    /// The same case was chosen twice.
    Duplicate { reference: String },
    /// No case with this reference is one the person may act for (the same
    /// answer whether it does not exist or is someone else's).
    NotYours { reference: String },
    /// The case is not waiting for its fee; `state` is where it stands.
    NotDue { reference: String, state: String },
    /// The cases belong to more than one authority.
    TwoAuthorities { authorities: Vec<String> },
    /// The authority takes its fees outside the portal, proved at the counter.
    PaidAtCounter { authority: String },
}

impl FeeOrderRefusal {
    /// The request field every fee order refusal is about.
    pub const FIELD: &'static str = "cases";

    pub fn code(&self) -> &'static str {
        match self {
            FeeOrderRefusal::NoneChosen => "fee-order-empty",
            FeeOrderRefusal::TooMany { .. } => "fee-order-too-many",
            FeeOrderRefusal::Duplicate { .. } => "fee-order-duplicate",
            FeeOrderRefusal::NotYours { .. } => "fee-order-not-yours",
            FeeOrderRefusal::NotDue { .. } => "fee-order-not-due",
            FeeOrderRefusal::TwoAuthorities { .. } => "fee-order-two-authorities",
            FeeOrderRefusal::PaidAtCounter { .. } => "fee-order-paid-at-counter",
        }
    }

    pub fn kind(&self) -> RefusalKind {
        RefusalKind::Unprocessable
    }

    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            FeeOrderRefusal::NoneChosen => Vec::new(),
            FeeOrderRefusal::TooMany { most } => vec![("most", number_arg(i64::from(*most)))],
            FeeOrderRefusal::Duplicate { reference } | FeeOrderRefusal::NotYours { reference } => {
                vec![("reference", text_arg(reference.as_str()))]
            }
            FeeOrderRefusal::NotDue { reference, state } => vec![
                ("reference", text_arg(reference.as_str())),
                ("state", text_arg(state.as_str())),
            ],
            FeeOrderRefusal::TwoAuthorities { authorities } => {
                vec![("authorities", text_arg(authorities.join("; ")))]
            }
            FeeOrderRefusal::PaidAtCounter { authority } => {
                vec![("authority", text_arg(authority.as_str()))]
            }
        }
    }

    pub(super) const FIRST: FeeOrderRefusal = FeeOrderRefusal::NoneChosen;

    pub(super) fn after(&self) -> Option<FeeOrderRefusal> {
        let text = |s: &str| s.to_string();
        Some(match self {
            FeeOrderRefusal::NoneChosen => FeeOrderRefusal::TooMany { most: 20 },
            FeeOrderRefusal::TooMany { .. } => FeeOrderRefusal::Duplicate {
                reference: text("MD-IGM-2026-000007"),
            },
            FeeOrderRefusal::Duplicate { .. } => FeeOrderRefusal::NotYours {
                reference: text("MD-IGM-2026-000008"),
            },
            FeeOrderRefusal::NotYours { .. } => FeeOrderRefusal::NotDue {
                reference: text("MD-IGM-2026-000009"),
                state: text("paid"),
            },
            FeeOrderRefusal::NotDue { .. } => FeeOrderRefusal::TwoAuthorities {
                authorities: vec![
                    text("Agenția Servicii Publice"),
                    text("Migration Department"),
                ],
            },
            FeeOrderRefusal::TwoAuthorities { .. } => FeeOrderRefusal::PaidAtCounter {
                authority: text("General Inspectorate for Immigration"),
            },
            FeeOrderRefusal::PaidAtCounter { .. } => return None,
        })
    }
}
