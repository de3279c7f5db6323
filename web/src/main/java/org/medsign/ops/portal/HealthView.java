package org.medsign.ops.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.ops.HealthCheck;
import org.medsign.ops.HealthReport;

/** 系統狀態: the health report with the details the public endpoint hides. */
@Named
@RequestScoped
public class HealthView {

    @Inject
    HealthCheck healthCheck;

    private HealthReport report;

    public HealthReport getReport() {
        if (report == null) {
            report = healthCheck.check();
        }
        return report;
    }
}
