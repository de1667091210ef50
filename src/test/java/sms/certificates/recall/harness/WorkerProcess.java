package sms.certificates.recall.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker as operators run it: {@code java -jar target/certificate-recall-worker.jar}, configured by environment
 * variables, in a process of its own that can be killed with SIGKILL or stopped with SIGTERM.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "certificate-recall-worker.jar");

    private final String name;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path log;
    private final int managementPort = Processes.freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Instant startedAt;
    private int starts;

    public WorkerProcess(String name, Path workDir, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.environment = new HashMap<>(environment);
        this.environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        this.environment.putIfAbsent("RECALL_INSTANCE_ID", name);
        this.environment.putIfAbsent("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        this.jvmOptions = jvmOptions;
        this.log = workDir.resolve(name + ".log");
    }

    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            startedAt = Instant.now();
            process = builder.start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the worker and waits, up to a minute, until it is ready. */
    public void startReady() {
        start();
        awaitReady(Duration.ofSeconds(60));
    }

    /** Waits until readiness is UP; returns the time from process start. */
    public Duration awaitReady(Duration timeout) {
        Processes.await(name + " to be ready (" + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            return isReady();
        });
        return Duration.between(startedAt, Instant.now());
    }

    public boolean isReady() {
        return status("/actuator/health/readiness") == 200;
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, at whatever point the worker is. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM; returns how long the worker took to exit, failing if longer than {@code limit}. */
    public synchronized Duration terminate(Duration limit) {
        Instant asked = Instant.now();
        process.destroy();
        if (!waitForExit(limit)) {
            throw new IllegalStateException(name + " did not exit within " + limit.toSeconds() + " s of SIGTERM");
        }
        return Duration.between(asked, Instant.now());
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized int exitValue() {
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public long residentBytes() {
        return Processes.residentBytes(process.pid());
    }

    public int starts() {
        return starts;
    }

    public Path log() {
        return log;
    }

    private boolean waitForExit(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
