-- The SMS owns this table; the contract fixes its columns. Created here only where it does not exist yet
-- (local runs, tests, fresh environments).
CREATE TABLE IF NOT EXISTS certificates (
    certificate_id      text PRIMARY KEY,
    tenant_id           text        NOT NULL,
    certificate_number  text        NOT NULL,
    student_id          text        NOT NULL,
    enrolment_id        text        NOT NULL,
    enrolment_type      text        NOT NULL CHECK (enrolment_type IN ('STUDENT', 'COMPANY')),
    company_id          text,
    document_type       text        NOT NULL CHECK (document_type IN ('CERTIFICATE', 'STATEMENT_OF_ATTAINMENT')),
    issue_sequence      integer     NOT NULL,
    qualification_code  text,
    qualification_title text,
    issued_at           timestamptz NOT NULL,
    issued_by           text,
    UNIQUE (tenant_id, certificate_number),
    -- also the index the worker locks an enrolment's documents through
    UNIQUE (tenant_id, enrolment_id, issue_sequence)
);
