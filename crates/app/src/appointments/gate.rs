//! Who may try to book, and when: request limits per account and address,
//! and the waiting room that lines people up when demand passes what the
//! authority set. The line and the booking limits live in the database so
//! every server process applies the same ones; this process only measures
//! its own demand and keeps what it read for a quarter of a second.

use crate::error::AppError;
use crate::refusal::{BookingRefusal, Refusal};
use crate::state::App;
use ghiseu_domain::appointment::waiting::Room;
use ghiseu_domain::catalogue::Authority;
use ghiseu_storage::Connection;
use ghiseu_storage::appointments::waiting::{self, RoomState};
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Booking writes (holds, moves, cancellations) one account may make per minute.
pub const BOOKINGS_PER_ACCOUNT_PER_MINUTE: i64 = 30;
/// Booking writes from one network address per minute (a family, an office).
pub const BOOKINGS_PER_ADDRESS_PER_MINUTE: i64 = 300;
/// Slot searches one account or address may make per minute, in each process.
const SEARCHES_PER_MINUTE: u32 = 120;
/// How long the room stays open after the last second of high demand.
const ROOM_LINGER_MS: i64 = 30_000;
/// How long a room's state read from the database is reused.
const ROOM_FRESH_MS: i64 = 250;

#[derive(Debug, Default)]
pub struct Gate {
    dispenser: Dispenser,
    /// Tickets this process has seen, by room, opening and person: a
    /// ticket never changes while its room stays open.
    tickets: Mutex<HashMap<(String, i64, String), u64>>,
    demand: Mutex<Meter>,
    rooms: Mutex<HashMap<String, (i64, Option<RoomState>)>>,
    /// One reader of a room's state at a time once it went stale.
    reading_room: tokio::sync::Mutex<()>,
    searches: Mutex<HashMap<String, (i64, u32)>>,
}

/// Booking attempts this process saw in the current second.
#[derive(Debug, Default)]
struct Meter {
    second: i64,
    count: u32,
    room_kept_open_in: i64,
}

/// What the gate says to a booking attempt.
pub enum Admission {
    Admitted,
    /// In the waiting room: people ahead, and seconds to wait before asking again.
    Waiting {
        ahead: u64,
        retry_after: u64,
    },
}

impl Gate {
    /// Lets a search through, or says how long to wait.
    pub fn search(&self, keys: &[String], now: Timestamp) -> Result<(), AppError> {
        let minute = now.as_second().div_euclid(60);
        let mut searches = self
            .searches
            .lock()
            .map_err(|_| AppError::Internal("search limits poisoned".into()))?;
        if searches.len() > 100_000 {
            searches.retain(|_, (at, _)| *at == minute);
        }
        for key in keys {
            let entry = searches.entry(key.clone()).or_insert((minute, 0));
            if entry.0 != minute {
                *entry = (minute, 0);
            }
            entry.1 += 1;
            if entry.1 > SEARCHES_PER_MINUTE {
                return Err(too_many(now));
            }
        }
        Ok(())
    }

