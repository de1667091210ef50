package sms.certificates.recall.serde;

import java.util.Map;

/** What {@code configure(configs, isKey)} settled for a serializer or a deserializer. */
record SerdeSettings(SerdeConfig config, SchemaRegistryClient registry, boolean isKey) {

    /** With {@code registry} where one is given, instead of the client {@code schema.registry.url} selects. */
    static SerdeSettings configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient registry) {
        SerdeConfig config = SerdeConfig.parse(configs, isKey);
        return new SerdeSettings(config, registry != null ? registry : SchemaRegistryClient.create(config.registry()),
                isKey);
    }

    static SerdeSettings require(SerdeSettings settings, Class<?> serde) {
        if (settings == null) {
            throw new IllegalStateException(serde.getSimpleName()
                    + " is not configured: call configure(configs, isKey) first");
        }
        return settings;
    }

    /** The header that, when present, names the writer schema instead of the payload's prefix. */
    String schemaIdHeader() {
        return WireFormat.schemaIdHeader(isKey);
    }
}
