/**
 * Kafka in: the listener that reads {@code RecallRequested}, dead-letters what cannot be read, and hands the rest
 * to processing; plus the container's retry of failed batches.
 */
package sms.certificates.recall.intake;
