package org.medsign.signing.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.overdue.DeadlineRow;
import org.medsign.signing.overdue.DeadlineSummary;
import org.medsign.signing.overdue.SigningDeadlines;

import java.util.List;

/** 首頁's signing panel (my pending records against the 24-hour rule) and IT's per person and department lists. */
@Named
@RequestScoped
public class DeadlineView {

    private static final int SOONEST = 10;
    private static final int BOARD_ROWS = 200;

    @Inject
    SigningDeadlines deadlines;

    private DeadlineSummary mine;

    public DeadlineSummary getMine() {
        if (mine == null) {
            mine = deadlines.mine(SOONEST);
        }
        return mine;
    }

    public List<DeadlineRow> getByPerson() {
        return deadlines.board(false, BOARD_ROWS);
    }

    public List<DeadlineRow> getByDepartment() {
        return deadlines.board(true, BOARD_ROWS);
    }
}
