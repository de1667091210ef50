package sms.certificates.recall.serde;

import java.util.UUID;

import org.apache.avro.Schema;

/** How a message names its writer schema: by id (the payload prefix) or by GUID (a record header). */
sealed interface SchemaReference {

    Schema resolve(SchemaRegistryClient registry);

    record Id(int id) implements SchemaReference {
        @Override
        public Schema resolve(SchemaRegistryClient registry) {
            return registry.schemaById(id);
        }

        @Override
        public String toString() {
            return "schema id " + id;
        }
    }

    record Guid(UUID guid) implements SchemaReference {
        @Override
        public Schema resolve(SchemaRegistryClient registry) {
            return registry.schemaByGuid(guid);
        }

        @Override
        public String toString() {
            return "schema guid " + guid;
        }
    }
}
