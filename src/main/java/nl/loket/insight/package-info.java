/**
 * What the conversations add up to: the Prometheus metrics of the customer journey (answers by tier,
 * handovers, waits, resolution, CSAT), counted from what the log stored ({@code EventStored},
 * {@code StatusChanged}) rather than kept as a second bookkeeping, and the insights page for editors and
 * supervisors, computed from what the conversations recorded. Its Redis keys: a conversation's CSAT answer
 * ({@code loket:insight:{c:<id>}:csat}) and its share of its day's counters ({@code :counted}), both with the
 * conversation's retention, and the per-day counters ({@code loket:insight:day:<date>}, counts only,
 * {@code loket.insight.counts-retention}).
 */
package nl.loket.insight;
