//! The waiting room that turns on when slots are released to a crowd:
//! everyone draws a numbered ticket and tickets are let through in order,
//! `admit_per_second` each second after a first burst of as many.

use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    pub opened_at: Timestamp,
    pub admit_per_second: u32,
}

impl Room {
    /// Tickets 1 to the returned number are let through at `now`.
    pub fn admitted_through(&self, now: Timestamp) -> u64 {
        let elapsed = now.duration_since(self.opened_at).as_secs().max(0);
        let rate = u64::from(self.admit_per_second);
        u64::try_from(elapsed)
            .unwrap_or(0)
            .saturating_mul(rate)
            .saturating_add(rate)
    }

    /// `None` once the ticket is let through; otherwise the people ahead.
    pub fn place(&self, ticket: u64, now: Timestamp) -> Option<u64> {
        let admitted = self.admitted_through(now);
        (ticket > admitted).then(|| ticket - admitted - 1)
    }

    /// How long until the ticket is let through; zero once it is.
    pub fn wait(&self, ticket: u64, now: Timestamp) -> SignedDuration {
        if self.place(ticket, now).is_none() {
            return SignedDuration::ZERO;
        }
        let rate = u64::from(self.admit_per_second);
        if rate == 0 {
            return SignedDuration::MAX;
        }
        let seconds = (ticket - rate).div_ceil(rate);
        let at = SignedDuration::from_secs(i64::try_from(seconds).unwrap_or(i64::MAX));
        self.opened_at
            .checked_add(at)
            .map_or(SignedDuration::MAX, |admitted| admitted.duration_since(now))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn room(rate: u32) -> Room {
        Room {
            opened_at: "2026-03-02T06:00:00Z".parse().unwrap(),
            admit_per_second: rate,
        }
    }

    fn after(room: &Room, millis: i64) -> Timestamp {
        room.opened_at
            .checked_add(SignedDuration::from_millis(millis))
            .unwrap()
    }

    #[test]
    fn the_first_burst_goes_through_then_one_rate_a_second() {
        let room = room(100);
        assert_eq!(room.admitted_through(room.opened_at), 100);
        assert_eq!(room.admitted_through(after(&room, 999)), 100);
        assert_eq!(room.admitted_through(after(&room, 1000)), 200);
        assert_eq!(room.admitted_through(after(&room, -5000)), 100);
        assert_eq!(room.place(100, room.opened_at), None);
        assert_eq!(room.place(101, room.opened_at), Some(0));
        assert_eq!(room.place(350, room.opened_at), Some(249));
        assert_eq!(room.wait(50, room.opened_at), SignedDuration::ZERO);
        assert_eq!(room.wait(101, room.opened_at), SignedDuration::from_secs(1));
        assert_eq!(
            room.wait(350, after(&room, 500)),
            SignedDuration::from_millis(2500)
        );
    }

    #[test]
    fn a_closed_room_lets_nobody_through() {
        let room = room(0);
        assert_eq!(room.admitted_through(after(&room, 60_000)), 0);
        assert_eq!(room.place(1, room.opened_at), Some(0));
        assert_eq!(room.wait(1, room.opened_at), SignedDuration::MAX);
    }

    proptest! {
        #[test]
        fn admission_only_grows(rate in 0u32..2000, a in -10_000i64..10_000_000, b in -10_000i64..10_000_000) {
            let room = room(rate);
            let (early, late) = (a.min(b), a.max(b));
            prop_assert!(room.admitted_through(after(&room, early)) <= room.admitted_through(after(&room, late)));
        }

        #[test]
        fn a_lower_ticket_is_never_let_through_later(rate in 1u32..2000, t1 in 1u64..10_000_000, t2 in 1u64..10_000_000, at in 0i64..100_000_000) {
            let room = room(rate);
            let (low, high) = (t1.min(t2), t1.max(t2));
            let now = after(&room, at);
            if room.place(high, now).is_none() {
                prop_assert!(room.place(low, now).is_none());
            }
            prop_assert!(room.wait(low, now) <= room.wait(high, now));
        }

        #[test]
        fn the_wait_ends_when_the_ticket_is_let_through(rate in 1u32..2000, ticket in 1u64..10_000_000, at in 0i64..100_000_000) {
            let room = room(rate);
            let now = after(&room, at);
            let wait = room.wait(ticket, now);
            let then = now.checked_add(wait).unwrap();
            prop_assert_eq!(room.place(ticket, then), None);
            if wait > SignedDuration::ZERO {
                let just_before = then.checked_sub(SignedDuration::from_millis(1)).unwrap();
                prop_assert!(room.place(ticket, just_before).is_some());
            }
        }
    }
}
