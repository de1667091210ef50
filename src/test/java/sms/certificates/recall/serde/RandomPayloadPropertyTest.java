package sms.certificates.recall.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.serde.TestData.config;

import java.nio.ByteBuffer;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import sms.certificates.RecallRequested;

/** Whatever bytes arrive, the deserializers return a datum or throw a SerializationException: nothing else. */
class RandomPayloadPropertyTest {

    private static final String SCOPE = "random-payloads";
    private static final String TOPIC = "random";

    /** Records, unions, enums, fixed, collections, bytes and recursion, to give random bytes many ways to mislead. */
    private static final Schema EVERYTHING = new Schema.Parser().parse("""
            {"type":"record","name":"Everything","namespace":"com.example","fields":[
              {"name":"tags","type":{"type":"map","values":"long"}},
              {"name":"scores","type":{"type":"array","items":"double"}},
              {"name":"nothings","type":{"type":"array","items":"null"}},
              {"name":"blob","type":"bytes"},
              {"name":"choice","type":["null","string","float",{"type":"fixed","name":"Sixteen","size":16}]},
              {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B"]}},
              {"name":"next","type":["null","Everything"]}]}""");

    private static final InMemorySchemaRegistry REGISTRY = MockSchemaRegistry.scope(SCOPE);
    private static final List<Integer> REGISTERED_IDS = List.of(
            REGISTRY.register("a", RecallRequested.getClassSchema()),
            REGISTRY.register("b", TestData.USER),
            REGISTRY.register("c", EVERYTHING),
            REGISTRY.register("d", Schema.create(Schema.Type.STRING)),
            REGISTRY.register("e", Schema.create(Schema.Type.LONG)),
            REGISTRY.register("f", Schema.create(Schema.Type.BYTES)));

    private static final List<KafkaAvroDeserializer> DESERIALIZERS = List.of(
            TestData.deserializer(config("mock://" + SCOPE)),
            TestData.deserializer(config("mock://" + SCOPE, "specific.avro.reader", true)));

    @AfterContainer
    static void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Property(tries = 2_000)
    void anyPayload(@ForAll @Size(max = 64) byte[] payload) {
        DESERIALIZERS.forEach(deserializer -> assertDatumOrSerializationException(() -> deserializer.deserialize(TOPIC, payload)));
    }

    @Property(tries = 3_000)
    void anyBodyAfterAValidPrefix(@ForAll("registeredIds") int id, @ForAll @Size(max = 256) byte[] body) {
        byte[] payload = ByteBuffer.allocate(WireFormat.PREFIX_SIZE + body.length).put(WireFormat.MAGIC_BYTE).putInt(id).put(body).array();

        DESERIALIZERS.forEach(deserializer -> assertDatumOrSerializationException(() -> deserializer.deserialize(TOPIC, payload)));
    }

    @Property(tries = 1_000)
    void anyBodyBehindAGuidHeader(@ForAll("registeredIds") int id, @ForAll @Size(max = 256) byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, TestData.guidHeader(REGISTRY.guidOf(id)));

        DESERIALIZERS.forEach(deserializer -> assertDatumOrSerializationException(() -> deserializer.deserialize(TOPIC, headers, body)));
    }

    @Property(tries = 1_000)
    void anySchemaIdHeader(@ForAll @Size(max = 24) byte[] header, @ForAll @Size(max = 64) byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, header);

        DESERIALIZERS.forEach(deserializer -> assertDatumOrSerializationException(() -> deserializer.deserialize(TOPIC, headers, body)));
    }

    @Provide
    Arbitrary<Integer> registeredIds() {
        return Arbitraries.of(REGISTERED_IDS);
    }

    private static void assertDatumOrSerializationException(Deserialization deserialization) {
        try {
            assertThat(deserialization.run()).isNotNull();
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).as("a message that explains").isNotBlank().doesNotEndWith(": null");
        } catch (Throwable unexpected) {
            throw new AssertionError("expected a datum or a SerializationException, got " + unexpected, unexpected);
        }
    }

    @FunctionalInterface
    private interface Deserialization {
        Object run();
    }
}
