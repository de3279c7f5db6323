package org.medsign.signing.eportal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** E Portal 綁定裝置 (M19): this device signs for this employee number; made once, from the hospital intranet. */
@Entity
@Table(name = "eportal_binding")
public class EPortalBinding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eportal_binding_seq")
    @SequenceGenerator(name = "eportal_binding_seq", sequenceName = "eportal_binding_seq", allocationSize = 50)
    private Long id;

    @Column(name = "employee_number", nullable = false, length = 16)
    private String employeeNumber;

    @Column(name = "device_id", nullable = false, unique = true, length = 36)
    private String deviceId;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Column(name = "bound_from", nullable = false, length = 64)
    private String boundFrom;

    protected EPortalBinding() {
    }

    EPortalBinding(String employeeNumber, String deviceId, Instant boundAt, String boundFrom) {
        this.employeeNumber = employeeNumber;
        this.deviceId = deviceId;
        this.boundAt = boundAt;
        this.boundFrom = boundFrom;
    }

    public String employeeNumber() {
        return employeeNumber;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant boundAt() {
        return boundAt;
    }
}
