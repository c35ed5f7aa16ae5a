/**
 * Handing a conversation to a person and back: the triggers, the queues ({@code queues.yml}), the
 * details dialogue and leave-a-message, agent presence, the handover packet and every status change
 * (compare-and-set, with a status event that says why). It owns the {@code loket:handover:} keys.
 */
package nl.loket.handover;
