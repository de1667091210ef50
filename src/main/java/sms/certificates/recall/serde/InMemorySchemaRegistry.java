package sms.certificates.recall.serde;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;

/**
 * A schema registry in memory with Confluent's semantics: ids count from 1, a schema has one id (and one GUID)
 * whatever subjects it is registered under, and each subject keeps its versions in registration order. Schemas
 * are compared by their JSON text, as the registry compares what it receives.
 */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<String, StoredSchema> schemasByText = new HashMap<>();
    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<UUID, StoredSchema> schemasByGuid = new HashMap<>();
    private final Map<String, List<StoredSchema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        StoredSchema stored = schemasByText.computeIfAbsent(schema.toString(), this::store);
        List<StoredSchema> versions = versionsBySubject.computeIfAbsent(subject, newSubject -> new ArrayList<>());
        if (!versions.contains(stored)) {
            versions.add(stored);
        }
        return stored.id();
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        StoredSchema stored = schemasByText.get(schema.toString());
        if (stored == null || !versions(subject).contains(stored)) {
            throw notFound(SchemaRegistryException.SCHEMA_NOT_FOUND, "schema not found under subject '" + subject + "'");
        }
        return stored.id();
    }

    @Override
    public synchronized RegisteredSchema latestVersion(String subject) {
        List<StoredSchema> versions = versions(subject);
        StoredSchema latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), latest.id(), latest.schema());
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return storedById(id).schema();
    }

    @Override
    public synchronized Schema schemaByGuid(UUID guid) {
        return Optional.ofNullable(schemasByGuid.get(guid))
                .orElseThrow(() -> notFound(SchemaRegistryException.SCHEMA_NOT_FOUND, "schema guid " + guid + " not found"))
                .schema();
    }

    /** The GUID the registry gave schema {@code id}, for writing {@code __value_schema_id} headers in tests. */
    synchronized UUID guidOf(int id) {
        return storedById(id).guid();
    }

    private StoredSchema store(String text) {
        // parsed from the text, as a registry would, so callers never share the caller's Schema instance
        StoredSchema stored = new StoredSchema(schemasById.size() + 1,
                UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)), new Schema.Parser().parse(text));
        schemasById.put(stored.id(), stored);
        schemasByGuid.put(stored.guid(), stored);
        return stored;
    }

    private StoredSchema storedById(int id) {
        return Optional.ofNullable(schemasById.get(id))
                .orElseThrow(() -> notFound(SchemaRegistryException.SCHEMA_NOT_FOUND, "schema id " + id + " not found"));
    }

    private List<StoredSchema> versions(String subject) {
        List<StoredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound(SchemaRegistryException.SUBJECT_NOT_FOUND, "subject '" + subject + "' not found");
        }
        return versions;
    }

    private static SchemaRegistryException notFound(int errorCode, String message) {
        return new SchemaRegistryException("In-memory schema registry: " + message + " (error code " + errorCode + ")", 404, errorCode);
    }

    private record StoredSchema(int id, UUID guid, Schema schema) {
    }
}
