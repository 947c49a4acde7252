#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use proptest::prelude::*;
use serde_json::json;

fn at(micros: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_microsecond(micros).unwrap()
}

/// Hashes `events` into a chain numbered from 1.
fn chain(events: &[AuditEvent]) -> Vec<(i64, AuditEvent, String)> {
    let mut previous = GENESIS_HASH.to_owned();
    let mut out = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let sequence = i as i64 + 1;
        let hash = chain_hash(&previous, sequence, event);
        previous.clone_from(&hash);
        out.push((sequence, event.clone(), hash));
    }
    out
}

fn detail_strategy() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e9f64..1.0e9).prop_map(Value::from),
        "[a-z0-9 .]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn event_strategy() -> impl Strategy<Value = AuditEvent> {
    let text = || proptest::option::of("[a-z0-9.:-]{0,10}");
    (
        0i64..4_000_000_000_000_000,
        text(),
        text(),
        "[a-z]{1,8}\\.[a-z]{1,8}",
        text(),
        text(),
        text(),
        detail_strategy(),
    )
        .prop_map(
            |(micros, actor, actor_role, action, subject, on_behalf_of, source_ip, detail)| {
                AuditEvent {
                    at: at(micros),
                    actor,
                    actor_role,
                    action,
                    subject,
                    on_behalf_of,
                    source_ip,
                    detail,
                }
            },
        )
}

fn changed(value: &Option<String>) -> Option<String> {
    match value {
        None => Some(String::new()),
        Some(s) => Some(format!("{s}~")),
    }
}

/// `event` with field number `field` (0 to 7) changed.
fn tamper(event: &AuditEvent, field: usize) -> AuditEvent {
    let mut e = event.clone();
    match field {
        0 => e.at = at(event.at.as_microsecond() + 1),
        1 => e.actor = changed(&e.actor),
        2 => e.actor_role = changed(&e.actor_role),
        3 => e.action.push('~'),
        4 => e.subject = changed(&e.subject),
        5 => e.on_behalf_of = changed(&e.on_behalf_of),
        6 => e.source_ip = changed(&e.source_ip),
        _ => e.detail = json!({ "was": e.detail, "tampered": true }),
    }
    e
}

proptest! {
    #[test]
    fn any_change_to_any_field_of_any_entry_is_detected(
        events in prop::collection::vec(event_strategy(), 1..8),
        pick in any::<prop::sample::Index>(),
        field in 0usize..8,
    ) {
        let mut entries = chain(&events);
        prop_assert_eq!(verify_chain(entries.clone()), Ok(events.len() as u64));
        let i = pick.index(entries.len());
        entries[i].1 = tamper(&entries[i].1, field);
        let broken = verify_chain(entries).unwrap_err();
        prop_assert_eq!(broken.sequence, i as i64 + 1);
        prop_assert_eq!(broken.reason, BreakReason::HashMismatch);
    }

    #[test]
    fn a_rewritten_hash_is_detected_at_its_entry(
        events in prop::collection::vec(event_strategy(), 1..8),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut entries = chain(&events);
        let i = pick.index(entries.len());
        entries[i].2 = chain_hash(GENESIS_HASH, 0, &entries[i].1);
        let broken = verify_chain(entries).unwrap_err();
        prop_assert_eq!(broken.sequence, i as i64 + 1);
    }

    #[test]
    fn appending_never_changes_earlier_hashes(
        earlier in prop::collection::vec(event_strategy(), 0..6),
        later in prop::collection::vec(event_strategy(), 1..4),
    ) {
        let before = chain(&earlier);
        let all: Vec<_> = earlier.iter().chain(&later).cloned().collect();
        let after = chain(&all);
        prop_assert_eq!(&after[..before.len()], &before[..]);
        prop_assert_eq!(verify_chain(after), Ok(all.len() as u64));
    }

    #[test]
    fn different_events_never_share_an_encoding(a in event_strategy(), b in event_strategy()) {
        prop_assume!(a != b);
        prop_assert_ne!(canonical_bytes(GENESIS_HASH, 1, &a), canonical_bytes(GENESIS_HASH, 1, &b));
    }

    #[test]
    fn detail_read_back_from_its_json_text_hashes_the_same(event in event_strategy()) {
        let mut read_back = event.clone();
        read_back.detail = serde_json::from_str(&event.detail.to_string()).unwrap();
        prop_assert_eq!(chain_hash(GENESIS_HASH, 1, &read_back), chain_hash(GENESIS_HASH, 1, &event));
    }

    #[test]
    fn masked_detail_holds_no_national_id(digits in "[0-9]{11,13}", around in "[a-z ]{0,5}") {
        let detail = json!({ "note": format!("{around}{digits}{around}"), digits.clone(): [digits.clone()] });
        prop_assert!(holds_national_id(&detail));
        let masked = mask_national_ids(&detail);
        prop_assert!(!holds_national_id(&masked));
        prop_assert!(!masked.to_string().contains(&digits));
    }
}

