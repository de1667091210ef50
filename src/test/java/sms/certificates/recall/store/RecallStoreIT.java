package sms.certificates.recall.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import sms.certificates.recall.decision.Actor;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.EnrolmentRef;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.ReasonCategory;
import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.decision.RequestKey;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sms.certificates.recall.support.TestCertificates.document;

class RecallStoreIT {

    private final DataSource dataSource = TestDatabase.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final RecallStore store = new RecallStore(new Certificates(jdbc), new RevokedCertificates(jdbc),
            new RecallOutcomes(jdbc));
    private final TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    private final TestCertificates certificates = new TestCertificates(dataSource);
    private final String tenant = TestCertificates.newTenant();

    private RecallRequest request(String certificateId, String enrolmentId) {
        return new RecallRequest(UUID.randomUUID().toString(), tenant, certificateId, "student-1", enrolmentId,
                ReasonCategory.COMPLIANCE_UPDATE, "x", "RECALL", new Actor("staff-1", "Zoë O'Brien", "Registrar"),
                Instant.parse("2026-12-01T00:00:00.250Z"));
    }

    private Outcome.Recalled recalled(RecallRequest request, Certificate certificate, String reason) {
        return new Outcome.Recalled(UUID.randomUUID(), request, UUID.fromString(request.requestId()), certificate,
                reason, Instant.parse("2026-12-01T00:00:01.999Z"), null);
    }

    private String id(String name) {
        return tenant + "/" + name;
    }

    @Test
    void loadsTheAskedDocumentsWholeEnrolmentsAndRevokedIds() {
        Certificate original = document(tenant, id("original"), "student-1", "enrolment-1", 1);
        Certificate reissue = document(tenant, id("reissue"), "student-1", "enrolment-1", 2);
        Certificate elsewhere = document(tenant, id("elsewhere"), "student-1", "enrolment-2", 1);
        certificates.issue(original, reissue, elsewhere);

        RecallStore.Locked locked = transaction.execute(tx -> store.lock(List.of(original.ref()),
                List.of(original.enrolment())));

        assertThat(locked.current()).containsExactlyInAnyOrder(original, reissue);
        assertThat(locked.revoked()).isEmpty();
    }

    @Test
    void neverReadsAnotherTenantsDocuments() {
        String otherTenant = TestCertificates.newTenant();
        Certificate foreign = document(otherTenant, id("foreign"), "student-1", "enrolment-1", 1);
        certificates.issue(foreign);

        CertificateRef asked = new CertificateRef(tenant, id("foreign"));
        RecallStore.Locked locked = transaction.execute(tx -> store.lock(List.of(asked),
                List.of(new EnrolmentRef(tenant, "enrolment-1"))));

        assertThat(locked.current()).isEmpty();
    }

    @Test
    void movesARecalledDocumentWithEveryColumnAndTheReasonVerbatim() {
        Certificate certificate = document(tenant, id("c-1"), "student-1", "enrolment-1", 1);
        certificates.issue(certificate);
        RecallRequest request = request(certificate.certificateId(), "enrolment-1");
        String reason = "'); DROP TABLE certificates; -- 退学 \"quoted\" \\ %_ ünïcødé 📜";
        Outcome.Recalled recall = recalled(request, certificate, reason);

        transaction.executeWithoutResult(tx -> store.save(List.of(recall), List.of()));

        assertThat(certificates.currentIds(tenant)).isEmpty();
        Map<String, Object> row = certificates.revokedRow(certificate.certificateId());
        assertThat(row).containsEntry("tenant_id", tenant)
                .containsEntry("certificate_number", certificate.certificateNumber())
                .containsEntry("student_id", "student-1")
                .containsEntry("enrolment_id", "enrolment-1")
                .containsEntry("enrolment_type", "STUDENT")
                .containsEntry("document_type", "CERTIFICATE")
                .containsEntry("issue_sequence", 1)
                .containsEntry("qualification_code", "BSB40120")
                .containsEntry("issued_by", "registrar")
                .containsEntry("request_id", request.requestId())
                .containsEntry("event_id", recall.eventId())
                .containsEntry("reason_category", "COMPLIANCE_UPDATE")
                .containsEntry("reason", reason)
                .containsEntry("recalled_by_user_id", "staff-1")
                .containsEntry("recalled_by_name", "Zoë O'Brien")
                .containsEntry("recalled_by_role", "Registrar");
        assertThat(instant(row.get("issued_at"))).isEqualTo(certificate.issuedAt());
        assertThat(instant(row.get("requested_at"))).isEqualTo(request.requestedAt());
        assertThat(instant(row.get("recalled_at"))).isEqualTo(recall.recalledAt());
    }

