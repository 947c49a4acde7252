-- no-transaction
-- The documents in force by expiry, as the reminder scan walks them.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_expiring ON issued_documents (expires_on, id) WHERE standing IN ('valid', 'awaiting-collection') AND expires_on IS NOT NULL;
