package org.medsign.credential;

import org.medsign.mobile.AppSession;
import org.medsign.mobile.BoundDevice;
import org.medsign.mobile.DeviceBinder;
import org.medsign.mobile.DeviceInfo;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.MedsignClient;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.StaffSession.BindingTicket;
import org.medsign.systemtest.WebAddress;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

/**
 * A staff member's phone for the tests: bound through the portal's QR ticket (M5–M9) and logged in (M14),
 * with its device key at hand for requests the tests forge.
 */
public final class Phone {

    static final char[] STORE_PASSWORD = "phone-store-pw".toCharArray();

    public final Path home;
    final KeyPair deviceKey;
    final BoundDevice device;
    final AppSession session;
    final MedsignClient api;

    private Phone(Path home, KeyPair deviceKey, BoundDevice device, AppSession session, MedsignClient api) {
        this.home = home;
        this.deviceKey = deviceKey;
        this.device = device;
        this.session = session;
        this.api = api;
    }

    /** Public for the benchmarks outside this package (the pending list's phones). */
    public static Phone bindAndLogIn(WebAddress server, StaffSession staff, String employeeNumber, String deviceName)
            throws Exception {
        BindingTicket ticket = staff.bindingTicket(deviceName);
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        BoundDevice device = new DeviceBinder(new MedsignClient(server.url(""), DevTls.sslContext()))
                .bind(TicketLink.parse(ticket.uri()), ticket.code(), key, DeviceInfo.thisMachine());
        Path home = Files.createTempDirectory("medsign-phone");
        DeviceKeyStore.store(home.resolve("keys.p12"), STORE_PASSWORD, DeviceKeyStore.DEVICE_KEY, key);
        new org.medsign.mobile.DeviceProfile(server.url(""), device.deviceId(), device.name(), device.owner(), "EC")
                .save(home, MedsignClient.mapper());
        AppSession session = new MedsignClient(server.url(""), DevTls.sslContext()).login("T0", employeeNumber, StaffSession.DEMO_PASSWORD);
        session.save(home, MedsignClient.mapper());
        return new Phone(home, key, device, session, new MedsignClient(server.url(""), DevTls.sslContext()).authorized(session.token()));
    }

    /** The app's bearer token. */
    public String token() {
        return session.token();
    }

    /**
     * E Portal binding (M19) as seen through the hospital's proxy: {@code forwardedFor} is the phone's address on the
     * intranet (null: none).
     */
    public HttpResponse<String> bindEPortal(WebAddress server, String employeeNumber, String forwardedFor)
            throws Exception {
        byte[] message = ("medsign-eportal-v1\n" + employeeNumber + "\n" + device.deviceId()).getBytes(StandardCharsets.UTF_8);
        String body = "{\"deviceId\":\"" + device.deviceId() + "\",\"deviceSignature\":\""
                + Base64.getEncoder().encodeToString(DeviceKeyStore.sign(deviceKey.getPrivate(), message)) + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url("api/v1/eportal/bindings"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + session.token())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return DevTls.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> env() {
        return Map.of("MEDSIGN_MOBILE_STORE_PASSWORD", new String(STORE_PASSWORD));
    }
}
