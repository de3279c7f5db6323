package org.medsign.his;

import org.junit.jupiter.api.Test;

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
}
