package sms.certificates.recall.faults;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.harness.OutcomeLog;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker process killed with SIGKILL mid-load and restarted: the worker rides it out without a restart of its
 * own, and the invariants hold.
 */
@Tag("faults")
class BrokerOutageFaultIT {

    @Test
    void aBrokerOutagePausesWorkAndTheWorkerRecoversByItself() throws InterruptedException {
        Scale scale = Scale.current();
        Duration outage = Duration.ofSeconds(scale.pick(8, 20));
        try (FaultRun run = FaultRun.start("broker-outage")) {
            Workload workload = Workload.generate("broker-" + Instant.now().toEpochMilli(), scale.pick(1_500, 5_000),
                    11, false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker");
            worker.start();
            worker.awaitReady(Duration.ofSeconds(60));

            Instant back;
            try (RequestSender sender = run.sender()) {
                sender.start(workload.requests(), workload.resent(), 150);
                Thread.sleep(8_000);
                run.broker().kill();
                Thread.sleep(outage.toMillis());
                run.broker().start();
                back = Instant.now();
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            Duration resumedAfter = run.log().outcomes().stream().map(OutcomeLog.Outcome::visibleAt)
                    .filter(visible -> visible.isAfter(back))
                    .min(Instant::compareTo).map(first -> Duration.between(back, first)).orElse(Duration.ZERO);
            run.report().parameter("broker down, seconds", outage.toSeconds())
                    .measure("seconds from the broker's restart to the first new outcome",
                            resumedAfter.toMillis() / 1000.0)
                    .measure("worker starts", worker.starts());
            run.report().check("the worker recovered without a restart", worker.isAlive() && worker.starts() == 1,
                    "started " + worker.starts() + " time(s), alive: " + worker.isAlive());
            run.checkNoDeadLetters();
            assertThat(run.verify(workload)).isEmpty();
        }
    }
}
