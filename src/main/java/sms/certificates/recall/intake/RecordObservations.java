package sms.certificates.recall.intake;

import java.util.Collection;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The listener observation Spring Kafka opens per record for record listeners, opened here around each request's
 * answer in a batch: the request's trace context (a W3C {@code traceparent} header) becomes the parent of the
 * outcome's send, whose observation writes it into the outcome's headers. Only for records that carry a trace
 * context: for the others the send's own observation starts the trace, at a fraction of the cost.
 */
class RecordObservations {

    private final ObservationRegistry registry;
    private final String listenerId;
    private final Collection<String> traceHeaders;

    RecordObservations(ObservationRegistry registry, String listenerId, Collection<String> traceHeaders) {
        this.registry = registry;
        this.listenerId = listenerId;
        this.traceHeaders = traceHeaders;
    }

    void observe(ConsumerRecord<?, ?> record, Runnable work) {
        if (traceHeaders.stream().noneMatch(header -> record.headers().lastHeader(header) != null)) {
            work.run();
            return;
        }
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, () -> ""), registry)
                .observe(work);
    }
}
