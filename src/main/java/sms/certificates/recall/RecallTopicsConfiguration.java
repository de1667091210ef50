package sms.certificates.recall;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Creates the contract's topics at startup where the broker allows it ({@code recall.topics.create}). */
@Configuration(proxyBeanMethods = false)
class RecallTopicsConfiguration {

    /** Room for a dead letter of the largest record the broker accepts, plus its error headers. */
    static final String DEAD_LETTER_MAX_MESSAGE_BYTES = String.valueOf(2 * 1024 * 1024);

    @Bean
    KafkaAdmin.NewTopics recallTopics(RecallTopics topics) {
        if (!topics.create()) {
            return new KafkaAdmin.NewTopics();
        }
        return new KafkaAdmin.NewTopics(
                topic(topics.requested(), topics),
                topic(topics.recalled(), topics),
                topic(topics.rejected(), topics),
                TopicBuilder.name(topics.deadLetter())
                        .partitions(topics.partitions())
                        .replicas(topics.replicas())
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, DEAD_LETTER_MAX_MESSAGE_BYTES))
                        .build());
    }

    private static NewTopic topic(String name, RecallTopics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas()).build();
    }
}
