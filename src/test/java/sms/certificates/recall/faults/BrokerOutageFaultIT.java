package sms.certificates.recall.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.support.OutcomeLog;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker process killed with SIGKILL mid-load and restarted, several times: the worker rides it out without a
 * restart of its own, and the invariants hold. A kill that lands during a commit leaves the worker not knowing whether
 * the commit happened; it must find out, not answer that batch twice.
 */
@Tag("faults")
class BrokerOutageFaultIT {

    @Test
    void aBrokerOutagePausesWorkAndTheWorkerRecoversByItself() throws InterruptedException, IOException {
        Scale scale = Scale.current();
        Duration outage = Duration.ofSeconds(scale.pick(8, 20));
        Random random = new Random(3);
        try (FaultRun run = FaultRun.start("broker-outage")) {
            Workload workload = Workload.generate("broker-" + Instant.now().toEpochMilli(), scale.pick(1_500, 5_000),
                    11, false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker");
            worker.startReady();

            int outages = scale.pick(2, 3);
            List<Instant> restarts = new ArrayList<>();
            try (RequestSender sender = run.sender()) {
                // slow enough that requests keep coming through every outage
                sender.start(workload.requests(), workload.resent(), 100);
                for (int i = 0; i < outages; i++) {
                    Thread.sleep(3_000 + random.nextInt(3_000));
                    run.broker().kill();
                    Thread.sleep(outage.toMillis());
                    run.broker().start();
                    restarts.add(Instant.now());
                }
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            List<Instant> visible = run.log().outcomes().stream().map(OutcomeLog.Outcome::visibleAt).sorted().toList();
            Duration resumedAfter = restarts.stream()
                    .map(restart -> visible.stream().filter(at -> at.isAfter(restart)).findFirst()
                            .map(first -> Duration.between(restart, first)).orElse(Duration.ZERO))
                    .max(Duration::compareTo).orElseThrow();
            long settled = Files.readAllLines(worker.log()).stream()
                    .filter(line -> line.contains("committed") && line.contains("after all")).count();
            run.report().parameter("broker kills", outages)
                    .parameter("broker down each time, seconds", outage.toSeconds())
                    .measure("batches whose commit failed on the client but completed on the broker", settled)
                    .measure("seconds from a restart to the first new outcome, longest",
                            resumedAfter.toMillis() / 1000.0)
                    .measure("worker starts", worker.starts());
            run.report().check("the worker recovered without a restart", worker.isAlive() && worker.starts() == 1,
                    "started " + worker.starts() + " time(s), alive: " + worker.isAlive());
            run.checkNoDeadLetters();
            assertThat(run.verify(workload)).isEmpty();
        }
    }
}
