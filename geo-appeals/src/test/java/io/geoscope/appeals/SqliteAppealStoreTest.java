package io.geoscope.appeals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded default, SQLite. */
class SqliteAppealStoreTest extends AppealStoreContract {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return new TestDatabase.Sqlite(dir);
  }
}
