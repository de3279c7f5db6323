package org.medsign.systemtest;

import org.medsign.dev.his.HisGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Staff for a benchmark: people who can log in with the demo password, copied in SQL from the demo nurse N0001
 * (medsign has no registration API: people come from the HR import), each with the employee number, profession, site
 * and department of a HIS author, so that the HIS's records are theirs. People already there (the demo staff) are
 * kept as they are.
 */
public final class StaffCopies {

    private StaffCopies() {
    }

    /** Adds the authors missing from the staff directory, with portal accounts; returns how many were added. */
    public static int add(MedsignServer server, List<HisGenerator.Author> authors) throws SQLException {
        int added = 0;
        try (Connection c = server.database().connect();
             PreparedStatement member = c.prepareStatement("INSERT INTO staff_member (id, employee_number, name, title, sex,"
                     + " national_id_sealed, national_id_masked, national_id_digest, email, phone, licence_number, site_code,"
                     + " department_id, profession_code, active, created_at)"
                     + " SELECT 1000000 + ?, ?, m.name, m.title, m.sex, m.national_id_sealed, m.national_id_masked,"
                     + " md5(?) || md5(?), ?, m.phone, NULL, d.site_code, d.id, ?, TRUE, now()"
                     + " FROM staff_member m, department d WHERE m.employee_number = 'N0001' AND d.site_code = ? AND d.code = ?"
                     + " AND NOT EXISTS (SELECT 1 FROM staff_member x WHERE x.employee_number = ?)");
             PreparedStatement account = c.prepareStatement("INSERT INTO portal_account (id, staff_member_id, username,"
                     + " password_hash, roles, failed_attempts, password_changed_at, version)"
                     + " SELECT 1000000 + ?, 1000000 + ?, ?, a.password_hash, 'STAFF', 0, a.password_changed_at, 0"
                     + " FROM portal_account a WHERE a.username = 'N0001'"
                     + " AND EXISTS (SELECT 1 FROM staff_member x WHERE x.id = 1000000 + ?)")) {
            c.setAutoCommit(false);
            int n = 0;
            for (HisGenerator.Author author : authors) {
                n++;
                String e = author.employeeNumber();
                member.setInt(1, n);
                member.setString(2, e);
                member.setString(3, e);
                member.setString(4, e + "/bench");
                member.setString(5, e.toLowerCase() + "@hospital.example");
                member.setString(6, author.physician() ? "PHYSICIAN" : "NURSE");
                member.setString(7, author.site());
                member.setString(8, author.department());
                member.setString(9, e);
                added += member.executeUpdate();
                account.setInt(1, n);
                account.setInt(2, n);
                account.setString(3, e);
                account.setInt(4, n);
                account.executeUpdate();
            }
            c.commit();
        }
        return added;
    }
}
