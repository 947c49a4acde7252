#![allow(clippy::unwrap_used)]

use super::*;
use jiff::civil::date;
use proptest::prelude::*;

const TODAY: Date = date(2026, 12, 5);

#[test]
fn a_holder_reports_a_valid_document_lost_once_and_it_stays_invalid() {
    let lost = change(
        Standing::Valid,
        RegistryAction::ReportLost,
        RegistryActor::Holder,
        Some(date(2030, 1, 1)),
        TODAY,
    );
    assert_eq!(lost, Ok(Standing::ReportedLost));
    for action in RegistryAction::ALL {
        for actor in [
            RegistryActor::Holder,
            RegistryActor::Office,
            RegistryActor::System,
        ] {
            let again = change(Standing::ReportedLost, action, actor, None, TODAY);
            assert!(again.is_err(), "{action:?} by {actor:?} after a loss");
        }
    }
    assert_eq!(
        change(
            Standing::ReportedLost,
            RegistryAction::ReportLost,
            RegistryActor::Holder,
            None,
            TODAY
        ),
        Err(RegistryRefusal::NoLongerInForce(Standing::ReportedLost))
    );
}

#[test]
fn an_expired_document_needs_no_report_but_can_be_replaced() {
    let expired = Some(date(2026, 12, 4));
    assert_eq!(
        change(
            Standing::Valid,
            RegistryAction::ReportStolen,
            RegistryActor::Holder,
            expired,
            TODAY
        ),
        Err(RegistryRefusal::Expired(date(2026, 12, 4)))
    );
    assert_eq!(
        change(
            Standing::Valid,
            RegistryAction::Replace,
            RegistryActor::System,
            expired,
            TODAY
        ),
        Ok(Standing::Replaced)
    );
    // The last valid day still counts as valid.
    assert_eq!(
        change(
            Standing::Valid,
            RegistryAction::ReportLost,
            RegistryActor::Holder,
            Some(TODAY),
            TODAY
        ),
        Ok(Standing::ReportedLost)
    );
}

#[test]
fn each_actor_takes_only_its_own_actions() {
    let open = |action, actor| change(Standing::Valid, action, actor, None, TODAY);
    assert_eq!(
        open(RegistryAction::Invalidate, RegistryActor::Holder),
        Err(RegistryRefusal::NotAllowed)
    );
    assert_eq!(
        open(RegistryAction::Replace, RegistryActor::Holder),
        Err(RegistryRefusal::NotAllowed)
    );
    assert_eq!(
        open(RegistryAction::Invalidate, RegistryActor::Office),
        Ok(Standing::Invalidated)
    );
    assert_eq!(
        open(RegistryAction::ReportLost, RegistryActor::System),
        Err(RegistryRefusal::NotAllowed)
    );
    // Collecting, or running out of time to collect, only for a waiting document.
    assert_eq!(
        open(RegistryAction::Collect, RegistryActor::Office),
        Err(RegistryRefusal::NotAllowed)
    );
    assert_eq!(
        change(
            Standing::AwaitingCollection,
            RegistryAction::MarkNotCollected,
            RegistryActor::System,
            None,
            TODAY
        ),
        Ok(Standing::NotCollected)
    );
}

#[test]
fn validity_follows_the_date_and_the_standing() {
    let issued = date(2020, 1, 10);
    assert_eq!(
        validity(Standing::Valid, issued, Some(date(2030, 1, 9)), TODAY),
        Validity::Valid {
            until: Some(date(2030, 1, 9))
        }
    );
    assert_eq!(
        validity(Standing::Valid, issued, Some(date(2026, 12, 4)), TODAY),
        Validity::Expired {
            on: date(2026, 12, 4)
        }
    );
    assert_eq!(
        validity(
            Standing::ReportedStolen,
            date(2026, 3, 2),
            Some(date(2030, 1, 9)),
            TODAY
        ),
        Validity::NotValid {
            why: Standing::ReportedStolen,
            since: date(2026, 3, 2)
        }
    );
    assert_eq!(
        validity(Standing::Valid, issued, None, TODAY),
        Validity::Valid { until: None }
    );
}

