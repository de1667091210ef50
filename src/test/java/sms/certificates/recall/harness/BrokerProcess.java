package sms.certificates.recall.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import sms.certificates.recall.support.LocalKafka;

/**
 * A real Kafka broker (KRaft, one node) in a JVM of its own, from the test classpath, so that it can be killed with
 * SIGKILL and restarted on the same port and data.
 */
public final class BrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;

    private BrokerProcess(Path workDir) {
        this.dataDir = workDir.resolve("kafka-data");
        this.log = workDir.resolve("kafka.log");
        this.port = Processes.freePortPair();
    }

    public static BrokerProcess start(Path workDir) {
        BrokerProcess broker = new BrokerProcess(workDir);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(log);
            process = new ProcessBuilder(List.of(Processes.java(), "-Xmx768m",
                    "-Dlogback.configurationFile=" + Path.of("target", "test-classes", "harness-logback.xml")
                            .toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), LocalKafka.class.getName(),
                    String.valueOf(port), dataDir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.await("Kafka to start (" + log + ")", Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + log);
            }
            return Processes.logContains(log, "Kafka ready at");
        });
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown, no flush. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
