package sms.certificates.recall;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.support.LocalSchemaRegistryServer;
import sms.certificates.recall.support.RecallTraffic;
import sms.certificates.recall.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema registry answering 503 when the worker first meets a request's schema: the request waits for the
 * registry, is not dead-lettered, and is answered once the registry is back.
 */
@SpringBootTest(properties = "spring.kafka.properties.max.retries=0")
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RegistryOutageIT {

    private static final LocalSchemaRegistryServer REGISTRY = LocalSchemaRegistryServer.start(0);

    private static RecallTraffic traffic;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.properties.schema.registry.url", REGISTRY::url);
    }

    @BeforeAll
    static void connect(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Autowired RecallTopics topics) {
        traffic = new RecallTraffic(bootstrapServers, REGISTRY.url(), topics);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        traffic.close();
        REGISTRY.close();
    }

    @Test
    void aRequestWaitsForTheRegistryInsteadOfBeingDeadLettered() throws InterruptedException {
        String tenant = TestCertificates.newTenant();
        Certificate certificate = TestCertificates.document(tenant, tenant + "/c", "s", tenant + "/e", 1);
        new TestCertificates(dataSource).issue(certificate);
        RecallRequested request = RecallTraffic.request(tenant, certificate.certificateId(), "s", tenant + "/e");
        byte[] value = traffic.serialize(request);

        REGISTRY.failNextRequests(1_000_000, 503, 50301, "Service unavailable");
        traffic.sendRaw(tenant.getBytes(), value);
        Thread.sleep(Duration.ofSeconds(5).toMillis());

        assertThat(traffic.deadLetterRecords()).isEmpty();
        assertThat(REGISTRY.requestCount()).as("the worker kept asking").isGreaterThan(1);
        REGISTRY.stopFailing();
        assertThat(traffic.recall(request).getCertificateId()).isEqualTo(certificate.certificateId());
        assertThat(traffic.deadLetterRecords()).isEmpty();
    }
}
