package io.geoscope.appeals;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of the crash tests: files and approves appeals in a loop and prints a line
 * after each acknowledged write ("filed ID", "approved ID"). With a commit number N > 0, its N-th
 * commit prints "in-commit ID" (every statement of the transaction executed) and blocks until the
 * process is killed.
 *
 * <p>Arguments: JDBC URL, N.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int hangAt = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    AtomicInteger commits = new AtomicInteger();
    String[] current = {""};
    boolean[] armed = {false}; // Flyway's own commits while migrating do not count
    Properties sqlite = new Properties();
    sqlite.setProperty("journal_mode", "WAL");
    sqlite.setProperty("synchronous", "FULL");
    sqlite.setProperty("busy_timeout", "30000");
    sqlite.setProperty("transaction_mode", "IMMEDIATE");
    JdbcAppealStore.Connector real = url.startsWith("jdbc:sqlite:")
        ? () -> DriverManager.getConnection(url, sqlite)
        : () -> DriverManager.getConnection(url);
    AppealStore store = JdbcAppealStore.openMigrated(() -> {
      Connection c = real.connect();
      return (Connection) Proxy.newProxyInstance(CrashWriter.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, m, a) -> {
            if (m.getName().equals("commit") && armed[0] && commits.incrementAndGet() == hangAt) {
              out.println("in-commit " + current[0]);
              Thread.sleep(Long.MAX_VALUE);
            }
            try {
              return m.invoke(c, a);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    });
    armed[0] = true;
    for (int i = 0; ; i++) {
      String account = "acct-" + ProcessHandle.current().pid() + "-" + i;
      current[0] = "(filing " + account + ")";
      Appeal a = store.file(Story.appeal(account, Story.FILED.plusSeconds(i)));
      out.println("filed " + a.id());
      current[0] = a.id();
      store.approve(a.id(), new Review("rev-crash", "verified " + i,
          Story.FILED.plusSeconds(i + 1), Story.POLICY), Story.UNTIL.plus(Duration.ofSeconds(i)));
      out.println("approved " + a.id());
    }
  }
}
