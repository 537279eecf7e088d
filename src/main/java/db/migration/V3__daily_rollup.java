package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import umimegu.history.jdbc.DailyRollup;

/**
 * Adds the per-day rollup that keeps {@code stats} fast at millions of rows, fills it from the
 * rows already stored, and adds the face-crop reference. A Java migration, so the UTC day of
 * existing rows is computed exactly as the insert path computes it.
 */
public class V3__daily_rollup extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE prediction ADD COLUMN crop_sha256 CHAR(64)");
            s.execute("""
                    CREATE TABLE prediction_daily (
                        stat_day       DATE         NOT NULL,
                        label          VARCHAR(200) NOT NULL,
                        user_id        VARCHAR(32)  NOT NULL,
                        channel_id     VARCHAR(32)  NOT NULL,
                        model_id       VARCHAR(64)  NOT NULL,
                        n              BIGINT       NOT NULL,
                        probability_sum DOUBLE PRECISION NOT NULL,
                        not_sure_n     BIGINT       NOT NULL,
                        PRIMARY KEY (stat_day, label, user_id, channel_id, model_id)
                    )""");
            s.execute("CREATE INDEX prediction_daily_user ON prediction_daily (user_id, stat_day)");
            // H2 walks an index in one direction only: "latest N" needs descending time indexes
            for (String column : new String[] {"user_id", "channel_id", "model_id"}) {
                String name = "prediction_" + column.replace("_id", "");
                s.execute("DROP INDEX IF EXISTS " + name);
                s.execute("CREATE INDEX " + name + " ON prediction (" + column + ", created_at DESC)");
            }
            s.execute("DROP INDEX IF EXISTS prediction_created_at");
            s.execute("CREATE INDEX prediction_created_at ON prediction (created_at DESC)");
        }
        DailyRollup rollup = new DailyRollup();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT created_at, label, user_id, channel_id, model_id, probability, not_sure FROM prediction")) {
            while (rs.next()) {
                rollup.add(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDouble(6),
                        rs.getBoolean(7));
            }
        }
        rollup.apply(c);
    }
}
