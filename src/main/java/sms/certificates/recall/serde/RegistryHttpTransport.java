package sms.certificates.recall.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * JSON over HTTP to a Confluent-compatible schema registry: failover across the configured base URLs, retries with
 * backoff on network errors and on HTTP 408, 429 and 5xx, and error bodies ({@code {"error_code","message"}})
 * turned into exceptions that name what the call was about.
 */
final class RegistryHttpTransport {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    /** Answers are read as trees, so fields this client does not know are simply never looked at. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_BODY = 300;

    private final HttpClient httpClient;
    private final List<URI> baseUrls;
    private final Optional<Authorization> authorization;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    /** The URL that answered last; every call starts there, so one dead registry costs a single failed attempt. */
    private final AtomicInteger activeUrl = new AtomicInteger();

    RegistryHttpTransport(RegistryClientConfig config) {
        this.httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as Confluent's client: no h2c upgrade dance with registries and proxies
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.baseUrls = config.baseUrls();
        this.authorization = config.authorization();
        this.readTimeout = config.readTimeout();
        this.retryPolicy = config.retryPolicy();
    }

    /** {@code about} names the subject or schema id the call concerns, for error messages. */
    JsonNode get(String path, String about) {
        return send("GET", path, null, about);
    }

    JsonNode post(String path, JsonNode body, String about) {
        return send("POST", path, body.toString(), about);
    }

    private JsonNode send(String method, String path, String body, String about) {
        int urlIndex = activeUrl.get();
        for (int attempt = 0; ; attempt++) {
            URI url = URI.create(baseUrls.get(urlIndex) + path);
            RuntimeException lastFailure;
            try {
                HttpResponse<String> response = httpClient.send(request(method, url, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!isRetriable(response.statusCode())) {
                    return handle(method, url, response, about);
                }
                lastFailure = unavailable(registryFailure(method, url, response, about));
            } catch (IOException unreachable) {
                lastFailure = unavailable(new SchemaRegistryException(
                        "Schema registry " + method + " " + url + " for " + about + " failed: " + unreachable, -1, -1, unreachable));
            } catch (InterruptedException interrupted) {
                throw new InterruptException(interrupted);
            }
            if (attempt == retryPolicy.maxRetries()) {
                throw lastFailure;
            }
            int nextIndex = (urlIndex + 1) % baseUrls.size();
            activeUrl.compareAndSet(urlIndex, nextIndex);
            if (attempt + 1 >= baseUrls.size()) {
                // every URL has been tried once in this call: back off before asking one again
                pause(retryPolicy.backoff(attempt + 2 - baseUrls.size()));
            }
            urlIndex = nextIndex;
        }
    }

    private HttpRequest request(String method, URI url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", ACCEPT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authorization.ifPresent(auth -> request.header("Authorization", auth.headerValue()));
        return request.build();
    }

    /** The same failure, marked by its cause as one that may pass. */
    private static SchemaRegistryException unavailable(SchemaRegistryException failure) {
        return new SchemaRegistryException(failure.getMessage(), failure.httpStatus(), failure.errorCode(),
                new RegistryUnavailableException(failure.getMessage(), failure.getCause()));
    }

    private static boolean isRetriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static JsonNode handle(String method, URI url, HttpResponse<String> response, String about) {
        if (response.statusCode() / 100 != 2) {
            throw failure(method, url, response, about);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException invalid) {
            throw new SchemaRegistryException("Schema registry " + method + " " + url + " for " + about
                    + " answered with invalid JSON: " + abbreviate(response.body()), response.statusCode(), -1, invalid);
        }
    }

    private static RuntimeException failure(String method, URI url, HttpResponse<String> response, String about) {
        SchemaRegistryException failure = registryFailure(method, url, response, about);
        return switch (response.statusCode()) {
            case 401 -> new AuthenticationException(failure.getMessage());
            case 403 -> new AuthorizationException(failure.getMessage());
            default -> failure;
        };
    }

    private static SchemaRegistryException registryFailure(String method, URI url, HttpResponse<String> response,
            String about) {
        int status = response.statusCode();
        RegistryError error = RegistryError.parse(status, response.body());
        return new SchemaRegistryException("Schema registry " + method + " " + url + " for " + about + " failed: HTTP "
                + status + ", error code " + error.code() + ": " + error.message(), status, error.code());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            throw new InterruptException(interrupted);
        }
    }

    static String abbreviate(String body) {
        return body.length() <= MAX_QUOTED_BODY ? body : body.substring(0, MAX_QUOTED_BODY) + "...";
    }

    /** Confluent's error body; anything else is reported with the HTTP status as its code. */
    private record RegistryError(int code, String message) {

        static RegistryError parse(int status, String body) {
            try {
                JsonNode json = JSON.readTree(body);
                if (json != null && json.hasNonNull("error_code")) {
                    return new RegistryError(json.get("error_code").asInt(status), json.path("message").asText(""));
                }
            } catch (JsonProcessingException notJson) {
                // fall through: report the raw body
            }
            return new RegistryError(status, abbreviate(body));
        }
    }
}
