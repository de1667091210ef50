package sms.certificates.recall;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import sms.certificates.Actor;
import sms.certificates.CertificateRecalled;
import sms.certificates.RecallRejected;
import sms.certificates.RecallRequested;
import sms.certificates.RejectionCode;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.DocumentType;
import sms.certificates.recall.decision.EnrolmentType;
import sms.certificates.recall.support.RecallTraffic;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.WorkerIT;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.support.RecallTraffic.request;
import static sms.certificates.recall.support.TestCertificates.document;

/** The contract, end to end: requests in through the broker, outcomes and dead letters out, PostgreSQL between. */
@WorkerIT
class RecallWorkerIT {

    private static RecallTraffic traffic;

    private final String tenant = TestCertificates.newTenant();

    @Autowired
    private DataSource dataSource;

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

    private TestCertificates certificates() {
        return new TestCertificates(dataSource);
    }

    private String id(String name) {
        return tenant + "/" + name;
    }

    private Certificate issue(String name, String enrolment, int sequence) {
        Certificate certificate = document(tenant, id(name), "student-1", id(enrolment), sequence);
        certificates().issue(certificate);
        return certificate;
    }

    private RecallRequested requestFor(Certificate certificate) {
        return request(tenant, certificate.certificateId(), certificate.studentId(), certificate.enrolmentId());
    }

    @Test
    void recallsTheDocumentAndPublishesEveryFieldOfIt() {
        Certificate certificate = new Certificate(id("soa-1"), tenant, "SOA-0001", "student-9", id("enrolment"),
                EnrolmentType.COMPANY, "acme-pty-ltd", DocumentType.STATEMENT_OF_ATTAINMENT, 1, "CHC33021",
                "Certificate III in Individual Support", Instant.parse("2026-05-06T07:08:09.123Z"), "registrar");
        certificates().issue(certificate);
        RecallRequested request = requestFor(certificate);
        request.setReason("  Wrong unit listed  \n");

        traffic.send(request);
        CertificateRecalled recalled = traffic.recall(request);

        assertThat(recalled.getRequestId().toString()).isEqualTo(request.getRequestId());
        assertThat(recalled.getTenantId()).isEqualTo(tenant);
        assertThat(recalled.getCertificateId()).isEqualTo(certificate.certificateId());
        assertThat(recalled.getCertificateNumber()).isEqualTo("SOA-0001");
        assertThat(recalled.getStudentId()).isEqualTo("student-9");
        assertThat(recalled.getEnrolmentId()).isEqualTo(id("enrolment"));
        assertThat(recalled.getEnrolmentType()).isEqualTo(sms.certificates.EnrolmentType.COMPANY);
        assertThat(recalled.getCompanyId()).isEqualTo("acme-pty-ltd");
        assertThat(recalled.getDocumentType()).isEqualTo(sms.certificates.DocumentType.STATEMENT_OF_ATTAINMENT);
        assertThat(recalled.getIssueSequence()).isEqualTo(1);
        assertThat(recalled.getQualificationCode()).isEqualTo("CHC33021");
        assertThat(recalled.getQualificationTitle()).isEqualTo("Certificate III in Individual Support");
        assertThat(recalled.getIssuedAt()).isEqualTo(certificate.issuedAt());
        assertThat(recalled.getReasonCategory()).isEqualTo(request.getReasonCategory());
        assertThat(recalled.getReason()).isEqualTo("Wrong unit listed");
        assertThat(recalled.getRecalledBy()).isEqualTo(request.getRequestedBy());
        assertThat(recalled.getRequestedAt()).isEqualTo(request.getRequestedAt());
        assertThat(recalled.getRecalledAt()).isAfterOrEqualTo(request.getRequestedAt());
        assertThat(recalled.getLatestRemainingCertificateId()).isNull();

        assertThat(certificates().currentIds(tenant)).isEmpty();
        Map<String, Object> revoked = certificates().revokedRow(certificate.certificateId());
        assertThat(revoked).containsEntry("event_id", recalled.getEventId())
                .containsEntry("request_id", request.getRequestId())
                .containsEntry("reason", "Wrong unit listed")
                .containsEntry("company_id", "acme-pty-ltd")
                .containsEntry("document_type", "STATEMENT_OF_ATTAINMENT");
    }

