package sms.certificates.recall.serde;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * Remembers what the registry answered so that steady traffic makes no registry call: the id of each schema per
 * subject, and the parsed schema of each id and GUID. Only answers are cached, never failures, so a schema
 * registered after a miss is found on the next call. The latest version is not cached here: the serdes hold on
 * to what they resolved from it.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<UUID, Schema> schemasByGuid = new ConcurrentHashMap<>();

    CachingSchemaRegistryClient(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        // registering a schema the subject already has returns its id, so lookups and registrations share a cache
        return Caches.getOrFetch(idsBySubjectSchema, new SubjectSchema(subject, schema),
                () -> registry.register(subject, schema));
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return Caches.getOrFetch(idsBySubjectSchema, new SubjectSchema(subject, schema),
                () -> registry.idOf(subject, schema));
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        return registry.latestVersion(subject);
    }

    @Override
    public Schema schemaById(int id) {
        return Caches.getOrFetch(schemasById, id, () -> registry.schemaById(id));
    }

    @Override
    public Schema schemaByGuid(UUID guid) {
        return Caches.getOrFetch(schemasByGuid, guid, () -> registry.schemaByGuid(guid));
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
