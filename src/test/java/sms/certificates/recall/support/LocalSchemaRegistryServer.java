package sms.certificates.recall.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A small in-memory schema registry that answers the Confluent REST calls the serdes make, over real HTTP on the
 * loopback interface, for tests and local runs:
 *
 * <pre>
 * try (LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(0)) {
 *     props.put("schema.registry.url", registry.url());
 *     ...
 *     assertThat(registry.requestCount("/schemas/ids/1")).isEqualTo(1);
 * }
 * </pre>
 *
 * <p>Like Confluent's: ids count from 1 across all subjects, a schema keeps its id (and GUID) under every subject,
 * registering a new version checks BACKWARD compatibility with the latest one (409 if not), an unparseable schema
 * is 422 / 42201, unknown subjects and schemas are 404 / 40401 and 40403, and answers carry fields beyond those a
 * client needs. Tests can also require an {@code Authorization} header, fail the next requests with any status,
 * and delay answers.
 */
public final class LocalSchemaRegistryServer implements AutoCloseable {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String pathPrefix;
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

    // registry state, guarded by this
    private final Map<String, Stored> schemasByText = new HashMap<>();
    private final List<Stored> schemasById = new ArrayList<>();
    private final Map<String, List<Stored>> versionsBySubject = new TreeMap<>();
    private final Queue<Failure> pendingFailures = new ArrayDeque<>();
    private final Map<String, String> lastRequestHeaders = new HashMap<>();
    private String requiredAuthorization;
    private Duration responseDelay = Duration.ZERO;

    private LocalSchemaRegistryServer(int port, String pathPrefix) throws IOException {
        this.pathPrefix = pathPrefix.replaceAll("/+$", "");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-schema-registry");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(this.pathPrefix.isEmpty() ? "/" : this.pathPrefix, this::handle);
        server.start();
    }

    /** Starts a registry on {@code port} (0: any free port) answering at the root path. */
    public static LocalSchemaRegistryServer start(int port) {
        return start(port, "");
    }

