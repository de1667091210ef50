package sms.certificates.recall.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.serde.TestData.USER;
import static sms.certificates.recall.serde.TestData.config;
import static sms.certificates.recall.serde.TestData.deserializer;
import static sms.certificates.recall.serde.TestData.recallRequested;
import static sms.certificates.recall.serde.TestData.serializer;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sms.certificates.Actor;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRequested;

/** Writers and readers one schema version apart, both ways, with generated and with generic records. */
class SchemaEvolutionTest {

    private static final String SCOPE = "evolution-test";
    private static final String URL = "mock://" + SCOPE;
    private static final String TOPIC = "recall-requests";

    /** RecallRequested as it was before reasonCategory (default OTHER) was added. */
    private static final Schema RECALL_REQUESTED_V1 = withoutField(RecallRequested.getClassSchema(), "reasonCategory");
    /** RecallRequested as a later producer may write it: with a defaulted channel field the generated class lacks. */
    private static final Schema RECALL_REQUESTED_V3 = withField(RecallRequested.getClassSchema(),
            new Schema.Field("channel", Schema.create(Schema.Type.STRING), "Where the request came from", "web"));
    private static final Schema USER_V2 = withField(USER, new Schema.Field("email", Schema.create(Schema.Type.STRING), null, "unknown"));

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void anOlderWriterIsReadIntoTheGeneratedClassWithTheReadersDefault() {
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, asGeneric(recallRequested(), RECALL_REQUESTED_V1));

        RecallRequested read = (RecallRequested) deserializer(config(URL, "specific.avro.reader", true)).deserialize(TOPIC, bytes);

        assertThat(read.getReasonCategory()).isEqualTo(RecallReasonCategory.OTHER);
        assertThat(read).usingRecursiveComparison().ignoringFields("reasonCategory").isEqualTo(recallRequested());
    }

    @Test
    void aNewerWriterIsReadIntoTheGeneratedClassDroppingTheUnknownField() {
        GenericRecord newer = asGeneric(recallRequested(), RECALL_REQUESTED_V3);
        newer.put("channel", "mobile");
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, newer);

        Object read = deserializer(config(URL, "specific.avro.reader", true)).deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(recallRequested());
    }

    @Test
    void anOlderGenericWriterIsReadWithTheLatestSchemaAndItsDefault() {
        byte[] bytes = serializer(config(URL)).serialize(TOPIC, TestData.user("alice", 30));
        MockSchemaRegistry.scope(SCOPE).register(TOPIC + "-value", USER_V2);

        GenericRecord read = (GenericRecord) deserializer(config(URL, "use.latest.version", true)).deserialize(TOPIC, bytes);

        assertThat(read.getSchema()).isEqualTo(USER_V2);
        assertThat(read.get("name")).hasToString("alice");
        assertThat(read.get("email")).hasToString("unknown");
    }

    @Test
    void aNewerGenericWriterIsReadWithAnOlderLatestSchema() {
        MockSchemaRegistry.scope(SCOPE).register(TOPIC + "-value", USER);
        GenericRecord newer = new GenericRecordBuilder(USER_V2).set("name", "bob").set("age", 41).set("email", "bob@example.com").build();
        byte[] bytes = serializer(config(URL)).serialize("users-v2", newer);

        GenericRecord read = (GenericRecord) deserializer(config(URL, "use.latest.version", true)).deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(TestData.user("bob", 41));
    }

    @Test
    void withoutAReaderSchemaGenericRecordsKeepTheirWritersShape() {
        KafkaAvroSerializer serializer = serializer(config(URL));
        KafkaAvroDeserializer deserializer = deserializer(config(URL));
        GenericRecord newer = new GenericRecordBuilder(USER_V2).set("name", "bob").set("age", 41).set("email", "bob@example.com").build();

        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, TestData.user("alice", 30)))).isEqualTo(TestData.user("alice", 30));
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, newer))).isEqualTo(newer);
    }

    private static GenericRecord asGeneric(RecallRequested request, Schema schema) {
        Actor actor = request.getRequestedBy();
        Schema actorSchema = schema.getField("requestedBy").schema();
        GenericRecord requestedBy = new GenericRecordBuilder(actorSchema)
                .set("userId", actor.getUserId()).set("displayName", actor.getDisplayName()).set("role", actor.getRole()).build();
        GenericRecord generic = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            switch (field.name()) {
                case "requestedBy" -> generic.put(field.name(), requestedBy);
                case "requestedAt" -> generic.put(field.name(), request.getRequestedAt().toEpochMilli());
                case "reasonCategory" -> generic.put(field.name(), new GenericData.EnumSymbol(field.schema(), request.getReasonCategory().name()));
                case "channel" -> generic.put(field.name(), "web");
                default -> generic.put(field.name(), request.get(field.name()));
            }
        }
        return generic;
    }

    private static Schema withoutField(Schema record, String dropped) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().stream().filter(field -> !field.name().equals(dropped)).forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(added);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
