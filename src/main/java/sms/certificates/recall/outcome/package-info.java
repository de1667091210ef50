/**
 * Kafka out: turns outcomes into {@code CertificateRecalled} and {@code RecallRejected} records and publishes them,
 * keyed as the request was, in the listener's Kafka transaction.
 */
package sms.certificates.recall.outcome;
