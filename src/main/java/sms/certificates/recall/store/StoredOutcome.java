package sms.certificates.recall.store;

import java.time.Instant;
import java.util.UUID;

import sms.certificates.recall.decision.RequestKey;

/**
 * An answer as given: {@code outcome} is {@code RECALLED} or the rejection code, {@code event} the Kafka record value
 * exactly as published.
 */
public record StoredOutcome(RequestKey requestKey, UUID eventId, String outcome, byte[] event, Instant decidedAt) {

    public static final String RECALLED = "RECALLED";

    public boolean isRecalled() {
        return RECALLED.equals(outcome);
    }
}
