package org.medsign.audit;

import org.medsign.error.ErrorCode;

/** What a capability reports to the audit log. {@code actor} is an employee number or "anonymous". */
public record AuditRecord(AuditAction action, AuditOutcome outcome, String actor, String subject,
                          ErrorCode errorCode, String clientAddress, String detail) {

    public static AuditRecord success(AuditAction action, String actor, String subject, String clientAddress) {
        return new AuditRecord(action, AuditOutcome.SUCCESS, actor, subject, null, clientAddress, null);
    }

    public static AuditRecord failure(AuditAction action, String actor, String subject, ErrorCode code,
                                      String clientAddress) {
        return new AuditRecord(action, AuditOutcome.FAILURE, actor, subject, code, clientAddress, null);
    }

    public static AuditRecord denied(AuditAction action, String actor, String subject, ErrorCode code,
                                     String clientAddress) {
        return new AuditRecord(action, AuditOutcome.DENIED, actor, subject, code, clientAddress, null);
    }
}
