//! How long an upload may take: bounded by its progress, not by the page
//! timeout. A scan sent over a slow but steady line goes through however
//! long it takes (within a total); one that trickles in slower than a floor
//! rate, or stalls, is stopped.

use bytes::Bytes;
use futures_util::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How scans are bounded: how fast they must arrive, and how many there
/// may be. The defaults suit a public portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    /// The slowest an upload may arrive, averaged over `window`.
    pub min_bytes_per_second: u64,
    /// How long the rate is averaged over; an upload that stalls this long
    /// is stopped.
    pub window: Duration,
    /// The longest an upload may take, however steadily it arrives.
    pub total: Duration,
    /// Current scans in one application.
    pub per_case: u32,
    /// Scans one person may upload in an hour, replaced ones included.
    pub per_person_hour: u32,
    /// Uploads one person may have under way at once, in each process.
    pub per_person_at_once: u32,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits {
            // A 4 MiB scan over a 0.9 Mbit/s line arrives at about 110 KiB/s.
            min_bytes_per_second: 16 * 1024,
            window: Duration::from_secs(30),
            total: Duration::from_secs(10 * 60),
            per_case: 50,
            per_person_hour: 60,
            per_person_at_once: 2,
        }
    }
}

impl UploadLimits {
    /// The bytes that must arrive in every window.
    fn quota(&self) -> u64 {
        let per_ms = u128::from(self.min_bytes_per_second) * self.window.as_millis() / 1000;
        u64::try_from(per_ms).unwrap_or(u64::MAX).max(1)
    }
}

/// Why an upload was stopped before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TooSlow {
    #[error("the upload arrived slower than the floor rate")]
    Rate,
    #[error("the upload took longer than the time allowed")]
    Total,
}

impl TooSlow {
    /// The pace's verdict among the causes of a failed read, if it is one.
    pub fn among(error: &(dyn std::error::Error + 'static)) -> Option<TooSlow> {
        let mut cause = Some(error);
        while let Some(error) = cause {
            if let Some(slow) = error.downcast_ref::<TooSlow>() {
                return Some(*slow);
            }
            cause = error.source();
        }
        None
    }
}

/// A request body that fails with [`TooSlow`] when fewer than the quota's
/// bytes arrive in a window, or when it takes longer than the total. Its
/// clocks start when it is first read, so time spent waiting for the server
/// (an upload slot) does not count against the sender.
pub struct Paced<S> {
    inner: S,
    limits: UploadLimits,
    clocks: Option<Clocks>,
    /// Bytes arrived since the current window began.
    arrived: u64,
    stopped: bool,
}

struct Clocks {
    window_ends: Pin<Box<Sleep>>,
    total_ends: Pin<Box<Sleep>>,
}

impl<S> Paced<S> {
    pub fn new(inner: S, limits: UploadLimits) -> Self {
        Paced {
            inner,
            limits,
            clocks: None,
            arrived: 0,
            stopped: false,
        }
    }
}

impl<S, E> Stream for Paced<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: Into<BoxError>,
{
    type Item = Result<Bytes, BoxError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.stopped {
            return Poll::Ready(None);
        }
        let limits = this.limits;
        let clocks = this.clocks.get_or_insert_with(|| Clocks {
            window_ends: Box::pin(tokio::time::sleep_until(after(limits.window))),
            total_ends: Box::pin(tokio::time::sleep_until(after(limits.total))),
        });
        let slow = match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(_))) if clocks.total_ends.is_elapsed() => TooSlow::Total,
            Poll::Ready(Some(Ok(chunk))) => {
                this.arrived += chunk.len() as u64;
                if this.arrived >= limits.quota() {
                    // This window's due has arrived: the next one begins.
                    this.arrived = 0;
                    clocks.window_ends.as_mut().reset(after(limits.window));
                }
                return Poll::Ready(Some(Ok(chunk)));
            }
            Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error.into()))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending if clocks.total_ends.as_mut().poll(cx).is_ready() => TooSlow::Total,
            Poll::Pending if clocks.window_ends.as_mut().poll(cx).is_ready() => TooSlow::Rate,
            Poll::Pending => return Poll::Pending,
        };
        this.stopped = true;
        Poll::Ready(Some(Err(Box::new(slow))))
    }
}

/// `wait` from now; a wait too long to count is taken as a day.
fn after(wait: Duration) -> Instant {
    const DAY: Duration = Duration::from_secs(24 * 60 * 60);
    let now = Instant::now();
    now.checked_add(wait.min(DAY)).unwrap_or(now)
}
