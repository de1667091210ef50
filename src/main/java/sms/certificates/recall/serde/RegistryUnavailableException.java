package sms.certificates.recall.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The cause of a {@link SchemaRegistryException} when the registry could not answer (unreachable, timed out, 408,
 * 429 or 5xx after the retries): the message may well be readable once the registry is back, so a consumer that
 * walks the cause chain for a {@link RetriableException} retries instead of giving the record up.
 */
final class RegistryUnavailableException extends RetriableException {

    RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
