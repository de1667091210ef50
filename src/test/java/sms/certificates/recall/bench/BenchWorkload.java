package sms.certificates.recall.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.DocumentType;
import sms.certificates.recall.decision.RejectionCode;
import sms.certificates.recall.harness.Workload;
import sms.certificates.recall.support.OutcomeLog;
import sms.certificates.recall.support.TestCertificates;

/**
 * The benchmark's data: two documents per enrolment (half a certificate and its re-issue, half a certificate and a
 * later statement of attainment), a backlog of requests of which 85 % recall an enrolment's latest document and 15 %
 * are spread over the rejection codes, and a separate set of valid requests for the latency test. Requests of one
 * enrolment are keyed alike and kept in order, so every expected outcome is certain.
 */
final class BenchWorkload {

    private static final List<RejectionCode> REJECTIONS = List.of(RejectionCode.values());

    final List<String> tenants;
    final List<Certificate> certificates = new ArrayList<>();
    final List<Workload.Request> backlog = new ArrayList<>();
    final List<Workload.Request> latency = new ArrayList<>();

    private BenchWorkload(List<String> tenants) {
        this.tenants = tenants;
    }

    static BenchWorkload generate(String run, int enrolments, int backlogSize, int latencySize, long seed) {
        Random random = new Random(seed);
        BenchWorkload workload = new BenchWorkload(List.of(run + "-rto-a", run + "-rto-b", run + "-rto-c"));
        List<List<Certificate>> byEnrolment = new ArrayList<>();
        for (int e = 0; e < enrolments + latencySize; e++) {
            String tenant = workload.tenants.get(e % workload.tenants.size());
            String enrolment = run + "-e" + e;
            String student = run + "-s" + e;
            Certificate first = TestCertificates.document(tenant, run + "-c" + e + "-1", student, enrolment, 1, DocumentType.CERTIFICATE);
            Certificate second = TestCertificates.document(tenant, run + "-c" + e + "-2", student, enrolment, 2,
                    e % 2 == 0 ? DocumentType.CERTIFICATE : DocumentType.STATEMENT_OF_ATTAINMENT);
            byEnrolment.add(List.of(first, second));
            workload.certificates.add(first);
            workload.certificates.add(second);
        }
        int valid = backlogSize * 85 / 100;
        int rejections = backlogSize - valid;
        List<List<Workload.Request>> groups = new ArrayList<>();
        int nextEnrolment = 0;
        for (int i = 0; i < valid; i++) {
            List<Certificate> documents = byEnrolment.get(nextEnrolment++);
            groups.add(new ArrayList<>(List.of(request(documents.get(1), random, OutcomeLog.RECALLED))));
        }
        for (int i = 0; i < rejections; i++) {
            RejectionCode code = REJECTIONS.get(i % REJECTIONS.size());
            if (code == RejectionCode.ALREADY_RECALLED) {
                // right after a valid request for the same document, on the same key: certainly second
                List<Workload.Request> group = groups.get(i % valid);
                Certificate latest = byEnrolment.get(i % valid).get(1);
                group.add(request(latest, random, code.name()));
                continue;
            }
            List<Certificate> documents = byEnrolment.get(nextEnrolment++);
            groups.add(List.of(rejected(code, documents, random)));
        }
        Collections.shuffle(groups, random);
        groups.forEach(workload.backlog::addAll);
        for (int i = 0; i < latencySize; i++) {
            workload.latency.add(request(byEnrolment.get(enrolments + i).get(1), random, OutcomeLog.RECALLED));
        }
        return workload;
    }

    private static Workload.Request rejected(RejectionCode code, List<Certificate> documents, Random random) {
        Certificate latest = documents.get(1);
        RecallRequested message = Workload.request(latest, random);
        Workload.spoil(message, code, latest, documents.get(0));
        return new Workload.Request(message, key(latest), Set.of(code.name()));
    }

    private static Workload.Request request(Certificate certificate, Random random, String expected) {
        return new Workload.Request(Workload.request(certificate, random), key(certificate), Set.of(expected));
    }

    private static byte[] key(Certificate certificate) {
        return certificate.enrolmentId().getBytes(StandardCharsets.UTF_8);
    }
}
