package sms.certificates.recall.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * Where the schema registry is and how to talk to it. Either {@code mockScope} is present (a {@code mock://scope}
 * URL: the in-memory registry) or {@code baseUrls} lists the HTTP(S) registries to try in order.
 */
record RegistryClientConfig(
        List<URI> baseUrls,
        Optional<String> mockScope,
        Optional<Authorization> authorization,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy) {

    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    static final String MAX_RETRIES = "max.retries";
    static final String RETRIES_WAIT_MS = "retries.wait.ms";
    static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    static final String MOCK_URL_PREFIX = "mock://";

    static RegistryClientConfig from(ConfigReader reader) {
        List<String> urls = reader.list(SCHEMA_REGISTRY_URL)
                .orElseThrow(() -> new ConfigException(SCHEMA_REGISTRY_URL, null, "is required"));
        Optional<String> mockScope = mockScope(urls);
        List<URI> baseUrls = mockScope.isPresent() ? List.of() : urls.stream().map(RegistryClientConfig::httpUrl).toList();
        RetryPolicy retryPolicy = new RetryPolicy(
                reader.intAtLeast(MAX_RETRIES, 0, 3),
                Duration.ofMillis(reader.intAtLeast(RETRIES_WAIT_MS, 0, 1_000)),
                Duration.ofMillis(reader.intAtLeast(RETRIES_MAX_WAIT_MS, 0, 20_000)));
        return new RegistryClientConfig(
                baseUrls.stream().map(RegistryClientConfig::withoutUserInfo).toList(),
                mockScope,
                authorization(reader, baseUrls),
                Duration.ofMillis(reader.intAtLeast(HTTP_CONNECT_TIMEOUT_MS, 1, 10_000)),
                Duration.ofMillis(reader.intAtLeast(HTTP_READ_TIMEOUT_MS, 1, 30_000)),
                retryPolicy);
    }

    private static Optional<String> mockScope(List<String> urls) {
        boolean anyMock = urls.stream().anyMatch(url -> url.startsWith(MOCK_URL_PREFIX));
        if (!anyMock) {
            return Optional.empty();
        }
        if (urls.size() > 1) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, String.join(",", urls), "a mock:// URL must be the only URL");
        }
        return Optional.of(urls.get(0).substring(MOCK_URL_PREFIX.length()));
    }

    private static URI httpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException invalid) {
            // reported below
        }
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, "must be an http(s)://host[:port][/path] or mock://scope URL");
    }

    private static URI withoutUserInfo(URI url) {
        String path = Objects.requireNonNullElse(url.getRawPath(), "").replaceAll("/+$", "");
        return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()) + path);
    }

    private static Optional<Authorization> authorization(ConfigReader reader, List<URI> urls) {
        Optional<Authorization> basic = basicAuthorization(reader, urls);
        Optional<Authorization> bearer = bearerAuthorization(reader);
        if (basic.isPresent() && bearer.isPresent()) {
            throw new ConfigException(BEARER_AUTH_TOKEN, "****", "cannot be combined with basic auth credentials (" + BASIC_AUTH_CREDENTIALS_SOURCE + ")");
        }
        return basic.or(() -> bearer);
    }

    private static Optional<Authorization> basicAuthorization(ConfigReader reader, List<URI> urls) {
        String source = reader.string(BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        switch (source) {
            case "URL":
                return urls.stream().map(URI::getUserInfo).filter(Objects::nonNull).findFirst().map(Authorization::basic);
            case "USER_INFO":
                String userInfo = reader.string(BASIC_AUTH_USER_INFO).orElseThrow(() -> new ConfigException(
                        BASIC_AUTH_USER_INFO, null, "is required when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO"));
                if (!userInfo.contains(":")) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO, "****", "must have the form user:password");
                }
                return Optional.of(Authorization.basic(userInfo));
            default:
                throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "must be URL or USER_INFO");
        }
    }

    private static Optional<Authorization> bearerAuthorization(ConfigReader reader) {
        Optional<String> source = reader.string(BEARER_AUTH_CREDENTIALS_SOURCE).map(value -> value.toUpperCase(Locale.ROOT));
        if (source.isPresent() && !source.get().equals("STATIC_TOKEN")) {
            throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, source.get(), "must be STATIC_TOKEN (the only bearer source supported)");
        }
        Optional<String> token = reader.string(BEARER_AUTH_TOKEN);
        if (source.isPresent() && token.isEmpty()) {
            throw new ConfigException(BEARER_AUTH_TOKEN, null, "is required when " + BEARER_AUTH_CREDENTIALS_SOURCE + " is STATIC_TOKEN");
        }
        return token.map(Authorization::bearer);
    }
}
