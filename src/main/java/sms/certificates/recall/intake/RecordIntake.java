package sms.certificates.recall.intake;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import sms.certificates.RecallRequested;
import sms.certificates.recall.outcome.OutcomePublisher;
import sms.certificates.recall.processing.RecallProcessor;
import sms.certificates.recall.store.StoredOutcome;

/**
 * The naive baseline ({@code recall.intake.mode=record}): one Kafka transaction, one database transaction and one
 * synchronous send per record, through the same decision and store code as {@link BatchIntake}. It keeps every
 * guarantee; it exists so that the benchmark can measure what batching buys.
 */
class RecordIntake {

    private final DeadLetters deadLetters;
    private final RecallProcessor processor;
    private final OutcomePublisher publisher;
    private final String topic;

    RecordIntake(DeadLetters deadLetters, RecallProcessor processor, OutcomePublisher publisher, String topic) {
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.publisher = publisher;
        this.topic = topic;
    }

    /** The topic listened to, for the annotation below. */
    public String getTopic() {
        return topic;
    }

    @KafkaListener(id = IntakeConfiguration.LISTENER_ID, idIsGroup = false, topics = "#{__listener.topic}",
            batch = "false")
    void onRequest(ConsumerRecord<byte[], Object> record, Consumer<?, ?> consumer) {
        if (deadLetters.sendIfUnreadable(record, consumer)) {
            return;
        }
        StoredOutcome answer = processor.process(List.of(RecallRequests.toRequest((RecallRequested) record.value())))
                .get(0);
        publisher.publish(record.key(), answer).join();
    }
}
