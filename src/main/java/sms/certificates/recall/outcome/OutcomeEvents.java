package sms.certificates.recall.outcome;

import org.apache.avro.specific.SpecificRecord;

import sms.certificates.Actor;
import sms.certificates.CertificateRecalled;
import sms.certificates.DocumentType;
import sms.certificates.EnrolmentType;
import sms.certificates.RecallReasonCategory;
import sms.certificates.RecallRejected;
import sms.certificates.RejectionCode;
import sms.certificates.recall.decision.Certificate;
import sms.certificates.recall.decision.Outcome;
import sms.certificates.recall.decision.RecallRequest;

/** The contract's outcome records, built from the decision's outcomes. */
final class OutcomeEvents {

    private OutcomeEvents() {
    }

    static SpecificRecord toEvent(Outcome outcome) {
        return outcome instanceof Outcome.Recalled recalled ? recalled(recalled)
                : rejected((Outcome.Rejected) outcome);
    }

    private static CertificateRecalled recalled(Outcome.Recalled recalled) {
        Certificate certificate = recalled.certificate();
        RecallRequest request = recalled.request();
        return CertificateRecalled.newBuilder()
                .setEventId(recalled.eventId())
                .setRequestId(recalled.requestId())
                .setTenantId(certificate.tenantId())
                .setCertificateId(certificate.certificateId())
                .setCertificateNumber(certificate.certificateNumber())
                .setStudentId(certificate.studentId())
                .setEnrolmentId(certificate.enrolmentId())
                .setEnrolmentType(EnrolmentType.valueOf(certificate.enrolmentType().name()))
                .setCompanyId(certificate.companyId())
                .setDocumentType(DocumentType.valueOf(certificate.documentType().name()))
                .setIssueSequence(certificate.issueSequence())
                .setQualificationCode(certificate.qualificationCode())
                .setQualificationTitle(certificate.qualificationTitle())
                .setIssuedAt(certificate.issuedAt())
                .setReasonCategory(RecallReasonCategory.valueOf(request.reasonCategory().name()))
                .setReason(recalled.trimmedReason())
                .setRecalledBy(actor(request.requestedBy()))
                .setRequestedAt(request.requestedAt())
                .setRecalledAt(recalled.recalledAt())
                .setLatestRemainingCertificateId(recalled.latestRemainingCertificateId())
                .build();
    }

    private static RecallRejected rejected(Outcome.Rejected rejected) {
        RecallRequest request = rejected.request();
        return RecallRejected.newBuilder()
                .setEventId(rejected.eventId())
                .setRequestId(request.requestId())
                .setTenantId(request.tenantId())
                .setCertificateId(request.certificateId())
                .setStudentId(request.studentId())
                .setEnrolmentId(request.enrolmentId())
                .setCode(RejectionCode.valueOf(rejected.code().name()))
                .setMessage(rejected.message())
                .setLatestCertificateId(rejected.latestCertificateId())
                .setRequestedBy(actor(request.requestedBy()))
                .setRequestedAt(request.requestedAt())
                .setRejectedAt(rejected.rejectedAt())
                .build();
    }

    private static Actor actor(sms.certificates.recall.decision.Actor actor) {
        return new Actor(actor.userId(), actor.displayName(), actor.role());
    }
}
