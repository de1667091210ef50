package sms.certificates.recall.outcome;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Gets Kafka out ready before the listener starts. It registers the outcome schemas (see
 * {@link OutcomeEncoder#registerSchemas}), and opens every transactional producer the worker will use (a fixed set of
 * {@code transactional.id}s). Opening one fences the same id's previous incarnation and aborts its open transaction
 * at once, so a worker restarted after a crash does not wait for the broker to time that transaction out: until it
 * ends, the consumed offsets it holds keep the partitions from being read. Either may fail if the registry or the
 * broker is not there yet; it then happens on first use.
 */
class OutcomesWarmUp implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomesWarmUp.class);

    private final OutcomeEncoder encoder;
    private final ProducerFactory<byte[], byte[]> factory;
    private final int producers;
    private volatile boolean running;

    OutcomesWarmUp(OutcomeEncoder encoder, ProducerFactory<byte[], byte[]> factory, int producers) {
        this.encoder = encoder;
        this.factory = factory;
        this.producers = producers;
    }

    /** How many transactional producers {@code concurrency} listener threads need, with room for one replaced. */
    static int needed(Integer concurrency) {
        return 2 * (concurrency == null ? 1 : concurrency);
    }

    @Override
    public void start() {
        try {
            encoder.registerSchemas();
        } catch (RuntimeException registryAway) {
            LOG.warn("Could not register the outcome schemas at startup: {}", registryAway.toString());
        }
        List<Producer<byte[], byte[]>> opened = new ArrayList<>(producers);
        try {
            for (int i = 0; i < producers; i++) {
                opened.add(factory.createProducer());
            }
        } catch (RuntimeException brokerAway) {
            LOG.warn("Could not open the transactional producers at startup: {}", brokerAway.toString());
        } finally {
            opened.forEach(Producer::close);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, which start in phase {@code Integer.MAX_VALUE - 100}. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
