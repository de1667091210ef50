package sms.certificates.recall.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.util.FileSystemUtils;

import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.support.LocalSchemaRegistryServer;
import sms.certificates.recall.support.TestCertificates;
import sms.certificates.recall.support.OutcomeLog;

/**
 * One scenario's world: a broker process of its own, a schema registry over HTTP, this machine's PostgreSQL, the
 * contract's topics, workers started from the jar, and a {@code read_committed} log of what they publish. Files go to
 * {@code target/faults/<scenario>/}; results to {@code target/faults/<scenario>.json} and {@code results.md}.
 */
public final class FaultRun implements AutoCloseable {

    public static final Path RESULTS = Path.of("target", "faults");
    public static final int PARTITIONS = 6;

    private final Path workDir;
    private final BrokerProcess broker;
    private final LocalSchemaRegistryServer registry;
    private final RecallTopics topics = new RecallTopics("sms.certificates.recall-requested",
            "sms.certificates.recalled", "sms.certificates.recall-rejected", "sms.certificates.recall-requested-dlt",
            true, PARTITIONS, (short) 1);
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final FaultReport report;
    private final OutcomeLog log;
    private final Database database;

    private FaultRun(String scenario, Path root, Database database) {
        this.database = database;
        this.workDir = root.resolve(scenario);
        FileSystemUtils.deleteRecursively(workDir.toFile());
        this.report = new FaultReport(scenario);
        this.broker = BrokerProcess.start(workDir);
        this.registry = LocalSchemaRegistryServer.start(0);
        createTopics();
        this.log = new OutcomeLog(broker.bootstrapServers(), registry.url(), topics);
    }

    public static FaultRun start(String scenario) {
        return new FaultRun(scenario, RESULTS, Database.test());
    }

    /** For the benchmark: files under another directory, a database of its own. */
    public static FaultRun start(String scenario, Path root, Database database) {
        return new FaultRun(scenario, root, database);
    }

    /** A worker connected to this run's broker, registry and database; not started yet. */
    public WorkerProcess worker(String name, Map<String, String> overrides, List<String> jvmOptions) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL", registry.url(),
                "SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "RECALL_TOPICS_PARTITIONS", String.valueOf(PARTITIONS)));
        environment.putAll(overrides);
        WorkerProcess worker = new WorkerProcess(name, workDir, environment, jvmOptions);
        workers.add(worker);
        return worker;
    }

    public WorkerProcess worker(String name) {
        return worker(name, Map.of(), List.of("-Xmx512m"));
    }

    public void preload(Workload workload) {
        new TestCertificates(database()).issueAll(workload.certificates());
    }

    public RequestSender sender() {
        return new RequestSender(broker.bootstrapServers(), registry.url(), topics.requested());
    }

    public DataSource database() {
        return database.dataSource();
    }

    public BrokerProcess broker() {
        return broker;
    }

    public RecallTopics topics() {
        return topics;
    }

    public OutcomeLog log() {
        return log;
    }

    public FaultReport report() {
        return report;
    }

    /**
     * Waits until every request of the workload is answered (or the timeout passes) and nothing more arrives, and
     * records the workload's sizes; returns the requests left unanswered.
     */
    public List<String> awaitAnswers(Workload workload, int sent, Duration timeout) {
        List<String> ids = workload.requests().stream().map(Workload.Request::requestId).toList();
        List<String> missing = log.awaitAnswers(ids, timeout);
        log.awaitQuiet(Duration.ofSeconds(3));
        report.parameter("records sent", sent)
                .parameter("distinct requests", ids.size())
                .parameter("requests sent twice", workload.resent().size())
                .parameter("documents preloaded", workload.certificates().size())
                .measure("unanswered", missing.size())
                .measure("dead letters", log.deadLetters().size());
        return missing;
    }

    /** Records that the run published no dead letters: none of its records was unreadable. */
    public void checkNoDeadLetters() {
        report.check("nothing dead-lettered", log.deadLetters().isEmpty(), log.deadLetters().size() + " dead letters");
    }

    /** Checks the contract's invariants for the workload and writes the report; returns the failed checks. */
    public List<FaultReport.Check> verify(Workload workload) {
        Invariants.check(workload, log, database(), report);
        report.write(workDir.getParent());
        return report.failures();
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            admin.createTopics(List.of(topics.requested(), topics.recalled(), topics.rejected(), topics.deadLetter())
                    .stream().map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workers.forEach(WorkerProcess::close);
        try {
            log.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
        broker.close();
    }
}
