package sms.certificates.recall.serde;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * Typed reads of serde configuration. A key may be given plain ({@code auto.register.schemas}) or with the
 * {@code schema.registry.} prefix, as Confluent allows; blank values count as absent. Every failure is a
 * {@link ConfigException} naming the key the user wrote.
 */
final class ConfigReader {

    static final String PREFIX = "schema.registry.";

    private final Map<String, ?> configs;

    ConfigReader(Map<String, ?> configs) {
        this.configs = configs == null ? Map.of() : configs;
    }

    Optional<String> string(String key) {
        return find(key).map(setting -> setting.value().toString().trim());
    }

    boolean bool(String key, boolean defaultValue) {
        return find(key).map(ConfigReader::toBoolean).orElse(defaultValue);
    }

    int intAtLeast(String key, int minimum, int defaultValue) {
        return find(key).map(setting -> toIntAtLeast(setting, minimum)).orElse(defaultValue);
    }

    /** A list given as a {@code List} or as a comma-separated string, with blank entries dropped. */
    Optional<List<String>> list(String key) {
        return find(key).map(setting -> {
            Collection<?> items = setting.value() instanceof Collection<?> collection
                    ? collection
                    : Arrays.asList(setting.value().toString().split(","));
            List<String> values = items.stream().map(item -> item.toString().trim()).filter(item -> !item.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new ConfigException(setting.key(), setting.value(), "must list at least one value");
            }
            return values;
        });
    }

    /** A class given as a {@code Class} or by name. */
    Optional<String> className(String key) {
        return find(key).map(setting -> setting.value() instanceof Class<?> type ? type.getName() : setting.value().toString().trim());
    }

    private Optional<Setting> find(String key) {
        Optional<Setting> plain = setting(key);
        if (key.startsWith(PREFIX)) {
            return plain;
        }
        Optional<Setting> prefixed = setting(PREFIX + key);
        if (plain.isPresent() && prefixed.isPresent() && !plain.get().value().equals(prefixed.get().value())) {
            throw new ConfigException(PREFIX + key, prefixed.get().value(), "conflicts with " + key + "=" + plain.get().value());
        }
        return plain.or(() -> prefixed);
    }

    private Optional<Setting> setting(String key) {
        Object value = configs.get(key);
        if (value == null || value instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Setting(key, value));
    }

    private static boolean toBoolean(Setting setting) {
        if (setting.value() instanceof Boolean bool) {
            return bool;
        }
        String text = setting.value().toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(setting.key(), setting.value(), "must be true or false");
    }

    private static int toIntAtLeast(Setting setting, int minimum) {
        try {
            int number = setting.value() instanceof Integer || setting.value() instanceof Long || setting.value() instanceof Short
                    ? Math.toIntExact(((Number) setting.value()).longValue())
                    : Integer.parseInt(setting.value().toString().trim());
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException | ArithmeticException notAnInt) {
            // reported below
        }
        throw new ConfigException(setting.key(), setting.value(), "must be an integer of at least " + minimum);
    }

    private record Setting(String key, Object value) {
    }
}
