package nl.loket.handover;

/**
 * An agent acting at the desk: {@code name} is the login name (who holds a chat, their list of
 * chats), {@code displayName} the name the customer reads in the status texts.
 */
public record DeskAgent(String name, String displayName) {

    public DeskAgent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agent has a login name");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
    }
}
