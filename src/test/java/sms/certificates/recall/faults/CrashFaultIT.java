package sms.certificates.recall.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.harness.Processes;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker killed with SIGKILL at random moments while requests stream in, and restarted each time: afterwards
 * every request has exactly one answer, and the stores agree with the events.
 */
@Tag("faults")
class CrashFaultIT {

    @Test
    void aWorkerKilledAtRandomLosesAndDuplicatesNothing() {
        Scale scale = Scale.current();
        Random random = new Random(42);
        try (FaultRun run = FaultRun.start("crash")) {
            Workload workload = Workload.generate("crash-" + Instant.now().toEpochMilli(),
                    scale.pick(2_000, 14_000), 42, false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker");
            worker.startReady();

            int kills = 0;
            try (RequestSender sender = run.sender()) {
                sender.start(workload.requests(), workload.resent(), scale.pick(200, 400));
                int minimumKills = scale.pick(2, 5);
                List<String> ids = workload.requests().stream().map(Workload.Request::requestId).toList();
                while (kills < minimumKills || sender.isSending()) {
                    sleepRandomly(random, 2_000, 6_000);
                    worker.kill();
                    kills++;
                    sleepRandomly(random, 0, 1_000);
                    worker.startReady();
                }
                sender.join();
                Instant drainStarted = Instant.now();
                run.log().awaitAnswers(ids, Duration.ofMinutes(3));
                run.report().measure("seconds to answer the rest after sending ended",
                        Duration.between(drainStarted, Instant.now()).toMillis() / 1000.0);
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(1));
                run.report().measure("SIGKILLs", kills).measure("worker starts", worker.starts());
                run.checkNoDeadLetters();
            }
            assertThat(run.verify(workload)).isEmpty();
        }
    }

    private static void sleepRandomly(Random random, int fromMillis, int toMillis) {
        Processes.sleep(Duration.ofMillis(fromMillis + random.nextInt(toMillis - fromMillis + 1)));
    }
}
