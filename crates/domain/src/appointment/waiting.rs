//! The waiting room that turns on when slots are released to a crowd.
//!
//! Those who arrive in the room's first seconds (the draw) draw lots: a
//! crowd that comes in at the moment of a release is put in a random order,
//! so that a program polling ten times a second is not ahead of a person who
//! looked a moment later, nor of one whose request waited behind the crowd's. Everyone after that draws a numbered ticket behind them,
//! in arrival order. Places are let through `admit_per_second` each second,
//! after a first burst of as many when the draw ends.

use jiff::{SignedDuration, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    pub opened_at: Timestamp,
    pub admit_per_second: u32,
    /// How long after the room opens arrivals draw lots instead of numbers.
    pub draw: SignedDuration,
    /// How many lots were drawn, once the draw is over and counted.
    pub lots_drawn: Option<u64>,
}

/// What a person holds in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ticket {
    /// Drawn in the room's draw, with its place among the lots once the
    /// draw is over and the lots are ranked (none for one that reached the
    /// database after the ranking: it goes at the back of the lots).
    Lot(Option<u64>),
    /// Drawn afterwards: the place in arrival order, counted from the
    /// room's opening (the lots take the first places).
    Number(u64),
}

impl Room {
    /// When arrivals stop drawing lots and the first burst goes through.
    pub fn draw_ends(&self) -> Timestamp {
        self.opened_at
            .checked_add(self.draw)
            .unwrap_or(self.opened_at)
    }

    /// Whether someone arriving at `now` draws a lot.
    pub fn draws_lots(&self, now: Timestamp) -> bool {
        now < self.draw_ends()
    }

    /// Places 1 to the returned number are let through at `now`.
    pub fn admitted_through(&self, now: Timestamp) -> u64 {
        if now < self.draw_ends() {
            return 0;
        }
        let elapsed = now.duration_since(self.draw_ends()).as_secs().max(0);
        let rate = u64::from(self.admit_per_second);
        u64::try_from(elapsed)
            .unwrap_or(0)
            .saturating_mul(rate)
            .saturating_add(rate)
    }

    /// The ticket's place in the line, 1 first; unknown for a lot until the
    /// draw is over and ranked.
    pub fn position(&self, ticket: Ticket) -> Option<u64> {
        match ticket {
            Ticket::Number(n) => Some(n.max(1)),
            Ticket::Lot(Some(place)) => Some(place.max(1)),
            Ticket::Lot(None) => self.lots_drawn.map(|drawn| drawn.max(1)),
        }
    }

    /// `None` once the ticket is let through; otherwise the people ahead
    /// (none counted yet while the lots are still being drawn).
    pub fn place(&self, ticket: Ticket, now: Timestamp) -> Option<u64> {
        let admitted = self.admitted_through(now);
        match self.position(ticket) {
            Some(position) => (position > admitted).then(|| position - admitted - 1),
            None => Some(0),
        }
    }

