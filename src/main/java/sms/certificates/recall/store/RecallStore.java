package sms.certificates.recall.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.EnrolmentRef;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RequestKey;

/**
 * What a batch reads and writes, in the caller's database transaction: five statements whatever the batch size
 * (answers given, lock, revoked ids, the move, the new answers).
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

    /** The documents a batch may change, held locked, and which of those asked about this tenant already revoked. */
    public record Locked(List<Certificate> current, Set<CertificateRef> revoked) {
    }

    /** The answers already given to any of these requests. */
    public Map<RequestKey, StoredOutcome> answersTo(Collection<RequestKey> requests) {
        return outcomes.findAll(requests);
    }

    /**
     * Locks, until the transaction ends, the documents asked about and every current document of their enrolments,
     * then reads which of the documents asked about are revoked: after the lock, so that the loser of a race sees
     * the winner's recall.
     */
    public Locked lock(Collection<CertificateRef> asked, Collection<EnrolmentRef> enrolments) {
        if (asked.isEmpty()) {
            return new Locked(List.of(), Set.of());
        }
        List<Certificate> current = certificates.lockForRecall(asked, enrolments);
        return new Locked(current, revokedCertificates.findAmong(asked));
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
