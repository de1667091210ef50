-- Recalled documents, kept for good (RTOs keep certification records for 30 years): every column of certificates,
-- plus the recall. Rows are only ever inserted; the trigger below refuses updates and deletes.
CREATE TABLE revoked_certificates (
    certificate_id      text PRIMARY KEY,
    tenant_id           text        NOT NULL,
    certificate_number  text        NOT NULL,
    student_id          text        NOT NULL,
    enrolment_id        text        NOT NULL,
    enrolment_type      text        NOT NULL,
    company_id          text,
    document_type       text        NOT NULL,
    issue_sequence      integer     NOT NULL,
    qualification_code  text,
    qualification_title text,
    issued_at           timestamptz NOT NULL,
    issued_by           text,
    request_id          text        NOT NULL,
    event_id            uuid        NOT NULL UNIQUE,
    reason_category     text        NOT NULL,
    reason              text        NOT NULL,
    recalled_by_user_id text        NOT NULL,
    recalled_by_name    text,
    recalled_by_role    text,
    requested_at        timestamptz NOT NULL,
    recalled_at         timestamptz NOT NULL
);

CREATE INDEX revoked_certificates_enrolment ON revoked_certificates (tenant_id, enrolment_id);

CREATE FUNCTION revoked_certificates_are_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'revoked_certificates is append-only: a revoked record is kept for good'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER revoked_certificates_append_only
    BEFORE UPDATE OR DELETE ON revoked_certificates
    FOR EACH ROW EXECUTE FUNCTION revoked_certificates_are_kept();
