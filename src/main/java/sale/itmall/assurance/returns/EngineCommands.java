package sale.itmall.assurance.returns;

/**
 * What must reach the engine once the caller's transaction commits: written in that transaction, delivered after it
 * (the engine module's outbox implements this; the returns module does not know the engine).
 */
public interface EngineCommands {

    /** Within the caller's transaction: start the process of a recorded request once it commits. */
    void startRequest(String requestRef);

    /**
     * Within the caller's transaction: publish a message once it commits. A message id given by the sender (a warehouse
     * receipt id) makes a repeated call a no-op; without one, each call is its own message.
     */
    void publish(String messageName, String correlationKey, String messageId, Object variables);
}
