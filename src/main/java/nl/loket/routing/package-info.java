/**
 * The one place that knows the order in which the bot tries to help: FAQ, then LLM, then a
 * person. It checks the conversation's status before any bot code runs and handles the events of
 * one conversation in order, off the socket threads.
 */
package nl.loket.routing;
