package nl.loket.console;

import java.util.List;

/** A signed-in agent as the console sees them. */
record Agent(String name, boolean supervisor, List<String> queues) {
}
