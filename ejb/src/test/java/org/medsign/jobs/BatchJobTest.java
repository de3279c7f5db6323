package org.medsign.jobs;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchJobTest {

    @Test
    void namesTheJobsAndTheirDefaultSchedulesParse() {
        assertEquals(BatchJob.UNSIGNED_SCAN, BatchJob.named("unsigned-scan").orElseThrow());
        assertEquals(BatchJob.CREDENTIAL_UPKEEP, BatchJob.named("credential-upkeep").orElseThrow());
        assertTrue(BatchJob.named("no-such-job").isEmpty());
        for (BatchJob job : BatchJob.values()) {
            ScheduleText.parse(job.defaultSchedule(), "Asia/Taipei");
            ScheduleText.parse(job.defaultFullSchedule(), "Asia/Taipei");
        }
    }

    @Test
    void everyJobHasItsJobXmlInTheBatchModule() throws Exception {
        for (BatchJob job : BatchJob.values()) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/batch-jobs/" + job.jobName() + ".xml")) {
                assertTrue(in == null || new String(in.readAllBytes()).contains("id=\"" + job.jobName() + "\""), job.jobName());
            }
        }
    }
}
