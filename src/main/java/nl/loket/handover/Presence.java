package nl.loket.handover;

/** An agent's availability; only ONLINE agents make a queue "available". */
public enum Presence {
    ONLINE, AWAY, OFFLINE
}
