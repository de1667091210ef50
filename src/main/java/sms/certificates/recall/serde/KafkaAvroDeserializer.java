package sms.certificates.recall.serde;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes what Confluent's {@code io.confluent.kafka.serializers.KafkaAvroSerializer} writes, as its
 * {@code KafkaAvroDeserializer} does and with the same configuration keys. The writer schema is named by the last
 * {@code __value_schema_id} (or {@code __key_schema_id}) header if there is one, else by the payload's 5-byte
 * prefix, and fetched from the registry once. The result is a {@code GenericRecord} (or a primitive) in the writer
 * schema; with {@code use.latest.version=true} in the subject's latest schema; with
 * {@code specific.avro.reader=true} an instance of the generated class named like the writer schema, or of the class
 * {@code specific.avro.value.type} (or {@code .key.type}) names, whatever the writer schema's name.
 *
 * <p>Whatever the bytes, the outcome is a datum or a {@link SerializationException} naming the topic and schema:
 * payloads are decoded from the byte array, so Avro 1.12 rejects a length that claims more bytes than remain
 * before allocating anything.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private final SchemaRegistryClient injectedRegistry;
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private volatile SerdeSettings configured;

    public KafkaAvroDeserializer() {
        this(null);
    }

    /** Uses {@code registry} as it is, instead of the client {@code schema.registry.url} would select. */
    KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.injectedRegistry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        readers.clear();
        configured = SerdeSettings.configure(configs, isKey, injectedRegistry);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        SerdeSettings settings = SerdeSettings.require(configured, KafkaAvroDeserializer.class);
        Header header = headers == null ? null : headers.lastHeader(settings.schemaIdHeader());
        if (header != null) {
            return read(settings, topic, WireFormat.referenceInHeader(header.key(), header.value()), data, 0);
        }
        return read(settings, topic, WireFormat.referenceInPrefix(data), data, WireFormat.PREFIX_SIZE);
    }

    @Override
    public void close() {
        readers.clear();
        decoders.remove();
    }

    private Object read(SerdeSettings settings, String topic, SchemaReference reference, byte[] data, int offset) {
        Schema writer = writerSchema(settings, topic, reference);
        if (writer.getType() == Schema.Type.BYTES) {
            return Arrays.copyOfRange(data, offset, data.length);
        }
        DatumReader<Object> reader = reader(settings, topic, reference, writer);
        try {
            BinaryDecoder reused = decoders.get();
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, data.length - offset, reused);
            if (decoder != reused) {
                decoders.set(decoder);
            }
            Object datum = reader.read(null, decoder);
            return writer.getType() == Schema.Type.STRING ? datum.toString() : datum;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: a recursive schema and a payload nesting it deeper than the stack allows
            throw failure("deserializing Avro message", topic, reference, e);
        }
    }

    private static Schema writerSchema(SerdeSettings settings, String topic, SchemaReference reference) {
        try {
            return reference.resolve(settings.registry());
        } catch (SerializationException e) {
            throw failure("retrieving Avro writer schema", topic, reference, e);
        }
    }

    private DatumReader<Object> reader(SerdeSettings settings, String topic, SchemaReference reference, Schema writer) {
        return Caches.getOrFetch(readers, new ReaderKey(topic, writer), () -> {
            try {
                return newReader(settings, topic, writer);
            } catch (ApiException | InterruptException e) {
                throw e; // the registry refused us, or we were interrupted: not a problem of this message
            } catch (RuntimeException e) {
                throw failure("finding the Avro reader schema", topic, reference, e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static DatumReader<Object> newReader(SerdeSettings settings, String topic, Schema writer) {
        SerdeConfig config = settings.config();
        if (config.specificAvroReader() && (config.specificType().isPresent() || isNamed(writer))) {
            // With specific.avro.value.type every writer is resolved against that one class; otherwise against the
            // generated class named like the writer schema.
            Class<?> type = config.specificType().or(() -> GeneratedTypes.forSchema(writer)).orElseThrow(() -> new SerializationException("No generated Avro class "
                    + SpecificData.getClassName(writer) + " on the classpath for " + SerdeConfig.SPECIFIC_AVRO_READER + "=true"));
            SpecificData model = SpecificData.getForClass(type);
            Schema readerSchema = model.getSchema(type);
            GeneratedTypes.trustTypesOf(readerSchema);
            return (DatumReader<Object>) model.createDatumReader(writer, readerSchema);
        }
        Schema readerSchema = config.useLatestVersion()
                ? settings.registry().latestVersion(config.subjectNameStrategy().subject(topic, settings.isKey(), writer)).schema()
                : writer;
        return (DatumReader<Object>) GenericData.get().createDatumReader(writer, readerSchema);
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static SerializationException failure(String action, String topic, SchemaReference reference, Throwable cause) {
        String reason = cause instanceof SerializationException ? cause.getMessage() : cause.toString();
        return new SerializationException("Error " + action + " for topic '" + topic + "' with " + reference + ": " + reason, cause);
    }

    private record ReaderKey(String topic, Schema writer) {
    }
}
