package sms.certificates.recall.serde;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;

/** A registry with ids chosen by the test, which counts the calls it gets. */
final class StubSchemaRegistry implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<UUID, Schema> schemasByGuid = new LinkedHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    StubSchemaRegistry with(int id, Schema schema) {
        schemasById.put(id, schema);
        return this;
    }

    StubSchemaRegistry with(UUID guid, Schema schema) {
        schemasByGuid.put(guid, schema);
        return this;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
        calls.incrementAndGet();
        return schemasById.entrySet().stream().filter(entry -> entry.getValue().equals(schema)).findFirst()
                .orElseThrow(() -> new SchemaRegistryException("stub: schema not found under " + subject, 404, 40403))
                .getKey();
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Schema schemaById(int id) {
        calls.incrementAndGet();
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("stub: schema id " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public Schema schemaByGuid(UUID guid) {
        calls.incrementAndGet();
        Schema schema = schemasByGuid.get(guid);
        if (schema == null) {
            throw new SchemaRegistryException("stub: schema guid " + guid + " not found", 404, 40403);
        }
        return schema;
    }
}
