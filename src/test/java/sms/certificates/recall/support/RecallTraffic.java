package sms.certificates.recall.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.awaitility.Awaitility;

import sms.certificates.Actor;
import sms.certificates.CertificateRecalled;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRejected;
import sms.certificates.RecallRequested;
import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.serde.KafkaAvroDeserializer;
import sms.certificates.recall.serde.KafkaAvroSerializer;

/**
 * What the staff UIs and the downstream consumers do, for tests: send {@code RecallRequested} the Confluent way, and
 * read outcomes and dead letters as a {@code read_committed} consumer would (an {@link OutcomeLog}).
 */
public final class RecallTraffic implements AutoCloseable {

    private final RecallTopics topics;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<Object> serializer = new KafkaAvroSerializer();
    private final Deserializer<Object> deserializer = new KafkaAvroDeserializer();
    private final OutcomeLog log;

    public RecallTraffic(String bootstrapServers, String registryUrl, RecallTopics topics) {
        this.topics = topics;
        Map<String, Object> serde = Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true);
        serializer.configure(serde, false);
        deserializer.configure(serde, false);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
        log = new OutcomeLog(bootstrapServers, registryUrl, topics);
    }

    /** A well-formed request for the document, keyed by its enrolment. */
    public static RecallRequested request(String tenantId, String certificateId, String studentId,
            String enrolmentId) {
        return RecallRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setCertificateId(certificateId)
                .setStudentId(studentId)
                .setEnrolmentId(enrolmentId)
                .setReasonCategory(RecallReasonCategory.ISSUED_IN_ERROR)
                .setReason("Issued with the wrong qualification code")
                .setConfirmation("RECALL")
                .setRequestedBy(new Actor("staff-1", "Pat Registrar", "Registrar"))
                .setRequestedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .build();
    }

    public void send(RecallRequested request) {
        send(request.getEnrolmentId().getBytes(StandardCharsets.UTF_8), request);
    }

    public void send(byte[] key, RecallRequested request) {
        sendRaw(key, serialize(request));
    }

    /** Sends with the given record headers, such as a W3C {@code traceparent}. */
    public void send(RecallRequested request, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.requested(),
                request.getEnrolmentId().getBytes(StandardCharsets.UTF_8),
                serialize(request));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
        producer.flush();
    }

    public void sendRaw(byte[] key, byte[] value) {
        sendRaw(null, key, value);
    }

    public void sendRaw(Integer partition, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topics.requested(), partition, key, value));
        producer.flush();
    }

    /** The request as a producer sends it to the request topic. */
    public byte[] serialize(RecallRequested request) {
        return serializer.serialize(topics.requested(), request);
    }

    /** Serialized for another topic: its schema registered under that topic's subject. */
    public byte[] serialize(String topic, Object value) {
        return serializer.serialize(topic, value);
    }

    /** Every committed outcome record for the request, once at least one has arrived. */
    public List<ConsumerRecord<byte[], byte[]>> outcomeRecords(String requestId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !log.of(requestId).isEmpty());
        return log.of(requestId).stream().map(OutcomeLog.Outcome::record).toList();
    }

    /** The single outcome of the request; fails if there is more than one. */
    public Object outcome(String requestId) {
        List<ConsumerRecord<byte[], byte[]>> records = outcomeRecords(requestId);
        if (records.size() != 1) {
            throw new AssertionError(records.size() + " outcome records for request " + requestId);
        }
        return decode(records.get(0));
    }

    public RecallRejected rejection(RecallRequested request) {
        return (RecallRejected) outcome(request.getRequestId());
    }

    public CertificateRecalled recall(RecallRequested request) {
        return (CertificateRecalled) outcome(request.getRequestId());
    }

    public List<ConsumerRecord<byte[], byte[]>> deadLetters(Predicate<ConsumerRecord<byte[], byte[]>> which,
            int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterRecords().stream()
                .filter(which).count() >= expected);
        return deadLetterRecords().stream().filter(which).toList();
    }

    public List<ConsumerRecord<byte[], byte[]>> deadLetterRecords() {
        return log.deadLetters();
    }

    public Object decode(ConsumerRecord<byte[], byte[]> record) {
        return deserializer.deserialize(record.topic(), record.headers(), record.value());
    }

    /** Waits for answers to all the requests and returns them in the same order. */
    public List<Object> outcomes(Collection<RecallRequested> requests) {
        List<Object> outcomes = new ArrayList<>();
        requests.forEach(request -> outcomes.add(outcome(request.getRequestId())));
        return outcomes;
    }

    public static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(Objects.requireNonNull(record.key()), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        log.close();
        producer.close();
        serializer.close();
        deserializer.close();
    }
}
