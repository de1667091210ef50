package sms.certificates.recall.outcome;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Opens every transactional producer the worker will use (a fixed set of {@code transactional.id}s) before the
 * listener starts. Opening one fences the same id's previous incarnation and aborts its open transaction at once, so
 * a worker restarted after a crash does not wait for the broker to time that transaction out: until it ends, the
 * consumed offsets it holds keep the partitions from being read.
 */
class TransactionalProducers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducers.class);

    private final ProducerFactory<byte[], byte[]> factory;
    private final int count;
    private volatile boolean running;

    TransactionalProducers(ProducerFactory<byte[], byte[]> factory, int count) {
        this.factory = factory;
        this.count = count;
    }

    /** How many transactional producers {@code concurrency} listener threads need, with room for one replaced. */
    static int needed(Integer concurrency) {
        return 2 * (concurrency == null ? 1 : concurrency);
    }

    @Override
    public void start() {
        List<Producer<byte[], byte[]>> opened = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                opened.add(factory.createProducer());
            }
        } catch (RuntimeException e) {
            // The broker is not there yet: the producers open on first use instead, and a predecessor's open
            // transactions end when the broker times them out.
            LOG.warn("Could not open the transactional producers ahead of the listener: {}", e.toString());
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
