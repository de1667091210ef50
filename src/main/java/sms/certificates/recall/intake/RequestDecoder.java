package sms.certificates.recall.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import sms.certificates.RecallRequested;

/**
 * Reads a record's bytes as a {@code RecallRequested} with the configured Avro deserializer, telling apart a record
 * that cannot be read (to be dead-lettered) from a registry that cannot be reached (the batch waits and retries).
 * Shared by the listener threads: the deserializer must be thread-safe, as the project's and Confluent's are.
 */
class RequestDecoder implements AutoCloseable {

    private final Deserializer<Object> deserializer;
    private final int maxRecordBytes;

    RequestDecoder(Deserializer<Object> deserializer, int maxRecordBytes) {
        this.deserializer = deserializer;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The request; {@link Unreadable} if the record cannot be read as one; anything else is transient. */
    RecallRequested decode(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            throw new Unreadable(new SerializationException("Empty record (tombstone): there is no RecallRequested"));
        }
        if (value.length > maxRecordBytes) {
            // Not decoded at all: no valid request comes near the limit, and decoding absurd ones exhausts memory.
            throw new Unreadable(new RecordTooLargeException("A record of " + value.length + " bytes is over the "
                    + "limit of " + maxRecordBytes + " bytes (recall.intake.max-record-bytes): not read"));
        }
        Object decoded;
        try {
            decoded = deserializer.deserialize(record.topic(), record.headers(), value);
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure;
            }
            throw new Unreadable(failure);
        }
        if (decoded instanceof RecallRequested request) {
            return request;
        }
        throw new Unreadable(new SerializationException("The record holds a "
                + (decoded == null ? "null value" : decoded.getClass().getName()) + ", not a RecallRequested"));
    }

    @Override
    public void close() {
        deserializer.close();
    }

    /** The record cannot be read as a request: {@code getCause()} says why. */
    static final class Unreadable extends RuntimeException {

        Unreadable(Exception cause) {
            super(cause.getMessage(), cause);
        }

        Exception reason() {
            return (Exception) getCause();
        }
    }
}
