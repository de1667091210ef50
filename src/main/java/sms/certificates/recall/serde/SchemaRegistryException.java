package sms.certificates.recall.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry call that failed: {@code httpStatus} and Confluent's {@code errorCode} (such as 40401 subject
 * not found, 40403 schema not found, 409 incompatible, 42201 invalid schema) as the registry reported them, or -1
 * when there was no response.
 */
final class SchemaRegistryException extends SerializationException {

    static final int SUBJECT_NOT_FOUND = 40401;
    static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    SchemaRegistryException(String message, int httpStatus, int errorCode) {
        this(message, httpStatus, errorCode, null);
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }
}