    /** Starts a registry whose API lives under {@code pathPrefix}, such as {@code /apis/ccompat/v7}. */
    public static LocalSchemaRegistryServer start(int port, String pathPrefix) {
        try {
            return new LocalSchemaRegistryServer(port, pathPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local schema registry on port " + port, e);
        }
    }

    /** The base URL to configure as {@code schema.registry.url}, path prefix included. */
    public String url() {
        return "http://127.0.0.1:" + port() + pathPrefix;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** How many requests arrived for {@code path} (below the prefix, as sent, e.g. {@code /schemas/ids/1}), any method. */
    public int requestCount(String path) {
        AtomicInteger count = requestCounts.get(path);
        return count == null ? 0 : count.get();
    }

    public int requestCount() {
        return requestCounts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Requests received per path, in path order. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        requestCounts.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    /** Registers {@code schemaJson} under {@code subject} as a client would, without compatibility check; returns its id. */
    public synchronized int register(String subject, String schemaJson) {
        Stored stored = store(new Schema.Parser().parse(schemaJson));
        addVersion(subject, stored);
        return stored.id();
    }

    public synchronized UUID guidOf(int id) {
        return schemasById.get(id - 1).guid();
    }

    /** From now on, answer 401 unless the request's {@code Authorization} header is exactly {@code headerValue}. */
    public synchronized void requireAuthorization(String headerValue) {
        this.requiredAuthorization = headerValue;
    }

    /** Answers the next {@code count} requests, whatever they ask, with this status and Confluent error body. */
    public synchronized void failNextRequests(int count, int httpStatus, int errorCode, String message) {
        for (int i = 0; i < count; i++) {
            pendingFailures.add(new Failure(httpStatus, errorCode, message));
        }
    }

    /** Answers normally again, forgetting the failures still pending. */
    public synchronized void stopFailing() {
        pendingFailures.clear();
    }

    /** Waits this long before answering each request. */
    public synchronized void delayResponses(Duration delay) {
        this.responseDelay = delay;
    }

    /** A header of the last request received, or null. */
    public synchronized String lastRequestHeader(String name) {
        return lastRequestHeaders.get(name.toLowerCase());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(pathPrefix.length());
            requestCounts.computeIfAbsent(path, counted -> new AtomicInteger()).incrementAndGet();
            Response response = respond(exchange.getRequestMethod(), path, exchange);
            pause();
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized Response respond(String method, String path, HttpExchange exchange) {
        lastRequestHeaders.clear();
        exchange.getRequestHeaders().forEach((name, values) -> lastRequestHeaders.put(name.toLowerCase(), values.get(0)));
        if (requiredAuthorization != null && !requiredAuthorization.equals(lastRequestHeaders.get("authorization"))) {
            return error(401, 401, "Unauthorized");
        }
        Failure failure = pendingFailures.poll();
        if (failure != null) {
            return error(failure.httpStatus(), failure.errorCode(), failure.message());
        }
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        JsonNode body = method.equals("POST") ? readJson(exchange.getRequestBody()) : null;
        return route(method, segments, body);
    }

    private Response route(String method, List<String> segments, JsonNode body) {
        String route = method + " " + String.join("/", segments.stream().map(s -> "*").toList());
        String first = segments.isEmpty() ? "" : segments.get(0);
        return switch (route) {
            case "GET *" -> first.equals("subjects") ? json(JSON.valueToTree(versionsBySubject.keySet())) : notFound();
            case "POST */*/*" -> first.equals("subjects") && segments.get(2).equals("versions")
                    ? registerVersion(segments.get(1), body) : notFound();
            case "POST */*" -> first.equals("subjects") ? lookUp(segments.get(1), body) : notFound();
            case "GET */*/*" -> first.equals("schemas") && segments.get(1).equals("ids") ? schemaById(segments.get(2))
                    : first.equals("schemas") && segments.get(1).equals("guids") ? schemaByGuid(segments.get(2))
                    : first.equals("subjects") && segments.get(2).equals("versions") ? versions(segments.get(1))
                    : notFound();
            case "GET */*/*/*" -> first.equals("subjects") && segments.get(2).equals("versions") ? version(segments.get(1), segments.get(3))
                    : notFound();
            default -> notFound();
        };
    }

    private Response registerVersion(String subject, JsonNode body) {
        Schema schema = parse(body);
        if (schema == null) {
            return error(422, 42201, "Invalid schema " + body);
        }
        List<Stored> versions = versionsBySubject.getOrDefault(subject, List.of());
        Stored existing = schemasByText.get(schema.toString());
        if (existing != null && versions.contains(existing)) {
            return json(registeredBody(existing));
        }
        if (!versions.isEmpty()) {
            Schema latest = versions.get(versions.size() - 1).schema();
            if (SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
                    != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\", details: [reader cannot read data written with the latest version]");
            }
        }
        Stored stored = store(schema);
        addVersion(subject, stored);
        return json(registeredBody(stored));
    }

    private Response lookUp(String subject, JsonNode body) {
        List<Stored> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        Schema schema = parse(body);
        Stored stored = schema == null ? null : schemasByText.get(schema.toString());
        if (stored == null || !versions.contains(stored)) {
            return error(404, 40403, "Schema not found");
        }
        return json(versionBody(subject, versions.indexOf(stored) + 1, stored));
    }

    private Response versions(String subject) {
        List<Stored> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        List<Integer> numbers = new ArrayList<>();
        for (int version = 1; version <= versions.size(); version++) {
            numbers.add(version);
        }
        return json(JSON.valueToTree(numbers));
    }

    private Response version(String subject, String version) {
        List<Stored> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        int number = version.equals("latest") ? versions.size() : parseOrZero(version);
        if (number < 1 || number > versions.size()) {
            return error(404, 40402, "Version " + version + " not found.");
        }
        return json(versionBody(subject, number, versions.get(number - 1)));
    }

    private Response schemaById(String id) {
        int number = parseOrZero(id);
        if (number < 1 || number > schemasById.size()) {
            return error(404, 40403, "Schema " + id + " not found");
        }
        return json(schemaBody(schemasById.get(number - 1)));
    }

    private Response schemaByGuid(String guid) {
        return schemasById.stream().filter(stored -> stored.guid().toString().equals(guid)).findFirst()
                .map(stored -> json(schemaBody(stored)))
                .orElseGet(() -> error(404, 40403, "Schema " + guid + " not found"));
    }

    private Stored store(Schema schema) {
        return schemasByText.computeIfAbsent(schema.toString(), text -> {
            Stored stored = new Stored(schemasById.size() + 1, UUID.randomUUID(), schema);
            schemasById.add(stored);
            return stored;
        });
    }

    private void addVersion(String subject, Stored stored) {
        List<Stored> versions = versionsBySubject.computeIfAbsent(subject, created -> new ArrayList<>());
        if (!versions.contains(stored)) {
            versions.add(stored);
        }
    }

    private static Schema parse(JsonNode body) {
        if (body == null || !body.path("schema").isTextual() || !body.path("schemaType").asText("AVRO").equals("AVRO")) {
            return null;
        }
        try {
            return new Schema.Parser().parse(body.get("schema").asText());
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    // answers carry more than clients need, as newer registries' do
    private ObjectNode registeredBody(Stored stored) {
        return JSON.createObjectNode().put("id", stored.id()).put("guid", stored.guid().toString());
    }

    private ObjectNode versionBody(String subject, int version, Stored stored) {
        ObjectNode body = JSON.createObjectNode().put("subject", subject).put("version", version)
                .put("id", stored.id()).put("guid", stored.guid().toString()).put("schema", stored.schema().toString());
        body.putArray("references");
        body.putObject("metadata").putObject("properties").put("owner", "tests");
        return body;
    }

    private ObjectNode schemaBody(Stored stored) {
        ObjectNode body = JSON.createObjectNode().put("schema", stored.schema().toString()).put("guid", stored.guid().toString())
                .put("maxId", schemasById.size());
        body.putArray("references");
        return body;
    }

    private static JsonNode readJson(InputStream body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static int parseOrZero(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private void pause() {
        Duration delay;
        synchronized (this) {
            delay = responseDelay;
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Response json(JsonNode body) {
        return new Response(200, body.toString());
    }

    private static Response notFound() {
        return error(404, 404, "HTTP 404 Not Found");
    }

    private static Response error(int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return new Response(status, JSON.valueToTree(body).toString());
    }

    private record Stored(int id, UUID guid, Schema schema) {
    }

    private record Failure(int httpStatus, int errorCode, String message) {
    }

    private record Response(int status, String body) {
    }
}
