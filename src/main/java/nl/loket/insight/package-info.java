/**
 * What the conversations add up to: the Prometheus metrics of the customer journey (answers by tier,
 * handovers, waits, resolution, CSAT), counted from what the log stored ({@code EventStored},
 * {@code StatusChanged}) rather than kept as a second bookkeeping, and the insights page for editors and
 * supervisors, computed from the stored conversations. Its one Redis key is a conversation's CSAT answer
 * ({@code loket:insight:{c:<id>}:csat}), kept with the conversation's retention.
 */
package nl.loket.insight;
