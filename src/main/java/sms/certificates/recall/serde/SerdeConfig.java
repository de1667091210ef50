package sms.certificates.recall.serde;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/** The serializer's and deserializer's settings, under Confluent's key names. */
record SerdeConfig(
        RegistryClientConfig registry,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        SubjectNameStrategy subjectNameStrategy) {

    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String USE_LATEST_VERSION = "use.latest.version";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    static SerdeConfig parse(Map<String, ?> configs, boolean isKey) {
        ConfigReader reader = new ConfigReader(configs);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        SubjectNameStrategy strategy = reader.className(strategyKey)
                .map(name -> SubjectNameStrategy.named(name).orElseThrow(() -> new ConfigException(strategyKey, name,
                        "must be TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy (simple or io.confluent.kafka.serializers.subject.* name)")))
                .orElse(SubjectNameStrategy.TOPIC_NAME);
        return new SerdeConfig(
                RegistryClientConfig.from(reader),
                reader.bool(AUTO_REGISTER_SCHEMAS, true),
                reader.bool(USE_LATEST_VERSION, false),
                reader.bool(SPECIFIC_AVRO_READER, false),
                strategy);
    }
}
