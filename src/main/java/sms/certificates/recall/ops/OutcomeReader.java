package sms.certificates.recall.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads committed outcomes, as downstream consumers do, and renders each as one line of JSON. */
final class OutcomeReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<Object> deserializer;

    private OutcomeReader(KafkaConnection kafka, boolean fromBeginning) {
        this.consumer = kafka.bytesConsumer();
        this.deserializer = kafka.genericValueDeserializer();
        List<TopicPartition> partitions = new ArrayList<>(kafka.partitions(consumer, kafka.topics().recalled()));
        partitions.addAll(kafka.partitions(consumer, kafka.topics().rejected()));
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the positions now, before anything is sent
        }
    }

    static OutcomeReader fromNow(KafkaConnection kafka) {
        return new OutcomeReader(kafka, false);
    }

    static OutcomeReader fromBeginning(KafkaConnection kafka) {
        return new OutcomeReader(kafka, true);
    }

    /** The next outcomes, as JSON lines; empty if none came within {@code timeout}. */
    List<String> poll(Duration timeout) {
        List<String> lines = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            lines.add(render(record));
        }
        return lines;
    }

    Optional<String> awaitOutcomeOf(String requestId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (decode(record) instanceof GenericRecord outcome
                        && requestId.equals(String.valueOf(outcome.get("requestId")))) {
                    return Optional.of(render(record));
                }
            }
        }
        return Optional.empty();
    }

    private String render(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode line = JSON.createObjectNode()
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset())
                .put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        try {
            line.set("value", JSON.readTree(String.valueOf(deserializer.deserialize(record.topic(),
                    record.headers(), record.value()))));
        } catch (SerializationException | IOException e) {
            line.put("error", "unreadable value: " + e.getMessage());
        }
        return line.toString();
    }

    /** The outcome as a generic record; null if it cannot be read (it is then shown with the error). */
    private Object decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
        deserializer.close();
    }
}
