package sms.certificates.recall.serde;

import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The writer schema of a datum, by Avro's rules: its own schema for records, enums and fixed, else a primitive. */
final class AvroSchemas {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroSchemas() {
    }

    static Schema schemaOf(Object datum) {
        if (datum instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (datum instanceof CharSequence) {
            return STRING;
        }
        if (datum instanceof Integer) {
            return INT;
        }
        if (datum instanceof Long) {
            return LONG;
        }
        if (datum instanceof byte[] || datum instanceof ByteBuffer) {
            return BYTES;
        }
        if (datum instanceof Boolean) {
            return BOOLEAN;
        }
        if (datum instanceof Double) {
            return DOUBLE;
        }
        if (datum instanceof Float) {
            return FLOAT;
        }
        throw new SerializationException("Cannot serialize a " + datum.getClass().getName()
                + " with Avro: expected a record, enum or fixed (GenericContainer), CharSequence, Integer, Long, Float, Double, Boolean, byte[] or ByteBuffer");
    }

    /** The bytes of a top-level {@code bytes} datum, which Confluent frames without Avro's length prefix. */
    static byte[] bytesOf(Object datum) {
        if (datum instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
