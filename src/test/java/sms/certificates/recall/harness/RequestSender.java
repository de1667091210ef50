package sms.certificates.recall.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import sms.certificates.recall.serde.KafkaAvroSerializer;

/** Sends requests as the staff UIs would, optionally at a fixed rate, from a thread of its own. */
public final class RequestSender implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<Object> serializer = new KafkaAvroSerializer();
    private final String topic;
    private final AtomicInteger sent = new AtomicInteger();
    private Thread thread;

    RequestSender(String bootstrapServers, String registryUrl, String topic) {
        this.topic = topic;
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A record sent as it is: poison, say. */
    public record Raw(byte[] key, byte[] value) {
    }

    /**
     * Starts sending the requests (or {@link Raw} records), then the ones to send twice, at {@code perSecond}
     * (0: as fast as possible). {@code requestedAt} is set when each request is sent.
     */
    public RequestSender start(List<?> requests, List<?> resent, int perSecond) {
        thread = new Thread(() -> {
            Instant started = Instant.now();
            int index = 0;
            for (List<?> batch : List.of(requests, resent)) {
                for (Object request : batch) {
                    if (perSecond > 0) {
                        Instant due = started.plusNanos(index * 1_000_000_000L / perSecond);
                        Duration wait = Duration.between(Instant.now(), due);
                        if (!wait.isNegative()) {
                            Processes.sleep(wait);
                        }
                    }
                    if (request instanceof Raw raw) {
                        sendRaw(raw.key(), raw.value());
                    } else {
                        send((Workload.Request) request);
                    }
                    index++;
                }
            }
            producer.flush();
        }, "request-sender");
        thread.start();
        return this;
    }

    private void send(Workload.Request request) {
        request.message().setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        sendRaw(request.key(), serializer.serialize(topic, request.message()));
    }

    private void sendRaw(byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
        sent.incrementAndGet();
    }

    public int sent() {
        return sent.get();
    }

    public boolean isSending() {
        return thread.isAlive();
    }

    public void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public byte[] serialize(Object value) {
        return serializer.serialize(topic, value);
    }

    /** Serialized as for another topic: its schema registered under that topic's subject. */
    public byte[] serialize(String otherTopic, Object value) {
        return serializer.serialize(otherTopic, value);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        serializer.close();
    }
}
