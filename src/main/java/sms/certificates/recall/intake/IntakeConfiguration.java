package sms.certificates.recall.intake;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.util.backoff.ExponentialBackOff;

import sms.certificates.recall.ConfiguredSerdes;
import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.outcome.OutcomePublisher;
import sms.certificates.recall.processing.RecallProcessor;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * A failed batch (database, broker or registry unreachable, a lost race on a request id) is rolled back, sought
     * back and retried after a pause, without limit: a transient failure never becomes a rejection or a dead letter.
     * Records that cannot be read or that fail on their own are set aside in the listener (see
     * {@link RequestHandler}), so nothing else reaches here.
     */
    @Bean
    AfterRollbackProcessor<Object, Object> retryFailedBatches(IntakeSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
        return new RetryFromCommittedOffsets(backOff);
    }

    /**
     * The consumer carries bytes, keys and values as received: the listener decodes values itself with the
     * deserializer named by {@code spring.kafka.consumer.value-deserializer} (see {@link RequestDecoder}), so that
     * an unreadable record keeps its bytes for the dead-letter topic and a registry outage is told from bad data.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer bytesConsumer() {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<byte[], byte[]> bytes = (DefaultKafkaConsumerFactory<byte[], byte[]>) factory;
            bytes.setKeyDeserializer(new ByteArrayDeserializer());
            bytes.setValueDeserializer(new ByteArrayDeserializer());
        };
    }

    @Bean
    RequestDecoder requestDecoder(KafkaProperties kafka, IntakeSettings settings) {
        return new RequestDecoder(ConfiguredSerdes.valueDeserializer(kafka, Map.of()), settings.maxRecordBytes());
    }

    /**
     * A fenced producer (its transaction outlived {@code transaction.timeout.ms}) would otherwise let the container
     * skip the batch; stopping instead, and restarting from the committed offsets, replays it.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> stopWhenFenced() {
        return container -> container.getContainerProperties().setStopContainerWhenFenced(true);
    }

    @Bean
    FencedListenerRestarter fencedListenerRestarter(KafkaListenerEndpointRegistry registry) {
        return new FencedListenerRestarter(registry, Intake.LISTENER_ID);
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(KafkaAdmin kafkaAdmin, IntakeSettings settings) {
        return new BrokerHealthIndicator(Admin.create(kafkaAdmin.getConfigurationProperties()),
                settings.healthTimeout());
    }

    @Bean
    ListenerHealthIndicator listenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerHealthIndicator(registry, Intake.LISTENER_ID);
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<byte[], byte[]> template, RecallTopics topics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            // The original partition where the dead-letter topic has it; the key's partition otherwise.
            int partitions = template.partitionsFor(topics.deadLetter()).size();
            return new TopicPartition(topics.deadLetter(), record.partition() < partitions ? record.partition() : -1);
        });
        // The resolver has checked the partition against the producer's cached metadata; the recoverer's own check
        // would ask the broker again for every dead letter.
        recoverer.setVerifyPartition(false);
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        return recoverer;
    }

    @Bean
    DeadLetters deadLetters(DeadLetterPublishingRecoverer deadLetterRecoverer, MeterRegistry meters) {
        return new DeadLetters(deadLetterRecoverer, meters);
    }

    @Bean
    RequestHandler requestHandler(RequestDecoder decoder, DeadLetters deadLetters, RecallProcessor processor,
            OutcomePublisher publisher, ObservationRegistry observations, ObjectProvider<Propagator> propagator,
            IntakeSettings settings, MeterRegistry meters) {
        // In record mode the container observes each record itself.
        List<String> traceHeaders = settings.mode() == IntakeSettings.Mode.BATCH
                ? propagator.stream().flatMap(p -> p.fields().stream()).toList()
                : List.of();
        return new RequestHandler(decoder, deadLetters, processor, publisher,
                new RecordObservations(observations, Intake.LISTENER_ID, traceHeaders), meters);
    }

    @Bean
    Intake intake(IntakeSettings settings, RequestHandler handler, RecallTopics topics) {
        return settings.mode() == IntakeSettings.Mode.BATCH
                ? new BatchIntake(handler, topics.requested())
                : new RecordIntake(handler, topics.requested());
    }
}
