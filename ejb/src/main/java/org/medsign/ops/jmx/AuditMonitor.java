package org.medsign.ops.jmx;

import org.medsign.audit.ChainVerification;

/** The audit chain's figures and operations; a broken verification is also a notification. */
public class AuditMonitor extends AreaMonitor implements AuditMXBean {

    private final MonitoredServices services;

    AuditMonitor(MonitoredServices services) {
        super("Audit", services.audit(), services.latencies(),
                alertInfo(CHAIN_BROKEN, "The audit chain failed verification"));
        this.services = services;
    }

    @Override
    public long getAuditChainHead() {
        return services.verifier().head().sequenceNumber();
    }

    @Override
    public long sealAuditChain() {
        long sequence = services.seal().sealNow();
        audited("sealAuditChain → " + sequence);
        return sequence;
    }

    @Override
    public String verifyAuditChain() {
        ChainVerification result = services.verifier().verifyAsSystem();
        audited("verifyAuditChain → " + (result.intact() ? "intact" : "broken"));
        if (!result.intact()) {
            String verdict = "BROKEN at " + result.firstBadSequence() + ": " + result.problem();
            alert(CHAIN_BROKEN, "The audit chain is " + verdict);
            return verdict;
        }
        return "intact: " + result.rowsChecked() + " rows, " + result.checkpointsChecked() + " checkpoints";
    }
}
