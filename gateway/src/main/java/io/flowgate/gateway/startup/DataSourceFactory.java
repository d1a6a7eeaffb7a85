package io.flowgate.gateway.startup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.gateway.GatewaySettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The one connection pool shared by the engine, the contract store and every module's tables. */
@Factory
public class DataSourceFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public HikariDataSource dataSource(GatewaySettings settings) {
        settings.validate();
        if (settings.embeddedDatabase()) {
            try {
                Files.createDirectories(settings.dataDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + settings.dataDirectory(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("flowgate");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.getDbUser());
        config.setPassword(settings.getDbPassword());
        config.setMaximumPoolSize(settings.getDbPoolSize());
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
