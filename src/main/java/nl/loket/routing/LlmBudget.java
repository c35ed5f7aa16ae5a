package nl.loket.routing;

/**
 * What one model call may cost: asked just before the LLM tier would call the model for a customer
 * message. The gateway keeps these budgets (per conversation, and per client address when the message
 * came over a socket of this node); when one is spent the tier is skipped and the customer gets the
 * honest fallback with a handover offer.
 */
public interface LlmBudget {

    /**
     * Takes one model call from the budgets of this conversation and client address.
     *
     * @param clientAddress the address of the socket the message came over, or null when it is not known
     *     (a message another node acknowledged and did not live to route): only the conversation's counts
     * @return false when a budget is spent (nothing is taken then from the other)
     */
    boolean tryCall(String conversationId, String clientAddress);
}
