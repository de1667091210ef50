package sms.certificates.recall.intake;

import java.util.Map;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Spring's {@link ErrorHandlingDeserializer}, configured the same way (the delegate named by
 * {@code spring.deserializer.value.delegate.class}), that also refuses values over {@value #MAX_RECORD_BYTES} bytes
 * before decoding them: they reach the listener as failed records, with their bytes, and are dead-lettered. No valid
 * request comes near the limit; decoding absurdly large ones is how memory runs out.
 */
public class SizeLimitedDeserializer extends ErrorHandlingDeserializer<Object> {

    /** The consumer property holding the limit; set from {@code recall.intake.max-record-bytes}. */
    public static final String MAX_RECORD_BYTES = "recall.max.record.bytes";

    private int maxRecordBytes = Integer.MAX_VALUE;
    private boolean forKey;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        super.configure(configs, isKey);
        forKey = isKey;
        Object limit = configs.get(MAX_RECORD_BYTES);
        if (limit != null) {
            maxRecordBytes = Integer.parseInt(limit.toString().trim());
        }
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data != null && data.length > maxRecordBytes) {
            SerializationUtils.deserializationException(headers, data, new RecordTooLargeException("A record of "
                    + data.length + " bytes is over the limit of " + maxRecordBytes + " bytes (recall.intake"
                    + ".max-record-bytes): not read"), forKey);
            return null;
        }
        return super.deserialize(topic, headers, data);
    }
}
