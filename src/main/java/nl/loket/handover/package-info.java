/**
 * Handing a conversation to a person: when the bot hands over, which queue it goes to, whether
 * anyone can take it, and the status transitions that silence the bot.
 */
package nl.loket.handover;
