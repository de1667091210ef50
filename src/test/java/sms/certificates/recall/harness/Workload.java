package sms.certificates.recall.harness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import sms.certificates.Actor;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.RejectionCode;
import sms.certificates.recall.support.TestCertificates;

import static sms.certificates.recall.support.OutcomeLog.RECALLED;

/**
 * Documents to preload and requests to send, each request with the outcomes it may correctly get. Per enrolment:
 * about half have a re-issue; most get a valid request for each document, in random order (so the original is
 * sometimes asked for first: {@code NOT_LATEST_ISSUANCE}, sometimes after: recalled); some get two requests for one
 * document (one recalled, one {@code ALREADY_RECALLED}); the rest get a malformed or mismatched request with a
 * known code. Some requests are sent twice.
 */
public final class Workload {

    /** What a request gets wrong in a mixed workload: everything rule 8 and a previous recall do not decide. */
    private static final List<RejectionCode> MALFORMED_OR_MISMATCHED = List.of(RejectionCode.INVALID_REQUEST,
            RejectionCode.REASON_REQUIRED, RejectionCode.REASON_INVALID, RejectionCode.CONFIRMATION_MISMATCH,
            RejectionCode.CERTIFICATE_NOT_FOUND, RejectionCode.CERTIFICATE_MISMATCH);


    /** One request to send; {@code expected}: the outcomes that are correct for it. */
    public record Request(RecallRequested message, byte[] key, Set<String> expected) {

        public String requestId() {
            return message.getRequestId();
        }
    }

    private final List<String> tenants;
    private final List<Certificate> certificates = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Request> resent = new ArrayList<>();

    private Workload(List<String> tenants) {
        this.tenants = tenants;
    }

    /**
     * @param enrolments how many enrolments to issue documents for
     * @param randomKeys key requests by a random string instead of the enrolment, so that one enrolment's requests
     * land on different partitions
     */
    public static Workload generate(String run, int enrolments, long seed, boolean randomKeys) {
        Random random = new Random(seed);
        List<String> tenants = List.of(run + "-rto-a", run + "-rto-b", run + "-rto-c");
        Workload workload = new Workload(tenants);
        for (int e = 0; e < enrolments; e++) {
            String tenant = tenants.get(e % tenants.size());
            String enrolment = run + "-enrolment-" + e;
            String student = run + "-student-" + e;
            List<Certificate> documents = new ArrayList<>();
            documents.add(TestCertificates.document(tenant, run + "-cert-" + e + "-1", student, enrolment, 1));
            if (random.nextBoolean()) {
                documents.add(TestCertificates.document(tenant, run + "-cert-" + e + "-2", student, enrolment, 2));
            }
            workload.certificates.addAll(documents);
            workload.addRequests(documents, random, randomKeys);
        }
        Collections.shuffle(workload.requests, random);
        for (Request request : workload.requests) {
            if (random.nextInt(100) < 3) {
                workload.resent.add(request);
            }
        }
        return workload;
    }

    private void addRequests(List<Certificate> documents, Random random, boolean randomKeys) {
        int kind = random.nextInt(100);
        Certificate latest = documents.get(documents.size() - 1);
        if (kind < 15) {
            add(invalid(latest, random), randomKeys, random);
        } else if (kind < 20 && documents.size() == 1) {
            // two requests for one document: whichever comes second finds it recalled
            add(new Request(request(latest, random), null, Set.of(RECALLED, "ALREADY_RECALLED")), randomKeys, random);
            add(new Request(request(latest, random), null, Set.of(RECALLED, "ALREADY_RECALLED")), randomKeys, random);
        } else {
            List<Request> forDocuments = new ArrayList<>();
            forDocuments.add(new Request(request(latest, random), null, Set.of(RECALLED)));
            if (documents.size() == 2) {
                forDocuments.add(new Request(request(documents.get(0), random), null,
                        Set.of(RECALLED, "NOT_LATEST_ISSUANCE")));
            }
            Collections.shuffle(forDocuments, random);
            forDocuments.forEach(request -> add(request, randomKeys, random));
        }
    }

    private Request invalid(Certificate certificate, Random random) {
        RecallRequested message = request(certificate, random);
        RejectionCode code = MALFORMED_OR_MISMATCHED.get(random.nextInt(MALFORMED_OR_MISMATCHED.size()));
        spoil(message, code, certificate, null);
        return new Request(message, null, Set.of(code.name()));
    }

    /**
     * Changes a request for {@code latest} so that it earns {@code code}; {@code NOT_LATEST_ISSUANCE} asks for the
     * {@code earlier} document instead. {@code ALREADY_RECALLED} needs a recall first: not done here.
     */
    public static void spoil(RecallRequested message, RejectionCode code, Certificate latest, Certificate earlier) {
        switch (code) {
            case INVALID_REQUEST -> message.setRequestId("not-a-uuid-" + UUID.randomUUID());
            case REASON_REQUIRED -> message.setReason(" \t ");
            case REASON_INVALID -> message.setReason("x".repeat(1_001));
            case CONFIRMATION_MISMATCH -> message.setConfirmation("recall");
            case CERTIFICATE_NOT_FOUND -> message.setCertificateId(latest.certificateId() + "-never-issued");
            case CERTIFICATE_MISMATCH -> message.setStudentId(latest.studentId() + "-someone-else");
            case NOT_LATEST_ISSUANCE -> message.setCertificateId(earlier.certificateId());
            case ALREADY_RECALLED -> throw new IllegalArgumentException(code + " needs a recall first");
        }
    }

    private void add(Request request, boolean randomKeys, Random random) {
        String key = randomKeys ? "key-" + random.nextInt(1_000_000) : request.message().getEnrolmentId();
        requests.add(new Request(request.message(), key.getBytes(StandardCharsets.UTF_8), request.expected()));
    }

    public static RecallRequested request(Certificate certificate, Random random) {
        return RecallRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setTenantId(certificate.tenantId())
                .setCertificateId(certificate.certificateId())
                .setStudentId(certificate.studentId())
                .setEnrolmentId(certificate.enrolmentId())
                .setReasonCategory(RecallReasonCategory.COMPLIANCE_UPDATE)
                .setReason("Confidential reason " + random.nextInt())
                .setConfirmation("RECALL")
                .setRequestedBy(new Actor("staff-" + random.nextInt(50), "Staff Member Name", "Registrar"))
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    public List<String> tenants() {
        return tenants;
    }

    public List<Certificate> certificates() {
        return certificates;
    }

    /** Every request once, in sending order. */
    public List<Request> requests() {
        return requests;
    }

    /** Requests to send a second time (the requester retrying), after the first sending. */
    public List<Request> resent() {
        return resent;
    }
}
