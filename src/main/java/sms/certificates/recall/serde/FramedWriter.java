package sms.certificates.recall.serde;

import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Writes data of one Java type with one registered schema: the 5-byte prefix, then the Avro binary. Thread-safe. */
final class FramedWriter {

    private final int schemaId;
    /** Absent for a top-level {@code bytes} schema: Confluent writes those bytes as they are. */
    private final DatumWriter<Object> datumWriter;

    private FramedWriter(int schemaId, DatumWriter<Object> datumWriter) {
        this.schemaId = schemaId;
        this.datumWriter = datumWriter;
    }

    /** Generated classes are written through their own {@code SpecificData}, which knows their logical-type conversions. */
    @SuppressWarnings("unchecked")
    static FramedWriter create(int schemaId, Schema schema, Class<?> datumType) {
        if (schema.getType() == Schema.Type.BYTES) {
            return new FramedWriter(schemaId, null);
        }
        GenericData model = SpecificRecord.class.isAssignableFrom(datumType) || datumType.isEnum()
                ? SpecificData.getForClass(datumType)
                : GenericData.get();
        return new FramedWriter(schemaId, (DatumWriter<Object>) model.createDatumWriter(schema));
    }

    int schemaId() {
        return schemaId;
    }

    byte[] write(Object datum, OutputBuffer buffer) throws IOException {
        buffer.startMessage(schemaId);
        if (datumWriter == null) {
            buffer.write(AvroSchemas.bytesOf(datum));
        } else {
            datumWriter.write(datum, buffer.encoder());
        }
        return buffer.toByteArray();
    }
}
