/**
 * The LLM tier: answers a question the FAQ matcher was not sure about from the FAQ entries it is
 * given, streaming through any OpenAI-compatible endpoint, and only lets an answer through when it
 * cites those entries (citation or abstain, enforced in code). It owns the prompts folder, PII
 * redaction before anything leaves Loket, the stream watchdog, retries and the circuit breaker.
 * The only module that imports LangChain4j.
 */
package nl.loket.llm;
