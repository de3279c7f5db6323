package org.medsign.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterViewTest {

    @Test
    void readsTheMembersOfAJGroupsViewCoordinatorFirst() {
        assertEquals(List.of("node2", "node1"), ClusterView.members("[node2|4] (2) [node2, node1]"));
        assertEquals(List.of("node1"), ClusterView.members("[node1|0] (1) [node1]"));
        // as WildFly 39's JGroups writes it: each member with its version
        assertEquals(List.of("node2", "node1"),
                ClusterView.members("[node2(v=16.0.5)|6] (2) [node2(v=16.0.5), node1(v=16.0.5)]"));
    }

    @Test
    void refusesWhatIsNoView() {
        assertThrows(IllegalArgumentException.class, () -> ClusterView.members("no view"));
    }
}
