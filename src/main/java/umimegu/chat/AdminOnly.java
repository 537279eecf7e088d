package umimegu.chat;

/** The refusal every admin command gives a member, in one wording. */
final class AdminOnly {
    private AdminOnly() {
    }

    /** True (and the refusal sent) when the author may not run {@code what}. */
    static boolean refused(CommandCall call, ChatSettings settings, String what) {
        if (settings.isAdmin(call.message())) {
            return false;
        }
        Replies.send(call.conversation(), Reply.text("Sorry, only admins can " + what + "."));
        return true;
    }
}
