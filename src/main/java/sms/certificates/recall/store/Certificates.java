package sms.certificates.recall.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.DocumentType;
import sms.certificates.recall.decision.EnrolmentRef;
import sms.certificates.recall.decision.EnrolmentType;

/** The SMS's current documents. */
@Repository
class Certificates {

    static final String COLUMNS = """
            certificate_id, tenant_id, certificate_number, student_id, enrolment_id, enrolment_type, company_id,
            document_type, issue_sequence, qualification_code, qualification_title, issued_at, issued_by""";

    // FOR UPDATE in certificate_id order, so that two workers locking overlapping enrolments queue instead of
    // deadlocking; a row deleted meanwhile by the lock holder is skipped when the lock is granted.
    private static final String LOCK_FOR_RECALL = """
            SELECT %s FROM certificates
            WHERE certificate_id IN (
                SELECT c.certificate_id FROM certificates c
                JOIN unnest(?::text[], ?::text[]) AS asked(tenant_id, certificate_id) USING (tenant_id, certificate_id)
                UNION
                SELECT c.certificate_id FROM certificates c
                JOIN unnest(?::text[], ?::text[]) AS asked(tenant_id, enrolment_id) USING (tenant_id, enrolment_id))
            ORDER BY certificate_id
            FOR UPDATE""".formatted(COLUMNS);

    private final JdbcClient jdbc;

    Certificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks, until the transaction ends, the documents asked about and every current document of their enrolments. */
    List<Certificate> lockForRecall(Collection<CertificateRef> asked, Collection<EnrolmentRef> enrolments) {
        return jdbc.sql(LOCK_FOR_RECALL)
                .params(
                        SqlArrays.text(asked, CertificateRef::tenantId),
                        SqlArrays.text(asked, CertificateRef::certificateId),
                        SqlArrays.text(enrolments, EnrolmentRef::tenantId),
                        SqlArrays.text(enrolments, EnrolmentRef::enrolmentId))
                .query((rs, row) -> certificate(rs))
                .list();
    }

    static Certificate certificate(ResultSet rs) throws SQLException {
        return new Certificate(
                rs.getString("certificate_id"),
                rs.getString("tenant_id"),
                rs.getString("certificate_number"),
                rs.getString("student_id"),
                rs.getString("enrolment_id"),
                EnrolmentType.valueOf(rs.getString("enrolment_type")),
                rs.getString("company_id"),
                DocumentType.valueOf(rs.getString("document_type")),
                rs.getInt("issue_sequence"),
                rs.getString("qualification_code"),
                rs.getString("qualification_title"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("issued_by"));
    }
}
