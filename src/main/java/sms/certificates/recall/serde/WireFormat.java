package sms.certificates.recall.serde;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing: {@code 0x00}, then the schema id as a big-endian int, then plain Avro binary. Since
 * Confluent 8 the schema may instead be named by a {@code __value_schema_id} / {@code __key_schema_id} record
 * header holding {@code 0x01} and a 16-byte GUID (most significant long first), with no prefix on the payload.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x0;
    static final byte GUID_MAGIC_BYTE = 0x1;
    static final int PREFIX_SIZE = 5;
    static final int GUID_HEADER_SIZE = 17;
    static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
    static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";

    private static final String UNKNOWN_MAGIC_BYTE = "Unknown magic byte!";

    private WireFormat() {
    }

    static String schemaIdHeader(boolean isKey) {
        return isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER;
    }

    static SchemaReference referenceInPrefix(byte[] payload) {
        if (payload.length < PREFIX_SIZE || payload[0] != MAGIC_BYTE) {
            throw new SerializationException(UNKNOWN_MAGIC_BYTE);
        }
        return new SchemaReference.Id(ByteBuffer.wrap(payload, 1, 4).getInt());
    }

    /** A schema id header: a GUID as Confluent writes it, or (also accepted by Confluent) {@code 0x00} and an id. */
    static SchemaReference referenceInHeader(String headerName, byte[] value) {
        if (value == null || value.length == 0 || value[0] != GUID_MAGIC_BYTE && value[0] != MAGIC_BYTE) {
            throw new SerializationException(UNKNOWN_MAGIC_BYTE + " (in header " + headerName + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value, 1, value.length - 1);
        if (value[0] == GUID_MAGIC_BYTE && value.length == GUID_HEADER_SIZE) {
            return new SchemaReference.Guid(new UUID(buffer.getLong(), buffer.getLong()));
        }
        if (value[0] == MAGIC_BYTE && value.length == PREFIX_SIZE) {
            return new SchemaReference.Id(buffer.getInt());
        }
        throw new SerializationException("Invalid header " + headerName + ": " + value.length + " bytes for magic byte " + value[0]);
    }

    static void writePrefix(byte[] into, int schemaId) {
        into[0] = MAGIC_BYTE;
        into[1] = (byte) (schemaId >>> 24);
        into[2] = (byte) (schemaId >>> 16);
        into[3] = (byte) (schemaId >>> 8);
        into[4] = (byte) schemaId;
    }
}
