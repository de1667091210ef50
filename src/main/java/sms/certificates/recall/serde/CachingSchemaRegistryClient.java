package sms.certificates.recall.serde;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
        return cached(idsBySubjectSchema, new SubjectSchema(subject, schema), () -> registry.register(subject, schema));
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cached(idsBySubjectSchema, new SubjectSchema(subject, schema), () -> registry.idOf(subject, schema));
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        return registry.latestVersion(subject);
    }

    @Override
    public Schema schemaById(int id) {
        return cached(schemasById, id, () -> registry.schemaById(id));
    }

    @Override
    public Schema schemaByGuid(UUID guid) {
        return cached(schemasByGuid, guid, () -> registry.schemaByGuid(guid));
    }

    /** Not computeIfAbsent: a registry call must not hold a map lock; a rare duplicate call is harmless. */
    private static <K, V> V cached(Map<K, V> cache, K key, Supplier<V> fetch) {
        V value = cache.get(key);
        if (value != null) {
            return value;
        }
        V fetched = fetch.get();
        V raced = cache.putIfAbsent(key, fetched);
        return raced != null ? raced : fetched;
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
