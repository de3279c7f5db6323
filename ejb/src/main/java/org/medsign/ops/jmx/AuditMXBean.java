package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Audit}: the audit chain's head, sealing it now and verifying it. Notification:
 * {@value #CHAIN_BROKEN}.
 */
public interface AuditMXBean {

    /** A verification found the audit chain changed, a row deleted or inserted. */
    String CHAIN_BROKEN = "medsign.audit.chain-broken";

    /** The sequence number of the newest audit event. */
    long getAuditChainHead();

    /** Signs the chain's head now; answers its sequence number (audited). */
    long sealAuditChain();

    /** Verifies the whole chain: "intact: …" or "BROKEN at …" (audited). */
    String verifyAuditChain();
}
