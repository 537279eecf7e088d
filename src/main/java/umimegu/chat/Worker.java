package umimegu.chat;

/** Runs a command's slow part on the chat's bounded pool, never on the platform's event thread. */
interface Worker {
    void submit(Conversation conversation, Runnable work);
}
