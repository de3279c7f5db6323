package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.mobile.CertificateInfo;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.Enroller;
import org.medsign.mobile.IssuedCertificate;
import org.medsign.mobile.MedsignApiException;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** M10–M18 against the real server: the wizard, enrolment from the phone, download, and every bad input. */
@SystemTest
class EnrolmentIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static String newName() {
        return "公務手機-" + NAMES.incrementAndGet();
    }

    private static String refusal(Runnable call) {
        return assertThrows(MedsignApiException.class, call::run).code();
    }

    private static IssuedCertificate enrol(Phone phone, Enrolments.Ticket ticket, String code, KeyPair key, String subject) {
        return new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), code, Enroller.csr(key, subject),
                phone.device.deviceId(), phone.deviceKey.getPrivate());
    }

    @Test
    void theCliEnrolsAndDownloadsSoTheCertificateIsDownloaded(MedsignServer server) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", name);
        Enrolments.Ticket ticket = Enrolments.apply(nurse, name, new DevHca(server).card("N0001.p12"));
        String out = Tools.mobileCli(server, "enrol", "--home", phone.home.toString(), "--uri", ticket.uri(),
                "--code", ticket.code().toLowerCase(), "--pin", "482916", "--store-password", "phone-store-pw");
        assertTrue(out.contains("恭喜！憑證申請成功並下載完成 (已下載)"), out);
        String status = Tools.mobileCli(server, "status", "--home", phone.home.toString());
        assertTrue(status.startsWith("已下載"), status);
        assertTrue(nurse.client().open("portal/certificates.xhtml").text().contains("已下載"));
    }

    @Test
    void aCardCeremonyMadeForAnotherPurposeAppliesForNothing(MedsignServer server) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0003");
        String name = "申請用手機-" + NAMES.incrementAndGet();
        Phone.bindAndLogIn(server, nurse, "N0003", name);
        SoftCard card = new DevHca(server).card("N0003.p12");

        Enrolments.Finished refused = Enrolments.finish(nurse, name, card, "certificate revocation 0123abcd");

        assertTrue(refused.page().document().select("#enrolUri").text().isEmpty(), "no enrolment ticket");
        assertTrue(refused.page().text().contains("[MS-4011]"), refused.page().text());
        assertTrue(Enrolments.apply(nurse, name, card).uri().startsWith("medsign://enrol"),
                "a ceremony for the application still applies");
    }

    @Test
    void aCertificateStaysIssuedUntilThePhoneAcknowledgesWithTheNewKey(MedsignServer server) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", name);
        Enrolments.Ticket ticket = Enrolments.apply(nurse, name, new DevHca(server).card("N0001.p12"));
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        IssuedCertificate issued = enrol(phone, ticket, ticket.code(), key, "N0001");
        assertEquals("ISSUED", issued.status());
        assertEquals("MS-3006", refusal(() -> enrol(phone, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"), "N0001")),
                "a replayed enrolment");
        char[] pin = "482916".toCharArray();
        DeviceKeyStore.store(phone.home.resolve("signing.p12"), pin, "signing", DeviceKeyStore.newKeyPair("EC"));
        assertThrows(IllegalStateException.class, () -> new org.medsign.mobile.CertificateFetcher(phone.api)
                .download(issued.serial(), phone.home, pin), "the client refuses a certificate for another key");
        DeviceKeyStore.store(phone.home.resolve("signing.p12"), pin, "signing", key);
        CertificateInfo downloaded = new org.medsign.mobile.CertificateFetcher(phone.api).download(issued.serial(), phone.home, pin);
        assertEquals("DOWNLOADED", downloaded.status());
    }

    @Test
    void anAcknowledgementByAnotherKeyIsRefused(MedsignServer server) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", name);
        Enrolments.Ticket ticket = Enrolments.apply(nurse, name, new DevHca(server).card("N0001.p12"));
        IssuedCertificate issued = enrol(phone, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"), "N0001");
        String forged = java.util.Base64.getEncoder().encodeToString(DeviceKeyStore.sign(
                DeviceKeyStore.newKeyPair("EC").getPrivate(), "medsign-ack-v1".getBytes()));
        assertEquals("MS-4008", refusal(() -> phone.api.postJson("api/v1/certificates/" + issued.serial()
                + "/acknowledgement", java.util.Map.of("signature", forged))));
    }

    @Test
    void badRequestsAreRefusedWithTheirCodesAndIssueNothing(MedsignServer server, @TempDir Path dir) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", name);
        SoftCard card = new DevHca(server).card("N0001.p12");
        Enrolments.Ticket ticket = Enrolments.apply(nurse, name, card);

        assertEquals("MS-4005", refusal(() -> enrol(phone, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"), "D0001")));
        assertEquals("MS-3003", refusal(() -> enrol(phone, ticket, "AAAAAAAAAA", DeviceKeyStore.newKeyPair("EC"), "N0001")));
        Tools.run("openssl", "req", "-new", "-newkey", "rsa:1024", "-nodes", "-keyout", dir.resolve("weak.key").toString(),
                "-out", dir.resolve("weak.csr").toString(), "-subj", "/CN=N0001");
        assertEquals("MS-4012", refusal(() -> new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), ticket.code(),
                Enroller.readCsr(dir.resolve("weak.csr")), phone.device.deviceId(), phone.deviceKey.getPrivate())));
        assertEquals("MS-3010", refusal(() -> new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), ticket.code(),
                Enroller.csr(DeviceKeyStore.newKeyPair("EC"), "N0001"), phone.device.deviceId(),
                DeviceKeyStore.newKeyPair("EC").getPrivate())), "not signed by the device key");
        assertEquals("MS-4006", refusal(() -> new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), ticket.code(),
                Enroller.csr(phone.deviceKey, "N0001"), phone.device.deviceId(), phone.deviceKey.getPrivate())),
                "the device key cannot become the signing key");

        StaffSession doctor = StaffSession.logIn(server, "D0001");
        Phone doctorsPhone = Phone.bindAndLogIn(server, doctor, "D0001", newName());
        assertEquals("MS-4004", refusal(() -> new Enroller(doctorsPhone.api).enrol(TicketLink.parse(ticket.uri()),
                ticket.code(), Enroller.csr(DeviceKeyStore.newKeyPair("EC"), "D0001"), doctorsPhone.device.deviceId(),
                doctorsPhone.deviceKey.getPrivate())), "another person's ticket");

        IssuedCertificate issued = enrol(phone, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"), "N0001");
        assertEquals("ISSUED", issued.status(), "the ticket still worked after all the refusals");
        assertEquals("MS-4007", refusal(() -> doctorsPhone.api.getJson("api/v1/certificates/" + issued.serial() + "/chain")),
                "nobody downloads another person's certificate");
    }

    @Test
    void theApiNeedsALogin(MedsignServer server) {
        assertEquals("MS-1007", refusal(() -> new org.medsign.mobile.MedsignClient(server.baseUrl(), DevTls.sslContext())
                .getJson("api/v1/certificates")));
        assertEquals("MS-1011", refusal(() -> new org.medsign.mobile.MedsignClient(server.baseUrl(), DevTls.sslContext())
                .authorized("forged-token").getJson("api/v1/certificates")));
    }
}
