package org.medsign.credential;

import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.mobile.CertificateFetcher;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.Enroller;
import org.medsign.mobile.IssuedCertificate;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Prints certificates issued per second through the API — CSR in, 已下載 out (enrol, fetch the chain, acknowledge) —
 * and, in the same run, Bouncy Castle's raw EC P-256 signing speed (the CA key's kind), and the ratio.
 * The application and card ceremony before each enrolment are done but not timed.
 * Run: benchmarks/credentials.sh [enrolments]
 */
public final class EnrolmentBenchmark {

    private EnrolmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            StaffSession nurse = StaffSession.logIn(server, "N0001");
            Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", "benchmark");
            SoftCard card = new DevHca(server).card("N0001.p12");
            char[] pin = "482916".toCharArray();
            long timed = 0;
            for (int i = -20; i < count; i++) {
                Enrolments.Ticket ticket = Enrolments.apply(nurse, "benchmark", card);
                KeyPair key = DeviceKeyStore.newKeyPair("EC");
                byte[] csr = Enroller.csr(key, "N0001");
                DeviceKeyStore.store(phone.home.resolve(CertificateFetcher.SIGNING_STORE), pin, CertificateFetcher.SIGNING_KEY, key);
                long start = System.nanoTime();
                IssuedCertificate issued = new Enroller(phone.api).enrol(TicketLink.parse(ticket.uri()), ticket.code(), csr,
                        phone.device.deviceId(), phone.deviceKey.getPrivate());
                new CertificateFetcher(phone.api).download(issued.serial(), phone.home, pin);
                if (i >= 0) {
                    timed += System.nanoTime() - start;
                }
            }
            double perSecond = count / (timed / 1e9);
            double raw = rawSigning();
            System.out.printf("database: %s%n", server.database());
            System.out.printf("enrolments (CSR in, DOWNLOADED out), one client in sequence: %d in %.2f s = %.1f certificates/s%n",
                    count, timed / 1e9, perSecond);
            System.out.printf("Bouncy Castle EC P-256 signing, one core: %.0f signatures/s%n", raw);
            System.out.printf("ratio: %.3f (certificates/s per raw signature/s)%n", perSecond / raw);
        }
    }

    static double rawSigning() throws Exception {
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        byte[] data = new byte[256];
        Signature signer = Signature.getInstance("SHA256withECDSA", bc);
        for (int i = 0; i < 2000; i++) {
            signer.initSign(key.getPrivate());
            signer.update(data);
            signer.sign();
        }
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            signer.initSign(key.getPrivate());
            signer.update(data);
            signer.sign();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