    @Test
    void outcomesAreKeyedAsTheRequestWas() {
        Certificate certificate = issue("keyed", "enrolment", 1);
        RecallRequested keyless = request(tenant, id("missing"), "student-1", id("enrolment"));
        RecallRequested keyed = requestFor(certificate);

        traffic.send(null, keyless);
        traffic.send("any key at all".getBytes(StandardCharsets.UTF_8), keyed);

        assertThat(traffic.outcomeRecords(keyless.getRequestId()).get(0).key()).isNull();
        assertThat(RecallTraffic.keyOf(traffic.outcomeRecords(keyed.getRequestId()).get(0)))
                .isEqualTo("any key at all");
    }

    @Test
    void aReissueThenItsOriginalAreBothRecalledAndEachNamesWhatIsLeft() {
        Certificate original = issue("original", "enrolment", 1);
        Certificate reissue = issue("reissue", "enrolment", 2);

        RecallRequested first = requestFor(reissue);
        traffic.send(first);
        assertThat(traffic.recall(first).getLatestRemainingCertificateId()).isEqualTo(original.certificateId());

        RecallRequested second = requestFor(original);
        traffic.send(second);
        assertThat(traffic.recall(second).getLatestRemainingCertificateId()).isNull();
        assertThat(certificates().revokedIds(tenant)).containsExactlyInAnyOrder(original.certificateId(),
                reissue.certificateId());
    }

