package sms.certificates.recall.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

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
        return new Certificate(certificateId, tenantId, "NO-" + certificateId, studentId, enrolmentId,
                EnrolmentType.STUDENT, null, DocumentType.CERTIFICATE, issueSequence, "BSB40120",
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
