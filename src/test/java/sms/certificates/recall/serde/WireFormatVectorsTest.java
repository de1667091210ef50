package sms.certificates.recall.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.serde.TestData.ANOTHER_PERSON;
import static sms.certificates.recall.serde.TestData.USER;
import static sms.certificates.recall.serde.TestData.anotherPerson;
import static sms.certificates.recall.serde.TestData.hex;
import static sms.certificates.recall.serde.TestData.user;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The test vectors of the wire-format contract, byte for byte, in both directions. */
class WireFormatVectorsTest {

    private static final String TOPIC = "vectors";
    private static final Map<String, Object> CONFIG = TestData.config("mock://unused-vectors");

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("User alice/30, id 1", user("alice", 30), USER, 1, "00 00 00 00 01 0a 61 6c 69 63 65 3c"),
                Arguments.of("User alice/30, id 258", user("alice", 30), USER, 258, "00 00 00 01 02 0a 61 6c 69 63 65 3c"),
                Arguments.of("\"hello\", id 1", "hello", Schema.create(Schema.Type.STRING), 1, "00 00 00 00 01 0a 68 65 6c 6c 6f"),
                Arguments.of("42L, id 1", 42L, Schema.create(Schema.Type.LONG), 1, "00 00 00 00 01 54"),
                Arguments.of("AnotherPerson, id 3", anotherPerson("John Doe", "Stockholm"), ANOTHER_PERSON, 3,
                        "00 00 00 00 03 10 4a 6f 68 6e 20 44 6f 65 12 53 74 6f 63 6b 68 6f 6c 6d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void serializesToTheContractBytes(String name, Object datum, Schema schema, int id, String expectedHex) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(new StubSchemaRegistry().with(id, schema));
        serializer.configure(CONFIG, false);

        assertThat(serializer.serialize(TOPIC, datum)).isEqualTo(hex(expectedHex));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void deserializesTheContractBytes(String name, Object datum, Schema schema, int id, String expectedHex) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new StubSchemaRegistry().with(id, schema));
        deserializer.configure(CONFIG, false);

        assertThat(deserializer.deserialize(TOPIC, hex(expectedHex))).isEqualTo(datum);
    }

    @Test
    void topLevelBytesAreFramedWithoutAvroLengthPrefix() {
        Schema bytes = Schema.create(Schema.Type.BYTES);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(new StubSchemaRegistry().with(1, bytes));
        serializer.configure(CONFIG, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new StubSchemaRegistry().with(1, bytes));
        deserializer.configure(CONFIG, false);

        assertThat(serializer.serialize(TOPIC, new byte[] {2, 3, 4})).isEqualTo(hex("00 00 00 00 01 02 03 04"));
        assertThat(serializer.serialize(TOPIC, ByteBuffer.wrap(new byte[] {2, 3, 4}))).isEqualTo(hex("00 00 00 00 01 02 03 04"));
        assertThat(deserializer.deserialize(TOPIC, hex("00 00 00 00 01 02 03 04"))).isEqualTo(new byte[] {2, 3, 4});
    }

    @Test
    void schemaGuidHeaderHasTheContractBytes() {
        UUID guid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        byte[] header = hex("01 12 3e 45 67 e8 9b 12 d3 a4 56 42 66 14 17 40 00");

        assertThat(TestData.guidHeader(guid)).isEqualTo(header);
        assertThat(WireFormat.referenceInHeader(WireFormat.VALUE_SCHEMA_ID_HEADER, header)).isEqualTo(new SchemaReference.Guid(guid));
    }

    @Test
    void readsAPayloadWithoutPrefixWhoseSchemaGuidIsInTheHeader() {
        UUID guid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new StubSchemaRegistry().with(guid, USER));
        deserializer.configure(CONFIG, false);
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireFormat.VALUE_SCHEMA_ID_HEADER, hex("01 12 3e 45 67 e8 9b 12 d3 a4 56 42 66 14 17 40 00"));

        assertThat(deserializer.deserialize(TOPIC, headers, hex("0a 61 6c 69 63 65 3c"))).isEqualTo(user("alice", 30));
    }
}
