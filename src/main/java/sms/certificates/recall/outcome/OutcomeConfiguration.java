package sms.certificates.recall.outcome;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import sms.certificates.recall.ConfiguredSerdes;
import sms.certificates.recall.RecallTopics;

@Configuration(proxyBeanMethods = false)
class OutcomeConfiguration {

    /**
     * The producer carries bytes: outcome values serialized by {@link OutcomeEncoder}, dead letters as received, and
     * keys as received. {@code spring.kafka.producer.value-serializer} names the serializer the encoder uses.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer bytesProducer(KafkaProperties kafka) {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<byte[], byte[]> bytes = (DefaultKafkaProducerFactory<byte[], byte[]>) factory;
            bytes.setKeySerializer(new ByteArraySerializer());
            bytes.setValueSerializer(new ByteArraySerializer());
            // A fixed set of transactional ids, the same after every restart (see OutcomesWarmUp).
            bytes.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(
                    OutcomesWarmUp.needed(kafka.getListener().getConcurrency())));
        };
    }

    @Bean
    OutcomesWarmUp outcomesWarmUp(OutcomeEncoder encoder, ProducerFactory<byte[], byte[]> factory,
            KafkaProperties kafka) {
        return new OutcomesWarmUp(encoder, factory, OutcomesWarmUp.needed(kafka.getListener().getConcurrency()));
    }

    @Bean
    OutcomeEncoder outcomeEncoder(KafkaProperties kafka, RecallTopics topics) {
        return new OutcomeEncoder(ConfiguredSerdes.valueSerializer(kafka), topics);
    }

    @Bean
    OutcomePublisher outcomePublisher(KafkaTemplate<byte[], byte[]> template, RecallTopics topics) {
        return new OutcomePublisher(template, topics);
    }
}
