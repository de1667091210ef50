package sms.certificates.recall.decision;

import java.time.Instant;
import java.util.UUID;

/** The one answer a request ever gets. */
public sealed interface Outcome extends Decision {

    UUID eventId();

    /** When the worker decided: {@code recalledAt} or {@code rejectedAt}. */
    Instant decidedAt();

    /** The document leaves {@code certificates} and enters the revoked store. */
    record Recalled(
            UUID eventId,
            RecallRequest request,
            UUID requestId,
            Certificate certificate,
            String trimmedReason,
            Instant recalledAt,
            String latestRemainingCertificateId) implements Outcome {

        @Override
        public Instant decidedAt() {
            return recalledAt;
        }
    }

    /** Nothing changes; {@code latestCertificateId} is set for {@link RejectionCode#NOT_LATEST_ISSUANCE} only. */
    record Rejected(
            UUID eventId,
            RecallRequest request,
            RejectionCode code,
            String message,
            String latestCertificateId,
            Instant rejectedAt) implements Outcome {

        @Override
        public Instant decidedAt() {
            return rejectedAt;
        }
    }
}
