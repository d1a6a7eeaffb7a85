package io.flowgate.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one pool the engine uses, built like Flowgate's gateway DataSourceFactory: an H2 file database under the data
 * directory (absolute path, {@code DB_CLOSE_ON_EXIT=FALSE}, user sa without password), HikariCP with
 * autoCommit on and the same default size (20).
 */
@Configuration(proxyBeanMethods = false)
public class PeerDataSource {

    static final String DATA_DIR_PROPERTY = "peer.data-dir";

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(@Value("${" + DATA_DIR_PROPERTY + "}") String dataDir,
                                       @Value("${peer.db-pool-size}") int poolSize) {
        if (poolSize < 2 || poolSize > 500) {
            throw new IllegalArgumentException("PEER_DB_POOL_SIZE must be between 2 and 500, was " + poolSize);
        }
        Path directory = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("camunda-peer");
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("camunda-peer") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
