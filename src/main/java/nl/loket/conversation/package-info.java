/**
 * The conversation log: one Redis Stream per conversation with gap-free sequence numbers, the
 * conversation's status (the one truth the bot checks before it speaks), its token, and the
 * fan-out of new events to every node that holds a socket for it. The only module that touches
 * Redis streams. Its entries are a sealed family of records ({@code ConversationEvent}), one per
 * kind, stored as the JSON the wire protocol shows.
 */
package nl.loket.conversation;
