package sms.certificates.recall.intake;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The listener observation Spring Kafka opens per record for record listeners, opened here around each request's
 * answer in a batch: the request's trace context (a W3C {@code traceparent} header) becomes the parent of the
 * outcome's send, whose observation writes it into the outcome's headers.
 */
class RecordObservations {

    private final ObservationRegistry registry;
    private final String listenerId;

    RecordObservations(ObservationRegistry registry, String listenerId) {
        this.registry = registry;
        this.listenerId = listenerId;
    }

    void observe(ConsumerRecord<?, ?> record, Runnable work) {
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, () -> ""), registry)
                .observe(work);
    }
}