    /// How long until the ticket is let through; zero once it is. A lot
    /// not yet counted waits for the end of the draw.
    pub fn wait(&self, ticket: Ticket, now: Timestamp) -> SignedDuration {
        if self.place(ticket, now).is_none() {
            return SignedDuration::ZERO;
        }
        let Some(position) = self.position(ticket) else {
            return self
                .draw_ends()
                .duration_since(now)
                .max(SignedDuration::from_millis(1));
        };
        let rate = u64::from(self.admit_per_second);
        if rate == 0 {
            return SignedDuration::MAX;
        }
        let seconds = position.saturating_sub(rate).div_ceil(rate);
        let at = SignedDuration::from_secs(i64::try_from(seconds).unwrap_or(i64::MAX));
        self.draw_ends()
            .checked_add(at)
            .map_or(SignedDuration::MAX, |admitted| admitted.duration_since(now))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn room(rate: u32, lots: Option<u64>) -> Room {
        Room {
            opened_at: "2026-03-02T06:00:00Z".parse().unwrap(),
            admit_per_second: rate,
            draw: SignedDuration::from_secs(1),
            lots_drawn: lots,
        }
    }

    fn after(room: &Room, millis: i64) -> Timestamp {
        room.opened_at
            .checked_add(SignedDuration::from_millis(millis))
            .unwrap()
    }

    #[test]
    fn nobody_goes_through_while_lots_are_drawn_then_a_burst_then_one_rate_a_second() {
        let room = room(100, Some(0));
        assert!(room.draws_lots(after(&room, 999)));
        assert!(!room.draws_lots(after(&room, 1000)));
        assert_eq!(room.admitted_through(room.opened_at), 0);
        assert_eq!(room.admitted_through(after(&room, 999)), 0);
        assert_eq!(room.admitted_through(after(&room, 1000)), 100);
        assert_eq!(room.admitted_through(after(&room, 1999)), 100);
        assert_eq!(room.admitted_through(after(&room, 2000)), 200);
        assert_eq!(room.admitted_through(after(&room, -5000)), 0);
        let open = after(&room, 1000);
        assert_eq!(room.place(Ticket::Number(100), open), None);
        assert_eq!(room.place(Ticket::Number(101), open), Some(0));
        assert_eq!(room.place(Ticket::Number(350), open), Some(249));
        assert_eq!(room.wait(Ticket::Number(50), open), SignedDuration::ZERO);
        assert_eq!(
            room.wait(Ticket::Number(50), room.opened_at),
            SignedDuration::from_secs(1)
        );
        assert_eq!(
            room.wait(Ticket::Number(101), open),
            SignedDuration::from_secs(1)
        );
        assert_eq!(
            room.wait(Ticket::Number(350), after(&room, 1500)),
            SignedDuration::from_millis(2500)
        );
    }

    #[test]
    fn ranked_lots_take_the_first_places_and_a_late_lot_the_last_of_them() {
        let room = room(2, Some(4));
        let open = after(&room, 1000);
        assert_eq!(room.place(Ticket::Lot(Some(2)), open), None);
        assert_eq!(room.place(Ticket::Lot(Some(3)), open), Some(0));
        assert_eq!(room.position(Ticket::Lot(None)), Some(4));
        assert_eq!(room.place(Ticket::Lot(None), open), Some(1));
        assert_eq!(room.place(Ticket::Number(5), open), Some(2));
    }

    #[test]
    fn a_lot_not_yet_counted_waits_for_the_end_of_the_draw_with_nobody_counted_ahead() {
        let room = room(100, None);
        let now = after(&room, 400);
        assert_eq!(room.position(Ticket::Lot(None)), None);
        assert_eq!(room.place(Ticket::Lot(None), now), Some(0));
        assert_eq!(
            room.wait(Ticket::Lot(None), now),
            SignedDuration::from_millis(600)
        );
        // Counted late: still waiting, but never told to wait for nothing.
        let late = after(&room, 1500);
        assert_eq!(room.place(Ticket::Lot(None), late), Some(0));
        assert_eq!(
            room.wait(Ticket::Lot(None), late),
            SignedDuration::from_millis(1)
        );
    }

    #[test]
    fn a_closed_room_lets_nobody_through() {
        let room = room(0, Some(10));
        let later = after(&room, 60_000);
        assert_eq!(room.admitted_through(later), 0);
        assert_eq!(room.place(Ticket::Number(1), later), Some(0));
        assert_eq!(room.wait(Ticket::Number(1), later), SignedDuration::MAX);
    }

    fn ticket() -> impl Strategy<Value = Ticket> {
        prop_oneof![
            (1u64..=5_000).prop_map(|place| Ticket::Lot(Some(place))),
            Just(Ticket::Lot(None)),
            (1u64..10_000_000).prop_map(Ticket::Number),
        ]
    }

    proptest! {
        #[test]
        fn admission_only_grows(rate in 0u32..2000, a in -10_000i64..10_000_000, b in -10_000i64..10_000_000) {
            let room = room(rate, Some(500));
            let (early, late) = (a.min(b), a.max(b));
            prop_assert!(room.admitted_through(after(&room, early)) <= room.admitted_through(after(&room, late)));
        }

        #[test]
        fn every_lot_is_placed_before_every_number(drawn in 1u64..1_000_000, place in 1u64..1_000_000, late in 0u64..1_000_000) {
            let room = room(10, Some(drawn));
            let place = place.min(drawn);
            let number = Ticket::Number(drawn + 1 + late);
            for lot in [Ticket::Lot(Some(place)), Ticket::Lot(None)] {
                prop_assert!(room.position(lot).unwrap() <= drawn);
                prop_assert!(room.position(lot) < room.position(number));
            }
        }

        #[test]
        fn an_earlier_place_is_never_let_through_later(rate in 1u32..2000, t1 in ticket(), t2 in ticket(), at in 0i64..100_000_000) {
            let room = room(rate, Some(5_000));
            let now = after(&room, at);
            let (p1, p2) = (room.position(t1).unwrap(), room.position(t2).unwrap());
            let (low, high) = if p1 <= p2 { (t1, t2) } else { (t2, t1) };
            if room.place(high, now).is_none() {
                prop_assert!(room.place(low, now).is_none());
            }
            prop_assert!(room.wait(low, now) <= room.wait(high, now));
        }

        #[test]
        fn the_wait_ends_when_the_ticket_is_let_through(rate in 1u32..2000, ticket in ticket(), at in 0i64..100_000_000) {
            let room = room(rate, Some(5_000));
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
