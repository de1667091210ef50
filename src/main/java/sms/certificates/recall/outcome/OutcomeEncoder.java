package sms.certificates.recall.outcome;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serializer;

import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.decision.Actor;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.DocumentType;
import sms.certificates.recall.decision.EnrolmentType;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.ReasonCategory;
import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.decision.RejectionCode;

/**
 * Serializes outcomes with the configured value serializer ({@code spring.kafka.producer.value-serializer}, the
 * project's Confluent-compatible Avro serializer by default). The worker stores these exact bytes with the answer and
 * the producer sends them as they are, so that a repeated request gets its first answer byte for byte.
 *
 */
public class OutcomeEncoder implements AutoCloseable {

    private final Serializer<Object> serializer;
    private final RecallTopics topics;

    OutcomeEncoder(Serializer<Object> serializer, RecallTopics topics) {
        this.serializer = serializer;
        this.topics = topics;
    }

    public byte[] encode(Outcome outcome) {
        String topic = outcome instanceof Outcome.Recalled ? topics.recalled() : topics.rejected();
        return serializer.serialize(topic, OutcomeEvents.toEvent(outcome));
    }

    /**
     * Encodes one outcome of each kind, so that the schemas are registered (and cached) before the first batch: not
     * over HTTP while that batch holds its rows locked.
     */
    void registerSchemas() {
        RecallRequest request = new RecallRequest(new UUID(0, 0).toString(), "-", "-", "-", "-",
                ReasonCategory.OTHER, "-", "-", new Actor("-", null, null), Instant.EPOCH);
        Certificate certificate = new Certificate("-", "-", "-", "-", "-", EnrolmentType.STUDENT, null,
                DocumentType.CERTIFICATE, 1, null, null, Instant.EPOCH, null);
        encode(new Outcome.Recalled(new UUID(0, 0), request, new UUID(0, 0), certificate, "-", Instant.EPOCH, null));
        encode(new Outcome.Rejected(new UUID(0, 0), request, RejectionCode.INVALID_REQUEST, "-", null,
                Instant.EPOCH));
    }

    @Override
    public void close() {
        serializer.close();
    }
}
