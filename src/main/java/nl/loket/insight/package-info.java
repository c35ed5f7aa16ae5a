/**
 * What the conversations add up to: the Prometheus metrics of the customer journey (answers by tier,
 * handovers, waits, resolution), counted from what the log stored ({@code EventStored},
 * {@code StatusChanged}) rather than kept as a second bookkeeping. It owns no Redis keys.
 */
package nl.loket.insight;
