package org.medsign.signing.overdue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts, per line of the IT board (person or department, and site), the overdue versions the institution signed. */
final class CoveredCounts {

    /** A board line: the person or department, and the site. */
    record Line(String key, String siteCode) {
    }

    /** One overdue pending version and the line it belongs to. */
    record Row(Line line, RecordVersion version) {
    }

    private CoveredCounts() {
    }

    static Map<Line, Long> count(List<Row> rows, Set<RecordVersion> covered) {
        Map<Line, Long> counts = new HashMap<>();
        for (Row row : rows) {
            if (covered.contains(row.version())) {
                counts.merge(row.line(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
