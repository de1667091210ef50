package sms.certificates.recall.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;
import org.springframework.jdbc.core.simple.JdbcClient;

import sms.certificates.recall.harness.Database;
import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.support.OutcomeLog;
import sms.certificates.recall.harness.Processes;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;
import sms.certificates.recall.support.TestCertificates;

/**
 * The benchmark: {@code mvn -Pbench verify}. A real broker process, this machine's PostgreSQL (database
 * {@code recall_bench}, emptied first), and the worker from its jar. For each intake mode, the naive baseline
 * ({@code recall.intake.mode=record}) and the production path ({@code batch}): preload the documents, put a backlog
 * of requests in the topic, start the worker and time it from start to ready and from ready to the last outcome a
 * {@code read_committed} consumer sees. Then, on the production path, offer a fixed load and measure the end-to-end
 * latency, and read the worker's footprint. Results in {@code target/bench/recall.json} and {@code recall.md}.
 */
public final class RecallBenchmark {

    private static final Path RESULTS = Path.of("target", "bench");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int enrolments = Integer.getInteger("bench.enrolments", 100_000);
    private final int backlog = Integer.getInteger("bench.backlog", 100_000);
    private final int naiveBacklog = Integer.getInteger("bench.naive-backlog", 20_000);
    private final int latencyRate = Integer.getInteger("bench.latency-rate", 200);
    private final int latencySeconds = Integer.getInteger("bench.latency-seconds", 60);
    private final List<String> workerJvm = List.of(System.getProperty("bench.worker-jvm", "-Xmx256m").trim()
            .split("\\s+"));

    public static void main(String[] args) throws Exception {
        new RecallBenchmark().run();
    }

    private void run() throws Exception {
        Database database = Database.named("recall_bench");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine(database));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("enrolments", enrolments);
        setup.put("documents preloaded per run", 2 * enrolments);
        setup.put("backlog, production path", backlog);
        setup.put("backlog, naive baseline", naiveBacklog);
        setup.put("valid share of the backlog", "85 %");
        setup.put("latency test", latencyRate + " requests/s for " + latencySeconds + " s, after 10 s idle");
        setup.put("worker JVM options", String.join(" ", workerJvm));
        results.put("setup", setup);

        Map<String, Object> naive = null;
        if (naiveBacklog > 0) {
            empty(database);
            naive = drain("record", naiveBacklog, 0, database);
            results.put("naive baseline (recall.intake.mode=record)", naive);
        }
        empty(database);
        Map<String, Object> batch = drain("batch", backlog, latencyRate * latencySeconds, database);
        results.put("production path (recall.intake.mode=batch)", batch);
        if (naive != null) {
            double speedup = (double) batch.get("recalls per second") / (double) naive.get("recalls per second");
            results.put("drain speed-up over the naive baseline", round(speedup));
        }

