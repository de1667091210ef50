package sms.certificates.recall.serde;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/** The REST calls of Confluent's schema registry API that the serdes need. No caching here. */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttpTransport transport;

    HttpSchemaRegistryClient(RegistryClientConfig config) {
        this.transport = new RegistryHttpTransport(config);
    }

    @Override
    public int register(String subject, Schema schema) {
        String about = aboutSubject(subject);
        return requiredInt(transport.post(subjectPath(subject) + "/versions", schemaRequest(schema), about), "id", about);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        String about = aboutSubject(subject);
        return requiredInt(transport.post(subjectPath(subject), schemaRequest(schema), about), "id", about);
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        String about = aboutSubject(subject);
        JsonNode response = transport.get(subjectPath(subject) + "/versions/latest", about);
        return new RegisteredSchema(subject, requiredInt(response, "version", about), requiredInt(response, "id", about), avroSchema(response, about));
    }

    @Override
    public Schema schemaById(int id) {
        String about = "schema id " + id;
        return avroSchema(transport.get("/schemas/ids/" + id, about), about);
    }

    @Override
    public Schema schemaByGuid(UUID guid) {
        String about = "schema guid " + guid;
        return avroSchema(transport.get("/schemas/guids/" + guid, about), about);
    }

    private static String aboutSubject(String subject) {
        return "subject '" + subject + "'";
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode schemaRequest(Schema schema) {
        return JsonNodeFactory.instance.objectNode()
                .put("schemaType", "AVRO")
                .put("schema", schema.toString());
    }

    private static int requiredInt(JsonNode response, String field, String about) {
        JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw invalidResponse(about, "has no integer \"" + field + "\"", response);
        }
        return value.asInt();
    }

    private static Schema avroSchema(JsonNode response, String about) {
        String schemaType = response.path("schemaType").asText("AVRO");
        if (!schemaType.equals("AVRO")) {
            throw invalidResponse(about, "is a " + schemaType + " schema, not Avro", response);
        }
        JsonNode schema = response.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw invalidResponse(about, "has no \"schema\" text", response);
        }
        try {
            return new Schema.Parser().parse(schema.asText());
        } catch (RuntimeException invalid) { // SchemaParseException, AvroTypeException for a bad default, ...
            throw new SchemaRegistryException("The schema registry's answer for " + about + " is not a valid Avro schema: " + invalid.getMessage(), 200, -1, invalid);
        }
    }

    private static SchemaRegistryException invalidResponse(String about, String problem, JsonNode response) {
        return new SchemaRegistryException("The schema registry's answer for " + about + " " + problem + ": "
                + RegistryHttpTransport.abbreviate(response.toString()), 200, -1);
    }
}
