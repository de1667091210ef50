package sms.certificates.recall.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One scenario's results: what was done, what was measured, and each invariant with its counts. Written as
 * {@code <scenario>.json}; {@code results.md} is rebuilt from every scenario's JSON in the directory.
 */
public final class FaultReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Check(String name, boolean passed, String detail) {
    }

    private final String scenario;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> measurements = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();

    public FaultReport(String scenario) {
        this.scenario = scenario;
    }

    public FaultReport parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public FaultReport measure(String name, Object value) {
        measurements.put(name, value);
        return this;
    }

    public FaultReport check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
        return this;
    }

    public List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", scenario);
            json.put("finishedAt", Instant.now().toString());
            json.put("passed", failures().isEmpty());
            json.put("parameters", parameters);
            json.put("measurements", measurements);
            json.put("checks", checks);
            JSON.writeValue(directory.resolve(scenario + ".json").toFile(), json);
            writeSummary(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSummary(Path directory) throws IOException {
        StringBuilder md = new StringBuilder("# Fault suite results\n\n");
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode run = JSON.readTree(file.toFile());
                md.append("## ").append(run.path("scenario").asText())
                        .append(run.path("passed").asBoolean() ? " (passed)" : " (FAILED)").append("\n\n");
                md.append(table("parameter", run.path("parameters")));
                md.append(table("measurement", run.path("measurements")));
                md.append("| invariant | holds | counts |\n|---|---|---|\n");
                for (JsonNode check : run.path("checks")) {
                    md.append("| ").append(check.path("name").asText()).append(" | ")
                            .append(check.path("passed").asBoolean() ? "yes" : "**NO**").append(" | ")
                            .append(check.path("detail").asText().replace("|", "/")).append(" |\n");
                }
                md.append("\n");
            }
        }
        Files.writeString(directory.resolve("results.md"), md);
    }

    private static String table(String heading, JsonNode values) {
        if (values.isEmpty()) {
            return "";
        }
        List<String> rows = new ArrayList<>();
        values.fields().forEachRemaining(entry -> rows.add("| " + entry.getKey() + " | " + entry.getValue()
                .asText(entry.getValue().toString()) + " |"));
        return "| " + heading + " | value |\n|---|---|\n" + rows.stream().collect(Collectors.joining("\n"))
                + "\n\n";
    }
}
