package org.medsign.ops.jmx;

/**
 * Says when a figure has grown at every one of the last N watches: a backlog that a busy minute swells and the
 * next one drains is normal, one that only grows is not. Says it once per growing streak.
 */
final class GrowthWatch {

    private final int watches;
    private long previous = -1;
    private int streak;

    GrowthWatch(int watches) {
        this.watches = Math.max(1, watches);
    }

    /** Takes this watch's value; true when it completes a streak of growth worth an alert. */
    boolean grewSteadily(long value) {
        streak = previous >= 0 && value > previous ? streak + 1 : 0;
        previous = value;
        return streak == watches;
    }
}
