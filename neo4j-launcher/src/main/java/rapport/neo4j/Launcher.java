package rapport.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j 5 Community database with a Bolt connector bound to the loopback
 * interface, until the process is asked to stop (SIGTERM/SIGINT), then shuts the
 * database down cleanly so that no committed write is lost.
 *
 * Everything is configured through the environment, read here and nowhere else:
 *   NEO4J_HOME_DIR        store and logs (required; the npm scripts pass .data/neo4j)
 *   NEO4J_BOLT_PORT       Bolt port on 127.0.0.1 (default 7687)
 *   NEO4J_PAGECACHE       page cache size, e.g. 2g (default 2g)
 *   NEO4J_TX_MEMORY_MAX   memory cap for all transactions together (default 4g)
 *   NEO4J_RELATIONSHIP_GROUPING_THRESHOLD
 *                         relationships a node has before they are grouped by type
 *                         (default 1: always; Neo4j's own default is 50)
 *
 * The heap is sized by the JVM's -Xmx, which the npm scripts pass from NEO4J_HEAP.
 * Authentication is off: the connector only listens on 127.0.0.1, for local use.
 */
public final class Launcher {

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(requiredEnv("NEO4J_HOME_DIR")).toAbsolutePath();
        int boltPort = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        long pageCache = ByteUnit.parse(env("NEO4J_PAGECACHE", "2g"));
        long txMemory = ByteUnit.parse(env("NEO4J_TX_MEMORY_MAX", "4g"));
        // A person has tens of relationships of six types; a filter follows one
        // type at a time (VOICED, ENGAGED …). Grouped by type, following one
        // type reads only its own chain instead of every relationship of the
        // person. Applies to nodes as they are written.
        int groupingThreshold = Integer.parseInt(env("NEO4J_RELATIONSHIP_GROUPING_THRESHOLD", "1"));

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10))
                .setConfig(GraphDatabaseSettings.dense_node_threshold, groupingThreshold)
                // Nothing reads old transaction logs of a local store (no backups, no cluster to
                // catch up); Neo4j's own "2 days" kept 26 GB of them beside a 2.4 GB store after
                // an evening of benchmarks.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1G size")
                // Logs are let go only at a checkpoint: at Neo4j's 15 minutes, a million-person
                // import piled up 13 GB of them between two, and filled a small disk.
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("rapport-neo4j: shutting down");
            service.shutdown();
            System.out.println("rapport-neo4j: stopped");
            stopped.countDown();
        }, "neo4j-shutdown"));

        // The npm scripts wait for Bolt to answer; this line is for the log.
        System.out.println("rapport-neo4j: ready on bolt://127.0.0.1:" + boltPort + " (store " + home + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("rapport-neo4j: " + name + " must be set");
            System.exit(2);
        }
        return value;
    }
}
