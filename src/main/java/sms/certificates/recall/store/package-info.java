/**
 * PostgreSQL: the SMS's certificates, the revoked store and the answers already given, read and written with plain
 * SQL, one set-based statement per step of a batch.
 */
package sms.certificates.recall.store;
