-- Documents waiting at an office for their holder.
CREATE INDEX issued_documents_awaiting ON issued_documents (id) WHERE standing = 'awaiting-collection';
