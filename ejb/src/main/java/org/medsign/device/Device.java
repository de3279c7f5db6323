package org.medsign.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A phone bound to a staff member, known by the public key it generated itself. */
@Entity
public class Device {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "device_seq")
    @SequenceGenerator(name = "device_seq", sequenceName = "device_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 36)
    private String publicId;

    @Column(nullable = false, length = 16)
    private String owner;

    @Column(nullable = false, length = 30)
    private String name;

    @Column(name = "active_name", length = 30)
    private String activeName;

    @Column(length = 60)
    private String note;

    @Column(length = 20)
    private String platform;

    @Column(name = "os_version", length = 20)
    private String osVersion;

    @Column(name = "app_version", length = 20)
    private String appVersion;

    @Column(name = "app_build")
    private Integer appBuild;

    @Column(length = 40)
    private String model;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "key_description", nullable = false, length = 20)
    private String keyDescription;

    @Column(name = "key_fingerprint", nullable = false, unique = true, length = 64)
    private String keyFingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeviceStatus status;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Version
    private long version;

    protected Device() {
    }

    Device(BindingTicket ticket, DeviceKey key, DeviceInfo info, Instant now) {
        this.publicId = UUID.randomUUID().toString();
        this.owner = ticket.owner();
        this.name = ticket.deviceName();
        this.activeName = name;
        this.note = ticket.deviceNote();
        this.platform = clip(info.platform(), 20);
        this.osVersion = clip(info.osVersion(), 20);
        this.appVersion = clip(info.appVersion(), 20);
        this.appBuild = info.appBuild();
        this.model = clip(info.model(), 40);
        this.publicKey = key.encoded();
        this.keyDescription = key.description();
        this.keyFingerprint = key.fingerprint();
        this.status = DeviceStatus.BOUND;
        this.boundAt = now;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    void rename(String newName) {
        name = newName;
        activeName = newName;
    }

    void remove(Instant now) {
        status = DeviceStatus.REMOVED;
        activeName = null;
        removedAt = now;
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    public String publicId() {
        return publicId;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String note() {
        return note;
    }

    public DeviceStatus status() {
        return status;
    }

    public DeviceView view() {
        return new DeviceView(publicId, name, note, platform, osVersion, model, appVersion, appBuild, keyDescription,
                status, boundAt, lastUsedAt, removedAt);
    }

    public DeviceKey key() {
        return DeviceKey.parse(java.util.Base64.getEncoder().encodeToString(publicKey));
    }
}
