package org.medsign.walkthrough;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logs IT reads after every other system test ran against the shared server (this package runs last): no
 * national ID of any staff member, and no connection-manager stack traces (IJ000311) for ordinary transactions.
 */
@SystemTest
class ServerLogIT {

    /** The demo staff's national IDs (DemoPeople), all of whom the tests log in, bind, enrol and sign as. */
    private static final List<String> NATIONAL_IDS = List.of("A223456789", "B287654321", "J223344556", "K225566778",
            "F212345678", "A123456780", "H120000003", "E221111118");

    @Test
    void logsHoldNoNationalIdAndNoConnectionManagerTraces(MedsignServer server) throws Exception {
        List<Path> logs;
        try (Stream<Path> files = Files.list(server.logDirectory())) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        assertTrue(logs.stream().anyMatch(p -> p.endsWith("server.log")), logs.toString());
        for (Path log : logs) {
            String text = Files.readString(log);
            for (String id : NATIONAL_IDS) {
                assertFalse(text.contains(id), log + " names a national ID");
            }
            assertEquals(0, text.lines().filter(l -> l.contains("IJ000311")).count(), log + " has IJ000311 traces");
        }
    }
}
