package org.medsign.credential;

import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.mobile.CertificateFetcher;
import org.medsign.mobile.CmsSigner;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.Enroller;
import org.medsign.mobile.IssuedCertificate;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.MedsignCluster;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.WebAddress;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.function.LongConsumer;

/** A staff member whose phone is bound, logged in and holds a downloaded (已下載) certificate: ready to sign. */
public final class CredentialFixture {

    private CredentialFixture() {
    }

    public static Signer downloadedSigner(MedsignServer server, String employeeNumber, String deviceName) throws Exception {
        return downloadedSigner(server, employeeNumber, deviceName, nanos -> { });
    }

    /** The same, telling how long the issuance request took as the phone saw it (for LatencyIT). */
    public static Signer downloadedSigner(MedsignServer server, String employeeNumber, String deviceName,
                                          LongConsumer issuanceNanos) throws Exception {
        return downloadedSigner(server, employeeNumber, deviceName, new DevHca(server).card(employeeNumber + ".p12"),
                MedsignServer.HTTPS_PORT, issuanceNanos);
    }

    /** The same on a cluster, through its balancer: the card ceremony too, wherever the wizard's node is. */
    public static Signer downloadedSigner(MedsignCluster cluster, String employeeNumber, String deviceName)
            throws Exception {
        SoftCard card = SoftCard.load(cluster.keyDirectory().resolve("dev-hca/cards/" + employeeNumber + ".p12"));
        return downloadedSigner(cluster, employeeNumber, deviceName, card, 8443 + MedsignCluster.OFFSET, nanos -> { });
    }

    private static Signer downloadedSigner(WebAddress server, String employeeNumber, String deviceName, SoftCard card,
                                           int httpsPort, LongConsumer issuanceNanos) throws Exception {
        StaffSession staff = StaffSession.logIn(server, employeeNumber);
        Phone phone = Phone.bindAndLogIn(server, staff, employeeNumber, deviceName);
        Enrolments.Ticket ticket = Enrolments.apply(staff, Enrolments.upToCard(staff, deviceName), card, httpsPort);
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        long started = System.nanoTime();
        IssuedCertificate issued = new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), ticket.code(),
                Enroller.csr(key, employeeNumber), phone.device.deviceId(), phone.deviceKey.getPrivate());
        issuanceNanos.accept(System.nanoTime() - started);
        char[] pin = "482916".toCharArray();
        DeviceKeyStore.store(phone.home.resolve(CertificateFetcher.SIGNING_STORE), pin, CertificateFetcher.SIGNING_KEY, key);
        new CertificateFetcher(phone.api).download(issued.serial(), phone.home, pin);
        X509Certificate[] chain = DeviceKeyStore.chain(phone.home.resolve(CertificateFetcher.SIGNING_STORE), pin,
                CertificateFetcher.SIGNING_KEY);
        return new Signer(server, phone, employeeNumber, new CmsSigner(key.getPrivate(), chain[0]), chain);
    }

    /** The signer's phone and what the tests do with it. */
    public record Signer(WebAddress server, Phone phone, String employeeNumber, CmsSigner cms, X509Certificate[] chain) {

        public EPortalClient eportal() {
            return new EPortalClient(phone.api);
        }

        public String deviceId() {
            return phone.device.deviceId();
        }

        /** The phone's bearer token for the API. */
        public String token() {
            return phone.session.token();
        }

        public Path home() {
            return phone.home;
        }

        /** E Portal binding as seen through the hospital's proxy: {@code forwardedFor} is the phone's address. */
        public HttpResponse<String> bindEPortal(String forwardedFor) throws Exception {
            return phone.bindEPortal(server, employeeNumber, forwardedFor);
        }

        public String chainPem() throws Exception {
            StringBuilder pem = new StringBuilder();
            for (int i = 1; i < chain.length; i++) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(chain[i].getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            return pem.toString();
        }
    }
}
