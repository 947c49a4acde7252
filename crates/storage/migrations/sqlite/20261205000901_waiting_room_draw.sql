-- Those who reach a waiting room in its first seconds draw lots (a random
-- 32-bit number) instead of taking the next number. Once the draw is over
-- the lots are ranked (each ticket's place) and the room keeps how many were
-- drawn, so every server places them alike.
ALTER TABLE waiting_tickets ADD COLUMN lot BIGINT;
ALTER TABLE waiting_tickets ADD COLUMN place BIGINT;
ALTER TABLE waiting_rooms ADD COLUMN lots_drawn BIGINT;
