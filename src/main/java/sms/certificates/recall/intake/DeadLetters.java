package sms.certificates.recall.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import sms.certificates.RecallRequested;

/**
 * Records that cannot be read as a {@code RecallRequested} go to the dead-letter topic, with their original key and
 * value bytes, in the listener's Kafka transaction; the partition moves on.
 */
class DeadLetters {

    private static final LogAccessor LOG = new LogAccessor(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter sent;

    DeadLetters(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.sent = Counter.builder("recall.dead.letters")
                .description("Records that could not be read as RecallRequested, sent to the dead-letter topic")
                .register(meters);
    }

    /** Sends the record to the dead-letter topic if it cannot be read, and says whether it did. */
    boolean sendIfUnreadable(ConsumerRecord<byte[], Object> record, Consumer<?, ?> consumer) {
        DeserializationException failure =
                SerializationUtils.getExceptionFromHeader(record, KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (failure != null) {
            send(record, consumer, failure);
            return true;
        }
        if (record.value() == null) {
            send(record, consumer,
                    new SerializationException("Empty record (tombstone): there is no RecallRequested to read"));
            return true;
        }
        if (!(record.value() instanceof RecallRequested)) {
            // Its bytes are gone by now, so it cannot be dead-lettered as received: a configuration error.
            throw new IllegalStateException("The value deserializer returned " + record.value().getClass().getName()
                    + " instead of RecallRequested: set specific.avro.reader=true and "
                    + "specific.avro.value.type=sms.certificates.RecallRequested");
        }
        return false;
    }

    private void send(ConsumerRecord<byte[], Object> record, Consumer<?, ?> consumer, Exception failure) {
        recoverer.accept(record, consumer, failure);
        sent.increment();
    }
}
