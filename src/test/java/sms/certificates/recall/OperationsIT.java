package sms.certificates.recall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.support.RecallTraffic;
import sms.certificates.recall.support.TcpProxy;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: health probes that follow the database, metrics that count outcomes, JSON logs with the
 * ids and without the reason or names, and trace context carried from a request to its outcome. The worker reaches
 * PostgreSQL through a proxy that the test can cut.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "logging.level.sms.certificates.recall.processing=DEBUG",
        "management.tracing.sampling.probability=1.0"})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

    private static final TcpProxy DATABASE = TcpProxy.to(TestDatabase.host(), TestDatabase.port());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecallTraffic traffic;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tenant = TestCertificates.newTenant();

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void databaseThroughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.urlVia(DATABASE.port()));
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }

    @BeforeAll
    static void connect(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl,
            @Autowired RecallTopics topics) {
        TestDatabase.dataSource();
        traffic = new RecallTraffic(bootstrapServers, registryUrl, topics);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        traffic.close();
        DATABASE.close();
    }

    @Test
    void probesAndEndpointsAnswer() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).at("/components").fieldNames())
                .toIterable().contains("db", "broker", "listener", "readinessState");
        assertThat(JSON.readTree(get("/actuator/info").body()).at("/build/version").asText())
                .isEqualTo("0.1.0-SNAPSHOT");
        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("recall_outcomes_total{code=\"NOT_LATEST_ISSUANCE\",result=\"rejected\"}",
                "recall_dead_letters_total", "hikaricp_connections", "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBack() throws Exception {
        DATABASE.cut();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> get("/actuator/health/readiness").statusCode() == 503);
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            DATABASE.restore();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    @Test
    void outcomesAreCountedByResultAndCode() {
        Certificate original = issue("original", 1);
        issue("reissue", 2);
        double recalledBefore = count("recalled", "none");
        double notLatestBefore = count("rejected", "NOT_LATEST_ISSUANCE");

        RecallRequested rejected = request(original);
        traffic.send(rejected);
        traffic.outcome(rejected.getRequestId());
        RecallRequested recalled = request(new TestCertificates(dataSource).currentIds(tenant).stream()
                .filter(id -> id.endsWith("reissue")).findFirst().map(id -> document(id, 2)).orElseThrow());
        traffic.send(recalled);
        traffic.outcome(recalled.getRequestId());

        assertThat(count("rejected", "NOT_LATEST_ISSUANCE")).isEqualTo(notLatestBefore + 1);
        assertThat(count("recalled", "none")).isEqualTo(recalledBefore + 1);
        assertThat(meters.get("recall.batch").timer().count()).isPositive();
    }

    @Test
    void logsAreJsonWithTheIdsAndWithoutReasonsOrNames(CapturedOutput output) throws IOException {
        RecallRequested request = request(issue("logged", 1));
        request.setReason("Confidential: the student's visa lapsed");
        traffic.send(request);
        traffic.outcome(request.getRequestId());

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> output.getOut().contains(request.getRequestId()));
        List<JsonNode> lines = output.getOut().lines()
                .filter(line -> line.startsWith("{"))
                .map(OperationsIT::parse)
                .toList();
        JsonNode outcomeLine = lines.stream()
                .filter(line -> request.getRequestId().equals(line.path("requestId").asText()))
                .findFirst().orElseThrow();
        assertThat(outcomeLine.path("eventId").asText()).isNotBlank();
        assertThat(outcomeLine.path("enrolmentId").asText()).isEqualTo(request.getEnrolmentId());
        assertThat(outcomeLine.path("log").path("level").asText()).isEqualTo("DEBUG");
        assertThat(output.getOut()).doesNotContain("visa lapsed", request.getRequestedBy().getDisplayName());
    }

    @Test
    void aRequestsTraceContinuesInItsOutcome() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        RecallRequested request = request(issue("traced", 1));

        traffic.send(request, Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        ConsumerRecord<byte[], byte[]> outcome = traffic.outcomeRecords(request.getRequestId()).get(0);

        Header traceparent = outcome.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
    }

    private Certificate issue(String name, int sequence) {
        Certificate certificate = document(tenant + "/" + name, sequence);
        new TestCertificates(dataSource).issue(certificate);
        return certificate;
    }

    private Certificate document(String certificateId, int sequence) {
        return TestCertificates.document(tenant, certificateId, "student-1", tenant + "/enrolment", sequence);
    }

    private RecallRequested request(Certificate certificate) {
        return RecallTraffic.request(tenant, certificate.certificateId(), certificate.studentId(),
                certificate.enrolmentId());
    }

    private double count(String result, String code) {
        return meters.get("recall.outcomes").tag("result", result).tag("code", code).counter().count();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON log line: " + line, e);
        }
    }
}
