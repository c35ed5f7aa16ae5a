/**
 * The one dialogue engine: a guided conversation that asks for fields one at a time, checks each
 * answer with a clear retry message, lets the customer skip an optional field or cancel, can ask
 * for a confirmation at the end, and ends in a result. Its phase is one value in Redis with a TTL,
 * so a dialogue survives reconnects and node changes. Other modules own the definitions (handover
 * details, leave-a-message, the no-agent choice; later self-service actions) and what a result means.
 */
package nl.loket.dialogue;
