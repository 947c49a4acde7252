//! Waiting-room tickets, handed out in batches.

use super::held;
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::appointment::waiting::Ticket;
use ghiseu_storage::appointments::waiting::{self, RoomState};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Hands out waiting-room tickets in batches. When the room opens, a crowd
/// asks for tickets at the same moment; one writer's turn per ticket would
/// line them up behind each other. The first to come writes the tickets of
/// everyone waiting at that moment in one transaction; the others find
/// theirs done when their turn comes.
#[derive(Debug, Default)]
pub(super) struct Dispenser {
    waiting: Mutex<Vec<Request>>,
    turn: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct Request {
    room: String,
    state: RoomState,
    person_id: String,
    lot: Option<u32>,
    answer: oneshot::Sender<Result<Ticket, String>>,
}

type Places = HashMap<(String, String), Ticket>;

impl Dispenser {
    pub(super) async fn ticket(
        &self,
        state: &App,
        room: &str,
        room_state: &RoomState,
        person_id: &str,
        lot: Option<u32>,
        now_ms: i64,
    ) -> Result<Ticket, AppError> {
        let (answer, mut ticket) = oneshot::channel();
        held(&self.waiting, "ticket queue")?.push(Request {
            room: room.to_string(),
            state: *room_state,
            person_id: person_id.to_string(),
            lot,
            answer,
        });
        let turn = self.turn.lock().await;
        if let Ok(done) = ticket.try_recv() {
            return done.map_err(AppError::Internal);
        }
        let batch = std::mem::take(&mut *held(&self.waiting, "ticket queue")?);
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
    type People = Vec<(String, Option<u32>)>;
    let mut by_room: HashMap<(String, i64), (RoomState, People)> = HashMap::new();
    for request in batch {
        by_room
            .entry((request.room.clone(), request.state.opened_at))
            .or_insert_with(|| (request.state, Vec::new()))
            .1
            .push((request.person_id.clone(), request.lot));
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
