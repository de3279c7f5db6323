package org.medsign.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The medsign batch jobs (job XML in the batch module's META-INF/batch-jobs), with their default schedules. */
public enum BatchJob {
    UNSIGNED_SCAN("unsigned-scan", "every 10m", "daily 02:30"),
    SIGNING_DEADLINE("signing-deadline", "every 30m", "off"),
    SIGNING_REMINDERS("signing-reminders", "every 5m", "off"),
    CREDENTIAL_UPKEEP("credential-upkeep", "every 1h", "off"),
    LONG_TERM_EVIDENCE("long-term-evidence", "every 1h", "off"),
    /** Every minute, but its timer starts a run only while marks wait ({@link JobSchedule}). */
    HIS_WRITE_BACK("his-write-back", "every 1m", "off");

    private final String jobName;
    private final String defaultSchedule;
    private final String defaultFullSchedule;

    BatchJob(String jobName, String defaultSchedule, String defaultFullSchedule) {
        this.jobName = jobName;
        this.defaultSchedule = defaultSchedule;
        this.defaultFullSchedule = defaultFullSchedule;
    }

    public String jobName() {
        return jobName;
    }

    String defaultSchedule() {
        return defaultSchedule;
    }

    String defaultFullSchedule() {
        return defaultFullSchedule;
    }

    public static Optional<BatchJob> named(String name) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst();
    }
}
