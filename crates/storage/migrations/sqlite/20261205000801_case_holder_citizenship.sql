-- The holder's citizenship as the person's profile stated it when the
-- application was started (ISO 3166-1 alpha-2, or XX for the stateless);
-- empty when it was not stated, so the operator checks it at the counter.
ALTER TABLE cases ADD COLUMN holder_citizenship TEXT;
