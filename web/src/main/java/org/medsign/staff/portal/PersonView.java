package org.medsign.staff.portal;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.RevocationReason;
import org.medsign.device.DeviceRegistry;
import org.medsign.device.DeviceView;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.privacy.Masking;
import org.medsign.signing.evidence.SignatureArchive;
import org.medsign.signing.evidence.SignatureSummary;
import org.medsign.signing.evidence.VerificationReport;
import org.medsign.signing.export.EvidenceExport;
import org.medsign.staff.StaffDirectory;
import org.medsign.staff.StaffProfile;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/**
 * IT's page of one person (人員明細): profile with the name and ID masked, their devices, certificates (revoke with
 * a reason, and for a key compromise since when) and stored signatures (re-verify one, with its report; export its
 * evidence).
 */
@Named
@ViewScoped
public class PersonView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SIGNATURES = 200;
    private static final java.time.ZoneId TAIPEI = java.time.ZoneId.of("Asia/Taipei");

    @Inject
    transient StaffDirectory directory;

    @Inject
    transient DeviceRegistry devices;

    @Inject
    transient CertificateRegistry certificates;

    @Inject
    transient SignatureArchive signatures;

    @Inject
    transient EvidenceExport exports;

    private String employee;
    private StaffProfile profile;
    private List<DeviceView> deviceList;
    private List<CertificateView> certificateList;
    private List<SignatureSummary> signatureList;
    private String selectedSerial;
    private RevocationReason reason = RevocationReason.UNSPECIFIED;
    private VerificationReport report;
    /** 驗證時間: the report's validation time (a day, in Taiwan's time); today's verification when empty. */
    private java.time.LocalDate asOf;
    /** For a key compromise: since when the key was out of its owner's hands (Taiwan's time); now when empty. */
    private java.time.LocalDateTime compromisedSince;

    /** Called by f:viewAction: loads everything of the person named in the URL. */
    public void load() {
        if (employee == null || !employee.matches("[A-Za-z0-9]{1,16}")) {
            FacesErrors.show(new MedsignException(ErrorCode.INVALID_INPUT, "employee"));
            return;
        }
        try {
            profile = directory().profileOf(employee, FacesContext.getCurrentInstance().getViewRoot().getLocale());
            refresh();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** Opens the revocation dialog for one certificate, with no compromise time left from another. */
    public void select(String serial) {
        selectedSerial = serial;
        compromisedSince = null;
    }

    public void revoke() {
        try {
            certificates().revokeAsIt(selectedSerial, reason,
                    compromisedSince == null ? null : compromisedSince.atZone(TAIPEI).toInstant());
            compromisedSince = null;
            refresh();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public void verify(long signatureId) {
        try {
            report = signatures().verify(signatureId, asOf == null ? null : asOf.atStartOfDay(TAIPEI).toInstant());
        } catch (MedsignException e) {
            report = null;
            FacesErrors.show(e);
        }
    }

    /** 匯出證據: the ASiC-E container of the record version this signature signed, as a download. */
    public void exportEvidence(long signatureId) throws java.io.IOException {
        try {
            EvidenceExport.Container container = exports().export(signatureId);
            FacesContext faces = FacesContext.getCurrentInstance();
            jakarta.faces.context.ExternalContext external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType("application/vnd.etsi.asic-e+zip");
            external.setResponseContentLength(container.bytes().length);
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + container.fileName() + "\"");
            external.getResponseOutputStream().write(container.bytes());
            faces.responseComplete();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    private void refresh() {
        deviceList = devices().devicesOf(profile.employeeNumber());
        certificateList = certificates().certificatesOf(profile.employeeNumber());
        signatureList = signatures().signedBy(profile.employeeNumber(), MAX_SIGNATURES);
    }

    public String getMaskedName() {
        return profile == null ? "" : Masking.name(profile.name());
    }

    public StaffProfile getProfile() {
        return profile;
    }

    public List<DeviceView> getDevices() {
        return deviceList == null ? List.of() : deviceList;
    }

    public List<CertificateView> getCertificates() {
        return certificateList == null ? List.of() : certificateList;
    }

    public List<SignatureSummary> getSignatures() {
        return signatureList == null ? List.of() : signatureList;
    }

    public java.util.List<RevocationReason> getReasons() {
        return RevocationReason.forOneCertificate();
    }

    public java.time.LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(java.time.LocalDate asOf) {
        this.asOf = asOf;
    }

    public java.time.LocalDateTime getCompromisedSince() {
        return compromisedSince;
    }

    public void setCompromisedSince(java.time.LocalDateTime compromisedSince) {
        this.compromisedSince = compromisedSince;
    }

    public VerificationReport getReport() {
        return report;
    }

    public String getSelectedSerial() {
        return selectedSerial;
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }

    public String getEmployee() {
        return employee;
    }

    public void setEmployee(String employee) {
        this.employee = employee == null ? null : employee.strip();
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private StaffDirectory directory() {
        return directory = Services.kept(directory, StaffDirectory.class);
    }

    private DeviceRegistry devices() {
        return devices = Services.kept(devices, DeviceRegistry.class);
    }

    private CertificateRegistry certificates() {
        return certificates = Services.kept(certificates, CertificateRegistry.class);
    }

    private SignatureArchive signatures() {
        return signatures = Services.kept(signatures, SignatureArchive.class);
    }

    private EvidenceExport exports() {
        return exports = Services.kept(exports, EvidenceExport.class);
    }
}
