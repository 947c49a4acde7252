//! Password hashing on a few threads of its own. Argon2 is meant to be
//! expensive: left on tokio's blocking pool, a login storm would start
//! hundreds of 19 MiB hashes at once and starve every other request. Here at
//! most one hash per core runs, at a lower scheduling priority so that pages
//! and the API keep answering, and a full queue is refused rather than grown.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;

/// Hashes waiting beyond those running; more are refused as "busy".
const QUEUE: usize = 512;
/// How much less eagerly the hashing threads are scheduled (a `nice` value).
const NICENESS: i32 = 10;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PoolError {
    #[error("too many passwords are being checked; try again in a moment")]
    Busy,
    #[error("the password hashing threads stopped")]
    Stopped,
}

struct Pool {
    jobs: SyncSender<Job>,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (jobs, queue) = sync_channel::<Job>(QUEUE);
        let queue = Arc::new(Mutex::new(queue));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        for n in 0..threads {
            let queue = Arc::clone(&queue);
            let started = std::thread::Builder::new()
                .name(format!("password-hash-{n}"))
                .spawn(move || work(&queue));
            if let Err(e) = started {
                tracing::error!(error = %e, "a password hashing thread did not start");
            }
        }
        Pool { jobs }
    })
}

fn work(queue: &Mutex<Receiver<Job>>) {
    if let Err(e) = rustix::process::setpriority_process(Some(rustix::thread::gettid()), NICENESS) {
        tracing::warn!(error = %e, "password hashing runs at normal priority");
    }
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

/// Runs `f` on a hashing thread and waits for its answer.
pub async fn run<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PoolError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = answer.send(f());
    });
    match pool().jobs.try_send(job) {
        Ok(()) => answered.await.map_err(|_| PoolError::Stopped),
        Err(TrySendError::Full(_)) => Err(PoolError::Busy),
        Err(TrySendError::Disconnected(_)) => Err(PoolError::Stopped),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_off_the_runtime_and_answer() {
        let name = run(|| std::thread::current().name().map(String::from))
            .await
            .unwrap();
        assert!(name.unwrap().starts_with("password-hash-"));
        let mut waiting = tokio::task::JoinSet::new();
        for i in 0..20 {
            waiting.spawn(async move { (i, run(move || i * 2).await) });
        }
        let mut answered = 0;
        while let Some(done) = waiting.join_next().await {
            let (i, answer) = done.unwrap();
            assert_eq!(answer.unwrap(), i * 2);
            answered += 1;
        }
        assert_eq!(answered, 20);
    }
}
