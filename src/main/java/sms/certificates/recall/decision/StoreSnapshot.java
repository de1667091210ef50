package sms.certificates.recall.decision;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the store knows about the documents a batch of requests asks about, read under lock: the current documents of
 * their enrolments, the tenant's revoked ids among them, and the requests already answered. The batch's own recalls
 * and answers are added as it is decided, so that two requests of one batch see each other.
 */
public final class StoreSnapshot {

    private final Map<CertificateRef, Certificate> current = new HashMap<>();
    private final Map<EnrolmentRef, Set<Certificate>> currentByEnrolment = new HashMap<>();
    private final Set<CertificateRef> revoked;
    private final Set<RequestKey> answered;

    public StoreSnapshot(Collection<Certificate> current, Collection<CertificateRef> revoked,
            Collection<RequestKey> answered) {
        current.forEach(this::addCurrent);
        this.revoked = new HashSet<>(revoked);
        this.answered = new HashSet<>(answered);
    }

    public Optional<Certificate> current(CertificateRef ref) {
        return Optional.ofNullable(current.get(ref));
    }

    public boolean isRevoked(CertificateRef ref) {
        return revoked.contains(ref);
    }

    public boolean isAnswered(RequestKey key) {
        return answered.contains(key);
    }

    /** Of the other current documents of this one's enrolment, the one with the highest issue sequence. */
    public Optional<Certificate> latestBesides(Certificate certificate) {
        return currentByEnrolment.getOrDefault(certificate.enrolment(), Set.of()).stream()
                .filter(other -> !other.equals(certificate))
                .max(Comparator.comparingInt(Certificate::issueSequence));
    }

    void markRecalled(Certificate certificate) {
        current.remove(certificate.ref());
        currentByEnrolment.get(certificate.enrolment()).remove(certificate);
        revoked.add(certificate.ref());
    }

    void markAnswered(RequestKey key) {
        answered.add(key);
    }

    private void addCurrent(Certificate certificate) {
        current.put(certificate.ref(), certificate);
        currentByEnrolment.computeIfAbsent(certificate.enrolment(), e -> new HashSet<>()).add(certificate);
    }
}
