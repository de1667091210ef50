package sms.certificates.recall.ops;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

import sms.certificates.Actor;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRequested;

/** Sends one {@code RecallRequested}, as a staff UI would; with {@code --wait}, prints its outcome too. */
final class SubmitCommand implements Command {

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String usage() {
        return """
                submit --tenant ID --certificate ID --student ID --enrolment ID --reason TEXT
                       [--category ISSUED_IN_ERROR|INELIGIBLE_STUDENT|COMPLIANCE_UPDATE|REGULATOR_DIRECTED|OTHER]
                       [--confirmation RECALL] [--user ID] [--user-name NAME] [--role ROLE] [--request-id UUID]
                       [--wait DURATION]
                  Sends a recall request keyed by its enrolment; prints its request id (and, with --wait, its
                  outcome as JSON once the worker has answered).""";
    }

    @Override
    public Set<String> options() {
        return Set.of("tenant", "certificate", "student", "enrolment", "reason", "category", "confirmation", "user",
                "user-name", "role", "request-id", "wait");
    }

    @Override
    public int run(CommandOptions options, KafkaConnection kafka, PrintStream out) {
        RecallRequested request = request(options);
        Duration wait = options.duration("wait").orElse(null);
        kafka.checkReachable();
        try (OutcomeReader outcomes = wait == null ? null : OutcomeReader.fromNow(kafka);
                KafkaProducer<byte[], byte[]> producer = kafka.bytesProducer();
                Serializer<Object> serializer = kafka.valueSerializer()) {
            String topic = kafka.topics().requested();
            RecordMetadata sent = kafka.await(producer.send(new ProducerRecord<>(topic,
                    request.getEnrolmentId().getBytes(StandardCharsets.UTF_8), serializer.serialize(topic, request))));
            out.println("Sent request " + request.getRequestId() + " to " + sent.topic() + "-" + sent.partition()
                    + "@" + sent.offset());
            if (outcomes != null) {
                out.println(outcomes.awaitOutcomeOf(request.getRequestId(), wait)
                        .orElseThrow(() -> CommandException.unavailable("No outcome for request "
                                + request.getRequestId() + " within " + wait.toSeconds() + " s")));
            }
            return 0;
        }
    }

    private static RecallRequested request(CommandOptions options) {
        String requestId = options.get("request-id").orElseGet(() -> UUID.randomUUID().toString());
        String category = options.get("category").orElse(RecallReasonCategory.OTHER.name());
        if (Arrays.stream(RecallReasonCategory.values()).noneMatch(c -> c.name().equals(category))) {
            throw CommandException.badArguments("--category must be one of "
                    + List.of(RecallReasonCategory.values()) + ", not '" + category + "'");
        }
        return RecallRequested.newBuilder()
                .setRequestId(requestId)
                .setTenantId(options.required("tenant"))
                .setCertificateId(options.required("certificate"))
                .setStudentId(options.required("student"))
                .setEnrolmentId(options.required("enrolment"))
                .setReasonCategory(RecallReasonCategory.valueOf(category))
                .setReason(options.required("reason"))
                .setConfirmation(options.get("confirmation").orElse("RECALL"))
                .setRequestedBy(new Actor(options.get("user").orElse(System.getProperty("user.name", "operator")),
                        options.get("user-name").orElse(null), options.get("role").orElse(null)))
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