    @Test
    void theOriginalBeforeItsReissueIsRejectedNamingTheReissue() {
        Certificate original = issue("original", "enrolment", 1);
        Certificate reissue = issue("reissue", "enrolment", 2);
        RecallRequested request = requestFor(original);

        traffic.send(request);
        RecallRejected rejected = traffic.rejection(request);

        assertThat(rejected.getCode()).isEqualTo(RejectionCode.NOT_LATEST_ISSUANCE);
        assertThat(rejected.getLatestCertificateId()).isEqualTo(reissue.certificateId());
        assertThat(rejected.getMessage()).contains(reissue.certificateId());
        assertThat(certificates().currentIds(tenant)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(RejectionCode.class)
    void everyRuleAnswersWithItsOwnCode(RejectionCode code) {
        Certificate certificate = issue("doc", "enrolment", 1);
        RecallRequested request = requestFor(certificate);
        switch (code) {
            case INVALID_REQUEST -> request.setRequestId("not-a-uuid:" + tenant);
            case REASON_REQUIRED -> request.setReason(" \t ");
            case REASON_INVALID -> request.setReason("x".repeat(1_001));
            case CONFIRMATION_MISMATCH -> request.setConfirmation("recall");
            case ALREADY_RECALLED -> {
                RecallRequested earlier = requestFor(certificate);
                traffic.send(earlier);
                traffic.recall(earlier);
            }
            case CERTIFICATE_NOT_FOUND -> request.setCertificateId(id("never-issued"));
            case CERTIFICATE_MISMATCH -> request.setStudentId("someone-else");
            case NOT_LATEST_ISSUANCE -> issue("reissue", "enrolment", 2);
        }

        traffic.send(request);
        RecallRejected rejected = traffic.rejection(request);

        assertThat(rejected.getCode()).isEqualTo(code);
        assertThat(rejected.getMessage()).isNotBlank();
        assertThat(rejected.getRequestId()).isEqualTo(request.getRequestId());
        assertThat(rejected.getTenantId()).isEqualTo(request.getTenantId());
        assertThat(rejected.getCertificateId()).isEqualTo(request.getCertificateId());
        assertThat(rejected.getStudentId()).isEqualTo(request.getStudentId());
        assertThat(rejected.getEnrolmentId()).isEqualTo(request.getEnrolmentId());
        assertThat(rejected.getRequestedBy()).isEqualTo(request.getRequestedBy());
        assertThat(rejected.getRequestedAt()).isEqualTo(request.getRequestedAt());
        if (code != RejectionCode.ALREADY_RECALLED) {
            assertThat(certificates().currentIds(tenant)).contains(certificate.certificateId());
        }
    }

    @Test
    void anotherTenantsDocumentIsAnsweredExactlyLikeAMissingOne() {
        String otherTenant = TestCertificates.newTenant();
        Certificate foreign = document(otherTenant, id("foreign"), "student-1", id("enrolment"), 1);
        certificates().issue(foreign);
        RecallRequested probe = request(tenant, foreign.certificateId(), "student-1", id("enrolment"));
        RecallRequested missing = request(tenant, id("nothing"), "student-1", id("enrolment"));

        traffic.send(probe);
        traffic.send(missing);
        RecallRejected probed = traffic.rejection(probe);
        RecallRejected absent = traffic.rejection(missing);

        assertThat(probed.getCode()).isEqualTo(RejectionCode.CERTIFICATE_NOT_FOUND).isEqualTo(absent.getCode());
        assertThat(probed.getMessage()).isEqualTo(absent.getMessage());
        assertThat(probed.getLatestCertificateId()).isNull();
        assertThat(certificates().currentIds(otherTenant)).containsExactly(foreign.certificateId());
    }

    @Test
    void aRepeatedRequestGetsTheIdenticalOutcomeAndChangesNothing() {
        Certificate original = issue("original", "enrolment", 1);
        Certificate reissue = issue("reissue", "enrolment", 2);
        RecallRequested request = requestFor(reissue);
        traffic.send(request);
        CertificateRecalled first = traffic.recall(request);

        // The same request id again, now asking for the original: the first answer stands.
        RecallRequested again = RecallRequested.newBuilder(requestFor(original))
                .setRequestId(request.getRequestId().toUpperCase()).build();
        traffic.send(request);
        traffic.send(again);

        Awaitility.await().atMost(30, TimeUnit.SECONDS)
                .until(() -> traffic.outcomeRecords(request.getRequestId()).size() == 3);
        List<ConsumerRecord<byte[], byte[]>> records = traffic.outcomeRecords(request.getRequestId());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(records.get(0).topic());
            assertThat(record.value()).isEqualTo(records.get(0).value());
        });
        assertThat(((CertificateRecalled) traffic.decode(records.get(2))).getEventId()).isEqualTo(first.getEventId());
        assertThat(certificates().currentIds(tenant)).containsExactly(original.certificateId());
        assertThat(certificates().revokedIds(tenant)).containsExactly(reissue.certificateId());
    }

    @Test
    void aReasonWithSqlAndNonAsciiIsStoredAndPublishedVerbatim() {
        Certificate certificate = issue("verbatim", "enrolment", 1);
        String reason = "Robert'); DROP TABLE revoked_certificates;-- «Zoë» 証明書の誤り \\ % _ \"x\"\r\n\tend 📜";
        RecallRequested request = requestFor(certificate);
        request.setReason(reason);
        request.setRequestedBy(new Actor("u-1", "Zoë O'Brien-Nguyễn", null));

        traffic.send(request);
        CertificateRecalled recalled = traffic.recall(request);

        assertThat(recalled.getReason()).isEqualTo(reason);
        assertThat(certificates().revokedRow(certificate.certificateId()))
                .containsEntry("reason", reason)
                .containsEntry("recalled_by_name", "Zoë O'Brien-Nguyễn")
                .containsEntry("recalled_by_role", null);
    }

    @Test
    void unreadableRecordsAreDeadLetteredAsReceivedAndLaterRequestsAnswered() {
        Certificate certificate = issue("after-poison", "enrolment", 1);
        byte[] key = id("poison").getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {0x7f, 1, 2, 3, 4, 5};
        byte[] unknownSchema = {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 3};
        GenericRecord other = new GenericData.Record(new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Stranger\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}"));
        other.put("x", 7);
        byte[] otherSchema = traffic.serialize("some-other-topic", other);
        byte[] valid = traffic.serialize(requestFor(certificate));
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length / 2);
        RecallRequested later = requestFor(certificate);

