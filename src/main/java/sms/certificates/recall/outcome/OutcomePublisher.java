package sms.certificates.recall.outcome;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import sms.certificates.recall.RecallTopics;
import sms.certificates.recall.store.StoredOutcome;

/** Sends answers on the transactional producer; visible to {@code read_committed} readers when the batch commits. */
public class OutcomePublisher {

    private final KafkaTemplate<byte[], byte[]> template;
    private final RecallTopics topics;

    OutcomePublisher(KafkaTemplate<byte[], byte[]> template, RecallTopics topics) {
        this.template = template;
        this.topics = topics;
    }

    /** Publishes the answer keyed as the request was: the same key bytes, or none. */
    public CompletableFuture<SendResult<byte[], byte[]>> publish(byte[] requestKey, StoredOutcome answer) {
        String topic = answer.isRecalled() ? topics.recalled() : topics.rejected();
        return template.send(new ProducerRecord<>(topic, requestKey, answer.event()));
    }
}
