-- One row per request ever answered: the idempotency record. A repeated request is answered with the stored event
-- bytes, exactly as first published.
CREATE TABLE recall_outcomes (
    -- A request is its tenant and its request id (canonical lower case when it is a UUID); the key is a SHA-256 of
    -- both, so that any text, of any length, is a key. Look one up with:
    --   WHERE request_key = sha256(int4send(octet_length(convert_to(:tenant, 'UTF8')))
    --                              || convert_to(:tenant, 'UTF8') || convert_to(:request_id, 'UTF8'))
    request_key bytea       PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    -- RECALLED, or the rejection code
    outcome     text        NOT NULL,
    -- the Kafka record value as published (Schema Registry wire format)
    event       bytea       NOT NULL,
    decided_at  timestamptz NOT NULL
);
