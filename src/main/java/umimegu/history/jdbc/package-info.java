/** The history in any JDBC database (embedded H2 by default), Flyway migrations, the daily rollup; the only package that speaks SQL. */
package umimegu.history.jdbc;
