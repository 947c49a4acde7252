//! Part buffers kept for reuse. An upload to a store that takes parts of any
//! size copies its body into these rather than into freshly allocated
//! buffers: the same few blocks of memory serve every upload, so a burst of
//! uploads leaves nothing behind for the allocator to keep.

use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;

/// How many idle buffers are kept; one more returned is freed. Enough for
/// every buffer of the uploads the server writes at once (at most 8, each
/// holding `1 + MAX_PARTS_IN_FLIGHT`), with room to spare.
const MAX_IDLE: usize = 32;

#[derive(Debug)]
pub(crate) struct PartPool {
    size: usize,
    idle: Mutex<Vec<Vec<u8>>>,
}

impl PartPool {
    pub(crate) fn new(size: usize) -> Self {
        PartPool {
            size,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// An empty buffer with room for one part.
    pub(crate) fn take(self: &Arc<Self>) -> PartBuffer {
        let reused = self
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        PartBuffer {
            bytes: reused.unwrap_or_else(|| Vec::with_capacity(self.size)),
            pool: Arc::clone(self),
        }
    }

    fn give_back(&self, mut bytes: Vec<u8>) {
        if bytes.capacity() < self.size {
            return;
        }
        bytes.clear();
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < MAX_IDLE {
            idle.push(bytes);
        }
    }

    #[cfg(test)]
    fn idle(&self) -> usize {
        self.idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// A buffer from a [`PartPool`], returned to it when dropped: when the part
/// made of it has been written.
#[derive(Debug)]
pub(crate) struct PartBuffer {
    bytes: Vec<u8>,
    pool: Arc<PartPool>,
}

impl PartBuffer {
    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Room left before the part is full.
    pub(crate) fn room(&self) -> usize {
        self.pool.size.saturating_sub(self.bytes.len())
    }

    pub(crate) fn extend_from_slice(&mut self, slice: &[u8]) {
        self.bytes.extend_from_slice(slice);
    }

    /// The part, as the store takes it; the buffer goes back to its pool
    /// when the last reference to these bytes is dropped.
    pub(crate) fn freeze(self) -> Bytes {
        Bytes::from_owner(self)
    }
}

impl AsRef<[u8]> for PartBuffer {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl Drop for PartBuffer {
    fn drop(&mut self) {
        self.pool.give_back(std::mem::take(&mut self.bytes));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_buffer_goes_back_to_its_pool_once_its_part_is_dropped() {
        let pool = Arc::new(PartPool::new(16));
        let mut buffer = pool.take();
        assert_eq!(buffer.room(), 16);
        buffer.extend_from_slice(b"0123456789");
        assert_eq!(buffer.room(), 6);
        let part = buffer.freeze();
        let copy = part.clone();
        assert_eq!(&part[..], b"0123456789");
        drop(part);
        assert_eq!(pool.idle(), 0);
        drop(copy);
        assert_eq!(pool.idle(), 1);
        let again = pool.take();
        assert!(again.is_empty());
        assert_eq!(again.room(), 16);
        assert_eq!(pool.idle(), 0);
    }

    #[test]
    fn the_pool_keeps_a_bounded_number_of_idle_buffers() {
        let pool = Arc::new(PartPool::new(8));
        let buffers: Vec<_> = (0..MAX_IDLE + 5).map(|_| pool.take()).collect();
        drop(buffers);
        assert_eq!(pool.idle(), MAX_IDLE);
    }
}
