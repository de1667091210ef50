package sms.certificates.recall.decision;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.decision.Fixtures.NOW;
import static sms.certificates.recall.decision.Fixtures.certificate;
import static sms.certificates.recall.decision.Fixtures.request;
import static sms.certificates.recall.decision.Fixtures.store;

class RecallRulesTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final StoreSnapshot oneCertificate = store(certificate("c-1", 1));

    private Outcome decide(RecallRequest request, StoreSnapshot store) {
        return RecallRules.decide(request, store, EVENT, NOW);
    }

    private RejectionCode codeOf(RecallRequest request) {
        Outcome outcome = decide(request, oneCertificate);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) outcome).code();
    }

    private static RecallRequest withRequestId(RecallRequest r, String requestId) {
        return new RecallRequest(requestId, r.tenantId(), r.certificateId(), r.studentId(), r.enrolmentId(),
                r.reasonCategory(), r.reason(), r.confirmation(), r.requestedBy(), r.requestedAt());
    }

    private static RecallRequest withReason(RecallRequest r, String reason) {
        return new RecallRequest(r.requestId(), r.tenantId(), r.certificateId(), r.studentId(), r.enrolmentId(),
                r.reasonCategory(), reason, r.confirmation(), r.requestedBy(), r.requestedAt());
    }

    private static RecallRequest withConfirmation(RecallRequest r, String confirmation) {
        return new RecallRequest(r.requestId(), r.tenantId(), r.certificateId(), r.studentId(), r.enrolmentId(),
                r.reasonCategory(), r.reason(), confirmation, r.requestedBy(), r.requestedAt());
    }

    private static RecallRequest withIds(RecallRequest r, String tenantId, String certificateId, String studentId,
            String enrolmentId, Actor actor) {
        return new RecallRequest(r.requestId(), tenantId, certificateId, studentId, enrolmentId, r.reasonCategory(),
                r.reason(), r.confirmation(), actor, r.requestedAt());
    }

    @Test
    void recallsTheOnlyDocumentWithTheTrimmedReason() {
        RecallRequest request = withReason(request("c-1"), "  \t Wrong unit listed\n ");

        Outcome outcome = decide(request, oneCertificate);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Recalled.class, recalled -> {
            assertThat(recalled.eventId()).isEqualTo(EVENT);
            assertThat(recalled.requestId()).isEqualTo(UUID.fromString(request.requestId()));
            assertThat(recalled.certificate().certificateId()).isEqualTo("c-1");
            assertThat(recalled.trimmedReason()).isEqualTo("Wrong unit listed");
            assertThat(recalled.recalledAt()).isEqualTo(NOW);
            assertThat(recalled.latestRemainingCertificateId()).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "6f1c1b8e-2d3a-4c5b-9e7f", "1-1-1-1-1",
            " 6f1c1b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5f", "6f1c1b8e2d3a4c5b9e7f0a1b2c3d4e5f",
            "6f1c1b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5g", "6f1c1b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5\uFF21",
            "6f1c1b8e-2d3a-4c5b-9e7f-0a1b2c3d4e5\u0663", "6f1c1b8e+2d3a-4c5b-9e7f-0a1b2c3d4e5f"})
    void rule1RejectsARequestIdThatIsNotAUuid(String requestId) {
        assertThat(codeOf(withRequestId(request("c-1"), requestId))).isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @Test
    void rule1AcceptsUpperCaseUuids() {
        RecallRequest request = withRequestId(request("c-1"), "6F1C1B8E-2D3A-4C5B-9E7F-0A1B2C3D4E5F");
        assertThat(decide(request, oneCertificate)).isInstanceOf(Outcome.Recalled.class);
    }

    @Test
    void rule1RejectsEachBlankIdentifierAndNamesIt() {
        RecallRequest r = request("c-1");
        Actor actor = r.requestedBy();
        List<RecallRequest> blanks = List.of(
                withIds(r, " ", "c-1", r.studentId(), r.enrolmentId(), actor),
                withIds(r, r.tenantId(), "", r.studentId(), r.enrolmentId(), actor),
                withIds(r, r.tenantId(), "c-1", "\t", r.enrolmentId(), actor),
                withIds(r, r.tenantId(), "c-1", r.studentId(), "\u2003", actor),
                withIds(r, r.tenantId(), "c-1", r.studentId(), r.enrolmentId(), new Actor(" ", "Sam", null)));
        List<String> names = List.of("tenantId", "certificateId", "studentId", "enrolmentId", "requestedBy.userId");
        for (int i = 0; i < blanks.size(); i++) {
            Outcome.Rejected rejected = (Outcome.Rejected) decide(blanks.get(i), oneCertificate);
            assertThat(rejected.code()).isEqualTo(RejectionCode.INVALID_REQUEST);
            assertThat(rejected.message()).contains(names.get(i));
        }
    }

    @Test
    void rule1RejectsTextThatTheStoreCannotHold() {
        RecallRequest r = request("c-1");
        assertThat(codeOf(withIds(r, r.tenantId(), "c\0-1", r.studentId(), r.enrolmentId(), r.requestedBy())))
                .isEqualTo(RejectionCode.INVALID_REQUEST);
        assertThat(codeOf(withIds(r, r.tenantId(), "c-1", r.studentId(), r.enrolmentId(),
                new Actor("staff-7", "Sam\0", null)))).isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @Test
    void rule1ComesBeforeEveryOtherRule() {
        RecallRequest everythingWrong = withConfirmation(withReason(withRequestId(request("unknown"), "x"), " "),
                "recall");
        assertThat(codeOf(everythingWrong)).isEqualTo(RejectionCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n\r ", "\u2003\u3000"})
    void rule2RequiresAReasonAfterTrimming(String reason) {
        assertThat(codeOf(withReason(request("c-1"), reason))).isEqualTo(RejectionCode.REASON_REQUIRED);
    }

    @Test
    void rule2TreatsAMissingReasonAsBlank() {
        assertThat(codeOf(withReason(request("c-1"), null))).isEqualTo(RejectionCode.REASON_REQUIRED);
    }

    @Test
    void rule3AllowsExactly1000CodePointsAfterTrimming() {
        String reason = "  " + "x".repeat(1_000) + "  ";
        assertThat(decide(withReason(request("c-1"), reason), oneCertificate)).isInstanceOf(Outcome.Recalled.class);
        assertThat(codeOf(withReason(request("c-1"), "x".repeat(1_001)))).isEqualTo(RejectionCode.REASON_INVALID);
    }

    @Test
    void rule3CountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDCDC";
        assertThat(decide(withReason(request("c-1"), emoji.repeat(1_000)), oneCertificate))
                .isInstanceOf(Outcome.Recalled.class);
        assertThat(codeOf(withReason(request("c-1"), emoji.repeat(1_001)))).isEqualTo(RejectionCode.REASON_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\u0000reason", "bad\u0007bell", "bad\u001bescape", "bad\u007fdelete",
            "bad\u0085next-line"})
    void rule3RejectsControlCharacters(String reason) {
        assertThat(codeOf(withReason(request("c-1"), reason))).isEqualTo(RejectionCode.REASON_INVALID);
    }

    @Test
    void rule3AllowsTabsAndLineBreaksInside() {
        RecallRequest request = withReason(request("c-1"), "line one\r\nline\ttwo\nthree");
        assertThat(decide(request, oneCertificate)).isInstanceOfSatisfying(Outcome.Recalled.class,
                recalled -> assertThat(recalled.trimmedReason()).isEqualTo("line one\r\nline\ttwo\nthree"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"recall", "Recall", "RECALLED", "RE CALL", "", "RECALL."})
    void rule4RequiresExactlyRecall(String confirmation) {
        assertThat(codeOf(withConfirmation(request("c-1"), confirmation)))
                .isEqualTo(RejectionCode.CONFIRMATION_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECALL", " RECALL ", "\tRECALL\n"})
    void rule4IgnoresSurroundingWhiteSpace(String confirmation) {
        assertThat(decide(withConfirmation(request("c-1"), confirmation), oneCertificate))
                .isInstanceOf(Outcome.Recalled.class);
    }

    @Test
    void rule4TreatsAMissingConfirmationAsAMismatch() {
        assertThat(codeOf(withConfirmation(request("c-1"), null))).isEqualTo(RejectionCode.CONFIRMATION_MISMATCH);
    }

    @Test
    void rule5RejectsADocumentThisTenantAlreadyRecalled() {
        StoreSnapshot store = new StoreSnapshot(List.of(), List.of(new CertificateRef(Fixtures.TENANT, "c-1")),
                List.of());
        Outcome.Rejected rejected = (Outcome.Rejected) decide(request("c-1"), store);
        assertThat(rejected.code()).isEqualTo(RejectionCode.ALREADY_RECALLED);
    }

    @Test
    void rule5OnlyLooksAtThisTenantsRevokedStore() {
        StoreSnapshot store = new StoreSnapshot(List.of(), List.of(new CertificateRef("other-rto", "c-1")),
                List.of());
        assertThat(((Outcome.Rejected) decide(request("c-1"), store)).code())
                .isEqualTo(RejectionCode.CERTIFICATE_NOT_FOUND);
    }

    @Test
    void rule6AnswersAnotherTenantsDocumentExactlyLikeAMissingOne() {
        StoreSnapshot otherTenants = store(certificate("other-rto", "c-9", Fixtures.ENROLMENT, 1));
        Outcome.Rejected foreign = (Outcome.Rejected) decide(request("c-9"), otherTenants);
        Outcome.Rejected missing = (Outcome.Rejected) decide(request("c-9"), store());

        assertThat(foreign.code()).isEqualTo(RejectionCode.CERTIFICATE_NOT_FOUND);
        assertThat(foreign.message()).isEqualTo(missing.message());
        assertThat(foreign.latestCertificateId()).isNull();
    }

    @Test
    void rule7RejectsAnotherStudentsOrEnrolmentsDocument() {
        RecallRequest r = request("c-1");
        assertThat(codeOf(withIds(r, r.tenantId(), "c-1", "student-2", r.enrolmentId(), r.requestedBy())))
                .isEqualTo(RejectionCode.CERTIFICATE_MISMATCH);
        assertThat(codeOf(withIds(r, r.tenantId(), "c-1", r.studentId(), "enrolment-2", r.requestedBy())))
                .isEqualTo(RejectionCode.CERTIFICATE_MISMATCH);
    }

    @Test
    void rule8NamesTheLaterDocumentThatMustBeRecalledFirst() {
        StoreSnapshot store = store(certificate("original", 1), certificate("reissue", 2), certificate("third", 3));

        Outcome.Rejected rejected = (Outcome.Rejected) decide(request("reissue"), store);

        assertThat(rejected.code()).isEqualTo(RejectionCode.NOT_LATEST_ISSUANCE);
        assertThat(rejected.latestCertificateId()).isEqualTo("third");
        assertThat(rejected.message()).contains("third");
    }

    @Test
    void recallingTheLatestNamesTheDocumentThatBecomesLatest() {
        StoreSnapshot store = store(certificate("original", 1), certificate("reissue", 2),
                certificate(Fixtures.TENANT, "elsewhere", "enrolment-2", 7));

        Outcome.Recalled recalled = (Outcome.Recalled) decide(request("reissue"), store);

        assertThat(recalled.latestRemainingCertificateId()).isEqualTo("original");
    }

    @Test
    void onlyRejectionsForNotLatestNameALatestDocument() {
        assertThat(((Outcome.Rejected) decide(request("missing"), oneCertificate)).latestCertificateId()).isNull();
    }
}
