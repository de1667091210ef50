package sms.certificates.recall.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends records to the dead-letter topic with their original key, value and headers, plus Spring Kafka's standard
 * headers naming the original topic, partition and offset and the exception, in the listener's Kafka transaction.
 */
class DeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter unreadable;
    private final Counter failed;

    DeadLetters(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.unreadable = counter(meters, "unreadable");
        this.failed = counter(meters, "failed");
    }

    /** A record that cannot be read as a {@code RecallRequested}. */
    void unreadable(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer, Exception reason) {
        recoverer.accept(record, consumer, reason);
        unreadable.increment();
    }

    /** A request that failed on its own while the rest of its batch went through: kept for a replay once fixed. */
    void failed(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer, Exception reason) {
        recoverer.accept(record, consumer, reason);
        failed.increment();
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("recall.dead.letters")
                .description("Records sent to the dead-letter topic: unreadable, or failed on their own")
                .tag("reason", reason)
                .register(meters);
    }
}
