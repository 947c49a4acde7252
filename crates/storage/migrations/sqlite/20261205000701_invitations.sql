-- What a request to approve an invitation for a foreigner states: who
-- invites (a kind from the service's rules; the case's holder is the
-- inviter) and the invited person, their travel document and their stay.
-- Written while the case is a draft (or returned); what an officer approves
-- is what this row holds.

CREATE TABLE invitations (
    case_id TEXT PRIMARY KEY REFERENCES cases (id),
    inviter TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    citizenship TEXT NOT NULL,
    passport_number TEXT NOT NULL,
    passport_expires_on TEXT NOT NULL,
    purpose TEXT NOT NULL,
    stay_from TEXT NOT NULL,
    stay_until TEXT NOT NULL,
    stay_address TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
