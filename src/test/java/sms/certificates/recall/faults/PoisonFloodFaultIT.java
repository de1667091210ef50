package sms.certificates.recall.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sms.certificates.recall.harness.FaultRun;
import sms.certificates.recall.harness.RequestSender;
import sms.certificates.recall.harness.Scale;
import sms.certificates.recall.harness.WorkerProcess;
import sms.certificates.recall.harness.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unreadable records of every kind interleaved with valid requests: each goes to the dead-letter topic with its
 * original bytes and error headers, each valid request is answered, and no partition is left behind.
 */
@Tag("faults")
class PoisonFloodFaultIT {

    private static final List<String> KINDS = List.of("random bytes", "wrong magic byte", "unknown schema id",
            "truncated Avro", "Avro of another schema", "over the size limit");

    @Test
    void poisonIsDeadLetteredAndNeverStopsAPartition() throws Exception {
        Scale scale = Scale.current();
        Random random = new Random(5);
        try (FaultRun run = FaultRun.start("poison-flood")) {
            Workload workload = Workload.generate("poison-" + Instant.now().toEpochMilli(),
                    scale.pick(1_400, 7_000), 5, false);
            run.preload(workload);
            WorkerProcess worker = run.worker("worker");
            worker.startReady();

            List<RequestSender.Raw> poison = new ArrayList<>();
            try (RequestSender sender = run.sender()) {
                byte[] valid = sender.serialize(workload.requests().get(0).message());
                Schema stranger = new Schema.Parser().parse("""
                        {"type":"record","name":"Stranger","namespace":"com.example",
                         "fields":[{"name":"name","type":"string"},{"name":"visits","type":"int"}]}""");
                for (int i = 0; i < scale.pick(200, 1_000); i++) {
                    poison.add(new RequestSender.Raw(("poison-" + i).getBytes(StandardCharsets.UTF_8),
                            poison(i % KINDS.size(), random, valid, stranger, sender)));
                }
                List<Object> mixed = new ArrayList<>(workload.requests());
                mixed.addAll(poison);
                Collections.shuffle(mixed, random);
                sender.start(mixed, workload.resent(), 0);
                sender.join();
                run.awaitAnswers(workload, sender.sent(), Duration.ofMinutes(3));
            }
            awaitDeadLetters(run, poison.size());

            int missing = 0;
            int withoutHeaders = 0;
            for (RequestSender.Raw record : poison) {
                List<ConsumerRecord<byte[], byte[]>> letters = run.log().deadLetters().stream()
                        .filter(letter -> Arrays.equals(letter.key(), record.key())).toList();
                if (letters.size() != 1 || !Arrays.equals(letters.get(0).value(), record.value())) {
                    missing++;
                } else if (!hasErrorHeaders(letters.get(0), run.topics().requested())) {
                    withoutHeaders++;
                }
            }
            long lag = lag(run);
            run.report().parameter("unreadable records", poison.size())
                    .parameter("kinds", String.join(", ", KINDS))
                    .measure("consumer lag at the end", lag);
            run.report().check("every unreadable record dead-lettered once, bytes as sent", missing == 0,
                    (poison.size() - missing) + " of " + poison.size() + " in the dead-letter topic as sent; "
                            + run.log().deadLetters().size() + " dead letters in all");
            run.report().check("dead letters carry the error headers", withoutHeaders == 0,
                    withoutHeaders + " without original topic, partition, offset, exception class and message");
            run.report().check("only unreadable records dead-lettered", run.log().deadLetters().size() == poison.size(),
                    run.log().deadLetters().size() + " dead letters for " + poison.size() + " unreadable records");
            run.report().check("no partition left behind", lag == 0, "total lag " + lag);
            assertThat(run.verify(workload)).isEmpty();
        }
    }

    private static byte[] poison(int kind, Random random, byte[] valid, Schema stranger, RequestSender sender) {
        return switch (kind) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                bytes[0] = (byte) (1 + random.nextInt(255));
                yield bytes;
            }
            case 1 -> {
                byte[] bytes = valid.clone();
                bytes[0] = 1;
                yield bytes;
            }
            case 2 -> ByteBuffer.allocate(valid.length).put((byte) 0).putInt(900_000 + random.nextInt(1_000))
                    .put(valid, 5, valid.length - 5).array();
            case 3 -> Arrays.copyOf(valid, 5 + random.nextInt(valid.length / 2));
            case 4 -> {
                GenericRecord record = new GenericData.Record(stranger);
                record.put("name", "visitor " + random.nextInt());
                record.put("visits", random.nextInt(100));
                yield sender.serialize("visitors", record);
            }
            default -> {
                byte[] bytes = new byte[300_000];
                random.nextBytes(bytes);
                System.arraycopy(valid, 0, bytes, 0, valid.length);
                yield bytes;
            }
        };
    }

    private static boolean hasErrorHeaders(ConsumerRecord<byte[], byte[]> letter, String requestTopic) {
        Header topic = letter.headers().lastHeader("kafka_dlt-original-topic");
        return topic != null && new String(topic.value(), StandardCharsets.UTF_8).equals(requestTopic)
                && letter.headers().lastHeader("kafka_dlt-original-partition") != null
                && letter.headers().lastHeader("kafka_dlt-original-offset") != null
                && letter.headers().lastHeader("kafka_dlt-exception-fqcn") != null
                && letter.headers().lastHeader("kafka_dlt-exception-message") != null;
    }

    private static void awaitDeadLetters(FaultRun run, int expected) throws InterruptedException {
        for (int i = 0; i < 300 && run.log().deadLetters().size() < expected; i++) {
            Thread.sleep(100);
        }
    }

    /** How far the worker's group is behind the end of the request topic, summed over its partitions. */
    private static long lag(FaultRun run) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                run.broker().bootstrapServers()))) {
            for (int attempt = 0; ; attempt++) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("certificate-recall-worker").partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int p = 0; p < FaultRun.PARTITIONS; p++) {
                    latest.put(new TopicPartition(run.topics().requested(), p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                long lag = ends.entrySet().stream().mapToLong(end -> end.getValue().offset()
                        - (committed.containsKey(end.getKey()) ? committed.get(end.getKey()).offset() : 0)).sum();
                if (lag == 0 || attempt == 20) {
                    return lag;
                }
                Thread.sleep(500);
            }
        }
    }
}
