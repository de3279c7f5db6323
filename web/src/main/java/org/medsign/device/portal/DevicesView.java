package org.medsign.device.portal;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.device.DeviceRegistry;
import org.medsign.device.DeviceView;
import org.medsign.device.IssuedTicket;
import org.medsign.device.TicketProgress;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.PublicUrl;
import org.medsign.portal.QrImages;
import org.medsign.ticket.TicketStatus;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/**
 * The device page's state: which step the user is on (list, import form, QR shown), the ticket being
 * shown, and the device chosen for rename or removal.
 */
@Named
@ViewScoped
public class DevicesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's three faces: 查詢目前所有裝置, 匯入載具 (form), and the QR code of M7. */
    public enum Step { LIST, IMPORT, TICKET }

    @Inject
    transient DeviceRegistry registry;

    @Inject
    transient PublicUrl publicUrl;

    private Step step = Step.LIST;
    private String name;
    private String note;
    private IssuedTicket ticket;
    private String qrImage;
    private TicketProgress progress;
    private List<DeviceView> devices;
    private String selectedId;
    private String newName;

    public void startImport() {
        step = Step.IMPORT;
        name = null;
        note = null;
        ticket = null;
    }

    public void issueTicket() {
        try {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            ticket = registry().issueTicket(name, note, publicUrl().of(request));
            qrImage = QrImages.dataUri(ticket.uri());
            progress = registry().progress(ticket.ticketId());
            step = Step.TICKET;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** Polled while the QR code is shown, so the page notices the phone binding (M9). */
    public void checkProgress() {
        if (ticket != null && step == Step.TICKET) {
            progress = registry().progress(ticket.ticketId());
            if (progress.status() == TicketStatus.USED) {
                devices = null;
            }
        }
    }

    public void showList() {
        step = Step.LIST;
        devices = null;
    }

    public void select(String deviceId, String currentName) {
        selectedId = deviceId;
        newName = currentName;
    }

    public void rename() {
        try {
            registry().rename(selectedId, newName);
            devices = null;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public void remove() {
        try {
            registry().remove(selectedId);
            devices = null;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public List<DeviceView> getDevices() {
        if (devices == null) {
            devices = registry().myDevices();
        }
        return devices;
    }

    public boolean isBound() {
        return progress != null && progress.status() == TicketStatus.USED;
    }

    public boolean isTicketOpen() {
        return progress != null && progress.status() == TicketStatus.ISSUED;
    }

    /** The code as the manual prints it (FMTDJ5XD7N), in two groups of five for reading aloud. */
    public String getCodeForReading() {
        return ticket == null ? "" : ticket.code().substring(0, 5) + " " + ticket.code().substring(5);
    }

    public Step getStep() {
        return step;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public IssuedTicket getTicket() {
        return ticket;
    }

    public String getQrImage() {
        return qrImage;
    }

    public TicketProgress getProgress() {
        return progress;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private DeviceRegistry registry() {
        return registry = Services.kept(registry, DeviceRegistry.class);
    }

    private PublicUrl publicUrl() {
        return publicUrl = Services.kept(publicUrl, PublicUrl.class);
    }
}
