-- no-transaction
-- Identity cards in force by the expiry of their signature certificate.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_signature_expiring ON issued_documents (signature_expires_on, id) WHERE standing IN ('valid', 'awaiting-collection') AND signature_expires_on IS NOT NULL;
