package sms.certificates.recall.intake;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Up while the intake's listener container runs as it should (all its consumers, none stopped by an error). */
class ListenerHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;
    private final String listenerId;

    ListenerHealthIndicator(KafkaListenerEndpointRegistry registry, String listenerId) {
        this.registry = registry;
        this.listenerId = listenerId;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        boolean running = container != null && container.isRunning() && container.isInExpectedState();
        return (running ? Health.up() : Health.down()).withDetail("listener", listenerId).build();
    }
}