#[test]
fn days_left_and_the_apply_by_date() {
    assert_eq!(days_left(Some(date(2027, 1, 4)), TODAY), Some(30));
    assert_eq!(days_left(Some(TODAY), TODAY), Some(0));
    assert_eq!(days_left(Some(date(2026, 12, 1)), TODAY), Some(-4));
    assert_eq!(days_left(None, TODAY), None);
    assert_eq!(apply_by(Some(date(2027, 1, 4)), Some(30)), Some(TODAY));
    assert_eq!(apply_by(Some(date(2027, 1, 4)), None), None);
}

#[test]
fn codes_round_trip() {
    for s in Standing::ALL {
        assert_eq!(Standing::parse(s.code()), Some(s));
    }
    for a in RegistryAction::ALL {
        assert_eq!(RegistryAction::parse(a.code()), Some(a));
    }
    assert_eq!(Standing::parse("found"), None);
}

#[test]
fn reminders_fire_from_their_day_and_only_the_nearest_is_told() {
    let end = date(2027, 1, 4); // 30 days after TODAY
    assert_eq!(
        due_thresholds(end, TODAY, &[90, 30, 7], &[]),
        Some((30, vec![30, 90]))
    );
    assert_eq!(due_thresholds(end, TODAY, &[90, 30, 7], &[30, 90]), None);
    assert_eq!(due_thresholds(end, TODAY, &[7], &[]), None);
    assert_eq!(due_thresholds(date(2026, 12, 4), TODAY, &[90], &[]), None);
}

fn any_standing() -> impl Strategy<Value = Standing> {
    prop::sample::select(Standing::ALL.to_vec())
}

fn any_action() -> impl Strategy<Value = RegistryAction> {
    prop::sample::select(RegistryAction::ALL.to_vec())
}

fn any_actor() -> impl Strategy<Value = RegistryActor> {
    prop::sample::select(vec![
        RegistryActor::Holder,
        RegistryActor::Office,
        RegistryActor::System,
    ])
}

proptest! {
    /// Nothing ever brings a document back into force once it left it.
    #[test]
    fn no_way_back_into_force(
        start in any_standing(),
        steps in prop::collection::vec((any_action(), any_actor()), 0..12),
        expiry_offset in -400i64..4000,
    ) {
        let expires_on = TODAY.checked_add(jiff::Span::new().days(expiry_offset)).ok();
        let mut standing = start;
        let mut left_force = !start.in_force();
        for (action, actor) in steps {
            if let Ok(next) = change(standing, action, actor, expires_on, TODAY) {
                prop_assert!(!left_force, "{standing} --{action:?}--> {next}");
                standing = next;
                left_force = !standing.in_force();
            }
        }
    }

    /// Across any sequence of daily scans, each threshold is told or marked
    /// at most once, and never after the expiry.
    #[test]
    fn each_threshold_at_most_once(
        thresholds in prop::collection::vec(0u16..400, 0..5),
        days_until_expiry in 0i64..500,
        scan_days in prop::collection::btree_set(0i64..520, 0..40),
    ) {
        let end = TODAY.checked_add(jiff::Span::new().days(days_until_expiry)).unwrap();
        let mut sent: Vec<Threshold> = Vec::new();
        for day in scan_days {
            let today = TODAY.checked_add(jiff::Span::new().days(day)).unwrap();
            if let Some((told, marked)) = due_thresholds(end, today, &thresholds, &sent) {
                prop_assert!(today <= end);
                prop_assert!(marked.contains(&told));
                for t in &marked {
                    prop_assert!(!sent.contains(t), "threshold {t} twice");
                }
                sent.extend(marked);
            }
        }
    }
}
