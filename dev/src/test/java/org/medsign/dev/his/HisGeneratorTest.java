package org.medsign.dev.his;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HisGeneratorTest {

    @Test
    void theDemoStaffComeFirstThenGeneratedNursesAndPhysicians() {
        List<HisGenerator.Author> authors = HisGenerator.authors(12);
        assertEquals(List.of("N0001", "N0002", "N0003", "D0001"),
                authors.subList(0, 4).stream().map(HisGenerator.Author::employeeNumber).toList());
        assertEquals(12, authors.stream().map(HisGenerator.Author::employeeNumber).distinct().count());
        assertTrue(authors.stream().anyMatch(a -> a.employeeNumber().startsWith("D0") && a.physician()));
        assertTrue(authors.stream().anyMatch(a -> a.site().equals("T1")));
        assertEquals(authors, HisGenerator.authors(12));
    }

    @Test
    void textsAreRealisticAndFollowTheSeed() {
        String a = HisContent.text("TRANSFER", new SplittableRandom(5), 1);
        assertEquals(a, HisContent.text("TRANSFER", new SplittableRandom(5), 1));
        assertTrue(a.startsWith("自") && a.contains("轉送本院急診"), a);
        assertTrue(HisContent.text("NURSING", new SplittableRandom(5), 2).contains("第 2 版修正"));
        assertEquals(3, HisContent.patientName(new SplittableRandom(9)).length());
    }

    @Test
    void idsGrowWithCreationTimeOverTheWholeSpan() {
        Instant until = Instant.parse("2026-11-01T00:00:00Z");
        long span = 180L * 86_400;
        long count = 10_000;
        Instant previous = Instant.MIN;
        for (long n = 0; n < count; n++) {
            Instant created = HisGenerator.createdAt(until, span, n, count, new SplittableRandom(n));
            assertTrue(created.isAfter(previous) || created.equals(previous), "record " + n + " made before " + (n - 1));
            assertTrue(!created.isBefore(until.minusSeconds(span)) && created.isBefore(until), created.toString());
            previous = created;
        }
        assertTrue(HisGenerator.createdAt(until, span, 0, count, new SplittableRandom(1))
                .isBefore(until.minusSeconds(span - 86_400)), "the first record is from the span's first day");
        assertTrue(previous.isAfter(until.minusSeconds(86_400)), "the last record is from the span's last day");
    }
}
