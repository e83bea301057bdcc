package io.geoscope.appeals;

/**
 * The store suite on a real PostgreSQL server: GEOSCOPE_PG_URL's, or a throwaway cluster this JVM
 * starts. Skipped with a message when neither can be had; under CI it fails instead.
 */
class PostgresAppealStoreTest extends AppealStoreContract {
  @Override
  TestDatabase newDatabase() throws Exception {
    return new TestDatabase.Postgres();
  }
}
