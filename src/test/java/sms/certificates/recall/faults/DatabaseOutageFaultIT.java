package sms.certificates.recall.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.harness.Processes;
import sms.certificates.recall.support.OutcomeLog;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;
import sms.certificates.recall.support.TcpProxy;
import sms.certificates.recall.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL unreachable mid-load: the worker reaches it through a proxy that drops every connection and refuses new
 * ones for a while (the machine's shared cluster is left alone). Nothing is rejected or dead-lettered for it, the
 * worker pauses and resumes by itself, and the invariants hold.
 */
@Tag("faults")
class DatabaseOutageFaultIT {

    @Test
    void aDatabaseOutagePausesWorkAndNothingElse() {
        Scale scale = Scale.current();
        Duration outage = Duration.ofSeconds(scale.pick(10, 30));
        try (FaultRun run = FaultRun.start("database-outage");
                TcpProxy database = TcpProxy.to(TestDatabase.host(), TestDatabase.port())) {
            Workload workload = Workload.generate("db-" + Instant.now().toEpochMilli(), scale.pick(1_500, 5_000), 7,
                    false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker", Map.of("SPRING_DATASOURCE_URL",
                    TestDatabase.urlVia(database.port())), List.of("-Xmx512m"));
            worker.startReady();

            Instant cut;
            Instant restored;
            boolean readinessWentDown;
            try (RequestSender sender = run.sender()) {
                sender.start(workload.requests(), workload.resent(), 150);
                Processes.sleep(Duration.ofSeconds(8));
                cut = Instant.now();
                database.cut();
                Processes.sleep(outage.dividedBy(2));
                readinessWentDown = !worker.isReady();
                Processes.sleep(outage.dividedBy(2));
                database.restore();
                restored = Instant.now();
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            Duration resumedAfter = run.log().outcomes().stream().map(OutcomeLog.Outcome::visibleAt)
                    .filter(visible -> visible.isAfter(restored))
                    .min(Instant::compareTo).map(first -> Duration.between(restored, first)).orElse(Duration.ZERO);
            long answeredDuringOutage = run.log().outcomes().stream()
                    .filter(o -> o.visibleAt().isAfter(cut.plusSeconds(2)) && o.visibleAt().isBefore(restored))
                    .count();
            run.report().parameter("outage, seconds", outage.toSeconds())
                    .measure("seconds from recovery to the first new outcome", resumedAfter.toMillis() / 1000.0)
                    .measure("outcomes published while the database was away (after the first 2 s)",
                            answeredDuringOutage)
                    .measure("worker starts", worker.starts());
            run.report().check("readiness went down during the outage", readinessWentDown, "readiness probe: "
                    + (readinessWentDown ? "503" : "still 200"));
            run.report().check("work resumed within 10 s of recovery", resumedAfter.compareTo(Duration.ofSeconds(10)) <= 0,
                    resumedAfter.toMillis() + " ms");
            run.report().check("the worker recovered by itself", worker.isAlive() && worker.starts() == 1,
                    "started " + worker.starts() + " time(s), alive: " + worker.isAlive());
            run.checkNoDeadLetters();
            assertThat(run.verify(workload)).isEmpty();
        }
    }
}
