//! Validation of a service's fees: its urgencies with their fee lines and
//! processing times, and the reductions a person may claim.

use super::build::{Report, identifier};
use super::def::*;
use super::model::*;
use super::service_check::check_bands;
use crate::money::Currency;
use serde_spanned::Spanned;
use std::collections::HashSet;

pub(super) fn urgencies(
    report: &mut Report<'_>,
    defs: &[Spanned<UrgencyDef>],
    id: &str,
    currency: Currency,
) -> Vec<Urgency> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    if defs.is_empty() {
        report.at(
            0..0,
            format!("service {id}: define at least one [[service.urgency]]"),
        );
    }
    for spanned in defs {
        let (def, span) = (spanned.get_ref(), spanned.span());
        identifier(report, span.clone(), "urgency id", &def.id);
        if !seen.insert(def.id.clone()) {
            report.at(
                span.clone(),
                format!("service {id}: urgency \"{}\" is defined twice", def.id),
            );
        }
        if def.id == "standard" && !def.default {
            report.at(
                span.clone(),
                format!("service {id}: the urgency called \"standard\" must be the default"),
            );
        }
        let processing = match def.processing {
            ProcessingDef::None => Some(ProcessingTerm::None),
            ProcessingDef::SameDay => Some(ProcessingTerm::SameDay),
            ProcessingDef::WorkingDays { days } => report
                .number(span.clone(), "working days", days, 1..=366)
                .map(ProcessingTerm::WorkingDays),
            ProcessingDef::CalendarDays { days } => report
                .number(span.clone(), "calendar days", days, 1..=366)
                .map(ProcessingTerm::CalendarDays),
        };
        let mut fees = Vec::new();
        let mut codes = HashSet::new();
        for line in &def.fees {
            let (l, lspan) = (line.get_ref(), line.span());
            identifier(report, lspan.clone(), "fee line code", &l.code);
            if !codes.insert(l.code.clone()) {
                report.at(
                    lspan.clone(),
                    format!(
                        "service {id}, urgency {}: fee line \"{}\" appears twice",
                        def.id, l.code
                    ),
                );
            }
            report.text(
                lspan.clone(),
                &format!("service {id}, fee line {}: label", l.code),
                &l.label,
            );
            let amounts = match (&l.amount, &l.by_age) {
                (Some(amount), None) => report
                    .amount(amount.span(), amount.get_ref(), currency)
                    .map(|minor| {
                        vec![AgeAmount {
                            under_age: None,
                            minor,
                        }]
                    }),
                (None, Some(by_age)) => {
                    let bspan = by_age.span();
                    let bounds: Vec<Option<i64>> =
                        by_age.get_ref().iter().map(|b| b.under_age).collect();
                    check_bands(
                        report,
                        bspan.clone(),
                        &format!("fee line {}", l.code),
                        &bounds,
                    )
                    .and_then(|ages| {
                        by_age
                            .get_ref()
                            .iter()
                            .zip(ages)
                            .map(|(b, under_age)| {
                                report
                                    .amount(bspan.clone(), &b.amount, currency)
                                    .map(|minor| AgeAmount { under_age, minor })
                            })
                            .collect::<Option<Vec<_>>>()
                    })
                }
                _ => {
                    report.at(
                        lspan.clone(),
                        format!(
                            "fee line {}: give either `amount` or `by_age`, not both or neither",
                            l.code
                        ),
                    );
                    None
                }
            };
            if let Some(amounts) = amounts {
                fees.push(FeeLine {
                    code: l.code.clone(),
                    label: l.label.clone(),
                    amounts,
                });
            }
        }
        if let Some(processing) = processing {
            out.push(Urgency {
                id: def.id.clone(),
                default: def.default,
                processing,
                fees,
            });
        }
    }
    let defaults = defs.iter().filter(|d| d.get_ref().default).count();
    if !defs.is_empty() && defaults != 1 {
        report.at(
            defs.first().map_or(0..0, Spanned::span),
            format!(
                "service {id}: exactly one urgency must be `default = true` (found {defaults})"
            ),
        );
    }
    out
}

pub(super) fn reductions(
    report: &mut Report<'_>,
    defs: &[Spanned<ReductionDef>],
    urgencies: &[Urgency],
    id: &str,
    currency: Currency,
) -> Vec<Reduction> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for spanned in defs {
        let (def, span) = (spanned.get_ref(), spanned.span());
        identifier(report, span.clone(), "reduction id", &def.id);
        if !seen.insert(def.id.clone()) {
            report.at(
                span.clone(),
                format!("service {id}: reduction \"{}\" is defined twice", def.id),
            );
        }
        report.text(
            span.clone(),
            &format!("reduction {}: name", def.id),
            &def.name,
        );
        report.text(
            span.clone(),
            &format!("reduction {}: conditions", def.id),
            &def.conditions,
        );
        let mut applies = Vec::new();
        for a in &def.applies {
            let Some(urgency) = urgencies.iter().find(|u| u.id == a.urgency) else {
                report.at(
                    span.clone(),
                    format!(
                        "reduction {}: the service has no urgency \"{}\"",
                        def.id, a.urgency
                    ),
                );
                continue;
            };
            let Some(line) = urgency.fees.iter().find(|l| l.code == a.line) else {
                report.at(
                    span.clone(),
                    format!(
                        "reduction {}: urgency {} has no fee line \"{}\"",
                        def.id, a.urgency, a.line
                    ),
                );
                continue;
            };
            if let Some(minor) = report.amount(span.clone(), &a.amount, currency) {
                if line.amounts.iter().any(|full| full.minor < minor) {
                    report.at(
                        span.clone(),
                        format!(
                            "reduction {}: the reduced amount is higher than the full fee",
                            def.id
                        ),
                    );
                }
                applies.push(ReductionApply {
                    urgency: a.urgency.clone(),
                    line: a.line.clone(),
                    minor,
                });
            }
        }
        if def.applies.is_empty() {
            report.at(
                span.clone(),
                format!(
                    "reduction {}: say where it applies with [[service.reduction.applies]]",
                    def.id
                ),
            );
        }
        out.push(Reduction {
            id: def.id.clone(),
            name: def.name.clone(),
            conditions: def.conditions.clone(),
            applies,
        });
    }
    out
}