    /// Measures demand, opens the authority's waiting room when it passes the
    /// threshold, and answers whether this person may go ahead now.
    pub async fn admit(
        &self,
        state: &App,
        authority: &Authority,
        person_id: &str,
        now: Timestamp,
    ) -> Result<Admission, AppError> {
        let now_ms = now.as_millisecond();
        let policy = &authority.booking;
        let keep_open = {
            let mut meter = self
                .demand
                .lock()
                .map_err(|_| AppError::Internal("demand meter poisoned".into()))?;
            let second = now_ms.div_euclid(1000);
            if meter.second != second {
                meter.second = second;
                meter.count = 0;
            }
            meter.count += 1;
            let busy = meter.count > policy.waiting_room_threshold_per_second;
            let first_time = meter.room_kept_open_in != second;
            if busy && first_time {
                meter.room_kept_open_in = second;
            }
            busy && first_time
        };
        if keep_open {
            let mut tx = state.db.begin_write().await?;
            waiting::open_room(
                &mut tx,
                &authority.id,
                now_ms,
                i64::from(policy.waiting_room_admit_per_second),
                now_ms + ROOM_LINGER_MS,
            )
            .await?;
            tx.commit().await?;
            self.forget_room(&authority.id)?;
        }
        let Some(room) = self.room(state, &authority.id, now_ms).await? else {
            return Ok(Admission::Admitted);
        };
        let key = (authority.id.clone(), room.opened_at, person_id.to_string());
        let known = self
            .tickets
            .lock()
            .map_err(|_| AppError::Internal("tickets poisoned".into()))?
            .get(&key)
            .copied();
        let ticket = match known {
            Some(ticket) => ticket,
            None => {
                let ticket =
                    match waiting::existing_ticket(&state.db, &authority.id, &room, person_id)
                        .await?
                    {
                        Some(ticket) => ticket,
                        None => {
                            self.dispenser
                                .ticket(state, &authority.id, &room, person_id, now_ms)
                                .await?
                        }
                    };
                let mut tickets = self
                    .tickets
                    .lock()
                    .map_err(|_| AppError::Internal("tickets poisoned".into()))?;
                if tickets.len() > 100_000 {
                    tickets.retain(|(_, opened, _), _| *opened == room.opened_at);
                }
                tickets.insert(key, ticket);
                ticket
            }
        };
        let line = Room {
            opened_at: Timestamp::from_millisecond(room.opened_at)
                .map_err(|e| AppError::Internal(e.to_string()))?,
            admit_per_second: u32::try_from(room.admit_per_second).unwrap_or(u32::MAX),
        };
        Ok(match line.place(ticket, now) {
            None => Admission::Admitted,
            Some(ahead) => {
                let wait = line.wait(ticket, now).as_secs();
                Admission::Waiting {
                    ahead,
                    retry_after: u64::try_from(wait).unwrap_or(0).clamp(1, 60),
                }
            }
        })
    }

    async fn room(
        &self,
        state: &App,
        room: &str,
        now_ms: i64,
    ) -> Result<Option<RoomState>, AppError> {
        if let Some(kept) = self.kept_room(room, now_ms)? {
            return Ok(kept);
        }
        let _reading = self.reading_room.lock().await;
        if let Some(kept) = self.kept_room(room, now_ms)? {
            return Ok(kept);
        }
        let found = waiting::open_room_at(&state.db, room, now_ms).await?;
        self.rooms
            .lock()
            .map_err(|_| AppError::Internal("rooms poisoned".into()))?
            .insert(room.to_string(), (now_ms, found));
        Ok(found)
    }

    /// The room's state as read less than `ROOM_FRESH_MS` ago, if it was.
    fn kept_room(&self, room: &str, now_ms: i64) -> Result<Option<Option<RoomState>>, AppError> {
        let rooms = self
            .rooms
            .lock()
            .map_err(|_| AppError::Internal("rooms poisoned".into()))?;
        Ok(rooms
            .get(room)
            .filter(|(read_at, _)| now_ms - read_at < ROOM_FRESH_MS)
            .map(|(_, found)| found.filter(|r| r.open_until > now_ms)))
    }

    fn forget_room(&self, room: &str) -> Result<(), AppError> {
        self.rooms
            .lock()
            .map_err(|_| AppError::Internal("rooms poisoned".into()))?
            .remove(room);
        Ok(())
    }
}

