package sms.certificates.recall.decision;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides a batch of requests in offset order against one snapshot of the store, recording each answer and recall in
 * the snapshot as it goes: a repeated request id gets its first answer again, and a later request for the same
 * enrolment sees the recalls of the earlier ones.
 */
public final class BatchDecider {

    private final Clock clock;
    private final Supplier<UUID> eventIds;

    public BatchDecider(Clock clock, Supplier<UUID> eventIds) {
        this.clock = clock;
        this.eventIds = eventIds;
    }

    public List<Decision> decide(List<RecallRequest> requests, StoreSnapshot store) {
        List<Decision> decisions = new ArrayList<>(requests.size());
        for (RecallRequest request : requests) {
            if (store.isAnswered(request.key())) {
                decisions.add(new Decision.Repeat(request));
                continue;
            }
            // Events carry milliseconds, and the revoked store must hold the same instants.
            Outcome outcome = RecallRules.decide(request, store, eventIds.get(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            store.markAnswered(request.key());
            if (outcome instanceof Outcome.Recalled recalled) {
                store.markRecalled(recalled.certificate());
            }
            decisions.add(outcome);
        }
        return decisions;
    }
}
