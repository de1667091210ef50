package sms.certificates.recall.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sms.certificates.recall.serde.TestData.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SerdeConfigTest {

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                Arguments.of(Map.of(), "schema.registry.url"),
                Arguments.of(Map.of("schema.registry.url", " "), "schema.registry.url"),
                Arguments.of(config("ftp://registry:8081"), "schema.registry.url"),
                Arguments.of(config("registry:8081"), "schema.registry.url"),
                Arguments.of(config("mock://a,http://registry:8081"), "schema.registry.url"),
                Arguments.of(config("mock://a", "auto.register.schemas", "yes"), "auto.register.schemas"),
                Arguments.of(config("mock://a", "schema.registry.use.latest.version", "maybe"), "schema.registry.use.latest.version"),
                Arguments.of(config("mock://a", "specific.avro.reader", 1), "specific.avro.reader"),
                Arguments.of(config("mock://a", "auto.register.schemas", "true", "schema.registry.auto.register.schemas", "false"),
                        "schema.registry.auto.register.schemas"),
                Arguments.of(config("mock://a", "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.NoSuchStrategy"),
                        "value.subject.name.strategy"),
                Arguments.of(config("mock://a", "max.retries", -1), "max.retries"),
                Arguments.of(config("mock://a", "retries.wait.ms", "soon"), "retries.wait.ms"),
                Arguments.of(config("mock://a", "http.read.timeout.ms", 0), "http.read.timeout.ms"),
                Arguments.of(config("mock://a", "schema.registry.http.connect.timeout.ms", 1.5), "schema.registry.http.connect.timeout.ms"),
                Arguments.of(config("mock://a", "basic.auth.credentials.source", "SASL_INHERIT"), "basic.auth.credentials.source"),
                Arguments.of(config("mock://a", "basic.auth.credentials.source", "USER_INFO"), "basic.auth.user.info"),
                Arguments.of(config("mock://a", "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "no-colon"),
                        "basic.auth.user.info"),
                Arguments.of(config("mock://a", "bearer.auth.credentials.source", "OAUTHBEARER"), "bearer.auth.credentials.source"),
                Arguments.of(config("mock://a", "bearer.auth.credentials.source", "STATIC_TOKEN"), "bearer.auth.token"),
                Arguments.of(config("mock://a", "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p",
                        "bearer.auth.token", "t"), "bearer.auth.token"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidConfigs")
    void configureFailsNamingTheKey(Map<String, Object> config, String key) {
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(config, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key);
        assertThatThrownBy(() -> new KafkaAvroDeserializer().configure(config, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }

    @Test
    void theKeyStrategyIsReadOnlyForKeys() {
        Map<String, Object> config = config("mock://a", "key.subject.name.strategy", "Nope");

        new KafkaAvroSerializer().configure(config, false);
        assertThatThrownBy(() -> new KafkaAvroSerializer().configure(config, true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key.subject.name.strategy");
    }

    @Test
    void aSpecificTypeMustBeAGeneratedClass() {
        assertThatThrownBy(() -> SerdeConfig.parse(config("mock://a", "specific.avro.value.type", "no.such.Type"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.value.type");
        assertThatThrownBy(() -> SerdeConfig.parse(config("mock://a", "specific.avro.key.type", "java.lang.String"), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.key.type");
        assertThat(SerdeConfig.parse(config("mock://a", "specific.avro.value.type", "sms.certificates.RecallRequested"), false)
                .specificType()).contains(sms.certificates.RecallRequested.class);
    }

    @Test
    void defaults() {
        SerdeConfig config = SerdeConfig.parse(config("http://registry:8081"), false);

        assertThat(config).isEqualTo(new SerdeConfig(
                new RegistryClientConfig(List.of(URI.create("http://registry:8081")), java.util.Optional.empty(), java.util.Optional.empty(),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20))),
                true, false, false, java.util.Optional.empty(), SubjectNameStrategy.TOPIC_NAME));
    }

    @Test
    void acceptsConfluentNamesPrefixedKeysAndTypedValues() {
        SerdeConfig config = SerdeConfig.parse(Map.of(
                "schema.registry.url", List.of("https://a.example:8081/", " https://b.example/apis/ccompat/v7 "),
                "schema.registry.auto.register.schemas", false,
                "use.latest.version", "TRUE",
                "specific.avro.reader", "true",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
                "key.subject.name.strategy", "RecordNameStrategy",
                "schema.registry.max.retries", 0,
                "http.read.timeout.ms", "1500",
                "bearer.auth.token", "secret-token"), true);

        assertThat(config.registry().baseUrls()).containsExactly(URI.create("https://a.example:8081"), URI.create("https://b.example/apis/ccompat/v7"));
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.subjectNameStrategy()).isEqualTo(SubjectNameStrategy.RECORD_NAME);
        assertThat(config.registry().retryPolicy().maxRetries()).isZero();
        assertThat(config.registry().readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.registry().authorization()).contains(Authorization.bearer("secret-token"));
        assertThat(config.registry().toString()).doesNotContain("secret-token");
    }

    @Test
    void basicAuthFromTheUrlIsTakenOutOfTheUrl() {
        RegistryClientConfig config = SerdeConfig.parse(config("http://user:pa%3Ass@registry:8081/prefix"), false).registry();

        assertThat(config.baseUrls()).containsExactly(URI.create("http://registry:8081/prefix"));
        assertThat(config.authorization()).contains(Authorization.basic("user:pa:ss"));
    }

    @Test
    void aMockUrlNamesAScope() {
        assertThat(SerdeConfig.parse(config("mock://my-scope"), false).registry().mockScope()).contains("my-scope");
    }

    @Test
    void strategiesAreAcceptedAsClassesToo() {
        assertThat(SubjectNameStrategy.named("io.confluent.kafka.serializers.subject.TopicNameStrategy")).contains(SubjectNameStrategy.TOPIC_NAME);
        assertThat(SubjectNameStrategy.named("TopicRecordNameStrategy")).contains(SubjectNameStrategy.TOPIC_RECORD_NAME);
        assertThat(new ConfigReader(Map.of("value.subject.name.strategy", String.class)).className("value.subject.name.strategy"))
                .contains("java.lang.String");
    }
}
