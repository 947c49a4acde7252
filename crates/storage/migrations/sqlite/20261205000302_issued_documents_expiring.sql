-- The documents in force by expiry, as the reminder scan walks them.
CREATE INDEX issued_documents_expiring ON issued_documents (expires_on, id) WHERE standing IN ('valid', 'awaiting-collection') AND expires_on IS NOT NULL;