    @Test
    void theRevokedStoreRefusesUpdatesAndDeletes() {
        Certificate certificate = document(tenant, id("kept"), "student-1", "enrolment-1", 1);
        certificates.issue(certificate);
        RecallRequest request = request(certificate.certificateId(), "enrolment-1");
        transaction.executeWithoutResult(tx -> store.save(List.of(recalled(request, certificate, "r")), List.of()));

        assertThatThrownBy(() -> jdbc.sql("UPDATE revoked_certificates SET reason = 'changed' WHERE tenant_id = ?")
                .param(tenant).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM revoked_certificates WHERE tenant_id = ?")
                .param(tenant).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(certificates.revokedIds(tenant)).containsExactly(certificate.certificateId());
    }

    @Test
    void findsAnswersByAnyRequestIdText() {
        List<RequestKey> keys = List.of(RequestKey.of(tenant, UUID.randomUUID().toString()),
                RequestKey.of(tenant, "\0nul"), RequestKey.of(tenant, "x".repeat(100_000)));
        List<StoredOutcome> answers = keys.stream().map(key -> new StoredOutcome(key, UUID.randomUUID(),
                "INVALID_REQUEST", new byte[] {0, 0, 0, 0, 1, 2}, Instant.parse("2026-12-01T00:00:00.001Z")))
                .toList();
        transaction.executeWithoutResult(tx -> store.save(List.of(), answers));

        Map<RequestKey, StoredOutcome> found = transaction.execute(tx -> store.answersTo(keys));

        assertThat(found).hasSize(3);
        for (StoredOutcome answer : answers) {
            StoredOutcome stored = found.get(answer.requestKey());
            assertThat(stored.eventId()).isEqualTo(answer.eventId());
            assertThat(stored.event()).isEqualTo(answer.event());
            assertThat(stored.outcome()).isEqualTo("INVALID_REQUEST");
            assertThat(stored.decidedAt()).isEqualTo(answer.decidedAt());
        }
    }

    @Test
    void anotherTenantsRequestWithTheSameIdIsAnotherRequest() {
        String requestId = "";
        StoredOutcome answer = new StoredOutcome(RequestKey.of(tenant, requestId), UUID.randomUUID(),
                "INVALID_REQUEST", new byte[] {1}, Instant.EPOCH);
        transaction.executeWithoutResult(tx -> store.save(List.of(), List.of(answer)));

        Map<RequestKey, StoredOutcome> otherTenants = transaction.execute(tx -> store.answersTo(List.of(
                RequestKey.of(TestCertificates.newTenant(), requestId))));
        assertThat(otherTenants).isEmpty();
    }

    @Test
    void theDocumentedSqlFindsAnAnswer() {
        RequestKey key = RequestKey.of(tenant + " ünï", "6F1C1B8E-2D3A-4C5B-9E7F-0A1B2C3D4E5F");
        byte[] sql = jdbc.sql("""
                SELECT sha256(int4send(octet_length(convert_to(?, 'UTF8'))) || convert_to(?, 'UTF8')
                              || convert_to(?, 'UTF8'))""")
                .params(key.tenantId(), key.tenantId(), "6f1c1b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5f")
                .query(byte[].class).single();

        assertThat(sql).isEqualTo(key.digest());
    }

    @Test
    void aSecondAnswerToOneRequestIsRefused() {
        RequestKey key = RequestKey.of(tenant, UUID.randomUUID().toString());
        StoredOutcome first = new StoredOutcome(key, UUID.randomUUID(), "RECALLED", new byte[] {1}, Instant.EPOCH);
        StoredOutcome second = new StoredOutcome(key, UUID.randomUUID(), "REASON_REQUIRED", new byte[] {2},
                Instant.EPOCH);
        transaction.executeWithoutResult(tx -> store.save(List.of(), List.of(first)));

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> store.save(List.of(), List.of(second))))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aRacingLockerOfTheSameDocumentWaitsAndThenSeesTheRecall() throws Exception {
        Certificate original = document(tenant, id("original"), "student-1", "enrolment-1", 1);
        Certificate raced = document(tenant, id("raced"), "student-1", "enrolment-1", 2);
        certificates.issue(original, raced);

        RecallStore.Locked seen = whileAnotherRecalls(raced, raced);

        assertThat(seen.revoked()).containsExactly(raced.ref());
        assertThat(seen.current()).containsExactly(original);
    }

    @Test
    void aRacingLockerOfAnOlderDocumentWaitsAndThenFindsItTheLatest() throws Exception {
        Certificate original = document(tenant, id("original"), "student-1", "enrolment-1", 1);
        Certificate reissue = document(tenant, id("reissue"), "student-1", "enrolment-1", 2);
        certificates.issue(original, reissue);

        RecallStore.Locked seen = whileAnotherRecalls(reissue, original);

        // Decided after the re-issue left: the original is now the enrolment's only, and so latest, document.
        assertThat(seen.current()).containsExactly(original);
        assertThat(seen.revoked()).isEmpty();
    }

    /** What a second transaction locks for {@code asked} while a first holds the enrolment and recalls one. */
    private RecallStore.Locked whileAnotherRecalls(Certificate recalledByFirst, Certificate asked) throws Exception {
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            store.lock(List.of(recalledByFirst.ref()), List.of(recalledByFirst.enrolment()));
            firstHoldsLock.countDown();
            await(release);
            RecallRequest request = request(recalledByFirst.certificateId(), recalledByFirst.enrolmentId());
            store.save(List.of(recalled(request, recalledByFirst, "r")), List.of());
        }));
        assertThat(firstHoldsLock.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RecallStore.Locked> second = CompletableFuture.supplyAsync(() ->
                transaction.execute(tx -> store.lock(List.of(asked.ref()), List.of(asked.enrolment()))));

        Thread.sleep(300);
        assertThat(second).as("waits for the first transaction's lock").isNotDone();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        return second.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime odt ? odt.toInstant()
                : ((java.sql.Timestamp) timestamp).toInstant();
    }
}
