package sms.certificates.recall.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.DocumentType;
import sms.certificates.recall.decision.EnrolmentType;

/** Issues documents into {@code certificates} the way the SMS would, and reads both tables back for assertions. */
public final class TestCertificates {

    private final JdbcClient jdbc;

    public TestCertificates(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A tenant id no other test uses. */
    public static String newTenant() {
        return "rto-" + UUID.randomUUID();
    }

    public static Certificate document(String tenantId, String certificateId, String studentId, String enrolmentId,
            int issueSequence) {
        return document(tenantId, certificateId, studentId, enrolmentId, issueSequence, DocumentType.CERTIFICATE);
    }

    public static Certificate document(String tenantId, String certificateId, String studentId, String enrolmentId,
            int issueSequence, DocumentType type) {
        return new Certificate(certificateId, tenantId, "NO-" + certificateId, studentId, enrolmentId,
                EnrolmentType.STUDENT, null, type, issueSequence, "BSB40120",
                "Certificate IV in Business", Instant.parse("2026-03-01T02:03:04.567891Z"), "registrar");
    }

    public void issue(Certificate... certificates) {
        for (Certificate c : certificates) {
            jdbc.sql("""
                    INSERT INTO certificates (certificate_id, tenant_id, certificate_number, student_id, enrolment_id,
                        enrolment_type, company_id, document_type, issue_sequence, qualification_code,
                        qualification_title, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.certificateId(), c.tenantId(), c.certificateNumber(), c.studentId(),
                            c.enrolmentId(), c.enrolmentType().name(), c.companyId(), c.documentType().name(),
                            c.issueSequence(), c.qualificationCode(), c.qualificationTitle(),
                            OffsetDateTime.ofInstant(c.issuedAt(), ZoneOffset.UTC), c.issuedBy())
                    .update();
        }
    }

    /** Issues many documents, a few thousand per statement. */
    public void issueAll(List<Certificate> certificates) {
        for (int from = 0; from < certificates.size(); from += 5_000) {
            List<Certificate> chunk = certificates.subList(from, Math.min(from + 5_000, certificates.size()));
            jdbc.sql("""
                    INSERT INTO certificates (certificate_id, tenant_id, certificate_number, student_id, enrolment_id,
                        enrolment_type, company_id, document_type, issue_sequence, qualification_code,
                        qualification_title, issued_at, issued_by)
                    SELECT c.id, c.tenant, 'NO-' || c.id, c.student, c.enrolment, c.enrolment_type, c.company,
                        c.document_type, c.sequence, 'BSB40120', 'Certificate IV in Business', c.issued_at, 'registrar'
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                                ?::timestamptz[])
                        AS c(id, tenant, student, enrolment, enrolment_type, company, document_type, sequence,
                             issued_at)""")
                    .params(array(chunk, Certificate::certificateId), array(chunk, Certificate::tenantId),
                            array(chunk, Certificate::studentId), array(chunk, Certificate::enrolmentId),
                            array(chunk, c -> c.enrolmentType().name()), array(chunk, Certificate::companyId),
                            array(chunk, c -> c.documentType().name()),
                            new SqlArrayValue("int4", chunk.stream().map(Certificate::issueSequence).toArray()),
                            new SqlArrayValue("timestamptz", chunk.stream()
                                    .map(c -> OffsetDateTime.ofInstant(c.issuedAt(), ZoneOffset.UTC)).toArray()))
                    .update();
        }
    }

    private static SqlArrayValue array(List<Certificate> certificates, Function<Certificate, String> column) {
        return new SqlArrayValue("text", certificates.stream().map(column).toArray());
    }

    public List<String> currentIds(String tenantId) {
        return jdbc.sql("SELECT certificate_id FROM certificates WHERE tenant_id = ? ORDER BY certificate_id")
                .param(tenantId).query(String.class).list();
    }

    public List<String> revokedIds(String tenantId) {
        return jdbc.sql("SELECT certificate_id FROM revoked_certificates WHERE tenant_id = ? ORDER BY certificate_id")
                .param(tenantId).query(String.class).list();
    }

    public Instant recalledAt(String certificateId) {
        return jdbc.sql("SELECT recalled_at FROM revoked_certificates WHERE certificate_id = ?")
                .param(certificateId).query(OffsetDateTime.class).single().toInstant();
    }

    public Map<String, Object> revokedRow(String certificateId) {
        return jdbc.sql("SELECT * FROM revoked_certificates WHERE certificate_id = ?")
                .param(certificateId).query().singleRow();
    }
}
