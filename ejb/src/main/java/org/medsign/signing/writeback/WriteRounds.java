package org.medsign.signing.writeback;

import org.medsign.his.HisGateway.SignedMark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How waiting marks go to the HIS: oldest first, in rounds in which a record appears once, because the HIS answers
 * per record: two versions of one record in one call (the old one signed during an outage, the new one after) would
 * share one answer, and the stale one would be taken as marked.
 */
final class WriteRounds {

    private WriteRounds() {
    }

    static List<List<WaitingMark>> of(List<WaitingMark> marks) {
        List<WaitingMark> ordered = new ArrayList<>(marks);
        ordered.sort(Comparator.comparing(WaitingMark::position));
        List<List<WaitingMark>> rounds = new ArrayList<>();
        List<WaitingMark> round = new ArrayList<>();
        Set<Long> records = new HashSet<>();
        for (WaitingMark mark : ordered) {
            if (!records.add(mark.recordId())) {
                rounds.add(round);
                round = new ArrayList<>();
                records.clear();
                records.add(mark.recordId());
            }
            round.add(mark);
        }
        if (!round.isEmpty()) {
            rounds.add(round);
        }
        return rounds;
    }

    /** Whether the answer means the HIS now shows the version signed (the flag the portal shows as HIS 已註記). */
    static boolean marked(SignedMark answer) {
        return answer == SignedMark.MARKED || answer == SignedMark.ALREADY_SIGNED;
    }
}
