package sms.certificates.recall.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RequestKey;

/**
 * An answer as given: {@code outcome} is {@code RECALLED} or the rejection code, {@code event} the Kafka record value
 * exactly as published.
 */
public record StoredOutcome(RequestKey requestKey, UUID eventId, String outcome, byte[] event, Instant decidedAt) {

    public static final String RECALLED = "RECALLED";

    public static StoredOutcome of(Outcome outcome, byte[] event) {
        String label = outcome instanceof Outcome.Rejected rejected ? rejected.code().name() : RECALLED;
        return new StoredOutcome(outcome.request().key(), outcome.eventId(), label, event, outcome.decidedAt());
    }

    public boolean isRecalled() {
        return RECALLED.equals(outcome);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredOutcome that && requestKey.equals(that.requestKey)
                && eventId.equals(that.eventId) && outcome.equals(that.outcome) && Arrays.equals(event, that.event)
                && decidedAt.equals(that.decidedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestKey, eventId, outcome, Arrays.hashCode(event), decidedAt);
    }

    @Override
    public String toString() {
        return "StoredOutcome[" + requestKey + ", " + eventId + ", " + outcome + ", " + event.length + " bytes, "
                + decidedAt + "]";
    }
}
