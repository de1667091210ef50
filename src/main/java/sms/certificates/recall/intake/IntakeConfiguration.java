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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
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

import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.outcome.OutcomePublisher;
import sms.certificates.recall.processing.RecallProcessor;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    static final String LISTENER_ID = "recall-intake";

    /**
     * A failed batch (database or broker unreachable, a lost race on a request id) is rolled back, sought back and
     * retried after a pause, without limit: a transient failure never becomes a rejection or a dead letter. Records
     * that fail on their own are dead-lettered or rejected inside the listener, so nothing else reaches here.
     */
    @Bean
    AfterRollbackProcessor<Object, Object> retryFailedBatches(IntakeSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
        return new RetryFromCommittedOffsets(backOff);
    }

    /**
     * Keys stay bytes, exactly as received: outcomes and dead letters carry them unchanged. Values go through the
     * configured value deserializer ({@link SizeLimitedDeserializer} around the Avro one), told the size limit.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer bytesKeysAndSizeLimit(IntakeSettings settings) {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaConsumerFactory<byte[], Object> bytes = (DefaultKafkaConsumerFactory<byte[], Object>) factory;
            bytes.setKeyDeserializer(new ByteArrayDeserializer());
            bytes.updateConfigs(Map.of(SizeLimitedDeserializer.MAX_RECORD_BYTES, settings.maxRecordBytes()));
        };
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
        return new FencedListenerRestarter(registry, LISTENER_ID);
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(KafkaAdmin kafkaAdmin, IntakeSettings settings) {
        return new BrokerHealthIndicator(Admin.create(kafkaAdmin.getConfigurationProperties()),
                settings.healthTimeout());
    }

    @Bean
    ListenerHealthIndicator listenerHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerHealthIndicator(registry, LISTENER_ID);
    }

    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<byte[], byte[]> template, RecallTopics topics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, failure) -> {
            // The original partition where the dead-letter topic has it; the key's partition otherwise.
            int partitions = template.partitionsFor(topics.deadLetter()).size();
            return new TopicPartition(topics.deadLetter(), record.partition() < partitions ? record.partition() : -1);
        });
        recoverer.setExceptionHeadersCreator(new UnreadableRecordHeaders());
        return recoverer;
    }

    @Bean
    DeadLetters deadLetters(DeadLetterPublishingRecoverer deadLetterRecoverer, MeterRegistry meters) {
        return new DeadLetters(deadLetterRecoverer, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "recall.intake.mode", havingValue = "batch", matchIfMissing = true)
    BatchIntake batchIntake(DeadLetters deadLetters, RecallProcessor processor, OutcomePublisher publisher,
            ObservationRegistry observations, ObjectProvider<Propagator> propagator, RecallTopics topics,
            MeterRegistry meters) {
        List<String> traceHeaders = propagator.stream().flatMap(p -> p.fields().stream()).toList();
        return new BatchIntake(deadLetters, processor, publisher,
                new RecordObservations(observations, LISTENER_ID, traceHeaders), topics.requested(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "recall.intake.mode", havingValue = "record")
    RecordIntake recordIntake(DeadLetters deadLetters, RecallProcessor processor, OutcomePublisher publisher,
            RecallTopics topics) {
        return new RecordIntake(deadLetters, processor, publisher, topics.requested());
    }
}
