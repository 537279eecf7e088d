package umimegu.history.jdbc;

/** Lets tests in {@code umimegu.history} reach package-private helpers of the JDBC store. */
public final class JdbcHistoryStoreAccess {
    private JdbcHistoryStoreAccess() {}

    public static String redact(String url) {
        return JdbcHistoryStore.redact(url);
    }
}
