package sms.certificates.recall.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro data the way Confluent's {@code io.confluent.kafka.serializers.KafkaAvroSerializer} does, with
 * the same configuration keys: the writer schema is registered (or looked up) under the subject its strategy
 * names, and each message is {@code 0x00}, the schema id as a 4-byte big-endian int, then plain Avro binary.
 * Accepts generated {@code SpecificRecord}s, {@code GenericRecord}s, enums, fixed and Avro's primitives; null
 * stays null. Thread-safe, as a producer's serializer must be: after the first message of each schema and topic
 * it makes no registry call.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private final SchemaRegistryClient injectedRegistry;
    private final Map<WriterKey, FramedWriter> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<OutputBuffer> buffers = ThreadLocal.withInitial(OutputBuffer::new);
    private volatile SerdeSettings configured;

    public KafkaAvroSerializer() {
        this(null);
    }

    /** Uses {@code registry} as it is, instead of the client {@code schema.registry.url} would select. */
    KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.injectedRegistry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        writers.clear();
        configured = SerdeSettings.configure(configs, isKey, injectedRegistry);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        FramedWriter writer = writer(topic, AvroSchemas.schemaOf(data), data.getClass());
        try {
            return writer.write(data, buffers.get());
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message for topic '" + topic + "' with schema id "
                    + writer.schemaId() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        writers.clear();
        buffers.remove();
    }

    private FramedWriter writer(String topic, Schema schema, Class<?> datumType) {
        return Caches.getOrFetch(writers, new WriterKey(topic, schema, datumType),
                () -> newWriter(topic, schema, datumType));
    }

    private FramedWriter newWriter(String topic, Schema schema, Class<?> datumType) {
        SerdeSettings settings = SerdeSettings.require(configured, KafkaAvroSerializer.class);
        SerdeConfig config = settings.config();
        String subject = config.subjectNameStrategy().subject(topic, settings.isKey(), schema);
        try {
            if (config.autoRegisterSchemas()) {
                return FramedWriter.create(settings.registry().register(subject, schema), schema, datumType);
            }
            if (config.useLatestVersion()) {
                RegisteredSchema latest = settings.registry().latestVersion(subject);
                return FramedWriter.create(latest.id(), latest.schema(), datumType);
            }
            return FramedWriter.create(settings.registry().idOf(subject, schema), schema, datumType);
        } catch (SerializationException e) {
            throw new SerializationException("Error " + (config.autoRegisterSchemas() ? "registering" : "retrieving")
                    + " Avro schema for subject '" + subject + "' (topic '" + topic + "'): " + e.getMessage(), e);
        }
    }

    /** The data's class is part of the key: generic and generated data of one schema need different writers. */
    private record WriterKey(String topic, Schema schema, Class<?> datumType) {
    }
}
