package sms.certificates.recall.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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
    private final RecordObservations observations;
    private final String topic;
    private final Timer batchTimer;
    private final Timer recordTimer;

    BatchIntake(DeadLetters deadLetters, RecallProcessor processor, OutcomePublisher publisher,
            RecordObservations observations, String topic, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.publisher = publisher;
        this.observations = observations;
        this.topic = topic;
        this.batchTimer = Timer.builder("recall.batch")
                .description("Time to handle one polled batch, up to the Kafka commit")
                .register(meters);
        this.recordTimer = Timer.builder("recall.record")
                .description("Time to handle one record: its batch's time shared out over the batch's records")
                .register(meters);
    }

    /** The topic listened to, for the annotation below. */
    public String getTopic() {
        return topic;
    }

    @KafkaListener(id = IntakeConfiguration.LISTENER_ID, idIsGroup = false, topics = "#{__listener.topic}",
            batch = "true")
    void onRequests(List<ConsumerRecord<byte[], Object>> records, Consumer<?, ?> consumer) {
        long started = System.nanoTime();
        handle(records, consumer);
        long elapsed = System.nanoTime() - started;
        batchTimer.record(elapsed, TimeUnit.NANOSECONDS);
        for (int i = 0; i < records.size(); i++) {
            recordTimer.record(elapsed / records.size(), TimeUnit.NANOSECONDS);
        }
    }

    private void handle(List<ConsumerRecord<byte[], Object>> records, Consumer<?, ?> consumer) {
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
            ConsumerRecord<byte[], Object> record = readable.get(i);
            StoredOutcome answer = answers.get(i);
            observations.observe(record, () -> publisher.publish(record.key(), answer));
        }
    }
}
