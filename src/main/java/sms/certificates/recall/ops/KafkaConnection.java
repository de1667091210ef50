package sms.certificates.recall.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import sms.certificates.recall.ConfiguredSerdes;
import sms.certificates.recall.RecallTopics;

/**
 * Clients for the operator commands, built from the worker's own settings ({@code spring.kafka.*}, including
 * security and the schema registry), with short timeouts so that an unreachable broker is reported, not waited for.
 */
final class KafkaConnection {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;
    private final RecallTopics topics;

    KafkaConnection(KafkaProperties kafka, RecallTopics topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    RecallTopics topics() {
        return topics;
    }

    private String bootstrapServers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    /** Fails with {@link CommandException#UNAVAILABLE} unless the cluster answers within the timeout. */
    void checkReachable() {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            get(admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis())).clusterId(),
                    TIMEOUT);
        }
    }

    /** The result of a send, or {@link CommandException#UNAVAILABLE} if the broker does not confirm it in time. */
    <T> T await(Future<T> pending) {
        return get(pending, TIMEOUT.multipliedBy(2));
    }

    private <T> T get(Future<T> pending, Duration timeout) {
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    private CommandException unreachable() {
        return CommandException.unavailable("Kafka at " + bootstrapServers() + " did not answer within "
                + TIMEOUT.toSeconds() + " s");
    }

    /** A plain (not transactional) producer of bytes. */
    KafkaProducer<byte[], byte[]> bytesProducer() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 2);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A {@code read_committed} consumer of bytes in a group of its own, committing nothing. */
    KafkaConsumer<byte[], byte[]> bytesConsumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "recall-operator-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The Avro serializer the worker writes values with ({@code spring.kafka.producer.value-serializer}). */
    Serializer<Object> valueSerializer() {
        return ConfiguredSerdes.valueSerializer(kafka);
    }

    /** The Avro deserializer the worker reads with, returning generic records (printable as JSON). */
    Deserializer<Object> genericValueDeserializer() {
        return ConfiguredSerdes.valueDeserializer(kafka, Map.of("specific.avro.reader", false,
                "specific.avro.value.type", ""));
    }

    /** Every partition of the topic; fails if the topic does not exist. */
    List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            throw CommandException.unavailable("Topic " + topic + " does not exist at " + bootstrapServers());
        }
        return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
