package org.medsign.systemtest;

import org.medsign.systemtest.PortalClient.Page;

import java.net.http.HttpResponse;
import java.util.Map;

/** A staff member logged into the portal over plain HTTP, with the portal actions tests need. */
public final class StaffSession {

    public static final String DEMO_PASSWORD = "Medsign#2026";

    private final PortalClient client;

    private StaffSession(PortalClient client) {
        this.client = client;
    }

    public static StaffSession logIn(WebAddress server, String employeeNumber) {
        PortalClient client = new PortalClient(server);
        Page form = client.open("login.xhtml");
        HttpResponse<String> response = client.submit(form, "login",
                Map.of("login:username", employeeNumber, "login:password", DEMO_PASSWORD), "login:submit");
        if (response.statusCode() != 302) {
            throw new IllegalStateException("login of " + employeeNumber + " failed: " + new Page(response).text());
        }
        return new StaffSession(client);
    }

    public PortalClient client() {
        return client;
    }

    /** 匯入載具 → 取得QRCode (M6–M7): returns the page that shows the QR code and its password. */
    public Page importDevice(String name, String note) {
        Page list = client.open("portal/devices.xhtml");
        Page form = new Page(client.submit(list, "devices", Map.of(), "devices:import"));
        return new Page(client.submit(form, "devices", Map.of("devices:name", name, "devices:note", note), "devices:getQr"));
    }

    /** The QR's link and the password as the ticket page shows them. */
    public BindingTicket bindingTicket(String name) {
        Page page = importDevice(name, "");
        String uri = page.document().select("#ticketUri").text();
        String code = page.document().select("#ticketCode").text().replace(" ", "");
        if (uri.isEmpty() || code.length() != 10) {
            throw new IllegalStateException("no ticket on the page: " + page.document().select("#messages").text());
        }
        return new BindingTicket(uri, code);
    }

    /** A ticket as the portal showed it. */
    public record BindingTicket(String uri, String code) {
    }
}
