package sms.certificates.recall.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import sms.certificates.CertificateRecalled;
import sms.certificates.RecallRejected;
import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.serde.KafkaAvroDeserializer;

/**
 * Everything downstream consumers see: the outcome topics and the dead-letter topic read from the start, with
 * {@code isolation.level=read_committed}, each record kept with the moment it became visible.
 * <p>
 * The reader belongs to no group: a group's rebalance while the broker restarts would send it back to a stale
 * committed offset, and records read twice would look like outcomes published twice. For the same reason a record
 * is kept once per position (topic, partition, offset), however often the reader meets it.
 */
public final class OutcomeLog implements AutoCloseable {

    /** The {@code result} of a {@code CertificateRecalled}. */
    public static final String RECALLED = "RECALLED";

    /** One outcome record; {@code result} is {@code RECALLED} or the rejection code, {@code message} the rejection's. */
    public record Outcome(ConsumerRecord<byte[], byte[]> record, String requestId, UUID eventId, String result,
            String certificateId, String message, Instant requestedAt, Instant visibleAt) {
    }

    private final Map<String, List<Outcome>> byRequest = new ConcurrentHashMap<>();
    // not copy-on-write: a benchmark adds a hundred thousand
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> positions = ConcurrentHashMap.newKeySet();
    private final AtomicLong rereads = new AtomicLong();
    private final Thread reader;
    private volatile boolean reading = true;

    public OutcomeLog(String bootstrapServers, String registryUrl, RecallTopics topics) {
        Deserializer<Object> deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = Stream.of(topics.recalled(), topics.rejected(), topics.deadLetter())
                .flatMap(topic -> partitionsOf(consumer, topic).stream()).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(() -> {
            try (consumer; deserializer) {
                while (reading) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        if (!positions.add(record.topic() + "-" + record.partition() + "@" + record.offset())) {
                            rereads.incrementAndGet();
                        } else if (record.topic().equals(topics.deadLetter())) {
                            deadLetters.add(record);
                        } else {
                            add(record, deserializer.deserialize(record.topic(), record.headers(), record.value()));
                        }
                    }
                }
            }
        }, "outcome-log");
        reader.setDaemon(true);
        reader.start();
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist: create it before reading it");
        }
        return partitions.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void add(ConsumerRecord<byte[], byte[]> record, Object value) {
        Instant now = Instant.now();
        Outcome outcome;
        if (value instanceof CertificateRecalled recalled) {
            outcome = new Outcome(record, recalled.getRequestId().toString(), recalled.getEventId(),
                    RECALLED, recalled.getCertificateId(), null, recalled.getRequestedAt(), now);
        } else {
            RecallRejected rejected = (RecallRejected) value;
            outcome = new Outcome(record, rejected.getRequestId(), rejected.getEventId(), rejected.getCode().name(),
                    rejected.getCertificateId(), rejected.getMessage(), rejected.getRequestedAt(), now);
        }
        outcomes.add(outcome);
        byRequest.computeIfAbsent(outcome.requestId().toLowerCase(), id -> new CopyOnWriteArrayList<>())
                .add(outcome);
    }

    /** Every outcome record so far, in the order they became visible. */
    public List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** The outcome records of a request (its id compared case-insensitively, as the worker does for UUIDs). */
    public List<Outcome> of(String requestId) {
        return byRequest.getOrDefault(requestId.toLowerCase(), List.of());
    }

    /** Records the reader met again at a position it had read (after a reset to the start), not counted again. */
    public long rereads() {
        return rereads.get();
    }

    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /** Waits until every request has an outcome; returns the ones still unanswered at the deadline. */
    public List<String> awaitAnswers(Collection<String> requestIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> missing = new ArrayList<>(requestIds);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            missing.removeIf(id -> !of(id).isEmpty());
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return missing;
    }

    /** Waits until nothing new has arrived for {@code quiet}: stragglers such as re-published answers. */
    public void awaitQuiet(Duration quiet) {
        int seen = -1;
        while (seen != outcomes.size() + deadLetters.size()) {
            seen = outcomes.size() + deadLetters.size();
            LockSupport.parkNanos(quiet.toNanos());
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading = false;
        reader.join(10_000);
    }
}
