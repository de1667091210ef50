package sms.certificates.recall.intake;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The production path: each poll is one Kafka transaction (opened by the container) holding the batch's answers,
 * dead letters and consumed offsets, around one database transaction for the whole batch. A failure rolls both back
 * and the container retries the batch after a pause.
 */
class BatchIntake {

    private final RequestHandler handler;
    private final String topic;

    BatchIntake(RequestHandler handler, String topic) {
        this.handler = handler;
        this.topic = topic;
    }

    /** The topic listened to, for the annotation below. */
    public String getTopic() {
        return topic;
    }

    @KafkaListener(id = IntakeConfiguration.LISTENER_ID, idIsGroup = false, topics = "#{__listener.topic}",
            batch = "true")
    void onRequests(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        handler.handle(records, consumer, false);
    }
}
