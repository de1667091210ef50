package sms.certificates.recall.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sms.certificates.recall.serde.TestData.USER;
import static sms.certificates.recall.serde.TestData.config;
import static sms.certificates.recall.serde.TestData.deserializer;
import static sms.certificates.recall.serde.TestData.hex;
import static sms.certificates.recall.serde.TestData.recallRequested;
import static sms.certificates.recall.serde.TestData.serializer;
import static sms.certificates.recall.serde.TestData.user;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sms.certificates.RecallRequested;
import sms.certificates.recall.support.LocalSchemaRegistryServer;

/** The serdes and the HTTP client against a Confluent-compatible registry over real HTTP. */
class HttpSchemaRegistryTest {

    private static final String TOPIC = "recall-requests";
    private static final String SUBJECT_PATH = "/subjects/" + TOPIC + "-value";

    private final LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(0);

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private Map<String, Object> fastRetries(String url, Object... more) {
        Map<String, Object> config = config(url, more);
        config.put("retries.wait.ms", 5);
        config.put("retries.max.wait.ms", 20);
        return config;
    }

    @Test
    void registersThenReadsBackByIdWithTheConfluentHeaders() {
        byte[] bytes = serializer(config(registry.url())).serialize(TOPIC, recallRequested());

        assertThat(bytes).startsWith(0, 0, 0, 0, 1);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isEqualTo(1);
        assertThat(registry.lastRequestHeader("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(deserializer(config(registry.url(), "specific.avro.reader", true)).deserialize(TOPIC, bytes)).isEqualTo(recallRequested());
        assertThat(registry.requestCount("/schemas/ids/1")).isEqualTo(1);
        assertThat(registry.lastRequestHeader("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void looksUpWithoutRegisteringWhenAutoRegisterIsOff() {
        int id = registry.register(TOPIC + "-value", USER.toString());

        byte[] bytes = serializer(config(registry.url(), "auto.register.schemas", false)).serialize(TOPIC, user("alice", 30));

        assertThat(bytes).isEqualTo(hex("00 00 00 00 0" + id + " 0a 61 6c 69 63 65 3c"));
        assertThat(registry.requestCount(SUBJECT_PATH)).isEqualTo(1);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isZero();
    }

    @Test
    void writesWithTheLatestVersionWhenAsked() {
        registry.register(TOPIC + "-value", "\"string\"");
        int latest = registry.register(TOPIC + "-value", USER.toString());

        byte[] bytes = serializer(config(registry.url(), "auto.register.schemas", false, "use.latest.version", true))
                .serialize(TOPIC, user("alice", 30));

        assertThat(bytes).startsWith(0, 0, 0, 0, latest);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions/latest")).isEqualTo(1);
    }

    @Test
    void resolvesASchemaGuidHeader() {
        int id = registry.register("users", USER.toString());
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, TestData.guidHeader(registry.guidOf(id)));

        Object read = deserializer(config(registry.url())).deserialize(TOPIC, headers, hex("0a 61 6c 69 63 65 3c"));

        assertThat(read).isEqualTo(user("alice", 30));
        assertThat(registry.requestCount("/schemas/guids/" + registry.guidOf(id))).isEqualTo(1);
    }

    @Test
    void aSteadyStreamMakesNoFurtherHttpCalls() {
        KafkaAvroSerializer serializer = serializer(config(registry.url()));
        KafkaAvroDeserializer deserializer = deserializer(config(registry.url(), "specific.avro.reader", true));
        deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, recallRequested()));
        int afterFirst = registry.requestCount();

        for (int i = 0; i < 1_000; i++) {
            RecallRequested request = RecallRequested.newBuilder(recallRequested()).setCertificateId("CERT-" + i).build();
            assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, request))).isEqualTo(request);
        }

        assertThat(afterFirst).isEqualTo(2);
        assertThat(registry.requestCount()).isEqualTo(afterFirst);
    }

    @Test
    void unknownSubjectIsReportedWithItsName() {
        KafkaAvroSerializer serializer = serializer(config(registry.url(), "auto.register.schemas", false));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, user("a", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'" + TOPIC + "-value'").hasMessageContaining("40401")
                .cause().isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                });
    }

    @Test
    void schemaNotUnderTheSubjectIs40403() {
        registry.register(TOPIC + "-value", "\"string\"");
        KafkaAvroSerializer serializer = serializer(config(registry.url(), "auto.register.schemas", false));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, user("a", 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("40403").hasMessageContaining(TOPIC + "-value");
    }

    @Test
    void anUnknownIdFailsQuicklyNamingTopicAndIdWithoutRetry() {
        KafkaAvroDeserializer deserializer = deserializer(config(registry.url()));
        long start = System.nanoTime();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex("00 00 00 00 2a 02")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("schema id 42").hasMessageContaining("40403");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(registry.requestCount("/schemas/ids/42")).isEqualTo(1);

        registry.register("late", "\"string\"");
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex("00 00 00 00 2a 02")))
                .as("a miss is not cached: asked again").isInstanceOf(SerializationException.class);
        assertThat(registry.requestCount("/schemas/ids/42")).isEqualTo(2);
    }

    @Test
    void anIncompatibleSchemaIs409() {
        registry.register(TOPIC + "-value", USER.toString());
        org.apache.avro.Schema incompatible = new org.apache.avro.Schema.Parser().parse("""
                {"type":"record","name":"User","namespace":"com.example","fields":[
                  {"name":"name","type":"string"},{"name":"age","type":"int"},{"name":"email","type":"string"}]}""");
        org.apache.avro.generic.GenericRecord user = new org.apache.avro.generic.GenericData.Record(incompatible);
        user.put("name", "a");
        user.put("age", 1);
        user.put("email", "a@example.com");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize(TOPIC, user))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 409").hasMessageContaining("incompatible").hasMessageContaining(TOPIC + "-value");
    }

    @Test
    void anInvalidSchemaIs42201() {
        registry.failNextRequests(1, 422, 42201, "Invalid schema");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize(TOPIC, user("a", 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("42201").hasMessageContaining("Invalid schema");
        assertThat(registry.requestCount()).as("4xx is not retried").isEqualTo(1);
    }

    @Test
    void unauthorizedIsAnAuthenticationException() {
        registry.failNextRequests(1, 401, 40101, "Unauthorized");

        assertThatThrownBy(() -> serializer(config(registry.url())).serialize(TOPIC, user("a", 1)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining(TOPIC + "-value").hasMessageContaining("40101");
    }

    @Test
    void forbiddenIsAnAuthorizationException() {
        registry.failNextRequests(1, 403, 40301, "User is denied operation Read on Schema");

        assertThatThrownBy(() -> deserializer(config(registry.url())).deserialize(TOPIC, hex("00 00 00 00 01 02")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("schema id 1").hasMessageContaining("denied");
    }

    @Test
    void retriesUnavailableThenSucceeds() {
        registry.failNextRequests(2, 503, 50301, "Service unavailable");

        byte[] bytes = serializer(fastRetries(registry.url())).serialize(TOPIC, user("a", 1));

        assertThat(bytes).startsWith(0, 0, 0, 0, 1);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isEqualTo(3);
    }

    @Test
    void retriesTooManyRequestsAndTimeoutStatuses() {
        registry.failNextRequests(1, 429, 429, "Too many requests");
        registry.failNextRequests(1, 408, 408, "Request timeout");

        assertThat(serializer(fastRetries(registry.url())).serialize(TOPIC, user("a", 1))).startsWith(0, 0, 0, 0, 1);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetries() {
        registry.failNextRequests(10, 500, 50001, "Error in the backend data store");

        assertThatThrownBy(() -> serializer(fastRetries(registry.url(), "max.retries", 2)).serialize(TOPIC, user("a", 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("50001").hasMessageContaining(TOPIC + "-value")
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.RetriableException.class);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isEqualTo(3);
    }

    @Test
    void anUnreachableRegistryIsMarkedRetriableAndAnUnknownIdIsNot() throws IOException {
        KafkaAvroDeserializer unreachable = deserializer(fastRetries("http://127.0.0.1:" + unusedPort(), "max.retries", 1));
        assertThatThrownBy(() -> unreachable.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SerializationException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(org.apache.kafka.common.errors.RetriableException.class::isInstance));

        KafkaAvroDeserializer live = deserializer(fastRetries(registry.url()));
        assertThatThrownBy(() -> live.deserialize(TOPIC, new byte[] {0, 0, 0, 0, 7, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("40403")
                .satisfies(e -> assertThat(causes(e)).noneMatch(org.apache.kafka.common.errors.RetriableException.class::isInstance));
    }

    private static java.util.List<Throwable> causes(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    @Test
    void failsOverFromADeadUrlToALiveOne() throws IOException {
        String deadUrl = "http://127.0.0.1:" + unusedPort();

        byte[] bytes = serializer(fastRetries(deadUrl + "," + registry.url())).serialize(TOPIC, user("a", 1));

        assertThat(bytes).startsWith(0, 0, 0, 0, 1);
        assertThat(registry.requestCount(SUBJECT_PATH + "/versions")).isEqualTo(1);
    }

    @Test
    void aReadTimeoutDoesNotHang() {
        registry.delayResponses(Duration.ofSeconds(3));
        KafkaAvroDeserializer deserializer = deserializer(fastRetries(registry.url(), "http.read.timeout.ms", 200, "max.retries", 1));
        long start = System.nanoTime();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex("00 00 00 00 01 02")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 1").hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        registry.requireAuthorization("Basic " + base64("alice:s3cret"));

        byte[] bytes = serializer(config(registry.url(), "basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "alice:s3cret")).serialize(TOPIC, user("a", 1));

        assertThat(bytes).startsWith(0, 0, 0, 0, 1);
    }

    @Test
    void sendsBasicAuthFromTheUrl() {
        registry.requireAuthorization("Basic " + base64("bob:p@ss"));
        String url = registry.url().replace("http://", "http://bob:p%40ss@");

        assertThat(serializer(config(url)).serialize(TOPIC, user("a", 1))).startsWith(0, 0, 0, 0, 1);
    }

    @Test
    void sendsABearerToken() {
        registry.requireAuthorization("Bearer token-123");

        byte[] bytes = serializer(config(registry.url(), "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "token-123"))
                .serialize(TOPIC, user("a", 1));

        assertThat(bytes).startsWith(0, 0, 0, 0, 1);
    }

    @Test
    void honoursAPathPrefixInTheBaseUrl() {
        try (LocalSchemaRegistryServer prefixed = LocalSchemaRegistryServer.start(0, "/apis/ccompat/v7")) {
            byte[] bytes = serializer(config(prefixed.url() + "/")).serialize(TOPIC, user("alice", 30));

            assertThat(deserializer(config(prefixed.url())).deserialize(TOPIC, bytes)).isEqualTo(user("alice", 30));
            assertThat(prefixed.requestCounts()).containsOnlyKeys(SUBJECT_PATH + "/versions", "/schemas/ids/1");
        }
    }

    @Test
    void subjectsAreEscapedInPaths() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(new ConfigReader(config(registry.url()))));

        int id = client.register("odd subject/with+chars", USER);

        assertThat(client.latestVersion("odd subject/with+chars")).isEqualTo(new RegisteredSchema("odd subject/with+chars", 1, id, USER));
        assertThat(registry.requestCounts()).containsKey("/subjects/odd%20subject%2Fwith%2Bchars/versions");
    }

    @Test
    void theClientIgnoresUnknownResponseFields() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(RegistryClientConfig.from(new ConfigReader(config(registry.url()))));
        int id = client.register("users", USER);

        // the local registry adds guid, references, metadata and maxId to its answers
        assertThat(client.idOf("users", USER)).isEqualTo(id);
        assertThat(client.latestVersion("users").schema()).isEqualTo(USER);
        assertThat(client.schemaById(id)).isEqualTo(USER);
        assertThat(client.schemaByGuid(registry.guidOf(id))).isEqualTo(USER);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
