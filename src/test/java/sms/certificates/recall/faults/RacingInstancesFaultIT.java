package sms.certificates.recall.faults;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers in one consumer group, requests for the same enrolments keyed at random so that they land on different
 * partitions and so on different workers; one worker is killed and kept down long enough for the group to rebalance,
 * then restarted (another rebalance). Races between the two never break issuance order or recall a document twice.
 */
@Tag("faults")
class RacingInstancesFaultIT {

    @Test
    void twoInstancesRacingForOneEnrolmentKeepEveryRule() throws InterruptedException {
        Scale scale = Scale.current();
        try (FaultRun run = FaultRun.start("racing-instances")) {
            Workload workload = Workload.generate("race-" + Instant.now().toEpochMilli(), scale.pick(2_000, 7_000),
                    13, true);
            run.preload(workload);
            WorkerProcess first = run.worker("worker-a");
            WorkerProcess second = run.worker("worker-b");
            first.start();
            second.start();
            first.awaitReady(Duration.ofSeconds(90));
            second.awaitReady(Duration.ofSeconds(90));

            int rounds = scale.pick(1, 2);
            try (RequestSender sender = run.sender()) {
                sender.start(workload.requests(), workload.resent(), 200);
                for (int round = 0; round < rounds; round++) {
                    Thread.sleep(4_000);
                    second.kill();
                    // past the session timeout (15 s): the group gives worker-b's partitions to worker-a
                    Thread.sleep(18_000);
                    second.start();
                    second.awaitReady(Duration.ofSeconds(90));
                }
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            run.report().parameter("workers", 2)
                    .parameter("keys", "random: one enrolment's requests spread over partitions")
                    .measure("kill-and-restart rounds of worker-b", rounds);
            run.checkNoDeadLetters();
            assertThat(run.verify(workload)).isEmpty();
        }
    }
}
