-- What bounds the document store looks up: which scans refer to a stored
-- object (a sweep keeps only those), and a person's recent uploads (at most
-- so many an hour).
CREATE INDEX case_documents_object_key ON case_documents (object_key);
CREATE INDEX case_documents_uploader ON case_documents (uploaded_by, uploaded_at);
