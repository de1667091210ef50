package sms.certificates.recall.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.Actor;
import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.support.OutcomeLog;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input: probing another tenant's document ids tells nothing (the same code and message as an
 * id that does not exist); reasons and staff names never reach the logs; records near the broker's size limit and
 * requests with absurdly long fields are dead-lettered or rejected, with the worker's heap capped at 128 MB.
 */
@Tag("faults")
class BadInputFaultIT {

    @Test
    void badInputIsAnsweredWithoutLeakingOrExhaustingAnything() throws IOException {
        Scale scale = Scale.current();
        Random random = new Random(23);
        try (FaultRun run = FaultRun.start("bad-input")) {
            Workload workload = Workload.generate("bad-" + Instant.now().toEpochMilli(), scale.pick(300, 1_000), 23,
                    false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker", Map.of(), List.of("-Xmx128m"));
            worker.startReady();

            String prober = "prober-" + UUID.randomUUID();
            List<RecallRequested> foreignProbes = new ArrayList<>();
            List<RecallRequested> emptyProbes = new ArrayList<>();
            List<RecallRequested> absurd = new ArrayList<>();
            List<RequestSender.Raw> oversized = new ArrayList<>();
            try (RequestSender sender = run.sender()) {
                for (Certificate certificate : workload.certificates().subList(0, scale.pick(100, 300))) {
                    foreignProbes.add(probe(prober, certificate.certificateId(), certificate, random));
                    emptyProbes.add(probe(prober, "no-such-document-" + UUID.randomUUID(), certificate, random));
                }
                for (int i = 0; i < scale.pick(50, 200); i++) {
                    RecallRequested request = probe(prober, "x".repeat(100_000), workload.certificates().get(i),
                            random);
                    request.setTenantId(prober + "y".repeat(50_000));
                    absurd.add(request);
                    byte[] bytes = new byte[900_000];
                    random.nextBytes(bytes);
                    oversized.add(new RequestSender.Raw(("oversized-" + i).getBytes(StandardCharsets.UTF_8), bytes));
                }
                List<Object> all = new ArrayList<>(workload.requests());
                List<RecallRequested> probes = concat(foreignProbes, emptyProbes, absurd);
                for (RecallRequested request : probes) {
                    all.add(new Workload.Request(request, request.getEnrolmentId().getBytes(StandardCharsets.UTF_8),
                            Set.of("CERTIFICATE_NOT_FOUND")));
                }
                all.addAll(oversized);
                sender.start(all, workload.resent(), 0);
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
                run.log().awaitAnswers(probes.stream().map(RecallRequested::getRequestId).toList(),
                        Duration.ofMinutes(2));
            }

            Set<String> foreignAnswers = answers(run, foreignProbes);
            Set<String> emptyAnswers = answers(run, emptyProbes);
            run.report().check("another tenant's documents answered exactly like missing ones",
                    foreignAnswers.equals(emptyAnswers) && foreignAnswers.size() == 1,
                    foreignProbes.size() + " probes of existing ids answered " + foreignAnswers + "; "
                            + emptyProbes.size() + " of missing ids answered " + emptyAnswers);
            Set<String> absurdAnswers = answers(run, absurd);
            run.report().check("requests with 100 KB fields are rejected",
                    absurdAnswers.size() == 1 && absurdAnswers.iterator().next().startsWith("CERTIFICATE_NOT_FOUND"),
                    absurd.size() + " answered " + absurdAnswers.stream().map(a -> a.split(":")[0]).toList());
            long deadOversized = oversized.stream().filter(raw -> run.log().deadLetters().stream()
                    .anyMatch(letter -> Arrays.equals(letter.key(), raw.key()))).count();
            run.report().check("records of 900 KB are dead-lettered", deadOversized == oversized.size(),
                    deadOversized + " of " + oversized.size());

            String log = Files.readString(worker.log());
            List<String> secrets = List.of("Confidential reason", "Staff Member Name", "Probing Person");
            List<String> leaked = secrets.stream().filter(log::contains).toList();
            run.report().check("no reason text or staff name in the worker's log", leaked.isEmpty(),
                    leaked.isEmpty() ? Files.readAllLines(worker.log()).size() + " log lines, none with a reason "
                            + "or a name" : "found: " + leaked);
            run.report().check("the worker stayed up with a 128 MB heap", worker.isAlive() && worker.isReady(),
                    "alive: " + worker.isAlive() + ", resident " + worker.residentBytes() / (1024 * 1024) + " MB");
            run.report().parameter("probes of another tenant's ids", foreignProbes.size())
                    .parameter("requests with 100 KB ids", absurd.size())
                    .parameter("records of 900 KB", oversized.size());
            assertThat(run.verify(workload)).isEmpty();
        }
    }

    private static RecallRequested probe(String tenant, String certificateId, Certificate like, Random random) {
        return RecallRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setTenantId(tenant)
                .setCertificateId(certificateId)
                .setStudentId(like.studentId())
                .setEnrolmentId(like.enrolmentId())
                .setReason("Confidential reason " + random.nextInt())
                .setConfirmation("RECALL")
                .setRequestedBy(new Actor("prober", "Probing Person", null))
                .setRequestedAt(Instant.now())
                .build();
    }

    /** Each request's answer as code and message. */
    private static Set<String> answers(FaultRun run, List<RecallRequested> requests) {
        return requests.stream()
                .map(request -> run.log().of(request.getRequestId()))
                .map(outcomes -> outcomes.isEmpty() ? "unanswered" : describe(outcomes.get(0)))
                .collect(Collectors.toSet());
    }

    private static String describe(OutcomeLog.Outcome outcome) {
        return outcome.result() + ": " + outcome.message();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
