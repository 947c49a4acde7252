-- no-transaction
-- Documents waiting at an office for their holder.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_awaiting ON issued_documents (id) WHERE standing = 'awaiting-collection';
