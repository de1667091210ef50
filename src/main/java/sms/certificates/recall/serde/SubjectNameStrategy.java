package sms.certificates.recall.serde;

import java.util.Arrays;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's subject name strategies, named in configuration by Confluent's class name or by its simple name. */
enum SubjectNameStrategy {

    /** {@code <topic>-key} or {@code <topic>-value}: the default. */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name, so one subject serves the record type in every topic. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return recordName(schema);
        }
    },
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + recordName(schema);
        }
    };

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String simpleName;

    SubjectNameStrategy(String simpleName) {
        this.simpleName = simpleName;
    }

    abstract String subject(String topic, boolean isKey, Schema schema);

    static Optional<SubjectNameStrategy> named(String name) {
        String simple = name.startsWith(CONFLUENT_PACKAGE) ? name.substring(CONFLUENT_PACKAGE.length()) : name;
        return Arrays.stream(values()).filter(strategy -> strategy.simpleName.equals(simple)).findFirst();
    }

    private static String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new SerializationException(
                    "The record name subject strategies need a record schema, not " + schema.getType().getName() + ": " + schema);
        }
        return schema.getFullName();
    }

    @Override
    public String toString() {
        return CONFLUENT_PACKAGE + simpleName;
    }
}
