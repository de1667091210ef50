package sms.certificates.recall.intake;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The dead-letter exception headers ({@code kafka_dlt-exception-fqcn}, {@code -cause-fqcn}, {@code -message}) name
 * what made the record unreadable, such as {@code SerializationException: Unknown magic byte!}, instead of Spring's
 * {@code DeserializationException: failed to deserialize} wrapped around it.
 */
class UnreadableRecordHeaders implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    @Override
    public void create(Headers headers, Exception exception, boolean isKey,
            DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable failure = exception instanceof DeserializationException && exception.getCause() != null
                ? exception.getCause() : exception;
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), failure.getClass().getName());
        replace(headers, info.getExceptionCauseFqcn(), root.getClass().getName());
        replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                String.valueOf(failure.getMessage()));
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
