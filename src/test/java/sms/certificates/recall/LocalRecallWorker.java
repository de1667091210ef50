package sms.certificates.recall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

import sms.certificates.CertificateRecalled;
import sms.certificates.RecallRejected;
import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.support.LocalKafka;
import sms.certificates.recall.support.LocalSchemaRegistryServer;
import sms.certificates.recall.support.RecallTraffic;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.TestDatabase;

/**
 * The worker on a laptop, with nothing but a JDK, Maven and a local PostgreSQL: {@code mvn spring-boot:test-run}.
 * Starts a Kafka broker on localhost:9092 and a schema registry on localhost:8081 in this JVM, creates the database
 * {@code recall_local} if needed, runs the worker against them, then issues two demo documents and asks to recall
 * both: the original first (rejected, a re-issue exists), then the re-issue (recalled).
 */
public final class LocalRecallWorker {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRecallWorker.class);
    private static final String JDBC_URL = "jdbc:postgresql://localhost:5432/";
    private static final String DATABASE = "recall_local";

    private LocalRecallWorker() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        String user = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres");
        String password = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
        TestDatabase.createIfMissing(JDBC_URL, DATABASE, user, password);

        Path kafkaData = Path.of("target", "local-kafka");
        FileSystemUtils.deleteRecursively(kafkaData);
        Files.createDirectories(kafkaData);
        LocalKafka kafka = LocalKafka.start(9092, kafkaData);
        LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(8081);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            kafka.close();
        }, "local-run-shutdown"));

        String[] local = {
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.datasource.url=" + JDBC_URL + DATABASE,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--recall.instance-id=local",
                "--logging.structured.format.console="}; // plain text on a terminal
        SpringApplication.from(RecallWorkerApplication::main)
                .with(Demo.class)
                .run(Stream.concat(Stream.of(local), Stream.of(args)).toArray(String[]::new));
    }

    private static String describe(Object outcome) {
        if (outcome instanceof CertificateRecalled recalled) {
            return "recalled; now the latest document is " + recalled.getLatestRemainingCertificateId();
        }
        RecallRejected rejected = (RecallRejected) outcome;
        return "rejected, " + rejected.getCode() + ": " + rejected.getMessage();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Demo {

        @Bean
        ApplicationRunner recallDemo(DataSource dataSource, Environment environment, RecallTopics topics) {
            return args -> {
                String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                String tenant = "demo-rto";
                String enrolment = "demo-enrolment-" + run;
                Certificate original = TestCertificates.document(tenant, "demo-certificate-" + run, "demo-student",
                        enrolment, 1);
                Certificate reissue = TestCertificates.document(tenant, "demo-reissue-" + run, "demo-student",
                        enrolment, 2);
                new TestCertificates(dataSource).issue(original, reissue);
                LOG.info("Demo: issued {} and its re-issue {} for enrolment {}", original.certificateId(),
                        reissue.certificateId(), enrolment);

                try (RecallTraffic traffic = new RecallTraffic(
                        environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                        environment.getRequiredProperty("spring.kafka.properties.schema.registry.url"), topics)) {
                    for (Certificate certificate : List.of(original, reissue)) {
                        RecallRequested request = RecallTraffic.request(tenant, certificate.certificateId(),
                                certificate.studentId(), enrolment);
                        traffic.send(request);
                        LOG.info("Demo: asked to recall {}; the answer: {}", certificate.certificateId(),
                                describe(traffic.outcome(request.getRequestId())));
                    }
                }
                LOG.info("Demo done. The worker keeps running: send your own requests to {} (see the README), "
                        + "Ctrl-C to stop.", topics.requested());
            };
        }
    }
}