        Files.createDirectories(RESULTS);
        JSON.writeValue(RESULTS.resolve("recall.json").toFile(), results);
        Files.writeString(RESULTS.resolve("recall.md"), markdown(results));
        System.out.println(Files.readString(RESULTS.resolve("recall.md")));
    }

    private Map<String, Object> drain(String mode, int backlogSize, int latencySize, Database database)
            throws Exception {
        BenchWorkload workload = BenchWorkload.generate("bench-" + mode + "-" + Instant.now().toEpochMilli(),
                enrolments, backlogSize, latencySize, 31);
        Map<String, Object> result = new LinkedHashMap<>();
        try (FaultRun run = FaultRun.start("bench-" + mode, RESULTS, database)) {
            Instant preloadStart = Instant.now();
            new TestCertificates(run.database()).issueAll(workload.certificates);
            result.put("preload seconds", seconds(Duration.between(preloadStart, Instant.now())));
            try (RequestSender sender = run.sender()) {
                sender.start(workload.backlog, List.of(), 0);
                sender.join();
            }
            Map<String, String> environment = new HashMap<>(Map.of("RECALL_INTAKE_MODE", mode));
            for (String setting : System.getProperty("bench.worker-env", "").split(",")) {
                if (setting.contains("=")) {
                    environment.put(setting.substring(0, setting.indexOf('=')).strip(),
                            setting.substring(setting.indexOf('=') + 1).strip());
                }
            }
            WorkerProcess worker = run.worker("worker-" + mode, environment, workerJvm);
            worker.start();
            Duration ready = worker.awaitReady(Duration.ofSeconds(60));
            Instant readyAt = Instant.now();
            long workerCpu = Processes.cpuMillis(worker.pid());
            long brokerCpu = Processes.cpuMillis(run.broker().pid());
            long postgresCpu = Processes.cpuMillisOfAll("postgres");
            long harnessCpu = Processes.cpuMillis(ProcessHandle.current().pid());
            List<String> ids = workload.backlog.stream().map(Workload.Request::requestId).toList();
            List<String> missing = run.log().awaitAnswers(ids, Duration.ofMinutes(30));
            Instant last = run.log().outcomes().stream().map(OutcomeLog.Outcome::visibleAt)
                    .max(Comparator.naturalOrder()).orElseThrow();
            Instant first = run.log().outcomes().stream().map(OutcomeLog.Outcome::visibleAt)
                    .min(Comparator.naturalOrder()).orElseThrow();
            long recalls = run.log().outcomes().stream().filter(o -> o.result().equals(OutcomeLog.RECALLED)).count();
            Duration drain = Duration.between(readyAt, last);
            result.put("seconds from process start to ready", seconds(ready));
            result.put("requests answered", ids.size() - missing.size());
            result.put("recalls", recalls);
            result.put("drain seconds (ready to last outcome visible)", seconds(drain));
            result.put("requests per second", round(ids.size() / seconds(drain)));
            result.put("recalls per second", round(recalls / seconds(drain)));
            result.put("recalls per second, first to last outcome",
                    round(recalls / seconds(Duration.between(first, last))));
            result.put("CPU µs per request: worker / broker / PostgreSQL / load generator and observer",
                    perRequest(Processes.cpuMillis(worker.pid()) - workerCpu, ids.size()) + " / "
                            + perRequest(Processes.cpuMillis(run.broker().pid()) - brokerCpu, ids.size()) + " / "
                            + perRequest(Processes.cpuMillisOfAll("postgres") - postgresCpu, ids.size()) + " / "
                            + perRequest(Processes.cpuMillis(ProcessHandle.current().pid()) - harnessCpu,
                                    ids.size()));
            result.put("outcomes not as expected", wrongOutcomes(run, workload.backlog));
            result.put("resident memory after the drain, MB", worker.residentBytes() / (1024 * 1024));
            result.put("heap used after the drain, MB",
                    Math.round(metric(worker, "jvm.memory.used?tag=area:heap") / (1024 * 1024)));
            if (mode.equals("batch")) {
                result.put("batch time, max ms", round(statistic(worker, "recall.batch", "MAX") * 1000));
            }
            if (latencySize > 0) {
                Thread.sleep(10_000); // steady state: not in the wake of the backlog
                result.putAll(brokerRoundTrip(run));
                result.putAll(latency(run, workload));
                result.put("resident memory at the end, MB", worker.residentBytes() / (1024 * 1024));
            }
        }
        return result;
    }

    private Map<String, Object> latency(FaultRun run, BenchWorkload workload) {
        try (RequestSender sender = run.sender()) {
            sender.start(workload.latency, List.of(), latencyRate);
            sender.join();
        }
        List<String> ids = workload.latency.stream().map(Workload.Request::requestId).toList();
        run.log().awaitAnswers(ids, Duration.ofMinutes(2));
        List<Long> millis = new ArrayList<>();
        List<Long> toSend = new ArrayList<>();
        List<Long> toVisible = new ArrayList<>();
        for (String id : ids) {
            run.log().of(id).stream().findFirst().ifPresent(outcome -> {
                millis.add(Duration.between(outcome.requestedAt(), outcome.visibleAt()).toMillis());
                long sent = outcome.record().timestamp();
                toSend.add(sent - outcome.requestedAt().toEpochMilli());
                toVisible.add(outcome.visibleAt().toEpochMilli() - sent);
            });
        }
        millis.sort(Comparator.naturalOrder());
        toSend.sort(Comparator.naturalOrder());
        toVisible.sort(Comparator.naturalOrder());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("latency requests answered", millis.size() + " of " + ids.size());
        latency.put("latency p50 ms", percentile(millis, 50));
        latency.put("latency p95 ms", percentile(millis, 95));
        latency.put("latency p99 ms", percentile(millis, 99));
        latency.put("latency max ms", millis.get(millis.size() - 1));
        latency.put("of which request to outcome sent, p50 / p99 ms",
                percentile(toSend, 50) + " / " + percentile(toSend, 99));
        latency.put("of which outcome sent to visible (commit, fetch), p50 / p99 ms",
                percentile(toVisible, 50) + " / " + percentile(toVisible, 99));
        latency.put("latency outcomes not as expected", wrongOutcomes(run, workload.latency));
        return latency;
    }

    /**
     * What the machine gives without the worker: records sent at the same rate straight to a topic and read back by
     * a consumer, latency from send to receipt. The floor under the worker's end-to-end latency.
     */
    private Map<String, Object> brokerRoundTrip(FaultRun run) throws InterruptedException {
        String topic = "bench-round-trip";
        int count = latencyRate * 20;
        List<Long> millis = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.broker().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.broker().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "bench-round-trip",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Thread sender = new Thread(() -> {
                Instant started = Instant.now();
                for (int i = 0; i < count; i++) {
                    Duration wait = Duration.between(Instant.now(),
                            started.plusNanos(i * 1_000_000_000L / latencyRate));
                    if (!wait.isNegative()) {
                        Processes.sleep(wait);
                    }
                    producer.send(new ProducerRecord<>(topic,
                            ByteBuffer.allocate(Long.BYTES).putLong(System.currentTimeMillis()).array()));
                }
            });
            sender.start();
            while (millis.size() < count) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    millis.add(System.currentTimeMillis() - ByteBuffer.wrap(record.value()).getLong());
                }
            }
            sender.join();
        }
        millis.subList(0, latencyRate).clear(); // the first second: the consumer joining its group
        millis.sort(Comparator.naturalOrder());
        return Map.of("broker round trip alone, p50 / p99 / max ms", percentile(millis, 50) + " / "
                + percentile(millis, 99) + " / " + millis.get(millis.size() - 1));
    }

    private static long wrongOutcomes(FaultRun run, List<Workload.Request> requests) {
        return requests.stream().filter(request -> run.log().of(request.requestId()).isEmpty()
                || !request.expected().contains(run.log().of(request.requestId()).get(0).result())).count();
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double metric(WorkerProcess worker, String query) throws IOException {
        JsonNode body = JSON.readTree(worker.get("/actuator/metrics/" + query));
        return body.at("/measurements/0/value").asDouble();
    }

    private static double statistic(WorkerProcess worker, String meter, String statistic) throws IOException {
        for (JsonNode measurement : JSON.readTree(worker.get("/actuator/metrics/" + meter)).path("measurements")) {
            if (measurement.path("statistic").asText().equals(statistic)) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("No " + statistic + " of " + meter);
    }

    private static void empty(Database database) {
        JdbcClient.create(database.dataSource())
                .sql("TRUNCATE certificates, revoked_certificates, recall_outcomes").update();
        JdbcClient.create(database.dataSource()).sql("VACUUM ANALYZE").update();
    }

    private static Map<String, Object> machine(Database database) throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown"));
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("spring boot", SpringBootVersion.getVersion());
        machine.put("kafka (broker and clients)", AppInfoParser.getVersion());
        machine.put("postgresql", JdbcClient.create(database.dataSource()).sql("SHOW server_version")
                .query(String.class).single());
        machine.put("broker, PostgreSQL, worker and load generator", "all on this machine");
        machine.put("date", Instant.now().toString());
        return machine;
    }

    private static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        results.forEach((section, value) -> {
            if (value instanceof Map<?, ?> rows) {
                md.append("## ").append(section).append("\n\n| | |\n|---|---|\n");
                rows.forEach((name, cell) -> md.append("| ").append(name).append(" | ").append(cell).append(" |\n"));
                md.append('\n');
            } else {
                md.append("**").append(section).append(": ").append(value).append("**\n\n");
            }
        });
        return md.toString();
    }

    private static long perRequest(long cpuMillis, int requests) {
        return Math.round(cpuMillis * 1000.0 / requests);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
