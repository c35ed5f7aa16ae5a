/**
 * Resilience settings shared by the modules that call other systems (the LLM, the organisation's
 * back-ends): one way to configure and build a circuit breaker.
 */
package nl.loket.resilience;
