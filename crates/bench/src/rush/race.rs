//! One citizen's race, from the barrier to its last answer.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use hyper::body::Bytes;
use hyper::header::CONTENT_TYPE;
use hyper::{Method, StatusCode};
use tokio::sync::Barrier;
use tokio::time::Instant;

use crate::citizen::Chunks;

use super::*;

pub(super) struct Shared {
    pub(super) slots: Vec<Slot>,
    pub(super) starts: HashSet<String>,
    pub(super) days: Vec<String>,
    /// The earliest raced day, and how many days from it cover them all.
    pub(super) first_day: String,
    pub(super) span_days: u8,
    pub(super) barrier: Barrier,
    pub(super) cutoff: Duration,
    pub(super) after_full: AfterFull,
}

/// One of the raced slots a `slot-full` refusal offers nearby, at random.
pub(super) fn offered(body: &[u8], shared: &Shared, choice: &mut Choice) -> Option<Slot> {
    let problem: serde_json::Value = serde_json::from_slice(body).ok()?;
    let raced: Vec<Slot> = with_room(problem["nearby"].as_array()?)
        .into_iter()
        .filter(|s| shared.starts.contains(&s.start))
        .collect();
    (!raced.is_empty()).then(|| raced[choice.next(raced.len())].clone())
}

pub(super) async fn wait_until(deadline: Instant, seconds: u64) -> bool {
    let wake = Instant::now() + Duration::from_secs(seconds.max(1));
    if wake >= deadline {
        tokio::time::sleep_until(deadline).await;
        return false;
    }
    tokio::time::sleep_until(wake).await;
    true
}

/// A free start in the raced set, from one search over all the raced days
/// (`days` and `only_free`), as a booking page's week view asks.
pub(super) async fn another(
    client: &mut Client,
    shared: &Shared,
    tally: &mut Tally,
    choice: &mut Choice,
    deadline: Instant,
) -> Result<Option<Slot>, End> {
    loop {
        if Instant::now() >= deadline {
            return Err(End::OutOfTime);
        }
        tally.searches += 1;
        let answer = match client.free_from(&shared.first_day, shared.span_days).await {
            Ok(answer) => answer,
            Err(_) => {
                tally.search_failures += 1;
                return Err(End::Failed);
            }
        };
        if answer.status == StatusCode::TOO_MANY_REQUESTS {
            tally.search_failures += 1;
            eprintln!(
                "a search was refused with 429: {}",
                String::from_utf8_lossy(&answer.body)
            );
            if !wait_until(deadline, answer.retry_after.unwrap_or(1)).await {
                return Err(End::OutOfTime);
            }
            continue;
        }
        if answer.status != StatusCode::OK {
            tally.search_failures += 1;
            return Err(End::Failed);
        }
        let Ok(starts) = free_slots(&answer.body) else {
            tally.search_failures += 1;
            return Err(End::Failed);
        };
        let free: Vec<Slot> = starts
            .into_iter()
            .filter(|s| shared.starts.contains(&s.start))
            .collect();
        if free.is_empty() {
            return Ok(None);
        }
        return Ok(Some(free[choice.next(free.len())].clone()));
    }
}

