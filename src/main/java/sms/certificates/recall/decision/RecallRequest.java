package sms.certificates.recall.decision;

import java.time.Instant;

/** A staff user's request to recall one document, as received; nothing in it has been checked yet. */
public record RecallRequest(
        String requestId,
        String tenantId,
        String certificateId,
        String studentId,
        String enrolmentId,
        ReasonCategory reasonCategory,
        String reason,
        String confirmation,
        Actor requestedBy,
        Instant requestedAt) {

    public RequestKey key() {
        return RequestKey.of(requestId);
    }

    public CertificateRef certificate() {
        return new CertificateRef(tenantId, certificateId);
    }

    public EnrolmentRef enrolment() {
        return new EnrolmentRef(tenantId, enrolmentId);
    }
}
