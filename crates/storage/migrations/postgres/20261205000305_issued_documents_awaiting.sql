-- no-transaction
-- Documents waiting at an office for their holder.
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_awaiting ON issued_documents (id) WHERE standing = 'awaiting-collection';
RESET lock_timeout;
