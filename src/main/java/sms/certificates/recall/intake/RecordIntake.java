package sms.certificates.recall.intake;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The naive baseline ({@code recall.intake.mode=record}): one Kafka transaction, one database transaction and one
 * synchronous send per record, through the same code as {@link BatchIntake}. It keeps every guarantee; it exists so
 * that the benchmark can measure what batching buys.
 */
class RecordIntake extends Intake {

    RecordIntake(RequestHandler handler, String topic) {
        super(handler, topic);
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{__listener.topic}", batch = "false")
    void onRequest(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        handler.handle(List.of(record), consumer, true);
    }
}
