package sms.certificates.recall.outcome;

import org.apache.kafka.common.serialization.Serializer;

import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.decision.Outcome;

/**
 * Serializes outcomes with the configured value serializer ({@code spring.kafka.producer.value-serializer}, the
 * project's Confluent-compatible Avro serializer by default). The worker stores these exact bytes with the answer and
 * the producer sends them as they are, so that a repeated request gets its first answer byte for byte.
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

    @Override
    public void close() {
        serializer.close();
    }
}