        for (byte[] poison : List.of(garbage, unknownSchema, otherSchema, truncated)) {
            traffic.sendRaw(0, key, poison);
        }
        traffic.sendRaw(0, key, null);
        traffic.send(later);

        assertThat(traffic.recall(later).getCertificateId()).isEqualTo(certificate.certificateId());
        List<ConsumerRecord<byte[], byte[]>> dead = traffic.deadLetters(
                record -> java.util.Arrays.equals(record.key(), key), 5);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactly(garbage, unknownSchema, otherSchema, truncated, null);
        for (ConsumerRecord<byte[], byte[]> letter : dead) {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("sms.certificates.recall-requested");
            assertThat(letter.headers().lastHeader("kafka_dlt-original-partition").value())
                    .isEqualTo(ByteBuffer.allocate(4).putInt(0).array());
            assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(header(letter, "kafka_dlt-exception-fqcn"))
                    .isIn("org.apache.kafka.common.errors.SerializationException",
                            "org.apache.kafka.common.errors.RecordTooLargeException");
            assertThat(header(letter, "kafka_dlt-exception-message")).isNotBlank();
        }
    }

    @Test
    void aRecordOverTheSizeLimitIsDeadLetteredWithoutBeingRead() {
        RecallRequested huge = request(tenant, id("huge"), "student-1", id("enrolment"));
        huge.setReason("x".repeat(300_000));
        byte[] key = id("huge").getBytes(StandardCharsets.UTF_8);
        byte[] value = traffic.serialize(huge);

        traffic.sendRaw(key, value);

        ConsumerRecord<byte[], byte[]> letter = traffic.deadLetters(
                record -> java.util.Arrays.equals(record.key(), key), 1).get(0);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, "kafka_dlt-exception-fqcn"))
                .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("over the limit of 262144 bytes");
    }

    @Test
    void aRequestThatFailsOnItsOwnIsDeadLetteredAndItsNeighboursAnswered() {
        // As an SMS constraint might: this document cannot be deleted.
        JdbcClient.create(dataSource).sql("""
                CREATE OR REPLACE FUNCTION test_refuse_undeletable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.certificate_id LIKE '%/undeletable' THEN
                        RAISE EXCEPTION 'still referenced' USING ERRCODE = 'foreign_key_violation';
                    END IF;
                    RETURN OLD;
                END $$""").update();
        JdbcClient.create(dataSource).sql("DROP TRIGGER IF EXISTS test_undeletable ON certificates").update();
        JdbcClient.create(dataSource).sql("""
                CREATE TRIGGER test_undeletable BEFORE DELETE ON certificates
                FOR EACH ROW EXECUTE FUNCTION test_refuse_undeletable()""").update();
        Certificate before = issue("before", "enrolment-a", 1);
        Certificate undeletable = issue("undeletable", "enrolment-b", 1);
        Certificate after = issue("after", "enrolment-c", 1);
        List<RecallRequested> requests = List.of(requestFor(before), requestFor(undeletable), requestFor(after));
        byte[] key = id("isolation").getBytes(StandardCharsets.UTF_8);
        List<byte[]> values = requests.stream()
                .map(request -> traffic.serialize(request)).toList();

        values.forEach(value -> traffic.sendRaw(0, key, value));

        assertThat(traffic.recall(requests.get(0)).getCertificateId()).isEqualTo(before.certificateId());
        assertThat(traffic.recall(requests.get(2)).getCertificateId()).isEqualTo(after.certificateId());
        ConsumerRecord<byte[], byte[]> letter = traffic.deadLetters(
                record -> java.util.Arrays.equals(record.value(), values.get(1)), 1).get(0);
        assertThat(letter.key()).isEqualTo(key);
        assertThat(header(letter, "kafka_dlt-exception-fqcn")).contains("DataIntegrityViolationException");
        assertThat(traffic.outcomeRecords(requests.get(0).getRequestId())).hasSize(1);
        assertThat(certificates().currentIds(tenant)).containsExactly(undeletable.certificateId());
    }

    @Test
    void anotherTenantsRequestWithTheSameRequestIdIsAnsweredOnItsOwn() {
        Certificate mine = issue("mine", "enrolment", 1);
        String otherTenant = TestCertificates.newTenant();
        Certificate theirs = document(otherTenant, otherTenant + "/theirs", "student-1", "enrolment", 1);
        certificates().issue(theirs);
        RecallRequested first = requestFor(mine);
        RecallRequested second = request(otherTenant, theirs.certificateId(), "student-1", "enrolment");
        second.setRequestId(first.getRequestId());

        traffic.send(first);
        CertificateRecalled recalled = traffic.recall(first);
        traffic.send(second);

        Awaitility.await().atMost(30, TimeUnit.SECONDS)
                .until(() -> traffic.outcomeRecords(first.getRequestId()).size() == 2);
        CertificateRecalled theirsRecalled = (CertificateRecalled) traffic.decode(
                traffic.outcomeRecords(first.getRequestId()).get(1));
        assertThat(theirsRecalled.getTenantId()).isEqualTo(otherTenant);
        assertThat(theirsRecalled.getEventId()).isNotEqualTo(recalled.getEventId());
        assertThat(certificates().revokedIds(otherTenant)).containsExactly(theirs.certificateId());
    }

    @Test
    void racingRequestsForOneDocumentOnDifferentPartitionsRecallItOnce() {
        Certificate certificate = issue("raced", "enrolment", 1);
        List<RecallRequested> racers = List.of(requestFor(certificate), requestFor(certificate),
                requestFor(certificate), requestFor(certificate));

        for (int i = 0; i < racers.size(); i++) {
            traffic.sendRaw(i % 3, ("racer-" + i).getBytes(StandardCharsets.UTF_8),
                    traffic.serialize(racers.get(i)));
        }
        List<Object> outcomes = traffic.outcomes(racers);

        assertThat(outcomes).filteredOn(CertificateRecalled.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(RecallRejected.class::isInstance)
                .extracting(o -> ((RecallRejected) o).getCode())
                .containsOnly(RejectionCode.ALREADY_RECALLED).hasSize(3);
        assertThat(certificates().revokedIds(tenant)).containsExactly(certificate.certificateId());
    }

    @Test
    void racingRequestsForTheOriginalAndItsReissueNeverBreakIssuanceOrder() {
        Certificate original = issue("original", "enrolment", 1);
        Certificate reissue = issue("reissue", "enrolment", 2);
        RecallRequested forOriginal = requestFor(original);
        RecallRequested forReissue = requestFor(reissue);

        traffic.sendRaw(0, "a".getBytes(StandardCharsets.UTF_8),
                traffic.serialize(forOriginal));
        traffic.sendRaw(1, "b".getBytes(StandardCharsets.UTF_8),
                traffic.serialize(forReissue));
        Object originalOutcome = traffic.outcome(forOriginal.getRequestId());

        assertThat(traffic.outcome(forReissue.getRequestId())).isInstanceOf(CertificateRecalled.class);
        if (originalOutcome instanceof CertificateRecalled recalled) {
            // Only possible after the reissue left: the revoked store shows both, the reissue first.
            assertThat(certificates().recalledAt(reissue.certificateId()))
                    .isBeforeOrEqualTo(certificates().recalledAt(original.certificateId()));
            assertThat(recalled.getLatestRemainingCertificateId()).isNull();
        } else {
            assertThat(((RecallRejected) originalOutcome).getCode()).isEqualTo(RejectionCode.NOT_LATEST_ISSUANCE);
            assertThat(certificates().currentIds(tenant)).containsExactly(original.certificateId());
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
