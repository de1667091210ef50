package sms.certificates.recall.serde;

import java.util.UUID;

import org.apache.avro.Schema;

/**
 * The calls the serializer and deserializer make on a Confluent-compatible schema registry. Failures are
 * {@link SchemaRegistryException}s, or Kafka's {@code AuthenticationException} / {@code AuthorizationException}
 * for HTTP 401 / 403. Implementations are thread-safe.
 */
interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (a no-op if it is already there) and returns its id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is already a version of {@code subject}; never registers. */
    int idOf(String subject, Schema schema);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema latestVersion(String subject);

    Schema schemaById(int id);

    Schema schemaByGuid(UUID guid);

    /** The client a serde configured with {@code config} uses: cached, over HTTP or the in-memory registry. */
    static SchemaRegistryClient create(RegistryClientConfig config) {
        SchemaRegistryClient backend = config.mockScope()
                .<SchemaRegistryClient>map(MockSchemaRegistry::scope)
                .orElseGet(() -> new HttpSchemaRegistryClient(config));
        return new CachingSchemaRegistryClient(backend);
    }
}
