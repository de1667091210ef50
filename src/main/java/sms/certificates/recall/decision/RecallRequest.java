package sms.certificates.recall.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff user's request to recall one document, as received; nothing in it has been checked yet, but the message
 * format guarantees a {@code requestedBy}.
 */
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

    public RecallRequest {
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    public RequestKey key() {
        return RequestKey.of(tenantId, requestId);
    }

    public CertificateRef certificate() {
        return new CertificateRef(tenantId, certificateId);
    }

    public EnrolmentRef enrolment() {
        return new EnrolmentRef(tenantId, enrolmentId);
    }
}
