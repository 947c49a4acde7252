//! Whether cached sessions still exist, asked of the database together. A
//! session ended anywhere (signed out everywhere, a password reset, in any
//! process) must be refused at once, so every booking request asks; when
//! slots are released thousands ask within the same second, so whoever asks
//! while no question is in flight asks for everyone waiting by then, in one
//! query, and the others wait for that answer.

use crate::error::AppError;
use crate::state::App;
use ghiseu_storage::{Database, sessions};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// At most this many sessions in one question.
const MOST_AT_ONCE: usize = 500;

type Answer = oneshot::Sender<Result<Option<i64>, String>>;

#[derive(Default)]
pub struct SessionCheck {
    state: Mutex<Waiting>,
}

#[derive(Default)]
struct Waiting {
    asking: bool,
    queue: Vec<(String, Answer)>,
}

impl std::fmt::Debug for SessionCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionCheck").finish_non_exhaustive()
    }
}

/// The session's expiry (microseconds) if it still exists. The question is
/// asked on a task of its own, so a request that goes away meanwhile leaves
/// nobody else waiting.
pub async fn expiry(state: &App, token_hash: &str) -> Result<Option<i64>, AppError> {
    let (answer, answered) = oneshot::channel();
    let lead = {
        let mut waiting = state.session_check.lock()?;
        waiting.queue.push((token_hash.to_string(), answer));
        !std::mem::replace(&mut waiting.asking, true)
    };
    if lead {
        let state = state.clone();
        tokio::spawn(async move { state.session_check.ask_for_everyone(&state.db).await });
    }
    match answered.await {
        Ok(Ok(expiry)) => Ok(expiry),
        Ok(Err(e)) => Err(AppError::Unavailable(e)),
        Err(_) => Err(AppError::Unavailable("the session check stopped".into())),
    }
}

impl SessionCheck {
    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Waiting>, AppError> {
        self.state
            .lock()
            .map_err(|_| AppError::Unavailable("the session check failed".into()))
    }

    /// Asks for every session waiting, batch after batch, until none is left.
    async fn ask_for_everyone(&self, db: &Database) {
        loop {
            let batch: Vec<(String, Answer)> = match self.lock() {
                Ok(mut waiting) if waiting.queue.is_empty() => {
                    waiting.asking = false;
                    return;
                }
                Ok(mut waiting) => {
                    let take = waiting.queue.len().min(MOST_AT_ONCE);
                    waiting.queue.drain(..take).collect()
                }
                Err(_) => return,
            };
            let hashes: Vec<&str> = batch.iter().map(|(h, _)| h.as_str()).collect();
            let found: Result<HashMap<String, i64>, String> = sessions::expiries(db, &hashes)
                .await
                .map_err(|e| e.to_string());
            for (hash, answer) in batch {
                let _ = answer.send(match &found {
                    Ok(found) => Ok(found.get(&hash).copied()),
                    Err(e) => Err(e.clone()),
                });
            }
        }
    }
}
