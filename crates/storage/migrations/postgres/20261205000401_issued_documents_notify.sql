-- Every change to an issued document is announced on the channel
-- `ghiseu_registry` with the document's number, when its transaction
-- commits. Each server keeps the public check's answers in memory only while
-- it listens there, and forgets a number as soon as it is announced, so an
-- import, a handover or a loss report made through any process is seen by
-- every other one at once.
SET LOCAL lock_timeout = '5s';

CREATE FUNCTION ghiseu_registry_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('ghiseu_registry', OLD.number);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('ghiseu_registry', NEW.number);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER issued_documents_changed
    AFTER INSERT OR UPDATE OR DELETE ON issued_documents
    FOR EACH ROW EXECUTE FUNCTION ghiseu_registry_changed();
