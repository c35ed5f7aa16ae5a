/**
 * Shared infrastructure only: WebSocket endpoint registration, HTTP error shape, the application's one
 * {@code Clock}, and the embedded
 * Redis that makes the zero-setup local run possible. No product behaviour lives here.
 */
package nl.loket.config;
