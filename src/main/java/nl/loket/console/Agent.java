package nl.loket.console;

import java.util.List;

/**
 * A signed-in agent as the console sees them.
 *
 * @param name the login name: who holds a chat, never shown to customers
 * @param displayName the name customers see
 * @param lang the console's language for this agent ({@code nl} or {@code en}); the agent can switch it
 */
record Agent(String name, String displayName, boolean supervisor, List<String> queues, String lang) {
}
