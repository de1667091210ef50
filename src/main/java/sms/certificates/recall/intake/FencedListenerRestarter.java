package sms.certificates.recall.intake;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Restarts the listener when its transactional producer was fenced (the broker aborted a transaction that outlived
 * {@code transaction.timeout.ms}). Left alone, the container would move past the aborted batch; restarted, it resumes
 * from the committed offsets and the batch is answered from the store.
 */
class FencedListenerRestarter implements ApplicationListener<ConsumerStoppedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FencedListenerRestarter.class);

    private final KafkaListenerEndpointRegistry registry;
    private final String listenerId;
    private final AtomicBoolean restarting = new AtomicBoolean();

    FencedListenerRestarter(KafkaListenerEndpointRegistry registry, String listenerId) {
        this.registry = registry;
        this.listenerId = listenerId;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (event.getReason() != ConsumerStoppedEvent.Reason.FENCED || container == null || !registry.isRunning()
                || !restarting.compareAndSet(false, true)) {
            return; // not fenced, shutting down, or a restart (of all the listener's consumers) already under way
        }
        LOG.warn("The intake's producer was fenced: restarting the listener from the committed offsets");
        // Not on the consumer thread that published the event: stopping waits for it to finish.
        new Thread(() -> {
            try {
                container.stop();
                if (registry.isRunning()) {
                    container.start();
                }
            } finally {
                restarting.set(false);
            }
        }, listenerId + "-restart").start();
    }
}