#[test]
fn moving_text_between_fields_changes_the_hash() {
    let mut a = AuditEvent::new(at(0), "login.failed");
    a.actor = Some("ab".into());
    a.actor_role = Some("c".into());
    let mut b = a.clone();
    b.actor = Some("a".into());
    b.actor_role = Some("bc".into());
    assert_ne!(
        chain_hash(GENESIS_HASH, 1, &a),
        chain_hash(GENESIS_HASH, 1, &b)
    );
    let mut absent = a.clone();
    absent.subject = None;
    let mut empty = a.clone();
    empty.subject = Some(String::new());
    assert_ne!(
        chain_hash(GENESIS_HASH, 1, &absent),
        chain_hash(GENESIS_HASH, 1, &empty)
    );
}

#[test]
fn object_key_order_does_not_change_the_hash() {
    let mut a = AuditEvent::new(at(5), "case.viewed");
    a.detail = serde_json::from_str(r#"{"b": 1, "a": [true, null]}"#).unwrap();
    let mut b = a.clone();
    b.detail = serde_json::from_str(r#"{"a": [true, null], "b": 1}"#).unwrap();
    assert_eq!(
        chain_hash(GENESIS_HASH, 1, &a),
        chain_hash(GENESIS_HASH, 1, &b)
    );
    assert_eq!(chain_hash(GENESIS_HASH, 1, &a).len(), 64);
}

#[test]
fn a_missing_first_entry_or_a_gap_is_named() {
    let events: Vec<_> = (0..4)
        .map(|i| AuditEvent::new(at(i), "login.succeeded"))
        .collect();
    let entries = chain(&events);
    assert_eq!(verify_chain(entries.clone()), Ok(4));
    assert_eq!(verify_chain(Vec::<(i64, AuditEvent, String)>::new()), Ok(0));

    let without_first = entries[1..].to_vec();
    assert_eq!(
        verify_chain(without_first),
        Err(ChainBreak {
            sequence: 2,
            reason: BreakReason::MissingStart
        })
    );
    let mut without_third = entries.clone();
    without_third.remove(2);
    assert_eq!(
        verify_chain(without_third),
        Err(ChainBreak {
            sequence: 4,
            reason: BreakReason::Gap { expected: 3 }
        })
    );
    let mut swapped = entries;
    swapped.swap(1, 2);
    assert_eq!(verify_chain(swapped).unwrap_err().sequence, 3);
}

#[test]
fn the_head_must_match_the_last_entry() {
    let events: Vec<_> = (0..3)
        .map(|i| AuditEvent::new(at(i), "login.succeeded"))
        .collect();
    let entries = chain(&events);
    let mut verifier = ChainVerifier::new();
    assert_eq!(verifier.check_head(0, GENESIS_HASH), Ok(()));
    for (sequence, event, hash) in &entries[..2] {
        verifier.check(*sequence, event, hash).unwrap();
    }
    assert_eq!(verifier.last_hash(), entries[1].2);
    assert_eq!(verifier.check_head(2, &entries[1].2), Ok(()));
    let truncated = verifier.check_head(3, &entries[2].2).unwrap_err();
    assert_eq!(truncated.sequence, 3);
    assert_eq!(
        truncated.reason.to_string(),
        "the log's head records sequence 3 but its last entry is 2 or has another hash"
    );
    assert_eq!(
        verifier.check_head(2, GENESIS_HASH).unwrap_err().sequence,
        3
    );
}

#[test]
fn national_ids_are_masked_but_other_numbers_kept() {
    let detail = json!({
        "document": "CNP 1960523123457, LT 38703181745",
        "year": 2026,
        "phone_suffix": "0740",
        "long_number": "12345678901234567",
        "amount": 1.5,
        "id_as_number": 1960523123457i64,
    });
    assert!(holds_national_id(&detail));
    let masked = mask_national_ids(&detail);
    assert_eq!(
        masked,
        json!({
            "document": "CNP **********457, LT ********745",
            "year": 2026,
            "phone_suffix": "0740",
            "long_number": "12345678901234567",
            "amount": 1.5,
            "id_as_number": "**********457",
        })
    );
    assert!(!holds_national_id(&masked));
    assert!(!holds_national_id(
        &json!({"year": 2026, "n": "1234567890"})
    ));
}
