-- Where a person has signed in successfully before, as a hash of the client
-- address: failed sign-ins from these addresses are counted apart from the
-- rest, so a stranger's guesses cannot lock the owner out of their own devices.
CREATE TABLE sign_in_addresses (
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    address_hash TEXT NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (person_id, address_hash)
);
