package sms.certificates.recall.serde;

import java.io.OutputStream;
import java.util.Arrays;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A growable, unsynchronized byte buffer with an Avro encoder writing into it: one per serializing thread, reused
 * for every message. A buffer grown beyond {@link #RETAINED_CAPACITY} by a large message is dropped afterwards.
 */
final class OutputBuffer extends OutputStream {

    private static final int INITIAL_CAPACITY = 512;
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;
    private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

    /** Empties the buffer and writes Confluent's 5-byte prefix. */
    void startMessage(int schemaId) {
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
        WireFormat.writePrefix(bytes, schemaId);
        size = WireFormat.PREFIX_SIZE;
    }

    /** Writes straight into the buffer: needs no flush. */
    BinaryEncoder encoder() {
        return encoder;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int b) {
        ensureCapacity(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureCapacity(size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
