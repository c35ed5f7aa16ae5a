/**
 * Self-service actions as content: one YAML file per action in {@code loket.actions.dir} (the fields to
 * ask, their format checks, the summary and the HTTP call to the organisation's own system), read and
 * checked like the FAQ, offered in the chat and run on the dialogue engine. A confirmed action is sent
 * at most once (an idempotency key per confirmation, in Redis) to a base URL that only configuration sets.
 */
package nl.loket.action;
