package umimegu.history;

/** Where the history lives: any JDBC URL, with user and password (password from config or environment). */
public record HistorySettings(String jdbcUrl, String user, String password) {
    public HistorySettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("history.jdbc-url must be a JDBC URL, got: " + jdbcUrl);
        }
    }
}
