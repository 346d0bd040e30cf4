package dev.camelveeam.veeamem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} in a database table, for replicas that share a database rather than a volume (on
 * Kubernetes, for example). Every {@link #getState} is a {@code SELECT}: no cache. Every {@link #setState} is one
 * transaction, an {@code UPDATE} of the key's row followed, when there is none yet, by an {@code INSERT}; so a reader
 * sees the previous value or the new one, never a part. The table is created when the repository starts if it is
 * missing:
 *
 * <pre>
 * CREATE TABLE VEEAM_EM_STATE (
 *     STATE_KEY VARCHAR(512) NOT NULL PRIMARY KEY,
 *     STATE_VALUE VARCHAR(16000) NOT NULL,
 *     UPDATED_AT TIMESTAMP NOT NULL)
 * </pre>
 *
 * The value column's type is {@link #setValueColumnType(String) configurable} for databases whose VARCHAR is shorter
 * ({@code CLOB} for Oracle, {@code NVARCHAR(MAX)} for SQL Server); or create the table yourself and set
 * {@link #setCreateTable(boolean) createTable} to false.
 */
public class VeeamEmJdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmJdbcStateRepository.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private DataSource dataSource;
    private String tableName = "VEEAM_EM_STATE";
    private String valueColumnType = "VARCHAR(16000)";
    private boolean createTable = true;

    public VeeamEmJdbcStateRepository() {
    }

    public VeeamEmJdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table (optionally schema.table); letters, digits and underscores only. Default VEEAM_EM_STATE. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getValueColumnType() {
        return valueColumnType;
    }

    /** The SQL type of the value column when the repository creates the table. Default VARCHAR(16000). */
    public void setValueColumnType(String valueColumnType) {
        this.valueColumnType = valueColumnType;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table when it is missing (default true). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        Objects.requireNonNull(dataSource, "VeeamEmJdbcStateRepository needs a dataSource");
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "VeeamEmJdbcStateRepository: the tableName must be letters, digits and"
                                               + " underscores (optionally schema.table), but was " + tableName);
        }
        if (createTable && !tableExists()) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(512) NOT NULL PRIMARY KEY,"
                                        + " STATE_VALUE " + valueColumnType + " NOT NULL,"
                                        + " UPDATED_AT TIMESTAMP NOT NULL)");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                LOG.info("Created the table {} for backupSessions positions", tableName);
            } catch (SQLException e) {
                if (!tableExists()) {
                    throw e;
                }
                // another replica created it meanwhile
            }
        }
    }

    private boolean tableExists() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT STATE_KEY FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new VeeamEmException("Cannot read the state of " + key + " from the table " + tableName, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try {
                    upsert(connection, key, value);
                } catch (SQLException firstAttempt) {
                    // most likely another writer inserted the row between our UPDATE and INSERT: once more
                    connection.rollback();
                    upsert(connection, key, value);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new VeeamEmException("Cannot save the state of " + key + " in the table " + tableName, e);
        }
    }

    private void upsert(Connection connection, String key, String value) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        int updated;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + tableName + " SET STATE_VALUE = ?, UPDATED_AT = ? WHERE STATE_KEY = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, key);
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, UPDATED_AT) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            }
        }
        connection.commit();
    }

    @Override
    public String toString() {
        return "VeeamEmJdbcStateRepository[" + tableName + "]";
    }
}
