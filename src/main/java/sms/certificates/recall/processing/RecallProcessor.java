package sms.certificates.recall.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionTemplate;

import sms.certificates.recall.decision.BatchDecider;
import sms.certificates.recall.decision.Decision;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RecallRequest;
import sms.certificates.recall.decision.RequestKey;
import sms.certificates.recall.outcome.OutcomeEncoder;
import sms.certificates.recall.store.RecallStore;
import sms.certificates.recall.store.StoredOutcome;

/**
 * Decides requests in one database transaction: reads and locks what they need, decides them in order, applies the
 * recalls and records every new answer. The caller publishes the answers in its Kafka transaction and commits that
 * after this one, so a crash in between leaves answers stored but unpublished, and the redelivered requests find them.
 */
public class RecallProcessor {

    private final RecallStore store;
    private final BatchDecider decider;
    private final OutcomeEncoder encoder;
    private final TransactionTemplate databaseTransaction;

    RecallProcessor(RecallStore store, BatchDecider decider, OutcomeEncoder encoder,
            TransactionTemplate databaseTransaction) {
        this.store = store;
        this.decider = decider;
        this.encoder = encoder;
        this.databaseTransaction = databaseTransaction;
    }

    /** The answer to publish for each request, in the requests' order; repeats get their first answer. */
    public List<StoredOutcome> process(List<RecallRequest> requests) {
        return databaseTransaction.execute(status -> {
            RecallStore.Loaded loaded = store.load(requests);
            Map<RequestKey, StoredOutcome> answers = new HashMap<>(loaded.answered());
            List<StoredOutcome> newAnswers = new ArrayList<>();
            List<Outcome.Recalled> recalls = new ArrayList<>();
            List<StoredOutcome> toPublish = new ArrayList<>(requests.size());
            for (Decision decision : decider.decide(requests, loaded.snapshot())) {
                if (decision instanceof Outcome outcome) {
                    StoredOutcome answer = StoredOutcome.of(outcome, encoder.encode(outcome));
                    answers.put(answer.requestKey(), answer);
                    newAnswers.add(answer);
                    if (outcome instanceof Outcome.Recalled recalled) {
                        recalls.add(recalled);
                    }
                }
                toPublish.add(answers.get(decision.request().key()));
            }
            store.save(recalls, newAnswers);
            return toPublish;
        });
    }
}
