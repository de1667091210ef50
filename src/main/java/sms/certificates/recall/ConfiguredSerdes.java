package sms.certificates.recall;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The Avro serde classes named in the standard Spring Boot keys, configured with the clients' own settings (the
 * registry URL and the rest under {@code spring.kafka.properties.*}). The worker's clients carry bytes and call these
 * themselves: requests are decoded in the listener, where a failure can be told apart, and answers are encoded once
 * and kept, so that a repeat gets the same bytes.
 */
public final class ConfiguredSerdes {

    private ConfiguredSerdes() {
    }

    /** {@code spring.kafka.producer.value-serializer}. */
    public static Serializer<Object> valueSerializer(KafkaProperties kafka) {
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer =
                (Serializer<Object>) BeanUtils.instantiateClass(kafka.getProducer().getValueSerializer());
        serializer.configure(kafka.buildProducerProperties(), false);
        return serializer;
    }

    /** {@code spring.kafka.consumer.value-deserializer}, with some of the consumer's settings overridden. */
    public static Deserializer<Object> valueDeserializer(KafkaProperties kafka, Map<String, Object> overrides) {
        @SuppressWarnings("unchecked")
        Deserializer<Object> deserializer =
                (Deserializer<Object>) BeanUtils.instantiateClass(kafka.getConsumer().getValueDeserializer());
        Map<String, Object> configs = new HashMap<>(kafka.buildConsumerProperties());
        configs.putAll(overrides);
        deserializer.configure(configs, false);
        return deserializer;
    }
}
