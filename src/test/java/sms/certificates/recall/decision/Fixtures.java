package sms.certificates.recall.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and documents for the rule tests: one tenant, student and enrolment unless a test says otherwise. */
final class Fixtures {

    static final String TENANT = "rto-1";
    static final String STUDENT = "student-1";
    static final String ENROLMENT = "enrolment-1";
    static final Instant REQUESTED_AT = Instant.parse("2026-12-01T09:00:00.123Z");
    static final Instant NOW = Instant.parse("2026-12-01T09:00:01.456Z");

    private Fixtures() {
    }

    static RecallRequest request(String certificateId) {
        return new RecallRequest(UUID.randomUUID().toString(), TENANT, certificateId, STUDENT, ENROLMENT,
                ReasonCategory.ISSUED_IN_ERROR, "Wrong unit listed on the transcript", "RECALL",
                new Actor("staff-7", "Sam Staff", "Compliance officer"), REQUESTED_AT);
    }

    static Certificate certificate(String certificateId, int issueSequence) {
        return certificate(TENANT, certificateId, ENROLMENT, issueSequence);
    }

    static Certificate certificate(String tenantId, String certificateId, String enrolmentId, int issueSequence) {
        return new Certificate(certificateId, tenantId, "NO-" + certificateId, STUDENT, enrolmentId,
                EnrolmentType.STUDENT, null, DocumentType.CERTIFICATE, issueSequence, "BSB40120",
                "Certificate IV in Business", Instant.parse("2026-01-10T00:00:00Z"), "registrar");
    }

    static StoreSnapshot store(Certificate... current) {
        return new StoreSnapshot(List.of(current), List.of(), List.of());
    }
}
