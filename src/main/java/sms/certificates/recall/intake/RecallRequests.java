package sms.certificates.recall.intake;

import sms.certificates.RecallRequested;
import sms.certificates.recall.decision.Actor;
import sms.certificates.recall.decision.ReasonCategory;
import sms.certificates.recall.decision.RecallRequest;

/** {@code RecallRequested} as the decision sees it. */
final class RecallRequests {

    private RecallRequests() {
    }

    static RecallRequest toRequest(RecallRequested message) {
        sms.certificates.Actor actor = message.getRequestedBy();
        return new RecallRequest(
                message.getRequestId(),
                message.getTenantId(),
                message.getCertificateId(),
                message.getStudentId(),
                message.getEnrolmentId(),
                ReasonCategory.valueOf(message.getReasonCategory().name()),
                message.getReason(),
                message.getConfirmation(),
                new Actor(actor.getUserId(), actor.getDisplayName(), actor.getRole()),
                message.getRequestedAt());
    }
}
