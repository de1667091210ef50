package sms.certificates.recall.decision;

import java.time.Instant;

/** A current (not recalled) document: one row of the SMS's {@code certificates} table. */
public record Certificate(
        String certificateId,
        String tenantId,
        String certificateNumber,
        String studentId,
        String enrolmentId,
        EnrolmentType enrolmentType,
        String companyId,
        DocumentType documentType,
        int issueSequence,
        String qualificationCode,
        String qualificationTitle,
        Instant issuedAt,
        String issuedBy) {

    public CertificateRef ref() {
        return new CertificateRef(tenantId, certificateId);
    }

    public EnrolmentRef enrolment() {
        return new EnrolmentRef(tenantId, enrolmentId);
    }
}
