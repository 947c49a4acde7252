-- Appointments at the counter. Slots are derived from the catalogue; a grid
-- cell of a window gets a row the first time someone holds it, and the row's
-- CHECK is what keeps a cell from taking more people than it has counters.
CREATE TABLE appointment_cells (
    office_id TEXT NOT NULL,
    window_kind TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    taken INTEGER NOT NULL DEFAULT 0,
    CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (office_id, window_kind, starts_at)
);

CREATE TABLE bookings (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    authority_id TEXT NOT NULL,
    office_id TEXT NOT NULL,
    window_kind TEXT NOT NULL,
    service_id TEXT NOT NULL,
    booked_by TEXT NOT NULL REFERENCES persons (id),
    case_id TEXT REFERENCES cases (id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats > 0),
    state TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'checked-in', 'called', 'served', 'no-show', 'cancelled', 'lapsed')),
    hold_expires_at BIGINT,
    reschedules INTEGER NOT NULL DEFAULT 0,
    ticket_number INTEGER,
    counter_number INTEGER,
    called_at BIGINT,
    assigned_by TEXT REFERENCES persons (id),
    biometrics_by TEXT REFERENCES persons (id),
    biometrics_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX bookings_holds ON bookings (state, hold_expires_at);
CREATE INDEX bookings_day ON bookings (office_id, window_kind, starts_at);
CREATE INDEX bookings_booked_by ON bookings (booked_by, created_at);

-- The cells a booking occupies: several when a service takes longer than one.
CREATE TABLE booking_cells (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    office_id TEXT NOT NULL,
    window_kind TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    PRIMARY KEY (booking_id, starts_at),
    FOREIGN KEY (office_id, window_kind, starts_at) REFERENCES appointment_cells (office_id, window_kind, starts_at)
);
CREATE INDEX booking_cells_cell ON booking_cells (office_id, window_kind, starts_at);

-- The people a booking is for (the account holder or a ward). While the
-- booking holds its place, a holder has no other one for the same service.
CREATE TABLE booking_holders (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    holder_kind TEXT NOT NULL CHECK (holder_kind IN ('person', 'ward')),
    holder_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    PRIMARY KEY (booking_id, holder_kind, holder_id)
);
CREATE UNIQUE INDEX booking_holders_one_active
    ON booking_holders (service_id, holder_kind, holder_id) WHERE active = 1;

-- What happened to a booking, for the person and the office.
CREATE TABLE booking_events (
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT,
    detail TEXT
);
CREATE INDEX booking_events_booking ON booking_events (booking_id, at);

-- Ticket numbers per office, window and local day.
CREATE TABLE ticket_counters (
    office_id TEXT NOT NULL,
    window_kind TEXT NOT NULL,
    day TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (office_id, window_kind, day)
);

-- One-off closures an administrator enters (window NULL: the whole office).
CREATE TABLE office_closures (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    window_kind TEXT,
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX office_closures_day ON office_closures (office_id, day);

-- The waiting room of each authority: open while booking demand is high.
CREATE TABLE waiting_rooms (
    room TEXT PRIMARY KEY,
    opened_at BIGINT,
    base_ticket BIGINT NOT NULL DEFAULT 0,
    admit_per_second INTEGER NOT NULL,
    open_until BIGINT
);

-- Arrival order: the row id is the place in the line.
CREATE TABLE waiting_tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    person_id TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    UNIQUE (room, opened_at, person_id)
);

-- Requests counted per key (an account, an address) and window of time.
CREATE TABLE rate_counts (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);

-- Scheduled messages (reminders) can be withdrawn by what they are about.
ALTER TABLE outbox_messages ADD COLUMN topic TEXT;
ALTER TABLE outbox_messages ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox_messages ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox_messages ADD COLUMN attachment_body TEXT;
CREATE INDEX outbox_messages_topic ON outbox_messages (topic);
