package sms.certificates.recall.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import sms.certificates.recall.decision.BatchDecider;
import sms.certificates.recall.decision.CertificateRef;
import sms.certificates.recall.decision.Decision;
import sms.certificates.recall.decision.EnrolmentRef;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.decision.RecallRules;
import sms.certificates.recall.decision.RejectionCode;
import sms.certificates.recall.decision.RequestKey;
import sms.certificates.recall.decision.StoreSnapshot;
import sms.certificates.recall.outcome.OutcomeEncoder;
import sms.certificates.recall.store.RecallStore;
import sms.certificates.recall.store.StoredOutcome;

/**
 * Decides requests in one database transaction: reads and locks what they need, decides them in order, applies the
 * recalls and records every new answer. The caller publishes the answers in its Kafka transaction and commits that
 * after this one, so a crash in between leaves answers stored but unpublished, and the redelivered requests find them.
 */
public class RecallProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecallProcessor.class);

    private final RecallStore store;
    private final BatchDecider decider;
    private final OutcomeEncoder encoder;
    private final TransactionTemplate databaseTransaction;
    private final Map<String, Counter> outcomeCounters = new HashMap<>();
    private final Counter repeats;

    RecallProcessor(RecallStore store, BatchDecider decider, OutcomeEncoder encoder,
            TransactionTemplate databaseTransaction, MeterRegistry meters) {
        this.store = store;
        this.decider = decider;
        this.encoder = encoder;
        this.databaseTransaction = databaseTransaction;
        // Registered up front, so that every code shows (as 0) before it first happens.
        outcomeCounters.put(StoredOutcome.RECALLED, outcomeCounter(meters, "recalled", "none"));
        for (RejectionCode code : RejectionCode.values()) {
            outcomeCounters.put(code.name(), outcomeCounter(meters, "rejected", code.name()));
        }
        repeats = Counter.builder("recall.requests.repeated")
                .description("Requests answered before, given their first answer again")
                .register(meters);
    }

    private static Counter outcomeCounter(MeterRegistry meters, String result, String code) {
        return Counter.builder("recall.outcomes")
                .description("Requests answered for the first time, by result and rejection code")
                .tag("result", result)
                .tag("code", code)
                .register(meters);
    }

    /** The answer to publish for each request, in the requests' order; repeats get their first answer. */
    public List<StoredOutcome> process(List<RecallRequest> requests) {
        List<Answer> answers = databaseTransaction.execute(status -> decideAndStore(requests));
        int repeated = 0;
        int recalled = 0;
        for (Answer answer : answers) {
            if (answer.isRepeat()) {
                repeats.increment();
                repeated++;
            } else {
                outcomeCounters.get(answer.outcome().outcome()).increment();
                recalled += answer.outcome().isRecalled() ? 1 : 0;
            }
            if (LOG.isDebugEnabled()) {
                log(answer);
            }
        }
        logSummary(answers.size(), recalled, repeated);
        return answers.stream().map(Answer::outcome).toList();
    }

    private List<Answer> decideAndStore(List<RecallRequest> requests) {
        Set<RequestKey> keys = new LinkedHashSet<>();
        requests.forEach(request -> keys.add(request.key()));
        Map<RequestKey, StoredOutcome> given = new HashMap<>(store.answersTo(keys));
        Set<CertificateRef> asked = new LinkedHashSet<>();
        Set<EnrolmentRef> enrolments = new LinkedHashSet<>();
        for (RecallRequest request : requests) {
            if (!given.containsKey(request.key()) && RecallRules.isWellFormed(request)) {
                asked.add(request.certificate());
                enrolments.add(request.enrolment());
            }
        }
        RecallStore.Locked locked = store.lock(asked, enrolments);
        StoreSnapshot snapshot = new StoreSnapshot(locked.current(), locked.revoked(), given.keySet());

        List<StoredOutcome> newAnswers = new ArrayList<>();
        List<Outcome.Recalled> recalls = new ArrayList<>();
        List<Answer> answers = new ArrayList<>(requests.size());
        for (Decision decision : decider.decide(requests, snapshot)) {
            if (decision instanceof Outcome outcome) {
                StoredOutcome answer = StoredOutcome.of(outcome, encoder.encode(outcome));
                given.put(answer.requestKey(), answer);
                newAnswers.add(answer);
                if (outcome instanceof Outcome.Recalled recalled) {
                    recalls.add(recalled);
                }
            }
            answers.add(new Answer(decision, given.get(decision.request().key())));
        }
        store.save(recalls, newAnswers);
        return answers;
    }

    /**
     * One line per batch at INFO; one per answer at DEBUG ({@code logging.level.sms.certificates.recall.processing=DEBUG}):
     * a line per request costs a third of the worker's time when it drains a backlog.
     */
    private static void logSummary(int answers, int recalled, int repeated) {
        int rejected = answers - repeated - recalled;
        LOG.atInfo()
                .addKeyValue("requests", answers)
                .addKeyValue("recalled", recalled)
                .addKeyValue("rejected", rejected)
                .addKeyValue("repeated", repeated)
                .log("Answered {} request(s): {} recalled, {} rejected, {} answered before", answers, recalled,
                        rejected, repeated);
    }

    /** Ids and codes only: the reason and the staff member's name stay out of the logs. */
    private static void log(Answer answer) {
        RecallRequest request = answer.decision().request();
        String requestId = brief(request.requestId());
        String message = answer.isRepeat()
                ? "Request {} was answered before ({}): publishing that answer again"
                : answer.outcome().isRecalled() ? "Request {}: {}, certificate recalled" : "Request {}: {}";
        LOG.atDebug()
                .addKeyValue("requestId", requestId)
                .addKeyValue("eventId", answer.outcome().eventId())
                .addKeyValue("enrolmentId", brief(request.enrolmentId()))
                .addKeyValue("certificateId", brief(request.certificateId()))
                .addKeyValue("outcome", answer.outcome().outcome())
                .log(message, requestId, answer.outcome().outcome());
    }

    /** Ids as sent can be of any length; a log line need not be. */
    private static String brief(String id) {
        return id == null || id.length() <= 100 ? id : id.substring(0, 100) + "…";
    }

    private record Answer(Decision decision, StoredOutcome outcome) {

        boolean isRepeat() {
            return decision instanceof Decision.Repeat;
        }
    }
}