/// Hands out waiting-room tickets in batches. When the room opens, a crowd
/// asks for tickets at the same moment; one writer's turn per ticket would
/// line them up behind each other. The first to come writes the tickets of
/// everyone waiting at that moment in one transaction; the others find
/// theirs done when their turn comes.
#[derive(Debug, Default)]
struct Dispenser {
    waiting: Mutex<Vec<Request>>,
    turn: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct Request {
    room: String,
    state: RoomState,
    person_id: String,
    answer: oneshot::Sender<Result<u64, String>>,
}

type Places = HashMap<(String, String), u64>;

impl Dispenser {
    async fn ticket(
        &self,
        state: &App,
        room: &str,
        room_state: &RoomState,
        person_id: &str,
        now_ms: i64,
    ) -> Result<u64, AppError> {
        let (answer, mut ticket) = oneshot::channel();
        self.waiting
            .lock()
            .map_err(|_| AppError::Internal("ticket queue poisoned".into()))?
            .push(Request {
                room: room.to_string(),
                state: *room_state,
                person_id: person_id.to_string(),
                answer,
            });
        let turn = self.turn.lock().await;
        if let Ok(done) = ticket.try_recv() {
            return done.map_err(AppError::Internal);
        }
        let batch = std::mem::take(
            &mut *self
                .waiting
                .lock()
                .map_err(|_| AppError::Internal("ticket queue poisoned".into()))?,
        );
        if batch.is_empty() {
            drop(turn);
            return ticket
                .await
                .map_err(|_| AppError::Internal("no ticket came back".into()))?
                .map_err(AppError::Internal);
        }
        let written = write_tickets(state, &batch, now_ms).await;
        // Answers go out before the turn passes on, so that those queued for
        // it find their tickets there instead of each writing a batch of one.
        for request in batch {
            let place = match &written {
                Ok(places) => places
                    .get(&(request.room.clone(), request.person_id.clone()))
                    .copied()
                    .ok_or_else(|| "a ticket was not written".to_string()),
                Err(e) => Err(e.clone()),
            };
            let _ = request.answer.send(place);
        }
        drop(turn);
        ticket
            .await
            .map_err(|_| AppError::Internal("no ticket came back".into()))?
            .map_err(AppError::Internal)
    }
}

async fn write_tickets(state: &App, batch: &[Request], now_ms: i64) -> Result<Places, String> {
    let mut by_room: HashMap<(String, i64), (RoomState, Vec<String>)> = HashMap::new();
    for request in batch {
        by_room
            .entry((request.room.clone(), request.state.opened_at))
            .or_insert_with(|| (request.state, Vec::new()))
            .1
            .push(request.person_id.clone());
    }
    let mut tx = state.db.begin_write().await.map_err(|e| e.to_string())?;
    let mut places = HashMap::new();
    for ((room, _), (room_state, people)) in by_room {
        let found = waiting::tickets(&mut tx, &room, &room_state, &people, now_ms)
            .await
            .map_err(|e| e.to_string())?;
        for (person, place) in found {
            places.insert((room.clone(), person), place);
        }
    }
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(places)
}

/// Counts a booking write for the account and the address, inside the
/// booking's own transaction; refuses once either passed its limit.
pub async fn count_booking(
    conn: &mut Connection,
    person_id: &str,
    address: &str,
    now: Timestamp,
) -> Result<(), AppError> {
    let minute = now.as_second().div_euclid(60) * 60_000;
    let [by_account, by_address] = waiting::count_requests(
        conn,
        [
            &format!("book:account:{person_id}"),
            &format!("book:address:{address}"),
        ],
        minute,
    )
    .await?;
    if by_account > BOOKINGS_PER_ACCOUNT_PER_MINUTE || by_address > BOOKINGS_PER_ADDRESS_PER_MINUTE
    {
        tracing::warn!(by_account, by_address, minute, "booking limit reached");
        return Err(too_many(now));
    }
    Ok(())
}

/// Counts a booking write the database refused (its own writes undone), so
/// refusals count towards the limits as much as bookings do.
pub async fn count_refused_booking(
    conn: &mut Connection,
    person_id: &str,
    address: &str,
    now: Timestamp,
) -> Result<(), AppError> {
    match count_booking(conn, person_id, address, now).await {
        // The refusal the person is about to hear says enough; the next
        // attempt hears about the limit.
        Err(AppError::Refused(Refusal::Booking(BookingRefusal::TooManyRequests { .. })))
        | Ok(()) => Ok(()),
        Err(other) => Err(other),
    }
}

fn too_many(now: Timestamp) -> AppError {
    let into_minute = u64::try_from(now.as_second().rem_euclid(60)).unwrap_or(0);
    BookingRefusal::TooManyRequests {
        retry_after: 60 - into_minute,
    }
    .into()
}

/// The waiting room's answer as a problem: the place in line and when to ask again.
pub fn waiting_problem(ahead: u64, retry_after: u64) -> AppError {
    BookingRefusal::WaitingRoom { ahead, retry_after }.into()
}
