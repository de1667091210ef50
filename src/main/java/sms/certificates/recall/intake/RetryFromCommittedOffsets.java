package sms.certificates.recall.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * Retries a failed batch after a pause, as Spring's {@link DefaultAfterRollbackProcessor} does, from where the group
 * has committed rather than always from the batch's first record. When the broker goes away during a commit, the
 * commit can fail on the client and still complete on the broker; replaying that batch would publish its answers a
 * second time. The committed offsets ({@code read_committed}: once the transaction is settled) tell which it was.
 */
class RetryFromCommittedOffsets extends DefaultAfterRollbackProcessor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryFromCommittedOffsets.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    RetryFromCommittedOffsets(BackOff backOff) {
        super(backOff);
    }

    @Override
    public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
            MessageListenerContainer container, Exception exception, boolean recoverable,
            ContainerProperties.EOSMode eosMode) {
        super.process(records, consumer, container, exception, recoverable, eosMode);
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        records.forEach(record -> firstOffsets.merge(new TopicPartition(record.topic(), record.partition()),
                record.offset(), Math::min));
        while (container.isRunning()) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(firstOffsets.keySet(),
                        ASK_TIMEOUT);
                committed.forEach((partition, offset) -> {
                    if (offset != null && offset.offset() > firstOffsets.get(partition)) {
                        LOG.warn("The failed transaction committed {} after all: resuming at offset {}", partition,
                                offset.offset());
                        consumer.seek(partition, offset);
                    }
                });
                return;
            } catch (WakeupException | InterruptException stopping) {
                throw stopping;
            } catch (KafkaException brokerAwayOrRefusing) {
                // Resuming from the batch's first records could publish a committed batch's answers twice: ask again.
                LOG.info("Waiting for the broker to tell where {} resumes: {}", firstOffsets.keySet(),
                        brokerAwayOrRefusing.toString());
                if (!(brokerAwayOrRefusing instanceof TimeoutException)) {
                    pause(container);
                }
            }
        }
    }

    /** A second, cut short when the container stops. */
    private static void pause(MessageListenerContainer container) {
        try {
            ListenerUtils.stoppableSleep(container, 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }
}
