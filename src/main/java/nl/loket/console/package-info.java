/**
 * The agent side: sign-in (Spring Security), the agent WebSocket {@code /ws/agent} (inbox,
 * presence, accept, live chat, notes, transfer, hand back, close, callbacks) and canned replies.
 * It authorises every action per conversation and leaves status changes to handover.
 */
package nl.loket.console;
