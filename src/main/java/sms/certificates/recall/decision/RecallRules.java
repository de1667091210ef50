package sms.certificates.recall.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static sms.certificates.recall.decision.RejectionCode.ALREADY_RECALLED;
import static sms.certificates.recall.decision.RejectionCode.CERTIFICATE_MISMATCH;
import static sms.certificates.recall.decision.RejectionCode.CERTIFICATE_NOT_FOUND;
import static sms.certificates.recall.decision.RejectionCode.CONFIRMATION_MISMATCH;
import static sms.certificates.recall.decision.RejectionCode.INVALID_REQUEST;
import static sms.certificates.recall.decision.RejectionCode.NOT_LATEST_ISSUANCE;
import static sms.certificates.recall.decision.RejectionCode.REASON_INVALID;
import static sms.certificates.recall.decision.RejectionCode.REASON_REQUIRED;

/**
 * The contract's eight rules, checked in its order; the first that fails is the answer. Messages are written for
 * staff: they never carry the reason text, a name, or anything that tells one tenant about another's documents.
 */
public final class RecallRules {

    private static final String CONFIRMATION_WORD = "RECALL";
    private static final int MAX_REASON_CODE_POINTS = 1_000;

    private RecallRules() {
    }

    public static Outcome decide(RecallRequest request, StoreSnapshot store, UUID eventId, Instant now) {
        Optional<Rejection> invalid = checkRequest(request);
        if (invalid.isPresent()) {
            return invalid.get().toOutcome(eventId, request, now);
        }
        if (store.isRevoked(request.certificate())) {
            return reject(ALREADY_RECALLED, "This document has already been recalled.", eventId, request, now);
        }
        Optional<Certificate> found = store.current(request.certificate());
        if (found.isEmpty()) {
            return reject(CERTIFICATE_NOT_FOUND, "No such document was found.", eventId, request, now);
        }
        Certificate certificate = found.get();
        if (!certificate.studentId().equals(request.studentId())
                || !certificate.enrolmentId().equals(request.enrolmentId())) {
            return reject(CERTIFICATE_MISMATCH, "This document does not belong to the given student and enrolment.",
                    eventId, request, now);
        }
        Optional<Certificate> latestOther = store.latestBesides(certificate);
        if (latestOther.isPresent() && latestOther.get().issueSequence() > certificate.issueSequence()) {
            String latest = latestOther.get().certificateId();
            return new Outcome.Rejected(eventId, request, NOT_LATEST_ISSUANCE,
                    "A later document was issued for this enrolment: recall document " + latest + " first.",
                    latest, now);
        }
        return new Outcome.Recalled(eventId, request, UUID.fromString(request.requestId()), certificate,
                request.reason().strip(), now, latestOther.map(Certificate::certificateId).orElse(null));
    }

    /** Whether the request passes rules 1 to 4, and so needs the store to be decided. */
    public static boolean isWellFormed(RecallRequest request) {
        return checkRequest(request).isEmpty();
    }

    /** Rules 1 to 4: what can be judged from the request alone. */
    static Optional<Rejection> checkRequest(RecallRequest request) {
        if (!RequestKey.isUuid(request.requestId())) {
            return invalid("requestId must be a UUID");
        }
        Actor actor = request.requestedBy();
        List<Field> required = List.of(
                new Field("tenantId", request.tenantId()),
                new Field("certificateId", request.certificateId()),
                new Field("studentId", request.studentId()),
                new Field("enrolmentId", request.enrolmentId()),
                new Field("requestedBy.userId", actor.userId()));
        Optional<Field> missing = required.stream().filter(field -> isBlank(field.value())).findFirst();
        if (missing.isPresent()) {
            return invalid(missing.get().name() + " is missing");
        }
        // The store keeps these as PostgreSQL text, which cannot hold U+0000: such a request is malformed, and must
        // not fail in the database and stall its partition.
        Optional<Field> unstorable = Stream.concat(required.stream(), Stream.of(
                        new Field("requestedBy.displayName", actor.displayName()),
                        new Field("requestedBy.role", actor.role())))
                .filter(field -> field.value() != null && field.value().indexOf('\0') >= 0)
                .findFirst();
        if (unstorable.isPresent()) {
            return invalid(unstorable.get().name() + " holds a character that cannot be stored");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            return Optional.of(new Rejection(REASON_REQUIRED, "A reason for the recall is required."));
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_CODE_POINTS) {
            return Optional.of(new Rejection(REASON_INVALID,
                    "The reason is longer than " + String.format("%,d", MAX_REASON_CODE_POINTS) + " characters."));
        }
        if (reason.codePoints().anyMatch(RecallRules::isForbiddenControl)) {
            return Optional.of(new Rejection(REASON_INVALID,
                    "The reason holds a control character; only tabs and line breaks are allowed."));
        }
        if (request.confirmation() == null || !request.confirmation().strip().equals(CONFIRMATION_WORD)) {
            return Optional.of(new Rejection(CONFIRMATION_MISMATCH,
                    "The confirmation does not match: type " + CONFIRMATION_WORD + " in capitals to confirm."));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean isForbiddenControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
    }

    private static Optional<Rejection> invalid(String what) {
        return Optional.of(new Rejection(INVALID_REQUEST, "The request is malformed: " + what + "."));
    }

    private static Outcome reject(RejectionCode code, String message, UUID eventId, RecallRequest request,
            Instant now) {
        return new Rejection(code, message).toOutcome(eventId, request, now);
    }

    private record Field(String name, String value) {
    }

    record Rejection(RejectionCode code, String message) {

        Outcome toOutcome(UUID eventId, RecallRequest request, Instant now) {
            return new Outcome.Rejected(eventId, request, code, message, null, now);
        }
    }
}
