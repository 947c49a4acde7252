-- no-transaction
-- Identity cards in force by the expiry of their identification certificate.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_eid_expiring ON issued_documents (eid_expires_on, id) WHERE standing IN ('valid', 'awaiting-collection') AND eid_expires_on IS NOT NULL;
