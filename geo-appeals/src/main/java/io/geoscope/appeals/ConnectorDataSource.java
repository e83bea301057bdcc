package io.geoscope.appeals;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A {@link DataSource} over a {@link JdbcAppealStore.Connector}, for Flyway. */
final class ConnectorDataSource implements DataSource {
  private final JdbcAppealStore.Connector connector;

  ConnectorDataSource(JdbcAppealStore.Connector connector) {
    this.connector = connector;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connector.connect();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials belong in the JDBC URL");
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(java.io.Writer.nullWriter());
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
