package sms.certificates.recall.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory registries behind {@code schema.registry.url=mock://<scope>}: one per scope, shared by every
 * serializer and deserializer in the JVM, as with Confluent's {@code MockSchemaRegistry}.
 */
public final class MockSchemaRegistry {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, name -> new InMemorySchemaRegistry());
    }

    /** Forgets every schema of {@code scope}; serdes configured afterwards start from an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
