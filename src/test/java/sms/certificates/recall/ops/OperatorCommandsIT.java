package sms.certificates.recall.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import sms.certificates.RecallRequested;
import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.support.RecallTraffic;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.WorkerIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator commands against the embedded broker, with the worker answering. */
@WorkerIT
class OperatorCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RecallTraffic traffic;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private RecallTopics topics;

    private final String tenant = TestCertificates.newTenant();

    @BeforeAll
    static void connect(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl,
            @Autowired RecallTopics topics) {
        traffic = new RecallTraffic(bootstrapServers, registryUrl, topics);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        traffic.close();
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withConnection = Stream.concat(Stream.of(args), Stream.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.properties.schema.registry.url=" + registryUrl)).toArray(String[]::new);
        int status = OperatorCommands.run(withConnection, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void submitSendsARequestAndWaitsForItsOutcome() throws Exception {
        Certificate certificate = TestCertificates.document(tenant, tenant + "/doc", "student-1",
                tenant + "/enrolment", 1);
        new TestCertificates(dataSource).issue(certificate);

        Result result = run("submit", "--tenant", tenant, "--certificate", certificate.certificateId(),
                "--student", "student-1", "--enrolment", tenant + "/enrolment", "--reason", "Issued in error",
                "--category", "ISSUED_IN_ERROR", "--user", "ops-1", "--wait", "30s");

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Sent request ");
        JsonNode outcome = JSON.readTree(lines.get(1));
        assertThat(outcome.path("topic").asText()).isEqualTo(topics.recalled());
        assertThat(outcome.path("key").asText()).isEqualTo(tenant + "/enrolment");
        assertThat(outcome.at("/value/certificateId").asText()).isEqualTo(certificate.certificateId());
        assertThat(new TestCertificates(dataSource).revokedIds(tenant)).containsExactly(certificate.certificateId());
    }

    @Test
    void followPrintsCommittedOutcomesAsJsonLines() throws Exception {
        RecallRequested request = RecallTraffic.request(tenant, "nothing", "s", "e");
        traffic.send(request);
        traffic.outcome(request.getRequestId());

        Result result = run("follow", "--from-beginning", "--timeout", "8s", "--max", "100000");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out().lines().map(OperatorCommandsIT::parse)
                .filter(line -> request.getRequestId().equals(line.at("/value/requestId").asText())))
                .singleElement()
                .satisfies(line -> assertThat(line.at("/value/code").asText()).isEqualTo("CERTIFICATE_NOT_FOUND"));
    }

    @Test
    void replaySendsDeadLettersBackAsTheyWereReceived() throws Exception {
        RecallRequested request = RecallTraffic.request(tenant, "replayed", "s", "e");
        byte[] key = "replay-key".getBytes(StandardCharsets.UTF_8);
        RecordMetadata letter;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.deadLetter(), 1, key,
                    traffic.serialize(request));
            record.headers().add("kafka_dlt-exception-message", "schema not found".getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                    .getBytes(StandardCharsets.UTF_8));
            letter = producer.send(record).get();
        }

        Result result = run("replay-dead-letters", "--partition", "1", "--from-offset",
                String.valueOf(letter.offset()), "--to-offset", String.valueOf(letter.offset()));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("Replayed 1 dead letters");
        assertThat(traffic.outcomeRecords(request.getRequestId())).singleElement()
                .satisfies(outcome -> assertThat(outcome.key()).isEqualTo(key));
    }

    @Test
    void badArgumentsGetAClearErrorAndStatus2() {
        assertThat(run("recall-everything")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("Unknown command 'recall-everything'", "submit", "follow");
        });
        assertThat(run("submit", "--tenant", "t")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("Missing option --certificate");
        });
        assertThat(run("submit", "--tenant", "t", "--certificate", "c", "--student", "s", "--enrolment", "e",
                "--reason", "r", "--category", "WHIM").err()).contains("--category must be one of");
        assertThat(run("follow", "--timeout", "soon").status()).isEqualTo(2);
        assertThat(run("follow", "--colour").err()).contains("Unknown option --colour");
        assertThat(run("replay-dead-letters", "--all", "--from-offset", "3").status()).isEqualTo(2);
        assertThat(run("replay-dead-letters").status()).isEqualTo(2);
        assertThat(run("replay-dead-letters", "--all", "--to-offset", "3").status()).isEqualTo(2);
        // arguments are checked before the broker is asked: bad ones are status 2 even with no broker at all
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(OperatorCommands.run(new String[] {"replay-dead-letters", "--from-offset", "3",
                "--spring.kafka.bootstrap-servers=localhost:1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from-offset needs --partition");
        assertThat(run("help").out()).contains("replay-dead-letters");
    }

    @Test
    void anUnreachableBrokerIsReportedWithStatus3() {
        Instant started = Instant.now();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = OperatorCommands.run(new String[] {"follow", "--spring.kafka.bootstrap-servers=localhost:1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Kafka at localhost:1 did not answer");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
