//! Who may try to book, and when: request limits per account and address,
//! and the waiting room that lines people up when demand passes what the
//! authority set. Searches and holds both count as demand, and while the
//! room is open a signed-in person's search waits in the same line as their
//! hold: the crowd held back is one that costs nothing but its answer. The
//! line and the booking limits live in the database so every server process
//! applies the same ones; this process only measures its own demand and
//! keeps what it read for a quarter of a second.

use super::dispenser::Dispenser;
use super::held;
use super::search_limit::SearchLimit;
use crate::accounts::micros;
use crate::accounts::secrets::token_hash;
use crate::error::AppError;
use crate::refusal::{BookingRefusal, Refusal};
use crate::state::App;
use ghiseu_domain::appointment::waiting::{Room, Ticket};
use ghiseu_domain::catalogue::Authority;
use ghiseu_storage::Connection;
use ghiseu_storage::appointments::waiting::{self, RoomState};
use jiff::Timestamp;
use std::collections::HashMap;
use std::sync::Mutex;

/// Booking writes (holds, moves, cancellations) one account may make per minute.
pub const BOOKINGS_PER_ACCOUNT_PER_MINUTE: i64 = 30;
/// Booking writes from one network address per minute (a family, an office).
pub const BOOKINGS_PER_ADDRESS_PER_MINUTE: i64 = 300;
/// How long the room stays open after the last second of high demand.
const ROOM_LINGER_MS: i64 = 30_000;
/// How long a room's state read from the database is reused.
const ROOM_FRESH_MS: i64 = 250;
/// How long after the draw ends its lots are counted: a batch of tickets
/// drawn in its last moment may still be on its way to the database.
const DRAW_SETTLES_MS: i64 = 250;
/// The longest a search that came back too early is held before its answer.
const MOST_HELD_BACK_MS: i64 = 5_000;
/// Most signed-in searchers remembered by session, before starting afresh.
const MOST_SEARCHERS: usize = 100_000;

/// A ticket's room, the opening it was drawn in, and its holder.
type TicketKey = (String, i64, String);

