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
 * SIGTERM mid-load: the worker finishes or rolls back the batch in hand and exits within 10 s; started again, it
 * answers the rest, and nothing is lost or answered twice.
 */
@Tag("faults")
class GracefulShutdownFaultIT {

    @Test
    void sigtermMidLoadExitsPromptlyAndLosesNothing() throws InterruptedException {
        Scale scale = Scale.current();
        try (FaultRun run = FaultRun.start("graceful-shutdown")) {
            Workload workload = Workload.generate("term-" + Instant.now().toEpochMilli(), scale.pick(1_500, 4_000),
                    17, false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker");
            worker.startReady();

            Duration exit;
            int exitStatus;
            try (RequestSender sender = run.sender()) {
                sender.start(workload.requests(), workload.resent(), 300);
                Thread.sleep(5_000);
                exit = worker.terminate(Duration.ofSeconds(30));
                exitStatus = worker.exitValue();
                worker.startReady();
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            run.report().measure("seconds from SIGTERM to exit", exit.toMillis() / 1000.0)
                    .measure("exit status", exitStatus);
            run.report().check("exited within 10 s of SIGTERM", exit.compareTo(Duration.ofSeconds(10)) <= 0,
                    exit.toMillis() + " ms");
            run.checkNoDeadLetters();
            assertThat(run.verify(workload)).isEmpty();
        }
    }
}