pub(super) async fn race_one(
    mut client: Client,
    shared: Arc<Shared>,
    seed: u64,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::new();
    let mut choice = Choice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Everyone has the booking page open when the slots are released: their
    // own bookings and one search each just before the start, not measured.
    let _ = client.free_from(&shared.first_day, shared.span_days).await;
    let _ = client.own_bookings().await;
    shared.barrier.wait().await;
    let deadline = Instant::now() + shared.cutoff;
    let mut slot = shared.slots[choice.next(shared.slots.len())].clone();
    let end = loop {
        if Instant::now() >= deadline {
            break End::OutOfTime;
        }
        let body = serde_json::json!({
            "service": SERVICE, "office": OFFICE, "start": slot.start, "holders": ["self"]
        });
        let request = client
            .request(Method::POST, "/api/v1/appointments")
            .header(CONTENT_TYPE, "application/json")
            .body(Chunks::new([Bytes::from(serde_json::to_vec(&body)?)]))?;
        tally.attempts += 1;
        let sent = Instant::now();
        let answer = match client.exchange(request).await {
            Ok(answer) => answer,
            Err(_) => {
                tally.transport_errors += 1;
                break End::Failed;
            }
        };
        let latency = sent.elapsed();
        record(&mut tally.holds, latency);
        if answer.status != StatusCode::TOO_MANY_REQUESTS {
            record(&mut tally.admitted_holds, latency);
        }
        if answer.status == StatusCode::CREATED {
            record(&mut tally.won_holds, latency);
        }
        match answer.status {
            StatusCode::CREATED => {
                tally.created += 1;
                let id = serde_json::from_slice::<serde_json::Value>(&answer.body)
                    .ok()
                    .and_then(|v| v["id"].as_str().map(str::to_owned));
                let Some(id) = id else {
                    tally.confirm_failures += 1;
                    break End::Failed;
                };
                let request = client.confirm_request(&id)?;
                let sent = Instant::now();
                match client.exchange(request).await {
                    Ok(answer) if answer.status == StatusCode::OK => {
                        record(&mut tally.confirms, sent.elapsed());
                        break End::Confirmed;
                    }
                    Ok(answer) => {
                        record(&mut tally.confirms, sent.elapsed());
                        if answer.status.is_server_error() {
                            tally.server_errors += 1;
                        }
                        tally.confirm_failures += 1;
                        break End::Failed;
                    }
                    Err(_) => {
                        tally.transport_errors += 1;
                        tally.confirm_failures += 1;
                        break End::Failed;
                    }
                }
            }
            StatusCode::CONFLICT if has_code(&answer.body, "slot-full") => {
                tally.full += 1;
                if shared.after_full == AfterFull::Nearby
                    && let Some(next) = offered(&answer.body, &shared, &mut choice)
                {
                    tally.nearby += 1;
                    slot = next;
                    continue;
                }
                match another(&mut client, &shared, &mut tally, &mut choice, deadline).await {
                    Ok(Some(next)) => slot = next,
                    Ok(None) => break End::NoneLeft,
                    Err(end) => break end,
                }
            }
            StatusCode::CONFLICT => {
                tally.already += 1;
                break End::Refused;
            }
            StatusCode::TOO_MANY_REQUESTS => {
                if has_code(&answer.body, "waiting-room") {
                    tally.waiting_room += 1;
                } else {
                    tally.too_many += 1;
                    eprintln!(
                        "a hold was refused with 429: {}",
                        String::from_utf8_lossy(&answer.body)
                    );
                }
                let retry_after = answer.retry_after.or_else(|| {
                    serde_json::from_slice::<serde_json::Value>(&answer.body)
                        .ok()
                        .and_then(|v| v["retry_after"].as_u64())
                });
                if !wait_until(deadline, retry_after.unwrap_or(1)).await {
                    break End::OutOfTime;
                }
            }
            StatusCode::UNPROCESSABLE_ENTITY => {
                tally.unprocessable += 1;
                break End::Refused;
            }
            status if status.is_server_error() => {
                tally.server_errors += 1;
                break End::Failed;
            }
            _ => {
                tally.other_4xx += 1;
                *tally
                    .other_statuses
                    .entry(answer.status.as_u16())
                    .or_insert(0) += 1;
                break End::Refused;
            }
        }
    };
    tally.end(end);
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(starts: &[&str]) -> Shared {
        Shared {
            slots: Vec::new(),
            starts: starts.iter().map(|s| s.to_string()).collect(),
            days: Vec::new(),
            first_day: "2027-01-04".to_owned(),
            span_days: 1,
            barrier: Barrier::new(1),
            cutoff: Duration::from_secs(1),
            after_full: AfterFull::Nearby,
        }
    }

    fn slot(start: &str, free: i64) -> serde_json::Value {
        serde_json::json!({ "start": start, "local_date": "2027-01-04", "free": free })
    }

    #[test]
    fn an_offer_is_taken_only_among_raced_slots_with_room() {
        let shared = shared(&["2027-01-04T07:00:00Z", "2027-01-04T07:15:00Z"]);
        let body = serde_json::json!({
            "type": "https://ghiseu.example/problems/slot-full",
            "nearby": [
                slot("2027-01-04T06:45:00Z", 1),
                slot("2027-01-04T07:00:00Z", 0),
                slot("2027-01-04T07:15:00Z", 1),
            ]
        })
        .to_string();
        let mut choice = Choice(7);
        for _ in 0..20 {
            let taken = offered(body.as_bytes(), &shared, &mut choice).map(|s| s.start);
            assert_eq!(taken.as_deref(), Some("2027-01-04T07:15:00Z"));
        }
        let none_raced = serde_json::json!({ "nearby": [slot("2027-01-04T06:45:00Z", 1)] });
        let empty = serde_json::json!({ "nearby": [] });
        let absent = serde_json::json!({ "type": "https://ghiseu.example/problems/slot-full" });
        for body in [none_raced, empty, absent] {
            assert!(offered(body.to_string().as_bytes(), &shared, &mut choice).is_none());
        }
    }
}
