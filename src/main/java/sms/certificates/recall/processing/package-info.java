/**
 * One batch's way through the decision and the store, in one database transaction: the application service between
 * the Kafka adapters and the decision.
 */
package sms.certificates.recall.processing;
