package sms.certificates.recall.decision;

public record EnrolmentRef(String tenantId, String enrolmentId) {
}
