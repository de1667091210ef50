package sms.certificates.recall.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.EnrolmentRef;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.decision.RecallRules;
import sms.certificates.recall.decision.RequestKey;
import sms.certificates.recall.decision.StoreSnapshot;

/**
 * What a batch reads and writes, in the caller's database transaction: four statements whatever the batch size.
 */
@Component
public class RecallStore {

    private final Certificates certificates;
    private final RevokedCertificates revokedCertificates;
    private final RecallOutcomes outcomes;

    RecallStore(Certificates certificates, RevokedCertificates revokedCertificates, RecallOutcomes outcomes) {
        this.certificates = certificates;
        this.revokedCertificates = revokedCertificates;
        this.outcomes = outcomes;
    }

    /** The state a batch is decided against, and the answers already given to any of its requests. */
    public record Loaded(StoreSnapshot snapshot, Map<RequestKey, StoredOutcome> answered) {
    }

    /**
     * Reads the answers already given, then locks the documents that the new, well-formed requests ask about (and
     * their enrolments' other documents), then reads which of them are revoked. Revoked ids are read after the lock
     * so that the loser of a race sees the winner's recall.
     */
    public Loaded load(Collection<RecallRequest> requests) {
        Set<RequestKey> keys = new LinkedHashSet<>();
        requests.forEach(request -> keys.add(request.key()));
        Map<RequestKey, StoredOutcome> answered = outcomes.findAll(keys);

        Set<CertificateRef> asked = new LinkedHashSet<>();
        Set<EnrolmentRef> enrolments = new LinkedHashSet<>();
        for (RecallRequest request : requests) {
            if (!answered.containsKey(request.key()) && RecallRules.isWellFormed(request)) {
                asked.add(request.certificate());
                enrolments.add(request.enrolment());
            }
        }
        List<Certificate> current = asked.isEmpty() ? List.of() : certificates.lockForRecall(asked, enrolments);
        Set<CertificateRef> revoked = asked.isEmpty() ? Set.of() : revokedCertificates.findAmong(asked);
        return new Loaded(new StoreSnapshot(current, revoked, answered.keySet()), answered);
    }

    /** Applies the batch's recalls and records its new answers. */
    public void save(List<Outcome.Recalled> recalls, List<StoredOutcome> newAnswers) {
        if (!recalls.isEmpty()) {
            revokedCertificates.moveIn(recalls);
        }
        if (!newAnswers.isEmpty()) {
            outcomes.saveAll(newAnswers);
        }
    }
}
