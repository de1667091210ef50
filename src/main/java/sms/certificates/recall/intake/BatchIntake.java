package sms.certificates.recall.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import sms.certificates.RecallRequested;
import sms.certificates.recall.outcome.OutcomePublisher;
import sms.certificates.recall.processing.RecallProcessor;
import sms.certificates.recall.store.StoredOutcome;

/**
 * The production path: each poll is one Kafka transaction (opened by the container) holding the batch's dead
 * letters, its answers and its consumed offsets, around one database transaction for the whole batch. A failure
 * rolls both back and the container retries the batch after a pause.
 */
class BatchIntake {

    private final DeadLetters deadLetters;
    private final RecallProcessor processor;
    private final OutcomePublisher publisher;
    private final String topic;

    BatchIntake(DeadLetters deadLetters, RecallProcessor processor, OutcomePublisher publisher, String topic) {
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
            batch = "true")
    void onRequests(List<ConsumerRecord<byte[], Object>> records, Consumer<?, ?> consumer) {
        List<ConsumerRecord<byte[], Object>> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], Object> record : records) {
            if (!deadLetters.sendIfUnreadable(record, consumer)) {
                readable.add(record);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        List<StoredOutcome> answers = processor.process(readable.stream()
                .map(record -> RecallRequests.toRequest((RecallRequested) record.value()))
                .toList());
        for (int i = 0; i < readable.size(); i++) {
            publisher.publish(readable.get(i).key(), answers.get(i));
        }
    }
}
