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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sms.certificates.Actor;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRequested;

/** Serializer and deserializer against the in-memory {@code mock://} registry. */
class KafkaAvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private static final String URL = "mock://" + SCOPE;
    private static final String TOPIC = "recall-requests";

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void roundTripsAGeneratedRecordIntoItsClass() {
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, recallRequested());

        Object read = deserializer(config(URL, "specific.avro.reader", true)).deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(RecallRequested.class).isEqualTo(recallRequested());
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).as("no system property needed").isNull();
    }

    @Test
    void readsAGeneratedRecordAsGenericRecordByDefault() {
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, recallRequested());

        GenericRecord read = (GenericRecord) deserializer(config(URL)).deserialize(TOPIC, bytes);

        assertThat(read).isNotInstanceOf(RecallRequested.class);
        assertThat(read.get("certificateId")).hasToString("CERT-2024-000123");
        assertThat(read.get("requestedAt")).isEqualTo(recallRequested().getRequestedAt().toEpochMilli());
        assertThat(((GenericRecord) read.get("requestedBy")).get("role")).hasToString("Compliance Officer");
    }

    @Test
    void writesGenericRecordsAndPrimitives() {
        KafkaAvroSerializer serializer = serializer(config(URL));
        KafkaAvroDeserializer deserializer = deserializer(config(URL));
        KafkaAvroDeserializer specificDeserializer = deserializer(config(URL, "specific.avro.reader", true));

        for (Object datum : List.of(user("bob", 41), "text", 7, 7L, 1.5f, 2.5d, true)) {
            assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, datum))).isEqualTo(datum);
        }
        assertThat(specificDeserializer.deserialize(TOPIC, serializer.serialize(TOPIC, RecallReasonCategory.OTHER)))
                .isEqualTo(RecallReasonCategory.OTHER);
    }

    @Test
    void nullIsATombstoneBothWaysWithoutRegistryCall() {
        StubSchemaRegistry registry = new StubSchemaRegistry();
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry);
        serializer.configure(config(URL), false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry);
        deserializer.configure(config(URL), false);

        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, new RecordHeaders(), (byte[]) null)).isNull();
        assertThat(registry.calls).hasValue(0);
    }

    @Test
    void aBadMagicByteOrAShortPayloadIsUnknownMagicByte() {
        KafkaAvroDeserializer deserializer = deserializer(config(URL));

        for (String payload : List.of("01 00 00 00 01 0a", "00 00 00 01", "", "7b 22 6a 73 6f 6e 22 7d")) {
            assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex(payload)))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte!");
        }
    }

    @Test
    void anUnknownSchemaIdNamesTopicAndId() {
        KafkaAvroDeserializer deserializer = deserializer(config(URL));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex("00 00 00 30 39 02")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("schema id 12345");
    }

    @Test
    void unreadableAvroNamesTopicAndId() {
        int id = MockSchemaRegistry.scope(SCOPE).register("other", USER);
        KafkaAvroDeserializer deserializer = deserializer(config(URL));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, hex("00 00 00 00 0" + id + " 0a 61 6c")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("schema id " + id);
    }

    @Test
    void aLengthClaimingTwoGigabytesFailsWithoutAllocatingThem() {
        int id = MockSchemaRegistry.scope(SCOPE).register("other", Schema.create(Schema.Type.STRING));
        KafkaAvroDeserializer deserializer = deserializer(config(URL));
        // zig-zag varint of 2^31 - 9 bytes, the largest array Java can allocate, then nothing
        byte[] payload = hex("00 00 00 00 0" + id + " ee ff ff ff 0f");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        deserializer.deserialize(TOPIC, hex("00 00 00 00 0" + id + " 02 41")); // warm the caches
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
                .isInstanceOf(SerializationException.class).hasMessageContaining("schema id " + id);
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).isLessThan(1_000_000);
    }

    @Test
    void theLastSchemaIdHeaderWinsOverThePrefix() {
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        int userId = registry.register("a", USER);
        int stringId = registry.register("b", Schema.create(Schema.Type.STRING));
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, TestData.guidHeader(registry.guidOf(stringId)));
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, TestData.guidHeader(registry.guidOf(userId)));
        headers.add(WireFormat.KEY_SCHEMA_ID_HEADER, TestData.guidHeader(registry.guidOf(stringId)));

        Object read = deserializer(config(URL)).deserialize(TOPIC, headers, hex("0a 61 6c 69 63 65 3c"));

        assertThat(read).isEqualTo(user("alice", 30));
    }

    @Test
    void aKeyDeserializerReadsTheKeySchemaIdHeader() {
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        int stringId = registry.register("b", Schema.create(Schema.Type.STRING));
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.KEY_SCHEMA_ID_HEADER, TestData.guidHeader(registry.guidOf(stringId)));
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, new byte[] {9, 9});
        KafkaAvroDeserializer keyDeserializer = new KafkaAvroDeserializer();
        keyDeserializer.configure(config(URL), true);

        assertThat(keyDeserializer.deserialize(TOPIC, headers, hex("0a 68 65 6c 6c 6f"))).isEqualTo("hello");
    }

    @Test
    void subjectNameStrategiesNameTheSubjectRegisteredUnder() {
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        serializer(config(URL)).serialize(TOPIC, user("a", 1));
        serializer(config(URL, "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .serialize(TOPIC, user("a", 1));
        serializer(config(URL, "value.subject.name.strategy", "TopicRecordNameStrategy")).serialize(TOPIC, user("a", 1));
        KafkaAvroSerializer keySerializer = new KafkaAvroSerializer();
        keySerializer.configure(config(URL), true);
        keySerializer.serialize(TOPIC, "key");

        assertThat(registry.latestVersion(TOPIC + "-value").schema()).isEqualTo(USER);
        assertThat(registry.latestVersion("com.example.User").schema()).isEqualTo(USER);
        assertThat(registry.latestVersion(TOPIC + "-com.example.User").schema()).isEqualTo(USER);
        assertThat(registry.latestVersion(TOPIC + "-key").schema()).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void recordNameStrategyRejectsAPrimitive() {
        KafkaAvroSerializer serializer = serializer(config(URL, "value.subject.name.strategy", "RecordNameStrategy"));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "text"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("record schema");
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeThere() {
        KafkaAvroSerializer serializer = serializer(config(URL, "auto.register.schemas", false));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, user("a", 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("'" + TOPIC + "-value'");

        int id = MockSchemaRegistry.scope(SCOPE).register(TOPIC + "-value", USER);
        assertThat(serializer(config(URL, "auto.register.schemas", false)).serialize(TOPIC, user("a", 1)))
                .startsWith(0, 0, 0, 0, id);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() {
        // the data must fit the latest schema field by field, as with Confluent's serializer
        Schema documentedUser = new Schema.Parser().parse("""
                {"type":"record","name":"User","namespace":"com.example","doc":"A user, as the schema owner registered it","fields":[
                  {"name":"name","type":"string","doc":"display name"},{"name":"age","type":"int"}]}""");
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        registry.register(TOPIC + "-value", USER);
        int latestId = registry.register(TOPIC + "-value", documentedUser);
        KafkaAvroSerializer serializer = serializer(config(URL, "auto.register.schemas", false, "use.latest.version", true));

        byte[] bytes = serializer.serialize(TOPIC, TestData.user("alice", 30));

        assertThat(bytes).startsWith(0, 0, 0, 0, latestId);
        GenericRecord read = (GenericRecord) deserializer(config(URL)).deserialize(TOPIC, bytes);
        assertThat(read.getSchema().toString()).isEqualTo(documentedUser.toString());
        assertThat(read.get("name")).hasToString("alice");
    }

    @Test
    void mockScopesHaveConfluentSemantics() {
        KafkaAvroSerializer first = serializer(config(URL));
        KafkaAvroSerializer second = serializer(config(URL, "value.subject.name.strategy", "RecordNameStrategy"));

        assertThat(first.serialize(TOPIC, user("a", 1))).startsWith(0, 0, 0, 0, 1);
        assertThat(first.serialize(TOPIC, "text")).as("next id").startsWith(0, 0, 0, 0, 2);
        assertThat(second.serialize(TOPIC, user("a", 1))).as("same schema, other subject").startsWith(0, 0, 0, 0, 1);
        assertThat(serializer(config("mock://another-scope")).serialize(TOPIC, "text")).as("own ids per scope")
                .startsWith(0, 0, 0, 0, 1);

        MockSchemaRegistry.dropScope(SCOPE);
        MockSchemaRegistry.dropScope("another-scope");
        assertThat(serializer(config(URL)).serialize(TOPIC, "text")).as("dropped scope starts over").startsWith(0, 0, 0, 0, 1);
    }

    @Test
    void aSpecificReaderWithoutTheGeneratedClassFailsNamingIt() {
        int id = MockSchemaRegistry.scope(SCOPE).register("other", USER);

        assertThatThrownBy(() -> deserializer(config(URL, "specific.avro.reader", true)).deserialize(TOPIC, hex("00 00 00 00 0" + id + " 02 41 02")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("com.example.User").hasMessageContaining("schema id " + id).hasMessageContaining(TOPIC);
    }

    @Test
    void aSpecificReaderRefusesAClassThatIsNotAvroGenerated() {
        Schema impostor = new Schema.Parser().parse("""
                {"type":"record","name":"ProcessBuilder","namespace":"java.lang","fields":[{"name":"command","type":"string"}]}""");
        int id = MockSchemaRegistry.scope(SCOPE).register("other", impostor);

        assertThatThrownBy(() -> deserializer(config(URL, "specific.avro.reader", true)).deserialize(TOPIC, hex("00 00 00 00 0" + id + " 02 41")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.ProcessBuilder");
    }

    @Test
    void aSpecificValueTypeReadsEveryWriterIntoThatClass() {
        Schema older = new Schema.Parser().parse(RecallRequested.getClassSchema().toString()
                .replace("\"name\":\"RecallRequested\"", "\"name\":\"RecallRequestedV0\""));
        GenericRecord renamed = new org.apache.avro.generic.GenericData.Record(older);
        RecallRequested request = recallRequested();
        older.getFields().forEach(field -> renamed.put(field.name(), request.get(field.name())));
        renamed.put("requestedAt", request.getRequestedAt().toEpochMilli());
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, renamed);

        Object read = deserializer(config(URL, "specific.avro.reader", true,
                "specific.avro.value.type", RecallRequested.class.getName())).deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(request);
    }

    @Test
    void aSpecificValueTypeRefusesAWriterThatDoesNotResolveToIt() {
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, user("alice", 30));

        assertThatThrownBy(() -> deserializer(config(URL, "specific.avro.reader", true,
                "specific.avro.value.type", RecallRequested.class)).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC).hasMessageContaining("schema id");
    }

    @Test
    void aNonAvroValueFailsNamingItsType() {
        assertThatThrownBy(() -> serializer(config(URL)).serialize(TOPIC, new Object()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void anInvalidRecordFailsNamingTopicAndId() {
        RecallRequested missingReason = recallRequested();
        missingReason.setReason(null);

        assertThatThrownBy(() -> serializer(config(URL)).serialize(TOPIC, missingReason))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC).hasMessageContaining("schema id 1");
    }

    @Test
    void theSerializerIsThreadSafe() throws Exception {
        KafkaAvroSerializer serializer = serializer(config(URL));
        KafkaAvroDeserializer deserializer = deserializer(config(URL, "specific.avro.reader", true));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread * 1_000;
                results.add(threads.submit(() -> {
                    List<byte[]> written = new ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        written.add(serializer.serialize(TOPIC, i % 2 == 0 ? actor(offset + i) : recallFor(offset + i)));
                    }
                    return written;
                }));
            }
            for (int thread = 0; thread < 8; thread++) {
                List<byte[]> written = results.get(thread).get();
                for (int i = 0; i < written.size(); i++) {
                    int n = thread * 1_000 + i;
                    assertThat(deserializer.deserialize(TOPIC, written.get(i))).isEqualTo(i % 2 == 0 ? actor(n) : recallFor(n));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Actor actor(int n) {
        return Actor.newBuilder().setUserId("user-" + n).setDisplayName(n % 3 == 0 ? null : "Name " + n).build();
    }

    private static RecallRequested recallFor(int n) {
        return RecallRequested.newBuilder(TestData.recallRequested()).setCertificateId("CERT-" + n).setRequestedBy(actor(n)).build();
    }

    @Test
    void configuredWithAnExplicitMapOfConfluentKeys() {
        Map<String, Object> confluentStyle = Map.of(
                "schema.registry.url", URL,
                "schema.registry.auto.register.schemas", "true",
                "schema.registry.specific.avro.reader", "true");
        byte[] bytes = serializer(new java.util.HashMap<>(confluentStyle)).serialize(TOPIC, recallRequested());

        assertThat(deserializer(new java.util.HashMap<>(confluentStyle)).deserialize(TOPIC, bytes)).isEqualTo(recallRequested());
    }
}
