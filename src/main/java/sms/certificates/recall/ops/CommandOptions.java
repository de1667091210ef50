package sms.certificates.recall.ops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/**
 * A command's {@code --name value} / {@code --name=value} options. Options under {@code --spring.} and
 * {@code --recall.} are settings for the Kafka connection, passed on to Spring's configuration as they are.
 */
final class CommandOptions {

    private final Map<String, String> options;
    private final List<String> settings;

    private CommandOptions(Map<String, String> options, List<String> settings) {
        this.options = options;
        this.settings = settings;
    }

    static CommandOptions parse(List<String> args, Set<String> known, Set<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--spring.") || arg.startsWith("--recall.") || arg.startsWith("--logging.")) {
                settings.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                throw CommandException.badArguments("Unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!known.contains(name) && !flags.contains(name)) {
                throw CommandException.badArguments("Unknown option --" + name);
            }
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (equals >= 0) {
                options.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw CommandException.badArguments("Option --" + name + " needs a value");
            }
        }
        return new CommandOptions(options, settings);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw CommandException.badArguments("Missing option --" + name);
        }
        return value;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<Long> number(String name) {
        return get(name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw CommandException.badArguments("--" + name + " must be a number, not '" + value + "'");
            }
        });
    }

    Optional<Duration> duration(String name) {
        return get(name).map(value -> {
            try {
                return DurationStyle.detectAndParse(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw CommandException.badArguments("--" + name + " must be a duration such as 30s, not '" + value
                        + "'");
            }
        });
    }

    /** The connection settings given on the command line, for Spring's configuration. */
    String[] settings() {
        return settings.toArray(String[]::new);
    }
}
