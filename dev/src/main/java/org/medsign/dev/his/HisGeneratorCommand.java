package org.medsign.dev.his;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -cp medsign-dev.jar:postgresql.jar org.medsign.dev.his.HisGeneratorCommand --url jdbc:postgresql://…
 * --records 1000000}: fills an HIS stand-in database whose schema medsign has migrated (start the server once
 * with MEDSIGN_HIS_DB_URL pointing at it). Options: --user, --password, --seed (1), --staff (200),
 * --records (10000), --months (6), --until (ISO instant, default now), --rebuild-indexes.
 */
public final class HisGeneratorCommand {

    private HisGeneratorCommand() {
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        String url = options.get("url");
        if (url == null) {
            System.err.println("usage: HisGeneratorCommand --url JDBC_URL [--user U] [--password P] [--seed N] [--staff N]"
                    + " [--records N] [--months N] [--until ISO_INSTANT] [--rebuild-indexes]");
            System.exit(2);
        }
        HisGenerator.Settings settings = new HisGenerator.Settings(
                Long.parseLong(options.getOrDefault("seed", "1")),
                Integer.parseInt(options.getOrDefault("staff", "200")),
                Long.parseLong(options.getOrDefault("records", "10000")),
                Integer.parseInt(options.getOrDefault("months", "6")),
                options.containsKey("until") ? Instant.parse(options.get("until")) : Instant.now(),
                Boolean.parseBoolean(options.getOrDefault("rebuild-indexes", "false")));
        try (Connection c = DriverManager.getConnection(url, options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", "postgres"))) {
            HisGenerator.Result result = new HisGenerator().generate(c, settings);
            System.out.printf("generated %d records (ids from %d, %d patients, %d authors) in %.1f s%n", result.records(),
                    result.firstId(), result.patients(), settings.staff(), result.took().toMillis() / 1000.0);
        }
    }
}
