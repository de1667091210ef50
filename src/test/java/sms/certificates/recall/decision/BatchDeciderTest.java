package sms.certificates.recall.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static sms.certificates.recall.decision.Fixtures.certificate;
import static sms.certificates.recall.decision.Fixtures.request;
import static sms.certificates.recall.decision.Fixtures.store;

class BatchDeciderTest {

    private final BatchDecider decider = new BatchDecider(
            Clock.fixed(Instant.parse("2026-12-01T10:00:00.123456Z"), ZoneOffset.UTC), UUID::randomUUID);

    @Test
    void aReissueThenItsOriginalInOneBatchAreBothRecalled() {
        StoreSnapshot store = store(certificate("original", 1), certificate("reissue", 2));

        List<Decision> decisions = decider.decide(List.of(request("reissue"), request("original")), store);

        assertThat(decisions).allSatisfy(d -> assertThat(d).isInstanceOf(Outcome.Recalled.class));
        assertThat(((Outcome.Recalled) decisions.get(0)).latestRemainingCertificateId()).isEqualTo("original");
        assertThat(((Outcome.Recalled) decisions.get(1)).latestRemainingCertificateId()).isNull();
        assertThat(store.isRevoked(new CertificateRef(Fixtures.TENANT, "original"))).isTrue();
    }

    @Test
    void theOriginalBeforeItsReissueIsRejectedAndTheReissueStillRecalled() {
        StoreSnapshot store = store(certificate("original", 1), certificate("reissue", 2));

        List<Decision> decisions = decider.decide(List.of(request("original"), request("reissue")), store);

        assertThat(((Outcome.Rejected) decisions.get(0)).code()).isEqualTo(RejectionCode.NOT_LATEST_ISSUANCE);
        assertThat(decisions.get(1)).isInstanceOf(Outcome.Recalled.class);
    }

    @Test
    void twoRequestsForOneDocumentRecallItOnce() {
        StoreSnapshot store = store(certificate("c-1", 1));

        List<Decision> decisions = decider.decide(List.of(request("c-1"), request("c-1")), store);

        assertThat(decisions.get(0)).isInstanceOf(Outcome.Recalled.class);
        assertThat(((Outcome.Rejected) decisions.get(1)).code()).isEqualTo(RejectionCode.ALREADY_RECALLED);
    }

    @Test
    void aRepeatedRequestIdIsARepeatWhateverItsOtherFieldsSay() {
        RecallRequest first = request("c-1");
        RecallRequest again = new RecallRequest(first.requestId().toUpperCase(), first.tenantId(), "c-2",
                first.studentId(), first.enrolmentId(), first.reasonCategory(), "", "no", first.requestedBy(),
                first.requestedAt());
        StoreSnapshot store = store(certificate("c-1", 1), certificate("c-2", 2));

        List<Decision> decisions = decider.decide(List.of(first, again), store);

        assertThat(decisions.get(0)).isInstanceOf(Outcome.Rejected.class);
        assertThat(decisions.get(1)).isEqualTo(new Decision.Repeat(again));
    }

    @Test
    void aRequestAnsweredInAnEarlierBatchIsARepeatAndChangesNothing() {
        RecallRequest request = request("c-1");
        StoreSnapshot store = new StoreSnapshot(List.of(certificate("c-1", 1)), List.of(),
                List.of(request.key()));

        List<Decision> decisions = decider.decide(List.of(request), store);

        assertThat(decisions).containsExactly(new Decision.Repeat(request));
        assertThat(store.current(request.certificate())).isPresent();
    }

    @Test
    void outcomesCarryMillisecondInstantsAndFreshEventIds() {
        List<Decision> decisions = decider.decide(List.of(request("a"), request("b")), store());

        Outcome.Rejected first = (Outcome.Rejected) decisions.get(0);
        Outcome.Rejected second = (Outcome.Rejected) decisions.get(1);
        assertThat(first.rejectedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123Z"));
        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }
}
