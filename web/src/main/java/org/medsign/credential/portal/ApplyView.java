package org.medsign.credential.portal;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.credential.CardEvidence;
import org.medsign.credential.CertificateApplications;
import org.medsign.credential.IssuedEnrolment;
import org.medsign.device.DeviceRegistry;
import org.medsign.device.DeviceView;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.PublicUrl;
import org.medsign.portal.QrImages;
import org.medsign.staff.StaffDirectory;
import org.medsign.staff.StaffProfile;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/**
 * 申請憑證 (M10–M13) as a wizard: confirm my data, choose exactly one bound device, accept the statement,
 * prove the card (PIN, pull out, insert, PIN — card.js drives the agent), then 取得 QRCode 成功.
 */
@Named
@ViewScoped
public class ApplyView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The wizard's pages, in order. */
    public enum Step { CONFIRM, DEVICE, STATEMENT, CARD, RESULT }

    @Inject
    transient StaffDirectory directory;

    @Inject
    transient DeviceRegistry devices;

    @Inject
    transient CertificateApplications applications;

    @Inject
    transient PublicUrl publicUrl;

    private Step step = Step.CONFIRM;
    private StaffProfile profile;
    private List<DeviceView> myDevices;
    private String deviceId;
    private boolean accepted;
    private String ceremonyId;
    private IssuedEnrolment enrolment;
    private String qrImage;

    public StaffProfile getProfile() {
        if (profile == null) {
            profile = directory().myProfile(FacesContext.getCurrentInstance().getViewRoot().getLocale());
        }
        return profile;
    }

    public List<DeviceView> getDevices() {
        if (myDevices == null) {
            myDevices = devices().myDevices();
        }
        return myDevices;
    }

    public void toDevice() {
        step = Step.DEVICE;
    }

    public void toStatement() {
        if (deviceId == null || getDevices().stream().noneMatch(d -> d.deviceId().equals(deviceId))) {
            FacesErrors.show(ErrorCode.DEVICE_CHOICE_REQUIRED);
            return;
        }
        step = Step.STATEMENT;
    }

    public void toCard() {
        if (!accepted) {
            FacesErrors.show(ErrorCode.STATEMENT_NOT_ACCEPTED);
            return;
        }
        step = Step.CARD;
    }

    public void back() {
        step = Step.values()[Math.max(0, step.ordinal() - 1)];
    }

    /** Called by the card step once the ceremony is proven: applies with it. */
    public void finish() {
        try {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            enrolment = applications().apply(deviceId, accepted ? applications().statementVersion() : null, ceremonyId,
                    publicUrl().of(request));
            qrImage = QrImages.dataUri(enrolment.uri());
            step = Step.RESULT;
        } catch (MedsignException e) {
            ceremonyId = null;
            FacesErrors.show(e);
        }
    }

    /** What the application's card ceremony signs. */
    public String getPresenceContext() {
        return CardEvidence.APPLICATION_CONTEXT;
    }

    public String getCodeForReading() {
        return enrolment == null ? "" : enrolment.code().substring(0, 5) + " " + enrolment.code().substring(5);
    }

    public Step getStep() {
        return step;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public void setAccepted(boolean accepted) {
        this.accepted = accepted;
    }

    public String getCeremonyId() {
        return ceremonyId;
    }

    public void setCeremonyId(String ceremonyId) {
        this.ceremonyId = ceremonyId;
    }

    public IssuedEnrolment getEnrolment() {
        return enrolment;
    }

    public String getQrImage() {
        return qrImage;
    }

    public String getStatementVersion() {
        return applications().statementVersion();
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private StaffDirectory directory() {
        return directory = Services.kept(directory, StaffDirectory.class);
    }

    private DeviceRegistry devices() {
        return devices = Services.kept(devices, DeviceRegistry.class);
    }

    private CertificateApplications applications() {
        return applications = Services.kept(applications, CertificateApplications.class);
    }

    private PublicUrl publicUrl() {
        return publicUrl = Services.kept(publicUrl, PublicUrl.class);
    }
}
