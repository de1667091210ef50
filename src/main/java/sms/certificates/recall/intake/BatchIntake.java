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
class BatchIntake extends Intake {

    BatchIntake(RequestHandler handler, String topic) {
        super(handler, topic);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{__listener.topic}", batch = "true")
    void onRequests(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        handler.handle(records, consumer, false);
    }
}
