package sms.certificates.recall.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import sms.certificates.Actor;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRequested;

/** Schemas, records and serde set-ups shared by the serde tests. */
final class TestData {

    static final Schema USER = new Schema.Parser().parse("""
            {"type":"record","name":"User","namespace":"com.example","fields":[
              {"name":"name","type":"string"},{"name":"age","type":"int"}]}""");

    static final Schema ANOTHER_PERSON = new Schema.Parser().parse("""
            {"type":"record","name":"AnotherPerson","namespace":"com.example","fields":[
              {"name":"fullName","type":"string"},{"name":"city","type":"string"}]}""");

    private TestData() {
    }

    static GenericRecord user(String name, int age) {
        GenericRecord user = new GenericData.Record(USER);
        user.put("name", name);
        user.put("age", age);
        return user;
    }

    static GenericRecord anotherPerson(String fullName, String city) {
        GenericRecord person = new GenericData.Record(ANOTHER_PERSON);
        person.put("fullName", fullName);
        person.put("city", city);
        return person;
    }

    static RecallRequested recallRequested() {
        return RecallRequested.newBuilder()
                .setRequestId("6f1c2a9e-2f43-4b8e-9a51-0c3d7e8f9a10")
                .setTenantId("rto-41234")
                .setCertificateId("CERT-2024-000123")
                .setStudentId("STU-998877")
                .setEnrolmentId("ENR-556677")
                .setReasonCategory(RecallReasonCategory.ISSUED_IN_ERROR)
                .setReason("Certificate was issued before the final assessment was marked competent.")
                .setConfirmation("RECALL")
                .setRequestedBy(Actor.newBuilder().setUserId("u-1001").setDisplayName("Jane Citizen").setRole("Compliance Officer").build())
                .setRequestedAt(Instant.parse("2026-03-01T09:15:30.123Z"))
                .build();
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    /** A {@code __value_schema_id} header value as Confluent 8 writes it: 0x01, then the GUID. */
    static byte[] guidHeader(UUID guid) {
        return ByteBuffer.allocate(WireFormat.GUID_HEADER_SIZE).put(WireFormat.GUID_MAGIC_BYTE)
                .putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits()).array();
    }

    static Map<String, Object> config(String url, Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }
}
