-- One row per request ever answered: the idempotency record. A repeated request is answered with the stored event
-- bytes, exactly as first published.
CREATE TABLE recall_outcomes (
    -- SHA-256 of the request id (canonical lower case when it is a UUID): any text, of any length, is a key.
    -- Look one up with: WHERE request_key = sha256(convert_to('<request id>', 'UTF8'))
    request_key bytea       PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    -- RECALLED, or the rejection code
    outcome     text        NOT NULL,
    -- the Kafka record value as published (Schema Registry wire format)
    event       bytea       NOT NULL,
    decided_at  timestamptz NOT NULL
);
