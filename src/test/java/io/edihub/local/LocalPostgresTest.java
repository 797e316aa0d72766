package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void rowsSurviveARestartOnTheSameDataDirectory() throws SQLException {
        Path postgresDir = dataDir.resolve("postgres");
        int port = FreePort.find();

        try (LocalPostgres postgres = LocalPostgres.start(postgresDir, port)) {
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
                statement.execute("create table release_note (id int primary key, text varchar(40))");
                statement.execute("insert into release_note values (1, 'kept across restarts')");
            }
        }

        try (LocalPostgres postgres = LocalPostgres.start(postgresDir, port);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select text from release_note where id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept across restarts");
        }
    }

    @Test
    void portZeroPicksAFreePort() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            assertThat(postgres.port()).isPositive();
            assertThat(rows.next()).isTrue();
        }
    }

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
    }
}
