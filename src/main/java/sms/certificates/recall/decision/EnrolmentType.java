package sms.certificates.recall.decision;

public enum EnrolmentType {
    STUDENT,
    COMPANY
}