#[derive(Debug, Default)]
pub struct Gate {
    dispenser: Dispenser,
    /// Tickets this process has seen, by room, opening and person, each with
    /// whether the lots were ranked when it was read: a number never changes
    /// while its room stays open, a lot gains its place at the ranking.
    tickets: Mutex<HashMap<TicketKey, (Ticket, bool)>>,
    demand: Mutex<Meter>,
    rooms: Mutex<HashMap<String, (i64, Option<RoomState>)>>,
    /// One reader of a room's state at a time once it went stale.
    reading_room: tokio::sync::Mutex<()>,
    searches: SearchLimit,
    /// Whose session a search carries, by the session's hash, while a room
    /// is open: only to find their place in the line, never to show them
    /// anything (a search shows nothing personal), so an ended session is
    /// not looked up again for it.
    searchers: Mutex<HashMap<String, Option<String>>>,
    /// The room openings whose ranked lots this process has read.
    ranks_learnt: Mutex<std::collections::HashSet<(String, i64)>>,
    /// When each person in a room's line was told to ask again, by room.
    told_to_wait: Mutex<HashMap<(String, String), i64>>,
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
    /// Lets a search from `address` through, or says how long to wait; once
    /// a second, takes this server's counts to the others (see
    /// `search_limit`). The free slots a full slot's refusal offers are
    /// counted here too: they are a search by another door.
    pub async fn search(&self, state: &App, address: &str, now: Timestamp) -> Result<(), AppError> {
        let counted = self
            .searches
            .count(&[format!("search:address:{address}")], now)?;
        if counted.share_due
            && let Err(e) = self.searches.share(&state.db, now).await
        {
            // The search goes on with this server's own counts.
            tracing::warn!(error = %e, "search counts were not shared");
        }
        if counted.refused {
            return Err(too_many(now));
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
        self.measure(state, authority, now).await?;
        self.line(state, authority, person_id, now).await
    }

    /// A search: counts as demand and, while the room is open, waits in the
    /// line when it carries the session of someone who has not reached the
    /// front. Searching signed out is not lined up: it shows no more than a
    /// signed-out page does, and the address limit bounds it.
    pub async fn admit_search(
        &self,
        state: &App,
        authority: &Authority,
        session_token: Option<&str>,
        now: Timestamp,
    ) -> Result<(), AppError> {
        self.measure(state, authority, now).await?;
        let open = self
            .room(state, authority, now.as_millisecond())
            .await?
            .is_some();
        let person = match session_token {
            Some(token) if open => self.searcher(state, token, now).await?,
            _ => None,
        };
        match person {
            Some(person_id) => self.search_in_line(state, authority, &person_id, now).await,
            None => Ok(()),
        }
    }

    /// A signed-in person's search (a booking page): counts as demand and
    /// waits in the line while the room is open.
    pub async fn search_as(
        &self,
        state: &App,
        authority: &Authority,
        person_id: &str,
        now: Timestamp,
    ) -> Result<(), AppError> {
        self.measure(state, authority, now).await?;
        self.search_in_line(state, authority, person_id, now).await
    }

    /// A search from someone in line. One who asks again before the time
    /// they were told is answered at that time (at most `MOST_HELD_BACK_MS`
    /// later): a program that polls without waiting costs its own time, not
    /// the crowd's cores, and keeps the same place as everyone else.
    async fn search_in_line(
        &self,
        state: &App,
        authority: &Authority,
        person_id: &str,
        mut now: Timestamp,
    ) -> Result<(), AppError> {
        let key = (authority.id.clone(), person_id.to_string());
        let due = held(&self.told_to_wait, "waits")?.get(&key).copied();
        if let Some(due) = due {
            let early = due - now.as_millisecond();
            if early > 0 {
                let held_back = u64::try_from(early.min(MOST_HELD_BACK_MS)).unwrap_or(0);
                tokio::time::sleep(std::time::Duration::from_millis(held_back)).await;
                now = state.clock.now();
            }
        }
        match self.line(state, authority, person_id, now).await? {
            Admission::Admitted => Ok(()),
            Admission::Waiting { ahead, retry_after } => {
                let due = now.as_millisecond()
                    + i64::try_from(retry_after.saturating_mul(1000)).unwrap_or(i64::MAX);
                let mut waits = held(&self.told_to_wait, "waits")?;
                if waits.len() >= MOST_SEARCHERS {
                    let now_ms = now.as_millisecond();
                    waits.retain(|_, due| *due > now_ms);
                }
                waits.insert(key, due);
                Err(waiting_problem(ahead, retry_after))
            }
        }
    }

    /// The person behind a session, looked up once per session while rooms
    /// are open.
    async fn searcher(
        &self,
        state: &App,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<String>, AppError> {
        let hash = token_hash(token);
        let known = held(&self.searchers, "searchers")?.get(&hash).cloned();
        if let Some(known) = known {
            return Ok(known);
        }
        let found = ghiseu_storage::sessions::live_with_person(
            &state.db,
            &hash,
            now.as_microsecond(),
            micros(state.sessions.idle),
        )
        .await?
        .filter(|(session, _)| !session.second_factor_pending)
        .map(|(_, person)| person.id);
        let mut searchers = held(&self.searchers, "searchers")?;
        if searchers.len() >= MOST_SEARCHERS {
            searchers.clear();
        }
        searchers.insert(hash, found.clone());
        Ok(found)
    }

    /// Counts one request in this process's second, and opens (or keeps
    /// open) the room the first time in a second that demand passes the
    /// threshold.
    async fn measure(
        &self,
        state: &App,
        authority: &Authority,
        now: Timestamp,
    ) -> Result<(), AppError> {
        let now_ms = now.as_millisecond();
        let policy = &authority.booking;
        let keep_open = {
            let mut meter = held(&self.demand, "demand meter")?;
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
        Ok(())
    }

    /// The person's place in the open room's line (drawn on their first
    /// visit), or admitted when no room is open.
    async fn line(
        &self,
        state: &App,
        authority: &Authority,
        person_id: &str,
        now: Timestamp,
    ) -> Result<Admission, AppError> {
        let now_ms = now.as_millisecond();
        let Some(room) = self.room(state, authority, now_ms).await? else {
            return Ok(Admission::Admitted);
        };
        let line = line_of(authority, &room)?;
        let ticket = self
            .ticket(state, &authority.id, &room, &line, person_id, now)
            .await?;
        Ok(match line.place(ticket, now) {
            None => Admission::Admitted,
            Some(ahead) => {
                let wait = u64::try_from(line.wait(ticket, now).as_secs()).unwrap_or(0);
                // Everyone who drew a lot is told to come back when the draw
                // ends; spread over a few seconds, they do not all come at once.
                let spread = if line.position(ticket).is_none() {
                    u64::from(getrandom::u32().map_err(|e| AppError::Internal(e.to_string()))? % 3)
                } else {
                    0
                };
                Admission::Waiting {
                    ahead,
                    retry_after: (wait + spread).clamp(1, 60),
                }
            }
        })
    }

    /// The person's ticket in this opening of the room: as this process saw
    /// it (a lot read before the ranking is read again after it), as stored,
    /// or drawn now (a lot while the room is drawing lots).
    async fn ticket(
        &self,
        state: &App,
        room_id: &str,
        room: &RoomState,
        line: &Room,
        person_id: &str,
        now: Timestamp,
    ) -> Result<Ticket, AppError> {
        let key = (room_id.to_string(), room.opened_at, person_id.to_string());
        let known = held(&self.tickets, "tickets")?.get(&key).copied();
        let ranked = room.lots_drawn.is_some();
        if let Some((ticket, read_ranked)) = known
            && (matches!(ticket, Ticket::Number(_)) || read_ranked || !ranked)
        {
            return Ok(ticket);
        }
        let ticket = match waiting::existing_ticket(&state.db, room_id, room, person_id).await? {
            Some(ticket) => ticket,
            None => {
                let lot = if line.draws_lots(now) {
                    Some(getrandom::u32().map_err(|e| AppError::Internal(e.to_string()))?)
                } else {
                    None
                };
                self.dispenser
                    .ticket(state, room_id, room, person_id, lot, now.as_millisecond())
                    .await?
            }
        };
        let mut tickets = held(&self.tickets, "tickets")?;
        if tickets.len() > 100_000 {
            tickets.retain(|(_, opened, _), _| *opened == room.opened_at);
        }
        tickets.insert(key, (ticket, ranked));
        Ok(ticket)
    }

    async fn room(
        &self,
        state: &App,
        authority: &Authority,
        now_ms: i64,
    ) -> Result<Option<RoomState>, AppError> {
        let room = authority.id.as_str();
        let draw_ms = i64::try_from(draw_of(authority).as_millis()).unwrap_or(i64::MAX);
        if let Some(kept) = self.kept_room(room, now_ms)? {
            return Ok(kept);
        }
        let _reading = self.reading_room.lock().await;
        if let Some(kept) = self.kept_room(room, now_ms)? {
            return Ok(kept);
        }
        let mut found = waiting::open_room_at(&state.db, room, now_ms).await?;
        if let Some(open) = found
            && open.lots_drawn.is_none()
            && now_ms >= open.opened_at + draw_ms + DRAW_SETTLES_MS
        {
            let mut tx = state.db.begin_write().await?;
            waiting::rank_lots(&mut tx, room, open.opened_at).await?;
            tx.commit().await?;
            found = waiting::open_room_at(&state.db, room, now_ms).await?;
        }
        if let Some(open) = found
            && open.lots_drawn.is_some()
        {
            self.learn_ranks(state, room, &open).await?;
        }
        if let Some(open) = found
            && open.open_until - now_ms < ROOM_LINGER_MS / 2
        {
            self.keep_open_while_in_line(state, authority, &open, now_ms)
                .await?;
        }
        held(&self.rooms, "rooms")?.insert(room.to_string(), (now_ms, found));
        Ok(found)
    }

    /// A room about to close stays open while people are still in its line:
    /// closing it would let them all through at once, out of their order.
    async fn keep_open_while_in_line(
        &self,
        state: &App,
        authority: &Authority,
        open: &RoomState,
        now_ms: i64,
    ) -> Result<(), AppError> {
        let last = waiting::last_number(&state.db, &authority.id, open).await?;
        let line = line_of(authority, open)?;
        let now =
            Timestamp::from_millisecond(now_ms).map_err(|e| AppError::Internal(e.to_string()))?;
        if line.place(Ticket::Number(last), now).is_none() {
            return Ok(());
        }
        let mut tx = state.db.begin_write().await?;
        waiting::open_room(
            &mut tx,
            &authority.id,
            now_ms,
            open.admit_per_second,
            now_ms + ROOM_LINGER_MS,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Once the lots are ranked, reads every lot's place in one query: the
    /// whole crowd told to come back when the draw ends comes back at once,
    /// and then finds its place here instead of one query each.
    async fn learn_ranks(&self, state: &App, room: &str, open: &RoomState) -> Result<(), AppError> {
        let opening = (room.to_string(), open.opened_at);
        let known = held(&self.ranks_learnt, "ranks")?.contains(&opening);
        if known {
            return Ok(());
        }
        let lots = waiting::ranked_lots(&state.db, room, open).await?;
        let mut tickets = held(&self.tickets, "tickets")?;
        for (person, ticket) in lots {
            tickets.insert((room.to_string(), open.opened_at, person), (ticket, true));
        }
        drop(tickets);
        let mut learnt = held(&self.ranks_learnt, "ranks")?;
        learnt.retain(|(r, _)| r != room);
        learnt.insert(opening);
        Ok(())
    }

    /// The room's state as read less than `ROOM_FRESH_MS` ago, if it was.
    fn kept_room(&self, room: &str, now_ms: i64) -> Result<Option<Option<RoomState>>, AppError> {
        let rooms = held(&self.rooms, "rooms")?;
        Ok(rooms
            .get(room)
            .filter(|(read_at, _)| now_ms - read_at < ROOM_FRESH_MS)
            .map(|(_, found)| found.filter(|r| r.open_until > now_ms)))
    }

    fn forget_room(&self, room: &str) -> Result<(), AppError> {
        held(&self.rooms, "rooms")?.remove(room);
        Ok(())
    }
}

/// The line of a room as stored, under the authority's rules.
fn line_of(authority: &Authority, open: &RoomState) -> Result<Room, AppError> {
    Ok(Room {
        opened_at: Timestamp::from_millisecond(open.opened_at)
            .map_err(|e| AppError::Internal(e.to_string()))?,
        admit_per_second: u32::try_from(open.admit_per_second).unwrap_or(u32::MAX),
        draw: draw_of(authority),
        lots_drawn: open.lots_drawn.and_then(|n| u64::try_from(n).ok()),
    })
}

fn draw_of(authority: &Authority) -> jiff::SignedDuration {
    jiff::SignedDuration::from_secs(i64::from(authority.booking.waiting_room_draw_seconds))
}

/// Counts a booking write for the account and the address, inside the
/// booking's own transaction; refuses once either passed its limit.
pub async fn count_booking(
    conn: &mut Connection,
    person_id: &str,
    address: &str,
    now: Timestamp,
) -> Result<(), AppError> {
    count(conn, person_id, address, now, None).await.map(|_| ())
}

/// Counts a hold as `count_booking` does and reads, with the same round
/// trip, how many bookings the person missed since `no_shows_since`.
pub async fn count_hold(
    conn: &mut Connection,
    person_id: &str,
    address: &str,
    now: Timestamp,
    no_shows_since: Timestamp,
) -> Result<i64, AppError> {
    let since = Some((person_id, no_shows_since.as_second()));
    count(conn, person_id, address, now, since).await
}

async fn count(
    conn: &mut Connection,
    person_id: &str,
    address: &str,
    now: Timestamp,
    no_shows_of: Option<(&str, i64)>,
) -> Result<i64, AppError> {
    let minute = now.as_second().div_euclid(60) * 60_000;
    let counted = waiting::count_requests(
        conn,
        [
            &format!("book:account:{person_id}"),
            &format!("book:address:{address}"),
        ],
        minute,
        no_shows_of,
    )
    .await?;
    let [by_account, by_address] = counted.by_key;
    if by_account > BOOKINGS_PER_ACCOUNT_PER_MINUTE || by_address > BOOKINGS_PER_ADDRESS_PER_MINUTE
    {
        tracing::warn!(by_account, by_address, minute, "booking limit reached");
        return Err(too_many(now));
    }
    Ok(counted.no_shows)
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
